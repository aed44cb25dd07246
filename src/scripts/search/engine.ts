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
import { hasFilters, sorts, type SearchState } from './state';

/** The parts of Pagefind's API used here. https://pagefind.app/docs/api/ */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
type Counts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  filters: Counts;
}
type PagefindFilters = Record<string, { any: string[] }>;
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Counts>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
}

export interface Outcome {
  results: PagefindResult[];
  /** Count per filter value for the results, as if that value were ticked; undefined when unknown. */
  counts: Counts | undefined;
  /** 'all': every meaningful word matched. 'any': fallback, pages matching some of the words. 'browse': filters only. */
  mode: 'all' | 'any' | 'browse';
  /** The query as searched, after corrections. */
  searched: string;
  corrected: boolean;
}

function toFilters(filters: Record<string, string[]>, without?: string): PagefindFilters {
  const out: PagefindFilters = {};
  for (const [name, values] of Object.entries(filters)) if (values.length && name !== without) out[name] = { any: values };
  return out;
}

export async function runSearch(pagefind: Pagefind, state: SearchState, corrections: Record<string, string>): Promise<Outcome> {
  const searched = correctQuery(state.q, corrections);
  const words = state.q ? meaningfulWords(searched) : [];
  const term = words.length ? words.join(' ') : null;
  const sort = sorts[state.sort];
  const search = async (t: string | null, filters: PagefindFilters) => (await pagefind.search(t, { filters, sort })) ?? { results: [], filters: {} };

  const main = await search(term, toFilters(state.filters));
  let results = main.results;
  let mode: Outcome['mode'] = term ? 'all' : 'browse';
  let counts: Counts | undefined = main.filters;

  if (term && results.length === 0 && words.length > 1) {
    const perWord = await Promise.all(words.map((w) => search(w, toFilters(state.filters))));
    results = mergeAnyWord(perWord.map((r) => r.results));
    mode = 'any';
    counts = undefined; // Pagefind cannot count a union of searches.
  }

  if (counts && hasFilters(state)) {
    // A facet's own counts ignore its own ticks, so ticking "Acute" still shows how many "Community" has.
    counts = { ...counts };
    for (const [name, values] of Object.entries(state.filters)) {
      if (values.length === 0) continue;
      counts[name] = (await search(term, toFilters(state.filters, name))).filters[name] ?? {};
    }
  }
  return { results, counts, mode, searched, corrected: searched !== state.q };
}
