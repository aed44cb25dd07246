/**
 * How the search page's engine asks Pagefind for a query that names a synonym group: every name's
 * token loaded first, the group's token searched, the name typed ranking the pages that use it.
 * Pagefind itself is faked here, recording each call; tests/e2e/search-name-tokens.test.ts shows
 * on a real index why the first step is needed.
 */
import { describe, expect, it } from 'vitest';
import { runSearch, type Vocabulary } from '../../src/browser/search/engine';
import type { Pagefind, PagefindResult } from '../../src/browser/pagefind';
import type { SearchState } from '../../src/browser/search/state';
import type { SortOrders } from '../../src/lib/search/sort-orders';
import { everyNameToken, queryVocabulary, searchToken, synonymLookup } from '../../src/lib/search/synonym-tokens';

/** The sort orders' loader: these searches never sort. */
const noSorts = async (): Promise<SortOrders> => ({ pages: [], orders: {} });

const groups = [['EPR', 'Electronic patient record', 'EHR'], ['Wi-Fi', 'wifi']];
const vocabulary: Vocabulary = { corrections: {}, synonyms: synonymLookup(queryVocabulary(groups)) };
const state = (q: string): SearchState => ({ q, sort: '', filters: {} });
const result = (id: string, score: number): PagefindResult => ({ id, score, data: async () => ({ url: `/${id}/`, excerpt: '', content: '', meta: {}, filters: {} }) });

/** A Pagefind that answers from fixed results per search term and records every call. */
function fakePagefind(answers: Record<string, PagefindResult[]> = {}) {
  const calls: string[] = [];
  const pagefind: Pagefind = {
    options: async () => {},
    filters: async () => ({}),
    preload: async (term) => void calls.push(`preload ${term}`),
    search: async (term) => {
      calls.push(`search ${term}`);
      return { results: answers[term ?? ''] ?? [], filters: {} };
    },
  };
  return { pagefind, calls };
}

describe('searching for a synonym group', () => {
  const epr = searchToken(groups[0]);
  const [eprName, recordName, ehrName] = everyNameToken([epr], vocabulary.synonyms);

  it('loads every name’s token of the group before searching for the group’s token', async () => {
    const { pagefind, calls } = fakePagefind();
    await runSearch(pagefind, state('EPR business case'), vocabulary, noSorts);
    expect(calls[0]).toBe(`preload ${eprName} ${recordName} ${ehrName}`);
    expect(calls).toContain(`search ${epr} business case`);
  });

  it('ranks first the pages that use the name typed, by the name’s token', async () => {
    const { pagefind, calls } = fakePagefind({
      [`${epr} business case`]: [result('says-ehr', 3), result('says-record', 2), result('says-epr', 1)],
      [`${recordName} business case`]: [result('says-record', 5)],
    });
    const outcome = await runSearch(pagefind, state('electronic patient record business case'), vocabulary, noSorts);
    expect(calls).toEqual([`preload ${eprName} ${recordName} ${ehrName}`, `search ${epr} business case`, `search ${recordName} business case`]);
    expect(outcome.results.map((r) => r.id)).toEqual(['says-record', 'says-ehr', 'says-epr']);
  });

  it('loads nothing first when the query names no group', async () => {
    const { pagefind, calls } = fakePagefind();
    await runSearch(pagefind, state('business case'), vocabulary, noSorts);
    expect(calls[0]).toBe('search business case');
    expect(calls.filter((c) => c.startsWith('preload'))).toEqual([]);
  });

  it('loads each token once for names that differ only by spaces', async () => {
    const { pagefind, calls } = fakePagefind();
    await runSearch(pagefind, state('wifi'), vocabulary, noSorts);
    expect(calls[0]).toBe(`preload ${everyNameToken([searchToken(groups[1])], vocabulary.synonyms).join(' ')}`);
    expect(calls[0].split(' ')).toHaveLength(2);
  });
});
