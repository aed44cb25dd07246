import { describe, expect, it } from 'vitest';
import { bestExcerpt, excerptAround } from '../../src/lib/search/excerpt';

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

  it('is made from the page’s text when the query named a synonym group, marking every name of it the page uses', () => {
    const content = 'We chose e-prescribing for every adult ward. Electronic prescribing then reached <theatres> & recovery. Synonyms zq0000000000000001';
    const shown = bestExcerpt({ excerpt: '', content, sub_results: [{ url: `${page}#search-synonyms`, excerpt: '<mark>zq0000000000000001</mark>' }] }, ['epma', 'e prescribing', 'electronic prescribing']);
    expect(shown).toBe('We chose <mark>e-prescribing</mark> for every adult ward. <mark>Electronic prescribing</mark> then reached &lt;theatres&gt; &amp; recovery. Synonyms zq0000000000000001');
  });

  it('leaves out the title the page opens with, which the result shows as its heading', () => {
    const content = 'Blueprint ePMA on 32 wards. We chose ePMA after a pilot.';
    expect(bestExcerpt({ excerpt: '', content, meta: { title: 'ePMA on 32 wards' } }, ['epma'])).toBe('We chose <mark>ePMA</mark> after a pilot.');
  });

  it('falls back to Pagefind’s excerpt when the page uses none of the names', () => {
    expect(bestExcerpt({ excerpt: 'x', content: 'Nothing here.', sub_results: [{ url: page, excerpt: 'A <mark>ward</mark>.' }] }, ['epma'])).toBe('A <mark>ward</mark>.');
  });
});

describe('an excerpt made from a page’s text', () => {
  it('starts a few words before the first name, is about 30 words long, and finds a plural last word', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words.splice(20, 0, 'electronic', 'patient', 'records');
    const shown = excerptAround(words.join(' '), ['electronic patient record'])!;
    expect(shown.startsWith('w12 w13')).toBe(true);
    expect(shown).toContain('<mark>electronic patient records</mark>');
    expect(shown.split(' ').length).toBe(30);
  });

  it('marks the longest name that fits', () => {
    expect(excerptAround('Our electronic prescribing and medicines administration went live.', ['electronic prescribing', 'electronic prescribing and medicines administration'])).toBe(
      'Our <mark>electronic prescribing and medicines administration</mark> went live.',
    );
  });

  it('is undefined when no name is there, and does not take part of a longer word', () => {
    expect(excerptAround('The EPRs team and eprescription.', ['epma'])).toBeUndefined();
    expect(excerptAround('Epmatic nonsense.', ['epma'])).toBeUndefined();
  });
});
