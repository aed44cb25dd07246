import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/lib/search/documents';
import { computeRelated } from '../../src/lib/search/related';
import { buildVectorModel, nearest } from '../../src/lib/search/vectors';

function doc(slug: string, title: string, body = ''): SearchDocument {
  return { slug, title, summary: '', questions: '', body, labels: '', organisation: '', synonyms: '', mentions: [], titleMentions: [], filters: {}, published: '2024-01-01' };
}

const docs = [
  doc('epma-wards', 'Electronic prescribing on every ward', 'Pharmacists and nurses replaced paper drug charts with electronic prescribing.'),
  doc('epma-critical-care', 'Electronic prescribing in critical care', 'Critical care pharmacists configured electronic prescribing order sets and drug charts.'),
  doc('ccio-sessions', 'Protected sessions for a CCIO', 'The chief clinical information officer has four protected sessions each week.'),
  doc('ccio-team', 'A clinical informatics team around the CCIO', 'Associate CCIOs each have two protected sessions.'),
  doc('wifi', 'Replacing Wi-Fi access points', 'Engineers surveyed wireless coverage and replaced access points.'),
];
const none = new Map<string, string[]>();

describe('related blueprints', () => {
  it('suggests the blueprint that shares the most characteristic words', () => {
    expect(computeRelated(docs, none).get('epma-wards')?.[0]).toBe('epma-critical-care');
  });

  it('never lists a blueprint as related to itself', () => {
    for (const [slug, related] of computeRelated(docs, none)) expect(related).not.toContain(slug);
  });

  it('puts the author’s own choices first, in their order', () => {
    const related = computeRelated(docs, new Map([['epma-wards', ['wifi', 'ccio-team']]]));
    expect(related.get('epma-wards')?.slice(0, 2)).toEqual(['wifi', 'ccio-team']);
  });

  it('does not repeat an author’s choice among the suggestions', () => {
    const related = computeRelated(docs, new Map([['epma-wards', ['epma-critical-care']]])).get('epma-wards')!;
    expect(related.filter((s) => s === 'epma-critical-care')).toHaveLength(1);
  });

  it('lists at most four, however many the author chose', () => {
    const related = computeRelated(docs, new Map([['wifi', ['epma-wards', 'epma-critical-care', 'ccio-sessions', 'ccio-team']]]), { max: 4 });
    expect(related.get('wifi')).toEqual(['epma-wards', 'epma-critical-care', 'ccio-sessions', 'ccio-team']);
    expect(computeRelated(docs, none, { max: 2 }).get('ccio-team')!.length).toBeLessThanOrEqual(2);
  });

  it('leaves out an author’s choice that is not a listed blueprint, such as an archived one', () => {
    expect(computeRelated(docs, new Map([['wifi', ['archived-thing']]])).get('wifi')).not.toContain('archived-thing');
  });

  it('suggests nothing that shares no words with the blueprint', () => {
    expect(computeRelated(docs, none).get('wifi')).toEqual([]);
  });
});

describe('term vectors', () => {
  it('scores a document against itself as 1', () => {
    const model = buildVectorModel(docs);
    expect(nearest(model, model.vectors[0], { limit: 1 })[0]).toEqual({ slug: 'epma-wards', score: expect.closeTo(1, 5) });
  });

  it('returns neighbours best first, scores between 0 and 1', () => {
    const model = buildVectorModel(docs);
    const found = nearest(model, model.vectors[2], { limit: 5 });
    expect(found.map((n) => n.score)).toEqual([...found.map((n) => n.score)].sort((a, b) => b - a));
    for (const n of found) {
      expect(n.score).toBeGreaterThan(0);
      expect(n.score).toBeLessThanOrEqual(1);
    }
  });

  it('caps each vector at the number of terms asked for', () => {
    const model = buildVectorModel(docs, { maxTerms: 3 });
    for (const v of model.vectors) expect(v.size).toBeLessThanOrEqual(3);
  });

  it('breaks equal scores by slug, whatever order the documents come in', () => {
    // Three copies of one text score the same against another; the model lists them z, y, x.
    const same = ['z', 'y', 'x'].map((slug) => doc(slug, 'Electronic prescribing on every ward', 'Pharmacists replaced paper drug charts.'));
    const model = buildVectorModel([...same, doc('query', 'Paper drug charts on the ward'), docs[4]]);
    const found = nearest(model, model.vectors[3], { limit: 2, exclude: new Set(['query']) });
    expect(found[0].score).toBeLessThan(1);
    expect(found.map((n) => n.slug)).toEqual(['x', 'y']);
  });

  it('finds the same neighbours as scoring and sorting every document', () => {
    const word = fc.constantFrom('ward', 'pharmacy', 'nurse', 'chart', 'wifi', 'ccio', 'session', 'order', 'care', 'team');
    const texts = fc.array(fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 5 }), (bodies, limit) => {
        const model = buildVectorModel(bodies.map((body, i) => doc(`d${String(i).padStart(2, '0')}`, '', body)));
        for (const vector of model.vectors) {
          const all = model.slugs
            // Summed term by term in 32-bit floats, as nearest() keeps its scores.
            .map((slug, d) => ({ slug, score: Math.min(1, [...vector].reduce((sum, [t, w]) => Math.fround(sum + w * Math.fround(model.vectors[d].get(t) ?? 0)), 0)) }))
            .filter((n) => n.score > 0)
            .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1));
          const found = nearest(model, vector, { limit });
          expect(found.map((n) => n.slug)).toEqual(all.slice(0, limit).map((n) => n.slug));
        }
      }),
      { numRuns: 200 },
    );
  });
});
