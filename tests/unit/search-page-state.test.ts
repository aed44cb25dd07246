import { describe, expect, it } from 'vitest';
import { isEmpty, readState, writeState } from '../../src/browser/search/state';
import { statusText } from '../../src/browser/search/render';

const names = ['type', 'domain', 'setting'];

describe('the search page address', () => {
  it('reads the query, filters and sort from the address', () => {
    const state = readState(new URLSearchParams('q=ccio&setting=acute&setting=community&sort=newest'), names);
    expect(state).toEqual({ q: 'ccio', sort: 'newest', filters: { type: [], domain: [], setting: ['acute', 'community'] } });
  });

  it('writes the same address back, so a shared link restores the search', () => {
    const address = '?q=ccio&setting=acute&setting=community&sort=newest';
    expect(writeState(readState(new URLSearchParams(address), names))).toBe(address);
  });

  it('ignores a sort it does not know and filters it does not offer', () => {
    expect(readState(new URLSearchParams('sort=oldest&colour=red'), names)).toEqual({ q: '', sort: '', filters: { type: [], domain: [], setting: [] } });
  });

  it('writes nothing for an empty search', () => {
    const state = readState(new URLSearchParams(''), names);
    expect(writeState(state)).toBe('');
    expect(isEmpty(state)).toBe(true);
  });

  it('counts a search with only filters as a search (browsing)', () => {
    expect(isEmpty(readState(new URLSearchParams('domain=workforce'), names))).toBe(false);
  });
});

describe('what the live region announces', () => {
  it('gives the count and the query', () => {
    expect(statusText(3, { query: 'ccio', mode: 'all', corrected: false, original: 'ccio' })).toBe('3 results for ‘ccio’.');
  });

  it('says when a misspelling was corrected', () => {
    expect(statusText(1, { query: 'e-prescribing', mode: 'all', corrected: true, original: 'e-prescibing' })).toBe('1 result for ‘e-prescribing’ (you searched for ‘e-prescibing’).');
  });

  it('says what to try when nothing is found', () => {
    expect(statusText(0, { query: 'zzz', mode: 'all', corrected: false, original: 'zzz' })).toMatch(/^No results for ‘zzz’\. Check the spelling/);
  });

  it('says when results match only some of the words', () => {
    expect(statusText(4, { query: 'ccio wifi', mode: 'any', corrected: false, original: 'ccio wifi' })).toMatch(/^No page has all the words of ‘ccio wifi’\. 4 results with some of them/);
  });
});
