import { describe, expect, it } from 'vitest';
import { titleProblem } from '../../src/lib/schema';

describe('the title convention', () => {
  it('rejects a title that starts "An initiative to"', () => {
    expect(titleProblem('An initiative to improve discharge')).toMatch(/say what was done instead/);
  });

  it('accepts a title that says what was done', () => {
    expect(titleProblem('Cutting discharge letter delays from 5 days to 1')).toBeUndefined();
  });
});

describe('the glossary', () => {
  const entry = (term: string) => ({ term, definition: 'A plain-English definition of the term, for the test.' });
  it('refuses two terms that would be one entry on the site, naming the second and the first, and a term with nothing to name it by', async () => {
    const { glossarySchema } = await import('../../src/lib/schema');
    const issues = (terms: string[]) => {
      const result = glossarySchema.safeParse(terms.map(entry));
      return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(issues(['A&G', 'EPR', 'A G'])).toEqual([['2.term', '"A G" would share its place on the glossary page with "A&G" (both are "a-g"): merge the two entries, or spell one differently']]);
    expect(issues(['EPR', 'epr'])).toEqual([['1.term', 'defines "epr" a second time: merge the two entries']]);
    expect(issues(['&&'])).toEqual([['0.term', '"&&" has no letter or digit to name it by: write the term in letters']]);
    expect(issues(['A&G', 'A&E', 'EPR'])).toEqual([]);
  });
});
