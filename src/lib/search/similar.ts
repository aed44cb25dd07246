/**
 * The duplicate check for a draft: the existing blueprints closest to it, each with a
 * similarity from 0 to 1, and a flag on those close enough to be the same work written twice.
 */
import { buildVectorModel, nearest, vectorOf, type Neighbour } from './vectors';
import type { SearchDocument } from './documents';

/**
 * Above this cosine similarity a draft is probably a duplicate. Chosen by measuring the bundled
 * blueprints: distinct blueprints on the same topic score below it, and a blueprint with its
 * text reworded scores above it (tests/unit/search-similar.test.ts checks both).
 */
export const duplicateThreshold = 0.6;

export interface SimilarBlueprint extends Neighbour {
  likelyDuplicate: boolean;
}

export function findSimilar(draft: SearchDocument, existing: SearchDocument[], { limit = 5, threshold = duplicateThreshold } = {}): SimilarBlueprint[] {
  // The draft's own file may be among the existing ones (checking a file already in the content folder).
  const others = existing.filter((d) => d.slug !== draft.slug);
  const model = buildVectorModel(others);
  return nearest(model, vectorOf(model, draft), { limit }).map((n) => ({ ...n, likelyDuplicate: n.score >= threshold }));
}
