/**
 * Property tests of the MDX safety gate, on MDX generated at random from safe and hostile pieces
 * (tests/support/mdx-arbitraries.ts):
 *
 * - whatever the browser's parser (remark, in the drafting form) accepts, the build's parser
 *   (satteri) accepts too;
 * - every check ends within a bound, however the pieces are nested;
 * - nothing the gate accepts runs code: each accepted draft is compiled and run by the real MDX
 *   compiler, with a trap for any code it executes, and the HTML it renders is searched for
 *   scripts, event handlers and dangerous URLs by a check written independently of the gate.
 *
 * `npm test` runs a bounded number of cases; `npm run fuzz` runs many more (FUZZ_RUNS), and a
 * failure prints the seed and the shrunk input to replay.
 */
import fc from 'fast-check';
import { evaluate } from 'satteri';
import { describe, expect, it } from 'vitest';
import { compiledText } from '../../src/lib/validate/mdx-body';
import { remarkMdxParser } from '../../src/lib/validate/remark-parser';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import { hostileDocument, mdxDocument } from '../support/mdx-arbitraries';
import { renderedDangers, trap } from '../support/render-mdx';

const runs = Number(process.env.FUZZ_RUNS ?? 200);
/** Far above any case seen (the slowest take milliseconds), so only a hang or a blow-up fails it. */
const boundMs = 5_000;
/** Each test's own time limit grows with the number of cases. */
const testTimeout = 30_000 + runs * 50;

function timed<T>(fn: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = fn();
  return { result, ms: performance.now() - started };
}

const accepted = (source: string, parser: typeof nativeMdxParser) => checkMdxSource('fuzz.mdx', source, parser).length === 0;

describe('the MDX safety gate on generated input', () => {
  it('never accepts in the browser what the build refuses, and ends within the bound', () => {
    // The two parsers differ on some odd syntax: satteri reads an unclosed component in a table
    // cell, or an export line straight after a table, as table text, where remark refuses them.
    // Every such draft is safe (the next test runs what the build accepts); what matters is that
    // the drafting form (remark) never tells an author a draft is fine that the build then refuses.
    let bothAccept = 0;
    fc.assert(
      fc.property(mdxDocument, (source) => {
        const native = timed(() => accepted(source, nativeMdxParser));
        const remark = timed(() => accepted(source, remarkMdxParser));
        expect(native.ms).toBeLessThan(boundMs);
        expect(remark.ms).toBeLessThan(boundMs);
        if (remark.result) expect(native.result, source).toBe(true);
        if (remark.result && native.result) bothAccept += 1;
      }),
      { numRuns: runs },
    );
    expect(bothAccept).toBeGreaterThan(runs / 20);
  }, testTimeout);

  it('accepts nothing that runs code at build time or renders code into the page', () => {
    let acceptedCount = 0;
    fc.assert(
      fc.property(mdxDocument, (source) => {
        if (!accepted(source, nativeMdxParser)) return;
        acceptedCount += 1;
        const html = trap(() => evaluate(compiledText(source), trap.runtime));
        expect(renderedDangers(html), `${source}\n→ ${html}`).toEqual([]);
      }),
      { numRuns: runs },
    );
    // The generator must reach both sides of the gate, or the property says nothing.
    expect(acceptedCount).toBeGreaterThan(runs / 20);
  }, testTimeout);

  it('refuses every hostile piece on its own, wherever it is nested', () => {
    fc.assert(
      fc.property(hostileDocument, (source) => {
        expect(accepted(source, nativeMdxParser), source).toBe(false);
        expect(accepted(source, remarkMdxParser), source).toBe(false);
      }),
      { numRuns: runs },
    );
  }, testTimeout);
});
