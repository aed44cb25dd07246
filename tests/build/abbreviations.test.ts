/**
 * "Abbreviations on this page", on every blueprint, redprint and playbook page: each glossary
 * abbreviation the page's own text uses, with what it stands for and a link to its glossary entry,
 * and nothing it does not use. What is expected is found here in the built page's text with a
 * plain whole-word search, not by the synonym matching the build uses.
 */
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/content/urls';
import { glossaryAnchor } from '../../src/lib/schema/glossary';
import { expectedContent } from '../support/content';
import { attr, decodeEntities, parseHtml, type HtmlElement } from '../support/html';
import { pagesOfKind, readPage } from '../support/pages';
import { served } from '../support/site-dir';

/** One-word glossary terms with an expansion: EPR, ePMA, DCB0160. */
const abbreviations = expectedContent().glossary.filter((t) => t.expansion && !/\s/.test(t.term.trim()));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `text` has `term` as a whole word: in its own case when it has two or more capitals, in any case otherwise. */
const uses = (text: string, term: string) =>
  new RegExp(`(?<![A-Za-z0-9+&])${escape(term)}(?![A-Za-z0-9+&])`, /(?:[^A-Z]*[A-Z]){2}/.test(term) ? '' : 'i').test(text);
const textOf = (e: HtmlElement | null) => (e ? decodeEntities(e.textContent) : '');
/** An element's text without the parts `skip` picks out. */
const textWithout = (e: HtmlElement, skip: (child: HtmlElement) => boolean): string =>
  e.childNodes.map((n) => (n.nodeType === 1 ? (skip(n as HtmlElement) ? '' : textWithout(n as HtmlElement, skip)) : decodeEntities(n.textContent))).join('');

const pages = [...pagesOfKind('blueprint'), ...pagesOfKind('redprint'), ...pagesOfKind('playbook')];

describe('abbreviations on a page', () => {
  it('are listed for every abbreviation the page’s own words use, and only those, each linked to its glossary entry', async () => {
    expect(pages.length).toBeGreaterThan(20);
    let listedSomewhere = 0;
    for (const page of pages) {
      const root = await parseHtml(readPage(page));
      const article = root.querySelector('article')!;
      const list = article.querySelector('[data-abbreviations]');
      const listed = list ? list.querySelectorAll('li a').map((a) => decodeEntities(a.textContent)) : [];
      listedSomewhere += listed.length;
      // What the author wrote: a blueprint's body, a playbook's introduction.
      const written = textOf(article.querySelector('.app-body') ?? article.querySelector('#introduction'));
      for (const t of abbreviations.filter((a) => uses(written, a.term))) expect(listed, `${page.path} uses ${t.term}`).toContain(t.term);
      // Everything listed is on the page outside the list and the hidden search tokens.
      const shown = textWithout(article, (child) => child.hasAttribute('data-abbreviations') || child.hasAttribute('hidden'));
      for (const term of listed) expect(uses(shown, term), `${page.path} lists ${term}`).toBe(true);
      for (const a of list ? list.querySelectorAll('li') : []) {
        const term = abbreviations.find((t) => t.term === decodeEntities(a.querySelector('a')!.textContent))!;
        expect(decodeEntities(a.textContent)).toBe(`${term.term}: ${term.expansion}`);
        expect(attr(a.querySelector('a')!, 'href')).toBe(served(`${paths.glossary()}#${glossaryAnchor(term.term)}`));
      }
    }
    expect(listedSomewhere).toBeGreaterThan(pages.length);
  });
});
