import { describe, expect, it } from 'vitest';
import { buildCatalogue, formatDate, isoDate, reviewState } from '../../src/lib/content/catalogue';
import { paginate, pagePath } from '../../src/lib/content/paginate';
import { termGroups, termPages } from '../../src/lib/content/taxonomy-pages';
import { blueprintEntry, organisationEntry } from '../support/entries';

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
