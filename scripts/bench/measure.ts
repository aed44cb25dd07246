/**
 * Runs a build as a child process and measures it: wall time, the peak of the summed resident
 * memory of the child and all its descendants (polled from /proc), and every output line with the
 * time it arrived, so the phases of an Astro build can be timed from its log.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LogLine {
  /** Milliseconds since the child started. */
  at: number;
  text: string;
}

export interface CpuSample {
  /** Milliseconds since the child started. */
  at: number;
  /** CPU time the process tree had used by then, ms. */
  cpuMs: number;
  /** Summed resident memory of the tree at that moment, bytes. */
  rss: number;
}

export interface RunResult {
  exitCode: number | null;
  /** The process tree's CPU time, sampled with the memory, so each phase can be given its CPU time. */
  cpuSamples: CpuSample[];
  wallMs: number;
  /** Highest sum of RSS over the process tree seen by the poller, in bytes. */
  peakTreeRss: number;
  /** Largest single process's max RSS as GNU time reports it (catches spikes between polls), in bytes. */
  peakSingleRss?: number;
  /**
   * User plus system CPU time of the build and every descendant it waited for, from GNU time.
   * Far steadier than wall time when other work shares the two cores.
   */
  cpuMs?: number;
  /** The system (kernel) part of cpuMs: page faults, files created and written. */
  systemMs?: number;
  lines: LogLine[];
}

const pageSize = 4096;
const pollMs = 100;

/** Every pid whose parent chain leads to `root`, including `root`. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces, so split after ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0 && tree.length < 10_000) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function rssOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageSize;
  } catch {
    return 0;
  }
}

export function treeRss(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssOf(pid), 0);
}

/** Clock ticks per second for /proc/<pid>/stat times; 100 on every Linux this runs on. */
const ticksPerSecond = 100;

/**
 * CPU time used so far by a process: its own (every thread) plus its children it has waited for,
 * in ms. Summed over a live tree this counts each process once: a child's time moves into its
 * parent's "children" fields only when it has ended and left the tree.
 */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the ")" of the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

export function treeCpu(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + cpuOf(pid), 0);
}

export const gnuTime = '/usr/bin/time';

/**
 * Runs `command args` with extra environment, logging every line to `logFile` with its arrival
 * time. Wrapped in GNU time when it is installed, for a second opinion on peak memory.
 */
export async function runMeasured(command: string, args: string[], { cwd, env, logFile }: { cwd: string; env: Record<string, string>; logFile: string }): Promise<RunResult> {
  const timeFile = `${logFile}.time`;
  const useTime = existsSync(gnuTime);
  const [cmd, argv] = useTime ? [gnuTime, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: LogLine[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = performance.now() - started;
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) lines.push({ at, text });
    });
    stream.on('end', () => pending && lines.push({ at: performance.now() - started, text: pending }));
  };
  collect(child.stdout!);
  collect(child.stderr!);
  let peakTreeRss = 0;
  const cpuSamples: CpuSample[] = [];
  const poller = setInterval(() => {
    if (!child.pid) return;
    const rss = treeRss(child.pid);
    peakTreeRss = Math.max(peakTreeRss, rss);
    cpuSamples.push({ at: performance.now() - started, cpuMs: treeCpu(child.pid), rss });
  }, pollMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poller);
  const wallMs = performance.now() - started;
  writeFileSync(logFile, lines.map((l) => `${(l.at / 1000).toFixed(2).padStart(8)}s  ${l.text}`).join('\n') + '\n');
  let peakSingleRss: number | undefined;
  let cpuMs: number | undefined;
  let systemMs: number | undefined;
  if (useTime && existsSync(timeFile)) {
    // The last line is ours; GNU time writes "Command exited with non-zero status" above it on failure.
    const [kib, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    if (Number.isFinite(kib)) peakSingleRss = kib * 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) {
      cpuMs = (user + system) * 1000;
      systemMs = system * 1000;
    }
  }
  if (cpuMs !== undefined) cpuSamples.push({ at: wallMs, cpuMs, rss: 0 });
  return { exitCode, cpuSamples, wallMs, peakTreeRss, peakSingleRss, cpuMs, systemMs, lines };
}

/** Total size of the files under a folder, in bytes; 0 when it does not exist. */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Every HTML page in a built site, as paths relative to it. */
export function htmlPages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/**
 * Named moments in an Astro build log; the time between two is a phase. `after` makes a marker
 * count only once another has been seen ("✓ Completed in" is printed by several steps).
 */
const markers: { name: string; pattern: RegExp; after?: string }[] = [
  { name: 'first log line (Astro started, config loaded)', pattern: /\S/ },
  { name: 'content gate done', pattern: /content checked/ },
  { name: 'content synced', pattern: /\[content\] Synced content/ },
  { name: 'types generated', pattern: /\[types\] Generated/ },
  { name: 'vite build started', pattern: /Building static entrypoints/ },
  { name: 'vite build done', pattern: /\[vite\] ✓ built in/ },
  { name: 'page render started', pattern: /generating static routes/ },
  { name: 'pages rendered', pattern: /✓ Completed in/, after: 'page render started' },
  { name: 'build summary', pattern: /page\(s\) built in/ },
  { name: 'Pagefind index written', pattern: /pagefind\].*indexed \d+ page/i },
  { name: 'build complete', pattern: /\[build\] Complete!/ },
];

export interface Phase {
  /** The marker that ends the phase. */
  name: string;
  /** When the phase ended, ms since start. */
  at: number;
  /** How long since the previous marker, ms. */
  ms: number;
  /** CPU time the build used in that time, ms, when samples were given. */
  cpuMs?: number;
  /** Highest summed resident memory seen in that time, bytes, when samples were given. */
  peakRss?: number;
}

/** CPU used by `at` ms: the last sample taken at or before it (samples are ~100 ms apart). */
function cpuAt(samples: readonly CpuSample[], at: number): number {
  let best = 0;
  for (const s of samples) if (s.at <= at) best = Math.max(best, s.cpuMs);
  return best;
}

/** Times between the build's known log markers, in the order they happened, ending with the process exit. */
export function phasesOf(lines: readonly LogLine[], wallMs: number, samples: readonly CpuSample[] = []): Phase[] {
  const seenAt = new Map<string, number>();
  const found: { name: string; at: number; line: number }[] = [];
  for (const { name, pattern, after } of markers) {
    const from = after === undefined ? 0 : seenAt.get(after);
    if (from === undefined) continue;
    const index = lines.findIndex((l, i) => i >= from && pattern.test(l.text));
    if (index < 0) continue;
    seenAt.set(name, index);
    found.push({ name, at: lines[index].at, line: index });
  }
  // Lines that arrive together (the floor's Pagefind line and Astro's summary) keep the log's order.
  found.sort((a, b) => a.at - b.at || a.line - b.line);
  found.push({ name: 'process exited', at: wallMs, line: lines.length });
  return found.map((f, i) => {
    const from = i === 0 ? 0 : found[i - 1].at;
    const phase: Phase = { name: f.name, at: f.at, ms: f.at - from };
    if (samples.length > 0) {
      phase.cpuMs = cpuAt(samples, f.at) - cpuAt(samples, from);
      phase.peakRss = samples.filter((s) => s.at > from && s.at <= f.at).reduce((peak, s) => Math.max(peak, s.rss), 0);
    }
    return phase;
  });
}

/**
 * Durations the site reports about itself, e.g. "[search] related blueprints for 1000 blueprints
 * in 850 ms" and Pagefind's "indexed 1000 pages … in 4000 ms": the parts of a phase worth watching.
 */
export function reportedTimings(lines: readonly LogLine[]): string[] {
  // A console line can land in the middle of Astro's "├─ /page/" line, so take the match, not the line.
  return lines.flatMap((l) => /\[[^\]\s]+\] [^[]*? in \d+ ?ms\b/.exec(l.text)?.[0] ?? []);
}

/** The number Astro prints in "N page(s) built in". */
export function pagesReported(lines: readonly LogLine[]): number | undefined {
  const line = lines.find((l) => /(\d+) page\(s\) built in/.test(l.text));
  return line ? Number(/(\d+) page\(s\) built in/.exec(line.text)![1]) : undefined;
}
