import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gnuTime, pagesReported, phasesOf, reportedTimings, runMeasured, treeCpu, treeRss, type LogLine } from '../../scripts/bench/measure';

const log: LogLine[] = [
  { at: 1000, text: '22:00:01 [blueprint-commons:content-gate] content checked: no problems' },
  { at: 3000, text: '22:00:03 [content] Synced content' },
  { at: 3100, text: '22:00:03 [build] ✓ Completed in 1.00s.' },
  { at: 3200, text: '22:00:03 [build] Building static entrypoints...' },
  { at: 9000, text: '22:00:09 [vite] ✓ built in 5.80s' },
  { at: 9100, text: ' generating static routes ' },
  { at: 9200, text: '22:00:09   ├─ /blueprints/x/index.html (+23ms) ' },
  { at: 9500, text: '22:00:09   ├─ /blueprints/y/index.html[search] related blueprints for 1000 blueprints in 850 ms' },
  { at: 20000, text: '22:00:20 ✓ Completed in 10.9s.' },
  { at: 26000, text: '22:00:26 [blueprint-commons:pagefind] indexed 1000 pages with 3 synonym groups in 5900 ms' },
  { at: 26100, text: '22:00:26 [build] 1105 page(s) built in 25.1s' },
];

describe('the benchmark build log reader', () => {
  const phases = phasesOf(log, 26500);
  const phase = (name: string) => phases.find((p) => p.name === name);

  it('times page rendering from "generating static routes" to the next "Completed"', () => {
    expect(phase('pages rendered')?.ms).toBe(20000 - 9100);
  });

  it('does not take an earlier "Completed" line for the end of page rendering', () => {
    expect(phase('pages rendered')?.at).toBe(20000);
  });

  it('times the Pagefind step from its log line', () => {
    expect(phase('Pagefind index written')?.ms).toBe(26000 - 20000);
  });

  it('keeps the log’s order for lines that arrive at the same moment', () => {
    // The floor writes its index before Astro's summary, often within the same poll.
    const floor: LogLine[] = [
      { at: 100, text: ' generating static routes ' },
      { at: 3000, text: '15:15:02 ✓ Completed in 2.9s.' },
      { at: 7000, text: '15:15:06 [baseline:pagefind] indexed 3025 pages' },
      { at: 7000, text: '15:15:06 [build] 3025 page(s) built in 39.48s' },
    ];
    const order = phasesOf(floor, 7100).map((p) => [p.name, p.ms]);
    expect(order.slice(-3)).toEqual([['Pagefind index written', 4000], ['build summary', 0], ['process exited', 100]]);
  });

  it('ends with the process exit, so the phases add up to the wall time', () => {
    expect(phases.reduce((sum, p) => sum + p.ms, 0)).toBe(26500);
  });

  it('keeps the durations the site logs about itself, not the per-page ones', () => {
    expect(reportedTimings(log)).toEqual([
      '[search] related blueprints for 1000 blueprints in 850 ms',
      '[blueprint-commons:pagefind] indexed 1000 pages with 3 synonym groups in 5900 ms',
    ]);
  });

  it('gives each phase the CPU time used between its markers', () => {
    const samples = [{ at: 8900, cpuMs: 4000, rss: 1 }, { at: 9050, cpuMs: 4100, rss: 2 }, { at: 19950, cpuMs: 9000, rss: 3 }];
    const rendered = phasesOf(log, 26500, samples).find((p) => p.name === 'pages rendered');
    expect(rendered?.cpuMs).toBe(9000 - 4100);
  });

  it('gives each phase the highest memory seen during it', () => {
    const samples = [{ at: 9500, cpuMs: 0, rss: 300 }, { at: 15000, cpuMs: 0, rss: 700 }, { at: 21000, cpuMs: 0, rss: 900 }];
    expect(phasesOf(log, 26500, samples).find((p) => p.name === 'pages rendered')?.peakRss).toBe(700);
  });

  it('reads the page count Astro prints', () => {
    expect(pagesReported(log)).toBe(1105);
  });
});

describe('the benchmark process poller', () => {
  it('finds the CPU time this process has used', () => {
    const end = Date.now() + 50;
    while (Date.now() < end) Math.sqrt(Math.random());
    expect(treeCpu(process.pid)).toBeGreaterThan(0);
  });

  it('finds the resident memory of this process', () => {
    expect(treeRss(process.pid)).toBeGreaterThan(1024 * 1024);
  });

  it("splits the kernel's part out of the CPU time when GNU time is installed, and gives neither without it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-measure-'));
    try {
      // Files created and removed: work the kernel does.
      const script = "const fs = require('node:fs'); for (let i = 0; i < 5000; i++) { const f = process.argv[1] + '/' + i; fs.writeFileSync(f, 'x'.repeat(4096)); fs.rmSync(f); } console.log('done')";
      const run = await runMeasured(process.execPath, ['-e', script, dir], { cwd: dir, env: {}, logFile: join(dir, 'run.log') });
      expect(run.exitCode).toBe(0);
      expect(run.lines.map((l) => l.text)).toContain('done');
      if (existsSync(gnuTime)) {
        expect(run.systemMs).toBeGreaterThan(0);
        expect(run.systemMs).toBeLessThanOrEqual(run.cpuMs!);
      } else {
        expect(run.cpuMs).toBeUndefined();
        expect(run.systemMs).toBeUndefined();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
