/**
 * Stopping the emails about one submission, from a link in each of them, with no sign-in: the
 * link carries a token only the gateway can make (an HMAC of the submission's id under the server
 * secret), because the id alone is public (it names the pull request's branch). Following the
 * link shows a page with a button; only the button's POST acts, so a mail system that opens every
 * link in a message to scan it stops nothing. The same address takes RFC 8058's one-click POST,
 * which mail programs send for the List-Unsubscribe header on every email about a submission.
 *
 * Stopping deletes the contributor's address from the submission, at once: the gateway then has
 * nobody to email about it, and it can no longer be changed from the site's form.
 */
import { hmac, sameSecret } from './sign-in';

/** Where a submission's emails are stopped, under the gateway's public address. */
export const stopEmailsPath = (id: string) => `/submissions/${encodeURIComponent(id)}/stop-emails`;

/** The token that lets a link stop the emails about submission `id`. */
export const stopEmailsToken = (secret: string, id: string) => Buffer.from(hmac(secret, 'stop-emails', id), 'hex').toString('base64url');

/** Whether `token` is the one for submission `id`, compared in constant time. */
export const isStopEmailsToken = (secret: string, id: string, token: unknown) => typeof token === 'string' && sameSecret(token, stopEmailsToken(secret, id));

/** The whole link for an email: the gateway's public address, the path and the token. */
export const stopEmailsUrl = (publicUrl: string, secret: string, id: string) => `${publicUrl}${stopEmailsPath(id)}?token=${stopEmailsToken(secret, id)}`;
