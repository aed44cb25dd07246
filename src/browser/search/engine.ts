/**
 * Runs one search on Pagefind's JavaScript API and returns what the page shows: the results,
 * the count for every filter value, and how the query was read.
 *
 * Pagefind returns only pages with every word of the query, so the query is first corrected
 * (known misspellings) and stripped of words that carry no meaning ("how much time should a
 * CCIO get" → "time CCIO"). If that still finds nothing, each word is searched on its own and
 * pages matching most of the words come first.
 */
import { correctQuery } from '../../lib/search/synonyms';
import { meaningfulWords, mergeAnyWord } from '../../lib/search/query';
import { sortResults, type SortOrders } from '../../lib/search/sort-orders';
import type { Counts, Pagefind, PagefindFilters, PagefindResponse, PagefindResult } from '../pagefind';
import { sorts, type SearchState } from './state';

/** Loads the sorts' page orders (the first time a reader sorts; see src/lib/search/sort-orders.ts). */
export type LoadSortOrders = () => Promise<SortOrders>;

export interface Outcome {
  results: PagefindResult[];
  /** 'all': every meaningful word matched. 'any': fallback, pages matching some of the words. 'browse': filters only. */
  mode: 'all' | 'any' | 'browse';
  /** The words searched for, after corrections and without stop words; null when browsing. */
  term: string | null;
  /** The query as searched, after corrections. */
  searched: string;
  corrected: boolean;
}

function toFilters(filters: Record<string, string[]>, without?: string): PagefindFilters {
  const out: PagefindFilters = {};
  for (const [name, values] of Object.entries(filters)) if (values.length && name !== without) out[name] = { any: values };
  return out;
}

/** One Pagefind search; results in the order of the reader's sort when `sortOrders` is given and they chose one. */
async function search(pagefind: Pagefind, term: string | null, state: SearchState, { without, sortOrders }: { without?: string; sortOrders?: LoadSortOrders } = {}): Promise<PagefindResponse> {
  const response = (await pagefind.search(term, { filters: toFilters(state.filters, without) })) ?? { results: [], filters: {} };
  const sort = sorts[state.sort];
  if (!sort || !sortOrders) return response;
  const [[key, direction]] = Object.entries(sort);
  return { ...response, results: sortResults(response.results, await sortOrders(), key, direction) };
}

export async function runSearch(pagefind: Pagefind, state: SearchState, corrections: Record<string, string>, sortOrders: LoadSortOrders): Promise<Outcome> {
  const searched = correctQuery(state.q, corrections);
  const words = state.q ? meaningfulWords(searched) : [];
  const term = words.length ? words.join(' ') : null;
  const outcome = { searched, corrected: searched !== state.q, term };

  const main = await search(pagefind, term, state, { sortOrders });
  if (term && main.results.length === 0 && words.length > 1) {
    const perWord = await Promise.all(words.map((w) => search(pagefind, w, state, { sortOrders })));
    return { ...outcome, results: mergeAnyWord(perWord.map((r) => r.results)), mode: 'any' };
  }
  return { ...outcome, results: main.results, mode: term ? 'all' : 'browse' };
}

/**
 * The count for every filter value, as if it were ticked, for the filters Pagefind has loaded
 * (others are missing). A facet's own counts ignore its own ticks, so ticking "Acute" still shows
 * how many "Community" has. Undefined for an "any of the words" search: Pagefind cannot count a
 * union of searches. The searches repeat ones already made, so they cost no downloads.
 */
export async function countFilters(pagefind: Pagefind, state: SearchState, outcome: Outcome): Promise<Counts | undefined> {
  if (outcome.mode === 'any') return undefined;
  const counts = { ...(await search(pagefind, outcome.term, state)).filters };
  for (const [name, values] of Object.entries(state.filters)) {
    if (values.length) counts[name] = (await search(pagefind, outcome.term, state, { without: name })).filters[name] ?? {};
  }
  return counts;
}
