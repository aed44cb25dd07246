/**
 * Stopping the emails about a submission from the link in each of them (gateway/src/stop-emails.ts):
 * the gateway, a real SMTP server on 127.0.0.1, the fake GitHub and a real SQLite file.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { goodAnswers, repository, startHarness, until, Visitor, type Harness, type Mail } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;
let clock = Date.now();
/** One look at GitHub, eleven minutes after the last (GATEWAY_FOLLOW_MINUTES is 10). */
const look = () => gateway.worker.followUp((clock += 11 * 60_000));
const log: string[] = [];

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000', GATEWAY_SUBMISSIONS_PER_HOUR: '1000', LOG_LEVEL: 'debug' });
  h.fake.addUser('maintainer', 'maintainer-token');
  h.fake.repo(repository).collaborators.add('maintainer');
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  gateway = await startGateway(settingsFromEnv(h.env), { logStream });
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

/** An email's headers unfolded and its body with quoted-printable undone. */
function read(m: Mail): { head: string; body: string } {
  const [folded, ...rest] = m.raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n').replace(/=\r\n/g, '').replace(/\r\n/g, '\n');
  return { head: folded.replace(/\r\n[ \t]+/g, ' '), body: Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8') };
}
const mailsAbout = (email: string) => h.smtp.messages.filter((m) => m.to.includes(email)).map(read).filter((m) => !/^Subject: .*sign-in code/m.test(m.head));
const stopLinkIn = (body: string) => body.match(/To stop these emails and delete your email address from our records: (\S+)/)?.[1];

async function sentProposal(): Promise<{ id: string; email: string; v: Visitor; link: string }> {
  const email = `stopper.${++n}@nhs.net`;
  const v = new Visitor(gateway.url);
  await v.signIn(email, h.smtp);
  const answer = await v.submit(goodAnswers({ title: `Stopping emails ${n}: a shared rota across two community trusts` }));
  expect(answer.status).toBe(202);
  const id = answer.body.id as string;
  await until(() => mailsAbout(email).some((m) => m.body.includes('/pull/')), 'the pull request email');
  const link = stopLinkIn(mailsAbout(email)[0].body);
  expect(link).toBeDefined();
  return { id, email, v, link: link! };
}

/** The gateway's page at `url`: an emailed link names the gateway's public address, which here is port 0, so it is asked of the running gateway. */
const page = async (url: string, init?: RequestInit) => {
  const { pathname, search } = new URL(url);
  const response = await fetch(`${gateway.url}${pathname}${search}`, init);
  return { status: response.status, html: await response.text(), headers: response.headers };
};

describe('the link that stops the emails about a submission', () => {
  it('is in the email with the pull request link, and in its List-Unsubscribe headers for one-click unsubscribing', async () => {
    const { id, email, link } = await sentProposal();
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:0/submissions/${id}/stop-emails\\?token=[A-Za-z0-9_-]{43}$`));
    const { head } = mailsAbout(email)[0];
    expect(head).toContain(`List-Unsubscribe: <${link}>`);
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it('opens a page that asks first: following the link (as a mail scanner would) stops nothing', async () => {
    const { id, link } = await sentProposal();
    const opened = await page(link);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('<h1>Stop emails about your blueprint proposal</h1>');
    expect(opened.html).toMatch(/<form method="post" action="\/submissions\/[^"]+\/stop-emails\?token=[^"]+"><button type="submit">Stop emails and delete my address<\/button><\/form>/);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    expect(gateway.store.get(id)!.email).not.toBeNull();
  });

  it("refuses a link without the right token, or with another submission's, and changes nothing", async () => {
    const first = await sentProposal();
    const second = await sentProposal();
    const token = new URL(second.link).searchParams.get('token')!;
    const wrong = [
      `${gateway.url}/submissions/${first.id}/stop-emails`,
      `${gateway.url}/submissions/${first.id}/stop-emails?token=`,
      `${gateway.url}/submissions/${first.id}/stop-emails?token=${token}`,
      `${gateway.url}/submissions/${first.id}/stop-emails?token=${token.slice(0, -1)}`,
      `${gateway.url}/submissions/nosuchsubmission/stop-emails?token=${token}`,
    ];
    for (const url of wrong) {
      for (const method of ['GET', 'POST']) {
        const answer = await page(url, { method });
        expect(answer.status, `${method} ${url}`).toBe(404);
        expect(answer.html).toContain('<h1>This link does not work</h1>');
      }
    }
    expect(gateway.store.get(first.id)!.email).toBe(first.email);
  });

  it("stops the emails with the page's button: the address is deleted, the site team's replies are no longer emailed, and the status page still works", async () => {
    const { id, email, link } = await sentProposal();
    const opened = await page(link);
    const action = opened.html.match(/action="([^"]+)"/)![1].replace(/&#38;/g, '&');
    // What a browser sends for the page's form: its action under the gateway's address, a form-encoded body.
    const stopped = await page(new URL(action, gateway.url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(stopped.status).toBe(200);
    expect(stopped.html).toContain('<h1>Emails stopped</h1>');
    expect(gateway.store.get(id)!.email).toBeNull();
    expect(gateway.store.get(id)!.state).toBe('sent');

    const before = mailsAbout(email).length;
    const pull = gateway.store.get(id)!.pullNumber!;
    const reply = await fetch(`${h.fake.url}/repos/${repository}/issues/${pull}/comments`, {
      method: 'POST', headers: { authorization: 'token maintainer-token', 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Could you add the cost of backfill?' }),
    });
    expect(reply.status).toBe(201);
    await look();
    await look();
    expect(mailsAbout(email)).toHaveLength(before);
    expect(gateway.store.dueForFollowUp(Number.MAX_SAFE_INTEGER, 1000).map((s) => s.id)).not.toContain(id);
    expect((await page(`${gateway.url}/submissions/${id}`)).status).toBe(200);

    const again = await page(link);
    expect(again.html).toContain('<h1>Emails already stopped</h1>');
    expect((await page(link, { method: 'POST' })).html).toContain('<h1>Emails already stopped</h1>');
  });

  it("takes a mail program's one-click POST (RFC 8058), form-encoded or multipart", async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'List-Unsubscribe=One-Click'],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n'],
    ]) {
      const { id, link } = await sentProposal();
      const answer = await page(link, { method: 'POST', headers: { 'content-type': type }, body });
      expect(answer.status, type).toBe(200);
      expect(gateway.store.get(id)!.email).toBeNull();
    }
  });

  it('leaves a submission that can no longer be changed from the form, and says why', async () => {
    const { id, v, link } = await sentProposal();
    await page(link, { method: 'POST' });
    const edit = await v.send('PUT', `/api/submissions/${id}`, { answers: goodAnswers({ title: 'Stopping emails: a changed title after the address went' }) });
    expect(edit.status).toBe(409);
    expect(edit.body.errors![0].message).toMatch(/^The email address this was sent from has been deleted .*send it again as a new one$/);
  });

  it('is in every email of news from GitHub too', async () => {
    const { id, email } = await sentProposal();
    const pull = gateway.store.get(id)!.pullNumber!;
    await fetch(`${h.fake.url}/repos/${repository}/issues/${pull}/comments`, {
      method: 'POST', headers: { authorization: 'token maintainer-token', 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Thank you: one question below.' }),
    });
    await look();
    const news = mailsAbout(email).at(-1)!;
    expect(news.head).toMatch(/^Subject: Blueprint Commons: the site team replied/m);
    expect(stopLinkIn(news.body)).toBe(stopLinkIn(mailsAbout(email)[0].body));
  });

  it('never writes a token into the log', async () => {
    const { link } = await sentProposal();
    await page(link);
    await page(link, { method: 'POST' });
    const token = new URL(link).searchParams.get('token')!;
    expect(log.join('')).toContain('stop-emails');
    expect(log.join('')).not.toContain(token);
  });
});
