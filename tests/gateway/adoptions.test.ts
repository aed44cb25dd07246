/**
 * "We are using this" without a GitHub account: an adoption record sent through the gateway is
 * checked as the build checks it, stored, and opened as one pull request by the GitHub App on the
 * fake GitHub, with the record's YAML file. Problems come back beside the question they are about.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { settingsFromEnv } from '../../gateway/src/config';
import { readSiteContent } from '../../gateway/src/content';
import { payloadFor } from '../../gateway/src/proposal';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { Store } from '../../gateway/src/store';
import { projectRoot } from '../support/fake-github';
import { errorsOf, repository, startHarness, until, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000', GATEWAY_SUBMISSIONS_PER_HOUR: '1000' });
  // A maintainer, to merge a pull request as the site team would on GitHub.
  h.fake.addUser('maintainer', 'maintainer-token');
  h.fake.repo(repository).collaborators.add('maintainer');
  gateway = await startGateway(settingsFromEnv(h.env));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

async function contributor(): Promise<{ v: Visitor; email: string }> {
  const email = `adopter.${++n}@nhs.net`;
  const v = new Visitor(gateway.url);
  await v.signIn(email, h.smtp);
  return { v, email };
}

/** A record as the site's "We are using this" page sends it: Tarnside using Northmoor's observations blueprint. */
const record = (overrides: Record<string, unknown> = {}) => ({
  blueprint: 'electronic-observations-in-nine-months',
  organisation: 'tarnside-community-health',
  stage: 'piloting',
  date: '2026-09',
  outcome: 'Piloting on two wards.\nThe rest follow in the spring.',
  contactOptIn: 'no',
  confirm: ['no-patient-data', 'may-share'],
  ...overrides,
});

const adopt = (v: Visitor, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => v.submit(answers, { kind: 'adoption', ...extra });
const sent = (id: string, version = 1) => until(() => gateway.store.get(id)?.state === 'sent' && gateway.store.get(id)!.sentVersion === version, `submission ${id} to be sent`);
const pullFor = (id: string) => h.fake.pulls(repository).filter((p) => p.pull!.headRef === `gateway/${id}`);
/** A record sent, its pull request opened, and seen open at a look at GitHub since: its id. */
async function sentAndSeenOpen(v: Visitor, answers: Record<string, unknown>): Promise<string> {
  const first = await adopt(v, answers);
  expect(first.status, JSON.stringify(first.body)).toBe(202);
  const id = first.body.id as string;
  await sent(id);
  await gateway.worker.followUp(Date.now() + 11 * 60_000);
  expect(gateway.store.get(id)!.githubState).toBe('open');
  return id;
}
/**
 * The record's pull request merged by a maintainer, then the record sent again by its contributor:
 * it changes that submission, the worker finds the pull request merged and sends nothing, the next
 * look tells the contributor, and sending once more opens a new pull request.
 */
async function mergedThenSentAgain(v: Visitor, email: string, answers: Record<string, unknown>, id: string): Promise<void> {
  const merged = await fetch(`${h.fake.url}/repos/${repository}/pulls/${gateway.store.get(id)!.pullNumber}/merge`, { method: 'PUT', headers: { authorization: 'token maintainer-token' } });
  expect(merged.status).toBe(200);
  const folded = await adopt(v, { ...answers, stage: 'piloting' });
  expect(folded.body.id).toBe(id);
  await until(() => /merged before this change arrived/.test(gateway.store.get(id)?.lastError ?? ''), 'the change to be found too late');
  await until(() => h.smtp.messages.some((m) => m.to.includes(email) && m.raw.replace(/=\r\n/g, '').includes('Your last change to it arrived after that')), 'the contributor to be told');
  const anew = await adopt(v, { ...answers, stage: 'piloting' });
  expect(anew.status).toBe(202);
  expect(anew.body.id).not.toBe(id);
}
const fileOn = (id: string, path: string) => {
  const git = h.fake.repo(repository).git;
  return git.fileAt(git.ref(`heads/gateway/${id}`)!, path)?.toString('utf8');
};

describe('an adoption record', () => {
  it('tells the reviewer, on the second of two records for one organisation and blueprint from two people, about the first', async () => {
    const answers = record({ organisation: 'pennick-bay-community-care', blueprint: 'electronic-observations-in-nine-months' });
    const first = (await adopt((await contributor()).v, answers)).body.id as string;
    await sent(first);
    const second = (await adopt((await contributor()).v, { ...answers, stage: 'live', date: '2026-11' })).body.id as string;
    await sent(second);
    const [earlier] = pullFor(first);
    const [later] = pullFor(second);
    expect(later.number).not.toBe(earlier.number);
    expect(later.body).toContain(`**Another proposal changes the same file** (\`src/content/adoptions/pennick-bay-community-care--electronic-observations-in-nine-months.yaml\`): #${earlier.number}, also sent through the gateway.`);
    expect(earlier.body).not.toContain('Another proposal changes the same file');
  });

  it('becomes one pull request adding the record under src/content/adoptions/, its outcome on one line', async () => {
    const { v, email } = await contributor();
    const answer = await adopt(v, record());
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    expect(answer.body.kind).toBe('adoption');
    const id = answer.body.id as string;
    await sent(id);
    const [pull] = pullFor(id);
    expect(pull.user).toBe('blueprint-gateway[bot]');
    expect(pull.labels).toContain('via-gateway');
    expect(pull.title).toMatch(/^Adoption/);
    expect(pull.body).toContain('from a verified address at nhs.net');
    expect(pull.body).not.toContain(email);
    const text = fileOn(id, 'src/content/adoptions/tarnside-community-health--electronic-observations-in-nine-months.yaml');
    expect(parse(text!)).toEqual({
      organisation: 'tarnside-community-health',
      blueprint: 'electronic-observations-in-nine-months',
      stage: 'piloting',
      date: '2026-09',
      outcome: 'Piloting on two wards. The rest follow in the spring.',
      illustrative: true,
    });
    await until(() => h.smtp.messages.some((m) => m.to.includes(email) && /Subject: Blueprint Commons: your adoption record has reached the site team/.test(m.raw)), 'the email naming an adoption record');
    const status = await (await fetch(`${gateway.url}/submissions/${id}`)).text();
    expect(status).toContain('Your adoption record is a proposed change on GitHub');
    expect(status).toContain('/we-are-using-this/">Say your organisation is using another blueprint');
    expect(status).not.toContain('Propose another blueprint');
  });

  it('takes the blueprint from its page address, and updates the same pull request when the stage moves on', async () => {
    const { v, email } = await contributor();
    const answer = await adopt(v, record({ organisation: 'pennick-bay-community-care', blueprint: 'https://example.org/blueprints/mobile-working-for-community-nursing/' }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await sent(id);
    const path = 'src/content/adoptions/pennick-bay-community-care--mobile-working-for-community-nursing.yaml';
    expect(parse(fileOn(id, path)!).stage).toBe('piloting');

    const edited = await v.send('PUT', `/api/submissions/${id}`, { answers: record({ organisation: 'pennick-bay-community-care', blueprint: 'mobile-working-for-community-nursing', stage: 'live', date: '2026-11' }) });
    expect(edited.status, JSON.stringify(edited.body)).toBe(202);
    await sent(id, 2);
    expect(pullFor(id)).toHaveLength(1);
    expect(parse(fileOn(id, path)!)).toMatchObject({ stage: 'live', date: '2026-11' });
    await until(() => h.smtp.messages.some((m) => m.to.includes(email) && /Subject: Blueprint Commons: your adoption record was updated/.test(m.raw)), 'the update email');
  });

  it('sent again for the same organisation and blueprint from another computer, by the same address, updates the open pull request', async () => {
    const { v, email } = await contributor();
    const answers = record({ organisation: 'pennick-bay-community-care', blueprint: 'electronic-observations-in-nine-months' });
    const id = await sentAndSeenOpen(v, answers);
    // Another computer: a new session and a new form key, the same address.
    const elsewhere = new Visitor(gateway.url);
    await elsewhere.signIn(email, h.smtp);
    const retryable = { kind: 'adoption', idempotencyKey: randomUUID(), answers: { ...answers, stage: 'live', date: '2026-11' } };
    const again = await elsewhere.send('POST', '/api/submissions', retryable);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.id).toBe(id);
    await sent(id, 2);
    expect(pullFor(id)).toHaveLength(1);
    expect(parse(fileOn(id, 'src/content/adoptions/pennick-bay-community-care--electronic-observations-in-nine-months.yaml')!)).toMatchObject({ stage: 'live', date: '2026-11' });
    // The same request again (a retry after its answer was lost) finds the same submission by its key, and changes nothing.
    const retried = await elsewhere.send('POST', '/api/submissions', retryable);
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(id);
    expect(gateway.store.get(id)!.version).toBe(2);
    // The same answers from a new form, once the gateway has seen the pull request open again, change nothing either.
    await gateway.worker.followUp(Date.now() + 22 * 60_000);
    const twice = await adopt(elsewhere, Object.fromEntries(Object.entries({ ...answers, stage: 'live', date: '2026-11' }).reverse()));
    expect(twice.status).toBe(200);
    expect(twice.body.id).toBe(id);
    expect(gateway.store.get(id)!.version).toBe(2);
    // Another organisation's record is another file: a pull request of its own.
    const other = await adopt(elsewhere, { ...answers, organisation: 'tarnside-community-health', stage: 'exploring' });
    expect(other.status).toBe(202);
    expect(other.body.id).not.toBe(id);
  });

  it('sent again minutes later, before the gateway has looked at GitHub, updates the same pull request, each time', async () => {
    const { v } = await contributor();
    const answers = record({ organisation: 'ottersby-mental-health', blueprint: 'mobile-working-for-community-nursing', stage: 'exploring' });
    const first = await adopt(v, answers);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const id = first.body.id as string;
    await sent(id);
    expect(gateway.store.get(id)!.githubState).toBeNull();
    const path = 'src/content/adoptions/ottersby-mental-health--mobile-working-for-community-nursing.yaml';
    for (const [version, stage] of [[2, 'piloting'], [3, 'live']] as const) {
      const again = await adopt(v, { ...answers, stage });
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(again.body.id).toBe(id);
      await sent(id, version);
      expect(parse(fileOn(id, path)!).stage).toBe(stage);
    }
    expect(pullFor(id)).toHaveLength(1);
  });

  it('sent again after a merge, before the gateway has looked at GitHub, is not sent; the next look tells the contributor, and sending again then opens a new pull request', async () => {
    const { v, email } = await contributor();
    const answers = record({ organisation: 'kestrel-bay-mental-health', blueprint: 'electronic-observations-in-nine-months', stage: 'exploring' });
    const first = await adopt(v, answers);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const id = first.body.id as string;
    await sent(id);
    await mergedThenSentAgain(v, email, answers, id);
  });

  it('sent again after a failure, with the same answers, is tried again', async () => {
    const { v, email } = await contributor();
    // Nothing else is being sent, so the fault falls on this record.
    await until(() => gateway.store.list().every((s) => s.state === 'sent' || s.state === 'failed'), 'the queue to empty');
    h.fake.fail('POST /repos/{owner}/{repo}/pulls', { status: 422, message: 'Validation Failed', times: 1 });
    const answers = record({ organisation: 'ottersby-mental-health', blueprint: 'electronic-observations-in-nine-months' });
    const first = await adopt(v, answers);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const id = first.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'failed', 'the submission to fail');
    const elsewhere = new Visitor(gateway.url);
    await elsewhere.signIn(email, h.smtp);
    const again = await adopt(elsewhere, answers);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    await sent(id, 2);
    expect(pullFor(id)).toHaveLength(1);
  });

  it('sent again after a merge the gateway has not seen is not sent, the contributor is told at once, and sending again then opens a new pull request', async () => {
    const { v, email } = await contributor();
    const answers = record({ organisation: 'kestrel-bay-mental-health', blueprint: 'mobile-working-for-community-nursing', stage: 'exploring' });
    const id = await sentAndSeenOpen(v, answers);
    // The gateway last saw it open, so this changes it; the worker then finds it merged and sends nothing.
    await mergedThenSentAgain(v, email, answers, id);
  });

  it('sent again once the gateway knows the first was merged is a new pull request', async () => {
    const { v } = await contributor();
    const answers = record({ organisation: 'tarnside-community-health', blueprint: 'electronic-observations-in-nine-months', stage: 'exploring' });
    const id = (await adopt(v, answers)).body.id as string;
    await sent(id);
    gateway.store.recordFollowUp(id, 'merged', [], Date.now(), []);
    const again = await adopt(v, { ...answers, stage: 'piloting' });
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(id);
  });

  it('takes the month as people write it', async () => {
    const { v } = await contributor();
    const id = (await adopt(v, record({ organisation: 'northmoor-teaching-hospitals', blueprint: 'mobile-working-for-community-nursing', date: 'Sept 2026' }))).body.id as string;
    await sent(id);
    expect(parse(fileOn(id, 'src/content/adoptions/northmoor-teaching-hospitals--mobile-working-for-community-nursing.yaml')!).date).toBe('2026-09');
  });

  it('publishes a contact only when the organisation opted in', async () => {
    const { v } = await contributor();
    const kept = await adopt(v, record({ organisation: 'kestrel-bay-mental-health', contactOptIn: 'no', contact: 'digital.team@kestrel.example.nhs.uk' }));
    const optedIn = await adopt(v, record({ organisation: 'ottersby-mental-health', contactOptIn: 'yes', contact: 'digital.team@ottersby.example.nhs.uk' }));
    for (const a of [kept, optedIn]) expect(a.status, JSON.stringify(a.body)).toBe(202);
    await sent(kept.body.id as string);
    await sent(optedIn.body.id as string);
    const without = fileOn(kept.body.id as string, 'src/content/adoptions/kestrel-bay-mental-health--electronic-observations-in-nine-months.yaml')!;
    expect(without).not.toContain('digital.team');
    // Not published, so not kept either.
    expect(gateway.store.get(kept.body.id as string)!.answers).not.toHaveProperty('contact');
    expect(gateway.store.get(optedIn.body.id as string)!.answers).toHaveProperty('contact', 'digital.team@ottersby.example.nhs.uk');
    expect(parse(fileOn(optedIn.body.id as string, 'src/content/adoptions/ottersby-mental-health--electronic-observations-in-nine-months.yaml')!)).toMatchObject({
      contactOptIn: true,
      contact: 'digital.team@ottersby.example.nhs.uk',
    });
  });

  it('from an organisation not on the site yet goes to a maintainer to add it, named in the pull request', async () => {
    const { v } = await contributor();
    const answer = await adopt(v, record({ organisation: 'not-listed', 'organisation-name': 'Wrenfold Community Trust' }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await sent(id);
    const [pull] = pullFor(id);
    expect(pull.body).toContain('**Organisation not on the site yet:** Wrenfold Community Trust');
    expect(parse(fileOn(id, 'src/content/adoptions/wrenfold-community-trust--electronic-observations-in-nine-months.yaml')!).organisation).toBe('wrenfold-community-trust');
  });
});

describe('a record with problems', () => {
  it('is refused with each problem beside its question, and nothing is stored', async () => {
    const { v } = await contributor();
    const before = gateway.store.list().length;
    const empty = await adopt(v, { blueprint: '', organisation: '', contactOptIn: 'no' });
    expect(empty.status).toBe(422);
    expect(errorsOf(empty)).toEqual({
      blueprint: 'Write the short name of the blueprint you are using, from its page address',
      organisation: 'Choose your organisation, or “My organisation is not listed”',
      stage: 'Choose how far you have got',
      date: 'Write when you reached this stage, as a month and year, for example April 2025',
      confirm: 'Confirm both statements under “Before you submit”',
    });
    // In words a person understands, before the schema's, which speak of YAML fields.
    const malformed = await adopt(v, record({ date: '2026-13', contactOptIn: 'yes', contact: '' }));
    expect(malformed.status).toBe(422);
    expect(errorsOf(malformed)).toEqual({
      date: 'Write when you reached this stage as a month and year, for example April 2025',
      contact: 'Write the team email address to publish, or choose not to publish a contact',
    });
    const unstaged = await adopt(v, record({ stage: 'finished' }));
    expect(errorsOf(unstaged).stage).toMatch(/^Stage /);
    const unknown = await adopt(v, record({ blueprint: 'no-such-blueprint' }));
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown).blueprint).toMatch(/^Blueprint "no-such-blueprint" is not a known blueprint/);
    expect(gateway.store.list().length).toBe(before);
  });

  it('is refused when the organisation publishes the blueprint itself', async () => {
    const { v } = await contributor();
    const answer = await adopt(v, record({ organisation: 'northmoor-teaching-hospitals' }));
    expect(answer.status).toBe(422);
    expect(errorsOf(answer).organisation).toMatch(/publishes "electronic-observations-in-nine-months" itself/);
  });

  it('keeps only the record’s own answers, not a blueprint’s', async () => {
    const { v } = await contributor();
    const answer = await adopt(v, record({ organisation: 'sallowmere-primary-care-network', title: 'Not a record field', 'section-what-we-did': 'x' }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    expect(Object.keys(gateway.store.get(answer.body.id as string)!.answers).sort()).toEqual(['blueprint', 'confirm', 'contactOptIn', 'date', 'organisation', 'outcome', 'stage']);
  });
});

describe('any answers at all', () => {
  it('get either field problems or one record under src/content/adoptions/, named from what it holds, and never an exception', () => {
    const site = readSiteContent(projectRoot);
    const options = { today: '2026-12-04', notDuplicate: false, domain: 'nhs.net', creditName: null };
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('../../etc/passwd', '..%2F..%2Fx', 'a/b', 'https://example.org/blueprints/../../x/', 'not-listed', 'CON', ' ', '\u0000', 'électronique'),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    // Mostly answers a person would give, each sometimes swapped for something hostile, so both outcomes are reached.
    const good: Record<string, fc.Arbitrary<unknown>> = {
      blueprint: fc.constantFrom('electronic-observations-in-nine-months', 'mobile-working-for-community-nursing', '/blueprints/super-users-and-backfill-for-epr-go-live/'),
      organisation: fc.constantFrom('tarnside-community-health', 'pennick-bay-community-care', 'not-listed'),
      'organisation-name': fc.constantFrom('Wrenfold Community Trust', 'Ålesund & Co (Ltd)', ''),
      stage: fc.constantFrom('exploring', 'piloting', 'live', 'abandoned'),
      date: fc.constantFrom('2025-04', '2026-11'),
      outcome: fc.string({ maxLength: 300 }),
      contactOptIn: fc.constantFrom('no', 'yes'),
      contact: fc.constantFrom('', 'digital.team@example.nhs.uk'),
    };
    const answers = fc.record(Object.fromEntries(Object.entries(good).map(([id, a]) => [id, fc.oneof({ weight: 6, arbitrary: a }, { weight: 1, arbitrary: hostile })])));
    let made = 0;
    let refused = 0;
    fc.assert(
      fc.property(answers, fc.boolean(), (given, confirmed) => {
        const result = payloadFor('adoption', { ...(given as Record<string, string>), confirm: confirmed ? ['no-patient-data', 'may-share'] : [] }, site, options);
        if ('errors' in result) {
          refused++;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
          return;
        }
        made++;
        const record = parse(result.text) as { organisation: string; blueprint: string };
        expect(result.path).toBe(`src/content/adoptions/${record.organisation}--${record.blueprint}.yaml`);
        expect(result.path).toMatch(/^src\/content\/adoptions\/[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/);
      }),
      { numRuns: 300 },
    );
    expect(made, 'records made').toBeGreaterThan(10);
    expect(refused, 'answers refused').toBeGreaterThan(10);
  });
});

describe('maintainers', () => {
  it('see each submission’s kind in `npm run gateway -- status`', async () => {
    const { v } = await contributor();
    const id = (await adopt(v, record({ organisation: 'culverstone-medical-group' }))).body.id as string;
    await sent(id);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'gateway/src/cli.ts', 'status'], { cwd: projectRoot, env: { PATH: process.env.PATH, GATEWAY_DATABASE: h.database } });
    expect(stdout).toMatch(new RegExp(`${id}  adoption  .*/pull/${pullFor(id)[0].number}`));
  });
});

describe('the database', () => {
  it('made before records came through the gateway gains the kind column, its submissions blueprints, their text read as before', () => {
    const file = join(h.dir, 'old.sqlite');
    const old = new DatabaseSync(file);
    old.exec(`CREATE TABLE submissions (id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL, email TEXT, domain TEXT NOT NULL, credit_name TEXT, answers TEXT NOT NULL,
      payload TEXT, not_duplicate INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
      next_attempt_at INTEGER NOT NULL DEFAULT 0, branch TEXT NOT NULL, pull_number INTEGER, pull_url TEXT, version INTEGER NOT NULL DEFAULT 1,
      sent_version INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`);
    const payload = { path: 'src/content/blueprints/x.mdx', mdx: '---\ntitle: X\n---\n', title: 'Blueprint: X', body: '', labels: [], commitMessage: 'Add X' };
    old.prepare(`INSERT INTO submissions (id, idempotency_key, domain, answers, payload, state, branch, created_at, updated_at) VALUES ('old1', 'key-0123456789abcdef', 'nhs.net', '{}', ?, 'sent', 'gateway/old1', 1, 1)`).run(JSON.stringify(payload));
    old.close();
    const store = new Store(file);
    try {
      const s = store.get('old1')!;
      expect(s.kind).toBe('blueprint');
      expect(s.payload).toMatchObject({ path: 'src/content/blueprints/x.mdx', text: '---\ntitle: X\n---\n' });
      expect(s.payload).not.toHaveProperty('mdx');
    } finally {
      store.close();
    }
    // Opening it again finds the column there and leaves it alone.
    new Store(file).close();
  });
});

describe('with following up turned off (GATEWAY_FOLLOW_MINUTES=0)', () => {
  it('sends a record sent again for the same file as a new pull request: the gateway never learns whether the first has ended', async () => {
    const h2 = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000' });
    const g2 = await startGateway(settingsFromEnv({ ...h2.env, GATEWAY_FOLLOW_MINUTES: '0' }));
    try {
      const v = new Visitor(g2.url);
      await v.signIn('adopter.unfollowed@nhs.net', h2.smtp);
      const answers = record({ organisation: 'pennick-bay-community-care' });
      const first = await v.submit(answers, { kind: 'adoption' });
      expect(first.status, JSON.stringify(first.body)).toBe(202);
      const id = first.body.id as string;
      await until(() => g2.store.get(id)?.state === 'sent', 'the record to be sent');
      const again = await v.submit({ ...answers, stage: 'live' }, { kind: 'adoption' });
      expect(again.status, JSON.stringify(again.body)).toBe(202);
      expect(again.body.id).not.toBe(id);
    } finally {
      await g2.close();
      await h2.close();
    }
  });
});
