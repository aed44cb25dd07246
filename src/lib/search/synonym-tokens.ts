/**
 * Synonyms in Pagefind, which has no synonym feature and returns only pages holding every word
 * of a query. Each synonym group (./synonyms.ts) gets a token: a made-up word that stands for the
 * whole group. Every indexed page carries, in a hidden section at the end of its indexed body
 * (src/components/SynonymTokens.astro), the token of each group it mentions; the search page puts
 * the token in place of any name of a group in the query. So a page that says "ePMA" is found by
 * "electronic prescribing", and the index holds one word per group a page mentions rather than
 * every other name of the group, which cost Pagefind about a sixth of its work at 10,000
 * blueprints (scripts/bench/README.md).
 *
 * Used by the build (the tokens a page carries) and by the search page's script (reading a query),
 * so it imports nothing heavier than ./synonyms.ts.
 */
import { phraseKey, stripPlural, type Synonyms } from './synonyms';
import { keepsWord } from './query';

/** The id of the section that holds a page's tokens; the search page never shows it as an excerpt. */
export const synonymsSectionId = 'search-synonyms';

/** 32-bit FNV-1a of a string, from a given starting value. */
function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A group's token: "zq" and 16 digits, from a 53-bit hash of its preferred form. Digits, so the
 * stemmer leaves it alone; always 16 of them, so no token is the start of another (Pagefind
 * matches a query word against the words it begins). The same group gets the same token in the
 * build's worker, on each page and on the search page, however each came by the groups.
 */
export function searchToken(group: readonly string[]): string {
  const key = group.map(phraseKey).find(Boolean) ?? '';
  const hash = fnv1a(key, 0x811c9dc5) * 0x200000 + (fnv1a(key, 0x050c5d1f) & 0x1fffff);
  return `zq${hash.toString().padStart(16, '0')}`;
}

/** Pagefind's weight for words in a page's h1, which holds its title. */
const titleWeight = 7;

export interface TokenLine {
  /** Pagefind's data-pagefind-weight: 1, 2 or 3 by how often the page mentions the group, or 7 for groups its title names. */
  weight: number;
  /** The tokens of the groups mentioned that often, separated by spaces. */
  text: string;
}

/**
 * The lines of tokens a page carries: one line per weight, heaviest first. Pagefind ranks a page
 * by where its words sit and how often they come, so the tokens stand in for the names they
 * replace in the query: a group the page mentions often is weighted up, and a group its title
 * names also comes at the title's weight. So a page titled "ePMA on every ward" ranks first for
 * "electronic prescribing", as it would for "ePMA".
 */
export function tokenLines(mentioned: ReturnType<Synonyms['mentioned']>, inTitle: ReturnType<Synonyms['mentioned']> = []): TokenLine[] {
  const byWeight = new Map<number, string[]>();
  const add = (weight: number, group: readonly string[]) => byWeight.set(weight, [...(byWeight.get(weight) ?? []), searchToken(group)]);
  for (const { group } of inTitle) add(titleWeight, group);
  for (const { group, count } of mentioned) add(Math.min(3, count), group);
  return [...byWeight.entries()].sort((a, b) => b[0] - a[0]).map(([weight, tokens]) => ({ weight, text: tokens.join(' ') }));
}

/** The token lines of a page other than a blueprint's (a playbook, a template): from its indexed text, its title's groups at the title's weight. */
export function pageTokenLines(synonyms: Synonyms, text: string, title: string): TokenLine[] {
  return tokenLines(synonyms.mentioned(text), synonyms.mentioned(title));
}

/** What the search page needs to read queries: each group's names as phrase keys, the preferred first (its token is worked out from it). */
export type QueryVocabulary = string[][];

export function queryVocabulary(groups: readonly (readonly string[])[]): QueryVocabulary {
  return groups.map((g) => [...new Set(g.map(phraseKey).filter(Boolean))]);
}

export interface SynonymLookup {
  /** Phrase key of a name → its group's token. */
  tokens: Map<string, string>;
  /** Token → the names' phrase keys, to find them in a result's text. */
  names: Map<string, string[]>;
  /** The most words in any name. */
  longest: number;
}

export function synonymLookup(vocabulary: QueryVocabulary): SynonymLookup {
  const tokens = new Map<string, string>();
  const names = new Map<string, string[]>();
  let longest = 0;
  for (const keys of vocabulary) {
    const token = searchToken(keys);
    names.set(token, keys);
    for (const key of keys) {
      tokens.set(key, token);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  return { tokens, names, longest };
}

/** A query read for Pagefind: the tokens of the groups it names, and its other words. */
export interface ReadQuery {
  tokens: string[];
  /** The words that are not part of a group's name, as typed. */
  rest: string[];
}

/**
 * Finds the names of synonym groups in a query, longest first, whatever their case ("epma" is
 * ePMA), a plural last word included ("electronic patient records"). A lone word the query reader
 * would drop ("it") is not read as an acronym ("IT") unless typed in capitals.
 */
export function readSynonyms(query: string, lookup: SynonymLookup): ReadQuery {
  const typed = query.trim().split(/\s+/).filter(Boolean);
  const keys = typed.map(phraseKey);
  const tokens: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < typed.length; ) {
    let found: { n: number; token: string } | undefined;
    for (let n = Math.min(lookup.longest, typed.length - i); n >= 1 && !found; n--) {
      if (n === 1 && !keepsWord(typed[i])) break;
      const key = keys.slice(i, i + n).filter(Boolean).join(' ');
      if (!key) continue;
      const last = key.split(' ').pop()!;
      const token = [key, ...stripPlural(last).map((s) => key.slice(0, key.length - last.length) + s)].map((k) => lookup.tokens.get(k)).find(Boolean);
      if (token) found = { n, token };
    }
    if (found) {
      if (!tokens.includes(found.token)) tokens.push(found.token);
      i += found.n;
    } else rest.push(typed[i++]);
  }
  return { tokens, rest };
}
