/**
 * The duplicate check for a draft: the existing blueprints closest to it, each with a
 * similarity from 0 to 1, and a flag on those close enough to be the same work written twice.
 */
import { buildVectorModel, nearest, vectorOf, type Neighbour } from './vectors';
import type { SearchDocument } from './documents';

/**
 * At or above this cosine similarity a draft is probably a duplicate. Measured on the bundled
 * blueprints: the closest two distinct ones (ePMA on wards, closed-loop in critical care) score
 * 0.40, and a draft made of every other sentence of a blueprint under a new title scores 0.59
 * or more. tests/unit/search-similar.test.ts checks both sides.
 */
export const duplicateThreshold = 0.5;

export interface SimilarBlueprint extends Neighbour {
  likelyDuplicate: boolean;
}

export function findSimilar(draft: SearchDocument, existing: SearchDocument[], { limit = 5, threshold = duplicateThreshold } = {}): SimilarBlueprint[] {
  // The draft's own file may be among the existing ones (checking a file already in the content folder).
  const others = existing.filter((d) => d.slug !== draft.slug);
  const model = buildVectorModel(others);
  return nearest(model, vectorOf(model, draft), { limit }).map((n) => ({ ...n, likelyDuplicate: n.score >= threshold }));
}
