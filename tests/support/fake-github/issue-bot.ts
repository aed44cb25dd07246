/**
 * Runs the issue-form bot (scripts/propose-from-issue.ts) as its workflow does: an `issues` event
 * payload written to a file, an app token, and the fake GitHub's address. Shared by the blueprint
 * route's and the adoption route's tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript, type ScriptResult } from './run-script';
import type { FakeGitHub, FakeIssue } from './server';

export interface IssueBotRun {
  fake: FakeGitHub;
  repo: string;
  /** The issue as it is now in the fake. */
  issue: FakeIssue;
  /** A temporary folder for the event file. */
  work: string;
  /** The content folder the bot validates against. */
  contentDir: string;
  /** The event's action: 'opened', 'edited', 'labeled', … */
  action?: string;
  /** The issue author's numeric GitHub id. */
  userId?: number;
}

let events = 0;

export function runIssueBot({ fake, repo, issue, work, contentDir, action = 'opened', userId = 4242 }: IssueBotRun): Promise<ScriptResult> {
  const event = join(work, `event-${++events}-${issue.number}.json`);
  writeFileSync(event, JSON.stringify({
    action,
    issue: { number: issue.number, title: issue.title, body: issue.body, state: issue.state, labels: issue.labels.map((name) => ({ name })), user: { login: issue.user, id: userId }, created_at: '2025-02-03T10:00:00Z' },
    repository: { full_name: repo },
  }));
  return runScript('propose-from-issue.ts', [], { GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: repo, GITHUB_TOKEN: 'app-token', GITHUB_API_URL: fake.url, CONTENT_DIR: contentDir });
}
