import { describe, expect, it } from 'vitest';
import { bestExcerpt } from '../../src/lib/search/excerpt';

const page = '/blueprints/x/';

describe('the excerpt a search result shows', () => {
  it('is a section of the page, not the list of synonyms added for search', () => {
    const shown = bestExcerpt({
      excerpt: '<mark>ePMA</mark>, <mark>e-prescribing</mark>, electronic prescribing.',
      sub_results: [
        { url: page, excerpt: 'We put <mark>ePMA</mark> on 32 wards.' },
        { url: `${page}#search-synonyms`, excerpt: '<mark>ePMA</mark>, <mark>e-prescribing</mark>, <mark>EPMA</mark>.' },
      ],
    });
    expect(shown).toBe('We put <mark>ePMA</mark> on 32 wards.');
  });

  it('is the section with the most matches when several match', () => {
    const shown = bestExcerpt({
      excerpt: '',
      sub_results: [
        { url: page, excerpt: 'One <mark>ward</mark>.' },
        { url: `${page}#what-we-did`, excerpt: '<mark>Ward</mark> by <mark>ward</mark>.' },
      ],
    });
    expect(shown).toBe('<mark>Ward</mark> by <mark>ward</mark>.');
  });

  it('is nothing when only the synonyms matched, so the summary is shown instead', () => {
    expect(bestExcerpt({ excerpt: 'x', sub_results: [{ url: `${page}#search-synonyms`, excerpt: '<mark>EPMA</mark>' }] })).toBeUndefined();
  });
});
