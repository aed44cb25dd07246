/**
 * The gateway's own pages: where a submission has got to, with the pull request link once there
 * is one, and the page that stops the emails about it (./email-links.ts). Plain server-rendered
 * HTML with NHS.UK-like structure and no scripts, so they work under the strict content security
 * policy; nothing personal is shown.
 */
import { readFileSync } from 'node:fs';
import { outcomeText, pageOf } from './mail';
import { becomesIssue, kindNames, type GitHubState, type Reply, type Submission } from './store';
import { ukDateTime } from './uk-time';

/** Where the gateway serves the page's stylesheet, and what it holds (read once, at start-up). */
export const statusStylesPath = '/assets/status-page.css';
export const statusStyles = readFileSync(new URL('./status-page.css', import.meta.url), 'utf8');

export const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What each state means, said of "Your blueprint proposal", "Your adoption record" or "Your feedback". */
const states: Record<Submission['state'], { heading: string; text: (what: string, issue: boolean, page?: string) => string }> = {
  queued: { heading: 'Waiting to be sent', text: (what) => `${what} is saved. It goes to GitHub in the next few minutes; this page shows the link when it has.` },
  sending: { heading: 'Being sent now', text: (what) => `${what} is being sent to GitHub. Reload this page in a minute.` },
  sent: {
    heading: 'Sent for review',
    text: (what, issue) => issue
      ? `${what} is an issue on GitHub, where the site team reads it and replies. We emailed you the link too.`
      : `${what} is a proposed change on GitHub (a pull request), where the site team reviews it. We emailed you the link too.`,
  },
  failed: { heading: 'Not sent yet', text: (what) => `GitHub did not accept it yet. ${what} is saved and the site team can see it: you do not need to send it again.` },
};

/** Once sent, what became of it on GitHub, when the gateway has looked: it replaces the "sent" heading and text. */
const ends: Record<Exclude<GitHubState, 'open'>, { heading: string; text: (what: string, issue: boolean, page?: string) => string }> = {
  merged: { heading: 'Accepted', text: (what, _issue, page) => outcomeText.merged(what, page) },
  closed: { heading: 'Closed', text: (what, issue) => outcomeText.closed(what.toLowerCase(), issue) },
};

/** The site team's replies, passed on from GitHub: their words as text, never as markup. */
function repliesSection(replies: readonly Reply[]): string {
  if (!replies.length) return '';
  const verdict = (r: Reply) => (r.verdict === 'changes-requested' ? ' asked for changes' : r.verdict === 'approved' ? ' approved it' : ' replied');
  return `<h2>Replies from the site team</h2>
      <ol class="replies">${replies.map((r) => `
        <li><p class="reply-by"><strong>${escape(r.author)}</strong>${verdict(r)}, ${escape(ukDateTime(Date.parse(r.at)))}</p>${r.body ? `<p class="reply">${escape(r.body)}</p>` : ''}</li>`).join('')}
      </ol>`;
}

/**
 * The page for submission `s`, its links to the site under `siteUrl` (the site's address with any
 * base path), with the site team's replies kept for it.
 */
export function statusPage(s: Submission | undefined, siteUrl: string, replies: readonly Reply[] = []): string {
  const issue = s ? becomesIssue(s.kind) : false;
  const ended = s?.state === 'sent' && s.githubState && s.githubState !== 'open' ? ends[s.githubState] : undefined;
  const shown = s ? ended ?? states[s.state] : undefined;
  const body = s && shown
    ? `<h1>${escape(shown.heading)}</h1>
      <p>${escape(shown.text(`Your ${kindNames[s.kind].noun}`, issue, pageOf(s, siteUrl)))}${ended && s.version > s.sentVersion ? ` ${outcomeText.lateChange}` : ''}</p>
      ${s.pullUrl ? `<p><a href="${escape(s.pullUrl)}">Read it on GitHub (${issue ? 'issue' : 'pull request'} ${s.pullNumber})</a></p>` : ''}
      <dl><dt>Reference</dt><dd>${escape(s.id)}</dd><dt>Last change</dt><dd>${escape(ukDateTime(s.updatedAt))}</dd></dl>
      ${repliesSection(replies)}
      ${replies.length && s.state === 'sent' && s.githubState === 'open' ? `<p>${escape(kindNames[s.kind].answer.how)}</p>
      <p><a href="${escape(siteUrl)}/${kindNames[s.kind].another.path}/">Open ${escape(kindNames[s.kind].answer.form)}</a></p>` : ''}`
    : '<h1>Submission not found</h1><p>There is no submission at this address. Check the link in your email.</p>';
  const another = kindNames[s?.kind ?? 'blueprint'].another;
  return page(shown ? shown.heading : 'Submission not found', siteUrl, `${body}
<p><a href="${escape(siteUrl)}/${another.path}/">${another.text}</a></p>`);
}

/** A whole page of the gateway's: `title` (text) before the site's name, and `main` (HTML) under the site's header. */
export function page(title: string, siteUrl: string, main: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}: Blueprint Commons</title><link rel="stylesheet" href="${statusStylesPath}"></head>
<body>
<header><a href="${escape(siteUrl)}/">Blueprint Commons</a></header>
<main id="main-content">
${main}
</main>
</body>
</html>
`;
}

/**
 * The page at a submission's stop-emails link: `ask` offers the button (`action` is the link
 * itself), `done` says the address is deleted, `already` that there was none to delete, and
 * `unknown` that the link is not one the gateway made.
 */
export function stopEmailsPage(
  step: 'ask' | 'done' | 'already' | 'unknown',
  siteUrl: string,
  s?: Pick<Submission, 'id' | 'kind'> & { statusUrl: string; action: string },
): string {
  if (step === 'unknown' || !s) {
    return page('This link does not work', siteUrl, `<h1>This link does not work</h1>
<p>Check that you copied the whole link from the email, as far as the end of its last line.</p>`);
  }
  const noun = kindNames[s.kind].noun;
  const where = `<p><a href="${escape(s.statusUrl)}">See where your ${escape(noun)} has got to</a></p>`;
  if (step === 'ask') {
    return page(`Stop emails about your ${noun}`, siteUrl, `<h1>Stop emails about your ${escape(noun)}</h1>
<p>We will stop emailing you about it, and delete your email address from it now instead of at the end of the time we keep it. Your ${escape(noun)} stays with the site team.</p>
<p>After this it cannot be changed from the site's form: to change it, send it again as a new one.</p>
<form method="post" action="${escape(s.action)}"><button type="submit">Stop emails and delete my address</button></form>
${where}`);
  }
  return step === 'done'
    ? page('Emails stopped', siteUrl, `<h1>Emails stopped</h1>
<p>We have deleted your email address from your ${escape(noun)} and will not email you about it again.</p>
${where}`)
    : page('Emails already stopped', siteUrl, `<h1>Emails already stopped</h1>
<p>We no longer have an email address for this ${escape(noun)}, so we do not email anyone about it.</p>
${where}`);
}
