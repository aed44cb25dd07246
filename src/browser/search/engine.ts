/**
 * Runs one search on Pagefind's JavaScript API and returns what the page shows: the results,
 * the count for every filter value, and how the query was read.
 *
 * Pagefind returns only pages with every word of the query, so the query is first corrected
 * (known misspellings), the names of synonym groups in it are put as their groups' tokens
 * ("electronic prescribing" finds pages that say ePMA; src/lib/search/synonym-tokens.ts), and
 * the other words are stripped of those that carry no meaning ("how much time should a CCIO get"
 * → "time" and CCIO's token). If that still finds nothing, each is searched on its own and pages
 * matching most of them come first; and if next to nothing, a word a slip away from a name the
 * site knows is read as that name when that finds more (src/lib/search/near-names.ts).
 */
import { correctQuery, phraseKey } from '../../lib/search/synonyms';
import { nearNames } from '../../lib/search/near-names';
import { meaningfulWords, mergeAnyWord } from '../../lib/search/query';
import { everyNameToken, readSynonyms, type SynonymLookup } from '../../lib/search/synonym-tokens';
import { sortResults, type SortOrders } from '../../lib/search/sort-orders';
import type { Counts, Pagefind, PagefindFilters, PagefindResponse, PagefindResult } from '../pagefind';
import { sorts, type SearchState } from './state';

/** Loads the sorts' page orders (the first time a reader sorts; see src/lib/search/sort-orders.ts). */
export type LoadSortOrders = () => Promise<SortOrders>;

export interface Outcome {
  results: PagefindResult[];
  /** 'all': every meaningful word matched. 'any': fallback, pages matching some of the words. 'browse': filters only. */
  mode: 'all' | 'any' | 'browse';
  /** What Pagefind was asked: tokens and the words left, after corrections and without stop words; null when browsing. */
  term: string | null;
  /** When the query named a synonym group: every name of each group named, and the other words, as phrase keys, to mark in excerpts. */
  names: string[];
  /** The query as searched, after corrections. */
  searched: string;
  corrected: boolean;
}

function toFilters(filters: Record<string, string[]>, without?: string): PagefindFilters {
  const out: PagefindFilters = {};
  for (const [name, values] of Object.entries(filters)) if (values.length && name !== without) out[name] = { any: values };
  return out;
}

interface SearchOptions {
  /** Leave this filter's ticks out (for its own counts). */
  without?: string;
  /** Order results by the reader's sort, when they chose one. */
  sortOrders?: LoadSortOrders;
  /** The query with the tokens of the names typed in place of their groups': pages that use those names rank above pages that only share their group. */
  asTyped?: string;
}

/** One Pagefind search. */
async function search(pagefind: Pagefind, term: string | null, state: SearchState, { without, sortOrders, asTyped }: SearchOptions = {}): Promise<PagefindResponse> {
  const filters = toFilters(state.filters, without);
  const response = (await pagefind.search(term, { filters })) ?? { results: [], filters: {} };
  if (asTyped && asTyped !== term) {
    // A page that uses the names typed ranks by their tokens; one found only through a synonym
    // group, by the group's. So "CCIO" puts pages that say CCIO first, and "big bang go-live"
    // pages that say "big bang" rather than "cut-over". Both searches need the same index chunks.
    const typed = (await pagefind.search(asTyped, { filters }))?.results ?? [];
    const asWritten = new Map(typed.map((r) => [r.id, r.score]));
    response.results = response.results.map((r) => ({ ...r, score: asWritten.get(r.id) ?? r.score })).sort((a, b) => b.score - a.score);
  }
  const sort = sorts[state.sort];
  if (!sort || !sortOrders) return response;
  const [[key, direction]] = Object.entries(sort);
  return { ...response, results: sortResults(response.results, await sortOrders(), key, direction) };
}

/** What the search page reads queries with: known misspellings and the synonym groups' names. */
export interface Vocabulary {
  corrections: Record<string, string>;
  synonyms: SynonymLookup;
}

/** Fewer results than this, and a query with a word a slip from a name the site knows is tried as that name too. */
const fewResults = 3;

export async function runSearch(pagefind: Pagefind, state: SearchState, vocabulary: Vocabulary, sortOrders: LoadSortOrders, lastTry = false): Promise<Outcome> {
  const found = await searchAsTyped(pagefind, state, vocabulary, sortOrders);
  if (lastTry || found.results.length >= fewResults || !found.term) return found;
  // Next to nothing: a word a slip away from a name the site knows is read as that name, once,
  // if that finds more (Pagefind matches the start of words, so a slip may still find a page or two).
  const near = nearNames(found.searched, vocabulary.synonyms);
  if (!near) return found;
  const again = await runSearch(pagefind, { ...state, q: near }, vocabulary, sortOrders, true);
  return again.results.length > found.results.length ? { ...again, corrected: true } : found;
}

async function searchAsTyped(pagefind: Pagefind, state: SearchState, vocabulary: Vocabulary, sortOrders: LoadSortOrders): Promise<Outcome> {
  const searched = correctQuery(state.q, vocabulary.corrections);
  const { tokens, named, rest } = readSynonyms(state.q ? searched : '', vocabulary.synonyms);
  const others = meaningfulWords(rest, { orNone: tokens.length > 0 });
  const words = [...tokens, ...others];
  const term = words.length ? words.join(' ') : null;
  const names = tokens.length ? [...tokens.flatMap((t) => vocabulary.synonyms.names.get(t) ?? []), ...others.map(phraseKey).filter(Boolean)] : [];
  const outcome = { searched, corrected: searched !== state.q, term, names };

  if (tokens.length) await pagefind.preload(everyNameToken(tokens, vocabulary.synonyms).join(' '));
  const main = await search(pagefind, term, state, { sortOrders, asTyped: tokens.length ? [...named, ...others].join(' ') : undefined });
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
