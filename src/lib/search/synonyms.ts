/**
 * Synonym groups for search, from three sources: the glossary (each term with its expansion and
 * aliases), src/content/synonyms.yaml (plain-English equivalents and misspellings) and acronyms
 * the content defines as "Full Name (ACRONYM)" (./defined-acronyms.ts). Groups that share a
 * word are merged, so "ePMA" in two places makes one group.
 *
 * Pagefind has no synonym feature: each indexed page carries a token for each group it mentions,
 * which the search page puts in place of the group's names in a query (./synonym-tokens.ts).
 * Every lunr document gets the members of each group it mentions. Misspellings are applied to
 * the query: they are corrected before searching.
 */
import type { GlossaryTerm } from '../schema/glossary';
import type { SynonymGroup } from '../schema/synonyms';
import { remember } from './remember';

export interface Synonyms {
  /** Merged groups; the first member of each is the preferred form. */
  groups: string[][];
  /** Misspelling (lower case, words separated by one space) → the preferred form to search for. */
  corrections: Record<string, string>;
  /** The groups a text mentions, each with how many times, most mentioned first. */
  mentioned(text: string): Mention[];
}

/** A group a text mentions: how many times in all, and by which of its names. */
export interface Mention {
  group: string[];
  count: number;
  /** Each name the text used, as its phrase key, with how many times; in the order first used. */
  names: { key: string; count: number }[];
}

/**
 * Splits text into words the way phrase matching sees them: letters (Latin, with accents),
 * digits, "+" and "&" (dm+d, A&E). Not \p{L}: a Unicode-aware pattern is several times slower,
 * and this runs over every blueprint's whole text.
 */
export function words(text: string): string[] {
  return text.match(/[A-Za-z0-9\u00C0-\u024F+&]+/g) ?? [];
}

/** A key for comparing phrases: lower case, one space between words. */
export function phraseKey(text: string): string {
  return words(text).join(' ').toLowerCase();
}

/**
 * Acronyms (two or more capitals and no space: CCIO, ePMA, IT, NEWS) match only in that case,
 * so "IT" never matches the word "it" and "NEWS" never matches "news".
 */
export function isCaseSensitive(term: string): boolean {
  return !/\s/.test(term.trim()) && (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

interface Phrase {
  words: string[];
  caseSensitive: boolean;
  group: number;
  /** The name's phrase key. */
  key: string;
}

/** Union of groups that share a member (compared case-insensitively), keeping first-seen order. */
function mergeGroups(lists: string[][]): string[][] {
  const owner = new Map<string, number>();
  const parent: number[] = lists.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  lists.forEach((list, i) => {
    for (const term of list) {
      const key = phraseKey(term);
      if (!key) continue;
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const merged = new Map<number, string[]>();
  lists.forEach((list, i) => {
    const root = find(i);
    const into = merged.get(root) ?? [];
    for (const term of list) if (!into.includes(term)) into.push(term);
    merged.set(root, into);
  });
  return [...merged.values()].filter((g) => g.length > 1);
}

export const stripPlural = (w: string) => (w.length > 3 && w.endsWith('es') ? [w.slice(0, -2), w.slice(0, -1)] : w.length > 2 && w.endsWith('s') ? [w.slice(0, -1)] : []);

/**
 * `defined` are the groups content defines for itself, "Full Name (ACRONYM)" in any file
 * (./defined-acronyms.ts). They come last, so the glossary's and the synonyms file's forms stay
 * preferred, and a name that only differs in case from one already known takes the known spelling,
 * so the merged group does not list it twice.
 */
export function buildSynonyms(fileGroups: SynonymGroup[], glossary: GlossaryTerm[], defined: readonly (readonly string[])[] = []): Synonyms {
  const fromGlossary = glossary.map((t) => [t.term, ...(t.expansion ? [t.expansion] : []), ...t.aliases]);
  const named = [...fileGroups.map((g) => g.terms), ...fromGlossary];
  const spelling = new Map<string, string>();
  const respell = (term: string) => {
    if (isCaseSensitive(term)) return term;
    const key = phraseKey(term);
    if (!spelling.has(key)) spelling.set(key, term);
    return spelling.get(key)!;
  };
  named.flat().forEach(respell);
  // The synonyms file comes first, so its first term is the preferred form when both define a group.
  const groups = mergeGroups([...named, ...defined.map((g) => g.map(respell))]);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((t) => groupOf.set(phraseKey(t), i)));

  const corrections: Record<string, string> = {};
  for (const g of fileGroups) {
    const preferred = groups[groupOf.get(phraseKey(g.terms[0])) ?? -1]?.[0] ?? g.terms[0];
    for (const m of g.misspellings) corrections[phraseKey(m)] = preferred;
  }

  // Phrases indexed by their first word in lower case, so a text is scanned once, word by word.
  const byFirstWord = new Map<string, Phrase[]>();
  groups.forEach((g, group) => {
    for (const term of g) {
      const ws = words(term);
      if (!ws.length) continue;
      const caseSensitive = isCaseSensitive(term);
      const phrase = { words: caseSensitive ? ws : ws.map((w) => w.toLowerCase()), caseSensitive, group, key: phraseKey(term) };
      const key = ws[0].toLowerCase();
      byFirstWord.set(key, [...(byFirstWord.get(key) ?? []), phrase]);
    }
  });
  // Longest phrase first, so "GP Connect" is one mention of GP Connect, not one of GP.
  const longestFirst = (list: Phrase[]) => list.sort((a, b) => b.words.length - a.words.length);
  for (const list of byFirstWord.values()) longestFirst(list);
  const same = (actual: string, expected: string, caseSensitive: boolean, last: boolean) => {
    // Phrase words are stored lower case unless the phrase is case-sensitive.
    const a = caseSensitive ? actual : actual.toLowerCase();
    // The last word may be plural: "electronic patient records" mentions "electronic patient record".
    return a === expected || (last && !caseSensitive && (a === `${expected}s` || a === `${expected}es`));
  };

  // The phrases a word may start, its singular's included, worked out once per distinct word:
  // a catalogue has millions of words but only tens of thousands of distinct ones.
  const startingWith = new Map<string, Phrase[] | undefined>();
  const candidatesFor = (lower: string): Phrase[] | undefined => {
    if (startingWith.has(lower)) return startingWith.get(lower);
    let candidates = byFirstWord.get(lower);
    if (lower.endsWith('s')) {
      const singular = stripPlural(lower).flatMap((k) => byFirstWord.get(k) ?? []);
      if (singular.length) candidates = longestFirst([...(candidates ?? []), ...singular]);
    }
    return remember(startingWith, lower, candidates);
  };

  return {
    groups,
    corrections,
    mentioned(text) {
      const ws = words(text);
      const counts = new Map<number, number>();
      const byName = new Map<number, Map<string, number>>();
      for (let i = 0; i < ws.length; i++) {
        const candidates = candidatesFor(ws[i].toLowerCase());
        if (!candidates) continue;
        const match = candidates.find((p) => i + p.words.length <= ws.length && p.words.every((w, j) => same(ws[i + j], w, p.caseSensitive, j === p.words.length - 1)));
        if (!match) continue;
        counts.set(match.group, (counts.get(match.group) ?? 0) + 1);
        const names = byName.get(match.group) ?? byName.set(match.group, new Map()).get(match.group)!;
        names.set(match.key, (names.get(match.key) ?? 0) + 1);
        i += match.words.length - 1;
      }
      return [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([group, count]) => ({ group: groups[group], count, names: [...byName.get(group)!].map(([key, n]) => ({ key, count: n })) }));
    },
  };
}

/**
 * The words a document should also be found by: every member of every group it mentions.
 * Members already in the text are included too; it costs little and keeps the rule simple.
 */
export function synonymText(synonyms: Synonyms, text: string | Mention[]): string {
  const mentions = typeof text === 'string' ? synonyms.mentioned(text) : text;
  return mentions.map(({ group }) => group.join(', ')).join('; ');
}

/**
 * Corrects known misspellings in a query, e.g. "e-prescibing costs" → "e-prescribing costs".
 * Returns the query unchanged (same string) when nothing was corrected.
 */
export function correctQuery(query: string, corrections: Record<string, string>): string {
  let key = ` ${phraseKey(query)} `;
  let changed = false;
  for (const [wrong, right] of Object.entries(corrections)) {
    const at = key.indexOf(` ${wrong} `);
    if (at === -1) continue;
    key = `${key.slice(0, at)} ${right.toLowerCase()} ${key.slice(at + wrong.length + 2)}`;
    changed = true;
  }
  return changed ? key.trim() : query;
}
