/**
 * The check pool: proposals are checked in worker threads, with the same result as on the main
 * thread, while the event loop stays free to store and answer other requests. And the demo's
 * proposal still passes every check.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPool, checksInProcess, type Checks } from '../../gateway/src/checks';
import { readSiteContent, type DraftValues } from '../../gateway/src/content';
import { projectRoot } from '../support/fake-github/run-script';
import { goodAnswers } from './harness';

const options = { today: '2026-12-03', notDuplicate: false, domain: 'nhs.net', creditName: null };
let pool: Checks;
let inProcess: Checks;

beforeAll(async () => {
  pool = await checkPool(projectRoot, 1);
  inProcess = checksInProcess(readSiteContent(projectRoot));
});

afterAll(async () => {
  await pool?.close();
});

describe('the check pool', () => {
  it('leaves the event loop free while a proposal is checked', async () => {
    const order: string[] = [];
    const checked = pool.proposal('blueprint', goodAnswers(), options).then(() => order.push('checked'));
    setImmediate(() => order.push('event loop turned'));
    await checked;
    expect(order).toEqual(['event loop turned', 'checked']);
  });

  it('gives what the main thread gives: the same file and pull request, and the same problems field by field', async () => {
    const cases = [
      goodAnswers(),
      goodAnswers({ title: 'Training 3,000 porters on a new EPR with super-users', 'section-what-we-did': 'We wrote <script>alert(1)</script> here.' }),
      goodAnswers({ 'timeline-start': 'soon', summary: '' }),
    ];
    for (const answers of cases) expect(await pool.proposal('blueprint', answers, options)).toEqual(await inProcess.proposal('blueprint', answers, options));
    expect(await pool.proposal('blueprint', cases[1], options)).toHaveProperty('errors');
  });

  it('checks adoption records alike too', async () => {
    const record = { blueprint: 'electronic-observations-in-nine-months', organisation: 'tarnside-community-health', stage: 'live', date: '2026-10', contactOptIn: 'no', confirm: ['no-patient-data', 'may-share'] };
    const cases = [record, { ...record, blueprint: 'no-such-blueprint' }, { ...record, stage: '' }];
    for (const answers of cases) expect(await pool.proposal('adoption', answers, options)).toEqual(await inProcess.proposal('adoption', answers, options));
    expect(await pool.proposal('adoption', record, options)).toHaveProperty('path', 'src/content/adoptions/tarnside-community-health--electronic-observations-in-nine-months.yaml');
    expect(await pool.proposal('adoption', cases[1], options)).toHaveProperty('errors');
  });

  it('checks suggested changes alike, and gives the change form the same parts', async () => {
    const slug = 'electronic-observations-in-nine-months';
    const parts = await inProcess.parts({ kind: 'blueprint', slug });
    expect(parts?.sections.length).toBeGreaterThan(3);
    expect(await pool.parts({ kind: 'blueprint', slug })).toEqual(parts);
    const playbook = { kind: 'playbook', slug: 'configure-your-clinical-informatics-team' } as const;
    const headings = (await pool.parts(playbook))?.sections.map((p) => p.heading) ?? [];
    expect(headings.slice(0, 4)).toEqual(['Why this matters', 'Who this is for', 'Before you start', 'Step: Decide what the CCIO role is for at your stage']);
    expect(await pool.parts(playbook)).toEqual(await inProcess.parts(playbook));
    expect(await pool.parts({ kind: 'blueprint', slug: 'no-such-blueprint' })).toBeUndefined();
    expect(await pool.parts({ kind: 'playbook', slug })).toBeUndefined();
    const first = parts!.sections[0];
    const change = { page: slug, section: first.heading, text: `${first.text} One more sentence.`, why: 'It was missing.', confirm: ['accurate', 'no-patient-data'] };
    const cases = [change, { ...change, text: `${first.text} <script>alert(1)</script>` }, { ...change, section: 'No such part' }];
    for (const answers of cases) expect(await pool.proposal('change', answers, options)).toEqual(await inProcess.proposal('change', answers, options));
    expect(await pool.proposal('change', change, options)).toHaveProperty('change', { section: first.heading, before: first.text, after: change.text });
    expect(await pool.proposal('change', cases[1], options)).toHaveProperty('errors');
  });

  it('refuses an NHS number beside the question that holds it, in a blueprint or an adoption record', async () => {
    const number = '943 476 5919';
    const said = (answers: DraftValues, kind: 'blueprint' | 'adoption' = 'blueprint') => inProcess.proposal(kind, answers, options) as Promise<{ errors?: { id: string; message: string }[] }>;
    const inSummary = await said(goodAnswers({ summary: `A ward moved observations to handhelds after patient ${number} was missed, and late observations fell by half.` }));
    expect(inSummary.errors).toEqual([expect.objectContaining({ id: 'summary', message: expect.stringMatching(/^holds a number starting 943 that looks like an NHS number .* take it out/) })]);
    const inBody = await said(goodAnswers({ 'section-what-we-did': `We began with one complaint, about patient ${number}.` }));
    expect(inBody.errors).toEqual([expect.objectContaining({ id: 'section-what-we-did', message: expect.stringMatching(/looks like an NHS number/) })]);
    const record = { blueprint: 'electronic-observations-in-nine-months', organisation: 'tarnside-community-health', stage: 'live', date: '2026-10', contactOptIn: 'no', confirm: ['no-patient-data', 'may-share'] };
    const inOutcome = await said({ ...record, outcome: `Live on two wards; the first patient was ${number}.` }, 'adoption');
    expect(inOutcome.errors).toEqual([expect.objectContaining({ id: 'outcome', message: expect.stringMatching(/^Outcome holds a number starting 943 that looks like an NHS number/) })]);
    expect(JSON.stringify([inSummary, inBody, inOutcome])).not.toContain('5919');
    expect(await said({ ...record, outcome: 'Tested with the made-up patient 999 000 0018.' }, 'adoption')).not.toHaveProperty('errors');
  });

  it('fails at start, naming the problem, when the site content cannot be read', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gateway-no-content-'));
    try {
      await expect(checkPool(empty, 1)).rejects.toThrow(/could not read the site's content under .*gateway-no-content-.*src\/content.*set GATEWAY_CONTENT_ROOT/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

it('passes the proposal the demo sends (gateway/demo-submission.json) with the bundled content', async () => {
  const demo = JSON.parse(readFileSync(join(projectRoot, 'gateway/demo-submission.json'), 'utf8')) as { answers: DraftValues };
  expect(await inProcess.proposal('blueprint', demo.answers, options)).toHaveProperty('text');
});
