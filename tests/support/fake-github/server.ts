/**
 * A fake GitHub REST API for tests: a real HTTP server on 127.0.0.1 (random port), stateful,
 * backed by real bare Git repositories, implementing exactly the endpoints our scripts call.
 *
 * Tests run scripts as child processes with GITHUB_API_URL pointing here, then inspect the
 * state through this in-process handle: branches and files in Git, pull requests, issues,
 * comments, labels, and every request received. Faults can be injected per endpoint, a number
 * of times, to check each failure is survived or reported. See README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newInstallationToken, toPublicKey, verifyAppJwt, JwtError, type FakeApp, type FakeInstallation, type IssuedToken } from './apps';
import { GitRepo } from './git';

export interface FakeUser {
  login: string;
  id: number;
  token: string;
  /** Bots (GitHub App tokens) cannot call GET /user, as on GitHub. */
  type: 'User' | 'Bot';
  /** For an installation token: when it stops working (ms since the epoch). */
  expiresAt?: number;
  /** For an installation token: the repositories ("owner/name", lower case) and permissions it carries. */
  scope?: { repos: Set<string>; permissions: Record<string, string> };
}

export interface FakeComment {
  id: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface FakeReview {
  id: number;
  user: string;
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  submitted_at: string;
}

export interface FakePull {
  headOwner: string;
  headRepo: string;
  headRef: string;
  baseRef: string;
  maintainerCanModify: boolean;
  merged: boolean;
  /** Reviews, oldest first; a pull request made before reviews were kept has none. */
  reviews?: FakeReview[];
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  user: string;
  labels: string[];
  comments: FakeComment[];
  /** Set for a pull request: GitHub numbers issues and pull requests together. */
  pull?: FakePull;
  created_at: string;
  updated_at: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  git: GitRepo;
  defaultBranch: string;
  collaborators: Set<string>;
  /** "owner/name" of the parent, for a fork. */
  forkOf?: string;
  /** GET /repos/{owner}/{repo} answers 404 this many more times (a fork still being made). */
  notReadyPolls: number;
  issues: FakeIssue[];
  labels: Set<string>;
  nextNumber: number;
}

export interface Fault {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** How many requests fail; default 1. */
  times?: number;
  /** Only requests for this repository ("owner/name"). */
  repo?: string;
  /**
   * 'apply': carry out the request, then answer with the fault anyway (the write happened,
   * the answer says it did not: a race with a parallel run). A function runs before answering,
   * e.g. to move `main` on as if someone merged meanwhile.
   */
  effect?: 'apply' | ((fake: FakeGitHub) => void);
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The route template, e.g. "POST /repos/{owner}/{repo}/git/refs". */
  route: string;
  status: number;
  user?: string;
}

/** GitHub's message for a secondary rate limit, which Octokit's throttling plugin recognises. */
export const secondaryRateLimitMessage = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

interface Context {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  user: FakeUser;
  path: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

type Handler = (ctx: Context) => Reply;

const now = () => new Date().toISOString();
const maxBody = 65_536;

export class FakeGitHub {
  url = '';
  readonly requests: RecordedRequest[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly repos = new Map<string, FakeRepo>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly holds = new Map<string, { apply: boolean; arrived: () => void; released: Promise<void>; release: () => void }>();
  readonly apps = new Map<number, FakeApp>();
  readonly installations = new Map<number, FakeInstallation>();
  /** Every installation token handed out, with what it may do. */
  readonly issuedTokens: IssuedToken[] = [];
  /** How long an installation token works; GitHub's is an hour. */
  tokenLifetimeMs = 60 * 60 * 1000;
  private readonly routes: { method: string; pattern: RegExp; route: string; handler: Handler }[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'fake-github-'));
  private server?: Server;
  private nextId = 1000;

  constructor() {
    this.defineRoutes();
  }

  // ----- Control API for tests ---------------------------------------------------------------

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
    await closed;
    rmSync(this.dir, { recursive: true, force: true });
  }

  addUser(login: string, token: string, type: FakeUser['type'] = 'User'): FakeUser {
    const user = { login, token, id: this.nextId++, type };
    this.users.set(token, user);
    return user;
  }

  /** A repository whose default branch holds `files`. */
  createRepo(fullName: string, options: { files?: Record<string, string>; collaborators?: string[]; defaultBranch?: string } = {}): FakeRepo {
    const [owner, name] = fullName.split('/');
    const git = GitRepo.init(join(this.dir, `${owner}__${name}.git`), options.defaultBranch ?? 'main');
    const repo: FakeRepo = {
      owner, name, git, defaultBranch: options.defaultBranch ?? 'main', collaborators: new Set([owner, ...(options.collaborators ?? [])]),
      notReadyPolls: 0, issues: [], labels: new Set(), nextNumber: 1,
    };
    git.commitFiles(repo.defaultBranch, options.files ?? { 'README.md': `# ${name}\n` }, 'Initial commit');
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  repo(fullName: string): FakeRepo {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`fake GitHub has no repository ${fullName}`);
    return repo;
  }

  /**
   * Makes the next `times` requests to `route` (e.g. "POST /repos/{owner}/{repo}/git/blobs")
   * fail with this status.
   */
  fail(route: string, fault: Fault): void {
    if (!this.routes.some((r) => r.route === route)) throw new Error(`fake GitHub has no route ${route}`);
    const list = this.faults.get(route) ?? [];
    list.push({ times: 1, ...fault });
    this.faults.set(route, list);
  }

  /** Removes every fault not yet used up. */
  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * A GitHub App whose JWTs are checked against `publicKey` (a PEM, or a key object), installed
   * on `repos` with `permissions`. Its installation tokens act as the bot user "<slug>[bot]",
   * which can write to those repositories as far as each token's permissions allow.
   */
  addApp(options: { id: number; slug: string; publicKey: string | import('node:crypto').KeyObject; installationId: number; repos: string[]; permissions: FakeInstallation['permissions'] }): FakeInstallation {
    const app: FakeApp = { id: options.id, slug: options.slug, publicKey: toPublicKey(options.publicKey) };
    this.apps.set(app.id, app);
    const installation: FakeInstallation = { id: options.installationId, app, repos: options.repos.map((r) => r.toLowerCase()), permissions: options.permissions };
    this.installations.set(installation.id, installation);
    for (const full of installation.repos) this.repo(full).collaborators.add(`${app.slug}[bot]`);
    return installation;
  }

  /**
   * Holds the next request to `route` until `release()`: to stop a client mid-step (e.g. kill
   * it while its pull request is being opened). With `apply`, the request is carried out first
   * and only the answer is held. `arrived` settles when the request comes in.
   */
  hold(route: string, options: { apply?: boolean } = {}): { arrived: Promise<void>; release: () => void } {
    if (!this.routes.some((r) => r.route === route)) throw new Error(`fake GitHub has no route ${route}`);
    let arrived!: () => void;
    let release!: () => void;
    const arrivedPromise = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(route, { apply: options.apply ?? false, arrived, released, release });
    return { arrived: arrivedPromise, release };
  }

  /** A fork made from now on answers 404 to this many GET /repos polls before it is ready. */
  forkNotReadyPolls = 0;

  /**
   * Logins whose `author_association` shows as CONTRIBUTOR although they can write to the
   * repository, as GitHub shows an organisation member whose membership is private.
   */
  readonly privateMembers = new Set<string>();

  /** An issue opened directly (as if through the web form). */
  openIssue(fullName: string, issue: { title: string; body: string; user: string; labels?: string[] }): FakeIssue {
    const repo = this.repo(fullName);
    const created: FakeIssue = { number: repo.nextNumber++, title: issue.title, body: issue.body, state: 'open', user: issue.user, labels: issue.labels ?? [], comments: [], created_at: now(), updated_at: now() };
    repo.issues.push(created);
    return created;
  }

  pulls(fullName: string): FakeIssue[] {
    return this.repo(fullName).issues.filter((i) => i.pull);
  }

  issues(fullName: string): FakeIssue[] {
    return this.repo(fullName).issues.filter((i) => !i.pull);
  }

  /** Requests received for one route template, or all of them. */
  requestsTo(route?: string): RecordedRequest[] {
    return route ? this.requests.filter((r) => r.route === route) : this.requests;
  }

  // ----- HTTP plumbing -------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const record: RecordedRequest = { method, path: url.pathname, route: `${method} (unknown)`, status: 404 };
    this.requests.push(record);
    let reply: Reply;
    try {
      const raw = await readBody(req);
      const match = this.match(method, url.pathname);
      if (!match) throw new HttpError(404, 'Not Found');
      record.route = match.route.route;
      const user = match.route.route.startsWith('POST /app/') ? this.authenticateApp(req) : this.authenticate(req);
      record.user = user.login;
      let body: Record<string, unknown> = {};
      if (raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new HttpError(400, 'Problems parsing JSON');
        }
      }
      const ctx: Context = { method, params: match.params, query: url.searchParams, body, user, path: url.pathname };
      const held = this.holds.get(match.route.route);
      let applied: Reply | undefined;
      if (held) {
        this.holds.delete(match.route.route);
        if (held.apply) applied = match.route.handler(ctx);
        held.arrived();
        await held.released;
        // The client went away while held (it was killed): nothing more happens.
        if (req.destroyed || res.destroyed || res.socket?.destroyed) return;
      }
      const fault = applied ? undefined : this.takeFault(match.route.route, match.params);
      if (applied) {
        reply = applied;
      } else if (fault) {
        if (fault.effect === 'apply') {
          try {
            match.route.handler(ctx);
          } catch {
            // The fault's answer wins either way.
          }
        } else if (typeof fault.effect === 'function') fault.effect(this);
        reply = { status: fault.status, body: { message: fault.message ?? defaultMessage(fault.status), documentation_url: 'https://docs.github.com/rest' }, headers: fault.headers };
      } else {
        reply = match.route.handler(ctx);
      }
    } catch (error) {
      if (error instanceof HttpError) {
        reply = { status: error.status, body: { message: error.message, ...(error.errors ? { errors: error.errors } : {}), documentation_url: 'https://docs.github.com/rest' } };
      } else {
        reply = { status: 500, body: { message: `fake GitHub crashed: ${(error as Error).message}` } };
      }
    }
    record.status = reply.status;
    const headers: Record<string, string> = { 'x-github-api-version-selected': '2022-11-28', ...reply.headers };
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
    } else {
      res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
    }
  }

  private match(method: string, path: string) {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = path.match(route.pattern);
      if (m) {
        const params = Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
        return { route, params };
      }
    }
    return undefined;
  }

  private authenticate(req: IncomingMessage): FakeUser {
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^(token|bearer)\s+/i, '');
    if (!header) throw new HttpError(401, 'Requires authentication');
    const user = this.users.get(token);
    if (!user || (user.expiresAt !== undefined && user.expiresAt <= Date.now())) throw new HttpError(401, 'Bad credentials');
    return user;
  }

  /** App routes take the app's JWT, not a token; the "user" is the app itself. */
  private authenticateApp(req: IncomingMessage): FakeUser & { app: FakeApp } {
    const header = req.headers.authorization ?? '';
    if (!/^bearer\s+/i.test(header)) throw new HttpError(401, 'A JSON web token could not be decoded');
    try {
      const app = verifyAppJwt(header.replace(/^bearer\s+/i, ''), this.apps);
      return { login: app.slug, id: app.id, token: '', type: 'Bot', app };
    } catch (error) {
      if (error instanceof JwtError) throw new HttpError(401, error.message);
      throw error;
    }
  }

  private takeFault(route: string, params: Record<string, string>): Fault | undefined {
    const list = this.faults.get(route);
    const fault = list?.find((f) => (f.times ?? 1) > 0 && (!f.repo || f.repo.toLowerCase() === `${params.owner}/${params.repo}`.toLowerCase()));
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    return fault;
  }

  private on(method: string, template: string, handler: Handler): void {
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'ref' ? `(?<${name}>.+)` : `(?<${name}>[^/]+)`))}$`,
    );
    this.routes.push({ method, pattern, route: `${method} ${template}`, handler });
  }

  // ----- Helpers shared by the routes ----------------------------------------------------------

  /** The repository, as the user may see it: a fork still being made is not there yet. */
  private repoFor(ctx: Context, { poll = false } = {}): FakeRepo {
    const repo = this.repos.get(`${ctx.params.owner}/${ctx.params.repo}`.toLowerCase());
    if (!repo) throw new HttpError(404, 'Not Found');
    if (repo.notReadyPolls > 0) {
      if (poll) repo.notReadyPolls--;
      throw new HttpError(404, 'Not Found');
    }
    return repo;
  }

  private canPush(repo: FakeRepo, user: FakeUser): boolean {
    if (user.scope && (!user.scope.repos.has(`${repo.owner}/${repo.name}`.toLowerCase()) || user.scope.permissions.contents !== 'write')) return false;
    return repo.collaborators.has(user.login);
  }

  /** An installation token writes issues only with `issues: write` on the repository. */
  private writesIssues(repo: FakeRepo, user: FakeUser): boolean {
    return Boolean(user.scope?.repos.has(`${repo.owner}/${repo.name}`.toLowerCase()) && user.scope.permissions.issues === 'write');
  }

  private requireIssues(repo: FakeRepo, user: FakeUser): void {
    if (user.scope && !this.writesIssues(repo, user)) throw new HttpError(403, 'Resource not accessible by integration');
  }

  private requirePush(repo: FakeRepo, user: FakeUser): void {
    // GitHub answers 404 to writes on a public repository you cannot write to, for Git data.
    if (!this.canPush(repo, user)) throw new HttpError(404, 'Not Found');
  }

  private repoJson(repo: FakeRepo, user: FakeUser) {
    const full = `${repo.owner}/${repo.name}`;
    const push = this.canPush(repo, user);
    return {
      id: 1, name: repo.name, full_name: full, private: false, fork: Boolean(repo.forkOf),
      owner: { login: repo.owner, type: 'User' },
      ...(repo.forkOf ? { parent: { full_name: this.repo(repo.forkOf).owner + '/' + this.repo(repo.forkOf).name } } : {}),
      default_branch: repo.defaultBranch,
      html_url: `https://github.com/${full}`,
      permissions: { admin: repo.owner === user.login, maintain: push, push, triage: push, pull: true },
    };
  }

  private issueJson(repo: FakeRepo, issue: FakeIssue) {
    const full = `${repo.owner}/${repo.name}`;
    return {
      number: issue.number, title: issue.title, body: issue.body, state: issue.state,
      user: { login: issue.user }, labels: issue.labels.map((name) => ({ name })), comments: issue.comments.length,
      html_url: `https://github.com/${full}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
      created_at: issue.created_at, updated_at: issue.updated_at,
      ...(issue.pull ? { pull_request: { html_url: `https://github.com/${full}/pull/${issue.number}` } } : {}),
    };
  }

  private pullJson(repo: FakeRepo, issue: FakeIssue) {
    const pull = issue.pull!;
    const head = this.repos.get(`${pull.headOwner}/${pull.headRepo}`.toLowerCase());
    return {
      ...this.issueJson(repo, issue),
      head: {
        ref: pull.headRef, label: `${pull.headOwner}:${pull.headRef}`, sha: head?.git.ref(`heads/${pull.headRef}`) ?? null,
        user: { login: pull.headOwner }, repo: head ? { full_name: `${head.owner}/${head.name}`, owner: { login: head.owner } } : null,
      },
      base: { ref: pull.baseRef, repo: { full_name: `${repo.owner}/${repo.name}` } },
      merged: pull.merged, maintainer_can_modify: pull.maintainerCanModify,
    };
  }

  private issueOf(repo: FakeRepo, number: string): FakeIssue {
    const issue = repo.issues.find((i) => i.number === Number(number));
    if (!issue) throw new HttpError(404, 'Not Found');
    return issue;
  }

  private page<T>(ctx: Context, items: T[]): Reply {
    const perPage = Math.min(Math.max(Number(ctx.query.get('per_page')) || 30, 1), 100);
    const page = Math.max(Number(ctx.query.get('page')) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const headers: Record<string, string> = {};
    if (page < last) {
      const next = new URLSearchParams(ctx.query);
      next.set('page', String(page + 1));
      next.set('per_page', String(perPage));
      headers.link = `<${this.url}${ctx.path}?${next}>; rel="next"`;
    }
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
  }

  private text(value: unknown, field: string, { required = false, max = maxBody } = {}): string | undefined {
    if (value === undefined || value === null) {
      if (required) throw new HttpError(422, 'Validation Failed', [{ field, code: 'missing_field' }]);
      return undefined;
    }
    if (typeof value !== 'string') throw new HttpError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not a string.`);
    if (value.length > max) throw new HttpError(422, 'Validation Failed', [{ field, code: 'custom', message: `${field} is too long (maximum is ${max} characters)` }]);
    return value;
  }

  // ----- The routes ----------------------------------------------------------------------------

  private defineRoutes(): void {
    this.on('POST', '/app/installations/{installation_id}/access_tokens', (ctx) => {
      const app = (ctx.user as FakeUser & { app: FakeApp }).app;
      const installation = this.installations.get(Number(ctx.params.installation_id));
      if (!installation || installation.app !== app) throw new HttpError(404, 'Not Found');
      const names = Array.isArray(ctx.body.repositories) ? (ctx.body.repositories as unknown[]).map(String) : undefined;
      const repos = names
        ? names.map((n) => installation.repos.find((r) => r.split('/')[1] === n.toLowerCase()) ?? '')
        : installation.repos;
      if (repos.some((r) => !r)) throw new HttpError(422, 'There is at least one repository that does not exist or is not accessible to the parent installation.');
      const asked = (ctx.body.permissions ?? installation.permissions) as Record<string, string>;
      for (const [name, level] of Object.entries(asked)) {
        const granted = installation.permissions[name];
        if (!granted || (level === 'write' && granted !== 'write')) throw new HttpError(422, `The permissions requested are not granted to this installation.`);
      }
      const token = newInstallationToken();
      const expiresAt = Date.now() + this.tokenLifetimeMs;
      const user = this.addUser(`${app.slug}[bot]`, token, 'Bot');
      user.expiresAt = expiresAt;
      user.scope = { repos: new Set(repos), permissions: asked };
      this.issuedTokens.push({ token, installation: installation.id, repos, permissions: asked, expiresAt });
      return {
        status: 201,
        body: {
          token, expires_at: new Date(expiresAt).toISOString(), permissions: asked, repository_selection: names ? 'selected' : 'all',
          repositories: repos.map((full, i) => ({ id: i + 1, name: full.split('/')[1], full_name: full })),
        },
      };
    });

    this.on('GET', '/user', (ctx) => {
      if (ctx.user.type === 'Bot') throw new HttpError(403, 'Resource not accessible by integration');
      return { status: 200, body: { login: ctx.user.login, id: ctx.user.id, type: 'User' } };
    });

    this.on('GET', '/repos/{owner}/{repo}', (ctx) => ({ status: 200, body: this.repoJson(this.repoFor(ctx, { poll: true }), ctx.user) }));

    this.on('POST', '/repos/{owner}/{repo}/forks', (ctx) => {
      const upstream = this.repoFor(ctx);
      const full = `${ctx.user.login}/${upstream.name}`;
      let fork = this.repos.get(full.toLowerCase());
      if (!fork) {
        const git = GitRepo.cloneBare(upstream.git, join(this.dir, `${ctx.user.login}__${upstream.name}.git`));
        fork = {
          owner: ctx.user.login, name: upstream.name, git, defaultBranch: upstream.defaultBranch, collaborators: new Set([ctx.user.login]),
          forkOf: `${upstream.owner}/${upstream.name}`, notReadyPolls: this.forkNotReadyPolls, issues: [], labels: new Set(), nextNumber: 1,
        };
        this.repos.set(full.toLowerCase(), fork);
      }
      // 202: GitHub makes the fork in the background; it may 404 for a while.
      return { status: 202, body: { ...this.repoJson(fork, ctx.user) } };
    });

    this.on('POST', '/repos/{owner}/{repo}/merge-upstream', (ctx) => {
      const fork = this.repoFor(ctx);
      this.requirePush(fork, ctx.user);
      if (!fork.forkOf) throw new HttpError(422, 'This repository is not a fork');
      const branch = this.text(ctx.body.branch, 'branch', { required: true })!;
      const upstream = this.repo(fork.forkOf);
      const theirs = fork.git.fetchFrom(upstream.git, branch);
      const ours = fork.git.ref(`heads/${branch}`);
      if (ours === theirs) return { status: 200, body: { message: 'This branch is not behind the upstream', merge_type: 'none', base_branch: `${upstream.owner}:${branch}` } };
      if (ours && !fork.git.isAncestor(ours, theirs)) throw new HttpError(409, 'There are merge conflicts');
      fork.git.updateRef(`heads/${branch}`, theirs);
      return { status: 200, body: { message: `Successfully fetched and fast-forwarded from upstream ${upstream.owner}:${branch}.`, merge_type: 'fast-forward', base_branch: `${upstream.owner}:${branch}` } };
    });

    this.on('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (ctx) => {
      const repo = this.repoFor(ctx);
      const sha = repo.git.ref(ctx.params.ref);
      if (!sha) throw new HttpError(404, 'Not Found');
      return { status: 200, body: { ref: `refs/${ctx.params.ref}`, object: { sha, type: 'commit' } } };
    });

    this.on('POST', '/repos/{owner}/{repo}/git/refs', (ctx) => {
      const repo = this.repoFor(ctx);
      this.requirePush(repo, ctx.user);
      const ref = this.text(ctx.body.ref, 'ref', { required: true })!;
      const sha = this.text(ctx.body.sha, 'sha', { required: true })!;
      if (!/^refs\/heads\/[^\s~^:?*[\\]+$/.test(ref) || ref.includes('..')) throw new HttpError(422, `${ref} is not a valid ref name.`);
      if (!repo.git.exists(sha, 'commit')) throw new HttpError(422, 'Object does not exist');
      const short = ref.replace(/^refs\//, '');
      if (repo.git.ref(short)) throw new HttpError(422, 'Reference already exists');
      repo.git.updateRef(short, sha);
      return { status: 201, body: { ref, object: { sha, type: 'commit' } } };
    });

    this.on('PATCH', '/repos/{owner}/{repo}/git/refs/{ref}', (ctx) => {
      const repo = this.repoFor(ctx);
      this.requirePush(repo, ctx.user);
      const sha = this.text(ctx.body.sha, 'sha', { required: true })!;
      const current = repo.git.ref(ctx.params.ref);
      if (!current) throw new HttpError(422, 'Reference does not exist');
      if (!repo.git.exists(sha, 'commit')) throw new HttpError(422, 'Object does not exist');
      if (ctx.body.force !== true && !repo.git.isAncestor(current, sha)) throw new HttpError(422, 'Update is not a fast forward');
      repo.git.updateRef(ctx.params.ref, sha);
      return { status: 200, body: { ref: `refs/${ctx.params.ref}`, object: { sha, type: 'commit' } } };
    });

    this.on('DELETE', '/repos/{owner}/{repo}/git/refs/{ref}', (ctx) => {
      const repo = this.repoFor(ctx);
      this.requirePush(repo, ctx.user);
      if (!repo.git.ref(ctx.params.ref)) throw new HttpError(422, 'Reference does not exist');
      repo.git.deleteRef(ctx.params.ref);
      return { status: 204 };
    });

    this.on('POST', '/repos/{owner}/{repo}/git/blobs', (ctx) => {
      const repo = this.repoFor(ctx);
      this.requirePush(repo, ctx.user);
      const content = this.text(ctx.body.content, 'content', { required: true, max: 100 * 1024 * 1024 })!;
      const encoding = ctx.body.encoding ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'base64') throw new HttpError(422, `encoding must be utf-8 or base64`);
      const sha = repo.git.writeBlob(Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'));
      return { status: 201, body: { sha, url: `${this.url}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}` } };
    });

    this.on('POST', '/repos/{owner}/{repo}/git/trees', (ctx) => {
      const repo = this.repoFor(ctx);
      this.requirePush(repo, ctx.user);
      const base = ctx.body.base_tree as string | undefined;
      if (base && !repo.git.exists(base, 'tree')) throw new HttpError(422, 'base_tree is not a valid tree oid');
      if (!Array.isArray(ctx.body.tree)) throw new HttpError(422, 'Invalid tree info', [{ field: 'tree', code: 'missing_field' }]);
      const changes = new Map<string, { mode: string; sha: string } | null>();
      for (const entry of ctx.body.tree as { path?: string; mode?: string; type?: string; sha?: string | null; content?: string }[]) {
        if (!entry.path || entry.path.startsWith('/') || entry.path.split('/').some((p) => p === '' || p === '.' || p === '..')) throw new HttpError(422, 'Invalid tree info: bad path');
        if (entry.mode !== '100644' && entry.mode !== '100755') throw new HttpError(422, 'Invalid tree info: mode');
        if (entry.sha === null) changes.set(entry.path, null);
        else if (typeof entry.content === 'string') changes.set(entry.path, { mode: entry.mode, sha: repo.git.writeBlob(Buffer.from(entry.content)) });
        else if (entry.sha && repo.git.exists(entry.sha, 'blob')) changes.set(entry.path, { mode: entry.mode, sha: entry.sha });
        else throw new HttpError(422, 'GitRPC::BadObjectState');
      }
      const sha = repo.git.writeTree(base, changes);
      return { status: 201, body: { sha, tree: repo.git.lsTree(sha).map((e) => ({ path: e.name, mode: e.mode, type: e.type, sha: e.sha })) } };
    });

    // Octokit sends the path as one segment, its slashes as %2F; GitHub takes either.
    this.on('GET', '/repos/{owner}/{repo}/contents/{path}', (ctx) => {
      const repo = this.repoFor(ctx);
      const ref = ctx.query.get('ref') ?? repo.defaultBranch;
      const commit = repo.git.exists(ref, 'commit') ? ref : repo.git.ref(`heads/${ref}`);
      const content = commit ? repo.git.fileAt(commit, ctx.params.path) : undefined;
      if (!content) throw new HttpError(404, 'Not Found');
      const name = ctx.params.path.split('/').pop()!;
      return { status: 200, body: { type: 'file', encoding: 'base64', size: content.length, name, path: ctx.params.path, content: content.toString('base64').replace(/.{60}/g, '$&\n') } };
    });

    this.on('GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}', (ctx) => {
      const repo = this.repoFor(ctx);
      if (!repo.git.exists(ctx.params.commit_sha, 'commit')) throw new HttpError(404, 'Not Found');
      const c = repo.git.readCommit(ctx.params.commit_sha);
      return { status: 200, body: { sha: c.sha, message: c.message, tree: { sha: c.tree }, parents: c.parents.map((sha) => ({ sha })) } };
    });

    this.on('POST', '/repos/{owner}/{repo}/git/commits', (ctx) => {
      const repo = this.repoFor(ctx);
      this.requirePush(repo, ctx.user);
      const message = this.text(ctx.body.message, 'message', { required: true })!;
      const tree = this.text(ctx.body.tree, 'tree', { required: true })!;
      const parents = (ctx.body.parents ?? []) as string[];
      if (!repo.git.exists(tree, 'tree')) throw new HttpError(422, 'Tree SHA does not exist');
      if (!parents.every((p) => repo.git.exists(p, 'commit'))) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
      const sha = repo.git.commitTree(tree, parents, message, { name: ctx.user.login, email: `${ctx.user.id}+${ctx.user.login}@users.noreply.github.com` });
      return { status: 201, body: { sha, message, tree: { sha: tree }, parents: parents.map((p) => ({ sha: p })), html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}` } };
    });

    this.on('GET', '/repos/{owner}/{repo}/pulls', (ctx) => {
      const repo = this.repoFor(ctx);
      const state = ctx.query.get('state') ?? 'open';
      const head = ctx.query.get('head');
      const base = ctx.query.get('base');
      const pulls = repo.issues
        .filter((i) => i.pull && (state === 'all' || i.state === state))
        .filter((i) => !head || `${i.pull!.headOwner}:${i.pull!.headRef}`.toLowerCase() === (head.includes(':') ? head : `${repo.owner}:${head}`).toLowerCase())
        .filter((i) => !base || i.pull!.baseRef === base)
        .sort((a, b) => b.number - a.number);
      const reply = this.page(ctx, pulls);
      return { ...reply, body: (reply.body as FakeIssue[]).map((i) => this.pullJson(repo, i)) };
    });

    this.on('POST', '/repos/{owner}/{repo}/pulls', (ctx) => {
      const repo = this.repoFor(ctx);
      const title = this.text(ctx.body.title, 'title', { required: true, max: 256 })!;
      const body = this.text(ctx.body.body, 'body') ?? '';
      const headText = this.text(ctx.body.head, 'head', { required: true })!;
      const baseRef = this.text(ctx.body.base, 'base', { required: true })!;
      const [headOwner, headRef] = headText.includes(':') ? headText.split(/:(.*)/s) : [repo.owner, headText];
      const headRepo = headOwner.toLowerCase() === repo.owner.toLowerCase()
        ? repo
        : [...this.repos.values()].find((r) => r.owner.toLowerCase() === headOwner.toLowerCase() && r.forkOf?.toLowerCase() === `${repo.owner}/${repo.name}`.toLowerCase());
      const headSha = headRepo?.git.ref(`heads/${headRef}`);
      if (!headRepo || !headSha) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
      const baseSha = repo.git.ref(`heads/${baseRef}`);
      if (!baseSha) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      const label = `${headRepo.owner}:${headRef}`;
      if (repo.issues.some((i) => i.pull && i.state === 'open' && `${i.pull.headOwner}:${i.pull.headRef}` === label && i.pull.baseRef === baseRef)) {
        throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${label}.` }]);
      }
      const fetched = headRepo === repo ? headSha : repo.git.fetchFrom(headRepo.git, headRef);
      if (repo.git.isAncestor(fetched, baseSha)) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${baseRef} and ${label}` }]);
      const issue: FakeIssue = {
        number: repo.nextNumber++, title, body, state: 'open', user: ctx.user.login, labels: [], comments: [], created_at: now(), updated_at: now(),
        pull: { headOwner: headRepo.owner, headRepo: headRepo.name, headRef, baseRef, maintainerCanModify: ctx.body.maintainer_can_modify === true, merged: false },
      };
      repo.issues.push(issue);
      repo.git.updateRef(`pull/${issue.number}/head`, fetched);
      return { status: 201, body: this.pullJson(repo, issue) };
    });

    this.on('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.pull_number);
      if (!issue.pull) throw new HttpError(404, 'Not Found');
      return { status: 200, body: this.pullJson(repo, issue) };
    });

    this.on('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', (ctx) => {
      const repo = this.repoFor(ctx);
      const login = ctx.params.username;
      if (![...this.users.values()].some((u) => u.login === login)) throw new HttpError(404, 'Not Found');
      const permission = login.toLowerCase() === repo.owner.toLowerCase() ? 'admin' : repo.collaborators.has(login) || this.privateMembers.has(login) ? 'write' : 'read';
      return { status: 200, body: { permission, role_name: permission, user: this.userJson(login) } };
    });

    this.on('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.pull_number);
      if (!issue.pull) throw new HttpError(404, 'Not Found');
      const reply = this.page(ctx, issue.pull.reviews ?? []);
      return { ...reply, body: (reply.body as FakeReview[]).map((r) => this.reviewJson(repo, issue, r)) };
    });

    this.on('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.pull_number);
      if (!issue.pull) throw new HttpError(404, 'Not Found');
      const states = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' } as const;
      const state = states[ctx.body.event as keyof typeof states];
      if (!state) throw new HttpError(422, 'Unprocessable Entity: event must be APPROVE, REQUEST_CHANGES or COMMENT');
      const body = this.text(ctx.body.body, 'body') ?? '';
      if (state !== 'APPROVED' && !body) throw new HttpError(422, 'Unprocessable Entity: a review that requests changes or comments needs a body');
      if (issue.user === ctx.user.login && state !== 'COMMENTED') throw new HttpError(422, 'Unprocessable Entity: you cannot approve or request changes on your own pull request');
      const review: FakeReview = { id: this.nextId++, user: ctx.user.login, body, state, submitted_at: now() };
      (issue.pull.reviews ??= []).push(review);
      return { status: 200, body: this.reviewJson(repo, issue, review) };
    });

    this.on('PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.pull_number);
      if (!issue.pull) throw new HttpError(404, 'Not Found');
      if (!this.canPush(repo, ctx.user)) throw new HttpError(403, 'Must have push access to merge this pull request');
      if (issue.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
      const headRepo = this.repos.get(`${issue.pull.headOwner}/${issue.pull.headRepo}`.toLowerCase());
      const head = headRepo === repo ? repo.git.ref(`heads/${issue.pull.headRef}`)! : repo.git.fetchFrom(headRepo!.git, issue.pull.headRef);
      const base = repo.git.ref(`heads/${issue.pull.baseRef}`)!;
      // Only a pull request based on its base's newest commit merges here: its tree is the result.
      if (!repo.git.isAncestor(base, head)) throw new HttpError(405, 'Pull Request is not mergeable');
      const message = `Merge pull request #${issue.number}`;
      const sha = repo.git.commitTree(repo.git.readCommit(head).tree, [base, head], message, { name: ctx.user.login, email: `${ctx.user.id}+${ctx.user.login}@users.noreply.github.com` });
      repo.git.updateRef(`heads/${issue.pull.baseRef}`, sha);
      issue.pull.merged = true;
      issue.state = 'closed';
      issue.updated_at = now();
      return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
    });

    this.on('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.pull_number);
      if (!issue.pull) throw new HttpError(404, 'Not Found');
      if (issue.user !== ctx.user.login && !this.canPush(repo, ctx.user)) throw new HttpError(403, 'You do not have permission to update this pull request');
      issue.title = this.text(ctx.body.title, 'title', { max: 256 }) ?? issue.title;
      issue.body = this.text(ctx.body.body, 'body') ?? issue.body;
      if (ctx.body.state === 'open' || ctx.body.state === 'closed') issue.state = ctx.body.state;
      issue.updated_at = now();
      return { status: 200, body: this.pullJson(repo, issue) };
    });

    this.on('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.issue_number);
      if (!this.canPush(repo, ctx.user)) throw new HttpError(403, 'Must have triage or push access to add labels');
      const labels = (Array.isArray(ctx.body) ? ctx.body : ctx.body.labels) as unknown;
      if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) throw new HttpError(422, 'Invalid request: labels must be a list of names');
      for (const label of labels) {
        repo.labels.add(label);
        if (!issue.labels.includes(label)) issue.labels.push(label);
      }
      return { status: 200, body: issue.labels.map((name) => ({ name })) };
    });

    this.on('GET', '/repos/{owner}/{repo}/issues', (ctx) => {
      const repo = this.repoFor(ctx);
      const state = ctx.query.get('state') ?? 'open';
      const labels = (ctx.query.get('labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean);
      const creator = ctx.query.get('creator');
      const since = ctx.query.get('since');
      const issues = repo.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .filter((i) => !creator || i.user === creator)
        .filter((i) => !since || i.updated_at >= new Date(since).toISOString())
        .sort((a, b) => b.number - a.number);
      const reply = this.page(ctx, issues);
      return { ...reply, body: (reply.body as FakeIssue[]).map((i) => this.issueJson(repo, i)) };
    });

    this.on('POST', '/repos/{owner}/{repo}/issues', (ctx) => {
      const repo = this.repoFor(ctx);
      const title = this.text(ctx.body.title, 'title', { required: true, max: 256 })!;
      const body = this.text(ctx.body.body, 'body') ?? '';
      this.requireIssues(repo, ctx.user);
      // As on GitHub, labels from someone without push access are silently dropped (an App's token may label with `issues: write`).
      const labels = (this.canPush(repo, ctx.user) || this.writesIssues(repo, ctx.user)) && Array.isArray(ctx.body.labels) ? (ctx.body.labels as string[]) : [];
      labels.forEach((l) => repo.labels.add(l));
      const issue: FakeIssue = { number: repo.nextNumber++, title, body, state: 'open', user: ctx.user.login, labels, comments: [], created_at: now(), updated_at: now() };
      repo.issues.push(issue);
      return { status: 201, body: this.issueJson(repo, issue) };
    });

    this.on('GET', '/repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
      const repo = this.repoFor(ctx);
      return { status: 200, body: this.issueJson(repo, this.issueOf(repo, ctx.params.issue_number)) };
    });

    this.on('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.issue_number);
      if (!issue.pull) this.requireIssues(repo, ctx.user);
      const push = this.canPush(repo, ctx.user);
      if (issue.user !== ctx.user.login && !push) throw new HttpError(403, 'You do not have permission to update this issue');
      issue.title = this.text(ctx.body.title, 'title', { max: 256 }) ?? issue.title;
      issue.body = this.text(ctx.body.body, 'body') ?? issue.body;
      if (ctx.body.state === 'open' || ctx.body.state === 'closed') issue.state = ctx.body.state;
      if (push && Array.isArray(ctx.body.labels)) issue.labels = ctx.body.labels as string[];
      issue.updated_at = now();
      return { status: 200, body: this.issueJson(repo, issue) };
    });

    this.on('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.issue_number);
      const reply = this.page(ctx, issue.comments);
      return { ...reply, body: (reply.body as FakeComment[]).map((c) => this.commentJson(repo, issue, c)) };
    });

    this.on('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
      const repo = this.repoFor(ctx);
      const issue = this.issueOf(repo, ctx.params.issue_number);
      const body = this.text(ctx.body.body, 'body', { required: true })!;
      const comment: FakeComment = { id: this.nextId++, body, user: ctx.user.login, created_at: now(), updated_at: now() };
      issue.comments.push(comment);
      return { status: 201, body: this.commentJson(repo, issue, comment) };
    });

    this.on('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
      const repo = this.repoFor(ctx);
      for (const issue of repo.issues) {
        const comment = issue.comments.find((c) => c.id === Number(ctx.params.comment_id));
        if (!comment) continue;
        if (comment.user !== ctx.user.login) throw new HttpError(403, 'You can only edit your own comments');
        comment.body = this.text(ctx.body.body, 'body', { required: true })!;
        comment.updated_at = now();
        return { status: 200, body: this.commentJson(repo, issue, comment) };
      }
      throw new HttpError(404, 'Not Found');
    });

    this.on('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
      const repo = this.repoFor(ctx);
      for (const issue of repo.issues) {
        const at = issue.comments.findIndex((c) => c.id === Number(ctx.params.comment_id));
        if (at < 0) continue;
        if (issue.comments[at].user !== ctx.user.login) throw new HttpError(403, 'You can only delete your own comments');
        issue.comments.splice(at, 1);
        return { status: 204 };
      }
      throw new HttpError(404, 'Not Found');
    });
  }

  /** A user as GitHub shows them beside what they wrote: bots (App tokens) are "Bot". */
  private userJson(login: string) {
    const known = [...this.users.values()].find((u) => u.login === login);
    return { login, type: known?.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') };
  }

  /** How the author is related to the repository, as GitHub's `author_association` says. */
  private association(repo: FakeRepo, login: string): 'OWNER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE' {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
    if (this.privateMembers.has(login)) return 'CONTRIBUTOR';
    return repo.collaborators.has(login) ? 'COLLABORATOR' : 'NONE';
  }

  private reviewJson(repo: FakeRepo, issue: FakeIssue, r: FakeReview) {
    return {
      id: r.id, body: r.body, state: r.state, user: this.userJson(r.user), author_association: this.association(repo, r.user), submitted_at: r.submitted_at,
      html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${issue.number}#pullrequestreview-${r.id}`,
    };
  }

  private commentJson(repo: FakeRepo, issue: FakeIssue, c: FakeComment) {
    return {
      id: c.id, body: c.body, user: this.userJson(c.user), author_association: this.association(repo, c.user), created_at: c.created_at, updated_at: c.updated_at,
      html_url: `https://github.com/${repo.owner}/${repo.name}/issues/${issue.number}#issuecomment-${c.id}`,
    };
  }
}

function defaultMessage(status: number): string {
  return ({ 401: 'Bad credentials', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Validation Failed', 429: 'Too Many Requests', 500: 'Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' } as Record<number, string>)[status] ?? 'Error';
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 150 * 1024 * 1024) throw new HttpError(413, 'Request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Starts a fake GitHub on a random port of 127.0.0.1. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  return new FakeGitHub().start();
}
