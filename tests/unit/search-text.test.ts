import { describe, expect, it } from 'vitest';
import { mdxToText, terms } from '../../src/lib/search/text';
import { meaningfulWords, mergeAnyWord } from '../../src/lib/search/query';

describe('MDX to search text', () => {
  it('keeps the words between component tags and drops the tags', () => {
    expect(mdxToText('<Callout type="info">Check your Wi-Fi first.</Callout>')).toBe('Check your Wi-Fi first.');
  });

  it('drops MDX comments, which hold the author prompts of a skeleton', () => {
    expect(mdxToText('## Costs\n\n{/* Capital and revenue costs */}\n\nAbout £40k.')).toBe('Costs About £40k.');
  });

  it('keeps link text and image alt text but not their addresses', () => {
    expect(mdxToText('See [the business case](https://example.org/case.pdf) and ![ward map](map.png).')).toBe('See the business case and ward map.');
  });

  it('drops Markdown punctuation: headings, list markers, emphasis and table rules', () => {
    expect(mdxToText('# Title\n\n- **Bold** point\n1. _step_\n\n| a | b |\n| --- | --- |')).toBe('Title Bold point step a b');
  });
});

describe('search terms', () => {
  it('lower-cases, stems and drops stop words as lunr does', () => {
    expect(terms('The Wards were training nurses')).toEqual(['ward', 'train', 'nurs']);
  });

  it('splits hyphenated words as lunr does', () => {
    expect(terms('e-prescribing')).toEqual(['prescrib']);
  });
});

describe('reading a query for Pagefind', () => {
  it('drops words that carry no meaning from a question', () => {
    expect(meaningfulWords('how much time should a CCIO get')).toEqual(['time', 'CCIO']);
  });

  it('keeps an acronym written in capitals even when it spells a stop word', () => {
    expect(meaningfulWords('IT team')).toEqual(['IT', 'team']);
  });

  it('keeps the whole query when every word is a stop word', () => {
    expect(meaningfulWords('what is it')).toEqual(['what', 'is', 'it']);
  });

  it('ranks pages matching more of the words first when merging per-word results', () => {
    const merged = mergeAnyWord([
      [{ id: 'a', score: 10 }, { id: 'b', score: 1 }],
      [{ id: 'b', score: 2 }],
    ]);
    expect(merged.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
