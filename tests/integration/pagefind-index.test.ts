/**
 * The search index written from the built site (src/integrations/pagefind-index.ts), with the real
 * Pagefind: which pages it holds and what of them, the same index however the files were written,
 * the sorts beside it, and a build that fails loudly when the index is wrong or cannot be written.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/pagefind-index';
import { sortResults, type SortOrders } from '../../src/lib/search/sort-orders';
import { files, page, site, writeSite } from '../support/search/index-pages';

const work = mkdtempSync(join(tmpdir(), 'pagefind-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** Each fragment Pagefind wrote, by its id: the page's URL and the text it holds. */
function fragments(pagefind: string): Map<string, { url: string; content: string }> {
  const folder = join(pagefind, 'fragment');
  return new Map(
    readdirSync(folder).map((f) => [f.replace(/\.pf_fragment$/, ''), JSON.parse(gunzipSync(readFileSync(join(folder, f))).toString('utf8').slice('pagefind_dcd'.length))]),
  );
}

/** A page as the site renders one: header, navigation and footer around the indexed body, nested elements inside it. */
const fullPage = (title: string, words: string) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} – Blueprint Commons</title></head>
<body><header><a href="/">Blueprint Commons</a><nav><a href="/search/">Search</a> Navigation words</nav></header>
<main id="maincontent"><article data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type:blueprint"></span><span data-pagefind-meta="title">${title}</span></div>
<h1>${title}</h1><h2 id="start">Starting point</h2><p>${words}</p><article><h3 id="inner">A nested article</h3><p>Bedside devices.</p></article></article>
<section><h2>Related blueprints</h2><p>Closed-loop medicines administration.</p></section></main><footer>Contact the team.</footer></body></html>`;

describe('the search index written from the built site', () => {
  it('holds the pages with a data-pagefind-body element under the blueprint, playbook and template folders', async () => {
    const dir = writeSite(join(work, 'site'));
    expect(await writeSearchIndex(dir)).toBe(3);
    const urls = [...fragments(join(dir, 'pagefind')).values()].map((f) => f.url).sort();
    expect(urls).toEqual(['/blueprints/e-prescribing/', '/blueprints/ward-rounds/', '/playbooks/foundations/']);
    expect(readdirSync(join(dir, 'pagefind')).filter((f) => f.startsWith('pagefind-ui') || f.startsWith('pagefind-modular-ui') || f.startsWith('pagefind-component-ui')), 'ready-made UI left behind').toEqual([]);
  });

  it('holds the body of a page and nothing around it', async () => {
    const dir = writeSite(join(work, 'full-pages'), [['templates/risk-log/index.html', fullPage('Risk log', 'Observations at the bedside.')]]);
    expect(await writeSearchIndex(dir)).toBe(1);
    const [{ url, content }] = [...fragments(join(dir, 'pagefind')).values()];
    expect(url).toBe('/templates/risk-log/');
    expect(content).toContain('Observations at the bedside.');
    expect(content).toContain('A nested article');
    for (const outside of ['Navigation words', 'Related blueprints', 'Contact the team']) expect(content).not.toContain(outside);
  });

  it('writes the same files whatever order the pages were written in', async () => {
    const inOrder = writeSite(join(work, 'in-order'));
    const reversed = writeSite(join(work, 'reversed'), [...site].reverse());
    await writeSearchIndex(inOrder);
    await writeSearchIndex(reversed);
    expect(files(join(reversed, 'pagefind'))).toEqual(files(join(inOrder, 'pagefind')));
  });

  it('writes the pages’ sort keys beside the index by Pagefind’s ids, and not into the index', async () => {
    const dated = (title: string, published: string) =>
      `<html lang="en"><body><main data-pagefind-body><div hidden data-pagefind-ignore><span data-search-sort="published:${published}"></span></div><h1>${title}</h1><p>Ward rounds.</p></main></body></html>`;
    const dir = writeSite(join(work, 'sorted'), [
      ['blueprints/middle/index.html', dated('Middle', '2024-06-01')],
      ['blueprints/newest/index.html', dated('Newest', '2025-02-01')],
      ['blueprints/oldest/index.html', dated('Oldest', '2023-01-15')],
    ]);
    expect(await writeSearchIndex(dir)).toBe(3);
    const out = join(dir, 'pagefind');
    const orders = JSON.parse(readFileSync(join(out, 'sort-orders.json'), 'utf8')) as SortOrders;
    const urlOf = (id: string) => fragments(out).get(id)!.url;
    expect(orders.pages.map(urlOf)).toEqual(['/blueprints/middle/', '/blueprints/newest/', '/blueprints/oldest/']);
    expect(sortResults(orders.pages.map((id) => ({ id })), orders, 'published', 'desc').map((r) => urlOf(r.id))).toEqual(['/blueprints/newest/', '/blueprints/middle/', '/blueprints/oldest/']);
    // Pagefind's metadata, which every search loads first, holds no sort (Pagefind would name it there).
    const meta = readdirSync(out).find((f) => f.endsWith('.pf_meta'))!;
    expect(gunzipSync(readFileSync(join(out, meta))).includes('published')).toBe(false);
  });

  it('fails when the index does not hold every page that marks a body', async () => {
    // The attribute's name in another attribute's value: counted as a page to index, which Pagefind rightly skips.
    const dir = writeSite(join(work, 'miscounted'), [...site, ['blueprints/odd/index.html', '<html lang="en"><body><p title="a data-pagefind-body b">Odd.</p></body></html>']]);
    await expect(writeSearchIndex(dir)).rejects.toThrow(/Pagefind could not index every page:\nit holds 3 pages, but 4 built pages under blueprints\/, playbooks\/, templates\/ have a data-pagefind-body element/);
  });

  it('fails, naming the step, when the index cannot be written', async () => {
    const dir = writeSite(join(work, 'blocked'));
    writeFileSync(join(dir, 'pagefind'), 'not a folder');
    await expect(writeSearchIndex(dir)).rejects.toThrow(/Pagefind could not write the index:\n.*(EEXIST|not a directory)/);
  });

  it('ignores Pagefind settings in the environment: the index depends on the build alone', async () => {
    const plain = writeSite(join(work, 'plain'));
    await writeSearchIndex(plain);
    // Each would change what Pagefind indexes if it reached Pagefind.
    vi.stubEnv('PAGEFIND_ROOT_SELECTOR', 'footer');
    vi.stubEnv('PAGEFIND_EXCLUDE_SELECTORS', 'h1');
    const set = writeSite(join(work, 'environment'));
    await writeSearchIndex(set);
    expect(files(join(set, 'pagefind'))).toEqual(files(join(plain, 'pagefind')));
  });

  it('fails with what Pagefind printed when Pagefind fails', async () => {
    const fake = join(work, 'failing-pagefind');
    writeFileSync(fake, '#!/bin/sh\necho "Error: made-up failure reading the site" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    // Pagefind's runner starts the binary this variable names instead of the installed one.
    vi.stubEnv('PAGEFIND_EXTENDED_BINARY_PATH', fake);
    const dir = writeSite(join(work, 'failing'));
    await expect(writeSearchIndex(dir)).rejects.toThrow(/^Pagefind could not index the pages:\nError: made-up failure reading the site$/);
  });

  it('fails, saying why, for a site with no page to index', async () => {
    const dir = writeSite(join(work, 'empty'), [['index.html', page('Home', 'Nothing to index here.')]]);
    await expect(writeSearchIndex(dir)).rejects.toThrow(/Pagefind could not index the pages:\nno built page under blueprints\/, playbooks\/, templates\/ has a data-pagefind-body element/);
  });
});
