/**
 * Signing in to the gateway over HTTP, with a real SMTP server receiving the codes and a real
 * SQLite file: who may sign in, how codes expire and lock, the session cookie, CSRF and CORS.
 */
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { siteOrigin, startHarness, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;
/** A fresh allowed address for each test, so one test's codes never meet another's. */
const address = (domain = 'nhs.net') => `person.${++n}@${domain}`;
const visitor = async () => {
  const v = new Visitor(gateway.url);
  await v.send('GET', '/api/session');
  return v;
};

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000' });
  gateway = await startGateway(settingsFromEnv(h.env));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

describe('asking for a code', () => {
  it('emails a 6-digit code to an nhs.net address through SMTP', async () => {
    const v = await visitor();
    const email = address();
    const answer = await v.send('POST', '/api/sign-in', { email });
    expect(answer.status).toBe(200);
    const code = h.smtp.codeFor(email);
    expect(code).toMatch(/^\d{6}$/);
    // Only in the body: mail systems log subject lines, and a lock screen shows them.
    const mail = h.smtp.messages.find((m) => m.to.includes(email))!;
    const subject = /^Subject: (.*)$/m.exec(mail.raw)?.[1];
    expect(subject).toBe('Your Blueprint Commons sign-in code');
    expect(subject).not.toContain(code);
  });

  it('accepts an address at a trust under nhs.uk', async () => {
    const v = await visitor();
    const email = address('fellbrook.nhs.uk');
    expect((await v.send('POST', '/api/sign-in', { email })).status).toBe(200);
    expect(h.smtp.codeFor(email)).toMatch(/^\d{6}$/);
  });

  it('refuses an address at a domain that is not allowed, beside the email field, and sends nothing', async () => {
    const v = await visitor();
    const before = h.smtp.messages.length;
    for (const email of ['someone@gmail.com', 'someone@notnhs.net', 'someone@nhs.net.evil.example']) {
      const answer = await v.send('POST', '/api/sign-in', { email });
      expect(answer.status, email).toBe(422);
      expect(answer.body.errors).toEqual([{ id: 'email', message: expect.stringContaining('@nhs.net') }]);
    }
    expect(h.smtp.messages.length).toBe(before);
  });

  it('refuses an address with a control character, a look-alike, routing signs or stray dots, and takes every address staff have', async () => {
    const v = await visitor();
    const before = h.smtp.messages.length;
    // Each would be an address of its own, with its own limits, that the mail library delivers to victim@nhs.net or routes on.
    for (const email of ['vic\u0000tim@nhs.net', '\u0001victim@nhs.net', 'vic\u202etim@nhs.net', 'vic\u00adtim@nhs.net', 'victim%evil.example@nhs.net', 'evil!victim@nhs.net', 'a..b@nhs.net', '.victim@nhs.net', 'victim.@nhs.net', `${'x'.repeat(65)}@nhs.net`, 'victim@-.nhs.net', 'victim@trust-.nhs.net']) {
      const answer = await v.send('POST', '/api/sign-in', { email });
      expect(answer.status, JSON.stringify(email)).toBe(422);
      expect(answer.body.errors).toEqual([{ id: 'email', message: 'Enter your work email address, like name@nhs.net' }]);
    }
    expect(h.smtp.messages.length).toBe(before);
    for (const email of [`o'brien.${++n}@nhs.net`, `jo.bloggs${++n}+ward@nhs.net`, `Jo-Bloggs.${++n}@Fellbrook.NHS.uk`]) {
      expect((await v.send('POST', '/api/sign-in', { email })).status, email).toBe(200);
      expect(h.smtp.codeFor(email.toLowerCase())).toMatch(/^\d{6}$/);
    }
  });

  it('pretends to send when the hidden honeypot field is filled, and sends nothing', async () => {
    const v = await visitor();
    const before = h.smtp.messages.length;
    const answer = await v.send('POST', '/api/sign-in', { email: address(), website: 'https://spam.example' });
    expect(answer.status).toBe(200);
    expect(h.smtp.messages.length).toBe(before);
  });

  it('stores neither the code nor the address in clear', async () => {
    const v = await visitor();
    const email = address();
    await v.send('POST', '/api/sign-in', { email });
    const code = h.smtp.codeFor(email);
    const db = new DatabaseSync(h.database, { readOnly: true });
    const rows = JSON.stringify(db.prepare('SELECT * FROM codes').all());
    db.close();
    expect(rows).not.toContain(code);
    expect(rows).not.toContain(email);
  });
});

describe('typing the code in', () => {
  it('signs in with the right code, in a new HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const v = await visitor();
    const email = address();
    const before = v.cookie;
    await v.send('POST', '/api/sign-in', { email });
    const answer = await v.send('POST', '/api/verify', { email, code: h.smtp.codeFor(email) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ signedIn: true, email });
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('gateway_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(v.cookie).not.toBe(before);
    expect((await v.send('GET', '/api/session')).body).toMatchObject({ signedIn: true, email });
  });

  it('uses a code once only', async () => {
    const v = await visitor();
    const email = address();
    await v.send('POST', '/api/sign-in', { email });
    const code = h.smtp.codeFor(email);
    expect((await v.send('POST', '/api/verify', { email, code })).status).toBe(200);
    const again = await v.send('POST', '/api/verify', { email, code });
    expect(again.status).toBe(422);
    expect(again.body.errors?.[0].id).toBe('code');
  });

  it('refuses an expired code', async () => {
    const v = await visitor();
    const email = address();
    await v.send('POST', '/api/sign-in', { email });
    const code = h.smtp.codeFor(email);
    // Fifteen minutes pass.
    gateway.store.db.prepare('UPDATE codes SET expires_at = ?').run(Date.now() - 1);
    const answer = await v.send('POST', '/api/verify', { email, code });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ id: 'code', message: expect.stringMatching(/expired/) }]);
  });

  it('locks the address after five wrong codes, so the sixth try fails even with the right code', async () => {
    const v = await visitor();
    const email = address();
    await v.send('POST', '/api/sign-in', { email });
    const code = h.smtp.codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await v.send('POST', '/api/verify', { email, code: wrong })).status);
    expect(statuses).toEqual([422, 422, 422, 422, 429]);
    const sixth = await v.send('POST', '/api/verify', { email, code });
    expect(sixth.status).toBe(429);
    expect(sixth.body.errors?.[0]).toMatchObject({ id: 'code', message: expect.stringMatching(/locked/) });
    // A new code is not sent while the address is locked.
    const asked = await v.send('POST', '/api/sign-in', { email });
    expect(asked.status).toBe(429);
    // When to try again, in the UK's time as staff read their clocks, not the server's.
    const ukClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
    const lockEnds = [0, 1].map((m) => ukClock.format(Date.now() + (30 - m) * 60_000)); // locked up to a minute ago
    expect(asked.body.errors?.[0].message).toMatch(/try again after \d\d:\d\d UK time$/);
    expect(lockEnds).toContain(asked.body.errors?.[0].message.slice(-13, -8));
  });

  it('counts wrong codes across new codes, so asking again buys no more guesses', async () => {
    const v = await visitor();
    const email = address();
    const statuses: number[] = [];
    for (const guesses of [2, 2, 1]) {
      expect((await v.send('POST', '/api/sign-in', { email })).status).toBe(200);
      const code = h.smtp.codeFor(email);
      for (let i = 0; i < guesses; i++) statuses.push((await v.send('POST', '/api/verify', { email, code: code === '000000' ? '111111' : '000000' })).status);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 429]);
    // A right code starts the count again.
    const other = address();
    await v.send('POST', '/api/sign-in', { email: other });
    await v.send('POST', '/api/verify', { email: other, code: '000000' === h.smtp.codeFor(other) ? '111111' : '000000' });
    await v.send('POST', '/api/sign-in', { email: other });
    expect((await v.send('POST', '/api/verify', { email: other, code: h.smtp.codeFor(other) })).status).toBe(200);
    expect(gateway.store.db.prepare('SELECT tries FROM codes ORDER BY rowid DESC LIMIT 1').get()).toEqual({ tries: 0 });
  });
});

describe('CSRF and CORS', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const v = await visitor();
    v.csrf = '';
    const answer = await v.send('POST', '/api/sign-in', { email: address() });
    expect(answer.status).toBe(403);
  });

  it('refuses a state-changing request with the wrong CSRF token', async () => {
    const v = await visitor();
    const answer = await v.send('POST', '/api/sign-in', { email: address() }, { 'x-csrf-token': 'x'.repeat(v.csrf.length) });
    expect(answer.status).toBe(403);
  });

  it("refuses another session's CSRF token", async () => {
    const mine = await visitor();
    const theirs = await visitor();
    mine.csrf = theirs.csrf;
    expect((await mine.send('POST', '/api/sign-in', { email: address() })).status).toBe(403);
  });

  it("allows the site's own origin with credentials, and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway.url}/api/submissions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' } });
    const ours = await preflight(siteOrigin);
    expect(ours.headers.get('access-control-allow-origin')).toBe(siteOrigin);
    expect(ours.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('sends security headers', async () => {
    const answer = await fetch(`${gateway.url}/healthz`);
    expect(await answer.json()).toEqual({ status: 'ok' });
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age/);
  });
});
