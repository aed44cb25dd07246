/**
 * The search page's state and its web address: ?q=ccio&domain=workforce&setting=acute&sort=newest.
 * Filter parameters use the taxonomy's values, the same ones Pagefind's filters hold, so a shared
 * address restores exactly the same search.
 */
export type SortKey = '' | 'newest' | 'reviewed';

export interface SearchState {
  q: string;
  sort: SortKey;
  /** Filter name → chosen values, in the order the page lists the filters. */
  filters: Record<string, string[]>;
}

/** The sort key and direction of each choice (src/lib/search/sort-orders.ts); '' is best match, Pagefind's own order. */
export const sorts: Record<SortKey, Record<string, 'asc' | 'desc'> | undefined> = {
  '': undefined,
  newest: { published: 'desc' },
  reviewed: { reviewed: 'desc' },
};

const isSort = (s: string | null): s is SortKey => s !== null && Object.hasOwn(sorts, s);

export function readState(params: URLSearchParams, filterNames: readonly string[]): SearchState {
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    sort: isSort(sort) ? sort : '',
    filters: Object.fromEntries(filterNames.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]])),
  };
}

/** The query string for a state, in a stable order, without empty parameters. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [name, values] of Object.entries(state.filters)) for (const v of values) params.append(name, v);
  if (state.sort) params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((v) => v.length > 0);
}

export function isEmpty(state: SearchState): boolean {
  return !state.q && !hasFilters(state);
}
