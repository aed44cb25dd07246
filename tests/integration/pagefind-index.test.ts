/**
 * The search index the build streams pages into (src/integrations/pagefind.ts), with the real
 * Pagefind: pages rendered in any order give the same index files, the index is written as soon
 * as the last listed page is in, and a page that misses the index fails the build.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { close } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/integrations/pagefind';

const work = mkdtempSync(join(tmpdir(), 'pagefind-index-'));
afterAll(async () => {
  await close();
  rmSync(work, { recursive: true, force: true });
});

const page = (title: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;
const pages: [string, string | undefined][] = [
  ['/blueprints/ward-rounds/', page('Ward rounds', 'Electronic observations on every ward.')],
  ['/blueprints/e-prescribing/', page('E-prescribing', 'Closed-loop medicines administration.')],
  ['/blueprints/', undefined], // not an HTML page: counted, not indexed
  ['/playbooks/foundations/', page('Foundations', 'Governance before go-live.')],
];
const listed = pages.map(([path]) => path.replace(/\/$/, ''));

/** Every file under a folder, path → contents. */
function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name)).toString('base64')]),
  );
}

async function waitFor(file: string): Promise<boolean> {
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  return existsSync(file);
}

describe('the streamed search index', () => {
  it('writes the same files whatever order the pages finish rendering in', async () => {
    const inOrder = join(work, 'in-order');
    const shuffled = join(work, 'shuffled');
    const a = new SearchIndex(inOrder);
    a.expect(listed);
    for (const [path, html] of pages) a.add(path, html);
    expect(await a.finish()).toBe(3);
    const b = new SearchIndex(shuffled);
    b.expect(listed);
    for (const i of [3, 1, 2, 0]) b.add(pages[i][0], pages[i][1]);
    expect(await b.finish()).toBe(3);
    expect(files(shuffled)).toEqual(files(inOrder));
  });

  it('starts writing once the last listed page is in, before the build asks for it', async () => {
    const out = join(work, 'early');
    const index = new SearchIndex(out);
    index.expect(listed);
    for (const [path, html] of pages.slice(1)) index.add(path, html);
    await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(join(out, 'pagefind-entry.json')), 'written before every page was in').toBe(false);
    index.add(pages[0][0], pages[0][1]);
    expect(await waitFor(join(out, 'pagefind-entry.json'))).toBe(true);
    expect(await index.finish()).toBe(3);
    expect(existsSync(join(out, 'pagefind-ui.js')), 'ready-made UI left behind').toBe(false);
  });

  it('still indexes every page when a listed page never renders', async () => {
    const index = new SearchIndex(join(work, 'gap'));
    index.expect([...listed, '/blueprints/never-rendered']);
    for (const [path, html] of pages) index.add(path, html);
    expect(await index.finish()).toBe(3);
  });

  it('fails when a page arrives after the index was written', async () => {
    const index = new SearchIndex(join(work, 'late'));
    index.expect(listed);
    for (const [path, html] of pages) index.add(path, html);
    index.add('/blueprints/late/', page('Late', 'Rendered after the index was written.'));
    await expect(index.finish()).rejects.toThrow(/\/blueprints\/late\/: rendered after the index was written/);
  });

  it('fails, naming the step, when the index cannot be written', async () => {
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const index = new SearchIndex(join(blocker, 'pagefind'));
    index.expect(listed);
    for (const [path, html] of pages) index.add(path, html);
    await expect(index.finish()).rejects.toThrow(/Pagefind could not write the index:\n.*not a directory/);
  });
});
