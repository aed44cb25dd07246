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
