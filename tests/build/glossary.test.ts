/**
 * The glossary page: a heading for each letter that has terms, an A to Z at the top that links to
 * them (a letter with no terms is plain text), and every term still at its own anchor, which other
 * pages link to. The terms expected come from the content file.
 */
import { describe, expect, it } from 'vitest';
import { glossaryId } from '../../src/lib/schema/glossary';
import { letterOf } from '../../src/lib/content/glossary-letters';
import { paths } from '../../src/lib/content/urls';
import { attr, decodeEntities } from '../support/html';
import { builtMain } from '../support/pages';
import { expectedContent } from '../support/content';

const terms = expectedContent().glossary;
const alphabet = ['0–9', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

const glossaryPage = () => builtMain(paths.glossary());

describe('the glossary page', () => {
  it('has a level 2 heading for each letter that has terms, in order, with its terms under it', async () => {
    const main = await glossaryPage();
    const used = alphabet.filter((letter) => terms.some((t) => letterOf(t.term) === letter));
    const headings = main.querySelectorAll('h2').map((h) => decodeEntities(h.textContent).trim());
    expect(headings).toEqual(used);
    for (const t of terms) {
      const entry = main.querySelector(`#term-${glossaryId(t.term)}`);
      expect(entry, t.term).not.toBeNull();
      // The entry's section: the nearest letter heading before it.
      const heading = main.querySelectorAll('h2').filter((h) => h.location.offset < entry!.location.offset).pop();
      expect(decodeEntities(heading!.textContent).trim(), t.term).toBe(letterOf(t.term));
    }
  });

  it('starts with an A to Z that links each letter with terms to its heading, and shows the others as plain text', async () => {
    const main = await glossaryPage();
    const nav = main.querySelector('nav');
    expect(nav, 'no A to Z').not.toBeNull();
    expect(nav!.location.offset).toBeLessThan(main.querySelector('h2')!.location.offset);
    const items = nav!.querySelectorAll('li');
    expect(items.map((li) => decodeEntities(li.textContent).replace('(no terms)', '').trim())).toEqual(alphabet);
    for (const li of items) {
      const letter = decodeEntities(li.textContent).replace('(no terms)', '').trim();
      const link = li.querySelector('a');
      if (terms.some((t) => letterOf(t.term) === letter)) {
        expect(link, letter).not.toBeNull();
        const target = main.querySelector(attr(link!, 'href')!);
        expect(target?.tagName, letter).toBe('h2');
      } else {
        expect(link, `${letter} has no terms, so it is not a link`).toBeNull();
      }
    }
    expect(items.some((li) => !li.querySelector('a')), 'every letter has terms: the plain-text case is untested').toBe(true);
  });

  it('defines a playbook, as it does a blueprint and a redprint', async () => {
    const main = await glossaryPage();
    for (const term of ['Blueprint', 'Redprint', 'Playbook']) expect(main.querySelector(`#term-${glossaryId(term)} dt`), term).not.toBeNull();
  });
});
