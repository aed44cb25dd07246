/**
 * The links in the emails about a submission that act without a sign-in, each carrying a token
 * only the gateway can make (an HMAC of the submission's id, for that link's purpose, under the
 * server secret), because the id alone is public: it names the pull request's branch.
 *
 * - **Stop these emails.** Following the link shows a page with a button; only the button's POST
 *   acts, so a mail system that opens every link in a message to scan it stops nothing. The same
 *   address takes RFC 8058's one-click POST, which mail programs send for the List-Unsubscribe
 *   header on every email about a submission. Stopping deletes the contributor's address from the
 *   submission at once: nobody is emailed about it again, and it can no longer be changed.
 * - **Carry on with a proposal** (blueprints): the drafting form's address with the id and token
 *   after `#carry-on=`, which browsers never send to a server. The form asks the gateway for what
 *   was sent (GET /api/submissions/:id/answers), so it can be changed on any computer, not only in
 *   the browser it was sent from; sending the change still needs the contributor to sign in.
 */
import { paths } from './content';
import { hmac, sameSecret } from './sign-in';
import type { SubmissionKind } from './store';

type Purpose = 'stop-emails' | 'carry-on';

const token = (secret: string, purpose: Purpose, id: string) => Buffer.from(hmac(secret, purpose, id), 'hex').toString('base64url');

/** Whether `given` is the token for this purpose and submission, compared in constant time. */
export const isLinkToken = (secret: string, purpose: Purpose, id: string, given: unknown) => typeof given === 'string' && sameSecret(given, token(secret, purpose, id));

/** A submission's status page, under the gateway's public address: a public page, no token. */
export const statusPath = (id: string) => `/submissions/${encodeURIComponent(id)}`;

/** Where a submission's emails are stopped, under the gateway's public address. */
export const stopEmailsPath = (id: string) => `${statusPath(id)}/stop-emails`;

/** The whole stop link for an email: the gateway's public address, the path and the token. */
export const stopEmailsUrl = (publicUrl: string, secret: string, id: string) => `${publicUrl}${stopEmailsPath(id)}?token=${token(secret, 'stop-emails', id)}`;

/** What follows `#` in a carry-on link: the submission's id and the token, a dot between. */
export const carryOnFragment = (secret: string, id: string) => `carry-on=${id}.${token(secret, 'carry-on', id)}`;

/** The links for a submission, as the emails about it give them. */
export interface EmailLinks {
  status(id: string): string;
  stopEmails(id: string): string;
  /** For a blueprint proposal, the drafting form, which opens what was sent; nothing for the other kinds. */
  carryOn(s: { id: string; kind: SubmissionKind }): string | undefined;
}

/**
 * The links under the gateway's public address (`publicUrl`) and the site's (`siteUrl`, with its
 * base path), the drafting form being at /contribute/ (src/lib/content/urls.ts).
 */
export function emailLinks(settings: { publicUrl: string; siteUrl: string; secret: string }): EmailLinks {
  return {
    status: (id) => `${settings.publicUrl}${statusPath(id)}`,
    stopEmails: (id) => stopEmailsUrl(settings.publicUrl, settings.secret, id),
    carryOn: (s) => (s.kind === 'blueprint' ? `${settings.siteUrl}${paths.contribute()}#${carryOnFragment(settings.secret, s.id)}` : undefined),
  };
}
