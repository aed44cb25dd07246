/**
 * Synonyms in Pagefind, which has no synonym feature and returns only pages holding every word
 * of a query. Each synonym group (./synonyms.ts) gets a token, a made-up word that stands for the
 * whole group, and each of its names a token of its own: the group's token followed by the name's
 * place in the group. Every indexed page carries, in a hidden section at the end of its indexed
 * body (src/components/SynonymTokens.astro), the token of each name it uses. The search page puts
 * the group's token in place of any name of a group in the query: Pagefind matches a query word
 * against every word it begins, so a page that says "ePMA" is found by "electronic prescribing".
 * The name's own token ranks first the pages that use the name typed, from the same index chunk,
 * as a group's name tokens sit together in Pagefind's sorted words. The index holds one word per
 * name a page uses rather than every other name of the group, which cost Pagefind about a sixth
 * of its work at 10,000 blueprints (scripts/bench/README.md).
 *
 * Used by the build (the tokens a page carries) and by the search page's script (reading a query),
 * so it imports nothing heavier than ./synonyms.ts.
 */
import { phraseKey, stripPlural, type Mention, type Synonyms } from './synonyms';
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
 * A group's names as phrase keys, the preferred first, each once: the order that numbers their
 * tokens, the same in the build and on the search page.
 */
export function groupKeys(group: readonly string[]): string[] {
  return [...new Set(group.map(phraseKey).filter(Boolean))];
}

/**
 * A group's token: "zq" and 16 digits, from a 53-bit hash of its preferred form. Digits, so the
 * stemmer leaves it alone; always 16 of them, so no group's token is the start of another's. The
 * same group gets the same token in the build's worker, on each page and on the search page,
 * however each came by the groups.
 */
export function searchToken(group: readonly string[]): string {
  const key = group.map(phraseKey).find(Boolean) ?? '';
  const hash = fnv1a(key, 0x811c9dc5) * 0x200000 + (fnv1a(key, 0x050c5d1f) & 0x1fffff);
  return `zq${hash.toString().padStart(16, '0')}`;
}

/**
 * The token of a group's name: the group's token and the name's place (`namesTokens`), in two
 * digits, so no name's token is the start of another's. Names past the hundredth share the last
 * token: their pages are still found by the group, and rank among themselves as one name.
 */
export function nameToken(groupToken: string, place: number): string {
  return `${groupToken}${String(Math.min(place, 99)).padStart(2, '0')}`;
}

/**
 * Each name's token, by phrase key, for a group's names as `groupKeys` gives them: numbered by
 * their place in that order, names that differ only by spaces sharing one. Pagefind reads "Wi-Fi"
 * as "wifi" as well, so a reader typing "wifi" means the pages that say "Wi-Fi" too. The build
 * (the tokens a page carries) and the search page (`synonymLookup`) both number names here.
 */
function namesTokens(keys: readonly string[]): Map<string, string> {
  const token = searchToken(keys);
  const ids = [...new Set(keys.map((k) => k.replaceAll(' ', '')))];
  return new Map(keys.map((k) => [k, nameToken(token, ids.indexOf(k.replaceAll(' ', '')))]));
}

/** The token of the name `key` (a phrase key) of `group`. */
export type NameTokenOf = (group: readonly string[], key: string) => string;

/**
 * A lookup of names' tokens that works out each group's once, on first use: one per build serves
 * every page (src/lib/search/build-data.ts), as the pages share the groups.
 */
export function nameTokenTable(): NameTokenOf {
  const byGroup = new Map<readonly string[], Map<string, string>>();
  return (group, key) => {
    let tokens = byGroup.get(group);
    if (!tokens) byGroup.set(group, (tokens = namesTokens(groupKeys(group))));
    return tokens.get(key)!;
  };
}

/** Pagefind's weight for words in a page's h1, which holds its title. */
const titleWeight = 7;

export interface TokenLine {
  /** Pagefind's data-pagefind-weight: how many times the page uses the name, up to Pagefind's most (10), or 7 for names its title uses. */
  weight: number;
  /** The tokens of the names used that often, separated by spaces. */
  text: string;
}

/**
 * The lines of tokens a page carries: one line per weight, heaviest first. Pagefind ranks a page
 * by where its words sit and how often they come, so the tokens stand in for the names they
 * replace in the query: a name is weighted by how many times the page uses it, as Pagefind would
 * count the word itself (a page about CCIOs, saying CCIO twenty times, ranks above one that names
 * a CCIO once in its title), and a name its title uses also comes at the title's weight. So a page
 * titled "ePMA on every ward" ranks first for "electronic prescribing", as it would for "ePMA".
 */
export function tokenLines(mentioned: Mention[], inTitle: Mention[] = [], tokenOfName: NameTokenOf = nameTokenTable()): TokenLine[] {
  const byWeight = new Map<number, string[]>();
  const add = (weight: number, token: string) => byWeight.set(weight, [...(byWeight.get(weight) ?? []), token]);
  for (const { group, names } of inTitle) for (const { key } of names) add(titleWeight, tokenOfName(group, key));
  for (const { group, names } of mentioned) for (const { key, count } of names) add(Math.min(10, count), tokenOfName(group, key));
  return [...byWeight.entries()].sort((a, b) => b[0] - a[0]).map(([weight, tokens]) => ({ weight, text: tokens.join(' ') }));
}

/** The token lines of a page other than a blueprint's (a playbook, a template): from its indexed text, its title's groups at the title's weight. */
export function pageTokenLines(synonyms: Synonyms, text: string, title: string): TokenLine[] {
  return tokenLines(synonyms.mentioned(text), synonyms.mentioned(title));
}

/** What the search page needs to read queries: each group's names as phrase keys (`groupKeys`: the preferred first, its token worked out from it). */
export type QueryVocabulary = string[][];

export function queryVocabulary(groups: readonly (readonly string[])[]): QueryVocabulary {
  return groups.map(groupKeys);
}

export interface SynonymLookup {
  /** Phrase key of a name → its group's token. */
  tokens: Map<string, string>;
  /** Phrase key of a name → the name's own token. */
  nameTokens: Map<string, string>;
  /** Group token → the names' phrase keys, to find them in a result's text. */
  names: Map<string, string[]>;
  /** The most words in any name. */
  longest: number;
}

export function synonymLookup(vocabulary: QueryVocabulary): SynonymLookup {
  const tokens = new Map<string, string>();
  const nameTokens = new Map<string, string>();
  const names = new Map<string, string[]>();
  let longest = 0;
  for (const keys of vocabulary) {
    const token = searchToken(keys);
    names.set(token, keys);
    const own = namesTokens(keys);
    for (const key of keys) {
      tokens.set(key, token);
      nameTokens.set(key, own.get(key)!);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  return { tokens, nameTokens, names, longest };
}

/**
 * The tokens of every name of the groups whose tokens are given. Pagefind loads, for each word
 * of a search, only the index chunk the word falls in, and a group's name tokens may straddle two
 * chunks: loading the chunks of them all first lets a search for the group's token find them all.
 */
export function everyNameToken(groupTokens: readonly string[], lookup: SynonymLookup): string[] {
  return groupTokens.flatMap((token) => [...new Set((lookup.names.get(token) ?? []).map((key) => lookup.nameTokens.get(key)!))]);
}

/** A query read for Pagefind: the tokens of the groups it names, of the names as typed, and its other words. */
export interface ReadQuery {
  tokens: string[];
  /** The token of each name typed, in the order of `tokens`. */
  named: string[];
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
  const named: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < typed.length; ) {
    let found: { n: number; key: string } | undefined;
    for (let n = Math.min(lookup.longest, typed.length - i); n >= 1 && !found; n--) {
      if (n === 1 && !keepsWord(typed[i])) break;
      const key = keys.slice(i, i + n).filter(Boolean).join(' ');
      if (!key) continue;
      const last = key.split(' ').pop()!;
      const known = [key, ...stripPlural(last).map((s) => key.slice(0, key.length - last.length) + s)].find((k) => lookup.tokens.has(k));
      if (known) found = { n, key: known };
    }
    if (found) {
      const token = lookup.tokens.get(found.key)!;
      if (!tokens.includes(token)) {
        tokens.push(token);
        named.push(lookup.nameTokens.get(found.key)!);
      }
      i += found.n;
    } else rest.push(typed[i++]);
  }
  return { tokens, named, rest };
}
