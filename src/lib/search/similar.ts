/**
 * The duplicate check for a draft: the existing blueprints closest to it, each with a
 * similarity from 0 to 1, and a flag on those close enough to be the same work written twice.
 */
import { buildVectorModel, nearest, vectorOf, type Neighbour, type Vector, type VectorModel } from './vectors';
import type { SearchDocument } from './documents';

/**
 * At or above this cosine similarity a draft is probably a duplicate. Measured on the bundled
 * blueprints: the closest two distinct ones (ePMA on wards, closed-loop in critical care) score
 * 0.40, and a draft made of every other sentence of a blueprint under a new title scores 0.59
 * or more. tests/unit/search-similar.test.ts checks both sides.
 */
export const duplicateThreshold = 0.5;

/**
 * At or above this share of words in common (of the shorter summary), two summaries are one
 * summary, copied with small changes. A summary says what the work was, so a draft with another
 * blueprint's summary is that work again, or says it is: either way the author should look. The
 * whole-text score misses it when the write-up is different (tests/unit/search-similar.test.ts).
 */
export const sameSummaryShare = 0.9;

export interface SimilarBlueprint extends Neighbour {
  likelyDuplicate: boolean;
  /** Its summary is the draft's, word for word or nearly. */
  sameSummary: boolean;
}

/** The existing blueprints as the check compares them: built once, used for any number of drafts. */
export interface SimilarityIndex {
  model: VectorModel;
  summaries: { slug: string; words: Set<string> }[];
}

function summaryWords(summary: string): Set<string> {
  return new Set(summary.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function isSameSummary(a: Set<string>, b: Set<string>): boolean {
  const shorter = a.size <= b.size ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.size === 0) return false;
  let shared = 0;
  for (const word of shorter) if (longer.has(word)) shared++;
  return shared / shorter.size >= sameSummaryShare;
}

function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  for (const [term, weight] of a) sum += weight * (b.get(term) ?? 0);
  return Math.min(1, sum);
}

export function similarityIndex(existing: SearchDocument[]): SimilarityIndex {
  return { model: buildVectorModel(existing), summaries: existing.map((d) => ({ slug: d.slug, words: summaryWords(d.summary) })) };
}

/**
 * The `limit` blueprints closest to the draft, closest first, each flagged when its score reaches
 * `threshold` or its summary is the draft's; one with the draft's summary is listed even if it is
 * not among the closest. The draft's own slug is left out (checking a file already in the folder).
 */
export function similarIn(index: SimilarityIndex, draft: SearchDocument, { limit = 5, threshold = duplicateThreshold } = {}): SimilarBlueprint[] {
  const vector = vectorOf(index.model, draft);
  const words = summaryWords(draft.summary);
  const copied = new Set(index.summaries.filter((s) => s.slug !== draft.slug && isSameSummary(words, s.words)).map((s) => s.slug));
  const closest: SimilarBlueprint[] = nearest(index.model, vector, { limit, exclude: new Set([draft.slug]) })
    .map((n) => ({ ...n, likelyDuplicate: n.score >= threshold || copied.has(n.slug), sameSummary: copied.has(n.slug) }));
  const missed = [...copied]
    .filter((slug) => !closest.some((c) => c.slug === slug))
    .map((slug) => ({ slug, score: cosine(vector, index.model.vectors[index.model.slugs.indexOf(slug)]), likelyDuplicate: true, sameSummary: true }));
  return [...closest, ...missed].sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1));
}

export function findSimilar(draft: SearchDocument, existing: SearchDocument[], options: { limit?: number; threshold?: number } = {}): SimilarBlueprint[] {
  // The draft's own file may be among the existing ones: it is left out of the model as well.
  return similarIn(similarityIndex(existing.filter((d) => d.slug !== draft.slug)), draft, options);
}
