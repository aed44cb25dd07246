import { describe, expect, it } from 'vitest';
import { editDistance, nearNames } from '../../src/lib/search/near-names';
import { synonymLookup, queryVocabulary } from '../../src/lib/search/synonym-tokens';
import { readVocabulary } from '../../src/node/content-files';

const lookup = synonymLookup(queryVocabulary(readVocabulary(process.cwd()).groups));

describe('edits between two words', () => {
  it('counts a letter missed, added or changed, and two neighbours swapped, as one each', () => {
    expect(editDistance('ccio', 'ccio', 2)).toBe(0);
    expect(editDistance('ccoi', 'ccio', 2)).toBe(1);
    expect(editDistance('stratgy', 'strategy', 2)).toBe(1);
    expect(editDistance('strategey', 'strategy', 2)).toBe(1);
    expect(editDistance('stragety', 'strategy', 2)).toBe(2);
    expect(editDistance('ward', 'strategy', 2)).toBe(3);
  });
});

describe('a query read as the names the site knows', () => {
  it('reads a word one slip from a name, or a name without its spaces, as that name', () => {
    expect(nearNames('ccoi', lookup)).toBe('ccio');
    expect(nearNames('eobservations', lookup)).toBe('e observations');
    expect(nearNames('CCOI job plan', lookup)).toBe('ccio job plan');
  });

  it('changes nothing in a query of known words, short words or words near no name', () => {
    expect(nearNames('ccio', lookup)).toBeUndefined();
    expect(nearNames('xq zzzzzzzz', lookup)).toBeUndefined();
    expect(nearNames('it', lookup)).toBeUndefined();
  });
});
