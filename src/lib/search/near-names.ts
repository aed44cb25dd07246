/**
 * A last try for a search that found next to nothing: each word of the query that is one slip
 * away from a word of the synonym groups' names (a letter missed, added, changed or two swapped:
 * "ccoi" for CCIO, "stratgy" for strategy), or that runs a name's words together
 * ("eobservations"), is read as that name. Only the names the site's vocabulary holds are known
 * here, not every word of the index, so the search page tries it only when the query as typed
 * finds next to nothing, keeps it only when it finds more, and says so; and a word is changed
 * only when exactly one name is that close.
 *
 * Runs in the browser: no I/O.
 */
import { phraseKey } from './synonyms';
import type { SynonymLookup } from './synonym-tokens';

/** Edits between two words, counting a swap of two neighbouring letters as one; above `limit`, `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length], limit + 1);
}

/** How many slips a word of this length may hold: none under 4 letters, one up to 8, two from 9. */
const slipsFor = (word: string) => (word.length < 4 ? 0 : word.length < 9 ? 1 : 2);

/**
 * The query with each word that is near exactly one name's word (or a name written without its
 * spaces) read as that, or undefined when no word changes. Words already in a name stay.
 */
export function nearNames(query: string, lookup: Pick<SynonymLookup, 'tokens'>): string | undefined {
  const known = new Map<string, string>();
  for (const key of lookup.tokens.keys()) {
    for (const word of key.split(' ')) known.set(word, word);
    if (key.includes(' ')) known.set(key.replace(/ /g, ''), key);
  }
  let changed = false;
  const words = phraseKey(query).split(' ').filter(Boolean).map((word) => {
    if (known.has(word) && known.get(word) === word) return word;
    if (known.has(word)) {
      changed = true;
      return known.get(word)!;
    }
    const slips = slipsFor(word);
    if (slips === 0) return word;
    let best = slips + 1;
    let found: string[] = [];
    for (const [candidate, reads] of known) {
      const d = editDistance(word, candidate, slips);
      if (d < best) [best, found] = [d, [reads]];
      else if (d === best && d <= slips && !found.includes(reads)) found.push(reads);
    }
    if (best > slips || found.length !== 1) return word;
    changed = true;
    return found[0];
  });
  return changed ? words.join(' ') : undefined;
}
