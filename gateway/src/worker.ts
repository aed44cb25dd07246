/**
 * Sends stored submissions to GitHub, one at a time (GitHub asks integrations not to make
 * concurrent writes: its secondary rate limits). Each submission goes to its own branch, so
 * sending it again after a crash or a failure finds the branch and the open pull request and
 * updates them: exactly one pull request per submission, whatever happened in between. Feedback
 * becomes an issue instead, carrying a hidden marker with the submission's id, which sending
 * again looks for first: exactly one issue per submission too.
 *
 * Transient failures (GitHub 5xx, rate limits, a dropped connection) are retried with growing
 * waits up to a bound; anything else, or running out of tries, marks the submission failed with
 * the reason, for a maintainer to see with `npm run gateway -- status` and re-queue with `retry`.
 */
import type { GitHubConnection } from './github-app';
import type { Mailer } from './mail';
import { sentMessage } from './mail';
import { becomesIssue, type Payload, type Store, type Submission } from './store';
import type { Checks } from './checks';
import type { Accepting } from './accepting';
import { ChangeError, changedSource, ContributionError, explainError, feedbackMarker, githubMessage, pageNamed, publish, ReviewError, reviewedSource, statusOf, StepError, type DraftValues, type GitHubApi } from './content';
import { issuePermissions } from './github-app';
import { followUp } from './follow-up';
import type { EmailLinks } from './email-links';

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WorkerOptions {
  store: Store;
  checks: Checks;
  github: GitHubConnection;
  /** Proposals being accepted, which each step of sending waits for (bounded). */
  accepting: Accepting;
  mailer: Mailer;
  log: Logger;
  upstream: { owner: string; repo: string };
  /** GitHub's API address, named in errors about reaching it. */
  apiUrl: string;
  /** The site's home page with its base path, for links in the follow-up emails. */
  siteUrl: string;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  /** How long after sending, or after the last look, a pull request is looked at again (./follow-up.ts); 0 never. */
  followEveryMs: number;
  /** The links in the emails about a submission that act without a sign-in (./email-links.ts). */
  emailLinks: EmailLinks;
}

/** Whether trying again later may succeed. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ContributionError) return false;
  const cause = error instanceof StepError ? error.cause : error;
  const status = statusOf(cause);
  if (status === undefined) return true;
  if (status >= 500 || status === 429) return true;
  return status === 403 && /rate limit/i.test(githubMessage(cause));
}

/**
 * A pull request's text, with a note for the reviewer when other proposals sent through the
 * gateway change the same file: merged one after another, the second would replace the first.
 */
export function withOtherPulls(body: string, path: string, others: readonly { number: number }[]): string {
  if (!others.length) return body;
  const list = others.map((o) => `#${o.number}`).join(', ');
  return `${body}\n\n**Another proposal changes the same file** (\`${path}\`): ${list}, also sent through the gateway. Review them together: whichever is merged second replaces the first.`;
}

/**
 * Opens the issue feedback becomes, or, when it was opened before (recorded, or found by its
 * marker among the gateway's issues changed since the submission arrived, give or take an hour of
 * clock difference: a crash can come between GitHub opening it and the store recording it),
 * updates that one.
 */
export async function sendIssue(api: GitHubApi, upstream: { owner: string; repo: string }, sub: Submission, payload: Payload): Promise<{ number: number; url: string; created: boolean }> {
  const mark = feedbackMarker(sub.id);
  const body = `${payload.body}\n${mark}\n`;
  const found = sub.pullNumber ?? (await api.paginate('GET /repos/{owner}/{repo}/issues', { ...upstream, labels: 'via-gateway', state: 'all', since: new Date(sub.createdAt - 3_600_000).toISOString(), per_page: 100 }))
    .find((issue: { body?: string | null }) => issue.body?.includes(mark))?.number as number | undefined;
  if (found) {
    const { data } = await api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...upstream, issue_number: found, title: payload.title, body });
    return { number: found, url: data.html_url, created: false };
  }
  // Not retried by the client: a 5xx may come after GitHub opened it; the worker's next try looks for the marker first.
  const { data } = await api.request('POST /repos/{owner}/{repo}/issues', { ...upstream, title: payload.title, body, labels: payload.labels, request: { retries: 0 } });
  return { number: data.number, url: data.html_url, created: true };
}

/**
 * The file a pull request writes: the checked text, or for an owner's review or a suggested change
 * the change made again to the file as it is on GitHub, so a change merged since it was checked stays.
 */
export function filesOf(payload: Payload): Parameters<typeof publish>[2]['files'][number] {
  const { review, change } = payload;
  if (change) {
    const kind = pageNamed(payload.path)?.kind;
    return {
      path: payload.path,
      edit: (current) => {
        try {
          if (!kind) throw new ContributionError(`The file ${payload.path} is not a blueprint, playbook or template, so no part of it can be changed here.`);
          return changedSource(current, kind, change.section, change.before, change.after);
        } catch (error) {
          if (error instanceof ChangeError) throw new ContributionError(`The ${kind} ${error.message}.`);
          throw error;
        }
      },
    };
  }
  if (!review) return { path: payload.path, content: Buffer.from(payload.text, 'utf8') };
  return {
    path: payload.path,
    edit: (current) => {
      try {
        return reviewedSource(current, review.verdict, review.today, review.funding ?? []);
      } catch (error) {
        if (error instanceof ReviewError) throw new ContributionError(`The blueprint ${error.message}.`);
        throw error;
      }
    },
  };
}

/** The wait before try `attempt + 1`: doubling from the base, at most 64 times it. */
export const backoff = (attempt: number, baseMs: number) => baseMs * 2 ** Math.min(attempt - 1, 6);

export class Worker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(private readonly o: WorkerOptions) {}

  start(): void {
    const resumed = this.o.store.requeueInterrupted();
    if (resumed) this.o.log.warn({ resumed }, 'submissions interrupted mid-send are queued again');
    this.stopped = false;
    this.kick();
  }

  /** Looks at the queue now (after a new submission), or when the current run ends. */
  kick(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.following;
  }

  /**
   * Looks at GitHub for what has become of the pull requests (and issues) sent, as if `now` were
   * the time, and emails contributors what is new. The worker does this itself once the queue is
   * empty; one look at a time, whoever asks.
   */
  followUp(now = Date.now()): Promise<{ looked: number; emailed: number }> {
    const { store, github, mailer, log, upstream, siteUrl, followEveryMs, accepting, emailLinks } = this.o;
    const look = this.following.then(() => followUp({ store, github, mailer, log, upstream, siteUrl, everyMs: followEveryMs, accepting, emailLinks }, now));
    this.following = look.catch(() => undefined);
    return look;
  }

  private following: Promise<unknown> = Promise.resolve();

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      for (let sub = this.o.store.claimNext(); sub && !this.stopped; sub = this.o.store.claimNext()) await this.send(sub);
      if (!this.stopped) await this.followUp();
    })();
    try {
      await this.running;
    } finally {
      this.running = undefined;
      if (!this.stopped) this.timer = setTimeout(() => void this.run(), this.o.pollMs);
    }
  }

  /** Sends one submission: the same file, branch and pull request every time. */
  private async send(sub: Submission): Promise<void> {
    const { store, checks, log, accepting } = this.o;
    try {
      await accepting.quiet();
      // What was checked when it arrived; made again only once retention has cleared it.
      const payload = sub.payload ?? await checks.proposal(sub.kind, sub.answers as DraftValues, { today: new Date(sub.createdAt).toISOString().slice(0, 10), notDuplicate: sub.notDuplicate, domain: sub.domain, creditName: sub.creditName });
      if ('errors' in payload) {
        store.markFailed(sub.id, `No longer passes the checks: ${payload.errors.map((e) => e.message).join('; ')}`);
        log.warn({ submission: sub.id }, 'submission failed the checks when sending');
        return;
      }
      await accepting.quiet();
      const issue = becomesIssue(sub.kind);
      // Feedback asks for an issue-writing token only: the pull requests' token cannot open issues.
      const client = await this.o.github.client((line) => log.info({ submission: sub.id }, line), issue ? issuePermissions : undefined);
      // Every request to GitHub, and the work on its answer, waits for the proposals being accepted.
      const api = accepting.waitingFor(client.api);
      // An edit to a proposal whose pull request has ended: the site team's decision stands, and no second one is
      // opened. The next look tells the contributor how it ended, and that their last change is not part of it.
      if (!issue && sub.pullNumber) {
        const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.o.upstream, pull_number: sub.pullNumber });
        if (data.state === 'closed') {
          store.markEnded(sub.id, `Not sent: pull request ${sub.pullNumber} was ${data.merged ? 'merged' : 'closed'} before this change arrived`);
          log.warn({ submission: sub.id, pull: sub.pullNumber }, 'a change arrived after its pull request ended; not sent');
          return;
        }
      }
      const opened = issue
        ? await sendIssue(api, this.o.upstream, sub, payload)
        : (await publish(api, client.runtime, {
          upstream: this.o.upstream,
          files: [filesOf(payload)],
          branch: sub.branch,
          title: payload.title,
          body: withOtherPulls(payload.body, payload.path, store.pullsChanging(payload.path, sub.id)),
          labels: payload.labels,
          commitMessage: payload.commitMessage,
          as: 'bot',
        })).pull;
      store.markSent(sub.id, sub.version, opened);
      log.info({ submission: sub.id, [issue ? 'issue' : 'pull']: opened.number, created: opened.created, attempt: sub.attempts }, 'submission sent');
      if (sub.email && (opened.created || sub.version > sub.sentVersion)) {
        const updated = sub.sentVersion > 0;
        await this.o.mailer
          .send(sentMessage(sub.email, { kind: sub.kind, url: opened.url, updated, title: payload.title }, {
            statusUrl: this.o.emailLinks.status(sub.id),
            stopUrl: this.o.emailLinks.stopEmails(sub.id),
            carryOnUrl: this.o.emailLinks.carryOn(sub),
          }, this.o.followEveryMs > 0))
          .catch((error: Error) => log.warn({ submission: sub.id, err: { name: error.name, code: (error as { code?: string }).code } }, 'could not email the link'));
      }
    } catch (error) {
      const reason = (error instanceof ContributionError ? error.message : explainError(error, { baseUrl: this.o.apiUrl, deadlineMs: 120_000, maxRetries: 3 })).slice(0, 1000);
      if (isTransient(error) && sub.attempts < this.o.maxAttempts) {
        const wait = backoff(sub.attempts, this.o.retryBaseMs);
        store.markRetry(sub.id, reason, Date.now() + wait);
        log.warn({ submission: sub.id, attempt: sub.attempts, retryInMs: wait, status: statusOf(error instanceof StepError ? error.cause : error) }, 'sending failed; will try again');
      } else {
        store.markFailed(sub.id, reason);
        log.error({ submission: sub.id, attempt: sub.attempts, reason }, 'sending failed');
      }
    }
  }
}
