/**
 * src/integrations/typescript-hooks.mjs: plain Node (what `astro build` runs the config in) imports
 * the integrations' TypeScript, whose imports omit ".ts", and the hooks are gone afterwards.
 * Each case runs in a new `node` process, because vitest would otherwise load the modules itself.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs an ES module script with the project's Node from the repository root; returns its output. */
function node(script: string): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const hooks = JSON.stringify(new URL('../../src/integrations/typescript-hooks.mjs', import.meta.url).href);

describe('importing the project TypeScript with Node', () => {
  it('loads an integration whose own imports name modules without ".ts"', () => {
    const { status, out } = node(`
      const { importTypeScript } = await import(${hooks});
      const [{ contentGate }] = await importTypeScript(['./integrations/content-gate.ts']);
      console.log(contentGate().name);
    `);
    expect(out).toContain('blueprint-commons:content-gate');
    expect(status).toBe(0);
  });

  it('loads TypeScript that type stripping alone refuses (a parameter property)', () => {
    const { status, out } = node(`
      const { importTypeScript } = await import(${hooks});
      const [{ StepError }] = await importTypeScript(['./lib/contribute/publish.ts']);
      console.log(new StepError('Opening the pull request', new Error('offline')).step);
    `);
    expect(out).toContain('Opening the pull request');
    expect(status).toBe(0);
  });

  it('removes the hooks once the modules are loaded', () => {
    const later = JSON.stringify(new URL('../../src/lib/contribute/hand-off.ts', import.meta.url).href);
    const { status, out } = node(`
      const { importTypeScript } = await import(${hooks});
      await importTypeScript(['./integrations/search-data-slot.ts']);
      await import(${later}).then(() => console.log('still hooked'), (e) => console.log(e.code));
    `);
    expect(out).toContain('ERR_MODULE_NOT_FOUND');
    expect(status).toBe(0);
  });
});
