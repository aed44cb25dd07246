/**
 * The home page for someone new: Where to start is set apart as the first step, the card for a
 * trust's guidance says what it is for, and the words "playbook" and "redprint" are defined in the
 * glossary's own words, read from the content file.
 */
import { describe, expect, it } from 'vitest';
import { glossaryId } from '../../src/lib/schema/glossary';
import { paths } from '../../src/lib/content/urls';
import { attr, decodeEntities, type HtmlElement } from '../support/html';
import { builtMain } from '../support/pages';
import { expectedContent } from '../support/content';
import { served } from '../support/site-dir';

const glossary = expectedContent().glossary;
const text = (e: HtmlElement) => decodeEntities(e.textContent).replace(/\s+/g, ' ').trim();

const home = () => builtMain(paths.home());

describe('the home page', () => {
  it('offers Where to start first, as the place to start for someone new', async () => {
    const main = await home();
    const first = main.querySelector('.nhsuk-card')!;
    expect(attr(first.querySelector('a')!, 'href')).toBe(served(paths.whereToStart()));
    expect(text(first)).toMatch(/^New to digital work\? Start here\./);
  });

  it('says the trust guidance card is for finding blueprints from trusts like yours', async () => {
    const main = await home();
    const card = main.querySelectorAll('.nhsuk-card').find((c) => attr(c.querySelector('a')!, 'href') === served(paths.myTrust()));
    expect(card).toBeDefined();
    expect(text(card!)).toMatch(/blueprints.* from trusts like yours/);
  });

  it('defines playbook and redprint in the glossary’s words, each linking its entry', async () => {
    const main = await home();
    const shown = main.querySelectorAll('dl > div').map((d) => ({ term: text(d.querySelector('dt')!), href: attr(d.querySelector('dt a')!, 'href'), definition: text(d.querySelector('dd')!) }));
    expect(shown).toEqual(
      ['Playbook', 'Redprint'].map((term) => {
        const entry = glossary.find((t) => t.term === term);
        expect(entry, `the glossary defines ${term}`).toBeDefined();
        return { term, href: served(`${paths.glossary()}#term-${glossaryId(term)}`), definition: entry!.definition };
      }),
    );
    // One sentence each.
    for (const { definition } of shown) expect(definition.match(/[.!?](\s|$)/g), definition).toHaveLength(1);
  });
});
