/**
 * The search index the build streams pages into (src/integrations/pagefind-index.ts), with the real
 * Pagefind: pages rendered in any order give the same index files, the index is written as soon
 * as the last listed page is in, and a page that misses the index fails the build.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { SearchIndex } from '../../src/integrations/pagefind-index';
import { sortResults, type SortOrders } from '../../src/lib/search/sort-orders';
import { files, listed, page, pages } from '../support/search/index-pages';
import { indexedPart } from '../../src/lib/search/indexed-part';

const work = mkdtempSync(join(tmpdir(), 'pagefind-index-'));
afterAll(async () => {
  await close();
  rmSync(work, { recursive: true, force: true });
});

async function waitFor(file: string): Promise<boolean> {
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  return existsSync(file);
}

/** A page as the site renders one: header, navigation and footer around the indexed body, ids and nested elements inside it. */
const fullPage = (title: string, words: string) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} – Blueprint Commons</title></head>
<body><header><a href="/">Blueprint Commons</a><nav><a href="/search/">Search</a> Ward rounds and e-prescribing</nav></header>
<main id="maincontent"><article data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type:blueprint"></span><span data-pagefind-meta="title">${title}</span></div>
<h1>${title}</h1><h2 id="start">Starting point</h2><p>${words}</p><article><h3 id="inner">A nested article</h3><p>Bedside devices.</p></article>
<section hidden><h2 id="aka">Also known as</h2><p data-pagefind-weight="3">eObs, electronic observations.</p></section></article>
<section><h2>Related blueprints</h2><p>Closed-loop medicines administration.</p></section></main><footer>Contact the team about handover.</footer></body></html>`;

describe('what Pagefind reads of a page', () => {
  it('is the page language and the whole data-pagefind-body element, nested elements included', () => {
    const part = indexedPart(fullPage('Ward rounds', 'Observations at the bedside.'))!;
    expect(part.startsWith('<html lang="en-GB"><body><article data-pagefind-body>')).toBe(true);
    expect(part.endsWith('eObs, electronic observations.</p></section></article></body></html>')).toBe(true);
    expect(part).toContain('A nested article');
    expect(part).not.toContain('Related blueprints');
    expect(part).not.toContain('<header>');
  });

  it('is nothing for a page without a data-pagefind-body element', () => {
    expect(indexedPart('<!doctype html><html lang="en-GB"><body><main><h1>All blueprints</h1></main></body></html>')).toBeUndefined();
  });

  it('gives the same index files as the whole pages', async () => {
    const site: [string, string][] = [
      ['/blueprints/ward-rounds/', fullPage('Ward rounds', 'Observations at the bedside on every ward.')],
      ['/blueprints/e-prescribing/', fullPage('E-prescribing', 'Medicines administration with barcode scanning.')],
    ];
    const whole = join(work, 'whole');
    const parts = join(work, 'parts');
    for (const [out, read] of [[whole, (h: string) => h], [parts, indexedPart]] as const) {
      const index = new SearchIndex(out);
      index.expect(site.map(([path]) => path));
      for (const [path, html] of site) index.add(path, read(html));
      expect(await index.finish()).toBe(2);
    }
    expect(files(parts)).toEqual(files(whole));
  });
});

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

  it('writes the pages’ sort keys beside the index by Pagefind’s ids, and not into the index', async () => {
    const dated = (title: string, published: string) =>
      `<html lang="en"><body><main data-pagefind-body><div hidden data-pagefind-ignore><span data-search-sort="published:${published}"></span></div><h1>${title}</h1><p>Ward rounds.</p></main></body></html>`;
    const site: [string, string][] = [
      ['/blueprints/middle/', dated('Middle', '2024-06-01')],
      ['/blueprints/newest/', dated('Newest', '2025-02-01')],
      ['/blueprints/oldest/', dated('Oldest', '2023-01-15')],
    ];
    const out = join(work, 'sorted');
    const index = new SearchIndex(out);
    index.expect(site.map(([path]) => path));
    for (const [path, html] of site) index.add(path, html);
    expect(await index.finish()).toBe(3);
    const orders = JSON.parse(readFileSync(join(out, 'sort-orders.json'), 'utf8')) as SortOrders;
    // Each id is the fragment Pagefind wrote for that page.
    const urlOf = (id: string) => (JSON.parse(gunzipSync(readFileSync(join(out, 'fragment', `${id}.pf_fragment`))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string }).url;
    expect(orders.pages.map(urlOf)).toEqual(site.map(([path]) => path));
    expect(sortResults(orders.pages.map((id) => ({ id })), orders, 'published', 'desc').map((r) => urlOf(r.id))).toEqual(['/blueprints/newest/', '/blueprints/middle/', '/blueprints/oldest/']);
    // Pagefind's metadata, which every search loads first, holds no sort (Pagefind would name it there).
    const meta = readdirSync(out).find((f) => f.endsWith('.pf_meta'))!;
    expect(gunzipSync(readFileSync(join(out, meta))).includes('published')).toBe(false);
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
