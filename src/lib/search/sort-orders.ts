/**
 * The search page's sorts ("Newest first", "Recently reviewed"), kept out of Pagefind's index.
 *
 * Pagefind keeps a sort's whole page order in the metadata file every search loads first: about
 * 6 KiB gzipped per sort at 3,000 pages, all of it fetched by readers who never sort. Instead the
 * build writes the orders to a file of their own (`sort-orders.json` beside Pagefind's files),
 * which the search page loads only when a reader picks a sort, and reorders Pagefind's results
 * with it. Pages carry their sort keys in data-search-sort attributes (src/components/SearchData.astro).
 */

/** A sort key's name and value on a page: `data-search-sort="published:2025-03-01"`. */
export const sortAttribute = 'data-search-sort';

/** What the build writes: every page's Pagefind id once, and each key's page order, oldest value first. */
export interface SortOrders {
  /** Pagefind's ids of the pages (a search result's `id`), in the order the build indexed them. */
  pages: string[];
  /** Sort key → positions in `pages`, in ascending order of the key's value. */
  orders: Record<string, number[]>;
}

/** The sort keys in a page's HTML; values are dates as YYYY-MM-DD, compared as text. */
export function sortKeysOf(html: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const m of html.matchAll(new RegExp(`\\s${sortAttribute}="([^":]+):([^"]*)"`, 'g'))) keys[m[1]] = m[2];
  return keys;
}

/**
 * The orders for pages given in indexing order. A page without a key is left out of that key's
 * order (and comes last when sorting by it); pages with equal values keep their indexing order.
 */
export function sortOrders(pages: { id: string; keys: Record<string, string> }[]): SortOrders {
  const names = [...new Set(pages.flatMap((p) => Object.keys(p.keys)))].sort();
  const orders: Record<string, number[]> = {};
  for (const name of names) {
    const having = pages.flatMap((p, i) => (p.keys[name] === undefined ? [] : [i]));
    orders[name] = having.sort((a, b) => (pages[a].keys[name] < pages[b].keys[name] ? -1 : pages[a].keys[name] > pages[b].keys[name] ? 1 : a - b));
  }
  return { pages: pages.map((p) => p.id), orders };
}

/**
 * Results in the order of one key, ascending or descending; results the order does not know
 * keep their relative order after the known ones. Throws when the file has no such key, so a
 * renamed sort fails loudly rather than quietly showing best matches.
 */
export function sortResults<T extends { id: string }>(results: T[], sortOrders: SortOrders, key: string, direction: 'asc' | 'desc'): T[] {
  const order = sortOrders.orders[key];
  if (!order) throw new Error(`The search's sort-orders.json has no order for "${key}" (it has: ${Object.keys(sortOrders.orders).join(', ') || 'none'}); rebuild the site.`);
  const rank = new Map<string, number>();
  order.forEach((page, i) => rank.set(sortOrders.pages[page], direction === 'asc' ? i : order.length - 1 - i));
  const place = (r: T) => rank.get(r.id) ?? Number.MAX_SAFE_INTEGER;
  return results.map((r, i) => ({ r, i })).sort((a, b) => place(a.r) - place(b.r) || a.i - b.i).map(({ r }) => r);
}
