/**
 * What `npm run contribute` does when GitHub misbehaves: each fault is injected into the fake
 * GitHub for a number of requests, then the script runs as a real process. Transient faults are
 * survived; permanent ones are reported in plain English with nothing left half-done.
 * CONTRIBUTE_RETRY_BASE_MS=5 (set by runScript) turns GitHub's one-second waits into 5 ms.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runScript, secondaryRateLimitMessage, startFakeGitHub, type FakeGitHub } from '../support/fake-github';

/** A small content folder of our own, so these tests never depend on the site's content. */
const contentDir = fileURLToPath(new URL('../fixtures/contribute/content/', import.meta.url));
const fixture = new URL('../fixtures/contribute/discharge-letters-to-gps-same-day.mdx', import.meta.url);
const slug = 'discharge-letters-to-gps-same-day';
const branch = `blueprint/${slug}`;
const repoPath = `src/content/blueprints/${slug}.mdx`;

let fake: FakeGitHub;
let work: string;
let count = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.addUser('ada', 'ada-token');
  work = mkdtempSync(join(tmpdir(), 'contribute-faults-'));
});

afterEach(() => {
  fake.clearFaults();
  fake.forkNotReadyPolls = 0;
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh upstream, and the name of ada's fork of it. */
function repos() {
  const name = `site-${++count}`;
  fake.createRepo(`commons/${name}`);
  return { upstream: `commons/${name}`, fork: `ada/${name}` };
}

function draft(edit?: (text: string) => string): string {
  const path = join(mkdtempSync(join(work, 'draft-')), `${slug}.mdx`);
  copyFileSync(fixture, path);
  if (edit) writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return path;
}

const contribute = (file: string, repo: string, env: Record<string, string> = {}) =>
  runScript('contribute.ts', [file, '--repo', repo], { GITHUB_TOKEN: 'ada-token', GITHUB_API_URL: fake.url, CONTENT_DIR: contentDir, ...env });

const statuses = (route: string, from: number) => fake.requests.slice(from).filter((r) => r.route === route).map((r) => r.status);

describe('transient faults are survived', () => {
  it('a fork that 404s while GitHub is still making it', async () => {
    const { upstream, fork } = repos();
    fake.forkNotReadyPolls = 3;
    const mark = fake.requests.length;
    const result = await contribute(draft(), upstream);
    expect(result.code).toBe(0);
    expect(statuses('GET /repos/{owner}/{repo}', mark)).toEqual([200, 404, 404, 404, 200]);
    expect(fake.repo(fork).git.ref(`heads/${branch}`)).toBeDefined();
  });

  it('a secondary rate limit (403 with retry-after), after waiting as asked', async () => {
    const { upstream } = repos();
    fake.fail('POST /repos/{owner}/{repo}/git/blobs', { status: 403, message: secondaryRateLimitMessage, headers: { 'retry-after': '1' } });
    const mark = fake.requests.length;
    const result = await contribute(draft(), upstream);
    expect(result.code).toBe(0);
    expect(statuses('POST /repos/{owner}/{repo}/git/blobs', mark)).toEqual([403, 201]);
    expect(result.stderr).toContain('GitHub asked us to slow down');
  });

  it('too many requests (429 with retry-after) when opening the pull request', async () => {
    const { upstream } = repos();
    fake.fail('POST /repos/{owner}/{repo}/pulls', { status: 429, message: secondaryRateLimitMessage, headers: { 'retry-after': '1' } });
    const mark = fake.requests.length;
    const result = await contribute(draft(), upstream);
    expect(result.code).toBe(0);
    expect(statuses('POST /repos/{owner}/{repo}/pulls', mark)).toEqual([429, 201]);
    expect(fake.pulls(upstream)).toHaveLength(1);
  });

  it('server errors (500) that clear up after two tries', async () => {
    const { upstream } = repos();
    fake.fail('POST /repos/{owner}/{repo}/git/trees', { status: 500, times: 2 });
    const mark = fake.requests.length;
    const result = await contribute(draft(), upstream);
    expect(result.code).toBe(0);
    expect(statuses('POST /repos/{owner}/{repo}/git/trees', mark)).toEqual([500, 500, 201]);
  });

  it('a branch that moved while updating it (409), by building again on the new main', async () => {
    const { upstream, fork } = repos();
    await contribute(draft(), upstream);
    let moved = '';
    fake.fail('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      status: 409,
      message: 'Reference update failed',
      // As if a maintainer merged something and the fork caught up just then.
      effect: (f) => {
        moved = f.repo(upstream).git.commitFiles('main', { 'NEWS.md': 'news\n' }, 'Merged meanwhile');
        f.repo(fork).git.fetchFrom(f.repo(upstream).git, 'main');
        f.repo(fork).git.updateRef('heads/main', moved);
      },
    });
    const mark = fake.requests.length;
    const result = await contribute(draft((t) => t.replace('92%', '95%')), upstream);
    expect(result.code).toBe(0);
    expect(statuses('PATCH /repos/{owner}/{repo}/git/refs/{ref}', mark)).toEqual([409, 200]);
    const git = fake.repo(fork).git;
    expect(git.readCommit(git.ref(`heads/${branch}`)!).parents).toEqual([moved]);
    expect(git.fileAt(git.ref(`heads/${branch}`)!, repoPath)?.toString()).toContain('95%');
  });

  it('a branch created by a parallel run meanwhile (422 "Reference already exists")', async () => {
    const { upstream } = repos();
    fake.fail('POST /repos/{owner}/{repo}/git/refs', { status: 422, message: 'Reference already exists', effect: 'apply' });
    const result = await contribute(draft(), upstream);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('appeared meanwhile');
    expect(fake.pulls(upstream)).toHaveLength(1);
  });
});

describe('permanent faults are reported, with nothing left half-done', () => {
  it('server errors that do not clear up: the new branch is removed again', async () => {
    const { upstream, fork } = repos();
    fake.fail('POST /repos/{owner}/{repo}/pulls', { status: 500, times: 10 });
    const result = await contribute(draft(), upstream);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('While opening the pull request: GitHub had a problem on its side (500');
    expect(result.stderr).toContain('was removed again');
    expect(fake.repo(fork).git.ref(`heads/${branch}`)).toBeUndefined();
    expect(fake.pulls(upstream)).toEqual([]);
  });

  it('a rate limit that does not lift: stops after a few tries, before any branch exists', async () => {
    const { upstream, fork } = repos();
    fake.fail('POST /repos/{owner}/{repo}/git/commits', { status: 403, message: secondaryRateLimitMessage, headers: { 'retry-after': '1' }, times: 10 });
    const mark = fake.requests.length;
    const result = await contribute(draft(), upstream);
    const tries = statuses('POST /repos/{owner}/{repo}/git/commits', mark).length;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rate limit stopped us');
    expect(tries).toBe(4);
    expect(fake.repo(fork).git.ref(`heads/${branch}`)).toBeUndefined();
  });

  it('a fork that never becomes ready: says to run again later', async () => {
    const { upstream } = repos();
    fake.forkNotReadyPolls = 1000;
    const result = await contribute(draft(), upstream);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has not finished making your fork');
    expect(fake.pulls(upstream)).toEqual([]);
  });

  it('a run that would take too long: stops at the deadline, saying it is safe to run again', async () => {
    const { upstream } = repos();
    fake.forkNotReadyPolls = 1000;
    const result = await contribute(draft(), upstream, { CONTRIBUTE_RETRY_BASE_MS: '200', CONTRIBUTE_DEADLINE_MS: '1500' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('took longer than the 2 seconds allowed');
    expect(result.stderr).toContain('Run the same command again later');
  });

  it('a file already on main exactly as it is: nothing to propose, and nothing made', async () => {
    const { upstream, fork } = repos();
    const file = draft();
    fake.repo(upstream).git.commitFiles('main', { [repoPath]: readFileSync(file) }, 'Already merged');
    const result = await contribute(file, upstream);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('there is nothing to propose');
    expect(fake.repo(fork).git.ref(`heads/${branch}`)).toBeUndefined();
  });

  it('GitHub out of reach: says so, naming the address', async () => {
    const result = await runScript('contribute.ts', [draft(), '--repo', 'commons/site'], { GITHUB_TOKEN: 'ada-token', GITHUB_API_URL: 'http://127.0.0.1:9', CONTENT_DIR: contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not reach GitHub at http://127.0.0.1:9');
  });
});
