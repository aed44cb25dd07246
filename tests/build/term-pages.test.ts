/**
 * What a taxonomy value's page (e.g. /audiences/board/) puts first: the playbooks filed under the
 * value and the list of blueprints, before the evidence roll-up, which can be thousands of pixels
 * tall. The playbooks expected are worked out again here from the content files.
 */
import { describe, expect, it } from 'vitest';
import { facets, isListed, type FacetName } from '../../src/lib/schema';
import { paths } from '../../src/lib/content/urls';
import { expectedContent } from '../support/content';
import { attr, parseHtml, type HtmlElement } from '../support/html';
import { builtPages, pagesOfKind, readPage } from '../support/pages';
import { served } from '../support/site-dir';

async function mainOf(path: string): Promise<HtmlElement> {
  const page = builtPages().find((p) => p.path === path);
  if (!page) throw new Error(`${path} was not built`);
  return (await parseHtml(readPage(page))).querySelector('main')!;
}

const listed = () => expectedContent().blueprints.filter((b) => isListed(b.data));
const filedUnder = (facet: FacetName, value: string) =>
  listed().filter((b) => ([b.data[facet]].flat() as string[]).includes(value));

describe('a taxonomy value page', () => {
  it('shows the list of blueprints before the evidence roll-up', async () => {
    const main = await mainOf(paths.facetValue('audience', 'board'));
    const list = main.querySelector('.app-blueprint-list');
    const evidence = main.querySelector('[data-roll-up]');
    expect(list, 'no list of blueprints').not.toBeNull();
    expect(evidence, 'no evidence roll-up').not.toBeNull();
    expect(list!.location.offset).toBeLessThan(evidence!.location.offset);
    // The line under the heading says where the roll-up went, and links to it.
    expect(main.querySelector('a[href="#evidence-heading"]')).not.toBeNull();
    expect(main.querySelector('#evidence-heading')).not.toBeNull();
  });

  it('has headings that go down one level at a time', async () => {
    const pages = pagesOfKind('taxonomy');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const main = (await parseHtml(readPage(page))).querySelector('main')!;
      const levels = main.querySelectorAll('h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1], `${page.path}: heading levels ${levels.join(', ')}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it('links every playbook filed under its domain or audience, and only those', async () => {
    const { playbooks } = expectedContent();
    let linked = 0;
    for (const facet of ['domain', 'audience'] as const) {
      for (const term of facets[facet].terms) {
        const expected = playbooks
          .filter((p) => ([p.data[facet]].flat() as string[]).includes(term.value))
          .map((p) => served(paths.playbook(p.slug)))
          .sort();
        const main = await mainOf(paths.facetValue(facet, term.value));
        const section = main.querySelector('section[aria-labelledby="playbooks-heading"]');
        const shown = (section?.querySelectorAll('a') ?? []).map((a) => attr(a, 'href')!).sort();
        expect(shown, paths.facetValue(facet, term.value)).toEqual(expected);
        linked += shown.length;
      }
    }
    expect(linked, 'no domain or audience page links a playbook').toBeGreaterThan(0);
  });

  it('links no playbook on a facet that playbooks are not filed under', async () => {
    const value = facets.careSettings.terms.find((t) => filedUnder('careSettings', t.value).length > 0)!.value;
    const main = await mainOf(paths.facetValue('careSettings', value));
    expect(main.querySelector('#playbooks-heading')).toBeNull();
  });
});
