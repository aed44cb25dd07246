/** Rate limits per email address and per IP address, with their own small limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { goodAnswers, startHarness, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '25', GATEWAY_CODES_PER_HOUR: '2', GATEWAY_SUBMISSIONS_PER_HOUR: '2' });
  gateway = await startGateway(settingsFromEnv(h.env));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

describe('rate limits', () => {
  it('sends at most the set number of codes an hour to one address, whatever the session', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const v = new Visitor(gateway.url);
      await v.send('GET', '/api/session');
      statuses.push((await v.send('POST', '/api/sign-in', { email: 'busy.person@nhs.net' })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const other = new Visitor(gateway.url);
    await other.send('GET', '/api/session');
    expect((await other.send('POST', '/api/sign-in', { email: 'someone.else@nhs.net' })).status).toBe(200);
  });

  it('takes at most the set number of edits an hour from one address, apart from its new submissions', async () => {
    const v = new Visitor(gateway.url);
    await v.signIn('keen.editor@nhs.net', h.smtp);
    const sent = await v.submit(goodAnswers({ title: 'Limits: shared rostering across two community trusts' }));
    expect(sent.status).toBe(202);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await v.send('PUT', `/api/submissions/${sent.body.id as string}`, { answers: goodAnswers({ title: `Limits: shared rostering across two community trusts, take ${i + 2}` }) })).status);
    expect(statuses).toEqual([202, 202, 429]);
    const second = { idempotencyKey: 'limits-second-blueprint-0001', answers: goodAnswers({ title: 'Limits: a second blueprint on community rostering' }) };
    expect((await v.send('POST', '/api/submissions', second)).status).toBe(202);
    // Both new submissions the hour allows are used; the same form sent again still gets its answer.
    expect((await v.submit(goodAnswers({ title: 'Limits: a third blueprint on community rostering' }))).status).toBe(429);
    const again = await v.send('POST', '/api/submissions', second);
    expect(again.status).toBe(200);
    expect(again.body.id).toBeTruthy();
  });

  it('answers 429 with a message once one IP address makes too many requests in a minute', async () => {
    let last = 0;
    let body: unknown;
    for (let i = 0; i < 30 && last !== 429; i++) {
      const response = await fetch(`${gateway.url}/healthz`);
      last = response.status;
      body = await response.json();
    }
    expect(last).toBe(429);
    expect(body).toEqual({ errors: [{ id: '', message: expect.stringMatching(/^Too many requests: wait \d+ seconds/) }] });
  });
});

describe('behind a reverse proxy (GATEWAY_TRUST_PROXY)', () => {
  it('counts requests by the address the proxy saw, whatever the client wrote before it', async () => {
    for (const trust of ['true', '127.0.0.1']) {
      const behind = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '3', GATEWAY_TRUST_PROXY: trust });
      const proxied = await startGateway(settingsFromEnv(behind.env));
      try {
        // The proxy, on loopback here, appends the address it saw (203.0.113.9) to whatever the client sent.
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` } })).status);
        expect(statuses, trust).toEqual([200, 200, 200, 429, 429]);
        // Another client, seen by the proxy at its own address, has its own count.
        expect((await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.10' } })).status, trust).toBe(200);
      } finally {
        await proxied.close();
        await behind.close();
      }
    }
  });
});
