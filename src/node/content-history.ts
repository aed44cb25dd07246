/**
 * Reads the content folder's Git history for the pages' "Page history" sections: one
 * `git rev-parse` (is this a shallow clone?) and one `git log` over the whole folder per build,
 * however many pages there are; src/lib/content/history.ts parses the log.
 *
 * A build never fails for want of history. With no Git, outside a repository, in a shallow clone
 * (whose oldest commit would claim to add every file) or if Git fails or is slow, pages show their
 * front-matter dates only, and the build prints one line saying why.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { contentLogArguments, parseContentLog, type ContentHistory, type PageHistory } from '../lib/content/history';

/** Runs git with `args` in `cwd` and resolves to its standard output; rejects if it fails. */
export type GitRunner = (args: string[], cwd: string) => Promise<string>;

export interface GitRunnerOptions {
  /** The environment git runs with: process.env unless given (tests give one without git on PATH). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before git is stopped. */
  timeout?: number;
  /** The most bytes of output to accept. */
  maxBuffer?: number;
}

/**
 * Runs the real git: no shell (arguments are never parsed as a command line), a time limit, and a
 * cap on output. 64 MiB holds the name-status log of well over 100,000 commits of content. The
 * limit is wall time, and git runs beside the build on a busy machine: at 10,000 blueprints the
 * log needs about 4 s of CPU, and a 30 s limit stopped it (taking 10 s then) in two builds of two.
 */
export function gitRunner({ env = process.env, timeout = 60_000, maxBuffer = 64 * 1024 * 1024 }: GitRunnerOptions = {}): GitRunner {
  return (args, cwd) =>
    new Promise((resolvePromise, reject) => {
      execFile('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, timeout, maxBuffer, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }));
        else resolvePromise(stdout);
      });
    });
}

export interface ContentHistoryResult {
  history: ContentHistory;
  /** One line for the build log: how much history was read, or why there is none. */
  note: string;
}

/** Why there is no history, in a few words for the build log (never git's whole output). */
function whyNot(error: unknown): string {
  const e = error as { code?: unknown; killed?: boolean; stderr?: string; message?: string };
  if (e.code === 'ENOENT') return 'git is not installed or not on PATH';
  if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return 'git printed more history than the limit allows';
  if (e.killed) return 'git took too long and was stopped';
  if (e.stderr === undefined) return e.message ?? String(error); // the log's shape was wrong
  if (/not a git repository/i.test(e.stderr)) return 'the content folder is not in a Git repository';
  if (/dubious ownership/i.test(e.stderr)) return "Git refuses this repository's ownership (see git's safe.directory setting)";
  return `git failed: ${(e.stderr || e.message || '').split('\n')[0]!.slice(0, 200)}`;
}

/**
 * The history of every file in `dir` (the content folder), keyed by its path relative to `dir`.
 * Empty, with a note saying why, when there is none to read.
 */
export async function readContentHistory(dir: string, run: GitRunner = gitRunner()): Promise<ContentHistoryResult> {
  const fallback = 'pages show their front-matter dates only';
  const started = performance.now();
  try {
    const shallow = (await run(['rev-parse', '--is-shallow-repository'], dir)).trim();
    if (shallow === 'true') {
      return { history: new Map(), note: `a shallow clone has only part of the history: ${fallback} (fetch the full history, e.g. fetch-depth: 0)` };
    }
    if (shallow !== 'false') return { history: new Map(), note: `git rev-parse gave an unexpected answer: ${fallback}` };
    const marker = `bc-history-${randomBytes(12).toString('hex')}`;
    const history = parseContentLog(await run(contentLogArguments(marker), dir), marker);
    return { history, note: `${history.size} content files' history read from one git log in ${Math.round(performance.now() - started)} ms` };
  } catch (error) {
    return { history: new Map(), note: `no page history (${whyNot(error)}): ${fallback}` };
  }
}

/** Looks up one page's history by its file path. */
export type HistoryLookup = (filePath: string) => Promise<PageHistory | undefined>;

/**
 * A lookup that reads the history once, on first use, through `read`, and answers every page from
 * it. `dir` is the content folder; `filePath` may be absolute or relative to `root` (Astro gives
 * entries' paths relative to the project root). `log` receives the read's one-line note.
 */
export function historyLookup(
  root: string,
  dir: string,
  read: () => Promise<ContentHistoryResult> = () => readContentHistory(dir),
  log: (line: string) => void = console.info,
): HistoryLookup {
  let reading: Promise<ContentHistory> | undefined;
  return async (filePath) => {
    reading ??= read().then(({ history, note }) => {
      log(`[history] ${note}`);
      return history;
    });
    const history = await reading;
    const key = relative(dir, resolve(root, filePath));
    if (key === '' || key.startsWith('..') || isAbsolute(key)) return undefined;
    return history.get(key.split(sep).join('/'));
  };
}
