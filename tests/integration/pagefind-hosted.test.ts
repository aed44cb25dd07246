/**
 * The search index `npm run build` keeps for Astro (src/integrations/pagefind-hosted.ts): a real
 * child process sends its pages over the IPC channel, as Astro's does, and the parent writes the
 * same index the child would have written itself, only once the child has gone.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { close } from 'pagefind';
import { closePagefind, pagefindProcesses } from '../../src/integrations/pagefind-close.mjs';
import { SearchIndex } from '../../src/integrations/pagefind-index';
import { hostSearchIndex, hostSerialization, hostVariable } from '../../src/integrations/pagefind-hosted';
import { files, listed, pages } from '../support/search/index-pages';

const work = mkdtempSync(join(tmpdir(), 'pagefind-hosted-'));
afterAll(async () => {
  await close();
  rmSync(work, { recursive: true, force: true });
});

/** A child that plays Astro's part: sends the pages (in the order given) and, unless told not to, says it is done. */
function astroLike(out: string, order: number[], { finish = true } = {}) {
  const script = join(work, `child-${Math.random().toString(36).slice(2)}.mjs`);
  const hooks = JSON.stringify(new URL('../../src/integrations/typescript-hooks.mjs', import.meta.url).href);
  writeFileSync(
    script,
    `const { importTypeScript } = await import(${hooks});
     const [{ HostedSearchIndex, indexHostedByParent }] = await importTypeScript(['./integrations/pagefind-hosted.ts']);
     if (!indexHostedByParent()) throw new Error('not hosted');
     const index = new HostedSearchIndex(${JSON.stringify(out)});
     index.expect(${JSON.stringify(listed)});
     const pages = ${JSON.stringify(pages)};
     for (const i of ${JSON.stringify(order)}) index.add(pages[i][0], pages[i][1] ?? undefined);
     ${finish ? 'await index.finish();' : ''}
     // Time enough for an index that did not wait for this process to be written (3 pages: ~0.1 s).
     await new Promise((r) => setTimeout(r, 700));
     process.exit(0);`,
  );
  const child = fork(script, [], { env: { ...process.env, [hostVariable]: 'parent' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: hostSerialization });
  return { child, host: hostSearchIndex(child), exited: once(child, 'exit') };
}

describe('the index npm run build keeps for Astro', () => {
  it('writes, once the child has exited, the same files the child would have written itself', async () => {
    const own = join(work, 'own');
    const index = new SearchIndex(own);
    index.expect(listed);
    for (const [path, html] of pages) index.add(path, html);
    expect(await index.finish()).toBe(3);

    const hosted = join(work, 'hosted');
    const { host, exited } = astroLike(hosted, [3, 1, 2, 0]);
    const [status] = await exited;
    expect(status).toBe(0);
    expect(existsSync(join(hosted, 'pagefind-entry.json')), 'written before Astro had gone').toBe(false);
    expect(await host.write()).toBe(3);
    expect(files(hosted)).toEqual(files(own));
  });

  it('refuses to write an index when the child exited without saying every page was sent', async () => {
    const { host, exited } = astroLike(join(work, 'cut-short'), [0, 1], { finish: false });
    await exited;
    await expect(host.write()).rejects.toThrow(/Pagefind was not given every page/);
  });

  it('says so when no page ever came', async () => {
    writeFileSync(join(work, 'nothing.mjs'), '');
    const child = fork(join(work, 'nothing.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: hostSerialization });
    const host = hostSearchIndex(child);
    await once(child, 'exit');
    await expect(host.write()).rejects.toThrow(/Pagefind did not run/);
  });

  it('stops Pagefind before it returns: no Pagefind process outlives the build, so its CPU time is counted with the build', async () => {
    const index = new SearchIndex(join(work, 'stopped'));
    index.expect(listed);
    for (const [path, html] of pages) index.add(path, html);
    await index.finish();
    const running = pagefindProcesses();
    expect(running.length).toBeGreaterThan(0);
    await closePagefind();
    expect(pagefindProcesses().filter((pid) => running.includes(pid))).toEqual([]);
  });
});
