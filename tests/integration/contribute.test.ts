/**
 * `npm run contribute` as a contributor runs it: a real child process against a fake GitHub
 * backed by real Git repositories. Each scenario runs the script once (or a few times, for
 * re-runs) in `beforeAll`; the tests then check one behaviour each.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitTrailer } from '../../src/lib/contribute/plan';
import { runScript, startFakeGitHub, type FakeGitHub, type ScriptResult } from '../support/fake-github';

/** A small content folder of our own, so these tests never depend on the site's content. */
const contentDir = fileURLToPath(new URL('../fixtures/contribute/content/', import.meta.url));
const fixture = new URL('../fixtures/contribute/discharge-letters-to-gps-same-day.mdx', import.meta.url);
const slug = 'discharge-letters-to-gps-same-day';
const repoPath = `src/content/blueprints/${slug}.mdx`;
const branch = `blueprint/${slug}`;

let fake: FakeGitHub;
let work: string;
let repoCount = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.addUser('maintainer', 'maintainer-token');
  fake.addUser('ada', 'ada-token');
  work = mkdtempSync(join(tmpdir(), 'contribute-test-'));
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh upstream repository per scenario, so scenarios never see each other's branches. */
function upstream(): string {
  const name = `commons/site-${++repoCount}`;
  fake.createRepo(name, { collaborators: ['maintainer'], files: { 'README.md': '# Site\n', 'src/content/blueprints/existing.mdx': '---\ntitle: x\n---\n' } });
  return name;
}

/** The contributor's own copy of the draft, somewhere outside the project. */
function draft(edit?: (text: string) => string): string {
  const path = join(mkdtempSync(join(work, 'draft-')), `${slug}.mdx`);
  copyFileSync(fixture, path);
  if (edit) writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return path;
}

const contribute = (args: string[], token = 'ada-token') => runScript('contribute.ts', args, { GITHUB_TOKEN: token, GITHUB_API_URL: fake.url, CONTENT_DIR: contentDir });
const forkOf = (repo: string) => fake.repo(`ada/${repo.split('/')[1]}`).git;

describe('a contributor who cannot push', () => {
  let repo: string;
  let file: string;
  let before: { bytes: Buffer; mtime: number };
  let result: ScriptResult;

  beforeAll(async () => {
    repo = upstream();
    file = draft();
    before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
    result = await contribute([file, '--repo', repo]);
  });

  it('gets a pull request from their fork', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Opened pull request #1: https://github.com/');
    expect(fake.pulls(repo)[0].pull).toMatchObject({ headOwner: 'ada', headRef: branch, baseRef: 'main' });
  });

  it('has their file committed at its place in the repository, byte for byte', () => {
    const fork = forkOf(repo);
    expect(fork.fileAt(fork.ref(`heads/${branch}`)!, repoPath)?.equals(before.bytes)).toBe(true);
  });

  it('keeps every other file of the repository on the branch', () => {
    const fork = forkOf(repo);
    expect(fork.files(fork.ref(`heads/${branch}`)!).sort()).toEqual(['README.md', repoPath, 'src/content/blueprints/existing.mdx'].sort());
  });

  it('gets a pull request titled after the blueprint', () => {
    expect(fake.pulls(repo)[0].title).toBe('Blueprint: Sending discharge letters to GPs on the day patients leave');
  });

  it('gets a pull request body a reviewer can work from', () => {
    const { body } = fake.pulls(repo)[0];
    expect(body).toContain('How do we get discharge letters to GP practices on the day of discharge?');
    expect(body).toContain('| Organisation | Northmoor Teaching Hospitals NHS Foundation Trust (`northmoor-teaching-hospitals`) |');
    expect(body).toContain('| Cost | £50k to £250k: Integration work and a 1 WTE project manager for nine months. |');
    expect(body).toContain('Review checklist');
  });

  it('is told labels are left to maintainers, as only they may add them', () => {
    expect(result.stderr).toMatch(/could not add labels.*maintainers/i);
    expect(fake.pulls(repo)[0].labels).toEqual([]);
  });

  it('finds their file exactly as it was', () => {
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
  });
});

describe('running it again', () => {
  let repo: string;
  let edited: string;
  let movedMain: string;
  let second: ScriptResult;
  let third: ScriptResult;
  let thirdRequests: { method: string; route: string }[];

  beforeAll(async () => {
    repo = upstream();
    await contribute([draft(), '--repo', repo]);
    // Meanwhile a maintainer merges something, and the contributor improves their file.
    movedMain = fake.repo(repo).git.commitFiles('main', { 'NEWS.md': 'news\n' }, 'Someone merged something');
    edited = draft((t) => t.replace('rose from 40% to 92%', 'rose from 40% to 95%'));
    second = await contribute([edited, '--repo', repo]);
    const mark = fake.requests.length;
    third = await contribute([edited, '--repo', repo]);
    thirdRequests = fake.requests.slice(mark);
  });

  it('updates the same pull request instead of opening another', () => {
    expect(second.stdout).toContain('Updated pull request #1');
    expect(fake.pulls(repo)).toHaveLength(1);
  });

  it('updates the pull request’s description', () => {
    expect(fake.pulls(repo)[0].body).toContain('rose from 40% to 95%');
  });

  it('leaves one commit on the branch, on top of the latest main, holding the latest file', () => {
    const fork = forkOf(repo);
    const head = fork.readCommit(fork.ref(`heads/${branch}`)!);
    expect(head.parents).toEqual([movedMain]);
    expect(head.message).toContain(commitTrailer);
    expect(fork.fileAt(head.sha, repoPath)?.equals(readFileSync(edited))).toBe(true);
  });

  it('changes nothing when the file has not changed since', () => {
    expect(third.stdout).toContain('already holds these files');
    const writes = thirdRequests.filter((r) => r.method !== 'GET' && !/forks|merge-upstream|labels|blobs|trees/.test(r.route));
    expect(writes).toEqual([]);
  });
});

describe('a contributor who can push', () => {
  let repo: string;
  let result: ScriptResult;

  beforeAll(async () => {
    repo = upstream();
    result = await contribute([draft(), '--repo', repo], 'maintainer-token');
  });

  it('pushes the branch to the repository itself, without a fork', () => {
    expect(result.code).toBe(0);
    expect(fake.repo(repo).git.ref(`heads/${branch}`)).toBeDefined();
    expect(fake.repos.has(`maintainer/${repo.split('/')[1]}`)).toBe(false);
  });

  it('gets the pull request labelled with content, kind and domain', () => {
    expect(fake.pulls(repo)[0].labels).toEqual(['content', 'blueprint', 'domain:technical-build']);
  });
});

describe('a branch of the same name that the tool did not make', () => {
  it('is never overwritten', async () => {
    const repo = upstream();
    const git = fake.repo(repo).git;
    const main = git.ref('heads/main')!;
    const someoneElses = git.commitTree(git.readCommit(main).tree, [main], 'Work in progress by a maintainer');
    git.updateRef(`heads/${branch}`, someoneElses);
    const result = await contribute([draft(), '--repo', repo], 'maintainer-token');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was not made by this tool');
    expect(git.ref(`heads/${branch}`)).toBe(someoneElses);
  });
});

describe('--dry-run', () => {
  let result: ScriptResult;
  let requests: number;

  beforeAll(async () => {
    const mark = fake.requests.length;
    result = await runScript('contribute.ts', [draft(), '--repo', 'commons/anything', '--dry-run'], { GITHUB_API_URL: fake.url, CONTENT_DIR: contentDir });
    requests = fake.requests.length - mark;
  });

  it('sends no request, and needs no token', () => {
    expect(result.code).toBe(0);
    expect(requests).toBe(0);
  });

  it('prints the repository, branch, file paths, title, labels and body', () => {
    for (const text of ['commons/anything', branch, `→  ${repoPath}`, 'Blueprint: Sending discharge letters', 'content, blueprint, domain:technical-build', 'Review checklist']) {
      expect(result.stdout).toContain(text);
    }
  });
});

describe('stopping before anything is sent', () => {
  it('happens when the file has problems, which are printed', async () => {
    const mark = fake.requests.length;
    const result = await contribute([draft((t) => t.replace('band: 50k-250k', 'band: loads')), '--repo', 'commons/anything']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cost\.band\s+"loads" is not one of/);
    expect(result.stderr).toContain('Nothing was sent to GitHub');
    expect(fake.requests.length).toBe(mark);
  });

  it('happens when a file is named so it could not sit in the content folder, or is a link or a folder, saying why', async () => {
    const mark = fake.requests.length;
    const dir = mkdtempSync(join(work, 'names-'));
    const odd = join(dir, 'Discharge letters (final).mdx');
    copyFileSync(draft(), odd);
    const link = join(dir, 'linked.mdx');
    symlinkSync(draft(), link);
    for (const [file, says] of [[odd, /is not a file name the site can use: use lower-case letters, digits and single hyphens, e\.g\. discharge-letters-final\.mdx/], [link, /is a symbolic link/], [dir, /is not an ordinary file/]] as const) {
      const result = await contribute([file, '--repo', 'commons/anything']);
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toMatch(says);
      expect(result.stderr).toContain('Nothing was sent to GitHub');
    }
    expect(fake.requests.length).toBe(mark);
  });

  it('happens when there is no token, saying how to get one', async () => {
    const result = await runScript('contribute.ts', [draft(), '--repo', 'commons/anything'], { GITHUB_API_URL: fake.url, CONTENT_DIR: contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Set GITHUB_TOKEN');
  });
});

describe('a token GitHub does not accept', () => {
  let repo: string;
  let file: string;
  let before: Buffer;
  let result: ScriptResult;

  beforeAll(async () => {
    repo = upstream();
    file = draft();
    before = readFileSync(file);
    result = await contribute([file, '--repo', repo], 'expired-token');
  });

  it('stops with a plain-English message', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GitHub did not accept your token');
  });

  it('leaves no branch, fork or pull request behind', () => {
    expect(fake.repo(repo).git.refs()).toEqual(['heads/main']);
    expect(fake.pulls(repo)).toEqual([]);
    expect(fake.repos.has(`ada/${repo.split('/')[1]}`)).toBe(false);
  });

  it('leaves the contributor’s file unchanged', () => {
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('never prints the token', () => {
    expect(result.output).not.toContain('expired-token');
  });
});

describe('a repository that does not exist', () => {
  it('is reported by name', async () => {
    const result = await contribute([draft(), '--repo', 'commons/no-such-repository']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not find the repository commons/no-such-repository');
  });
});
