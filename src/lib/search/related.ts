/**
 * Related blueprints: the author's own `related` list first, in their order, then the most
 * similar other blueprints by term vector, up to `max`. Computed for all blueprints at once,
 * once per build (src/lib/search/build-data.ts, which src/data/search.ts calls).
 */
import { buildVectorModel, nearest, type VectorModel } from './vectors';
import type { SearchDocument } from './documents';

export interface RelatedOptions {
  /** At most this many related blueprints per blueprint. */
  max?: number;
  /** Suggestions less similar than this are left out: better three good links than four. */
  minScore?: number;
}

export function computeRelated(
  docs: SearchDocument[],
  authorLists: Map<string, string[]>,
  { max = 4, minScore = 0.05 }: RelatedOptions = {},
  model: VectorModel = buildVectorModel(docs),
): Map<string, string[]> {
  const known = new Set(docs.map((d) => d.slug));
  const related = new Map<string, string[]>();
  docs.forEach((doc, i) => {
    const chosen = (authorLists.get(doc.slug) ?? []).filter((s) => s !== doc.slug && known.has(s)).slice(0, max);
    if (chosen.length < max) {
      const exclude = new Set([doc.slug, ...chosen]);
      for (const n of nearest(model, model.vectors[i], { limit: max - chosen.length, exclude })) {
        if (n.score >= minScore) chosen.push(n.slug);
      }
    }
    related.set(doc.slug, chosen);
  });
  return related;
}
