/**
 * Following up for a contributor without a GitHub account: the gateway looks at the pull request
 * (or feedback issue) it opened, on the fake GitHub, and emails the contributor, over real SMTP,
 * what the site team said and whether it was merged or closed; the status page shows the same.
 * Only people with write access are passed on, each reply once, and a failed look or email is
 * tried again at the next look.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { createMailer, type Mailer } from '../../gateway/src/mail';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { projectRoot } from '../support/fake-github';
import { goodAnswers, repository, siteOrigin, startHarness, until, Visitor, type Harness, type Mail } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;
/** The time each look happens at: ten minutes and more apart, as GATEWAY_FOLLOW_MINUTES (10) asks. */
let clock = Date.now();
const look = (on: Gateway = gateway) => on.worker.followUp((clock += 11 * 60_000));

/** The site team's mailbox, where replies to the emails about a submission go. */
const siteTeamMailbox = 'blueprints@example.nhs.uk';
const limits = { GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000', GATEWAY_SUBMISSIONS_PER_HOUR: '1000' };

beforeAll(async () => {
  h = await startHarness(limits);
  h.fake.addUser('maintainer', 'maintainer-token');
  h.fake.addUser('stranger', 'stranger-token');
  // An organisation member whose membership is private: GitHub calls them a contributor, though they can write.
  h.fake.addUser('quiet-member', 'quiet-member-token');
  h.fake.privateMembers.add('quiet-member');
  h.fake.repo(repository).collaborators.add('maintainer');
  gateway = await startGateway(settingsFromEnv({ ...h.env, MAIL_REPLY_TO: siteTeamMailbox }));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

/** A request to the fake GitHub as one of its users, as the site team would act on github.com. */
async function asUser(token: string, method: string, path: string, body?: unknown): Promise<{ id?: number }> {
  const response = await fetch(`${h.fake.url}/repos/${repository}${path}`, {
    method, headers: { authorization: `token ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? {} : ((await response.json()) as { id?: number });
}
const maintainer = (method: string, path: string, body?: unknown) => asUser('maintainer-token', method, path, body);

/** An email as its reader sees it: quoted-printable undone. */
const textOf = (m: Mail) => {
  const [folded, ...rest] = m.raw.split('\r\n\r\n');
  const head = folded.replace(/\r\n[ \t]+/g, ' ');
  const body = rest.join('\r\n\r\n').replace(/=\r\n/g, '').replace(/\r\n/g, '\n');
  return `${head}\n\n${Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')}`;
};
/** The emails to `email` after the sign-in code: the pull request link, then the news. */
const mailsTo = (email: string, harness: Harness = h) => harness.smtp.messages.filter((m) => m.to.includes(email)).map(textOf).filter((t) => !/^Subject: .*sign-in code/m.test(t));
const subjectOf = (text: string) => text.match(/^Subject: (.*)$/m)?.[1] ?? '';

/** A contributor's blueprint proposal, sent: its id, pull request number and the contributor's address. */
async function sentProposal(on: Gateway = gateway, harness: Harness = h): Promise<{ id: string; pull: number; email: string; v: Visitor }> {
  const email = `author.${++n}@nhs.net`;
  const v = new Visitor(on.url);
  await v.signIn(email, harness.smtp);
  const answer = await v.submit(goodAnswers({ title: `Follow-up ${n}: shared rostering across two community trusts` }));
  expect(answer.status).toBe(202);
  const id = answer.body.id as string;
  await until(() => on.store.get(id)?.state === 'sent', `submission ${id} to be sent`);
  // The email with the pull request link, which every proposal gets at once.
  await until(() => mailsTo(email, harness).some((t) => t.includes('/pull/')), 'the pull request email');
  return { id, pull: on.store.get(id)!.pullNumber!, email, v };
}

const statusPage = async (id: string, on: Gateway = gateway) => (await fetch(`${on.url}/submissions/${id}`)).text();

describe('following up on a pull request', () => {
  it('does not look before GATEWAY_FOLLOW_MINUTES have passed since sending', async () => {
    const { id, email } = await sentProposal();
    // The first email names what was sent, by its title on GitHub, and promises what the gateway will pass on.
    expect(mailsTo(email)[0]).toContain(`It is called “Blueprint: Follow-up ${n}: shared rostering across two community trusts” there.`);
    expect(mailsTo(email)[0]).toContain('When the site team replies, or your proposal is accepted or closed, we email you here.');
    const before = h.fake.requestsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}').length;
    await gateway.worker.followUp(Date.now());
    expect(h.fake.requestsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}').length).toBe(before);
    expect(gateway.store.get(id)!.githubState).toBeNull();
  });

  it("passes on the site team's review and comments by email and on the status page, each once, and nobody else's", async () => {
    const { id, pull, email } = await sentProposal();
    await look();
    expect(gateway.store.get(id)!.githubState).toBe('open');
    expect(mailsTo(email)).toHaveLength(1);

    await maintainer('POST', `/pulls/${pull}/reviews`, { event: 'REQUEST_CHANGES', body: 'Please add what the backfill cost.\nWhich year are the figures from?' });
    await asUser('stranger-token', 'POST', `/issues/${pull}/comments`, { body: 'Claim your prize at https://prize.example/now' });
    // The gateway's own bot writing on its pull request is not news for the contributor.
    await asUser(h.fake.issuedTokens.at(-1)!.token, 'POST', `/issues/${pull}/comments`, { body: 'Updated by the gateway' });
    await look();

    const [, news] = mailsTo(email);
    expect(subjectOf(news)).toBe('Blueprint Commons: the site team asked for changes to your blueprint proposal');
    expect(news).toContain('maintainer (site team), ');
    expect(news).toContain(`your blueprint proposal ("Follow-up ${n}: shared rostering across two community trusts")`);
    expect(news).toContain('asking for changes:');
    expect(news).toContain('> Please add what the backfill cost.\n> Which year are the figures from?');
    expect(news).toContain(`${siteOrigin}/contribute/`);
    expect(news).toContain(`/submissions/${id}`);
    expect(news).not.toContain('prize.example');
    expect(news).not.toContain('Updated by the gateway');
    // The contributor can answer the question by replying: it goes to the site team's mailbox, not the gateway's.
    expect(news).toMatch(new RegExp(`^Reply-To: ${siteTeamMailbox}$`, 'm'));
    expect(news).toContain(`You can reply to this email: replies go to the site team (${siteTeamMailbox}).`);
    const code = h.smtp.messages.filter((m) => m.to.includes(email)).map(textOf).find((t) => /^Subject: .*sign-in code/m.test(t))!;
    expect(code).not.toMatch(/^Reply-To:/m);

    const page = await statusPage(id);
    expect(page).toContain('Replies from the site team');
    expect(page).toContain('<strong>maintainer</strong> asked for changes');
    expect(page).toContain('Which year are the figures from?');
    expect(page).not.toContain('prize.example');

    // Nothing new: no email. A new comment: an email with that comment alone.
    await look();
    expect(mailsTo(email)).toHaveLength(2);
    const thanks = await maintainer('POST', `/issues/${pull}/comments`, { body: 'Thanks: the figures are fine now.' });
    await look();
    const all = mailsTo(email);
    expect(all).toHaveLength(3);
    expect(subjectOf(all[2])).toBe('Blueprint Commons: the site team replied about your blueprint proposal');
    expect(all[2]).toContain('> Thanks: the figures are fine now.');
    expect(all[2]).not.toContain('backfill');

    // A reply edited on GitHub: an email with its new text, saying it was edited, once; the status page shows the new text.
    await maintainer('PATCH', `/issues/comments/${thanks.id}`, { body: 'Thanks: the figures are fine now, but add the year.' });
    await look();
    await look();
    const edited = mailsTo(email);
    expect(edited).toHaveLength(4);
    expect(subjectOf(edited[3])).toBe('Blueprint Commons: the site team edited a reply about your blueprint proposal');
    expect(edited[3]).toMatch(/maintainer \(site team\), .*, since edited; it now reads:\n> Thanks: the figures are fine now, but add the year\./);
    expect(edited[3]).not.toContain('Which year are the figures from?');
    const updated = await statusPage(id);
    expect(updated).toContain('but add the year.');
    expect(updated).not.toMatch(/the figures are fine now\.</);

    // A reply deleted on GitHub goes from the status page, with no email; the others stay.
    await maintainer('DELETE', `/issues/comments/${thanks.id}`);
    await look();
    expect(mailsTo(email)).toHaveLength(4);
    const after = await statusPage(id);
    expect(after).not.toContain('the figures are fine now');
    expect(after).toContain('Which year are the figures from?');
  });

  it('passes on a site team member whom GitHub calls a contributor (private membership), after asking what they may do', async () => {
    const { pull, email } = await sentProposal();
    await asUser('quiet-member-token', 'POST', `/issues/${pull}/comments`, { body: 'I look after the workforce blueprints: this is welcome.' });
    await asUser('stranger-token', 'POST', `/issues/${pull}/comments`, { body: 'Great post, visit my site' });
    const asked = () => h.fake.requestsTo('GET /repos/{owner}/{repo}/collaborators/{username}/permission').map((r) => r.path.split('/').at(-2));
    const before = asked().length;
    await look();
    // Asked for each author GitHub does not already call the site team (other open pull requests are looked at too).
    expect(new Set(asked().slice(before))).toEqual(new Set(['quiet-member', 'stranger']));
    const news = mailsTo(email).at(-1)!;
    expect(news).toContain('> I look after the workforce blueprints: this is welcome.');
    expect(news).not.toContain('visit my site');
  });

  it('asks GitHub for a token that can only read pull requests', async () => {
    const { pull } = await sentProposal();
    await maintainer('POST', `/issues/${pull}/comments`, { body: 'Looking at this today.' });
    await look();
    // @octokit/auth-app keeps a token for each set of permissions until it nears its end, so earlier looks' token may be the one used.
    const sets = h.fake.issuedTokens.map((t) => JSON.stringify(t.permissions));
    expect(sets).toContain(JSON.stringify({ pull_requests: 'read' }));
    const known = [{ contents: 'write', pull_requests: 'write' }, { pull_requests: 'read' }, { issues: 'write' }, { issues: 'read' }].map((p) => JSON.stringify(p));
    for (const set of sets) expect(known).toContain(set);
    for (const t of h.fake.issuedTokens) expect(t.repos).toEqual([repository]);
  });

  it('says when the pull request is merged, with the page it becomes, and then stops looking', async () => {
    const { id, pull, email } = await sentProposal();
    const slug = gateway.store.get(id)!.payload!.path.split('/').pop()!.replace(/\.mdx$/, '');
    await maintainer('PUT', `/pulls/${pull}/merge`);
    await look();
    const news = mailsTo(email).at(-1)!;
    expect(subjectOf(news)).toBe('Blueprint Commons: your blueprint proposal was accepted');
    expect(news).toContain(`It will be at ${siteOrigin}/blueprints/${slug}/ once the site is next published.`);
    expect(news).not.toContain('To change your proposal');
    expect(gateway.store.get(id)!.githubState).toBe('merged');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'gateway/src/cli.ts', 'status'], { cwd: projectRoot, env: { PATH: process.env.PATH, GATEWAY_DATABASE: h.database } });
    expect(stdout).toMatch(new RegExp(`${id} .*/pull/${pull}  on GitHub: merged`));
    const page = await statusPage(id);
    expect(page).toContain('<h1>Accepted</h1>');
    expect(page).toContain('<title>Accepted: Blueprint Commons</title>');
    expect(page).toContain(`Your blueprint proposal was accepted. It will be at ${siteOrigin}/blueprints/${slug}/ once the site is next published.`);

    const looks = h.fake.requestsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}').filter((r) => r.path.endsWith(`/pulls/${pull}`)).length;
    await maintainer('POST', `/issues/${pull}/comments`, { body: 'Published.' });
    await look();
    expect(h.fake.requestsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}').filter((r) => r.path.endsWith(`/pulls/${pull}`))).toHaveLength(looks);
    expect(mailsTo(email)).toHaveLength(2);
  });

  it('refuses a change to a proposal once it is merged or closed, and the worker opens no second pull request for one made before the gateway knew', async () => {
    const edit = (v: Visitor, id: string) => v.send('PUT', `/api/submissions/${id}`, { answers: goodAnswers({ title: `Follow-up ${n}: shared rostering across two community trusts, changed` }) });
    const merged = await sentProposal();
    await maintainer('PUT', `/pulls/${merged.pull}/merge`);
    await look();
    const refused = await edit(merged.v, merged.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ errors: [{ id: '', message: 'This was accepted, so it can no longer be changed: send a new one instead' }], unchangeable: 'merged' });
    // Closed, and changed before the gateway has looked: accepted, not sent, and the contributor told at the next look.
    const closed = await sentProposal();
    await maintainer('PATCH', `/pulls/${closed.pull}`, { state: 'closed' });
    const pulls = h.fake.requestsTo('POST /repos/{owner}/{repo}/pulls').length;
    const branchHead = () => h.fake.repo(repository).git.ref(`heads/${gateway.store.get(closed.id)!.branch}`);
    const head = branchHead();
    expect((await edit(closed.v, closed.id)).status).toBe(202);
    await until(() => gateway.store.get(closed.id)?.lastError?.startsWith('Not sent') === true, 'the change to a closed proposal to be set aside');
    expect(gateway.store.get(closed.id)).toMatchObject({ state: 'sent', lastError: `Not sent: pull request ${closed.pull} was closed before this change arrived` });
    expect(h.fake.requestsTo('POST /repos/{owner}/{repo}/pulls')).toHaveLength(pulls);
    expect(branchHead()).toBe(head);
    await gateway.worker.followUp(Date.now());
    const news = mailsTo(closed.email).at(-1)!;
    expect(subjectOf(news)).toBe('Blueprint Commons: your blueprint proposal was closed without being published');
    expect(news).toContain('without publishing it. Your last change to it arrived after that, so it is not part of it: send it again as a new one.');
    expect(await statusPage(closed.id)).toContain('Your last change to it arrived after that, so it is not part of it');
    expect((await edit(closed.v, closed.id)).body).toEqual({ errors: [{ id: '', message: 'This was closed by the site team, so it can no longer be changed: send a new one instead' }], unchangeable: 'closed' });
  });

  it('says when the pull request is closed without being merged, with the reason given', async () => {
    const { id, pull, email } = await sentProposal();
    await maintainer('POST', `/issues/${pull}/comments`, { body: 'This repeats an existing blueprint, so we are closing it.' });
    await maintainer('PATCH', `/pulls/${pull}`, { state: 'closed' });
    await look();
    const news = mailsTo(email).at(-1)!;
    expect(subjectOf(news)).toBe('Blueprint Commons: your blueprint proposal was closed without being published');
    expect(news).toContain('> This repeats an existing blueprint, so we are closing it.');
    expect((await statusPage(id))).toContain('<h1>Closed</h1>');
  });

  it('shows a reply as text on the status page, never as markup', async () => {
    const { id, pull } = await sentProposal();
    await maintainer('POST', `/issues/${pull}/comments`, { body: '<script>alert(1)</script><a href="javascript:alert(2)">here</a>' });
    await look();
    const page = await statusPage(id);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<a href="javascript');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('looks again later when GitHub fails, and emails the news once', async () => {
    const { id, pull, email } = await sentProposal();
    await maintainer('POST', `/issues/${pull}/comments`, { body: 'One question about the costs.' });
    h.fake.fail('GET /repos/{owner}/{repo}/pulls/{pull_number}', { status: 502, times: 20 });
    await look();
    h.fake.clearFaults();
    expect(mailsTo(email)).toHaveLength(1);
    expect(gateway.store.seenReplies(id).size).toBe(0);
    await look();
    await look();
    const all = mailsTo(email);
    expect(all).toHaveLength(2);
    expect(all[1]).toContain('> One question about the costs.');
  });
});

describe('following up on feedback', () => {
  it("passes on the site team's reply and the issue's closing, with a token that can only read issues", async () => {
    const email = `reader.${++n}@nhs.net`;
    const v = new Visitor(gateway.url);
    await v.signIn(email, h.smtp);
    const answer = await v.submit({ page: '', kind: 'missing', feedback: 'A page on digital clinical safety would help small trusts.', role: 'CCIO', confirm: ['no-patient-data'] }, { kind: 'feedback' });
    expect(answer.status).toBe(202);
    const id = answer.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'sent', 'the feedback to be sent');
    const issue = gateway.store.get(id)!.pullNumber!;
    await maintainer('POST', `/issues/${issue}/comments`, { body: 'Added to our list for the spring.' });
    await maintainer('PATCH', `/issues/${issue}`, { state: 'closed' });
    const before = h.fake.issuedTokens.length;
    await look();
    for (const t of h.fake.issuedTokens.slice(before)) expect(t.permissions).toEqual({ issues: 'read' });
    const news = mailsTo(email).at(-1)!;
    expect(subjectOf(news)).toBe('Blueprint Commons: the site team closed your feedback');
    expect(news).toContain('> Added to our list for the spring.');
    expect(news).not.toContain('pull request is updated');
  });
});

describe('an email that cannot be sent', () => {
  it('is sent at the next look, and the news is not marked seen until it is', async () => {
    const h2 = await startHarness(limits);
    h2.fake.addUser('maintainer', 'maintainer-token');
    h2.fake.repo(repository).collaborators.add('maintainer');
    const settings = settingsFromEnv({ ...h2.env, GATEWAY_DATABASE: join(h2.dir, 'other.sqlite') });
    const real = createMailer(settings.mail);
    let refuse = true;
    const mailer: Mailer = {
      async send(message) {
        if (refuse && message.subject.includes('replied')) throw Object.assign(new Error('451 try again later'), { code: 'EMESSAGE' });
        return real.send(message);
      },
      close: () => real.close(),
    };
    const g2 = await startGateway(settings, { mailer });
    try {
      const { id, pull, email } = await sentProposal(g2, h2);
      await fetch(`${h2.fake.url}/repos/${repository}/issues/${pull}/comments`, {
        method: 'POST', headers: { authorization: 'token maintainer-token', 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Can you add the go-live date?' }),
      });
      await look(g2);
      expect(g2.store.seenReplies(id).size).toBe(0);
      expect(mailsTo(email, h2)).toHaveLength(1);
      refuse = false;
      await look(g2);
      expect(g2.store.seenReplies(id).size).toBe(1);
      const all = mailsTo(email, h2);
      expect(all).toHaveLength(2);
      expect(all[1]).toContain('> Can you add the go-live date?');
      // Without MAIL_REPLY_TO, nobody would read a reply: the email says so.
      expect(all[1]).toContain('This email was sent automatically: replies to it are not read.');
      expect(all[1]).not.toMatch(/^Reply-To:/m);
    } finally {
      await g2.close();
      await h2.close();
    }
  });
});

describe('with following up turned off (GATEWAY_FOLLOW_MINUTES=0)', () => {
  it('never looks, and the first email promises nothing more', async () => {
    const h3 = await startHarness(limits);
    const g3 = await startGateway(settingsFromEnv({ ...h3.env, GATEWAY_FOLLOW_MINUTES: '0' }));
    try {
      const { id, email } = await sentProposal(g3, h3);
      expect(mailsTo(email, h3)[0]).not.toContain('we email you here');
      expect(await g3.worker.followUp(Date.now() + 365 * 24 * 60 * 60_000)).toEqual({ looked: 0, emailed: 0 });
      expect(g3.store.get(id)!.githubState).toBeNull();
    } finally {
      await g3.close();
      await h3.close();
    }
  });
});

describe('after the retention period', () => {
  it('forgets the replies with the address, and no longer looks', async () => {
    const { id, pull } = await sentProposal();
    await maintainer('POST', `/issues/${pull}/comments`, { body: 'Kept until retention.' });
    await look();
    expect(gateway.store.replies(id)).toHaveLength(1);
    gateway.store.forgetPeople(Date.now() + 1);
    expect(gateway.store.replies(id)).toHaveLength(0);
    expect(gateway.store.dueForFollowUp(Number.MAX_SAFE_INTEGER, 100).map((s) => s.id)).not.toContain(id);
  });
});
