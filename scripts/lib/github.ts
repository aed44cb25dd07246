/**
 * The one GitHub client every script uses, built in one place so every call gets the same care:
 * - retries for server errors (5xx) and dropped connections, with growing waits (plugin-retry);
 * - waits for the time GitHub asks (`retry-after`) on rate limits, 403 or 429 (plugin-throttling);
 * - a pause between writes, as GitHub asks of integrations (plugin-throttling);
 * - a bounded number of retries and a deadline for the whole run, so nothing hangs.
 *
 * Best practices: https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 * Rate limits: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 *
 * Settings come from the environment:
 * - GITHUB_TOKEN            the token (a personal token, or the workflow's app token)
 * - GITHUB_API_URL          default https://api.github.com (set by GitHub Actions; tests point it at the fake)
 * - CONTRIBUTE_RETRY_BASE_MS the unit of every wait, default 1000; tests use a few milliseconds
 * - CONTRIBUTE_DEADLINE_MS  give up after this long in total, default 5 minutes
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Octokit } from 'octokit';
import { githubMessage, statusOf, StepError, type GitHubApi, type RepoRef, type Runtime } from '../../src/lib/contribute/publish';
import { redact } from '../../src/lib/contribute/redact';

export interface ClientSettings {
  token?: string;
  baseUrl: string;
  retryBaseMs: number;
  deadlineMs: number;
  /** Retries after the first try, for both server errors and rate limits. */
  maxRetries: number;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && value !== undefined && value !== '' ? n : fallback;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ClientSettings {
  return {
    token: env.GITHUB_TOKEN || env.GH_TOKEN || undefined,
    baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    retryBaseMs: positive(env.CONTRIBUTE_RETRY_BASE_MS, 1000),
    deadlineMs: positive(env.CONTRIBUTE_DEADLINE_MS, 5 * 60 * 1000),
    maxRetries: 3,
  };
}

/** plugin-throttling's Bottleneck, resolved through the plugin so we use the copy it uses. */
function bottleneck(): { Group: new (options: Record<string, unknown>) => unknown } {
  const require = createRequire(import.meta.resolve('@octokit/plugin-throttling'));
  return require('bottleneck/light.js');
}

export interface Client {
  octokit: Octokit;
  api: GitHubApi;
  runtime: Runtime;
  settings: ClientSettings;
}

/** Loads Octokit only when something is sent, so a dry run or a validation failure starts fast. */
export async function createClient(settings: ClientSettings, print: (line: string) => void = (line) => console.error(line)): Promise<Client> {
  const { Octokit } = await import('octokit');
  // Every line goes through redact: Octokit's own messages and request URLs are not ours to trust.
  const log = (line: string) => print(redact(line, { secrets: [settings.token], limit: Infinity }));
  const started = Date.now();
  const remaining = () => settings.deadlineMs - (Date.now() - started);
  const { Group } = bottleneck();
  const base = settings.retryBaseMs;

  // Rate limits: wait as long as GitHub says, a bounded number of times, within the deadline.
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const wait = retryAfter * base;
    if (retryCount >= settings.maxRetries || wait > remaining()) return false;
    log(`GitHub asked us to slow down (${kind}); waiting ${retryAfter} second${retryAfter === 1 ? '' : 's'} before trying ${options.method} ${options.url} again.`);
    return true;
  };

  const octokit = new Octokit({
    auth: settings.token,
    baseUrl: settings.baseUrl,
    userAgent: 'blueprint-commons-contribute',
    // A deadline for the whole run: every request and every wait stops when it passes.
    request: { signal: AbortSignal.timeout(settings.deadlineMs) },
    retry: {
      retries: settings.maxRetries,
      retryAfterBaseValue: base,
      // 403 and 429 are the throttling plugin's (it honours retry-after); 409 and 422 mean the
      // state moved, which the caller handles by looking again.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
      // GitHub asks integrations to leave about a second between writes; the unit is configurable for tests.
      write: new Group({ id: 'blueprint-commons-write', maxConcurrent: 1, minTime: base }),
      notifications: new Group({ id: 'blueprint-commons-notifications', maxConcurrent: 1, minTime: 3 * base }),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: (message: string) => print(redact(message, { secrets: [settings.token] })) },
  });

  const api: GitHubApi = {
    request: (route, params) => octokit.request(route, params) as Promise<{ status: number; data: any }>, // eslint-disable-line @typescript-eslint/no-explicit-any
    paginate: (route, params) => octokit.paginate(route, params) as Promise<any[]>, // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const runtime: Runtime = {
    retryBaseMs: base,
    log,
    wait: (ms) =>
      new Promise((resolve, reject) => {
        if (ms > remaining()) reject(new DeadlineError(settings.deadlineMs));
        else setTimeout(resolve, ms);
      }),
  };
  return { octokit, api, runtime, settings };
}

export class DeadlineError extends Error {
  override name = 'DeadlineError';
  constructor(readonly deadlineMs: number) {
    super(`gave up after ${Math.round(deadlineMs / 1000)} seconds`);
  }
}

/**
 * The deadline passed: our own wait refused, or fetch aborted (Octokit wraps that abort in an
 * error with status 500, so the cause chain is checked, not only the error itself).
 */
function isTimeout(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DeadlineError) return true;
    const name = (e as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError') return true;
  }
  return false;
}

/**
 * A GitHub failure in plain English: what happened, and what to do. GitHub's part of it is a short
 * excerpt, and the token, any password in GITHUB_API_URL and anything else credential-like are
 * removed from the whole message (src/lib/contribute/redact.ts).
 */
export function explainError(error: unknown, settings: Pick<ClientSettings, 'baseUrl' | 'deadlineMs' | 'maxRetries' | 'token'>): string {
  const cause = error instanceof StepError ? error.cause : error;
  const where = error instanceof StepError ? `While ${error.step}: ` : '';
  const after = error instanceof StepError && error.aftermath ? `\n${error.aftermath}` : '';
  const status = statusOf(cause);
  const message = githubMessage(cause);
  let text: string;
  if (isTimeout(cause)) {
    text = `This took longer than the ${Math.round(settings.deadlineMs / 1000)} seconds allowed (GitHub was slow to answer), so we stopped. Run the same command again later: it carries on from where it got to.`;
  } else if (status === 401) {
    text = 'GitHub did not accept your token (401 Bad credentials). Check GITHUB_TOKEN holds a current token: a fine-grained token with "Contents" and "Pull requests" read and write, or a classic token with the public_repo scope.';
  } else if ((status === 403 || status === 429) && /rate limit/i.test(message)) {
    text = `GitHub's rate limit stopped us (${message}); we waited and tried again up to ${settings.maxRetries} times where GitHub allowed. Wait a few minutes, then run the same command again: it carries on from where it got to.`;
  } else if (status === 403) {
    text = `GitHub refused (403: ${message}). Your token may not be allowed to do this: check its permissions.`;
  } else if (status === 404) {
    text = `GitHub could not find what we asked for (404: ${message}). Check the repository name, and that your token can see it.`;
  } else if (status === 422) {
    text = `GitHub turned the request down (422: ${message}).`;
  } else if (status !== undefined && status >= 500) {
    const network = (cause as { response?: unknown }).response === undefined;
    text = network
      ? `Could not reach GitHub at ${settings.baseUrl} (${message}) after ${settings.maxRetries} retries. Check your internet connection, or GITHUB_API_URL.`
      : `GitHub had a problem on its side (${status}: ${message}) and still failed after ${settings.maxRetries} retries. Try again later: running the same command again is safe.`;
  } else {
    text = `Something went wrong talking to GitHub: ${message}`;
  }
  return redact(`${where}${text}${after}`, { secrets: [settings.token], limit: Infinity });
}

/**
 * The repository to contribute to: --repo, then GITHUB_REPOSITORY (set in GitHub Actions),
 * then package.json's `repository`, then the project's home.
 */
export function defaultRepository(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_REPOSITORY) return env.GITHUB_REPOSITORY;
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
    const field = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const match = field?.match(/(?:github(?:\.com)?[:/])?([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/);
    if (match) return `${match[1]}/${match[2]}`;
  } catch {
    // No readable package.json: fall through to the default.
  }
  return 'blueprint-commons/blueprint-commons';
}

export function parseRepository(value: string): RepoRef | undefined {
  const match = value.trim().match(/^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/);
  return match ? { owner: match[1], repo: match[2] } : undefined;
}
