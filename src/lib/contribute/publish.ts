/**
 * Sends a planned contribution to GitHub through an injected client, idempotently: the same
 * files go to the same branch, a re-run updates the open pull request instead of opening
 * another, and a run that fails after creating a branch removes it again.
 *
 * Retries for rate limits and server errors live in the client (scripts/lib/github.ts); this
 * module handles the answers that mean "the state moved, look again": a fork that is not ready,
 * a branch that moved (409), a branch or pull request that already exists (422).
 *
 * Endpoints: https://docs.github.com/en/rest/git (blobs → tree → commit → ref),
 * https://docs.github.com/en/rest/repos/forks, https://docs.github.com/en/rest/branches/branches#sync-a-fork-branch-with-the-upstream-repository,
 * https://docs.github.com/en/rest/pulls/pulls, https://docs.github.com/en/rest/issues/labels.
 */
import { commitTrailer } from './plan';
import { redact } from './redact';

/** The slice of an Octokit client this module uses; tests may pass anything with this shape. */
export interface GitHubApi {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(route: string, params?: Record<string, unknown>): Promise<{ status: number; data: any }>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  paginate(route: string, params?: Record<string, unknown>): Promise<any[]>;
}

export interface Runtime {
  wait(ms: number): Promise<void>;
  log(line: string): void;
  /** The unit of every wait, 1000 ms against GitHub; tests make it a few milliseconds. */
  retryBaseMs: number;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export const fullName = (r: RepoRef) => `${r.owner}/${r.repo}`;

/** A failure to report as it is: the message is already plain English and says what to do. */
export class ContributionError extends Error {
  override name = 'ContributionError';
}

/** A failure from GitHub during one step; the script explains `cause` in plain English. */
export class StepError extends Error {
  override name = 'StepError';
  constructor(
    readonly step: string,
    override readonly cause: unknown,
    /** What was done to leave nothing half-made, or what is left for the person to tidy. */
    readonly aftermath?: string,
  ) {
    super(`${step}: ${redact(cause instanceof Error ? cause.message : String(cause))}`);
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * GitHub's own message, including the detail it puts in `errors` for 422 responses, as a short
 * excerpt with credentials removed: a proxy's error page or an echoed request can land here.
 */
export function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: string; errors?: ({ message?: string } | string)[] } } })?.response?.data;
  const details = (data?.errors ?? []).map((e) => (typeof e === 'string' ? e : e.message)).filter(Boolean);
  return redact([data?.message, ...details].filter(Boolean).join(': ') || (error instanceof Error ? error.message : String(error)));
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ContributionError || error instanceof StepError) throw error;
    throw new StepError(name, error);
  }
}

export interface Repository {
  ref: RepoRef;
  defaultBranch: string;
  canPush: boolean;
}

export async function getRepository(api: GitHubApi, ref: RepoRef): Promise<Repository> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}', { ...ref });
    return { ref: { owner: data.owner.login, repo: data.name }, defaultBranch: data.default_branch, canPush: Boolean(data.permissions?.push) };
  } catch (error) {
    if (statusOf(error) === 404) {
      throw new ContributionError(`Could not find the repository ${fullName(ref)}, or your token cannot see it. Check the name, e.g. --repo owner/name.`);
    }
    throw new StepError(`reading the repository ${fullName(ref)}`, error);
  }
}

export async function branchHead(api: GitHubApi, repo: RepoRef, branch: string): Promise<string | undefined> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** How many times, and how long, to wait for a new fork: GitHub says it can take minutes. */
export const forkPolls = 12;

/**
 * Forks the repository for someone who cannot push to it, and waits until the fork answers.
 * Forking is asynchronous: GitHub replies 202 at once and the fork 404s until it is ready.
 * Asking again for an existing fork returns that fork, so this is safe to repeat.
 */
export async function ensureFork(api: GitHubApi, rt: Runtime, upstream: Repository, login: string): Promise<RepoRef> {
  const fork = await step(`forking ${fullName(upstream.ref)}`, async () => {
    const { data } = await api.request('POST /repos/{owner}/{repo}/forks', { ...upstream.ref });
    return { owner: data?.owner?.login ?? login, repo: data?.name ?? upstream.ref.repo } satisfies RepoRef;
  });
  let waited = 0;
  for (let poll = 0; poll < forkPolls; poll++) {
    try {
      await api.request('GET /repos/{owner}/{repo}', { ...fork });
      if (await branchHead(api, fork, upstream.defaultBranch)) return fork;
    } catch (error) {
      // 404: not there yet. 409: there, but its Git data is still being copied.
      if (statusOf(error) !== 404 && statusOf(error) !== 409) throw new StepError(`waiting for your fork ${fullName(fork)}`, error);
    }
    const delay = Math.min(rt.retryBaseMs * 2 ** poll, rt.retryBaseMs * 30);
    if (poll === 0) rt.log(`Waiting for GitHub to finish making your fork ${fullName(fork)}…`);
    await rt.wait(delay);
    waited += delay;
  }
  throw new ContributionError(
    `GitHub has not finished making your fork ${fullName(fork)} after ${Math.round(waited / 1000)} seconds. Run the same command again in a few minutes: nothing is lost.`,
  );
}

/** Brings the fork's default branch up to date, so the pull request shows only your change. */
export async function syncFork(api: GitHubApi, rt: Runtime, fork: RepoRef, branch: string): Promise<void> {
  try {
    await api.request('POST /repos/{owner}/{repo}/merge-upstream', { ...fork, branch });
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 422) {
      rt.log(`Note: could not bring ${fullName(fork)}'s ${branch} up to date (${githubMessage(error)}); the pull request may show extra changes.`);
      return;
    }
    throw new StepError(`bringing your fork ${fullName(fork)} up to date`, error);
  }
}

export type FileToCommit =
  | {
      /** Path in the repository. */
      path: string;
      /** The exact bytes of the contributor's file. */
      content: Uint8Array;
    }
  | {
      path: string;
      /**
       * A change to a file already on the base branch, made to the file as it is there each time
       * the commit is built, so a change merged meanwhile is kept rather than undone. Throws a
       * ContributionError when the change cannot be made.
       */
      edit: (current: string) => string;
    };

export interface CommitResult {
  sha: string;
  /** The branch did not exist before this run. */
  created: boolean;
  /** False when the branch already held exactly these files on the current base. */
  changed: boolean;
}

/** A file's text at a commit, or undefined when the commit has no such file. */
export async function fileAt(api: GitHubApi, repo: RepoRef, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** How often to start again when the branch or its base moved under us. */
export const refAttempts = 4;

/**
 * Commits the files on top of the base branch and points `branch` at the commit, creating the
 * branch or force-updating it. Each run builds a fresh commit on the current base, so the
 * branch always holds exactly one commit with the latest files. A branch this tool did not
 * make (no trailer in its head commit) is never overwritten.
 */
export async function commitFiles(
  api: GitHubApi,
  rt: Runtime,
  options: { repo: RepoRef; baseBranch: string; branch: string; files: readonly FileToCommit[]; message: string },
): Promise<CommitResult> {
  const { repo, baseBranch, branch, files, message } = options;
  const upload = async (content: Uint8Array) =>
    (await api.request('POST /repos/{owner}/{repo}/git/blobs', { ...repo, content: Buffer.from(content).toString('base64'), encoding: 'base64' })).data.sha as string;
  const blobs = await step('uploading your files', async () => {
    const shas: (string | undefined)[] = [];
    for (const file of files) shas.push('content' in file ? await upload(file.content) : undefined);
    return shas;
  });

  for (let attempt = 1; attempt <= refAttempts; attempt++) {
    const baseSha = await step(`reading ${baseBranch}`, () => branchHead(api, repo, baseBranch));
    if (!baseSha) throw new ContributionError(`${fullName(repo)} has no ${baseBranch} branch to build on.`);
    const edited = await step('changing the file as it is now', async () => {
      const shas = [...blobs];
      for (const [i, file] of files.entries()) {
        if ('content' in file) continue;
        const current = await fileAt(api, repo, file.path, baseSha);
        if (current === undefined) throw new ContributionError(`${file.path} is no longer on ${baseBranch}: it was moved or removed, so the change to it cannot be made.`);
        shas[i] = await upload(Buffer.from(file.edit(current), 'utf8'));
      }
      return shas;
    });
    const { tree, baseTree } = await step('building the commit', async () => {
      const { data: base } = await api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...repo, commit_sha: baseSha });
      const { data } = await api.request('POST /repos/{owner}/{repo}/git/trees', {
        ...repo,
        base_tree: base.tree.sha,
        tree: files.map((f, i) => ({ path: f.path, mode: '100644', type: 'blob', sha: edited[i] })),
      });
      return { tree: data.sha as string, baseTree: base.tree.sha as string };
    });
    if (tree === baseTree) {
      throw new ContributionError(`${baseBranch} already holds ${files.length === 1 ? 'this file exactly as it is' : 'these files exactly as they are'}: there is nothing to propose.`);
    }

    const existing = await step(`reading the branch ${branch}`, () => branchHead(api, repo, branch));
    if (existing) {
      const { data: head } = await step(`reading the branch ${branch}`, () => api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...repo, commit_sha: existing }));
      if (!String(head.message ?? '').includes(commitTrailer)) {
        throw new ContributionError(
          `The branch ${branch} already exists in ${fullName(repo)} and was not made by this tool, so it is left alone. Rename your file (the branch is named after it), or ask a maintainer to remove the branch.`,
        );
      }
      if (head.tree?.sha === tree && head.parents?.[0]?.sha === baseSha) return { sha: existing, created: false, changed: false };
    }

    const commit = await step('making the commit', async () => {
      const { data } = await api.request('POST /repos/{owner}/{repo}/git/commits', { ...repo, message, tree, parents: [baseSha] });
      return data.sha as string;
    });

    try {
      if (!existing) {
        await api.request('POST /repos/{owner}/{repo}/git/refs', { ...repo, ref: `refs/heads/${branch}`, sha: commit });
        return { sha: commit, created: true, changed: true };
      }
      await api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: `heads/${branch}`, sha: commit, force: true });
      return { sha: commit, created: false, changed: true };
    } catch (error) {
      const status = statusOf(error);
      const text = githubMessage(error);
      if (status === 422 && /already exists/i.test(text)) {
        rt.log(`The branch ${branch} appeared meanwhile; updating it instead.`);
        continue;
      }
      if (status === 409 || (status === 422 && /fast forward|does not exist/i.test(text))) {
        rt.log(`The branch ${branch} or ${baseBranch} moved while we worked (${status}); looking again (try ${attempt} of ${refAttempts}).`);
        continue;
      }
      throw new StepError(existing ? `updating the branch ${branch}` : `creating the branch ${branch}`, error);
    }
  }
  throw new ContributionError(`The branch ${branch} kept changing while we tried to update it (${refAttempts} tries). Wait a minute, then run the same command again.`);
}

export interface PullRequest {
  number: number;
  url: string;
  /** Opened by this run, rather than updated. */
  created: boolean;
}

export async function findOpenPull(api: GitHubApi, upstream: RepoRef, headOwner: string, branch: string): Promise<{ number: number; html_url: string; title: string; body: string | null } | undefined> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/pulls', { ...upstream, head: `${headOwner}:${branch}`, state: 'open', per_page: 10 });
  return data[0];
}

/** Opens the pull request, or updates the open one for this branch (title and body). */
export async function openOrUpdatePull(
  api: GitHubApi,
  rt: Runtime,
  options: { upstream: RepoRef; headOwner: string; branch: string; base: string; title: string; body: string },
): Promise<PullRequest> {
  const { upstream, headOwner, branch, base, title, body } = options;
  const update = async (existing: { number: number; html_url: string; title: string; body: string | null }): Promise<PullRequest> => {
    if (existing.title !== title || (existing.body ?? '') !== body) {
      await api.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...upstream, pull_number: existing.number, title, body });
    }
    return { number: existing.number, url: existing.html_url, created: false };
  };
  const existing = await findOpenPull(api, upstream, headOwner, branch);
  if (existing) return update(existing);
  try {
    const crossRepo = headOwner !== upstream.owner;
    const { data } = await api.request('POST /repos/{owner}/{repo}/pulls', {
      ...upstream,
      title,
      body,
      head: `${headOwner}:${branch}`,
      base,
      ...(crossRepo ? { maintainer_can_modify: true } : {}),
    });
    return { number: data.number, url: data.html_url, created: true };
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(githubMessage(error))) {
      const found = await findOpenPull(api, upstream, headOwner, branch);
      if (found) {
        rt.log('A pull request for this branch appeared meanwhile; updating it instead.');
        return update(found);
      }
    }
    throw error;
  }
}

/**
 * Labels help maintainers sort the queue. Only people with triage access may label, so a
 * contributor working from a fork gets a note instead of a failure; the labels are listed in
 * the description for a maintainer to add.
 */
export async function addLabels(api: GitHubApi, rt: Runtime, upstream: RepoRef, number: number, labels: readonly string[]): Promise<boolean> {
  if (labels.length === 0) return true;
  try {
    await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...upstream, issue_number: number, labels: [...labels] });
    return true;
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404 || status === 422) {
      rt.log(`Note: could not add labels (${githubMessage(error)}). Only maintainers can label pull requests; they will add them.`);
      return false;
    }
    throw new StepError('adding labels', error);
  }
}

export async function deleteBranch(api: GitHubApi, repo: RepoRef, branch: string): Promise<void> {
  await api.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: `heads/${branch}` });
}

export interface PublishInput {
  upstream: RepoRef;
  files: readonly FileToCommit[];
  branch: string;
  title: string;
  body: string;
  labels: readonly string[];
  commitMessage: string;
  /**
   * `contributor`: a person's token; forks when they cannot push. `bot`: an app token with
   * write access, which cannot call GET /user, pushing to the repository itself.
   */
  as: 'contributor' | 'bot';
}

export interface PublishResult {
  upstream: Repository;
  head: RepoRef;
  forked: boolean;
  branch: string;
  commit: CommitResult;
  pull: PullRequest;
  labelled: boolean;
}

/** Every step of sending a contribution, in order; safe to run again with the same input. */
export async function publish(api: GitHubApi, rt: Runtime, input: PublishInput): Promise<PublishResult> {
  // 1. Who is sending, and where to.
  const login =
    input.as === 'contributor'
      ? await step('checking who you are', async () => (await api.request('GET /user')).data.login as string)
      : undefined;
  const upstream = await getRepository(api, input.upstream);

  // 2. Push to the repository itself when allowed, otherwise to the person's fork.
  let head = upstream.ref;
  let forked = false;
  if (!upstream.canPush) {
    if (!login) throw new ContributionError(`The bot cannot push to ${fullName(upstream.ref)}: check the GitHub App is installed on it with "Contents: write".`);
    head = await ensureFork(api, rt, upstream, login);
    forked = true;
    await syncFork(api, rt, head, upstream.defaultBranch);
  }

  // 3. One commit with the files, on a branch named after them.
  const commit = await commitFiles(api, rt, { repo: head, baseBranch: upstream.defaultBranch, branch: input.branch, files: input.files, message: input.commitMessage });

  // 4. Open the pull request, or update the open one. A branch made by this run is removed
  //    again if no pull request can be opened, so nothing is left half-done.
  let pull: PullRequest;
  try {
    pull = await openOrUpdatePull(api, rt, { upstream: upstream.ref, headOwner: head.owner, branch: input.branch, base: upstream.defaultBranch, title: input.title, body: input.body });
  } catch (error) {
    let aftermath: string | undefined;
    if (commit.created) {
      try {
        await deleteBranch(api, head, input.branch);
        aftermath = `The branch ${input.branch} made by this run was removed again, so nothing is left half-done.`;
      } catch {
        aftermath = `The branch ${input.branch} in ${fullName(head)} was made but could not be removed: delete it on GitHub, or just run the same command again.`;
      }
    } else {
      aftermath = `The branch ${input.branch} in ${fullName(head)} holds your files; run the same command again to open the pull request.`;
    }
    throw new StepError('opening the pull request', error instanceof StepError ? error.cause : error, aftermath);
  }

  // 5. Labels, where allowed.
  const labelled = await addLabels(api, rt, upstream.ref, pull.number, input.labels);
  return { upstream, head, forked, branch: input.branch, commit, pull, labelled };
}

/** Open pull requests whose branch in `upstream` starts with `prefix` (the issue bot's branches). */
export async function findPullsByBranchPrefix(api: GitHubApi, upstream: RepoRef, prefix: string): Promise<{ number: number; html_url: string; head: { ref: string } }[]> {
  const pulls = await api.paginate('GET /repos/{owner}/{repo}/pulls', { ...upstream, state: 'open', per_page: 100 });
  return pulls.filter(
    (p) => typeof p.head?.ref === 'string' && p.head.ref.startsWith(prefix) && p.head?.repo?.full_name?.toLowerCase() === fullName(upstream).toLowerCase(),
  );
}
