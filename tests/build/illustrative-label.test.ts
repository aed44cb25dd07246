/**
 * Wherever a made-up organisation's words appear away from its own page (a list, a table, the
 * home page, taxonomy and organisation pages, the feed, the search index), they carry the
 * illustrative label. Which entries are made up comes from the content, never from a list here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntities } from 'parse-entities';
import { describe, expect, it } from 'vitest';
import { illustrativeLabel, illustrativeSentence, isIllustrativeBlueprint } from '../../src/lib/content/illustrative';
import { paths } from '../../src/lib/content/urls';
import { expectedContent } from '../support/content';
import { attr, decodeEntities, parseHtml, type HtmlElement } from '../support/html';
import { builtPages, readPage } from '../support/pages';
import { basePath, distDir } from '../support/site-dir';

/** Site paths of every illustrative blueprint, playbook and organisation page. */
function illustrativePaths(): Set<string> {
  const { blueprints, playbooks, organisations } = expectedContent();
  const organisation = new Map(organisations.map((o) => [o.slug, o.data]));
  return new Set([
    ...blueprints.filter((b) => isIllustrativeBlueprint(b.data, organisation.get(b.data.organisation))).map((b) => paths.blueprint(b.slug)),
    ...playbooks.filter((p) => p.data.illustrative).map((p) => paths.playbook(p.slug)),
    ...organisations.filter((o) => o.data.illustrative).map((o) => paths.organisation(o.slug)),
  ]);
}

function within(element: HtmlElement, tags: string[]): HtmlElement | undefined {
  for (let node: HtmlElement | null = element.parent; node; node = node.parent) {
    if (tags.includes(node.tagName)) return node;
  }
  return undefined;
}

describe('the illustrative label', () => {
  const made = illustrativePaths();
  /** A link's site path without the base path, as the content's paths are written. */
  const pathOf = (href: string) => {
    const pathname = new URL(href, `https://example.org${basePath()}`).pathname;
    return pathname.startsWith(basePath()) ? `/${pathname.slice(basePath().length)}` : pathname;
  };

  it('is beside every list entry or table row that links to made-up content, on every page', async () => {
    expect(made.size).toBeGreaterThan(0);
    const unlabelled: string[] = [];
    for (const page of builtPages().filter((p) => p.file.endsWith('.html'))) {
      const dom = await parseHtml(readPage(page));
      for (const link of dom.querySelectorAll('main a[href]')) {
        const target = pathOf(attr(link, 'href')!);
        if (!made.has(target) || within(link, ['nav'])) continue;
        const entry = within(link, ['li', 'tr']);
        if (!entry) continue; // a link in running text or a summary list, on a page that carries the full notice
        if (!decodeEntities(entry.textContent).toLowerCase().includes(illustrativeLabel.toLowerCase())) unlabelled.push(`${page.path} → ${target}`);
      }
    }
    expect(unlabelled).toEqual([]);
  });

  it('opens the description of every made-up blueprint and playbook page, and of no other', async () => {
    const pages = builtPages().filter((p) => p.kind === 'blueprint' || p.kind === 'redprint' || p.kind === 'playbook');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const dom = await parseHtml(readPage(page));
      const description = attr(dom.querySelector('meta[name="description"]')!, 'content')!;
      expect(description.startsWith(illustrativeSentence), page.path).toBe(made.has(page.path));
    }
  });

  it('qualifies the evidence level of every made-up blueprint where the page states it', async () => {
    for (const page of builtPages().filter((p) => p.kind === 'blueprint' || p.kind === 'redprint')) {
      const dom = await parseHtml(readPage(page));
      const row = dom.querySelectorAll('#key-facts .nhsuk-summary-list__row').find((r) => decodeEntities(r.querySelector('dt')!.textContent).trim() === 'Evidence');
      expect(row, page.path).toBeDefined();
      expect(decodeEntities(row!.querySelector('dd')!.textContent).includes('made-up example'), page.path).toBe(made.has(page.path));
    }
  });

  it('is in the search index’s metadata for every made-up page, and no other', async () => {
    const pages = builtPages().filter((p) => p.kind === 'blueprint' || p.kind === 'redprint' || p.kind === 'playbook');
    for (const page of pages) {
      const dom = await parseHtml(readPage(page));
      const meta = dom.querySelector('[data-pagefind-meta="illustrative"]');
      expect(meta ? decodeEntities(meta.textContent) : undefined, page.path).toBe(made.has(page.path) ? illustrativeLabel : undefined);
    }
  });

  it('opens the feed description of every made-up blueprint, which holds no markup', () => {
    const xml = readFileSync(join(distDir(), paths.rss()), 'utf8');
    const items = [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map(([, item]) => ({
      link: parseEntities(/<link>(.*?)<\/link>/s.exec(item)![1]),
      description: parseEntities(/<description>(.*?)<\/description>/s.exec(item)![1]),
    }));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.description, item.link).not.toContain('<');
      expect(parseEntities(item.description).startsWith(illustrativeSentence), item.link).toBe(made.has(pathOf(item.link)));
    }
  });
});
