import { describe, expect, it } from 'vitest';
import { commitTrailer, planContribution, type ContributionEntry } from '../../src/lib/contribute/plan';
import { slugify } from '../../src/lib/contribute/slug';

const blueprint = (slug: string, data: Record<string, unknown> = {}): ContributionEntry => ({
  kind: 'blueprint',
  slug,
  sourcePath: `drafts/${slug}.mdx`,
  data: { type: 'blueprint', domain: 'workforce', title: `Title of ${slug}`, ...data },
});
const organisation: ContributionEntry = { kind: 'organisation', slug: 'eastfield-hospitals', sourcePath: 'eastfield-hospitals.yaml', data: { name: 'Eastfield Hospitals' } };

describe('planning a contribution', () => {
  it('places a blueprint in src/content/blueprints whatever folder it came from', () => {
    expect(planContribution([blueprint('bed-board')]).files).toEqual([{ from: 'drafts/bed-board.mdx', to: 'src/content/blueprints/bed-board.mdx' }]);
  });

  it('places an organisation in src/content/organisations as .yaml', () => {
    expect(planContribution([organisation]).files[0].to).toBe('src/content/organisations/eastfield-hospitals.yaml');
  });

  it('names the branch after the blueprint', () => {
    expect(planContribution([blueprint('bed-board')]).branch).toBe('blueprint/bed-board');
  });

  it('keeps the same branch when a blueprint becomes a redprint, so no second pull request opens', () => {
    expect(planContribution([blueprint('bed-board', { type: 'redprint' })]).branch).toBe('blueprint/bed-board');
  });

  it('gives the same branch whatever order the files are named in', () => {
    const a = planContribution([blueprint('bed-board'), organisation]);
    const b = planContribution([organisation, blueprint('bed-board')]);
    expect(a.branch).toBe(b.branch);
    expect(a.files).toEqual(b.files);
  });

  it('titles the pull request with the kind and title', () => {
    expect(planContribution([blueprint('bed-board', { type: 'redprint', title: 'Buying a bed board too early' })]).title).toBe('Redprint: Buying a bed board too early');
  });

  it('says how many more files a multi-file pull request carries', () => {
    expect(planContribution([blueprint('bed-board'), organisation]).title).toBe('Blueprint: Title of bed-board (and 1 more file)');
  });

  it('labels content with its kind and domain', () => {
    expect(planContribution([blueprint('bed-board', { domain: 'clinical-leadership' })]).labels).toEqual(['content', 'blueprint', 'domain:clinical-leadership']);
  });

  it('marks the commit so a later run knows the branch is its own', () => {
    expect(planContribution([blueprint('bed-board')]).commitMessage).toContain(commitTrailer);
  });

  it('credits the proposer as a co-author when given', () => {
    expect(planContribution([blueprint('bed-board')], { coAuthor: 'ada <1+ada@users.noreply.github.com>' }).commitMessage).toContain('Co-authored-by: ada <1+ada@users.noreply.github.com>');
  });
});

describe('slugs from titles', () => {
  it('joins lower-case words with hyphens', () => {
    expect(slugify('Moving 40 wards to e-Obs in 9 months!')).toBe('moving-40-wards-to-e-obs-in-9-months');
  });

  it('drops accents and symbols', () => {
    expect(slugify('Café & £250k rollout')).toBe('cafe-and-250k-rollout');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('is empty when nothing is left, so the caller chooses a fallback', () => {
    expect(slugify('!!!')).toBe('');
  });
});
