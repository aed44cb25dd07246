/**
 * The "also known as" lines a blueprint or playbook page carries for search. Pagefind has no
 * synonym feature, so each indexed page holds, in a hidden section at the end of its indexed
 * body, every member of each synonym group it mentions: a page about ePMA is found by
 * "electronic prescribing". Worked out once per build for every blueprint (build-data.ts) and
 * rendered into the page (src/components/AlsoKnownAs.astro), so Pagefind indexes the page as built.
 */
import { phraseKey, words, type Synonyms } from './synonyms';

/** The id of the section that holds a page's synonyms; the search page never shows it as an excerpt. */
export const synonymsSectionId = 'search-synonyms';

export interface AlsoKnownAsLine {
  /** Pagefind's data-pagefind-weight: 1, 2 or 3, by how often the page mentions the group. */
  weight: number;
  /** Every member of the group, e.g. "ePMA, Electronic prescribing, e-prescribing". */
  text: string;
}

/**
 * One line for each synonym group a text mentions, with the members the text does not already
 * say: "ePMA, e-prescribing" on a page that says "electronic prescribing". Members that differ
 * only in case count once (Pagefind ignores case). Every extra word costs index time: listing
 * whole groups, repeats included, took about 2 s of Pagefind's 11 s at 3,000 blueprints
 * (measured by indexing the built pages with and without the lines). A group mentioned often is
 * weighted up, so a page about ePMA ranks for "electronic prescribing" as a page that says it would.
 */
export function alsoKnownAs(mentioned: ReturnType<Synonyms['mentioned']>, text: string): AlsoKnownAsLine[] {
  const says = phraseFinder(text);
  return mentioned.flatMap(({ group, count }) => {
    const listed = new Set<string>();
    const others = group.filter((term) => {
      const key = keyOf(term);
      if (!key || listed.has(key) || says(key)) return false;
      listed.add(key);
      return true;
    });
    return others.length > 0 ? [{ weight: Math.min(3, count), text: others.join(', ') }] : [];
  });
}

/** Vocabulary terms' phrase keys, remembered: the same few hundred terms are looked up for every page. */
const keys = new Map<string, string>();
function keyOf(term: string): string {
  let key = keys.get(term);
  if (key === undefined) keys.set(term, (key = phraseKey(term)));
  return key;
}

/**
 * Whether a text holds a phrase (a phrase key: lower case, one space between words), word for
 * word. The text's words are indexed once by where each one occurs, so checking a hundred
 * phrases is a few lookups each, not a hundred scans of the whole text (which took most of
 * the 1.8 s these lines cost at 3,000 blueprints).
 */
function phraseFinder(text: string): (key: string) => boolean {
  const ws = words(text).map((w) => w.toLowerCase());
  const at = new Map<string, number[]>();
  ws.forEach((w, i) => {
    const list = at.get(w);
    if (list) list.push(i);
    else at.set(w, [i]);
  });
  return (key) => {
    const kw = key.split(' ');
    return (at.get(kw[0]) ?? []).some((start) => kw.every((w, j) => ws[start + j] === w));
  };
}
