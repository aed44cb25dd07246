import { describe, expect, it } from 'vitest';
import { checkTargets, formatBytes, markdownTable, type Measurement } from '../../scripts/bench/report';

const ours = (over: Partial<Measurement> = {}): Measurement => ({
  site: 'ours', blueprints: 1003, pages: 1100, wallMs: 60_000, peakRss: 2 * 1024 ** 3, distBytes: 50 * 1024 ** 2,
  pagefindBytes: 5 * 1024 ** 2, firstSearchBytes: 100 * 1024, blueprintPageScripts: [], ...over,
});
const floor = (over: Partial<Measurement> = {}): Measurement => ({ ...ours(), site: 'baseline', wallMs: 50_000, blueprintPageScripts: undefined, ...over });

const resultOf = (lines: ReturnType<typeof checkTargets>, start: string) => lines.find((l) => l.text.startsWith(start))?.result;

describe('the benchmark report', () => {
  it('passes the floor target when our build takes 1.2 times the floor', () => {
    expect(resultOf(checkTargets([{ size: 1000, ours: ours(), baseline: floor() }]), 'build time at 1,000')).toBe('PASS');
  });

  it('fails the floor target when our build takes twice the floor', () => {
    expect(resultOf(checkTargets([{ size: 1000, ours: ours({ wallMs: 100_000 }), baseline: floor() }]), 'build time at 1,000')).toBe('FAIL');
  });

  it('skips the floor target when no baseline was built', () => {
    expect(resultOf(checkTargets([{ size: 1000, ours: ours() }]), 'build time at 1,000')).toBe('SKIP');
  });

  it('fails the scaling target when 3,000 blueprints take four times as long as 1,000', () => {
    const lines = checkTargets([{ size: 1000, ours: ours() }, { size: 3000, ours: ours({ wallMs: 240_000 }) }]);
    expect(resultOf(lines, 'build time at 3,000 ≤')).toBe('FAIL');
  });

  it('fails the memory target when the build at 3,000 peaks at 4 GiB', () => {
    const lines = checkTargets([{ size: 3000, ours: ours({ peakRss: 4 * 1024 ** 3 }) }]);
    expect(resultOf(lines, 'peak memory')).toBe('FAIL');
  });

  it('fails the first-search target at 171 KiB', () => {
    expect(resultOf(checkTargets([{ size: 1000, ours: ours({ firstSearchBytes: 171 * 1024 }) }]), 'first search')).toBe('FAIL');
  });

  it('fails the no-JavaScript target when a blueprint page has a script file', () => {
    const lines = checkTargets([{ size: 1000, ours: ours({ blueprintPageScripts: ['<script type="module" src="/x.js">'] }) }]);
    expect(resultOf(lines, 'a blueprint page')).toBe('FAIL');
  });

  it('writes n/a in the table when there is no Pagefind index', () => {
    expect(markdownTable([ours({ pagefindBytes: undefined, cpuMs: 1000 })])).toContain('| n/a |');
  });

  it('writes one table row per measurement after the header', () => {
    expect(markdownTable([ours(), floor()]).split('\n')).toHaveLength(4);
  });

  it('writes sizes in KiB, MiB and GiB', () => {
    expect([formatBytes(2048), formatBytes(3 * 1024 ** 2), formatBytes(1.5 * 1024 ** 3)]).toEqual(['2.0 KiB', '3.0 MiB', '1.50 GiB']);
  });
});
