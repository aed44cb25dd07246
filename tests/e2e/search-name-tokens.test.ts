/**
 * What the synonym tokens rely on in Pagefind (src/lib/search/synonym-tokens.ts), shown on a small
 * index of its own, written by the build's own index step and searched with Pagefind's own script
 * in a real browser. A page carries the token of each name of a group it uses; a search for the
 * group's token finds them all, as Pagefind matches a query word against every word it begins. But
 * for each word of a search Pagefind loads one index chunk, and it ends a chunk after 20,000 word
 * positions, so a much-used name's token can end one chunk and the next name's start another: the
 * search page loads every name's chunk first (`everyNameToken`, src/browser/search/engine.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeSearchIndex } from '../../src/integrations/pagefind-index';
import { everyNameToken, queryVocabulary, searchToken, synonymLookup } from '../../src/lib/search/synonym-tokens';
import { page, writeSite } from '../support/search/index-pages';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { launchBrowser, openPage } from '../support/browser';

const group = ['Electronic patient record', 'EPR'];
const groupToken = searchToken(group);
const [recordToken, eprToken] = everyNameToken([groupToken], synonymLookup(queryVocabulary([group])));

/** Sixty pages that say "electronic patient record" 400 times each (24,000 positions), and one that says only "EPR". */
const pages: [string, string][] = [
  ...Array.from({ length: 60 }, (_, i): [string, string] => [`blueprints/record-${i}/index.html`, page(`Record ${i}`, `${recordToken} `.repeat(400))]),
  ['blueprints/only-epr/index.html', page('Only EPR', eprToken)],
];

const work = mkdtempSync(join(tmpdir(), 'search-name-tokens-'));
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = writeSite(join(work, 'site'), pages);
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><head><title>Search</title></head><body></body></html>');
  expect(await writeSearchIndex(site)).toBe(61);
  server = await startStaticServer({ root: site, base: '/' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Searches for `term` in a new page, after loading the chunks of `preload` when given; returns the URLs found. */
async function search(term: string, preload?: string): Promise<string[]> {
  const local = await openPage(browser);
  try {
    await local.page.goto(server.url('/'));
    // A string, not a function: the test runner would rewrite a function's import().
    const urls: string[] = await local.page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options({ baseUrl: '/' });
      const preload = ${JSON.stringify(preload ?? '')};
      if (preload) await pagefind.preload(preload);
      const found = await pagefind.search(${JSON.stringify(term)});
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    })()`);
    expect(local.errors).toEqual([]);
    return urls.sort();
  } finally {
    await local.close();
  }
}

describe('a synonym group’s name tokens in Pagefind', () => {
  it('are each found by their own token', async () => {
    expect(await search(eprToken)).toEqual(['/blueprints/only-epr/']);
    expect(await search(recordToken)).toHaveLength(60);
  });

  it('sit in two index chunks here, so the group’s token alone misses the page in the second', async () => {
    // If this fails, Pagefind loads every chunk a word's extensions may be in, and the search
    // page's preload could go.
    const found = await search(groupToken);
    expect(found).toHaveLength(60);
    expect(found).not.toContain('/blueprints/only-epr/');
  });

  it('are all found by the group’s token once every name’s chunk is loaded, as the search page does', async () => {
    const found = await search(groupToken, everyNameToken([groupToken], synonymLookup(queryVocabulary([group]))).join(' '));
    expect(found).toHaveLength(61);
    expect(found).toContain('/blueprints/only-epr/');
  });
});
