/**
 * Following up: a contributor without a GitHub account cannot watch their pull request, so the
 * gateway looks at it for them. Every so often (`GATEWAY_FOLLOW_MINUTES`) it reads each open pull
 * request (or feedback issue) it sent whose contributor it can still email, keeps the site team's
 * new replies, and emails the contributor what is new: a reply, a request for changes, or the end
 * (merged, or closed without being merged). The status page shows the same, from the database.
 *
 * Only replies from people who can write to the repository are passed on: anyone can comment on a
 * public pull request, and an email from the gateway must not carry a stranger's words to NHS staff.
 * GitHub's `author_association` says owner, member or collaborator for most of them; an
 * organisation member whose membership is private shows as a contributor, so for anyone else the
 * gateway asks GitHub what they may do on the repository. The gateway's own updates (a bot) are
 * left out too.
 * It only reads: a token with `pull_requests: read` (or `issues: read` for feedback) is enough.
 */
import type { GitHubApi } from './content';
import type { Accepting } from './accepting';
import type { Logger } from './worker';
import type { Mailer } from './mail';
import { followUpMessage, pageOf } from './mail';
import { becomesIssue, kindNames, type GitHubState, type Reply, type Store, type Submission } from './store';
import type { GitHubConnection } from './github-app';
import type { EmailLinks } from './email-links';

/** The longest reply kept and emailed; the rest is on GitHub. */
export const replyLimit = 4000;
/** At most this many submissions are looked at in one pass; the rest wait for the next. */
export const followBatch = 20;
/** At most this many of a thread's newest replies are kept in one look. */
export const repliesKept = 50;
/** At most this many people's permissions are asked for in one look; anyone further is not passed on. */
export const permissionChecks = 10;

/** Who speaks for the site team on GitHub's word alone: its `author_association` for people with write access. */
const siteTeam = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
/** The permissions on the repository that make someone the site team when their association does not say so. */
const writers = new Set(['admin', 'maintain', 'write']);

interface Author {
  user?: { login?: string; type?: string } | null;
  author_association?: string;
}

const byPerson = (item: Author) => Boolean(item.user?.login) && item.user?.type !== 'Bot';

/** Whether each author speaks for the site team: their association, or else their permission on the repository. */
async function siteTeamOf(api: GitHubApi, upstream: { owner: string; repo: string }, items: readonly Author[]): Promise<Set<string>> {
  const team = new Set(items.filter((i) => siteTeam.has(i.author_association ?? '')).map((i) => i.user!.login!));
  const others = [...new Set(items.map((i) => i.user!.login!))].filter((login) => !team.has(login)).slice(0, permissionChecks);
  for (const username of others) {
    try {
      const { data } = await api.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...upstream, username });
      if (writers.has((data as { permission?: string }).permission ?? '')) team.add(username);
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  return team;
}

const cut = (text: string) => (text.length > replyLimit ? `${text.slice(0, replyLimit).trimEnd()}\n\n[Cut here: the rest is on GitHub.]` : text);

/**
 * What became of a submission's pull request (or issue) on GitHub, the site team's replies on it,
 * and the id of every comment and review still there, whoever wrote it: a reply passed on before
 * and missing from them has been deleted on GitHub.
 */
export async function readThread(api: GitHubApi, upstream: { owner: string; repo: string }, sub: Pick<Submission, 'kind' | 'pullNumber'>): Promise<{ state: GitHubState; replies: Reply[]; present: Set<string> }> {
  const number = sub.pullNumber!;
  const issue = becomesIssue(sub.kind);
  const { data } = issue
    ? await api.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...upstream, issue_number: number })
    : await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...upstream, pull_number: number });
  const state: GitHubState = (data as { merged?: boolean }).merged ? 'merged' : data.state === 'closed' ? 'closed' : 'open';
  type Comment = Author & { id: number; body?: string | null; created_at: string; html_url: string };
  type Review = Author & { id: number; body?: string | null; state: string; submitted_at?: string | null; html_url: string };
  const comments = (await api.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...upstream, issue_number: number, per_page: 100 })) as Comment[];
  const reviews = issue ? [] : ((await api.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...upstream, pull_number: number, per_page: 100 })) as Review[]);
  const verdicts: Record<string, Reply['verdict']> = { CHANGES_REQUESTED: 'changes-requested', APPROVED: 'approved' };
  const said = comments.filter((c) => byPerson(c) && c.body?.trim());
  const reviewed = reviews.filter((r) => byPerson(r) && r.submitted_at && (r.body?.trim() || verdicts[r.state]));
  const team = await siteTeamOf(api, upstream, [...said, ...reviewed]);
  const replies: Reply[] = [
    ...said.filter((c) => team.has(c.user!.login!))
      .map((c) => ({ id: `comment-${c.id}`, author: c.user!.login!, body: cut(c.body!.trim()), at: c.created_at, url: c.html_url, verdict: null })),
    ...reviewed.filter((r) => team.has(r.user!.login!))
      .map((r) => ({ id: `review-${r.id}`, author: r.user!.login!, body: cut(r.body?.trim() ?? ''), at: r.submitted_at!, url: r.html_url, verdict: verdicts[r.state] ?? null })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const present = new Set([...comments.map((c) => `comment-${c.id}`), ...reviews.map((r) => `review-${r.id}`)]);
  return { state, replies: replies.slice(-repliesKept), present };
}

export interface FollowUpOptions {
  store: Store;
  github: GitHubConnection;
  mailer: Mailer;
  log: Logger;
  upstream: { owner: string; repo: string };
  /** The site's home page with its base path, without a trailing slash. */
  siteUrl: string;
  /** How long after sending, or after the last look, a submission is looked at again; 0 never. */
  everyMs: number;
  /** Proposals being accepted, which each request waits for, as the worker's do. */
  accepting: Accepting;
  /** The links in each email that act without a sign-in (./email-links.ts). */
  emailLinks: EmailLinks;
}

/** What the contributor called it: a blueprint's own title, or the pull request's (or issue's) for the other kinds. */
const titleOf = (sub: Submission) => (sub.kind === 'blueprint' && typeof sub.answers.title === 'string' ? sub.answers.title : sub.payload?.title ?? '');

/**
 * One look at the submissions due (at most `followBatch`): for each, what is new on GitHub is
 * kept and emailed. A look that fails (GitHub down, a missing permission) is logged and tried
 * again after the usual wait; it never stops the worker. Returns how many were looked at and emailed.
 */
export async function followUp(o: FollowUpOptions, now = Date.now()): Promise<{ looked: number; emailed: number }> {
  if (o.everyMs <= 0) return { looked: 0, emailed: 0 };
  let looked = 0;
  let emailed = 0;
  for (const sub of o.store.dueForFollowUp(now - o.everyMs, followBatch)) {
    looked++;
    try {
      await o.accepting.quiet();
      const client = await o.github.client((line) => o.log.info({ submission: sub.id }, line), becomesIssue(sub.kind) ? { issues: 'read' } : { pull_requests: 'read' });
      const { state, replies, present } = await readThread(o.accepting.waitingFor(client.api), o.upstream, sub);
      const seen = o.store.seenReplies(sub.id);
      // New replies, and replies passed on before whose text the site team has edited since.
      const added = replies.flatMap((r) => (!seen.has(r.id) ? [r] : seen.get(r.id) !== r.body ? [{ ...r, edited: true }] : []));
      if (added.length || state !== 'open') {
        // Told first, recorded after: if the email cannot go, the next look finds the same news and tries again.
        await o.mailer.send(followUpMessage(sub.email!, {
          kind: sub.kind, title: titleOf(sub), state, replies: added,
          threadUrl: sub.pullUrl!, statusUrl: o.emailLinks.status(sub.id), stopUrl: o.emailLinks.stopEmails(sub.id), carryOnUrl: o.emailLinks.carryOn(sub),
          pageUrl: pageOf(sub, o.siteUrl), formUrl: `${o.siteUrl}/${kindNames[sub.kind].another.path}/`, lateChange: sub.version > sub.sentVersion,
        }));
        emailed++;
        o.log.info({ submission: sub.id, state, replies: added.length }, 'told the contributor what is new on GitHub');
      }
      // A reply deleted on GitHub (a comment posted by mistake, say) goes from the status page too.
      o.store.recordFollowUp(sub.id, state, added, now, [...seen.keys()].filter((id) => !present.has(id)));
    } catch (error) {
      o.store.followedWithoutAnswer(sub.id, now);
      const e = error as Error & { status?: number; code?: string };
      o.log.warn({ submission: sub.id, err: { name: e.name, status: e.status, code: e.code } }, 'could not follow up on GitHub; will look again later');
    }
  }
  return { looked, emailed };
}
