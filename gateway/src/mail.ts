/**
 * Email to contributors: the sign-in code, and the link to their pull request. Sent over SMTP
 * with nodemailer; the demo prints messages to the terminal instead. Message bodies are never
 * logged: the code in one is a password.
 */
import { createTransport } from 'nodemailer';
import type { Settings } from './config';
import { pageNamed, paths } from './content';
import { becomesIssue, kindNames, type GitHubState, type Reply, type Submission, type SubmissionKind } from './store';
import { ukDateTime } from './uk-time';

export interface Message {
  to: string;
  subject: string;
  text: string;
  /**
   * About a submission, so a contributor may answer it: sent with the site team's mailbox as
   * Reply-To when there is one, and saying where a reply goes either way.
   */
  aboutSubmission?: boolean;
  /**
   * The link that stops the emails about this submission (./email-links.ts): said at the foot of
   * the message, and given to mail programs as List-Unsubscribe with RFC 8058's one-click POST.
   */
  stopUrl?: string;
}

/** The last line of an email about a submission: where a reply to it goes. */
export function replyLine(replyTo: string | undefined): string {
  return replyTo
    ? `You can reply to this email: replies go to the site team (${replyTo}).`
    : 'This email was sent automatically: replies to it are not read.';
}

/** The message's text as sent: the reply line added to one about a submission, and the link that stops them. */
const textAsSent = (message: Message, replyTo: string | undefined) => [
  message.text,
  ...(message.aboutSubmission ? ['', replyLine(replyTo)] : []),
  ...(message.stopUrl ? ['', `To stop the emails about this and delete your email address from it: ${message.stopUrl}`] : []),
].join('\n');

export interface Mailer {
  send(message: Message): Promise<void>;
  close(): void;
}

export function createMailer(settings: Settings['mail'], print: (text: string) => void = (text) => process.stdout.write(text)): Mailer {
  if (settings.kind === 'terminal') {
    return {
      async send(message) {
        print(`\n--- email to ${message.to}: ${message.subject} ---\n${textAsSent(message, settings.replyTo)}\n---\n`);
      },
      close() {},
    };
  }
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      const replyTo = message.aboutSubmission ? settings.replyTo : undefined;
      await transport.sendMail({
        from: settings.from, to: message.to, subject: message.subject, text: textAsSent(message, settings.replyTo),
        ...(replyTo ? { replyTo } : {}),
        ...(message.stopUrl ? { list: { unsubscribe: message.stopUrl }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
      });
    },
    close: () => transport.close(),
  };
}

/** The code is in the body only: mail systems log subject lines, and phones show them on a locked screen. */
export function codeMessage(to: string, code: string, minutes: number): Message {
  return {
    to,
    subject: 'Your Blueprint Commons sign-in code',
    text: [
      `Your sign-in code is ${code}`,
      '',
      `Type it into the page where you asked for it. It works once, for ${minutes} minutes.`,
      'If you did not ask for a code, you can ignore this email: nobody can sign in without it.',
    ].join('\n'),
  };
}

/**
 * The email with the pull request (or issue) link, naming what was sent by its title on GitHub (a
 * contributor may send several); `following` when the gateway will pass on what happens to it (./follow-up.ts).
 */
export function sentMessage(to: string, pull: { kind: SubmissionKind; url: string; updated: boolean; title: string }, links: { statusUrl: string; stopUrl: string; carryOnUrl?: string }, following = true): Message {
  const what = kindNames[pull.kind].noun;
  const opening = becomesIssue(pull.kind)
    ? (pull.updated
      ? `Your changes to your ${what} on Blueprint Commons are now in the issue on GitHub:`
      : `Thank you. Your ${what} for Blueprint Commons is now an issue on GitHub, where the site team reads it and replies:`)
    : (pull.updated
      ? `Your changes to your ${what} on Blueprint Commons are now in the proposed change (a "pull request" on GitHub):`
      : `Thank you. Your ${what} for Blueprint Commons is now a proposed change (a "pull request" on GitHub), where the site team reviews it before it is published:`);
  return {
    to,
    aboutSubmission: true,
    stopUrl: links.stopUrl,
    subject: pull.updated ? `Blueprint Commons: your ${what} was updated` : `Blueprint Commons: your ${what} has reached the site team`,
    text: [
      opening,
      pull.url,
      '',
      `It is called “${pull.title}” there.`,
      '',
      `You can see where it has got to here, without a GitHub account: ${links.statusUrl}`,
      following
        ? `Your email address is not shown on GitHub. When the site team replies, or your ${becomesIssue(pull.kind) ? 'issue is closed' : 'proposal is accepted or closed'}, we email you here.`
        : 'Your email address is not shown on GitHub.',
      ...(links.carryOnUrl ? ['', carryOnLine(links.carryOnUrl)] : []),
    ].join('\n'),
  };
}

/**
 * What became of a submission on GitHub, said alike by the status page and the email: `what` is
 * "your blueprint proposal" or the like, and `page` the address of the page a proposal becomes.
 */
export const outcomeText = {
  merged: (what: string, page?: string) => `${what} was accepted. ${page ? `It will be at ${page}` : 'It will be on the site'} once the site is next published.`,
  closed: (what: string, issue: boolean) => (issue ? `The site team closed ${what}: they have dealt with it, or explain below.` : `The site team closed ${what} without publishing it.`),
  /** Said after either when the contributor changed it after that: the change went nowhere. */
  lateChange: 'Your last change to it arrived after that, so it is not part of it: send it again as a new one.',
};

/** The page a merged proposal becomes, under `siteUrl`: for a new blueprint, a review of one, or a change to a blueprint, playbook or template. */
export function pageOf(sub: Pick<Submission, 'kind' | 'payload'>, siteUrl: string): string | undefined {
  const page = sub.payload?.path && (sub.kind === 'blueprint' || sub.kind === 'review' || sub.kind === 'change') ? pageNamed(sub.payload.path) : undefined;
  return page && `${siteUrl}${paths[page.kind](page.slug)}`;
}

/** How a blueprint proposal's emails say it can be changed anywhere: the link opens it in the drafting form. */
const carryOnLine = (url: string) => `To change your proposal, on this computer or any other, open it in the drafting form with this link, change it and send it again: the same pull request is updated. ${url}`;

/** How a reply is introduced: who wrote it, when, and any verdict. */
function replyHeading(r: Reply): string {
  const verdict = r.verdict === 'changes-requested' ? ', asking for changes' : r.verdict === 'approved' ? ', approving it' : '';
  return `${r.author} (site team), ${ukDateTime(Date.parse(r.at))}${verdict}${r.edited ? ', since edited; it now reads' : ''}:`;
}

/**
 * What is new on GitHub for a contributor: the site team's replies, quoted, and whether the pull
 * request (or issue) has ended. Plain text, so nothing in a reply can become a link or markup.
 */
export function followUpMessage(to: string, news: {
  kind: SubmissionKind; title: string; state: GitHubState; replies: readonly Reply[];
  threadUrl: string; statusUrl: string; stopUrl: string; pageUrl?: string; formUrl: string;
  /** For a blueprint proposal: the drafting form's link that opens what was sent (./email-links.ts). */
  carryOnUrl?: string;
  /** The contributor changed it after the pull request ended, and the change was not sent. */
  lateChange?: boolean;
}): Message {
  const what = kindNames[news.kind].noun;
  const issue = becomesIssue(news.kind);
  const named = news.title ? ` ("${news.title}")` : '';
  const asked = news.replies.some((r) => r.verdict === 'changes-requested');
  const subject = news.state === 'merged' ? `Blueprint Commons: your ${what} was accepted`
    : news.state === 'closed' ? (issue ? `Blueprint Commons: the site team closed your ${what}` : `Blueprint Commons: your ${what} was closed without being published`)
    : asked ? `Blueprint Commons: the site team asked for changes to your ${what}`
    : news.replies.every((r) => r.edited) ? `Blueprint Commons: the site team edited a reply about your ${what}`
    : `Blueprint Commons: the site team replied about your ${what}`;
  const ending = news.state === 'merged' ? outcomeText.merged(`Your ${what}${named}`, news.pageUrl)
    : news.state === 'closed' ? outcomeText.closed(`your ${what}${named}`, issue)
    : `The site team replied about your ${what}${named}.`;
  const late = news.state !== 'open' && news.lateChange ? ` ${outcomeText.lateChange}` : '';
  const quoted = news.replies.flatMap((r) => ['', replyHeading(r), ...(r.body ? r.body.split('\n').map((line) => `> ${line}`) : [])]);
  const answer = news.state !== 'open' ? []
    : news.carryOnUrl ? ['', carryOnLine(news.carryOnUrl)]
    : ['', `${kindNames[news.kind].answer.how} ${kindNames[news.kind].answer.form[0].toUpperCase()}${kindNames[news.kind].answer.form.slice(1)}: ${news.formUrl}`];
  return {
    to,
    subject,
    aboutSubmission: true,
    stopUrl: news.stopUrl,
    text: [
      `${ending}${late}`,
      ...quoted,
      ...answer,
      '',
      `Where it has got to, without a GitHub account: ${news.statusUrl}`,
      `The conversation on GitHub: ${news.threadUrl}`,
    ].join('\n'),
  };
}
