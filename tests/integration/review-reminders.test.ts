/**
 * The weekly review reminders (scripts/review-reminders.ts) against a fake GitHub, over a small
 * content folder (tests/fixtures/contribute/review-content) with blueprints past their review date.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudgeTitle } from '../../src/lib/contribute/adoption-nudges';
import { runScript, startFakeGitHub, type FakeGitHub, type RecordedRequest, type ScriptResult } from '../support/fake-github';

const fixtures = new URL('../fixtures/contribute/review-content/', import.meta.url);
const repo = 'commons/site';

let fake: FakeGitHub;
let content: string;
let first: ScriptResult;
let secondRequests: RecordedRequest[];

const remind = () =>
  runScript('review-reminders.ts', ['--repo', repo, '--today', '2025-01-01'], { GITHUB_TOKEN: 'actions-token', GITHUB_API_URL: fake.url, CONTENT_DIR: content });
const reminders = () => fake.issues(repo).filter((i) => i.labels.includes('review-reminder') && i.title.startsWith('Review due:'));
const nudge = () => fake.issues(repo).find((i) => i.title === nudgeTitle);
const issueFor = (text: string) => reminders().find((i) => i.title.includes(text));

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.addUser('github-actions[bot]', 'actions-token', 'Bot');
  fake.createRepo(repo, { collaborators: ['github-actions[bot]'] });
  // A copy, so a test can mark a blueprint reviewed without touching the fixtures.
  content = mkdtempSync(join(tmpdir(), 'review-content-'));
  cpSync(fixtures, content, { recursive: true });
  first = await remind();
  const mark = fake.requests.length;
  await remind();
  secondRequests = fake.requests.slice(mark);
});

afterAll(async () => {
  await fake?.close();
  rmSync(content, { recursive: true, force: true });
});

describe('review reminders', () => {
  it('open one issue per owner with blueprints past their review date', () => {
    expect(first.code).toBe(0);
    expect(reminders().map((i) => i.title).sort()).toEqual(['Review due: blueprints owned by @flow-lead', 'Review due: blueprints owned by Workforce team']);
  });

  it('mention the owner and list each of their overdue blueprints', () => {
    const body = issueFor('@flow-lead')!.body;
    expect(body).toContain('Hello @flow-lead');
    expect(body).toContain('Training ward clerks on the new bed board');
    expect(body).toContain('Backfilling nurse informaticians on two wards');
  });

  it('leave out archived blueprints and those not yet due', () => {
    const bodies = reminders().map((i) => i.body).join('\n');
    expect(bodies).not.toContain('Piloting rostering software on one ward');
    expect(bodies).not.toContain('Rotating junior doctors through informatics');
  });

  it('include blueprints marked as needing review', () => {
    expect(issueFor('Workforce team')!.body).toContain('Hiring a digital team of six in one quarter');
  });

  it('change nothing when run again the same week', () => {
    expect(reminders()).toHaveLength(2);
    expect(secondRequests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('the nudge for adoption records left at exploring', () => {
  it('lists, on one issue with the reminder label, records exploring for more than six months', () => {
    expect(nudge()?.labels).toEqual(['review-reminder']);
    expect(nudge()?.body).toContain('| Fixture Community Trust | `training-ward-clerks` | March 2024 |');
  });

  it('leaves out records that have been exploring for less', () => {
    expect(nudge()?.body).not.toContain('hiring-a-digital-team');
  });
});

describe('after an owner reviews everything', () => {
  let result: ScriptResult;

  beforeAll(async () => {
    const file = join(content, 'blueprints/hiring-a-digital-team.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: needs-review', 'status: published').replace('reviewBy: 2024-03-01', 'lastReviewed: 2024-12-20'));
    result = await remind();
  });

  it('thanks them on their issue', () => {
    expect(result.code).toBe(0);
    expect(issueFor('Workforce team')!.body).toContain('Every blueprint on this list has been reviewed');
  });

  it('leaves the issue open for them to close', () => {
    expect(issueFor('Workforce team')!.state).toBe('open');
  });

  it('leaves other owners’ issues as they were', () => {
    expect(issueFor('@flow-lead')!.body).toContain('Training ward clerks on the new bed board');
  });
});

describe('after the adoption moves on from exploring', () => {
  beforeAll(async () => {
    const file = join(content, 'adoptions/fixture-community-trust--training-ward-clerks.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('stage: exploring', 'stage: piloting').replace('date: 2024-03', 'date: 2024-12'));
    await remind();
  });

  it('says on the same issue that nothing is left, and leaves it open', () => {
    expect(fake.issues(repo).filter((i) => i.title === nudgeTitle)).toHaveLength(1);
    expect(nudge()?.body).toContain('No adoption record has been at “exploring” for more than 6 months');
    expect(nudge()?.state).toBe('open');
  });
});
