/**
 * Turning what a reader types into what Pagefind can answer. Pagefind only returns pages that
 * contain every word of the query, so a question such as "how much time should a CCIO get"
 * finds nothing until the words that carry no meaning are dropped. Used by the search page's
 * client code; kept free of imports so it adds almost nothing to the page's JavaScript.
 */

/** Question and function words that never decide what a blueprint is about. */
const stopWords = new Set(
  ('a about after all also am an and any are as at be been before being but by can could did do does doing done for from get gets getting ' +
    'give given got had has have having he her here his how i if in into is it its me more most much my need needs no nor not of off on ' +
    'once only or other our ours out over own same she should so some such than that the their them then there these they this those ' +
    'through to too under until up us very was we were what when where which while who whom why will with would you your').split(' '),
);

/** Whether a word carries meaning: not a stop word, or an acronym in capitals ("IT team", "ED"), which is meant even when it spells one. */
export function keepsWord(w: string): boolean {
  const isAcronym = w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w);
  return isAcronym || !stopWords.has(w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/** The query's words without stop words; the whole query when nothing else is left ("how"), unless `orNone`. */
export function meaningfulWords(query: string | string[], { orNone = false } = {}): string[] {
  const all = typeof query === 'string' ? query.trim().split(/\s+/).filter(Boolean) : query;
  const kept = all.filter(keepsWord);
  return kept.length || orNone ? kept : all;
}

/**
 * Scores from one search per word, merged for an "any of these words" fallback: pages matching
 * more of the words come first, then by the sum of their scores.
 */
export function mergeAnyWord<T extends { id: string; score: number }>(perWord: T[][]): T[] {
  const merged = new Map<string, { item: T; words: number; score: number }>();
  for (const results of perWord) {
    const top = results[0]?.score || 1;
    for (const r of results) {
      const m = merged.get(r.id);
      if (m) {
        m.words += 1;
        m.score += r.score / top;
      } else merged.set(r.id, { item: r, words: 1, score: r.score / top });
    }
  }
  return [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((m) => m.item);
}
