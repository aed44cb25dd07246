/**
 * Search data every blueprint page shows, for all blueprints at once: its related blueprints
 * (related.ts), the tokens of the synonym groups' names it uses (synonym-tokens.ts) and the
 * glossary's abbreviations it uses (abbreviations.ts). One
 * function, whether it is computed from Astro's collections (src/data/search.ts, under
 * `astro dev`) or, in a build, from the entries the content gate checked, in a worker
 * (src/integrations/search-data.ts), which hands it to the pages through
 * src/integrations/search-data-slot.ts.
 */
import { nameTokenTable, tokenLines, type TokenLine } from './synonym-tokens';
import { writtenText, type SearchDocument } from './documents';
import { computeRelated } from './related';
import { abbreviationTable, abbreviationsUsed } from './abbreviations';
import type { GlossaryTerm } from '../schema';

export interface BlueprintSearchData {
  /** Up to four related blueprints: the author's choices first, then the most similar. */
  related: string[];
  synonymTokens: TokenLine[];
  /** The glossary's abbreviations its own words use (EPR, CCIO), alphabetically (abbreviations.ts). */
  abbreviations: string[];
}

export function blueprintSearchData(docs: SearchDocument[], authorLists: Map<string, string[]>, glossary: readonly GlossaryTerm[]): Map<string, BlueprintSearchData> {
  const related = computeRelated(docs, authorLists);
  const tokenOfName = nameTokenTable();
  const abbreviations = abbreviationTable(glossary);
  return new Map(docs.map((d) => [d.slug, {
    related: related.get(d.slug) ?? [],
    synonymTokens: tokenLines(d.mentions, d.titleMentions, tokenOfName),
    abbreviations: abbreviationsUsed(writtenText(d), abbreviations),
  }]));
}
