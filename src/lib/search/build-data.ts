/**
 * Search data every blueprint page shows, for all blueprints at once: its related blueprints
 * (related.ts) and its "also known as" lines (also-known-as.ts). One function, whether it is
 * computed from Astro's collections (src/data/search.ts, under `astro dev`) or, in a build, from the
 * entries the content gate checked, in a worker (src/integrations/search-data.ts), which hands it
 * to the pages through src/integrations/search-data-slot.ts.
 */
import { alsoKnownAs, type AlsoKnownAsLine } from './also-known-as';
import { writtenText, type SearchDocument } from './documents';
import { computeRelated } from './related';

export interface BlueprintSearchData {
  /** Up to four related blueprints: the author's choices first, then the most similar. */
  related: string[];
  alsoKnownAs: AlsoKnownAsLine[];
}

export function blueprintSearchData(docs: SearchDocument[], authorLists: Map<string, string[]>): Map<string, BlueprintSearchData> {
  const related = computeRelated(docs, authorLists);
  return new Map(docs.map((d) => [d.slug, { related: related.get(d.slug) ?? [], alsoKnownAs: alsoKnownAs(d.mentions, writtenText(d)) }]));
}
