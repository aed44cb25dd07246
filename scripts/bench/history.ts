/**
 * What reading page history costs a build:
 * `npx tsx scripts/bench/history.ts [--blueprints 1000] [--edits 5000] [--other 2000] [--runs 5] [--keep]`.
 *
 * 1. Times reading this repository's content history (src/node/content-history.ts: one
 *    `git rev-parse` and one `git log`, then the parser), the median of several runs.
 * 2. Writes a temporary repository with `git fast-import`: N synthetic blueprints (generate.ts,
 *    seeded) added one commit each, then edit commits changing one to three of them (every 100th
 *    moves one into a folder, so renames are followed), and commits outside the content folder
 *    that the log must walk past.
 * 3. Times the same read there, split into the `git log` process and the parse, and prints sizes.
 * Wall times on a shared machine mostly measure the other work, so git's own CPU time (user plus
 * system, of the finished child processes, from /proc/self/stat; Linux only) is printed too.
 * It prints numbers; it is a benchmark, not a test. The temporary repository is removed unless --keep.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { contentLogArguments, parseContentLog } from '../../src/lib/content/history';
import { contentDir } from '../../src/node/content-files';
import { gitRunner, readContentHistory } from '../../src/node/content-history';
import { generateCorpus } from './generate';
import { fastImportStream } from './git-history';
import { Random } from './random';

const { values } = parseArgs({
  options: {
    blueprints: { type: 'string', default: '1000' },
    edits: { type: 'string', default: '5000' },
    other: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const [count, edits, other, runs] = [values.blueprints, values.edits, values.other, values.runs].map(Number) as [number, number, number, number];
if (![count, edits, other, runs].every((n) => Number.isInteger(n) && n >= 0) || count < 1 || runs < 1) {
  console.error('Usage: npx tsx scripts/bench/history.ts [--blueprints N] [--edits N] [--other N] [--runs N]: whole numbers, blueprints and runs at least 1');
  process.exit(2);
}

/** CPU seconds used by this process's finished children (git), or NaN where /proc is missing. */
function childCpu(): number {
  try {
    // Fields after the command name in parentheses; cutime and cstime are the 14th and 15th of them.
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / ticks;
  } catch {
    return Number.NaN;
  }
}
const ticks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();
const cpu = (s: number) => (Number.isNaN(s) ? 'CPU n/a' : `${(s * 1000).toFixed(0)} ms CPU`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function timeRead(dir: string): Promise<{ files: number; total: number; cpu: number }> {
  const times: number[] = [];
  const cpus: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const before = childCpu();
    const { history, note } = await readContentHistory(dir);
    times.push(performance.now() - started);
    cpus.push(childCpu() - before);
    files = history.size;
    if (history.size === 0) console.warn(`  (no history: ${note})`);
  }
  return { files, total: median(times), cpu: median(cpus) };
}

/** A fast-import stream for the synthetic history, and how many commits it makes. */
function history(): { stream: string; commits: number } {
  const random = new Random(20_261_203);
  const corpus = generateCorpus(count);
  const files = new Map<string, string>();
  const stream = fastImportStream();
  const commit = stream.commit;
  const put = (path: string, source: string) => {
    files.set(path, source);
    return stream.put(`src/content/${path}`, source);
  };

  commit('Add the organisations', corpus.organisations.map((o) => put(o.path, o.source)));
  for (const b of corpus.blueprints) commit(`Add ${b.path}`, [put(b.path, b.source)]);
  const blueprintPaths = () => [...files.keys()].filter((p) => p.startsWith('blueprints/'));
  let paths = blueprintPaths();
  let outside = 0;
  for (let i = 1; i <= edits; i++) {
    if (i % 100 === 0) {
      const from = random.pick(paths);
      const to = from.replace(/^blueprints\/bench\//, `blueprints/bench/moved-${i}/`);
      files.set(to, files.get(from)!);
      files.delete(from);
      commit(`Move ${from} into a folder`, [`R src/content/${from} src/content/${to}\n`]);
      paths = blueprintPaths();
    } else {
      const changed = new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(paths)));
      commit(`Edit ${changed.size} blueprints (change ${i})`, [...changed].map((p) => put(p, `${files.get(p)!}\nRevised in change ${i}.\n`)));
    }
    // Spread the commits outside the content folder through the history.
    while (outside < Math.round((other * i) / Math.max(edits, 1))) {
      outside++;
      commit(`Code change ${outside}`, [stream.put('src/code.ts', `export const change = ${outside};\n`)]);
    }
  }
  return { stream: stream.text(), commits: stream.commits() };
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
console.log(`Page history read (rev-parse + git log + parse), median of ${runs} runs`);
const own = await timeRead(contentDir(repo));
const ownCommits = execFileSync('git', ['rev-list', '--count', '--no-merges', 'HEAD', '--', '.'], { cwd: contentDir(repo), encoding: 'utf8' }).trim();
console.log(`  this repository: ${own.files} files with history, ${ownCommits} commits touching the content: ${ms(own.total)} (git ${cpu(own.cpu)})`);

const temp = mkdtempSync(join(tmpdir(), 'bench-history-'));
try {
  const started = performance.now();
  const { stream, commits } = history();
  execFileSync('git', ['init', '-q', '-b', 'main', temp]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: temp, input: stream, maxBuffer: 1024 * 1024 * 1024 });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: temp });
  console.log(`  synthetic repository: ${count} blueprints, ${commits} commits (${edits} edits, ${other} outside the content), made in ${ms(performance.now() - started)}`);
  const dir = join(temp, 'src', 'content');
  const synthetic = await timeRead(dir);

  const run = gitRunner();
  const marker = 'bench-marker';
  const logTimes: number[] = [];
  const logCpu: number[] = [];
  const parseTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const before = childCpu();
    const output = await run(contentLogArguments(marker), dir);
    logTimes.push(performance.now() - t);
    logCpu.push(childCpu() - before);
    bytes = Buffer.byteLength(output);
    t = performance.now();
    parseContentLog(output, marker);
    parseTimes.push(performance.now() - t);
  }
  console.log(`  synthetic: ${synthetic.files} files with history: ${ms(synthetic.total)} in all (git ${cpu(synthetic.cpu)}); git log ${ms(median(logTimes))}, ${cpu(median(logCpu))} (${(bytes / 1024 / 1024).toFixed(1)} MiB of output), parse ${ms(median(parseTimes))}`);
} finally {
  if (values.keep) console.log(`  kept the synthetic repository: ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}
