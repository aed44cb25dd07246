/**
 * The links in the emails about a submission (gateway/src/email-links.ts): the one that stops
 * them, and a blueprint proposal's carry-on link to the drafting form. The gateway, a real SMTP
 * server on 127.0.0.1, the fake GitHub and a real SQLite file.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { goodAnswers, repository, siteOrigin, startHarness, until, Visitor, type Harness, type Mail } from './harness';

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
const stopLinkIn = (body: string) => body.match(/To stop the emails about this and delete your email address from it: (\S+)/)?.[1];

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
      ['application/json', 'List-Unsubscribe=One-Click'],
      ['text/plain', ''],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n'],
    ]) {
      const { id, link } = await sentProposal();
      const answer = await page(link, { method: 'POST', headers: { 'content-type': type }, body });
      expect(answer.status, type).toBe(200);
      expect(gateway.store.get(id)!.email).toBeNull();
    }
  });

  it('refuses a body larger than a stop link sends, saying so as text', async () => {
    const { id, link } = await sentProposal();
    const answer = await page(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a'.repeat(8 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.html).toBe('This is more than a stop link sends: open the link from the email and choose the button.');
    expect(gateway.store.get(id)!.email).not.toBeNull();
  });

  it('leaves a submission that can no longer be changed from the form, and says why', async () => {
    const { id, v, link } = await sentProposal();
    await page(link, { method: 'POST' });
    const edit = await v.send('PUT', `/api/submissions/${id}`, { answers: goodAnswers({ title: 'Stopping emails: a changed title after the address went' }) });
    expect(edit.status).toBe(409);
    expect(edit.body.errors![0].message).toMatch(/^The email address this was sent from has been deleted .*send it again as a new one$/);
    // Said as a reason too, so the site's forms can send the answers as a new proposal and say why.
    expect((edit.body as { unchangeable?: string }).unchangeable).toBe('address-deleted');
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
    const { id, email, link } = await sentProposal();
    const carryOn = tokenIn(carryOnLinkIn(mailsAbout(email)[0].body)!);
    expect((await answersFor(id, carryOn)).status).toBe(200);
    await page(link);
    await page(link, { method: 'POST' });
    const token = new URL(link).searchParams.get('token')!;
    expect(log.join('')).toContain('stop-emails');
    expect(log.join('')).toContain(`/api/submissions/${id}/answers`);
    expect(log.join('')).not.toContain(token);
    expect(log.join('')).not.toContain(carryOn);
  });
});

const carryOnLinkIn = (body: string) => body.match(/open it in the drafting form with this link, change it and send it again: the same pull request is updated\. (\S+)/)?.[1];
/** The gateway's answer for a carry-on link's id and token. */
const answersFor = (id: string, token: string) =>
  fetch(`${gateway.url}/api/submissions/${id}/answers?token=${encodeURIComponent(token)}`, { headers: { origin: siteOrigin } }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json()) as Record<string, unknown> & { errors?: { message: string }[] } }));
const tokenIn = (link: string) => new URL(link).hash.replace(/^#carry-on=[^.]+\./, '');

describe("a blueprint proposal's carry-on link", () => {
  it('is in the email with the pull request link and in news from GitHub, and opens the drafting form on the site', async () => {
    const { id, email } = await sentProposal();
    const link = carryOnLinkIn(mailsAbout(email)[0].body);
    expect(link).toMatch(new RegExp(`^${siteOrigin}/contribute/#carry-on=${id}\\.[A-Za-z0-9_-]{43}$`));
    const pull = gateway.store.get(id)!.pullNumber!;
    await fetch(`${h.fake.url}/repos/${repository}/issues/${pull}/comments`, {
      method: 'POST', headers: { authorization: 'token maintainer-token', 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Please add the cost of backfill.' }),
    });
    await look();
    expect(carryOnLinkIn(mailsAbout(email).at(-1)!.body)).toBe(link);
  });

  it("gives the form what was sent, to the site's origin only, with the name to credit", async () => {
    const email = `carrier.${++n}@nhs.net`;
    const v = new Visitor(gateway.url);
    await v.signIn(email, h.smtp);
    const answers = goodAnswers({ title: `Carrying on ${n}: a shared rota across two community trusts` });
    const answer = await v.submit(answers, { credit: { named: true, name: 'Sam Carrier' } });
    const id = answer.body.id as string;
    await until(() => mailsAbout(email).some((m) => m.body.includes('#carry-on=')), 'the email with the link');
    const got = await answersFor(id, tokenIn(carryOnLinkIn(mailsAbout(email)[0].body)!));
    expect(got.status).toBe(200);
    expect(got.headers.get('access-control-allow-origin')).toBe(siteOrigin);
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(got.body).toMatchObject({ id, answers, credit: { named: true, name: 'Sam Carrier' }, notDuplicate: false });
    expect(got.body.key).toBe(gateway.store.get(id)!.idempotencyKey);
    expect(JSON.stringify(got.body)).not.toContain(email);
  });

  it("opens nothing without its own token: none, another proposal's, the stop link's, or one cut short", async () => {
    const first = await sentProposal();
    const second = await sentProposal();
    const stopToken = new URL(first.link).searchParams.get('token')!;
    const secondToken = tokenIn(carryOnLinkIn(mailsAbout(second.email)[0].body)!);
    const firstToken = tokenIn(carryOnLinkIn(mailsAbout(first.email)[0].body)!);
    for (const token of ['', secondToken, stopToken, firstToken.slice(0, -1)]) {
      const got = await answersFor(first.id, token);
      expect(got.status, token).toBe(404);
      expect(got.body.errors![0].message).toBe('This link does not open a proposal: check that you copied the whole link from the email');
    }
    expect((await answersFor(first.id, firstToken)).status).toBe(200);
  });

  it('opens nothing once the proposal is accepted, or its emails were stopped, and says why', async () => {
    const merged = await sentProposal();
    await fetch(`${h.fake.url}/repos/${repository}/pulls/${gateway.store.get(merged.id)!.pullNumber}/merge`, { method: 'PUT', headers: { authorization: 'token maintainer-token' } });
    await look();
    const accepted = await answersFor(merged.id, tokenIn(carryOnLinkIn(mailsAbout(merged.email)[0].body)!));
    expect(accepted.status).toBe(409);
    expect(accepted.body.errors![0].message).toBe('This was accepted, so it can no longer be changed: send a new one instead');

    const stopped = await sentProposal();
    await page(stopped.link, { method: 'POST' });
    const gone = await answersFor(stopped.id, tokenIn(carryOnLinkIn(mailsAbout(stopped.email)[0].body)!));
    expect(gone.status).toBe(409);
    expect(gone.body.errors![0].message).toMatch(/^The email address this was sent from has been deleted/);
  });
});
