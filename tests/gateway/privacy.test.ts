/** The gateway's privacy notice (gateway/src/privacy-page.ts) says what it keeps from the settings it runs with. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { startHarness, type Harness } from './harness';

let h: Harness;
const started: Gateway[] = [];

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  for (const g of started) await g.close();
  await h?.close();
});

async function noticeFrom(env: Record<string, string>): Promise<{ status: number; type: string | null; text: string }> {
  const gateway = await startGateway(settingsFromEnv({ ...h.env, ...env }));
  started.push(gateway);
  const response = await fetch(`${gateway.url}/privacy`);
  const html = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

describe("the gateway's privacy notice", () => {
  it('gives the retention period, session length and code lifetime it runs with', async () => {
    const notice = await noticeFrom({ GATEWAY_RETENTION_DAYS: '30', GATEWAY_SESSION_HOURS: '1', GATEWAY_CODE_MINUTES: '10' });
    expect(notice.status).toBe(200);
    expect(notice.type).toBe('text/html; charset=utf-8');
    expect(notice.text).toContain('We delete it from what you sent 30 days after you send');
    expect(notice.text).toContain('We delete our copy after 30 days.');
    expect(notice.text).toContain('ends when you sign out or after 1 hour.');
    expect(notice.text).toContain('they work for 10 minutes');
  });

  it("offers the site team's mailbox for questions when there is one, and the stop link either way", async () => {
    const without = await noticeFrom({});
    expect(without.text).toContain('To have your email address deleted sooner, follow the link at the foot of any email from us');
    expect(without.text).not.toContain('mailto:');
    expect(without.text).toContain('Only the people who run this service can see your email address.');
    const withMailbox = await noticeFrom({ MAIL_REPLY_TO: 'blueprints@example.nhs.uk' });
    expect(withMailbox.text).toContain('email the site team at blueprints@example.nhs.uk , or reply to any email from us');
    expect(withMailbox.text).toContain('and the site team if you reply to one of its emails.');
  });
});
