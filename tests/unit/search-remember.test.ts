import { describe, expect, it } from 'vitest';
import { remember } from '../../src/lib/search/remember';
import { terms } from '../../src/lib/search/text';

describe('the bounded word memo', () => {
  it('returns what it stores and never holds more than its limit', () => {
    const map = new Map<string, number>();
    for (let i = 0; i < 25; i++) expect(remember(map, `w${i}`, i, 10)).toBe(i);
    expect(map.size).toBeLessThanOrEqual(10);
    expect(map.get('w24')).toBe(24);
  });

  it('keeps terms right after forgetting: 300,000 distinct made-up words, then a known one', () => {
    for (let i = 0; i < 300_000; i++) terms(`zq${i.toString(36)}x`);
    expect(terms('Wards running virtual wards')).toEqual(['ward', 'run', 'virtual', 'ward']);
  });
});
