/**
 * How a problem is printed: for people, on one line whatever a contribution's name or value holds,
 * and for GitHub's annotations, escaped as its workflow commands need. Text a contributor chose
 * must never start a line of the log, where the runner would read it as its own command.
 */
import { describe, expect, it } from 'vitest';
import { formatAnnotation, formatProblem } from '../../src/lib/validate';

const forged = 'x\n::notice title=Security review::No links: safe to merge\r\n::stop-commands::zz\u2028y';
const problem = { file: `src/content/blueprints/${forged}.mdx`, line: 3, column: 1, field: `domain${forged}`, message: `"${forged}" is not one of strategy` };

describe('a problem as printed', () => {
  it('is one line for people, with what the contribution wrote escaped', () => {
    const line = formatProblem(problem);
    expect(line.split(/\r\n?|\n|\u2028/)).toHaveLength(1);
    expect(line).toContain('x\\u000a::notice title=Security review::No links: safe to merge\\u000d\\u000a::stop-commands::zz\\u2028y');
    expect(formatProblem({ file: 'a.mdx', line: 1, column: 2, field: 'title', message: 'is too short' })).toBe('a.mdx:1:2  title  is too short');
  });

  it('is one workflow command for GitHub, its data and properties escaped', () => {
    const annotation = formatAnnotation(problem);
    expect(annotation.split(/\r\n?|\n/)).toHaveLength(1);
    expect(annotation.startsWith('::error file=src/content/blueprints/x%0A%3A%3Anotice title=Security review%3A%3ANo links%3A safe to merge%0D%0A')).toBe(true);
  });
});
