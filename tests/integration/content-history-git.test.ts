/**
 * The page-history reader (src/node/content-history.ts) running the real git in temporary
 * repositories: full history, a rename, an uncommitted file, a shallow clone, a folder outside any
 * repository, and no git on PATH. Only the last four must leave pages with front-matter dates.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRunner, historyLookup, readContentHistory } from '../../src/node/content-history';

const temp = mkdtempSync(join(tmpdir(), 'content-history-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const identity = { GIT_AUTHOR_NAME: 'Test Author', GIT_AUTHOR_EMAIL: 'author@example.org', GIT_COMMITTER_NAME: 'Test Committer', GIT_COMMITTER_EMAIL: 'committer@example.org' };

function git(cwd: string, args: string[], date?: string): string {
  const env = { ...process.env, ...identity, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgSign=false', ...args], { cwd, env, encoding: 'utf8' });
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const page = (n: number) => `---\ntitle: Page\n---\n\n${Array.from({ length: 30 }, (_, i) => `Line ${i} of a page long enough for rename detection.`).join('\n')}\n${'More.\n'.repeat(n)}`;

describe('reading history with the real git', () => {
  const repo = join(temp, 'repo');
  const content = join(repo, 'src', 'content');

  beforeAll(() => {
    mkdirSync(join(content, 'blueprints'), { recursive: true });
    git(repo, ['init', '-q']);
    writeFileSync(join(content, 'blueprints', 'first-name.mdx'), page(0));
    writeFileSync(join(repo, 'README.md'), 'Not content.\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'Add the EPR blueprint'], '2026-01-10T09:00:00+00:00');
    writeFileSync(join(content, 'blueprints', 'first-name.mdx'), page(1));
    writeFileSync(join(repo, 'README.md'), 'Still not content.\n');
    git(repo, ['commit', '-q', '-a', '-m', 'Correct the \u0007cost band <b>now</b> – café'], '2026-02-20T16:30:00+01:00');
    mkdirSync(join(content, 'blueprints', 'epr'));
    renameSync(join(content, 'blueprints', 'first-name.mdx'), join(content, 'blueprints', 'epr', 'new-name.mdx'));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'Move the blueprint into a folder'], '2026-03-05T08:00:00+00:00');
    git(repo, ['commit', '-q', '--allow-empty', '-m', 'A commit that changes nothing'], '2026-03-06T08:00:00+00:00');
    // git log runs with no pathspec (contentLogArguments): a commit outside the folder is listed with no files.
    writeFileSync(join(repo, 'README.md'), 'Never content.\n');
    git(repo, ['commit', '-q', '-a', '-m', 'Change the README alone'], '2026-03-07T08:00:00+00:00');
    writeFileSync(join(content, 'blueprints', 'uncommitted.mdx'), page(2));
  });

  it('gives a committed file its dates and subjects, newest first, following the rename', async () => {
    const { history, note } = await readContentHistory(content);
    expect(note).toMatch(/^1 content files' history read from one git log in \d+ ms$/);
    expect(history.get('blueprints/epr/new-name.mdx')).toEqual({
      first: day('2026-01-10'),
      last: day('2026-03-05'),
      changes: [
        { date: day('2026-03-05'), subject: 'Move the blueprint into a folder' },
        { date: day('2026-02-20'), subject: 'Correct the cost band <b>now</b> – café' },
        { date: day('2026-01-10'), subject: 'Add the EPR blueprint' },
      ],
      earlier: 0,
    });
  });

  it('has nothing for an uncommitted file or a file outside the content folder', async () => {
    const { history } = await readContentHistory(content);
    expect([...history.keys()]).toEqual(['blueprints/epr/new-name.mdx']);
  });

  it('never reads author or committer names or e-mail addresses', async () => {
    const calls: string[][] = [];
    const real = gitRunner();
    const outputs: string[] = [];
    await readContentHistory(content, async (args, cwd) => {
      calls.push(args);
      const out = await real(args, cwd);
      outputs.push(out);
      return out;
    });
    expect(calls).toHaveLength(2);
    expect(outputs.join('')).not.toMatch(/Test Author|Test Committer|author@example\.org|committer@example\.org/);
  });

  it('looks pages up by their path from the project root', async () => {
    const lookup = historyLookup(repo, content, () => readContentHistory(content), () => {});
    expect((await lookup('src/content/blueprints/epr/new-name.mdx'))?.last).toEqual(day('2026-03-05'));
    expect(await lookup(join(content, 'blueprints', 'uncommitted.mdx'))).toBeUndefined();
    expect(await lookup('README.md')).toBeUndefined();
  });

  it('reads no history from a shallow clone, whose oldest commit would claim to add every file', async () => {
    const clone = join(temp, 'shallow');
    git(temp, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    expect(git(clone, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    const { history, note } = await readContentHistory(join(clone, 'src', 'content'));
    expect(history.size).toBe(0);
    expect(note).toMatch(/shallow clone .* front-matter dates only/);
  });
});

describe('building without history', () => {
  it('reads none from a folder outside any Git repository, and says why', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'content-history-outside-'));
    try {
      // GIT_CEILING_DIRECTORIES stops git looking above the folder, in case the temporary folder sits inside a repository.
      const run = gitRunner({ env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
      const { history, note } = await readContentHistory(outside, run);
      expect(history.size).toBe(0);
      expect(note).toBe('no page history (the content folder is not in a Git repository): pages show their front-matter dates only');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reads none when git is not on PATH, and says why', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'content-history-no-git-'));
    try {
      const { history, note } = await readContentHistory(process.cwd(), gitRunner({ env: { ...process.env, PATH: empty } }));
      expect(history.size).toBe(0);
      expect(note).toBe('no page history (git is not installed or not on PATH): pages show their front-matter dates only');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reads none when git prints more than the limit, and says why', async () => {
    const { history, note } = await readContentHistory(process.cwd(), gitRunner({ maxBuffer: 16 }));
    expect(history.size).toBe(0);
    expect(note).toBe('no page history (git printed more history than the limit allows): pages show their front-matter dates only');
  });

  it('reads none when git is too slow, and says why', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'content-history-slow-git-'));
    try {
      writeFileSync(join(bin, 'git'), `#!/bin/sh\nexec ${execFileSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim()} 5\n`, { mode: 0o755 });
      const started = Date.now();
      const { history, note } = await readContentHistory(process.cwd(), gitRunner({ env: { ...process.env, PATH: bin }, timeout: 200 }));
      expect(history.size).toBe(0);
      expect(note).toBe('no page history (git took too long and was stopped): pages show their front-matter dates only');
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
