import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitContentHistory } from '../../scripts/bench/git-history';
import { syntheticBlueprintFolder, writeContentDir } from '../../scripts/bench/generate';
import { readContentHistory } from '../../src/node/content-history';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((t) => rmSync(t, { recursive: true, force: true })));
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

function contentFolder(): string {
  const repo = mkdtempSync(join(tmpdir(), 'bench-history-test-'));
  temps.push(repo);
  const dir = join(repo, 'content');
  writeContentDir(dir, 12);
  return dir;
}

describe("the benchmark's content history", () => {
  it('ends at exactly the files in the folder: a commit for the rest, one per synthetic blueprint, a revision for every fifth', async () => {
    const dir = contentFolder();
    const synthetic = readdirSync(join(dir, syntheticBlueprintFolder)).length;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

    const commits = commitContentHistory(dir);

    expect(synthetic).toBe(12);
    expect(commits).toBe(1 + 12 + Math.ceil(12 / 5));
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe(String(commits));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'ls-files').trim().split('\n')).toHaveLength(files);
    // What the build reads: every file has a history, and a revised blueprint has two entries.
    const { history } = await readContentHistory(dir);
    expect(history.size).toBe(files);
    const revised = [...history.values()].filter((h) => h.changes.length === 2);
    expect(revised).toHaveLength(Math.ceil(12 / 5));
  });

  it('refuses a content folder that shares its parent, rather than committing the neighbours', () => {
    const dir = contentFolder();
    writeFileSync(join(dir, '..', 'notes.txt'), 'not content');
    mkdirSync(join(dir, '..', 'other'));
    expect(() => commitContentHistory(dir)).toThrow(/holds more than the content folder \(.*notes\.txt/);
  });
});
