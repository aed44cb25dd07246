/**
 * Turns benchmark measurements into the Markdown table and the PASS/FAIL lines for the targets
 * in the "Search and discovery" issue. Pure: takes numbers, returns text.
 */

export interface Measurement {
  site: 'ours' | 'baseline';
  /** Blueprint files in the content folder (synthetic plus bundled). */
  blueprints: number;
  pages: number;
  wallMs: number;
  /** User plus system CPU time of the whole build, when GNU time is installed. */
  cpuMs?: number;
  peakRss: number;
  distBytes: number;
  /** Undefined when the build wrote no Pagefind index. */
  pagefindBytes?: number;
  /** Bytes the first search fetched (JavaScript, Pagefind files and anything after the query); undefined when not measured. */
  firstSearchBytes?: number;
  /** JavaScript files a blueprint page loads; only measured for our site. */
  blueprintPageScripts?: string[];
}

export const targets = {
  /** Our build time over the floor's, at 1,000 and at 3,000 blueprints. */
  ratioToFloor: 1.3,
  /** Build time at 3,000 over build time at 1,000. */
  scaling: 3.2,
  /** Peak memory at 3,000 blueprints. */
  peakMemoryAt3000: 3.5 * 1024 ** 3,
  /** Bytes for the first search at 1,000 blueprints. */
  firstSearchAt1000: 170 * 1024,
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
  const header = ['site', 'blueprints', 'pages built', 'build wall time', 'CPU time', 'pages/second', 'peak memory', 'dist size', 'Pagefind index', 'first-search bytes'];
  const lines = rows.map((m) => [
    m.site === 'ours' ? 'Blueprint Commons' : 'baseline (floor)',
    String(m.blueprints),
    String(m.pages),
    formatSeconds(m.wallMs),
    m.cpuMs === undefined ? 'n/a' : formatSeconds(m.cpuMs),
    (m.pages / (m.wallMs / 1000)).toFixed(1),
    formatBytes(m.peakRss),
    formatBytes(m.distBytes),
    formatBytes(m.pagefindBytes),
    formatBytes(m.firstSearchBytes),
  ]);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...lines.map(row)].join('\n');
}

/** The same ratio in CPU time, which other work on the machine disturbs much less than wall time. */
function cpuRatio(a: Measurement, b: Measurement): string {
  return a.cpuMs && b.cpuMs ? ` (${(a.cpuMs / b.cpuMs).toFixed(2)}× CPU time)` : '';
}

export interface TargetLine {
  /** PASS, FAIL, or SKIP when the run did not measure what the target needs. */
  result: 'PASS' | 'FAIL' | 'SKIP';
  text: string;
}

/**
 * Checks each target against the measurements. `sizes` are the synthetic blueprint counts asked
 * for (the table's blueprint column also counts bundled ones).
 */
export function checkTargets(runs: readonly { size: number; ours?: Measurement; baseline?: Measurement }[]): TargetLine[] {
  const at = (size: number) => runs.find((r) => r.size === size);
  const lines: TargetLine[] = [];
  const check = (ok: boolean, text: string): TargetLine => ({ result: ok ? 'PASS' : 'FAIL', text });
  const skip = (text: string): TargetLine => ({ result: 'SKIP', text });

  for (const size of [1000, 3000]) {
    const run = at(size);
    const label = `build time at ${size.toLocaleString('en-GB')} blueprints ≤ ${targets.ratioToFloor}× the floor`;
    if (run?.ours && run.baseline) {
      const ratio = run.ours.wallMs / run.baseline.wallMs;
      lines.push(check(ratio <= targets.ratioToFloor, `${label}: ${ratio.toFixed(2)}× wall time${cpuRatio(run.ours, run.baseline)}`));
    } else lines.push(skip(`${label}: not measured (needs --blueprints ${size} --baseline)`));
  }

  const small = at(1000)?.ours;
  const large = at(3000)?.ours;
  const scalingLabel = `build time at 3,000 ≤ ${targets.scaling}× the time at 1,000`;
  if (small && large) {
    const ratio = large.wallMs / small.wallMs;
    lines.push(check(ratio <= targets.scaling, `${scalingLabel}: ${ratio.toFixed(2)}× wall time${cpuRatio(large, small)}`));
  } else lines.push(skip(`${scalingLabel}: not measured (needs --blueprints 1000,3000)`));

  const memoryLabel = `peak memory at 3,000 blueprints ≤ ${formatBytes(targets.peakMemoryAt3000)}`;
  if (large) lines.push(check(large.peakRss <= targets.peakMemoryAt3000, `${memoryLabel}: ${formatBytes(large.peakRss)}`));
  else lines.push(skip(`${memoryLabel}: not measured (needs --blueprints 3000)`));

  const searchLabel = `first search at 1,000 blueprints ≤ ${formatBytes(targets.firstSearchAt1000)}`;
  if (small?.firstSearchBytes !== undefined) lines.push(check(small.firstSearchBytes <= targets.firstSearchAt1000, `${searchLabel}: ${formatBytes(small.firstSearchBytes)}`));
  else lines.push(skip(`${searchLabel}: not measured (needs --blueprints 1000 and a Pagefind index)`));

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
