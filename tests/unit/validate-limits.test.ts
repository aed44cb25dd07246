/**
 * The structural limits checked before any parser runs: each limit accepts text at the limit and
 * refuses text just past it, in every way the structure can be written, naming the line.
 */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { browserCheckLimits, structureLimits, structureProblem, tooLongToCheckInTheBrowser } from '../../src/lib/validate/limits';

const { containerMarkers, indentColumns, punctuationRun, bracketDepth, tagDepth, emphasisDepth, tableColumns, tableCells } = structureLimits;

/** Builders of text nested `n` deep, and the words the refusal must use. */
const structures: [name: string, build: (n: number) => string, limit: number, says: RegExp][] = [
  ['quote markers', (n) => `${'> '.repeat(n)}x`, containerMarkers, /quote and list markers/],
  ['quote markers without spaces', (n) => `${'>'.repeat(n)} x`, containerMarkers, /quote and list markers/],
  ['bullet list markers', (n) => `${'- '.repeat(n)}x`, containerMarkers, /quote and list markers/],
  ['star and plus list markers', (n) => `${'* + '.repeat(n).slice(0, n * 2)}x`, containerMarkers, /quote and list markers/],
  ['numbered list markers', (n) => `${'1. '.repeat(n)}x`, containerMarkers, /quote and list markers/],
  ['mixed quotes and lists', (n) => `${'> 2) - '.repeat(n).split(' ').slice(0, n).join(' ')} x`, containerMarkers, /quote and list markers/],
  ['indentation with spaces', (n) => `${' '.repeat(n)}x`, indentColumns, /indented more than/],
  ['indentation with tabs', (n) => `${'\t'.repeat(n / 4)}x`, indentColumns, /indented more than/],
  ['a run of stars', (n) => `${'*'.repeat(n)}x`, punctuationRun, /"\*" characters in a row/],
  ['a run of underscores', (n) => `a${'_'.repeat(n)}`, punctuationRun, /"_" characters in a row/],
  ['a run of backticks', (n) => `${'`'.repeat(n)}`, punctuationRun, /"`" characters in a row/],
  ['open square brackets', (n) => `${'[a '.repeat(n)}`, bracketDepth, /opens "\[" more than/],
  ['open round brackets', (n) => `${'(a '.repeat(n)}`, bracketDepth, /opens "\(" more than/],
  ['open curly brackets across lines', (n) => `${'{\n'.repeat(n)}`, bracketDepth, /opens "\{" more than/],
  ['nested components', (n) => `${'<Callout>'.repeat(n)}x`, tagDepth, /components or tags inside each other/],
  ['nested components across lines', (n) => `${'<Details summary="s">\n\n'.repeat(n)}x`, tagDepth, /components or tags inside each other/],
  ['nested emphasis', (n) => `${'*a '.repeat(n)}x${' a*'.repeat(n)}`, emphasisDepth, /opens emphasis \("\*"\) more than/],
  ['nested strong emphasis', (n) => `${'__a '.repeat(n)}x`, emphasisDepth, /opens emphasis \("_"\) more than/],
  ['nested strikethrough across lines', (n) => `${'~a\n'.repeat(n)}x`, emphasisDepth, /opens emphasis \("~"\) more than/],
  ['a wide table', (n) => `a${' | a'.repeat(n - 1)}\n-${'|-'.repeat(n - 1)}`, tableColumns, /head of a table of \d+ columns/],
  ['a wide table with pipes at its edges', (n) => `|${' a |'.repeat(n)}\n|${' - |'.repeat(n)}`, tableColumns, /head of a table of \d+ columns/],
];

describe('structural limits', () => {
  for (const [name, build, limit, says] of structures) {
    it(`accepts ${name} up to ${limit}, and refuses one more`, () => {
      expect(structureProblem(`Intro\n\n${build(limit)}\n`)).toBeUndefined();
      const problem = structureProblem(`Intro\n\n${build(limit + (name.includes('tabs') ? 4 : 1))}\n`);
      expect(problem?.message).toMatch(says);
      expect(problem?.line).toBeGreaterThanOrEqual(3);
      expect(problem?.message).toMatch(new RegExp(`^line ${problem?.line} `));
    });
  }

  it('refuses thousands of levels at once, without stopping to parse them', () => {
    for (const [, build] of structures) expect(structureProblem(build(5000))).toBeDefined();
  });

  it('counts brackets and tags that close, and escaped characters, as nothing', () => {
    expect(structureProblem('[a](b) '.repeat(500))).toBeUndefined();
    expect(structureProblem('<abbr title="x">X</abbr> '.repeat(500))).toBeUndefined();
    expect(structureProblem('<Callout />\n'.repeat(500))).toBeUndefined();
    expect(structureProblem('line<br>'.repeat(500))).toBeUndefined();
    expect(structureProblem('\\['.repeat(500))).toBeUndefined();
    expect(structureProblem('\\*'.repeat(500))).toBeUndefined();
  });

  it('lets open square and round brackets end at a blank line, as links do', () => {
    expect(structureProblem('(a\n\n'.repeat(500))).toBeUndefined();
    expect(structureProblem('(a\n'.repeat(500))).toBeDefined();
  });

  it('counts each row of a table as wide as its head, however few cells it writes, and ends the table at a blank line', () => {
    const table = (rows: number) => `| a | b |\n| --- | --- |\n${'x\n'.repeat(rows)}`;
    expect(structureProblem(table(tableCells / 2 - 1))).toBeUndefined();
    expect(structureProblem(table(tableCells / 2))?.message).toMatch(/^line \d+ takes a table past 20,000 cells/);
    expect(structureProblem(`${table(tableCells / 4)}\n${table(tableCells / 4)}`)).toBeUndefined();
    // Emphasis that closes, intraword stars and underscores, and stars with spaces round them open nothing.
    expect(structureProblem('*a* **b** ~~c~~ 5 * 3 snake_case_name '.repeat(500))).toBeUndefined();
  });

  it('accepts ordinary long text: rules, tables and long lines', () => {
    expect(structureProblem(`${'-'.repeat(500)}\n${'='.repeat(500)}\n| a | b |\n| --- | --- |\n${'| x | y |\n'.repeat(2000)}${'word '.repeat(20_000)}\n`)).toBeUndefined();
  });

  it('passes every bundled content file', () => {
    const problems = readContentFiles(process.cwd()).files.flatMap((f) => {
      const p = structureProblem(f.source);
      return p ? [`${f.path}: ${p.message}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('what the drafting form checks in the browser', () => {
  it('checks an ordinary draft, and leaves very long drafts and very long lists to the gateway and the build', () => {
    const draft = readContentFiles(process.cwd()).files.find((f) => f.path.endsWith('.mdx'))!.source;
    expect(tooLongToCheckInTheBrowser(draft)).toBe(false);
    expect(tooLongToCheckInTheBrowser('word '.repeat(browserCheckLimits.bytes / 5 + 1))).toBe(true);
    for (const item of ['- x\n', '* x\n', '+ x\n', '1. x\n', '12) x\n', '> - x\n', '  - - x\n']) {
      expect(tooLongToCheckInTheBrowser(item.repeat(browserCheckLimits.listItems)), item).toBe(false);
      expect(tooLongToCheckInTheBrowser(item.repeat(browserCheckLimits.listItems + 1)), item).toBe(true);
    }
    expect(tooLongToCheckInTheBrowser('-x\n'.repeat(browserCheckLimits.listItems * 2))).toBe(false);
  });
});
