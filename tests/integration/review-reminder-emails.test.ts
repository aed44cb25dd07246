/**
 * The weekly review reminders email each overdue blueprint's published contact address, for owners
 * without GitHub (scripts/review-reminders.ts), through a real SMTP server on 127.0.0.1, while the
 * reminder issues go to a fake GitHub as before. The fixture content (tests/fixtures/contribute/
 * review-content) is copied with its organisation made real, as an illustrative one's addresses are
 * made up and never emailed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { startSmtp, type SmtpSink } from '../gateway/harness';

const repo = 'commons/site';
let fake: FakeGitHub;
let smtp: SmtpSink;
let content: string;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.addUser('github-actions[bot]', 'actions-token', 'Bot');
  fake.createRepo(repo, { collaborators: ['github-actions[bot]'] });
  smtp = await startSmtp();
  content = mkdtempSync(join(tmpdir(), 'review-emails-'));
  cpSync(new URL('../fixtures/contribute/review-content/', import.meta.url), content, { recursive: true });
  const real = (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/^illustrative: true$/m, 'illustrative: false'));
  real(join(content, 'organisations/fixture-teaching-hospitals.yaml'));
  for (const name of readdirSync(join(content, 'blueprints'))) real(join(content, 'blueprints', name));
});

afterAll(async () => {
  await fake?.close();
  await smtp?.close();
  if (content) rmSync(content, { recursive: true, force: true });
});

const remind = (today: string, env: Record<string, string> = {}) =>
  runScript('review-reminders.ts', ['--repo', repo, '--today', today], {
    GITHUB_TOKEN: 'actions-token', GITHUB_API_URL: fake.url, CONTENT_DIR: content, SITE_URL: 'https://example.org/commons/',
    REMINDER_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, REMINDER_FROM: 'reminders@example.org', ...env,
  });

describe('review reminder emails', () => {
  it('email the contact of a blueprint whose review fell due this week, with its review page, and still update the issues', async () => {
    const result = await remind('2024-01-12');
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain('1 reminder email(s) due this week.');
    const sent = smtp.messages.filter((m) => m.to.includes('team@fixture.example.nhs.uk'));
    expect(sent).toHaveLength(1);
    // Quoted-printable, decoded: soft line breaks joined, =XX bytes read back (the text checked is ASCII).
    const raw = sent[0].raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(raw).toContain('Subject: Blueprint Commons: a blueprint you look after is due for review');
    expect(raw).toContain('Training ward clerks on the new bed board');
    expect(raw).toContain('https://example.org/commons/review/?blueprint=training-ward-clerks&title=');
    // Marked needs-review (being changed), archived, or not yet due: not emailed.
    expect(raw).not.toMatch(/Hiring a digital team|Piloting rostering|Backfilling nurse/);
    expect(fake.issues(repo).some((i) => i.title === 'Review due: blueprints owned by @flow-lead')).toBe(true);
  });

  it('email nobody in a week between reminders', async () => {
    const before = smtp.messages.length;
    const result = await remind('2024-01-19');
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain('0 reminder email(s) due this week.');
    expect(smtp.messages.length).toBe(before);
  });

  it('say which address could not be emailed, without the server password, and exit 1 having still updated the issues', async () => {
    const requests = fake.requests.length;
    const result = await remind('2024-02-07', { REMINDER_SMTP_URL: 'smtp://reminders:s3cret-word@127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Could not email team@fixture\.example\.nhs\.uk: /);
    expect(result.output).toContain('1 reminder email(s) could not be sent (above).');
    expect(result.output).not.toContain('s3cret-word');
    expect(fake.requests.length).toBeGreaterThan(requests);
  });

  it('send nothing without REMINDER_SMTP_URL, and say so', async () => {
    const before = smtp.messages.length;
    const result = await remind('2024-02-07', { REMINDER_SMTP_URL: '' });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain('REMINDER_SMTP_URL is not set: no emails sent.');
    expect(smtp.messages.length).toBe(before);
  });
});
