/**
 * Term vectors for "more like this": each document becomes its most characteristic terms
 * (tf-idf, capped at `maxTerms`), and two documents are as similar as the cosine of their
 * vectors (0 = nothing in common, 1 = the same words in the same proportions).
 *
 * Why not one lunr query per blueprint with all its words? At 3,000 blueprints that is 3,000
 * queries of hundreds of terms each. Capped vectors, an inverted index over them and scores
 * accumulated in a typed array make all the neighbours of all the blueprints one pass of
 * multiply-adds (measured in src/lib/search/README.md).
 */
import { fieldBoosts, type SearchDocument, type SearchField } from './documents';
import { terms } from './text';

/** Term → weight, unit length. */
export type Vector = Map<string, number>;

export interface VectorModel {
  slugs: string[];
  /** Each document's capped, unit-length vector, in the order of `slugs`. */
  vectors: Vector[];
  /** Inverse document frequency of every term seen, for vectors of documents outside the model. */
  idf: Map<string, number>;
  /** Term → the documents (indexes into `slugs`) whose vector has it, and its weight there. */
  postings: Map<string, { docs: Int32Array; weights: Float32Array }>;
  maxTerms: number;
}

export interface Neighbour {
  slug: string;
  /** Cosine similarity, 0 to 1. */
  score: number;
}

/** How many times each term appears, with a field's words counted as often as its boost says. */
function termCounts(doc: SearchDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const field of Object.keys(fieldBoosts) as SearchField[]) {
    const weight = fieldBoosts[field];
    for (const t of terms(doc[field])) counts.set(t, (counts.get(t) ?? 0) + weight);
  }
  return counts;
}

function weigh(counts: Map<string, number>, idf: Map<string, number>, maxTerms: number): Vector {
  const weighted: [string, number][] = [];
  for (const [term, count] of counts) {
    const inverse = idf.get(term);
    if (inverse && inverse > 0) weighted.push([term, (1 + Math.log(count)) * inverse]);
  }
  // Only the heaviest `maxTerms` are kept: sort just those that can be among them (weight at least
  // the maxTerms-th heaviest, found with a native numeric sort), not the document's every term.
  let candidates = weighted;
  if (weighted.length > maxTerms && maxTerms > 0) {
    const weights = Float64Array.from(weighted, ([, w]) => w).sort();
    const floor = weights[weights.length - maxTerms];
    candidates = weighted.filter(([, w]) => w >= floor);
  }
  candidates.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = candidates.slice(0, maxTerms);
  const length = Math.sqrt(top.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / length]));
}

export function buildVectorModel(docs: SearchDocument[], { maxTerms = 60 } = {}): VectorModel {
  const counted = docs.map(termCounts);
  const df = new Map<string, number>();
  for (const counts of counted) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  // Smoothed idf: a term in every document weighs almost nothing, a rare one a lot.
  const idf = new Map([...df].map(([t, f]) => [t, Math.log((n + 1) / (f + 0.5))]));
  const vectors = counted.map((counts) => weigh(counts, idf, maxTerms));
  const lists = new Map<string, { docs: number[]; weights: number[] }>();
  vectors.forEach((vector, i) => {
    for (const [t, w] of vector) {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = { docs: [], weights: [] }));
      list.docs.push(i);
      list.weights.push(w);
    }
  });
  const postings = new Map([...lists].map(([t, l]) => [t, { docs: Int32Array.from(l.docs), weights: Float32Array.from(l.weights) }]));
  return { slugs: docs.map((d) => d.slug), vectors, idf, postings, maxTerms };
}

/** The vector of a document that is not in the model (e.g. a draft), using the model's idf. */
export function vectorOf(model: VectorModel, doc: SearchDocument): Vector {
  return weigh(termCounts(doc), model.idf, model.maxTerms);
}

/** Reused between calls: one score per document. */
let scratch = new Float32Array(0);

/**
 * The `limit` documents most similar to `vector`, best first (equal scores by slug), leaving out
 * the slugs in `exclude`. Every document is scanned once after the scores are summed: in a
 * catalogue, most documents share some term with any other, so tracking which were touched
 * cost more than it saved (measured in src/lib/search/README.md).
 */
export function nearest(model: VectorModel, vector: Vector, { limit = 5, exclude = new Set<string>() } = {}): Neighbour[] {
  const n = model.slugs.length;
  if (scratch.length < n) scratch = new Float32Array(n);
  const scores = scratch;
  for (const [term, weight] of vector) {
    const list = model.postings.get(term);
    if (!list) continue;
    const { docs, weights } = list;
    for (let k = 0; k < docs.length; k++) scores[docs[k]] += weight * weights[k];
  }
  // Keep the best `limit` in a small sorted array: cheaper than sorting every document.
  const best: Neighbour[] = [];
  for (let d = 0; d < n; d++) {
    if (scores[d] === 0) continue;
    const score = Math.min(1, scores[d]);
    scores[d] = 0;
    // Most documents score too low to enter the list: rule them out before the slug lookups.
    const last = best.length === limit ? best[limit - 1] : undefined;
    if (last && score < last.score) continue;
    const slug = model.slugs[d];
    if (exclude.has(slug) || (last && score === last.score && slug >= last.slug)) continue;
    const at = best.findIndex((b) => score > b.score || (score === b.score && slug < b.slug));
    best.splice(at === -1 ? best.length : at, 0, { slug, score });
    if (best.length > limit) best.pop();
  }
  return best;
}
