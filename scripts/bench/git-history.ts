/**
 * Puts the benchmark's content folder under Git with a history, so the build reads page history
 * (src/node/content-history.ts) as a deploy does, instead of finding no repository and skipping it.
 *
 * The folder's parent becomes a repository (the content gate refuses a .git folder inside the
 * content folder) whose last commit holds exactly the files already in the folder: one
 * commit with everything but the synthetic blueprints, then one commit adding each synthetic
 * blueprint, and for every `revisedEvery`-th blueprint the first commit holds an earlier version
 * (without its last line) and a later commit the file as it is. Written with `git fast-import`,
 * which takes seconds even for 10,000 blueprints.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { syntheticBlueprintFolder } from './generate';

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * A `git fast-import` stream of commits to main, an hour apart, by one committer, with files
 * written inline. Also used by ./history.ts.
 */
export function fastImportStream() {
  const parts: string[] = [];
  let time = 1_700_000_000;
  const data = (text: string | Buffer) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  return {
    /** A change writing one file, its path from the repository's root. */
    put: (path: string, source: string | Buffer) => `M 100644 inline ${path}\n${data(source)}`,
    commit: (subject: string, changes: string[]) => {
      time += 3_600;
      parts.push(`commit refs/heads/main\ncommitter Bench <bench@example.org> ${time} +0000\n${data(subject)}${changes.join('')}`);
    },
    commits: () => parts.length,
    text: () => parts.join(''),
  };
}

/** Writes the history and returns how many commits it made. `dir` must be the only thing in its parent. */
export function commitContentHistory(dir: string, { revisedEvery = 5 } = {}): number {
  const repo = dirname(dir);
  const folder = basename(dir);
  const others = readdirSync(repo).filter((name) => name !== folder);
  if (others.length > 0) throw new Error(`${repo} holds more than the content folder (${others.join(', ')}): give the content folder a parent of its own.`);
  const files = filesUnder(dir);
  const synthetic = files.filter((f) => f.startsWith(`${syntheticBlueprintFolder}/`));
  const rest = files.filter((f) => !f.startsWith(`${syntheticBlueprintFolder}/`));
  const stream = fastImportStream();
  const { commit, commits, text } = stream;
  const put = (path: string, source: string | Buffer) => stream.put(`${folder}/${path}`, source);

  commit('Add the bundled content and organisations', rest.map((f) => put(f, readFileSync(join(dir, f)))));
  const revised: string[] = [];
  synthetic.forEach((f, i) => {
    const source = readFileSync(join(dir, f), 'utf8');
    const earlier = source.replace(/\n[^\n]*\n*$/, '\n');
    const revise = i % revisedEvery === 0 && earlier !== source;
    if (revise) revised.push(f);
    commit(`Add ${f}`, [put(f, revise ? earlier : source)]);
  });
  for (const f of revised) commit(`Revise ${f} after review`, [put(f, readFileSync(join(dir, f)))]);

  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: text(), maxBuffer: 1024 * 1024 * 1024 });
  // The files are already in the folder as the last commit has them: only the index is set.
  execFileSync('git', ['reset', '-q'], { cwd: repo });
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).trim();
  if (dirty) throw new Error(`The benchmark's content history does not match its folder:\n${dirty.slice(0, 2000)}`);
  return commits();
}
