/** Rate limits per email address and per IP address, with their own small limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { startHarness, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '25', GATEWAY_CODES_PER_HOUR: '2' });
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
