/**
 * The "also known as" lines a blueprint or playbook page carries for search. Pagefind has no
 * synonym feature, so each indexed page holds, in a hidden section at the end of its indexed
 * body, every member of each synonym group it mentions: a page about ePMA is found by
 * "electronic prescribing". Worked out from the validated entry at render time, so the
 * Pagefind step can read the built folder as it is.
 */
import { phraseKey, type Synonyms } from './synonyms';

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
  const said = ` ${phraseKey(text)} `;
  return mentioned.flatMap(({ group, count }) => {
    const listed = new Set<string>();
    const others = group.filter((term) => {
      const key = phraseKey(term);
      if (!key || listed.has(key) || said.includes(` ${key} `)) return false;
      listed.add(key);
      return true;
    });
    return others.length > 0 ? [{ weight: Math.min(3, count), text: others.join(', ') }] : [];
  });
}
