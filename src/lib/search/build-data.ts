/**
 * Search data every blueprint page shows, for all blueprints at once: its related blueprints
 * (related.ts) and the tokens of the synonym groups' names it uses (synonym-tokens.ts). One
 * function, whether it is computed from Astro's collections (src/data/search.ts, under
 * `astro dev`) or, in a build, from the entries the content gate checked, in a worker
 * (src/integrations/search-data.ts), which hands it to the pages through
 * src/integrations/search-data-slot.ts.
 */
import { nameTokenTable, tokenLines, type TokenLine } from './synonym-tokens';
import type { SearchDocument } from './documents';
import { computeRelated } from './related';

export interface BlueprintSearchData {
  /** Up to four related blueprints: the author's choices first, then the most similar. */
  related: string[];
  synonymTokens: TokenLine[];
}

export function blueprintSearchData(docs: SearchDocument[], authorLists: Map<string, string[]>): Map<string, BlueprintSearchData> {
  const related = computeRelated(docs, authorLists);
  const tokenOfName = nameTokenTable();
  return new Map(docs.map((d) => [d.slug, { related: related.get(d.slug) ?? [], synonymTokens: tokenLines(d.mentions, d.titleMentions, tokenOfName) }]));
}
