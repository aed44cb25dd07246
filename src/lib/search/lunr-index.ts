/**
 * The lunr index maintainers search from the terminal (`npm run search`). Built from validated
 * entries with synonyms added, queried with misspellings corrected and a little fuzziness, so
 * "e-prescibing" and "perscribing" still find e-prescribing blueprints.
 */
import lunr from 'lunr';
import { fieldBoosts, type SearchDocument, type SearchField } from './documents';
import { correctQuery, type Synonyms } from './synonyms';
import type { FilterValues } from './filters';
import { rememberingStemmer } from './text';

export function buildLunrIndex(docs: SearchDocument[]): lunr.Index {
  return lunr(function () {
    // Same stems as lunr.stemmer, remembered; queries keep lunr's own search pipeline.
    this.pipeline.after(lunr.stemmer, rememberingStemmer);
    this.pipeline.remove(lunr.stemmer);
    this.ref('slug');
    for (const field of Object.keys(fieldBoosts) as SearchField[]) this.field(field, { boost: fieldBoosts[field] });
    for (const doc of docs) this.add(doc);
  });
}

export interface Hit {
  slug: string;
  score: number;
}

/** True when the document has, for every filter given, at least one of the values asked for. */
export function matchesFilters(doc: SearchDocument, filters: FilterValues): boolean {
  return Object.entries(filters).every(([name, wanted]) => wanted.length === 0 || wanted.some((v) => doc.filters[name]?.includes(v)));
}

export function searchLunr(
  index: lunr.Index,
  docs: SearchDocument[],
  query: string,
  { synonyms, filters = {}, limit = 10 }: { synonyms?: Synonyms; filters?: FilterValues; limit?: number } = {},
): { hits: Hit[]; query: string } {
  const corrected = synonyms ? correctQuery(query, synonyms.corrections) : query;
  const bySlug = new Map(docs.map((d) => [d.slug, d]));
  const tokens = lunr.tokenizer(corrected).map(String);
  const results = tokens.length
    ? index.query((q) => {
        for (const token of tokens) {
          q.term(token, { boost: 10 });
          // One typo allowed in longer words, counted for much less than an exact match.
          if (token.length >= 5) q.term(token, { boost: 1, editDistance: 1 });
        }
      })
    : docs.map((d) => ({ ref: d.slug, score: 0 }));
  const hits = results
    .filter((r) => matchesFilters(bySlug.get(r.ref)!, filters))
    .slice(0, limit)
    .map((r) => ({ slug: r.ref, score: r.score }));
  return { hits, query: corrected };
}
