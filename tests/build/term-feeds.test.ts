/**
 * Each taxonomy value's feed: every list page offers it (a feed link in its head and a visible
 * link), and it holds that value's blueprints and redprints, most recently reviewed first, each
 * linking to a built page. The expected items are worked out again from the content files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedLength } from '../../src/lib/content/feed';
import { paths } from '../../src/lib/content/urls';
import { facets, isListed } from '../../src/lib/schema';
import { expectedContent } from '../support/content';
import { attr, decodeEntities, parseHtml } from '../support/html';
import { firstPageOf, pagesOfKind, readPage } from '../support/pages';
import { distDir, served, unserved } from '../support/site-dir';

/** The links of a feed's items, in order, and its channel's title. */
function readFeed(path: string): { title: string; links: string[] } {
  const xml = readFileSync(join(distDir(), path), 'utf8');
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
  return {
    title: decodeEntities(/<channel><title>([^<]*)<\/title>/.exec(xml)?.[1] ?? ''),
    links: items.map((item) => new URL(decodeEntities(/<link>([^<]*)<\/link>/.exec(item)![1]!)).pathname),
  };
}

describe('the feed of each taxonomy value', () => {
  const listPages = pagesOfKind('taxonomy').filter((p) => firstPageOf(p.path) === p.path);

  it('is offered by every list page, in its head and in a visible link, and names the value', async () => {
    expect(listPages.length).toBeGreaterThan(20);
    for (const page of listPages) {
      const dom = await parseHtml(readPage(page));
      const feed = served(paths.termFeed(page.path));
      const alternates = dom.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]').map((l) => attr(l, 'href'));
      expect(alternates, page.path).toContain(feed);
      expect(attr(dom.querySelector('[data-term-feed] a')!, 'href'), page.path).toBe(feed);
      expect(existsSync(join(distDir(), paths.termFeed(page.path))), page.path).toBe(true);
      const label = decodeEntities(dom.querySelector('h1')!.textContent).trim();
      expect(readFeed(paths.termFeed(page.path)).title, page.path).toContain(label);
    }
  });

  it('lists the value’s blueprints and redprints, most recently reviewed first, each a built page', () => {
    const listed = expectedContent().blueprints.filter((b) => isListed(b.data));
    const busiest = facets.capabilities.terms
      .map((t) => ({ value: t.value, items: listed.filter((b) => b.data.capabilities.includes(t.value)) }))
      .sort((a, b) => b.items.length - a.items.length)[0]!;
    expect(busiest.items.length).toBeGreaterThan(1);
    const { links } = readFeed(paths.termFeed(paths.facetValue('capabilities', busiest.value)));
    const expected = [...busiest.items]
      .sort((a, b) => b.data.lastReviewed.getTime() - a.data.lastReviewed.getTime())
      .slice(0, feedLength);
    expect(links.map((l) => unserved(l))).toEqual(expected.map((b) => paths.blueprint(b.slug)));
    for (const page of listPages) {
      for (const link of readFeed(paths.termFeed(page.path)).links) {
        expect(existsSync(join(distDir(), unserved(link)!, 'index.html')), `${page.path}: ${link}`).toBe(true);
      }
    }
  });
});
