/**
 * Turns benchmark measurements into the Markdown table and the PASS/FAIL lines for the targets
 * (scripts/bench/README.md lists them). Pure: takes numbers, returns text.
 */

import { matchTargets } from './match-ranking';

export interface Measurement {
  site: 'ours' | 'baseline';
  /** Blueprint files in the content folder (synthetic plus bundled). */
  blueprints: number;
  pages: number;
  wallMs: number;
  /** User plus system CPU time of the whole build, when GNU time is installed. */
  cpuMs?: number;
  /** A rebuild after one blueprint changed, with the cache folder the cold build left (our site only). */
  warm?: { wallMs: number; cpuMs?: number };
  peakRss: number;
  distBytes: number;
  /** Undefined when the build wrote no Pagefind index. */
  pagefindBytes?: number;
  /** Bytes the first search fetched (JavaScript, Pagefind files and anything after the query); undefined when not measured. */
  firstSearchBytes?: number;
  /** /match-data.json as built: its gzipped size and the median time to rank it (our site only). */
  matchData?: { gzipBytes: number; rankMs: number };
  /** JavaScript files a blueprint page loads; only measured for our site. */
  blueprintPageScripts?: string[];
}

export const targets = {
  /** Our build over the floor's at each of these sizes, on CPU time first and on wall time too. */
  ratioToFloor: 1.3,
  ratioSizes: [1000, 3000, 10_000],
  /** Build time at the larger size over build time at the smaller, on CPU time (wall time shown beside it). */
  scaling: [
    { from: 1000, to: 3000, max: 3.2 },
    { from: 3000, to: 10_000, max: 3.5 },
  ],
  /** Peak memory of the whole process tree. */
  peakMemory: [
    { size: 3000, max: 3.5 * 1024 ** 3 },
    { size: 10_000, max: 6 * 1024 ** 3 },
  ],
  /** Bytes for the first search. */
  firstSearch: { max: 170 * 1024, sizes: [1000, 3000, 10_000] },
  /** The trust pages' matching data (scripts/bench/match-ranking.ts). */
  matchData: matchTargets,
};

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'n/a';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function markdownTable(rows: readonly Measurement[]): string {
  const header = ['site', 'blueprints', 'pages built', 'CPU time', 'wall time', 'warm rebuild, CPU / wall', 'pages/second', 'peak memory', 'dist size', 'Pagefind index', 'first-search bytes'];
  const lines = rows.map((m) => [
    m.site === 'ours' ? 'Blueprint Commons' : 'baseline (floor)',
    String(m.blueprints),
    String(m.pages),
    m.cpuMs === undefined ? 'n/a' : formatSeconds(m.cpuMs),
    formatSeconds(m.wallMs),
    m.warm ? `${m.warm.cpuMs === undefined ? 'n/a' : formatSeconds(m.warm.cpuMs)} / ${formatSeconds(m.warm.wallMs)}` : 'n/a',
    (m.pages / (m.wallMs / 1000)).toFixed(1),
    formatBytes(m.peakRss),
    formatBytes(m.distBytes),
    formatBytes(m.pagefindBytes),
    formatBytes(m.firstSearchBytes),
  ]);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...lines.map(row)].join('\n');
}

export interface TargetLine {
  /** PASS, FAIL, or SKIP when the run did not measure what the target needs. */
  result: 'PASS' | 'FAIL' | 'SKIP';
  text: string;
}

/** "1.42× CPU time, 1.31× wall time": CPU first, because other work on a shared machine disturbs it far less. */
function ratios(a: Measurement, b: Measurement): { cpu?: number; wall: number; text: string } {
  const wall = a.wallMs / b.wallMs;
  const cpu = a.cpuMs && b.cpuMs ? a.cpuMs / b.cpuMs : undefined;
  return { cpu, wall, text: `${cpu === undefined ? 'CPU time not measured' : `${cpu.toFixed(2)}× CPU time`}, ${wall.toFixed(2)}× wall time` };
}

const sizeLabel = (size: number) => size.toLocaleString('en-GB');

/**
 * Checks each target against the measurements. `sizes` are the synthetic blueprint counts asked
 * for (the table's blueprint column also counts bundled ones). Build-time ratios are judged on
 * CPU time and wall time together: a ratio met on wall time only, by putting work on the second
 * core, is not met.
 */
export function checkTargets(runs: readonly { size: number; ours?: Measurement; baseline?: Measurement }[]): TargetLine[] {
  const at = (size: number) => runs.find((r) => r.size === size);
  const lines: TargetLine[] = [];
  const check = (ok: boolean, text: string): TargetLine => ({ result: ok ? 'PASS' : 'FAIL', text });
  const skip = (text: string): TargetLine => ({ result: 'SKIP', text });

  for (const size of targets.ratioSizes) {
    const run = at(size);
    const label = `build time at ${sizeLabel(size)} blueprints ≤ ${targets.ratioToFloor}× the floor, CPU and wall`;
    if (run?.ours && run.baseline) {
      const r = ratios(run.ours, run.baseline);
      lines.push(check((r.cpu ?? r.wall) <= targets.ratioToFloor && r.wall <= targets.ratioToFloor, `${label}: ${r.text}`));
    } else lines.push(skip(`${label}: not measured (needs --blueprints ${size} --baseline)`));
  }

  for (const { from, to, max } of targets.scaling) {
    const [small, large] = [at(from)?.ours, at(to)?.ours];
    const label = `build time at ${sizeLabel(to)} ≤ ${max}× the time at ${sizeLabel(from)}, on CPU time`;
    if (small && large) {
      const r = ratios(large, small);
      lines.push(check((r.cpu ?? r.wall) <= max, `${label}: ${r.text}`));
    } else lines.push(skip(`${label}: not measured (needs --blueprints ${from},${to})`));
  }

  for (const { size, max } of targets.peakMemory) {
    const run = at(size)?.ours;
    const label = `peak memory at ${sizeLabel(size)} blueprints ≤ ${formatBytes(max)}`;
    if (run) lines.push(check(run.peakRss <= max, `${label}: ${formatBytes(run.peakRss)}`));
    else lines.push(skip(`${label}: not measured (needs --blueprints ${size})`));
  }

  for (const size of targets.firstSearch.sizes) {
    const run = at(size)?.ours;
    const label = `first search at ${sizeLabel(size)} blueprints ≤ ${formatBytes(targets.firstSearch.max)}`;
    if (run?.firstSearchBytes !== undefined) lines.push(check(run.firstSearchBytes <= targets.firstSearch.max, `${label}: ${formatBytes(run.firstSearchBytes)}`));
    else lines.push(skip(`${label}: not measured (needs --blueprints ${size} and a Pagefind index)`));
  }

  const match = at(targets.matchData.size)?.ours?.matchData;
  const matchLabel = `matching data at ${sizeLabel(targets.matchData.size)} blueprints ≤ ${formatBytes(targets.matchData.gzipBytes)} gzipped, ranked in under ${targets.matchData.rankMs} ms`;
  if (match) lines.push(check(match.gzipBytes <= targets.matchData.gzipBytes && match.rankMs < targets.matchData.rankMs, `${matchLabel}: ${formatBytes(match.gzipBytes)}, ${match.rankMs.toFixed(1)} ms (median)`));
  else lines.push(skip(`${matchLabel}: not measured (needs --blueprints ${targets.matchData.size})`));

  const withScripts = runs.map((r) => r.ours).find((m) => m?.blueprintPageScripts !== undefined);
  const jsLabel = 'a blueprint page loads no JavaScript file';
  if (withScripts) {
    const scripts = withScripts.blueprintPageScripts!;
    lines.push(check(scripts.length === 0, scripts.length === 0 ? jsLabel : `${jsLabel}: it loads ${scripts.join(' ')}`));
  } else lines.push(skip(`${jsLabel}: not measured`));
  return lines;
}

export function formatTargets(lines: readonly TargetLine[]): string {
  return lines.map((l) => `${l.result}  ${l.text}`).join('\n');
}
