/**
 * The search index `npm run build` writes for Astro (src/integrations/pagefind-hosted.ts): a real
 * child process names its built site over the IPC channel, as Astro's does, and the parent writes
 * the same index the child would have written itself, once the child has gone.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/pagefind-index';
import { hostSearchIndex, hostVariable } from '../../src/integrations/pagefind-hosted';
import { files, writeSite } from '../support/search/index-pages';

const work = mkdtempSync(join(tmpdir(), 'pagefind-hosted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A child that plays Astro's part: unless told not to, names the built site, then exits. */
function astroLike(site: string, { handOver = true } = {}) {
  const script = join(work, `child-${Math.random().toString(36).slice(2)}.mjs`);
  const hooks = JSON.stringify(new URL('../../src/integrations/typescript-hooks.mjs', import.meta.url).href);
  writeFileSync(
    script,
    `const { importTypeScript } = await import(${hooks});
     const [{ handOverSite, indexHostedByParent }] = await importTypeScript(['./integrations/pagefind-hosted.ts']);
     if (!indexHostedByParent()) throw new Error('not hosted');
     ${handOver ? `await handOverSite(${JSON.stringify(site)});` : ''}
     process.exit(0);`,
  );
  const child = fork(script, [], { env: { ...process.env, [hostVariable]: 'parent' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return { child, host: hostSearchIndex(child), exited: once(child, 'exit') };
}

describe('the index npm run build writes for Astro', () => {
  it('writes, once the child has exited, the same files the child would have written itself', async () => {
    const own = writeSite(join(work, 'own'));
    expect(await writeSearchIndex(own)).toBe(3);

    const hosted = writeSite(join(work, 'hosted'));
    const { host, exited } = astroLike(hosted);
    const [status] = await exited;
    expect(status).toBe(0);
    expect(existsSync(join(hosted, 'pagefind')), 'written before Astro had gone').toBe(false);
    expect(await host.write()).toBe(3);
    expect(files(join(hosted, 'pagefind'))).toEqual(files(join(own, 'pagefind')));
  });

  it('refuses to write an index when the child exited without saying its pages were written', async () => {
    const dir = writeSite(join(work, 'cut-short'));
    const { host, exited } = astroLike(dir, { handOver: false });
    await exited;
    await expect(host.write()).rejects.toThrow(/Astro exited without saying its pages were written/);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });
});
