import { describe, expect, it } from 'vitest';
import { sortKeysOf, sortOrders, sortResults } from '../../src/lib/search/sort-orders';

const pages: { id: string; keys: Record<string, string> }[] = [
  { id: 'en_a', keys: { published: '2024-05-01', reviewed: '2025-01-10' } },
  { id: 'en_b', keys: { published: '2023-02-01', reviewed: '2025-06-01' } },
  { id: 'en_c', keys: { published: '2025-09-30', reviewed: '2024-12-31' } },
  { id: 'en_d', keys: { published: '2024-05-01' } },
];
const results = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('the search page’s sorts, kept out of Pagefind', () => {
  it('reads a page’s sort keys from its data-search-sort attributes', () => {
    const html = '<div hidden data-pagefind-ignore><span data-pagefind-filter="type:blueprint"></span><span data-search-sort="published:2024-05-01"></span><span data-search-sort="reviewed:2025-01-10"></span></div>';
    expect(sortKeysOf(html)).toEqual({ published: '2024-05-01', reviewed: '2025-01-10' });
  });

  it('finds no sort keys in a page without them', () => {
    expect(sortKeysOf('<article data-pagefind-body><h1>Ward rounds</h1></article>')).toEqual({});
  });

  it('orders results newest first, whatever order Pagefind ranked them in', () => {
    const orders = sortOrders(pages);
    expect(ids(sortResults(results('en_b', 'en_a', 'en_c'), orders, 'published', 'desc'))).toEqual(['en_c', 'en_a', 'en_b']);
    expect(ids(sortResults(results('en_c', 'en_a', 'en_b'), orders, 'published', 'asc'))).toEqual(['en_b', 'en_a', 'en_c']);
  });

  it('orders by each key on its own', () => {
    expect(ids(sortResults(results('en_a', 'en_b', 'en_c'), sortOrders(pages), 'reviewed', 'desc'))).toEqual(['en_b', 'en_a', 'en_c']);
  });

  it('keeps pages with equal values in indexing order, reversed when descending', () => {
    const orders = sortOrders(pages);
    expect(ids(sortResults(results('en_d', 'en_a'), orders, 'published', 'asc'))).toEqual(['en_a', 'en_d']);
    expect(ids(sortResults(results('en_a', 'en_d'), orders, 'published', 'desc'))).toEqual(['en_d', 'en_a']);
  });

  it('puts results without the key after the rest, in the order they came', () => {
    const sorted = sortResults(results('en_d', 'en_x', 'en_b', 'en_a'), sortOrders(pages), 'reviewed', 'desc');
    expect(ids(sorted)).toEqual(['en_b', 'en_a', 'en_d', 'en_x']);
  });

  it('names the missing key and the fix when the file has no order for it', () => {
    expect(() => sortResults(results('en_a'), sortOrders(pages), 'updated', 'desc')).toThrow(/no order for "updated" \(it has: published, reviewed\); rebuild the site/);
  });

  it('writes each page id once and each order as positions, so the file stays small', () => {
    const orders = sortOrders(pages);
    expect(orders.pages).toEqual(['en_a', 'en_b', 'en_c', 'en_d']);
    expect(orders.orders).toEqual({ published: [1, 0, 3, 2], reviewed: [2, 0, 1] });
  });
});
