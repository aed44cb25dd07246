/**
 * The evidence roll-up on built taxonomy pages agrees with the content: counts, evidence levels
 * and the strength label worked out again here from the content files, never written down.
 */
import { describe, expect, it } from 'vitest';
import { rollUp } from '../../src/lib/evidence/roll-up';
import { facets, isListed } from '../../src/lib/schema';
import { paths } from '../../src/lib/content/urls';
import { coversPriority } from '../../src/lib/match/sequence';
import { expectedContent } from '../support/content';
import { bundledGuide } from '../support/guide';
import { attr, decodeEntities, parseHtml } from '../support/html';
import { builtPages, readPage } from '../support/pages';

// The build takes today from PUBLIC_TODAY when set, as the review banners do.
const today = process.env.PUBLIC_TODAY ? new Date(`${process.env.PUBLIC_TODAY}T00:00:00Z`) : new Date();

async function rollUpOn(path: string) {
  const page = builtPages().find((p) => p.path === path);
  if (!page) throw new Error(`${path} was not built`);
  const dom = await parseHtml(readPage(page));
  const section = dom.querySelector('main [data-roll-up]');
  return {
    section,
    counts: section && attr(section.querySelector('[data-roll-up-counts]')!, 'data-roll-up-counts'),
    strength: section && attr(section.querySelector('[data-roll-up-strength]')!, 'data-roll-up-strength'),
    levels: section && decodeEntities(section.querySelector('[data-roll-up-levels]')!.textContent).trim(),
    funding: section && decodeEntities(section.querySelector('[data-roll-up-funding]')!.textContent).trim(),
    gaps: section?.querySelector('[data-roll-up-gaps]') ? decodeEntities(section.querySelector('[data-roll-up-gaps]')!.textContent) : '',
  };
}

describe('the evidence roll-up on a capability page', () => {
  const listed = expectedContent().blueprints.filter((b) => isListed(b.data));
  const busiest = facets.capabilities.terms
    .map((t) => ({ value: t.value, items: listed.filter((b) => b.data.capabilities.includes(t.value)) }))
    .sort((a, b) => b.items.length - a.items.length)[0];

  it('shows the numbers of blueprints, redprints, organisations and each evidence level the catalogue has', async () => {
    expect(busiest.items.length).toBeGreaterThan(1);
    const expected = rollUp(busiest.items, today);
    const shown = await rollUpOn(paths.facetValue('capabilities', busiest.value));
    expect(shown.counts).toBe(`${expected.blueprints} ${expected.redprints} ${expected.organisations}`);
    expect(shown.strength).toBe(expected.strength.value);
    const levels = expected.byEvidenceLevel.filter((l) => l.count > 0).map((l) => `${l.term.label}: ${l.count}`);
    expect(shown.levels!.split(', ').sort()).toEqual(levels.sort());
    // Who paid, source by source in the funding list's order, then how many do not say.
    const sources = expected.funding.sources.filter((f) => f.count > 0).map((f) => `${f.term.label}: ${f.count}`);
    expect(sources.length).toBeGreaterThan(0);
    const said = [sources.join(', '), ...(expected.funding.notSaid ? [`not said: ${expected.funding.notSaid}`] : [])].join('; ');
    expect(shown.funding).toBe(said.charAt(0).toUpperCase() + said.slice(1));
    for (const gap of expected.gaps) expect(shown.gaps).toContain(gap);
  });

  it('links the strength label to the rule on the about page', async () => {
    const { section } = await rollUpOn(paths.facetValue('capabilities', busiest.value));
    const links = section!.querySelectorAll('a').map((a) => attr(a, 'href') ?? '');
    expect(links.some((href) => href.endsWith(`${paths.about()}#evidence-strength`))).toBe(true);
    const about = await parseHtml(readPage(builtPages().find((p) => p.path === paths.about())!));
    expect(about.querySelector('#evidence-strength')).not.toBeNull();
  });
});

describe('the evidence roll-up on each playbook', () => {
  it('counts the listed blueprints and redprints its steps cite, and the contents link to it', async () => {
    const listed = new Map(expectedContent().blueprints.filter((b) => isListed(b.data)).map((b) => [b.slug, b]));
    expect(expectedContent().playbooks.length).toBeGreaterThan(0);
    for (const playbook of expectedContent().playbooks) {
      const cited = [...new Set(playbook.data.steps.flatMap((s) => s.blueprints))].flatMap((slug) => listed.get(slug) ?? []);
      const shown = await rollUpOn(paths.playbook(playbook.slug));
      if (cited.length === 0) {
        expect(shown.section, playbook.slug).toBeNull();
        continue;
      }
      const expected = rollUp(cited, today);
      expect(shown.counts, playbook.slug).toBe(`${expected.blueprints} ${expected.redprints} ${expected.organisations}`);
      expect(shown.strength, playbook.slug).toBe(expected.strength.value);
      const page = await parseHtml(readPage(builtPages().find((p) => p.path === paths.playbook(playbook.slug))!));
      expect(page.querySelector('.nhsuk-contents-list a[href="#evidence-heading"]'), playbook.slug).not.toBeNull();
      expect(page.querySelector('#evidence-heading'), playbook.slug).not.toBeNull();
    }
  });
});

describe('the evidence roll-up under each where-to-start priority', () => {
  it('counts every listed blueprint and redprint that shows the priority done, whatever the reader answered', async () => {
    const listed = expectedContent().blueprints.filter((b) => isListed(b.data));
    const page = builtPages().find((p) => p.path === paths.whereToStart())!;
    const dom = await parseHtml(readPage(page));
    const guide = bundledGuide();
    expect(guide.priorities.length).toBeGreaterThan(0);
    for (const priority of guide.priorities) {
      const covered = listed.filter((b) => coversPriority(priority.match, { id: b.slug, domain: b.data.domain, capabilities: b.data.capabilities }));
      const expected = rollUp(covered, today);
      const item = dom.querySelector(`[data-priority="${priority.id}"]`)!;
      const counts = item.querySelector('[data-roll-up] [data-roll-up-counts]');
      expect(counts && attr(counts, 'data-roll-up-counts'), priority.id).toBe(covered.length ? `${expected.blueprints} ${expected.redprints} ${expected.organisations}` : null);
      expect(decodeEntities(item.querySelector('[data-roll-up-gaps]')?.textContent ?? ''), priority.id).toContain(expected.gaps[0] ?? '');
    }
  });
});
