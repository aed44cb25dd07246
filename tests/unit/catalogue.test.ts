import { describe, expect, it } from 'vitest';
import { buildCatalogue, formatDate, formatMonth, isoDate, reviewState, stageCounts } from '../../src/lib/content/catalogue';
import { paginate, pagePath } from '../../src/lib/content/paginate';
import { termGroups, termPages } from '../../src/lib/content/taxonomy-pages';
import { adoptionEntry, blueprintEntry, organisationEntry } from '../support/entries';

const org = (slug: string, programme: string) => organisationEntry(slug, { programme });
const blueprint = (slug: string, published: string, extra: Record<string, unknown> = {}) => blueprintEntry(slug, { published, ...extra });



describe('the catalogue', () => {
  const organisations = [org('alpha', 'gde'), org('beta', 'none')];
  const catalogue = buildCatalogue({
    organisations,
    playbooks: [],
    blueprints: [
      blueprint('old', '2023-01-01'),
      blueprint('new', '2025-06-01', { careSettings: ['community'], organisation: 'beta' }),
      blueprint('draft', '2026-01-01', { status: 'draft' }),
      blueprint('archived', '2024-01-01', { status: 'archived' }),
    ],
  });

  it('lists blueprints newest first', () => {
    expect(catalogue.blueprints.map((b) => b.slug)).toEqual(['new', 'old']);
  });

  it('never lists drafts or archived blueprints', () => {
    expect(catalogue.blueprints.map((b) => b.slug)).not.toContain('draft');
    expect(catalogue.blueprints.map((b) => b.slug)).not.toContain('archived');
  });

  it('still finds an archived blueprint by slug, so its page can say it is archived', () => {
    expect(catalogue.blueprint('archived')?.data.status).toBe('archived');
    expect(catalogue.blueprint('draft')).toBeUndefined();
  });

  it('files each blueprint under every value of each facet', () => {
    expect(catalogue.byFacet('careSettings', 'community').map((b) => b.slug)).toEqual(['new']);
    expect(catalogue.byFacet('domain', 'workforce').map((b) => b.slug)).toEqual(['new', 'old']);
  });

  it('files blueprints under the programme of the publishing organisation', () => {
    expect(catalogue.byProgramme('none').map((b) => b.slug)).toEqual(['new']);
    expect(catalogue.byProgramme('gde').map((b) => b.slug)).toEqual(['old']);
  });

  it('gives every taxonomy value a page, even one with no blueprints', () => {
    const pages = termPages(catalogue);
    expect(pages.some((p) => p.path === '/care-settings/ambulance/' && p.count === 0)).toBe(true);
    expect(termGroups(catalogue).find((g) => g.path === '/programmes/')?.terms).toHaveLength(5);
  });
});

describe('adoption lineage in the catalogue', () => {
  const catalogue = buildCatalogue({
    organisations: [org('alpha', 'gde'), org('beta', 'none'), org('gamma', 'none')],
    playbooks: [],
    blueprints: [
      blueprint('source', '2023-01-01'),
      blueprint('adapted', '2024-01-01', { organisation: 'beta', adaptedFrom: [{ blueprint: 'source', changes: 'Ran it in one hospital, not three.' }] }),
      blueprint('archived', '2024-01-01', { status: 'archived', organisation: 'gamma', adaptedFrom: [{ blueprint: 'source', changes: 'Tried it and archived the write-up.' }] }),
    ],
    adoptions: [
      adoptionEntry('beta', 'source', { stage: 'piloting', date: '2024-02' }),
      adoptionEntry('gamma', 'source', { stage: 'abandoned', date: '2025-05' }),
      adoptionEntry('gamma', 'adapted', { stage: 'exploring', date: '2025-06' }),
      adoptionEntry('unknown-trust', 'source'),
      adoptionEntry('beta', 'archived'),
    ],
  });

  it('lists a blueprint’s adoption records, most recent first, leaving out unknown organisations', () => {
    expect(catalogue.adoptionsOf('source').map((a) => a.data.organisation)).toEqual(['gamma', 'beta']);
  });

  it('lists what an organisation adopted, of listed blueprints only', () => {
    expect(catalogue.adoptionsBy('gamma').map((a) => a.data.blueprint)).toEqual(['adapted', 'source']);
    expect(catalogue.adoptionsBy('beta').map((a) => a.data.blueprint)).toEqual(['source']);
  });

  it('finds the listed blueprints adapted from a blueprint', () => {
    expect(catalogue.adaptedInto('source').map((b) => b.slug)).toEqual(['adapted']);
    expect(catalogue.adaptedInto('adapted')).toEqual([]);
  });

  it('counts records at each stage, in the stages’ order', () => {
    expect(stageCounts(catalogue.adoptionsOf('source'))).toEqual([
      { stage: 'piloting', label: 'Piloting', count: 1 },
      { stage: 'abandoned', label: 'Abandoned', count: 1 },
    ]);
  });

  it('writes an adoption’s month as readers see it', () => {
    expect(formatMonth('2025-03')).toBe('March 2025');
  });
});

describe('review state', () => {
  const today = new Date('2026-06-01T00:00:00Z');
  it('is overdue once the review date has passed', () => {
    expect(reviewState({ reviewBy: new Date('2026-05-31T00:00:00Z') }, today)).toBe('overdue');
  });
  it('is current before the review date', () => {
    expect(reviewState({ reviewBy: new Date('2026-06-02T00:00:00Z') }, today)).toBe('current');
  });
  it('is overdue when an owner marks it as needing review', () => {
    expect(reviewState({ reviewBy: new Date('2030-01-01T00:00:00Z'), status: 'needs-review' }, today)).toBe('overdue');
  });
});

describe('pagination', () => {
  it('puts page 1 at the list address and later pages under page/<n>/', () => {
    expect(pagePath('/domains/workforce/', 1)).toBe('/domains/workforce/');
    expect(pagePath('/domains/workforce/', 3)).toBe('/domains/workforce/page/3/');
  });
  it('splits 120 items into pages of 50, 50 and 20 linked in order', () => {
    const pages = paginate(Array.from({ length: 120 }, (_, i) => i), '/x/');
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(pages[1]).toMatchObject({ prev: '/x/', next: '/x/page/3/' });
  });
  it('always has one page, even for an empty list', () => {
    expect(paginate([], '/x/')).toHaveLength(1);
  });
});

describe('links to GitHub', () => {
  it('prefills the feedback form with the page it came from', async () => {
    const { githubLinks } = await import('../../src/lib/content/urls');
    const links = githubLinks('nhs/commons', 'main', 'src/content/blueprints/x.mdx', 'Cutting delays');
    const url = new URL(links.feedback);
    expect(url.searchParams.get('template')).toBe('feedback.yml');
    expect(url.searchParams.get('page')).toBe('src/content/blueprints/x.mdx');
    expect(url.searchParams.get('title')).toBe('Feedback: Cutting delays');
    expect(links.edit).toBe('https://github.com/nhs/commons/edit/main/src/content/blueprints/x.mdx');
  });
});

describe('dates on pages', () => {
  it('reads as a day, month and year in UTC, and as ISO for <time datetime>, however often a date is shown', () => {
    for (let i = 0; i < 2; i++) {
      expect(formatDate(new Date('2024-03-21T23:30:00Z'))).toBe('21 March 2024');
      expect(isoDate(new Date('2024-03-21T23:30:00Z'))).toBe('2024-03-21');
    }
    expect(formatDate(new Date('2025-01-02'))).toBe('2 January 2025');
    expect(isoDate(new Date('2025-01-02'))).toBe('2025-01-02');
  });
});
