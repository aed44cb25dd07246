import { describe, expect, it } from 'vitest';
import { indexedText, isIndexable, withSynonyms } from '../../src/lib/search/pagefind-html';
import { buildSynonyms } from '../../src/lib/search/synonyms';
import { blueprintRecord, playbookRecord } from '../../src/lib/search/record';
import { blueprintSchema, organisationSchema, playbookSchema } from '../../src/lib/schema';

const synonyms = buildSynonyms([], [{ term: 'CCIO', expansion: 'Chief clinical information officer', definition: 'A senior clinician who leads digital.', aliases: ['A&E lead'] }]);
const page = (body: string, outside = '') => `<html><body><nav>${outside}</nav><main><article data-pagefind-body><h1>Title</h1>${body}<article>nested</article></article><footer>${outside}</footer></main></body></html>`;

describe('preparing a built page for Pagefind', () => {
  it('indexes pages with a data-pagefind-body element only', () => {
    expect(isIndexable(page('<p>x</p>'))).toBe(true);
    expect(isIndexable('<html><body><main>About us</main></body></html>')).toBe(false);
  });

  it('leaves out a page that SearchData marked as excluded (archived)', () => {
    expect(isIndexable(page('<div hidden data-search-exclude></div>'))).toBe(false);
  });

  it('reads only the indexed element’s text, including nested elements of the same name', () => {
    const text = indexedText(page('<p>Our <b>CCIO</b> &amp; team</p>', 'CCIO in the footer'));
    expect(text).toContain('Our CCIO & team');
    expect(text).toContain('nested');
    expect(text).not.toContain('footer');
  });

  it('adds every member of a mentioned synonym group inside the indexed element', () => {
    const html = withSynonyms(page('<p>Our CCIO chairs it.</p>'), synonyms);
    expect(html).toContain('<section data-search-synonyms><h2 id="search-synonyms">Also known as</h2><p data-pagefind-weight="1">CCIO, Chief clinical information officer, A&amp;E lead.</p></section></article>');
  });

  it('weights a group up when the page mentions it often, to at most 3', () => {
    expect(withSynonyms(page('<p>CCIO CCIO CCIO CCIO CCIO</p>'), synonyms)).toContain('data-pagefind-weight="3"');
  });

  it('adds nothing for words outside the indexed element', () => {
    const html = page('<p>Nothing to see.</p>', 'CCIO');
    expect(withSynonyms(html, synonyms)).toBe(html);
  });
});

describe('what a page tells Pagefind', () => {
  const organisation = organisationSchema.parse({ name: 'Alpha NHS Trust', shortName: 'Alpha', odsCode: 'X1A01', careSetting: 'acute', region: 'london', programme: 'fast-follower', description: 'A test organisation.' });
  const blueprint = (extra: Record<string, unknown> = {}) =>
    blueprintSchema.parse({
      type: 'redprint', domain: 'workforce', title: 'Training ward staff with super-users', summary: 'A summary that is long enough to pass the minimum length.',
      keyQuestions: ['How do we train staff?'], organisation: 'alpha', pillars: ['support-people'], careSettings: ['acute', 'community'], audience: ['cio'],
      eprSupplier: 'epic', standards: ['snomed-ct'], cost: { band: '50k-250k' }, outcome: { evidence: 'measured-locally', headline: 'Staff felt ready on go-live day.' },
      timeline: { start: '2023-01' }, published: '2024-03-01', lastReviewed: '2025-02-01', owner: { name: 'Digital team' }, contact: 'team@example.nhs.uk', ...extra,
    });

  it('files a blueprint under every facet, including its organisation’s programme', () => {
    expect(blueprintRecord(blueprint(), organisation).filters).toEqual({
      type: ['redprint'], domain: ['workforce'], setting: ['acute', 'community'], pillar: ['support-people'], capability: [],
      programme: ['fast-follower'], supplier: ['epic'], standard: ['snomed-ct'], audience: ['cio'],
    });
  });

  it('gives sort keys as YYYY-MM-DD', () => {
    expect(blueprintRecord(blueprint(), organisation).sort).toEqual({ published: '2024-03-01', reviewed: '2025-02-01' });
  });

  it('gives the at-a-glance facts a result shows, as labels', () => {
    expect(blueprintRecord(blueprint(), organisation).meta).toMatchObject({ type: 'Redprint', organisation: 'Alpha', cost: '£50k to £250k', evidence: 'Measured locally', reviewed: '2025-02-01' });
  });

  it('keeps archived blueprints out of search', () => {
    expect(blueprintRecord(blueprint({ status: 'archived' }), organisation).exclude).toBe(true);
    expect(blueprintRecord(blueprint({ status: 'needs-review' }), organisation).exclude).toBe(false);
  });

  it('files a playbook as type playbook with its domain and audience', () => {
    const p = playbookSchema.parse({
      title: 'Get the foundations right before an EPR', summary: 'For boards and CIOs about to buy an EPR: what to have in place first.', domain: 'strategy',
      audience: ['board'], maturity: ['early'], steps: [1, 2, 3].map((i) => ({ title: `Step number ${i}`, description: 'Why this step matters and how to do it.' })),
      checklist: ['One', 'Two', 'Three'], keyQuestions: ['Who owns it?', 'What is the budget?', 'Who signs off?'], boardQuestions: ['Is it funded?'],
      published: '2025-01-01', owner: { name: 'Editors' },
    });
    expect(playbookRecord(p).filters).toEqual({ type: ['playbook'], domain: ['strategy'], audience: ['board'] });
  });
});
