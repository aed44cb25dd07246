/**
 * The gateway's HTTP API, for the site's drafting form (JSON in and out) and the status page.
 *
 *   GET  /healthz                    liveness, and that the database answers
 *   GET  /api/session                the session's CSRF token (a session cookie is made if none)
 *   GET  /api/blueprints/:slug/parts a blueprint's title and the text of each part, for the change form
 *   GET  /api/playbooks/:slug/parts  the same for a playbook
 *   GET  /api/templates/:slug/parts  the same for a template
 *   POST /api/sign-in   {email}      emails a 6-digit code to an allowed work address
 *   POST /api/verify    {email,code} signs in: a new session bound to that address
 *   POST /api/sign-out
 *   POST /api/submissions            stores a proposal and queues it for GitHub (202): a blueprint, with
 *                                    `kind: "adoption"` an adoption record ("We are using this"), or with
 *                                    `kind: "feedback"` feedback on a page (an issue, not a pull request), or
 *                                    with `kind: "review"` an owner's review of their blueprint, or with
 *                                    `kind: "change"` a suggested change to one part of a blueprint, playbook or template
 *   GET  /api/submissions/:id        where it has got to
 *   GET  /api/submissions/:id/answers?token=…   a blueprint proposal's answers, for the carry-on link
 *                                    in its emails (./email-links.ts), so it can be changed on any computer
 *   PUT  /api/submissions/:id        new answers: the same pull request (or issue) is updated
 *   GET  /submissions/:id            the same, as a page
 *   GET  /submissions/:id/stop-emails?token=…   a page offering to stop the emails about it
 *   POST /submissions/:id/stop-emails?token=…   stops them, deleting the contributor's address (also
 *                                    RFC 8058's one-click POST from a mail program); ./email-links.ts
 *   GET  /privacy                    what the gateway keeps about a contributor, and for how long
 *   GET  /assets/status-page.css     the styles of the gateway's pages
 *
 * Every POST and PUT under /api/ carries the session's CSRF token in `x-csrf-token`. Problems come back as
 * `{ errors: [{ id, message }] }`, `id` being the form field the message belongs beside.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'astro/zod';
import type { Settings } from './config';
import type { Accepting } from './accepting';
import type { Checks } from './checks';
import { adoptionDeclaration, adoptionQuestions, answerLimits, answerOverLimit, answerUnprintable, formKeyPattern, feedbackDeclaration, feedbackQuestions, keptAdoptionAnswers, mergeErrors, questions, reviewDeclaration, reviewQuestions, changeDeclaration, changeQuestions, clip, type FieldError } from './content';
import { codeMessage, type Mailer } from './mail';
import { privacyPage } from './privacy-page';
import { statusPage, statusStyles, statusStylesPath, stopEmailsPage } from './status-page';
import { isLinkToken, statusPath, stopEmailsPath } from './email-links';
import { domainOf, isAllowedAddress, normaliseEmail, sameSecret, type SignIn } from './sign-in';
import { becomesIssue, submissionKinds, type Payload, type Store, type Submission, type SubmissionKind } from './store';
import { ukTime } from './uk-time';

export const sessionCookie = 'gateway_session';

export interface RouteDeps {
  settings: Settings;
  store: Store;
  signIn: SignIn;
  /** Every check the site makes, off the event loop unless GATEWAY_CHECK_THREADS is 0. */
  checks: Checks;
  mailer: Mailer;
  /** Counts the proposals being accepted, so sending to GitHub lets them go first. */
  accepting: Accepting;
  /** Called after a submission is stored or changed, so the worker looks at the queue at once. */
  queued: () => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionEmail: string | null;
  }
}

const problem = (reply: FastifyReply, status: number, errors: FieldError[]) => reply.code(status).send({ errors });

/** The answers each kind of proposal keeps: its questions' ids (and, for a record, the confirmation). */
const fieldIds: Record<SubmissionKind, Set<string>> = {
  blueprint: new Set(questions.map((q) => q.id)),
  adoption: new Set([...adoptionQuestions.map((q) => q.id), adoptionDeclaration.id]),
  feedback: new Set([...feedbackQuestions.map((q) => q.id), feedbackDeclaration.id]),
  review: new Set([...reviewQuestions.map((q) => q.id), reviewDeclaration.id]),
  change: new Set([...changeQuestions.map((q) => q.id), changeDeclaration.id]),
};
const answerValue = z.union([z.string().max(answerLimits.characters), z.array(z.string().max(answerLimits.choiceCharacters)).max(answerLimits.choices)]);
const submissionBody = z.object({
  kind: z.enum(submissionKinds).optional(),
  idempotencyKey: z.string().regex(formKeyPattern),
  answers: z.record(z.string().max(100), answerValue),
  notDuplicate: z.boolean().optional(),
  credit: z.object({ named: z.boolean(), name: z.string().max(200).optional() }).optional(),
  website: z.string().optional(),
});
const editBody = submissionBody.omit({ idempotencyKey: true, kind: true });

/**
 * A body the schema refused. An answer over the limits (a client that did not check them) is
 * said beside its question, as the form would; anything else is not what the form sends.
 */
function unreadable(reply: FastifyReply, body: unknown, path: readonly PropertyKey[]) {
  const answers = (body as { answers?: unknown } | null)?.answers;
  const over = answers && typeof answers === 'object'
    ? Object.entries(answers).flatMap(([id, answer]) => {
      const what = answerOverLimit(answer);
      return what ? [{ id, message: `${questionName(id)} ${what}` }] : [];
    })
    : [];
  if (over.length) return problem(reply, 422, over);
  return problem(reply, 400, [{ id: '', message: `The form sent something we cannot read (${path.join('.') || 'body'}): reload the page and try again` }]);
}

/** Answers holding a character no answer needs (./content's answerUnprintable), each said beside its question. */
function unprintableAnswers(answers: Record<string, string | string[]>): FieldError[] {
  return Object.entries(answers).flatMap(([id, answer]) => {
    const what = answerUnprintable(answer);
    return what ? [{ id, message: `${questionName(id)} ${what}` }] : [];
  });
}

/** A question's name, as the form's messages give it. */
function questionName(id: string): string {
  return [...questions, ...adoptionQuestions, ...feedbackQuestions, ...reviewQuestions, ...changeQuestions].find((q) => q.id === id)?.name ?? 'This answer';
}

/** Keeps only the form's own questions, so nothing else a client sends is stored (nor a record's contact not to be published). */
function answersOf(kind: SubmissionKind, raw: Record<string, string | string[]>): Record<string, string | string[]> {
  const asked = Object.fromEntries(Object.entries(raw).filter(([id]) => fieldIds[kind].has(id)));
  return kind === 'adoption' ? (keptAdoptionAnswers(asked) as Record<string, string | string[]>) : asked;
}

function creditOf(credit: { named: boolean; name?: string } | undefined): { name: string | null; error?: FieldError } {
  if (!credit?.named) return { name: null };
  const name = credit.name?.replace(/\s+/g, ' ').trim() ?? '';
  if (!name) return { name: null, error: { id: 'credit-name', message: 'Write the name to credit you by, or choose not to be named' } };
  if (/[@<>]|https?:/i.test(name)) return { name: null, error: { id: 'credit-name', message: 'Write a name only, without an email or web address' } };
  const unprintable = answerUnprintable(name);
  if (unprintable) return { name: null, error: { id: 'credit-name', message: `The name ${unprintable}` } };
  return { name };
}

/**
 * Why a submission can no longer be changed, if it cannot: its contributor's address was deleted
 * (nobody can sign in as its sender), or the site team has merged or closed it, and their decision
 * stands: a change is then a new proposal. `reason` says which, for a form to say what it did
 * instead (the drafting form sends the answers as a new proposal); `message` says it to a person.
 */
function unchangeable(s: Submission): { reason: 'address-deleted' | 'merged' | 'closed'; message: string } | undefined {
  if (s.email === null) return { reason: 'address-deleted', message: 'The email address this was sent from has been deleted (when its emails were stopped, or after the time we keep it), so it can no longer be changed: send it again as a new one' };
  if (s.githubState === 'merged' || s.githubState === 'closed') return { reason: s.githubState, message: `This was ${s.githubState === 'merged' ? 'accepted' : 'closed by the site team'}, so it can no longer be changed: send a new one instead` };
  return undefined;
}

/** A 409 for a submission that can no longer be changed: the message by the form, and why, as `unchangeable`. */
const refuseChange = (reply: FastifyReply, why: NonNullable<ReturnType<typeof unchangeable>>) => reply.code(409).send({ errors: [{ id: '', message: why.message }], unchangeable: why.reason });

export function publicView(s: Submission, publicUrl: string) {
  const opened = s.pullUrl ? { number: s.pullNumber, url: s.pullUrl } : null;
  return {
    id: s.id,
    kind: s.kind,
    state: s.state,
    pullRequest: becomesIssue(s.kind) ? null : opened,
    issue: becomesIssue(s.kind) ? opened : null,
    /** What became of it on GitHub, as last looked at: open, merged or closed; null before the first look. */
    onGitHub: s.githubState,
    attempts: s.attempts,
    statusUrl: `${publicUrl}${statusPath(s.id)}`,
    updatedAt: new Date(s.updatedAt).toISOString(),
  };
}

export async function routes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { settings, store, signIn, checks, mailer } = deps;
  const cookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' as const, maxAge: settings.sessionHours * 3600 };
  app.decorateRequest('sessionEmail', null);

  /**
   * A proposal's answers checked as the build would (none may hold an unprintable character), and
   * the name to credit beside them: what goes to GitHub, or every problem, each by its question.
   */
  const checked = async (kind: SubmissionKind, answers: Record<string, string | string[]>, credit: ReturnType<typeof creditOf>, o: { today: string; notDuplicate: boolean; domain: string }): Promise<{ errors: FieldError[] } | { payload: Payload }> => {
    const creditErrors = credit.error ? [credit.error] : [];
    const unprintable = unprintableAnswers(answers);
    if (unprintable.length) return { errors: mergeErrors([...unprintable, ...creditErrors]) };
    const payload = await checks.proposal(kind, answers, { ...o, creditName: credit.name });
    const errors = [...('errors' in payload ? payload.errors : []), ...creditErrors];
    return errors.length || 'errors' in payload ? { errors: mergeErrors(errors) } : { payload };
  };

  /** Every state-changing request: a live session and its CSRF token in the header. */
  const csrf = async (req: FastifyRequest, reply: FastifyReply) => {
    const session = signIn.session(req.cookies[sessionCookie]);
    const token = req.headers['x-csrf-token'];
    if (!session || typeof token !== 'string' || !sameSecret(token, session.csrf)) {
      return problem(reply, 403, [{ id: '', message: 'This page has been open too long or was opened elsewhere: reload it and try again' }]);
    }
    req.sessionEmail = session.email;
  };
  /** Counted from the moment a proposal's request arrives until its answer is sent or the connection closes. */
  const accepting = (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.raw.once('close', deps.accepting.begin());
    done();
  };
  const signedIn = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.sessionEmail) return problem(reply, 401, [{ id: 'email', message: 'Sign in with your work email address first' }]);
  };
  /**
   * A limit per email address, on top of the per-IP limit every route has. The plugin's own
   * route hook runs once per request (the per-IP one already ran), so its limiter is called here.
   */
  const perAddress = (prefix: string, max: number, key: (req: FastifyRequest) => string) => {
    const limiter = app.createRateLimit({ max, timeWindow: 3_600_000, keyGenerator: (req) => `${prefix}:${key(req)}` });
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const limit = await limiter(req);
      if (!limit.isAllowed && limit.isExceeded) {
        return problem(reply, 429, [{ id: 'email', message: `Too many requests for this email address: try again in ${Math.ceil(limit.ttl / 60_000)} minutes` }]);
      }
    };
  };

  app.get('/healthz', async () => {
    store.db.prepare('SELECT 1').get();
    return { status: 'ok' };
  });

  app.get('/api/session', async (req, reply) => {
    let session = signIn.session(req.cookies[sessionCookie]);
    if (!session) {
      const fresh = signIn.startSession(null);
      reply.setCookie(sessionCookie, fresh.id, cookieOptions);
      session = { csrf: fresh.csrf, email: null };
    }
    return { signedIn: Boolean(session.email), email: session.email, csrfToken: session.csrf, allowedDomains: settings.allowedDomains };
  });

  for (const kind of ['blueprint', 'playbook', 'template'] as const) {
    app.get(`/api/${kind}s/:slug/parts`, async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const parts = /^[a-z0-9][a-z0-9-]*$/.test(slug) ? await checks.parts({ kind, slug }) : undefined;
      if (!parts) return problem(reply, 404, [{ id: 'page', message: `There is no ${kind} at /${kind}s/${clip(slug, 81)}/ on the site: use the address of its page` }]);
      return reply.header('cache-control', 'no-cache').send(parts);
    });
  }

  app.post('/api/sign-in', {
    preHandler: [csrf, perAddress('code', settings.codesPerHour, (req) => normaliseEmail((req.body as { email?: unknown })?.email) ?? 'invalid')],
  }, async (req, reply) => {
    const body = (req.body ?? {}) as { email?: unknown; website?: unknown };
    // The honeypot: a field people never see. A bot that fills it is told "sent", and nothing is.
    if (typeof body.website === 'string' && body.website !== '') return { sent: true, minutes: settings.codeMinutes };
    const email = normaliseEmail(body.email);
    if (!email) return problem(reply, 422, [{ id: 'email', message: 'Enter your work email address, like name@nhs.net' }]);
    if (!isAllowedAddress(email, settings.allowedDomains)) {
      return problem(reply, 422, [{ id: 'email', message: `Enter a work email address ending ${settings.allowedDomains.map((d) => `@${d} or .${d}`).join(', or ')}` }]);
    }
    const locked = signIn.lockedUntil(email);
    if (locked) return problem(reply, 429, [{ id: 'email', message: `Too many wrong codes for this address: try again after ${ukTime(locked)}` }]);
    const code = signIn.issueCode(email);
    try {
      await mailer.send(codeMessage(email, code, settings.codeMinutes));
    } catch (error) {
      req.log.error({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'could not send a sign-in code');
      return problem(reply, 503, [{ id: 'email', message: 'We could not send the email just now. Try again in a few minutes' }]);
    }
    req.log.info({ domain: domainOf(email) }, 'sign-in code sent');
    return { sent: true, minutes: settings.codeMinutes };
  });

  app.post('/api/verify', { preHandler: [csrf] }, async (req, reply) => {
    const body = (req.body ?? {}) as { email?: unknown; code?: unknown };
    const email = normaliseEmail(body.email);
    if (!email || !isAllowedAddress(email, settings.allowedDomains)) return problem(reply, 422, [{ id: 'email', message: 'Enter the work email address you asked for a code for' }]);
    const result = signIn.checkCode(email, body.code);
    if (result === 'locked') return problem(reply, 429, [{ id: 'code', message: `Too many wrong codes: this address is locked for ${settings.lockMinutes} minutes. Then ask for a new code` }]);
    if (result === 'expired') return problem(reply, 422, [{ id: 'code', message: 'This code has expired or was already used: ask for a new code' }]);
    if (result === 'wrong') return problem(reply, 422, [{ id: 'code', message: 'The code is not right: check the 6 digits in the latest email' }]);
    const old = req.cookies[sessionCookie];
    if (old) signIn.endSession(old);
    const session = signIn.startSession(email);
    reply.setCookie(sessionCookie, session.id, cookieOptions);
    req.log.info({ domain: domainOf(email) }, 'signed in');
    return { signedIn: true, email, csrfToken: session.csrf };
  });

  app.post('/api/sign-out', { preHandler: [csrf] }, async (req, reply) => {
    signIn.endSession(req.cookies[sessionCookie]!);
    reply.clearCookie(sessionCookie, { path: '/' });
    return { signedIn: false };
  });

  /** A form sent again (a retry after a lost answer) gets what it got the first time, before any limit is counted. */
  const sentBefore = async (req: FastifyRequest, reply: FastifyReply) => {
    const key = (req.body as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    const earlier = typeof key === 'string' ? store.byKey(key) : undefined;
    if (earlier && earlier.email === req.sessionEmail) return reply.code(200).send(publicView(earlier, settings.publicUrl));
  };

  app.post('/api/submissions', {
    onRequest: accepting,
    preHandler: [csrf, signedIn, sentBefore, perAddress('submit', settings.submissionsPerHour, (req) => req.sessionEmail ?? '')],
  }, async (req, reply) => {
    const parsed = submissionBody.safeParse(req.body);
    if (!parsed.success) return unreadable(reply, req.body, parsed.error.issues[0].path);
    const body = parsed.data;
    if (body.website) return problem(reply, 400, [{ id: '', message: 'We could not accept this form: reload the page and try again' }]);
    const email = req.sessionEmail!;

    const earlier = store.byKey(body.idempotencyKey);
    if (earlier) {
      if (earlier.email !== email) return problem(reply, 409, [{ id: '', message: 'This form was already sent from another address: reload the page to start a new one' }]);
      return reply.code(200).send(publicView(earlier, settings.publicUrl));
    }
    const credit = creditOf(body.credit);
    const kind = body.kind ?? 'blueprint';
    const answers = answersOf(kind, body.answers);
    const domain = domainOf(email);
    const result = await checked(kind, answers, credit, { today: new Date().toISOString().slice(0, 10), notDuplicate: body.notDuplicate ?? false, domain });
    if ('errors' in result) return problem(reply, 422, result.errors);
    const { payload } = result;

    // Sent again for the same file, from another computer perhaps: the proposal already open for it changes.
    const same = store.openForSameFile(email, kind, payload, settings.followMinutes > 0);
    if (same) {
      const change = { answers, payload, notDuplicate: body.notDuplicate ?? false, creditName: credit.name };
      store.addKey(same.id, body.idempotencyKey);
      // The same answers again (sent twice, say, in any order) change nothing, so nothing is sent or emailed again;
      // but one that failed is tried again, as a new one would be.
      const sameAs = (answers: Submission['answers'], notDuplicate: boolean, creditName: string | null) => JSON.stringify([Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)), notDuplicate, creditName]);
      if (same.state === 'failed' || sameAs(same.answers, same.notDuplicate, same.creditName) !== sameAs(change.answers, change.notDuplicate, change.creditName)) {
        store.edit(same.id, change);
        req.log.info({ submission: same.id }, 'submission changed, sent again for the same file');
        deps.queued();
      }
      return reply.code(200).send(publicView(store.get(same.id)!, settings.publicUrl));
    }
    const id = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
    const { submission, created } = store.insert({
      id, kind, idempotencyKey: body.idempotencyKey, email, domain, creditName: credit.name, answers, payload, notDuplicate: body.notDuplicate ?? false,
      branch: `gateway/${id}`,
    });
    // The same key may have been stored by another request while this one was being checked.
    if (!created && submission.email !== email) return problem(reply, 409, [{ id: '', message: 'This form was already sent from another address: reload the page to start a new one' }]);
    if (created) {
      req.log.info({ submission: submission.id }, 'submission stored');
      deps.queued();
    }
    return reply.code(created ? 202 : 200).send(publicView(submission, settings.publicUrl));
  });

  app.get('/api/submissions/:id', async (req, reply) => {
    const s = store.get((req.params as { id: string }).id);
    if (!s) return problem(reply, 404, [{ id: '', message: 'There is no submission at this address: check the link in your email' }]);
    return publicView(s, settings.publicUrl);
  });

  app.get('/api/submissions/:id/answers', async (req, reply) => {
    const { id } = req.params as { id: string };
    const s = store.get(id);
    reply.header('cache-control', 'no-store');
    if (!s || s.kind !== 'blueprint' || !isLinkToken(settings.secret, 'carry-on', id, (req.query as { token?: unknown }).token)) {
      return problem(reply, 404, [{ id: '', message: 'This link does not open a proposal: check that you copied the whole link from the email' }]);
    }
    const why = unchangeable(s);
    if (why) return refuseChange(reply, why);
    return { id: s.id, key: s.idempotencyKey, answers: s.answers, notDuplicate: s.notDuplicate, credit: { named: s.creditName !== null, name: s.creditName ?? undefined } };
  });

  app.put('/api/submissions/:id', {
    onRequest: accepting,
    preHandler: [csrf, signedIn, perAddress('edit', settings.submissionsPerHour, (req) => req.sessionEmail ?? '')],
  }, async (req, reply) => {
    const s = store.get((req.params as { id: string }).id);
    const why = s && unchangeable(s);
    if (why) return refuseChange(reply, why);
    if (!s || s.email !== req.sessionEmail) return problem(reply, 404, [{ id: '', message: 'There is no submission of yours at this address: sign in with the address you sent it from' }]);
    const parsed = editBody.safeParse(req.body);
    if (!parsed.success) return unreadable(reply, req.body, parsed.error.issues[0].path);
    const credit = creditOf(parsed.data.credit);
    const answers = answersOf(s.kind, parsed.data.answers);
    const notDuplicate = parsed.data.notDuplicate ?? false;
    const result = await checked(s.kind, answers, credit, { today: new Date(s.createdAt).toISOString().slice(0, 10), notDuplicate, domain: s.domain });
    if ('errors' in result) return problem(reply, 422, result.errors);
    const { payload } = result;
    store.edit(s.id, { answers, payload, notDuplicate, creditName: credit.name });
    req.log.info({ submission: s.id }, 'submission changed');
    deps.queued();
    return reply.code(202).send(publicView(store.get(s.id)!, settings.publicUrl));
  });

  app.get(statusStylesPath, async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(statusStyles));

  app.get('/privacy', async (_req, reply) => reply.type('text/html; charset=utf-8').send(privacyPage(settings)));

  app.get('/submissions/:id', async (req, reply) => {
    const s = store.get((req.params as { id: string }).id);
    reply.type('text/html; charset=utf-8');
    if (!s) return reply.code(404).send(statusPage(undefined, settings.siteUrl));
    return statusPage(s, settings.siteUrl, store.replies(s.id));
  });

  // Stopping a submission's emails: the token in the link is the only authority (no session, so no
  // CSRF token: a forged request would need the token). Whatever body a POST has is not read.
  await app.register(async (scope) => {
    // Every type, JSON included, read up to 4 KiB and set aside: a mail program's one-click POST, a browser's form or anything else stops them alike.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 4096 }, (_req, _body, done) => done(null, undefined));
    // Said as text, not as the forms' JSON: a mail program or a browser is asking.
    scope.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) req.log.error({ err: { name: error.name, message: error.message } }, 'request failed');
      return reply.code(status).type('text/plain; charset=utf-8')
        .send(status === 413 ? 'This is more than a stop link sends: open the link from the email and choose the button.' : 'Something went wrong: open the link from the email again.');
    });
    const stopping = (req: FastifyRequest, reply: FastifyReply) => {
      const { id } = req.params as { id: string };
      const { token } = req.query as { token?: unknown };
      const s = store.get(id);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (!s || !isLinkToken(settings.secret, 'stop-emails', id, token)) return { s: undefined, view: undefined };
      return { s, view: { id: s.id, kind: s.kind, statusUrl: `${settings.publicUrl}${statusPath(s.id)}`, action: `${stopEmailsPath(s.id)}?token=${encodeURIComponent(String(token))}` } };
    };
    scope.get('/submissions/:id/stop-emails', async (req, reply) => {
      const { s, view } = stopping(req, reply);
      if (!s) return reply.code(404).send(stopEmailsPage('unknown', settings.siteUrl));
      return stopEmailsPage(s.email ? 'ask' : 'already', settings.siteUrl, view);
    });
    scope.post('/submissions/:id/stop-emails', async (req, reply) => {
      const { s, view } = stopping(req, reply);
      if (!s) return reply.code(404).send(stopEmailsPage('unknown', settings.siteUrl));
      const stopped = store.forgetAddress(s.id);
      if (stopped) req.log.info({ submission: s.id }, 'emails stopped and the address deleted, as the contributor asked');
      return stopEmailsPage(stopped ? 'done' : 'already', settings.siteUrl, view);
    });
  });
}
