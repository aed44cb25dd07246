import { describe, expect, it } from 'vitest';
import { checkTargets, formatBytes, markdownTable, type Measurement } from '../../scripts/bench/report';

const ours = (over: Partial<Measurement> = {}): Measurement => ({
  site: 'ours', blueprints: 1003, pages: 1100, wallMs: 60_000, cpuMs: 66_000, peakRss: 2 * 1024 ** 3, distBytes: 50 * 1024 ** 2,
  pagefindBytes: 5 * 1024 ** 2, firstSearchBytes: 100 * 1024, blueprintPageScripts: [], ...over,
});
const floor = (over: Partial<Measurement> = {}): Measurement => ({ ...ours(), site: 'baseline', wallMs: 50_000, cpuMs: 55_000, blueprintPageScripts: undefined, ...over });

const resultOf = (lines: ReturnType<typeof checkTargets>, start: string) => lines.find((l) => l.text.startsWith(start))?.result;

describe('the benchmark report', () => {
  it('passes the floor target when our build takes 1.2 times the floor', () => {
    expect(resultOf(checkTargets([{ size: 1000, ours: ours(), baseline: floor() }]), 'build time at 1,000')).toBe('PASS');
  });

  it('fails the floor target when our build takes twice the floor', () => {
    expect(resultOf(checkTargets([{ size: 1000, ours: ours({ wallMs: 100_000 }), baseline: floor() }]), 'build time at 1,000')).toBe('FAIL');
  });

  it('fails the floor target when only the wall time is within it: CPU time counts first', () => {
    const line = checkTargets([{ size: 1000, ours: ours({ cpuMs: 80_000 }), baseline: floor() }]).find((l) => l.text.startsWith('build time at 1,000'));
    expect(line?.result).toBe('FAIL');
    expect(line?.text).toMatch(/1\.45× CPU time, 1\.20× wall time/);
  });

  it('fails the floor target at 10,000 blueprints when the wall time is over it', () => {
    expect(resultOf(checkTargets([{ size: 10_000, ours: ours({ wallMs: 70_000 }), baseline: floor() }]), 'build time at 10,000 blueprints')).toBe('FAIL');
  });

  it('skips the floor target when no baseline was built', () => {
    expect(resultOf(checkTargets([{ size: 1000, ours: ours() }]), 'build time at 1,000')).toBe('SKIP');
  });

  it('fails the scaling target when 3,000 blueprints take four times as long as 1,000', () => {
    const lines = checkTargets([{ size: 1000, ours: ours() }, { size: 3000, ours: ours({ wallMs: 240_000, cpuMs: 264_000 }) }]);
    expect(resultOf(lines, 'build time at 3,000 ≤')).toBe('FAIL');
  });

  it('judges 10,000 against 3,000 on CPU time, up to 3.5 times', () => {
    const run = (cpuMs: number) => checkTargets([{ size: 3000, ours: ours() }, { size: 10_000, ours: ours({ cpuMs, wallMs: 60_000 * 3 }) }]);
    expect(resultOf(run(66_000 * 3.4), 'build time at 10,000 ≤')).toBe('PASS');
    expect(resultOf(run(66_000 * 3.6), 'build time at 10,000 ≤')).toBe('FAIL');
  });

  it('fails the memory target at 10,000 blueprints above 6 GiB, and passes it at 5.9 GiB', () => {
    expect(resultOf(checkTargets([{ size: 10_000, ours: ours({ peakRss: 6.1 * 1024 ** 3 }) }]), 'peak memory at 10,000')).toBe('FAIL');
    expect(resultOf(checkTargets([{ size: 10_000, ours: ours({ peakRss: 5.9 * 1024 ** 3 }) }]), 'peak memory at 10,000')).toBe('PASS');
  });

  it('checks the first search at 3,000 blueprints as well', () => {
    expect(resultOf(checkTargets([{ size: 3000, ours: ours({ firstSearchBytes: 196 * 1024 }) }]), 'first search at 3,000')).toBe('FAIL');
  });

  it('puts CPU time before wall time in the table, and the warm rebuild beside the cold build', () => {
    const [header, , row] = markdownTable([ours({ warm: { wallMs: 20_000, cpuMs: 22_000 } })]).split('\n');
    expect(header.indexOf('CPU time')).toBeLessThan(header.indexOf('wall time'));
    expect(row).toContain('| 66.0 s | 60.0 s | 22.0 s / 20.0 s |');
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

  it('checks the matching data at 3,000 blueprints: 60 KiB gzipped and 50 ms', () => {
    const run = (matchData: Measurement['matchData']) => resultOf(checkTargets([{ size: 3000, ours: ours({ matchData }) }]), 'matching data');
    expect(run({ gzipBytes: 59 * 1024, rankMs: 9 })).toBe('PASS');
    expect(run({ gzipBytes: 61 * 1024, rankMs: 9 })).toBe('FAIL');
    expect(run({ gzipBytes: 59 * 1024, rankMs: 51 })).toBe('FAIL');
    expect(run(undefined)).toBe('SKIP');
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
