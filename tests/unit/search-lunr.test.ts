import { describe, expect, it } from 'vitest';
import { blueprintSchema } from '../../src/lib/schema';
import { blueprintDocument } from '../../src/lib/search/documents';
import { buildLunrIndex, searchLunr } from '../../src/lib/search/lunr-index';
import { buildSynonyms } from '../../src/lib/search/synonyms';

const synonyms = buildSynonyms(
  [{ terms: ['e-prescribing', 'ePMA'], misspellings: ['e-prescibing'] }],
  [
    { term: 'CCIO', expansion: 'Chief clinical information officer', definition: 'A senior clinician who leads digital.', aliases: [] },
    { term: 'ePMA', expansion: 'Electronic prescribing and medicines administration', definition: 'Software that replaces drug charts.', aliases: ['electronic prescribing'] },
  ],
);

function entry(slug: string, title: string, body: string, extra: Record<string, unknown> = {}) {
  const data = blueprintSchema.parse({
    domain: 'technical-build', title, summary: `${title}: a summary long enough to pass the schema.`, keyQuestions: ['What did we learn?'],
    organisation: 'alpha', pillars: ['improve-care'], careSettings: ['acute'], audience: ['cio'], cost: { band: 'under-50k' },
    outcome: { evidence: 'anecdotal', headline: 'It went well enough.' }, timeline: { start: '2023-01' }, published: '2024-01-01',
    owner: { name: 'Digital team' }, contact: 'team@example.nhs.uk', ...extra,
  });
  return blueprintDocument({ slug, data }, body, undefined, synonyms);
}

const docs = [
  entry('leadership-post', 'Creating a clinical leadership post', 'We appointed a chief clinical information officer with four sessions.'),
  entry('drug-charts', 'Replacing paper drug charts', 'Nurses and pharmacists moved every ward to ePMA.', { careSettings: ['community'] }),
  entry('wifi', 'Replacing Wi-Fi access points', 'Engineers replaced access points on every ward.'),
];
const index = buildLunrIndex(docs);
const top = (query: string, options = {}) => searchLunr(index, docs, query, { synonyms, ...options }).hits.map((h) => h.slug);

describe('maintainers’ search (lunr)', () => {
  it('finds a blueprint by an acronym it never uses, through the glossary', () => {
    expect(top('CCIO')[0]).toBe('leadership-post');
  });

  it('finds a blueprint by the words an acronym stands for', () => {
    expect(top('electronic prescribing')[0]).toBe('drug-charts');
  });

  it('corrects a known misspelling and says what it searched for', () => {
    const { hits, query } = searchLunr(index, docs, 'e-prescibing', { synonyms });
    expect(query).toBe('e-prescribing');
    expect(hits[0].slug).toBe('drug-charts');
  });

  it('forgives one typo in a longer word', () => {
    expect(top('pharmacsts')[0]).toBe('drug-charts');
  });

  it('keeps only blueprints with the filter values asked for', () => {
    expect(top('ward', { filters: { setting: ['acute'] } })).toEqual(['wifi']);
  });

  it('ranks results best first with scores', () => {
    const { hits } = searchLunr(index, docs, 'replacing ward', { synonyms });
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
});
