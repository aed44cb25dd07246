/**
 * The build benchmark: `npm run bench -- --blueprints 1000[,3000] [--baseline] [--runs N] [--keep]`.
 *
 * 1. Writes N synthetic blueprints (plus the bundled content) into a temporary content folder, and
 *    puts it under Git with a history (scripts/bench/git-history.ts) unless --no-history.
 * 2. With --baseline, builds the floor first: a bare Astro site rendering the same MDX, with Pagefind.
 * 3. Builds our site cold (fresh output and cache folders) and measures it the same way; then,
 *    unless --cold-only, changes one blueprint and rebuilds with the cache folder the cold build left.
 * 4. Measures the bytes a first search fetches, and whether a blueprint page loads JavaScript.
 * 5. Prints a Markdown table and PASS/FAIL lines for the targets.
 *
 * With --bare-pages, our site's pages are replaced by the floor's one bare blueprint page before
 * it is built: what is left is our pipeline (the content gate, the judged loader, the search-data
 * worker, page history, the sitemap, the index kept by `npm run build`), so the figures say what
 * the pipeline costs and, against a normal run, what the pages' features cost.
 *
 * Everything is written under the system temporary folder; nothing goes into the repository.
 * See scripts/bench/README.md for the method.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureFirstSearch, scriptsLoadedBy, type FirstSearch } from './bench/first-search';
import { syntheticBlueprintFolder, writeContentDir } from './bench/generate';
import { commitContentHistory } from './bench/git-history';
import { folderBytes, htmlPages, pagesReported, phasesOf, reportedTimings, runMeasured, type Phase } from './bench/measure';
import { measureMatchData } from './bench/match-ranking';
import { checkTargets, formatBytes, formatSeconds, formatTargets, markdownTable, type Measurement } from './bench/report';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs');

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run bench -- --blueprints 1000[,3000,10000] [--baseline] [--runs N] [--cold-only] [--no-history] [--keep] [--working-tree | --site DIR] [--bare-pages]`);
  process.exit(2);
}

function parseSizes(value: string | undefined): number[] {
  if (!value) usage('Give the number of blueprints with --blueprints.');
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 20_000)) usage(`--blueprints ${value}: give whole numbers from 1 to 20000, separated by commas.`);
  return sizes;
}

const log = (text: string) => console.error(`[bench] ${text}`);

/** What else is using the CPU, so a reader can judge the noise. */
function busyProcesses(): string {
  try {
    const out = execFileSync('ps', ['-eo', 'pcpu,rss,args', '--sort=-pcpu'], { encoding: 'utf8' });
    return out.split('\n').slice(1, 6).filter((l) => l.trim()).map((l) => l.trim().replace(/\s+/g, ' ').slice(0, 90)).join('; ');
  } catch {
    return 'unknown';
  }
}

/**
 * Our site, copied into the work folder with a symlink to this repository's node_modules, so
 * edits others make in the shared checkout while the benchmark runs neither break nor colour it.
 * By default the copy is HEAD (`git archive`); `--working-tree` copies the checkout as it is at
 * the start, uncommitted and untracked (but not ignored) files included, for trying a change.
 */
function siteSnapshot(work: string, workingTree: boolean, site?: string): { dir: string; label: string } {
  if (site) return { dir: resolve(site), label: `the site in ${resolve(site)} (given with --site)` };
  const head = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dir = join(work, 'site');
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    if (workingTree) {
      const files = execFileSync('git', ['-C', repo, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0');
      for (const file of files) if (file && existsSync(join(repo, file))) cpSync(join(repo, file), join(dir, file), { recursive: true });
    } else execFileSync('sh', ['-c', 'git -C "$0" archive HEAD | tar -x -C "$1"', repo, dir]);
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  const dirty = workingTree ? execFileSync('git', ['-C', repo, 'status', '--short'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length : 0;
  return { dir, label: workingTree ? `a copy of the working tree at HEAD ${head} with ${dirty} changed or untracked paths` : `commit ${head}` };
}

/**
 * --bare-pages: the snapshot's pages become the floor's one bare blueprint page, with the floor's
 * MDX components beside it (their names are free in src/components/), so only the page differs
 * from a normal build of ours.
 */
function useFloorPages(dir: string): void {
  const floor = join(repo, 'scripts', 'bench', 'baseline', 'src');
  rmSync(join(dir, 'src', 'pages'), { recursive: true, force: true });
  cpSync(join(floor, 'pages'), join(dir, 'src', 'pages'), { recursive: true });
  for (const file of readdirSync(join(floor, 'components'))) {
    if (existsSync(join(dir, 'src', 'components', file))) throw new Error(`--bare-pages: src/components/${file} exists in our site, so the floor's component of that name cannot be put beside it`);
    cpSync(join(floor, 'components', file), join(dir, 'src', 'components', file));
  }
}

/** A throwaway Astro project holding the floor's files, using this repository's node_modules. */
function baselineProject(work: string): string {
  const dir = join(work, 'baseline-project');
  if (!existsSync(dir)) {
    cpSync(join(repo, 'scripts', 'bench', 'baseline'), dir, { recursive: true });
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  return dir;
}

interface SiteRun {
  measurement: Measurement;
  phases: Phase[];
  /** Durations the build logged about its own steps. */
  timings: string[];
  peakSingleRss?: number;
  /** The kernel's part of the build's CPU time, from GNU time. */
  systemMs?: number;
  firstSearch?: FirstSearch;
  logFile: string;
  loadBefore: number[];
}

async function buildAndMeasure(site: 'ours' | 'baseline', size: number, contentDir: string, work: string, logs: string, blueprints: number, ourDir: string, attempt = 1): Promise<SiteRun> {
  const name = attempt === 1 ? `${site}-${size}` : `${site}-${size}-run${attempt}`;
  const out = join(work, name);
  const dist = join(out, 'dist');
  const cache = join(out, 'cache');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  return measureBuild(site, name, contentDir, { dist, cache, cwd: site === 'ours' ? ourDir : baselineProject(work) }, logs, blueprints, ourDir);
}

/**
 * A warm rebuild, as the deploy workflow runs one after a pull request changes one blueprint: the
 * cache folder the first cold build at this size left is kept, the output folder is new, and one synthetic
 * blueprint has a sentence added to its body. The file is put back afterwards.
 */
async function warmRebuild(size: number, contentDir: string, work: string, logs: string, ourDir: string): Promise<{ wallMs: number; cpuMs?: number }> {
  const folder = join(contentDir, syntheticBlueprintFolder);
  const changed = join(folder, readdirSync(folder).filter((f) => f.endsWith('.mdx')).sort()[0]);
  const original = readFileSync(changed);
  appendFileSync(changed, '\nOne more sentence, added for the warm rebuild.\n');
  try {
    const out = join(work, `ours-${size}`);
    const dist = join(out, 'dist-warm');
    rmSync(dist, { recursive: true, force: true });
    const run = await measureBuild('ours', `ours-${size}-warm`, contentDir, { dist, cache: join(out, 'cache'), cwd: ourDir }, logs, 0, ourDir, { firstSearch: false });
    return { wallMs: run.measurement.wallMs, cpuMs: run.measurement.cpuMs };
  } finally {
    writeFileSync(changed, original);
  }
}

async function measureBuild(site: 'ours' | 'baseline', name: string, contentDir: string, { dist, cache, cwd }: { dist: string; cache: string; cwd: string }, logs: string, blueprints: number, ourDir: string, { firstSearch: searchToo = true } = {}): Promise<SiteRun> {
  const logFile = join(logs, `${name}.log`);
  const loadBefore = loadavg();
  log(`building ${name} (load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')})`);
  // Our site is built as `npm run build` builds it (scripts/build.mjs sets the allocator's memory
  // setting); the floor is a plain `astro build`.
  const ourBuild = join(ourDir, 'scripts', 'build.mjs');
  const command = site === 'ours' && existsSync(ourBuild) ? [ourBuild] : [astroBin, 'build'];
  const run = await runMeasured(process.execPath, command, { cwd, env: { CONTENT_DIR: contentDir, OUT_DIR: dist, CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' }, logFile });
  if (run.exitCode !== 0) throw new Error(`The ${site} build failed with exit code ${run.exitCode}; see ${logFile}`);
  log(`${site} built in ${formatSeconds(run.wallMs)} (CPU ${run.cpuMs === undefined ? 'n/a' : formatSeconds(run.cpuMs)}); peak memory ${formatBytes(run.peakTreeRss)}`);

  const pages = htmlPages(dist);
  const pagefindDir = join(dist, 'pagefind');
  const measurement: Measurement = {
    site,
    blueprints,
    pages: pages.length,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRss: run.peakTreeRss,
    distBytes: folderBytes(dist),
    pagefindBytes: existsSync(pagefindDir) ? folderBytes(pagefindDir) : undefined,
  };
  const reported = pagesReported(run.lines);
  if (reported !== undefined && reported !== pages.length) log(`note: Astro reported ${reported} pages; ${pages.length} HTML files are in the output`);

  let firstSearch: FirstSearch | undefined;
  if (searchToo && measurement.pagefindBytes !== undefined) {
    firstSearch = await measureFirstSearch(dist);
    measurement.firstSearchBytes = firstSearch.searchBytes;
    log(`first search (${firstSearch.method}): ${formatBytes(firstSearch.searchBytes)} for search, ${formatBytes(firstSearch.totalBytes)} in all, ${firstSearch.results} results`);
    if (firstSearch.results === 0) log('warning: the first search showed no results, so its byte count is not a real search; see the list of files fetched');
  }
  if (site === 'ours') {
    const page = pages.find((p) => p.startsWith('blueprints/') && p.split('/').length === 3 && !p.startsWith('blueprints/page/'));
    measurement.blueprintPageScripts = page ? scriptsLoadedBy(join(dist, page)) : undefined;
    const matchFile = join(dist, 'match-data.json');
    if (existsSync(matchFile)) {
      const { gzipBytes, rankMs } = measureMatchData(readFileSync(matchFile, 'utf8'));
      measurement.matchData = { gzipBytes, rankMs };
      log(`matching data: ${formatBytes(gzipBytes)} gzipped, ranked in ${rankMs.toFixed(1)} ms (median)`);
    }
  }
  return { measurement, phases: phasesOf(run.lines, run.wallMs, run.cpuSamples), timings: reportedTimings(run.lines), peakSingleRss: run.peakSingleRss, systemMs: run.systemMs, firstSearch, logFile, loadBefore };
}

/** The fastest of several builds of one site, carrying the highest peak memory of any of them. */
function representative(built: SiteRun[]): SiteRun | undefined {
  if (built.length === 0) return undefined;
  const fastest = built.reduce((a, b) => (b.measurement.wallMs < a.measurement.wallMs ? b : a));
  return { ...fastest, measurement: { ...fastest.measurement, peakRss: Math.max(...built.map((r) => r.measurement.peakRss)) } };
}

function phaseTable(run: SiteRun): string {
  return [
    `      wall       CPU  peak memory  phase, ending at`,
    ...run.phases.map((p) => `  ${formatSeconds(p.ms).padStart(8)}  ${(p.cpuMs === undefined ? 'n/a' : formatSeconds(p.cpuMs)).padStart(8)}  ${formatBytes(p.peakRss).padStart(11)}  until ${p.name} (at ${formatSeconds(p.at)})`),
  ].join('\n');
}

async function main() {
  // 1. Read the arguments.
  const { values } = parseArgs({ options: { blueprints: { type: 'string' }, baseline: { type: 'boolean', default: false }, runs: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false }, 'working-tree': { type: 'boolean', default: false }, site: { type: 'string' }, 'cold-only': { type: 'boolean', default: false }, 'no-history': { type: 'boolean', default: false }, 'bare-pages': { type: 'boolean', default: false } } });
  const sizes = parseSizes(values.blueprints);
  if (values['bare-pages'] && values.site) usage('--bare-pages changes the pages of the copy the benchmark makes: leave out --site.');
  const attempts = Number(values.runs);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10) usage(`--runs ${values.runs}: give a whole number from 1 to 10.`);
  const started = new Date();
  const root = join(tmpdir(), 'blueprint-commons-bench', started.toISOString().replace(/[:.]/g, '-'));
  const work = join(root, 'work');
  const logs = root;
  mkdirSync(work, { recursive: true });
  const snapshot = siteSnapshot(work, values['working-tree'], values.site);
  if (values['bare-pages']) useFloorPages(snapshot.dir);
  const ours = values['bare-pages'] ? { ...snapshot, label: `${snapshot.label}, its pages replaced by the floor's bare blueprint page (--bare-pages): our pipeline alone` } : snapshot;
  const busy = busyProcesses();
  log(`writing to ${root}; building our site from ${ours.label}; ${cpus().length} CPUs; busiest processes: ${busy}`);

  const runs: { size: number; ours?: SiteRun; baseline?: SiteRun; walls: { ours: number[]; baseline: number[] } }[] = [];
  try {
    for (const size of sizes) {
      // 2. Write the content folder: bundled content plus N synthetic blueprints.
      // In a folder of its own, which becomes the Git repository holding its history.
      const contentDir = join(work, `content-${size}`, 'content');
      writeContentDir(contentDir, size, { bundled: join(ours.dir, 'src', 'content') });
      const blueprints = readdirSync(join(contentDir, 'blueprints'), { recursive: true }).filter((f) => String(f).endsWith('.mdx')).length;
      log(`content for ${size}: ${blueprints} blueprints (${blueprints - size} bundled) in ${contentDir}; synthetic ones in ${syntheticBlueprintFolder}/`);
      // Under Git, so our build reads page history as a deploy does (--no-history leaves it out).
      if (!values['no-history']) {
        const t = performance.now();
        const commits = commitContentHistory(contentDir);
        log(`content history: ${commits} commits, written in ${formatSeconds(performance.now() - t)}`);
      }

      // 3. Build the floor first, then ours, so both meet the same machine state in the same order
      //    each time; with --runs N, N such pairs. Other work on the machine only ever adds time, so
      //    the fastest build of each stands for it; peak memory is the highest of any of its builds.
      const built: { ours: SiteRun[]; baseline: SiteRun[] } = { ours: [], baseline: [] };
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (values.baseline) built.baseline.push(await buildAndMeasure('baseline', size, contentDir, work, logs, blueprints, ours.dir, attempt));
        built.ours.push(await buildAndMeasure('ours', size, contentDir, work, logs, blueprints, ours.dir, attempt));
      }
      const oursRun = representative(built.ours);
      if (oursRun && !values['cold-only']) oursRun.measurement.warm = await warmRebuild(size, contentDir, work, logs, ours.dir);
      runs.push({
        size,
        baseline: representative(built.baseline),
        ours: oursRun,
        walls: { ours: built.ours.map((r) => r.measurement.wallMs), baseline: built.baseline.map((r) => r.measurement.wallMs) },
      });
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }

  // 4. Report.
  const rows = runs.flatMap((r) => [r.baseline, r.ours].filter((s): s is SiteRun => !!s).map((s) => s.measurement));
  const lines: string[] = [];
  lines.push(`## Build benchmark, ${started.toISOString()}`, '');
  lines.push(`Our site: ${ours.label}. Node ${process.version}, ${cpus().length} CPUs. Busiest processes at the start (%CPU, RSS KiB, command): ${busy}.`, '');
  lines.push(markdownTable(rows), '');
  if (attempts > 1) {
    lines.push(`Each site was built ${attempts} times at each size, floor and ours in turn; the table shows the fastest build of each, with the highest peak memory of any. All wall times:`);
    for (const r of runs) lines.push(`- ${r.size}: floor ${r.walls.baseline.map(formatSeconds).join(', ') || 'not built'}; ours ${r.walls.ours.map(formatSeconds).join(', ')}`);
    lines.push('');
  }
  for (const r of runs) {
    const [o, b] = [r.ours?.measurement, r.baseline?.measurement];
    if (o && b) lines.push(`At ${r.size} synthetic blueprints our build took ${o.cpuMs && b.cpuMs ? `${(o.cpuMs / b.cpuMs).toFixed(2)}× the floor's CPU time and ` : ''}${(o.wallMs / b.wallMs).toFixed(2)}× its wall time (the floor: ${b.cpuMs ? `${formatSeconds(b.cpuMs)} CPU, ` : ''}${formatSeconds(b.wallMs)} wall).`);
    if (o?.warm) lines.push(`A warm rebuild at ${r.size} after one blueprint changed, with the cold build's cache folder: ${o.warm.cpuMs === undefined ? '' : `${formatSeconds(o.warm.cpuMs)} CPU, `}${formatSeconds(o.warm.wallMs)} wall, against ${o.cpuMs === undefined ? '' : `${formatSeconds(o.cpuMs)} CPU, `}${formatSeconds(o.wallMs)} cold.`);
  }
  for (let i = 1; i < runs.length; i++) {
    const [small, large] = [runs[i - 1], runs[i]];
    const ratio = (a?: Measurement, b?: Measurement) => (a && b ? `${a.cpuMs && b.cpuMs ? `${(a.cpuMs / b.cpuMs).toFixed(2)}× CPU time, ` : ''}${(a.wallMs / b.wallMs).toFixed(2)}× wall time` : undefined);
    const oursScaling = ratio(large.ours?.measurement, small.ours?.measurement);
    const floorScaling = ratio(large.baseline?.measurement, small.baseline?.measurement);
    if (oursScaling) lines.push(`${large.size}/${small.size} scaling: ${oursScaling} for ours${floorScaling ? `; ${floorScaling} for the floor` : ''}.`);
  }
  lines.push('', '### Targets', '');
  if (values['bare-pages']) lines.push('These are the whole site\'s targets; with --bare-pages our site has only the floor\'s page, so they say what the pipeline alone would meet, not whether the site meets them.', '');
  lines.push('```', formatTargets(checkTargets(runs.map((r) => ({ size: r.size, ours: r.ours?.measurement, baseline: r.baseline?.measurement })))), '```', '');
  lines.push('### Details', '');
  for (const r of runs) {
    for (const s of [r.baseline, r.ours]) {
      if (!s) continue;
      lines.push(`${s.measurement.site} at ${r.size} (load average before: ${s.loadBefore.map((l) => l.toFixed(2)).join(' ')}; largest single process ${formatBytes(s.peakSingleRss)}; the kernel's part of the CPU time ${s.systemMs === undefined ? 'n/a' : formatSeconds(s.systemMs)}; log ${s.logFile}):`);
      lines.push('```', phaseTable(s), ...s.timings.map((t) => `  reported: ${t}`), '```');
      if (s.firstSearch) {
        lines.push(`First search (${s.firstSearch.method}, query "${s.firstSearch.query}", ${s.firstSearch.results} results): ${formatBytes(s.firstSearch.searchBytes)} counted, ${formatBytes(s.firstSearch.totalBytes)} with the page itself.`);
        lines.push('```', ...s.firstSearch.fetched.map((f) => `${String(f.bytes).padStart(9)}  ${f.afterQuery ? 'after query ' : 'page load   '}${f.url}`), '```');
      }
      lines.push('');
    }
  }
  const report = lines.join('\n');
  writeFileSync(join(root, 'report.md'), report);
  writeFileSync(join(root, 'results.json'), JSON.stringify({ started, sizes, runs }, null, 2));
  console.log(report);
  log(`report and logs in ${root}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
