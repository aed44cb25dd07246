/**
 * The gateway's privacy notice, at GET /privacy: what it keeps about a contributor, why, and for
 * how long, said from the settings it runs with, so the page and the service never disagree. The
 * site's own privacy page (src/pages/privacy.astro) links here when the site offers the gateway.
 */
import type { Settings } from './config';
import { escape, page } from './status-page';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function privacyPage(settings: Pick<Settings, 'siteUrl' | 'retentionDays' | 'sessionHours' | 'codeMinutes' | 'mail'>): string {
  const kept = plural(settings.retentionDays, 'day');
  const replyTo = settings.mail.replyTo;
  const ask = replyTo
    ? `<p>To ask what we hold about you, or to have it deleted sooner, email the site team at <a href="mailto:${escape(replyTo)}">${escape(replyTo)}</a>, or reply to any email from us.</p>`
    : '<p>To have your email address deleted sooner, follow the link at the foot of any email from us about what you sent.</p>';
  return page('How we use your email address', settings.siteUrl, `<h1>How we use your email address</h1>
<p>This is the service that sends your blueprint, feedback, review, change or adoption record to the Blueprint Commons site team when you do not use a GitHub account. This is what it keeps, and for how long.</p>
<h2>What we keep</h2>
<dl>
<dt>Your work email address</dt>
<dd>To send you a sign-in code, the link to what you sent and the site team's replies, and so that you can change what you sent. It is never published or sent to GitHub. We delete it from what you sent ${kept} after you send, or at once when you follow the link “To stop the emails about this” at the foot of any email about it.</dd>
<dt>Your name, only if you ask to be named</dt>
<dd>It is published with what you sent, as you asked. We delete our copy after ${kept}.</dd>
<dt>What you wrote</dt>
<dd>It becomes public on GitHub, where the site team reviews it, and then part of the site if they accept it. Leave out anything about a patient, anything confidential and anyone's contact details.</dd>
<dt>Your email address's domain</dt>
<dd>For example nhs.net: what you sent says it came “from a verified address at” that domain.</dd>
<dt>One cookie</dt>
<dd>It keeps you signed in, and is needed for the service to work; your sign-in, with your address, ends when you sign out or after ${plural(settings.sessionHours, 'hour')}. We set no other cookies and use no analytics.</dd>
<dt>Sign-in codes</dt>
<dd>Stored only in a form that cannot be turned back into the code, and they work for ${plural(settings.codeMinutes, 'minute')}.</dd>
<dt>Your IP address</dt>
<dd>Used to limit how often anyone can send, so nobody can flood the service, and recorded in its logs, which never hold your email address.</dd>
</dl>
<h2>Who sees it</h2>
<p>Only the people who run this service can see your email address${replyTo ? ', and the site team if you reply to one of its emails' : ''}. Everyone else sees what is published on GitHub.</p>
<h2>Your rights</h2>
${ask}`);
}
