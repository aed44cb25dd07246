/** The glossary's terms by name, and its abbreviations, read once per build from the content collection. */
import { getCollection } from 'astro:content';
import type { GlossaryTerm } from '../lib/schema';
import { abbreviationTable, type AbbreviationTable } from '../lib/search/abbreviations';

let terms: Promise<Map<string, GlossaryTerm>> | undefined;

export function getGlossary(): Promise<Map<string, GlossaryTerm>> {
  terms ??= getCollection('glossary').then((all) => new Map(all.map((e) => [e.data.term, e.data])));
  return terms;
}

let abbreviations: Promise<AbbreviationTable> | undefined;

/** The glossary's abbreviations, for the pages that find which they use (src/lib/search/abbreviations.ts). */
export function getAbbreviationTable(): Promise<AbbreviationTable> {
  abbreviations ??= getGlossary().then((all) => abbreviationTable([...all.values()]));
  return abbreviations;
}
