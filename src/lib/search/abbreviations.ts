/**
 * The abbreviations a page uses, for its "Abbreviations on this page" list: each one-word glossary
 * term that has an expansion (EPR: electronic patient record) and that the page's text uses as a
 * word, in its own case when it is written in capitals (as synonym matching reads it, so "IT" is
 * never the word "it"). Every word is looked up once, so a page costs the same however large the
 * glossary.
 *
 * Runs in the browser as well as in Node: no I/O.
 */
import type { GlossaryTerm } from '../schema';
import { isCaseSensitive, words } from './synonyms';

/** The glossary's one-word abbreviations: the word to look for (lower case unless written in capitals) → the term. */
export type AbbreviationTable = ReadonlyMap<string, string>;

export function abbreviationTable(glossary: readonly GlossaryTerm[]): AbbreviationTable {
  const table = new Map<string, string>();
  for (const t of glossary) {
    const term = t.term.trim();
    if (!t.expansion || words(term).join(' ') !== term) continue;
    table.set(isCaseSensitive(term) ? term : term.toLowerCase(), t.term);
  }
  return table;
}

/** The terms of `table` that `text` uses, in alphabetical order. */
export function abbreviationsUsed(text: string, table: AbbreviationTable): string[] {
  const used = new Set<string>();
  // A term in capitals is keyed as written, so only its own case finds it; any other, in lower case.
  for (const word of new Set(words(text))) {
    const term = table.get(word) ?? table.get(word.toLowerCase());
    if (term) used.add(term);
  }
  return [...used].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
