/**
 * The home page for someone new: Where to start is set apart as the first step, the card for a
 * trust's guidance says what it is for, and the words "playbook" and "redprint" are defined in the
 * glossary's own words, read from the content file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { glossaryId, glossarySchema } from '../../src/lib/schema/glossary';
import { paths } from '../../src/lib/content/urls';
import { contentDir } from '../../src/node/content-files';
import { attr, decodeEntities, parseHtml, type HtmlElement } from '../support/html';
import { builtPages, readPage } from '../support/pages';
import { served } from '../support/site-dir';

const glossary = glossarySchema.parse(parse(readFileSync(join(contentDir(process.cwd()), 'glossary.yaml'), 'utf8')));
const text = (e: HtmlElement) => decodeEntities(e.textContent).replace(/\s+/g, ' ').trim();

async function home() {
  const page = builtPages().find((p) => p.path === paths.home());
  if (!page) throw new Error('the home page was not built');
  return (await parseHtml(readPage(page))).querySelector('main')!;
}

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
