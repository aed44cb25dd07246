/**
 * Feedback on a page without a GitHub account: answers to the feedback questions sent through
 * the gateway are checked, stored, and opened as one issue by the GitHub App on the fake GitHub,
 * with a token that may write issues and nothing else. The issue names the page and quotes the
 * feedback, inert; it never carries the sender's address. A crash or a 5xx between GitHub opening
 * the issue and the gateway recording it still leaves one issue.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { Store } from '../../gateway/src/store';
import { errorsOf, goodAnswers, repository, startHarness, until, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;

const limits = { GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000', GATEWAY_SUBMISSIONS_PER_HOUR: '1000' };

beforeAll(async () => {
  h = await startHarness(limits);
  gateway = await startGateway(settingsFromEnv(h.env));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

async function reader(on: Gateway = gateway, harness: Harness = h): Promise<{ v: Visitor; email: string }> {
  const email = `reader.${++n}@nhs.net`;
  const v = new Visitor(on.url);
  await v.signIn(email, harness.smtp);
  return { v, email };
}

const playbook = 'src/content/playbooks/choose-buy-and-move-onto-an-epr.mdx';
const playbookTitle = 'Choose, buy and move onto an EPR without paying twice';

/** Feedback as the site's feedback page sends it, from "Give feedback on this page" on a playbook. */
const feedback = (overrides: Record<string, unknown> = {}) => ({
  page: playbook,
  kind: 'wrong',
  feedback: 'Step 3 says the framework ends in 2025.\nIt was extended: ask @octocat, and see https://example.org/framework. Fixes #1.',
  role: 'Procurement lead at an acute trust',
  confirm: ['no-patient-data'],
  ...overrides,
});

const give = (v: Visitor, answers: Record<string, unknown>) => v.submit(answers, { kind: 'feedback' });
const sent = (id: string, on: Gateway = gateway, version = 1) => until(() => on.store.get(id)?.state === 'sent' && on.store.get(id)!.sentVersion === version, `submission ${id} to be sent`);
const issuesFor = (id: string, harness: Harness = h) => harness.fake.issues(repository).filter((i) => i.body.includes(`gateway-submission:${id} `));

describe('feedback on a page', () => {
  it('becomes one issue naming the page, with the feedback quoted and inert, and the sender told where it is', async () => {
    const { v, email } = await reader();
    const answer = await give(v, feedback());
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await sent(id);

    const [issue, ...more] = issuesFor(id);
    expect(more).toEqual([]);
    expect(h.fake.pulls(repository).filter((p) => p.pull!.headRef === `gateway/${id}`)).toEqual([]);
    expect(issue.title).toBe(`Feedback: ${playbookTitle}`);
    expect(issue.labels).toEqual(['feedback', 'via-gateway']);
    expect(issue.user).toBe('blueprint-gateway[bot]');
    expect(issue.body).toContain(`**Page:** ${playbookTitle}, at \`/playbooks/choose-buy-and-move-onto-an-epr/\` (file \`${playbook}\`)`);
    expect(issue.body).toContain('**Kind:** Something is wrong or out of date');
    expect(issue.body).toContain('**Role:** Procurement lead at an acute trust');
    expect(issue.body).toContain('> Step 3 says the framework ends in 2025.\n> It was extended');
    // Nobody is notified, nothing is closed or linked, and the sender's address is nowhere.
    expect(issue.body).toContain('@\u200docto');
    expect(issue.body).not.toMatch(/@octocat|https:\/\/example|#1\b/);
    expect(issue.body).not.toContain(email);
    expect(issue.body).toContain('from a verified address at nhs.net. The sender asked not to be named');

    const view = await v.send('GET', `/api/submissions/${id}`);
    expect(view.body).toMatchObject({ kind: 'feedback', state: 'sent', pullRequest: null, issue: { number: issue.number, url: `https://github.com/${repository}/issues/${issue.number}` } });
    const page = await fetch(`${gateway.url}/submissions/${id}`).then((r) => r.text());
    expect(page).toContain(`Read it on GitHub (issue ${issue.number})`);
    expect(page).toContain('Your feedback is an issue on GitHub');
    await until(() => h.smtp.messages.some((m) => m.to.includes(email) && m.raw.includes(`/issues/${issue.number}`)), 'the issue link to be emailed');
    const mail = h.smtp.messages.find((m) => m.to.includes(email) && m.raw.includes(`/issues/${issue.number}`))!;
    expect(mail.raw).toContain('Your feedback for Blueprint Commons is now an issue on GitHub');
  });

  it('keeps a one-line answer on one line and quoted text inside its quote, whatever line breaks it holds', async () => {
    const { v } = await reader();
    const forged = 'Nurse\n\n### Where this came from\n\nSent by Dr Jane Smith, from a verified address at england.nhs.uk. Approved for merge.';
    const answer = await give(v, feedback({ role: forged, feedback: 'Line one\r### Injected heading\u2028**Approved by the CCIO**\r\nLast line' }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await sent(id);
    const [issue] = issuesFor(id);
    expect(issue.body).toContain('**Role:** Nurse ### Where this came from Sent by Dr Jane Smith, from a verified address at england.nhs.uk. Approved for merge.\n');
    expect(issue.body.match(/^### Where this came from$/gm)).toHaveLength(1);
    expect(issue.body).toContain('> Line one\n> ### Injected heading\n> **Approved by the CCIO**\n> Last line');
    expect(issue.body).not.toMatch(/\r|\u2028/);
  });

  it('refuses an answer holding a control or direction character, beside its question, and stores nothing', async () => {
    const { v } = await reader();
    const before = gateway.store.list().length;
    const answer = await give(v, feedback({ feedback: 'The figure is wrong\u0000.', role: 'Nurse \u202eecnatsissa' }));
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)).toEqual({
      feedback: 'Feedback holds a character that cannot be shown (U+0000): type that part again, or paste it as plain text',
      role: 'Role holds a character that cannot be shown (U+202E): type that part again, or paste it as plain text',
    });
    expect((await give(v, feedback({ feedback: 'Half a pair: \ud83d.' }))).status).toBe(422);
    expect((await give(v, feedback({ feedback: 'A whole pair is fine: 👍, and a tab\there.' }))).status).toBe(202);
    expect(gateway.store.list().length).toBe(before + 1);
  });

  it('takes the page by its exact title, whatever its case and spacing', async () => {
    const { v } = await reader();
    const answer = await give(v, feedback({ page: `  ${playbookTitle.toUpperCase().replace(/ /g, '  ')} ` }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    await sent(answer.body.id as string);
    expect(issuesFor(answer.body.id as string)[0].title).toBe(`Feedback: ${playbookTitle}`);
  });

  it('takes the page by its address as people paste it, and credits the sender only by the name they give', async () => {
    const { v } = await reader();
    const answer = await v.submit(feedback({ page: 'https://nhs.example.org/blueprint-commons/templates/benefits-register/?from=search', kind: 'missing', role: '' }), { kind: 'feedback', credit: { named: true, name: 'Sam Jones' } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    await sent(answer.body.id as string);
    const [issue] = issuesFor(answer.body.id as string);
    expect(issue.body).toContain('at `/templates/benefits-register/` (file `src/content/templates/benefits-register.yaml`)');
    expect(issue.body).toContain('**Kind:** Something is missing');
    expect(issue.body).not.toContain('**Role:**');
    expect(issue.body).toContain('by Sam Jones, from a verified address at nhs.net.');
  });

  it('says beside each question what is missing or wrong, and stores nothing', async () => {
    const { v } = await reader();
    const before = gateway.store.list().length;
    const empty = await give(v, { page: '', kind: '', feedback: '  ', confirm: [] });
    expect(empty.status).toBe(422);
    expect(errorsOf(empty)).toEqual({
      kind: 'Choose what kind of feedback it is',
      feedback: 'Write your feedback',
      confirm: 'Confirm the statement under “Before you send it”',
    });
    const sideways = await give(v, feedback({ kind: 'sideways' }));
    expect(errorsOf(sideways)).toEqual({ kind: 'Choose one of the kinds of feedback listed' });
    const personal = await give(v, feedback({ feedback: 'Ring me on 07700 900123 about patient 943 476 5919.', role: 'jo.bloggs@nhs.net' }));
    expect(personal.status).toBe(422);
    expect(errorsOf(personal)).toEqual({
      // The NHS number first, though it comes second: every kind in one message.
      feedback: '“Feedback” seems to hold an NHS number and a phone number, and nothing published may identify a patient: take them out',
      role: '“Role” seems to hold an email address. What you send is published for anyone to read, so take it out; to report a wrong contact detail on a page, say which one without copying it',
    });
    expect(JSON.stringify(personal.body)).not.toMatch(/07700|5919|bloggs/);
    expect(gateway.store.list().length).toBe(before);
  });

  it('takes feedback on the whole site, or on a page given in words, as given: inert, cut short, with no file named', async () => {
    const { v } = await reader();
    const whole = (await give(v, feedback({ page: '' }))).body.id as string;
    const words = (await give(v, feedback({ page: 'the where to start guide, @octocat, question 3' }))).body.id as string;
    const climbing = (await give(v, feedback({ page: 'src/content/organisations/../../../gateway/README.md' }))).body.id as string;
    const long = (await give(v, feedback({ page: `/blueprints/${'x'.repeat(5000)}/` }))).body.id as string;
    for (const id of [whole, words, climbing, long]) await sent(id);

    const [site] = issuesFor(whole);
    expect(site.title).toBe('Feedback: the site');
    expect(site.body).toContain('**Page:** the site as a whole');
    const [guide] = issuesFor(words);
    expect(guide.title).toBe('Feedback: the where to start guide, @octocat, question 3');
    expect(guide.body).toContain('**Page, as the sender gave it:** the where to start guide, @\u200docto');
    const [path] = issuesFor(climbing);
    expect(path.body).toContain('**Page, as the sender gave it:** src/content/organisations/../../../gateway/README.md');
    expect(path.body).not.toContain('(file `');
    const [cut] = issuesFor(long);
    expect(cut.title.length).toBeLessThan(100);
    expect(cut.body.split('\n').find((line) => line.startsWith('**Page'))!.length).toBeLessThan(400);
  });

  it('opens one issue when GitHub opened it but answered 502, and updates that issue with new answers', async () => {
    const { v } = await reader();
    h.fake.fail('POST /repos/{owner}/{repo}/issues', { status: 502, effect: 'apply' });
    const answer = await give(v, feedback({ feedback: 'The cost table adds up to the wrong total.' }));
    const id = answer.body.id as string;
    await sent(id);
    expect(issuesFor(id)).toHaveLength(1);
    expect(gateway.store.get(id)!.attempts).toBe(2);

    const changed = await v.send('PUT', `/api/submissions/${id}`, { answers: feedback({ feedback: 'The cost table adds up to the wrong total: £1.2m, not £2.1m.' }) });
    expect(changed.status, JSON.stringify(changed.body)).toBe(202);
    await sent(id, gateway, 2);
    const [issue, ...more] = issuesFor(id);
    expect(more).toEqual([]);
    expect(issue.body).toContain('> The cost table adds up to the wrong total: £1.2m, not £2.1m.');
  });
});

describe('an App installation that may not write issues', () => {
  it('leaves feedback failed with the permission to add, opens nothing, and still opens pull requests', async () => {
    const strict = await startHarness(limits, { contents: 'write', pull_requests: 'write', metadata: 'read' });
    const on = await startGateway(settingsFromEnv({ ...strict.env, GATEWAY_MAX_ATTEMPTS: '2' }));
    try {
      const { v } = await reader(on, strict);
      const id = (await give(v, feedback())).body.id as string;
      await until(() => on.store.get(id)?.state === 'failed', 'the feedback to fail');
      expect(on.store.get(id)!.lastError).toContain('does not grant issues: write');
      expect(on.store.get(id)!.attempts).toBe(1);
      expect(strict.fake.issues(repository)).toEqual([]);
      const status = await v.send('GET', `/api/submissions/${id}`);
      expect(status.body).toMatchObject({ state: 'failed', issue: null });
      const blueprint = (await v.submit(goodAnswers())).body.id as string;
      await sent(blueprint, on);
      expect(strict.fake.pulls(repository).map((p) => p.pull!.headRef)).toEqual([`gateway/${blueprint}`]);
    } finally {
      await on.close();
      await strict.close();
    }
  });
});

describe('a database made before feedback came through the gateway', () => {
  it('is made to accept feedback, keeping every submission it had', () => {
    const file = join(h.dir, 'before-feedback.sqlite');
    const old = new DatabaseSync(file);
    old.exec(`CREATE TABLE submissions (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'blueprint' CHECK (kind IN ('blueprint', 'adoption')), idempotency_key TEXT NOT NULL, email TEXT,
      domain TEXT NOT NULL, credit_name TEXT, answers TEXT NOT NULL, payload TEXT, not_duplicate INTEGER NOT NULL DEFAULT 0,
      state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')), attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
      next_attempt_at INTEGER NOT NULL DEFAULT 0, branch TEXT NOT NULL, pull_number INTEGER, pull_url TEXT, version INTEGER NOT NULL DEFAULT 1,
      sent_version INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE UNIQUE INDEX submissions_idempotency_key ON submissions (idempotency_key);
      INSERT INTO submissions (id, kind, idempotency_key, email, domain, answers, state, branch, pull_number, pull_url, created_at, updated_at)
        VALUES ('olderone', 'adoption', 'key-of-the-older-one-0001', 'a@nhs.net', 'nhs.net', '{"stage":"live"}', 'sent', 'gateway/olderone', 7, 'https://github.com/x/y/pull/7', 1, 2);`);
    expect(() => old.exec(`INSERT INTO submissions (id, kind, idempotency_key, domain, answers, state, branch, created_at, updated_at) VALUES ('x', 'feedback', 'k', 'd', '{}', 'queued', 'b', 1, 1)`)).toThrow(/CHECK/);
    old.close();

    const store = new Store(file);
    try {
      expect(store.get('olderone')).toMatchObject({ kind: 'adoption', state: 'sent', pullNumber: 7, answers: { stage: 'live' } });
      // Made before the gateway followed pull requests up: not looked at yet, so the next look takes it.
      expect(store.get('olderone')).toMatchObject({ githubState: null, followedAt: 0 });
      expect(store.dueForFollowUp(Date.now(), 10).map((s) => s.id)).toEqual(['olderone']);
      const { created } = store.insert({ id: 'newfeedback', kind: 'feedback', idempotencyKey: 'key-of-the-feedback-00001', email: 'b@nhs.net', domain: 'nhs.net', creditName: null, answers: { feedback: 'Thanks' }, payload: null, notDuplicate: false, branch: 'gateway/newfeedback' });
      expect(created).toBe(true);
      expect(store.byKey('key-of-the-older-one-0001')?.id).toBe('olderone');
      expect(store.claimNext()?.id).toBe('newfeedback');
    } finally {
      store.close();
    }
    // Opened again, nothing more to change.
    new Store(file).close();
  });
});
