/**
 * The Pagefind index and the page markup it is built from, checked over the built site without
 * a browser: what is indexed, what each page tells the index, and that readers never see it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isListed } from '../../src/lib/schema';
import { attr, decodeEntities, parseHtml } from '../support/html';
import { builtPages, pagesOfKind } from '../support/pages';
import { expectedContent } from '../support/content';
import { distDir } from '../support/site-dir';
import { contentDir, readVocabulary } from '../../src/node/content-files';
import { groupKeys, nameToken, searchToken } from '../../src/lib/search/synonym-tokens';
import { paths } from '../../src/lib/content/urls';
import { blueprintRecord, templateRecord } from '../../src/lib/search/record';

const listed = () => expectedContent().blueprints.filter((b) => isListed(b.data));
const html = (file: string) => readFileSync(file, 'utf8');

describe('the search index', () => {
  it('is written to /pagefind/ with Pagefind’s script', () => {
    expect(existsSync(join(distDir(), 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('holds one record for every listed blueprint, every playbook and every template, and nothing else', () => {
    const entry = JSON.parse(html(join(distDir(), 'pagefind', 'pagefind-entry.json'))) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    expect(pages).toBe(listed().length + expectedContent().playbooks.length + expectedContent().templates.length);
  });

  it('indexes each of those pages at its own address', () => {
    // Fragments are gzipped JSON after a 12-byte "pagefind_dcd" marker, one per indexed page.
    const fragments = join(distDir(), 'pagefind', 'fragment');
    const urls = readdirSync(fragments).map((f) => (JSON.parse(gunzipSync(readFileSync(join(fragments, f))).subarray(12).toString('utf8')) as { url: string }).url);
    const expected = [
      ...listed().map((b) => paths.blueprint(b.slug)),
      ...expectedContent().playbooks.map((p) => paths.playbook(p.slug)),
      ...expectedContent().templates.map((t) => paths.template(t.slug)),
    ];
    expect(urls.sort()).toEqual(expected.sort());
  });

  it('leaves out Pagefind’s ready-made interfaces, which the site does not use', () => {
    for (const ui of ['pagefind-ui.js', 'pagefind-modular-ui.js', 'pagefind-component-ui.js']) expect(existsSync(join(distDir(), 'pagefind', ui)), ui).toBe(false);
  });

  it('marks the body of blueprint, redprint, playbook and template pages only for indexing', () => {
    const marked = builtPages().filter((p) => /\sdata-pagefind-body[\s>=]/.test(html(p.file)));
    const kinds = ['blueprint', 'redprint', 'playbook', 'template'] as const;
    expect(new Set(marked.map((p) => p.kind))).toEqual(new Set(kinds.filter((k) => marked.some((p) => p.kind === k))));
    expect(marked.length).toBe(kinds.reduce((sum, k) => sum + pagesOfKind(k).length, 0));
  });
});

describe('what a blueprint page tells the index', () => {
  const organisations = new Map(expectedContent().organisations.map((o) => [o.slug, o.data]));

  it.each(listed().map((b) => [b.slug, b] as const))('gives %s the filters, sort keys and facts of its content', async (slug, b) => {
    const dom = await parseHtml(html(join(distDir(), 'blueprints', slug, 'index.html')));
    const expected = blueprintRecord(b.data, organisations.get(b.data.organisation));
    const filters: Record<string, string[]> = {};
    for (const el of dom.querySelectorAll('[data-pagefind-filter]')) {
      const [name, value] = attr(el, 'data-pagefind-filter')!.split(':');
      (filters[name] ??= []).push(value);
    }
    expect(filters).toEqual(Object.fromEntries(Object.entries(expected.filters).filter(([, v]) => v.length)));
    const sorts = Object.fromEntries(dom.querySelectorAll('[data-search-sort]').map((el) => attr(el, 'data-search-sort')!.split(':')));
    expect(sorts).toEqual(expected.sort);
    const meta = Object.fromEntries(dom.querySelectorAll('[data-pagefind-meta]').map((el) => [attr(el, 'data-pagefind-meta'), decodeEntities(el.textContent)]));
    expect(meta).toEqual(expected.meta);
  });

  it.each(expectedContent().templates.map((t) => [t.slug, t] as const))('gives the template %s its type, audience and summary, and leaves its download links out of the text', async (slug, t) => {
    const dom = await parseHtml(html(join(distDir(), 'templates', slug, 'index.html')));
    const expected = templateRecord(t.data);
    const filters: Record<string, string[]> = {};
    for (const el of dom.querySelectorAll('[data-pagefind-filter]')) {
      const [name, value] = attr(el, 'data-pagefind-filter')!.split(':');
      (filters[name] ??= []).push(value);
    }
    expect(filters).toEqual(expected.filters);
    const meta = Object.fromEntries(dom.querySelectorAll('[data-pagefind-meta]').map((el) => [attr(el, 'data-pagefind-meta'), decodeEntities(el.textContent)]));
    expect(meta).toEqual(expected.meta);
    for (const link of dom.querySelectorAll('a[download]')) expect(link.closest('[data-pagefind-ignore]'), attr(link, 'href')).toBeTruthy();
  });

  it('keeps that information hidden, outside the indexed text and free of anything focusable', async () => {
    for (const page of [...pagesOfKind('blueprint'), ...pagesOfKind('redprint'), ...pagesOfKind('playbook'), ...pagesOfKind('template')]) {
      const dom = await parseHtml(html(page.file));
      const holders = dom.querySelectorAll('[data-pagefind-filter]').map((el) => el.parent!);
      for (const holder of new Set(holders)) {
        expect(holder.hasAttribute('hidden'), page.path).toBe(true);
        expect(holder.hasAttribute('data-pagefind-ignore'), page.path).toBe(true);
        expect(holder.querySelectorAll('a, button, input, select, textarea, [tabindex]'), page.path).toHaveLength(0);
      }
    }
  });
});

describe('the synonyms a page carries for search', () => {
  const indexed = () => [...pagesOfKind('blueprint'), ...pagesOfKind('redprint'), ...pagesOfKind('playbook')];

  it('sits last inside the indexed element, hidden from readers and with nothing focusable', async () => {
    let withSynonyms = 0;
    for (const page of indexed()) {
      const dom = await parseHtml(html(page.file));
      const section = dom.querySelector('[data-pagefind-body] > [data-search-synonyms]');
      if (!section) continue;
      withSynonyms++;
      expect(section.hasAttribute('hidden'), page.path).toBe(true);
      expect(section.parent!.lastElementChild, page.path).toBe(section);
      expect(section.querySelectorAll('a, button, input, select, textarea, [tabindex]'), page.path).toHaveLength(0);
    }
    expect(withSynonyms, 'pages carrying synonyms').toBeGreaterThan(indexed().length / 2);
  });

  it('gives a page that says "CCIO" but never "chief clinical information officer" the token of the name it uses, which begins with the token both are searched by', async () => {
    // What the page itself says: its indexed element without the tokens section and the abbreviations list, which Pagefind does not read.
    const indexedHtml = (file: string) => (/<article data-pagefind-body[\s\S]*?<\/article>/.exec(html(file))?.[0] ?? '')
      .replace(/<section hidden data-search-synonyms>[\s\S]*?<\/section>/, '')
      .replace(/<details[^>]*data-abbreviations[\s\S]*?<\/details>/, '');
    const page = indexed().find((p) => /\bCCIO\b/.test(indexedHtml(p.file)) && !/chief clinical information officer/i.test(indexedHtml(p.file)))!;
    expect(page, 'a bundled page that says CCIO only').toBeDefined();
    const section = (await parseHtml(html(page.file))).querySelector('[data-search-synonyms]')!;
    const ccio = readVocabulary(process.cwd()).groups.find((g) => g.includes('CCIO'))!;
    const tokenOf = (name: string) => nameToken(searchToken(ccio), groupKeys(ccio).indexOf(name));
    const tokens = section.textContent.match(/zq\d+/g) ?? [];
    expect(tokens).toContain(tokenOf('ccio'));
    expect(tokenOf('ccio').startsWith(searchToken(ccio))).toBe(true);
    expect(tokens).not.toContain(tokenOf('chief clinical information officer'));
    expect(section.textContent, 'only tokens, no names').toMatch(/^Synonyms(\s*zq\d{18})+\s*$/);
  });

  it('gives a playbook the tokens of words only its body uses, not just its front-matter', async () => {
    const sourceOf = (slug: string) => readFileSync(join(contentDir(process.cwd()), 'playbooks', `${slug}.mdx`), 'utf8');
    const bodyOnly = expectedContent().playbooks.filter((p) => {
      const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(sourceOf(p.slug))!;
      return /what good looks like/i.test(body) && !/what good looks like|WGLL/i.test(frontMatter);
    });
    expect(bodyOnly.length, 'bundled playbooks that name What Good Looks Like in their body only').toBeGreaterThan(0);
    const wgll = searchToken(readVocabulary(process.cwd()).groups.find((g) => g.includes('WGLL'))!);
    for (const p of bodyOnly) {
      const section = (await parseHtml(html(join(distDir(), 'playbooks', p.slug, 'index.html')))).querySelector('[data-search-synonyms]');
      expect(section?.textContent ?? '', p.slug).toContain(wgll);
    }
  });

  it('gives a template the tokens of what it says, so a query naming a group still finds it', async () => {
    const hazardLog = (await parseHtml(html(join(distDir(), 'templates', 'clinical-safety-hazard-log', 'index.html')))).querySelector('[data-search-synonyms]');
    expect(hazardLog?.textContent ?? '').toMatch(/zq\d{18}/);
  });
});

describe('the search page without JavaScript', () => {
  const page = () => parseHtml(html(join(distDir(), 'search', 'index.html')));

  it('has a real form that sends the query as q', async () => {
    const form = (await page()).querySelector('form[role="search"]')!;
    expect(attr(form, 'method')).toBe('get');
    expect(form.querySelector('input[name="q"]')).not.toBeNull();
  });

  it('labels the search box and the sort menu', async () => {
    const dom = await page();
    for (const id of ['search-q', 'search-sort']) expect(dom.querySelector(`label[for="${id}"]`), id).not.toBeNull();
  });

  it('groups filter checkboxes in fieldsets with a legend, each checkbox labelled', async () => {
    const dom = await page();
    const fieldsets = dom.querySelectorAll('fieldset');
    expect(fieldsets.length).toBeGreaterThan(3);
    for (const fieldset of fieldsets) {
      expect(fieldset.querySelector('legend')?.textContent.trim()).toBeTruthy();
      for (const box of fieldset.querySelectorAll('input[type="checkbox"]')) expect(dom.querySelector(`label[for="${attr(box, 'id')}"]`)).not.toBeNull();
    }
  });

  it('says search needs JavaScript and links to the taxonomy pages instead', async () => {
    const dom = await page();
    const notice = dom.querySelector('[data-search-unavailable]')!;
    expect(notice.textContent).toMatch(/needs JavaScript/);
    const links = notice.querySelectorAll('a').map((a) => attr(a, 'href'));
    for (const facet of ['domain', 'careSettings', 'eprSupplier', 'pillars'] as const) {
      expect(links.some((href) => href?.endsWith(paths.facet(facet))), paths.facet(facet)).toBe(true);
    }
  });
});

describe('related blueprints on each blueprint page', () => {
  const relatedOn = async (slug: string) => {
    const dom = await parseHtml(html(join(distDir(), 'blueprints', slug, 'index.html')));
    const section = dom.querySelector('section[aria-labelledby="related-heading"]');
    return section ? section.querySelectorAll('a').map((a) => attr(a, 'href')!).filter((h) => h.includes('/blueprints/')).map((h) => h.split('/').filter(Boolean).pop()!) : [];
  };

  it.each(listed().map((b) => [b.slug, b] as const))('lists for %s the author’s choices first, then others, at most four, never itself', async (slug, b) => {
    const shown = await relatedOn(slug);
    const listedSlugs = new Set(listed().map((x) => x.slug));
    const chosen = b.data.related.filter((r) => listedSlugs.has(r)).slice(0, 4);
    expect(shown.slice(0, chosen.length)).toEqual(chosen);
    expect(shown.length).toBeLessThanOrEqual(4);
    expect(shown).not.toContain(slug);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('suggests related blueprints beyond the authors’ own lists', async () => {
    const extra = await Promise.all(listed().map(async (b) => (await relatedOn(b.slug)).filter((s) => !b.data.related.includes(s)).length));
    expect(extra.some((n) => n > 0)).toBe(true);
  });
});
