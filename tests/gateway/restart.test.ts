/**
 * The gateway as a real process: killed with SIGKILL while a stored submission is on its way to
 * GitHub, then started again on the same SQLite file, it ends with exactly one pull request.
 * Also: a missing setting stops it at start with one line saying what to set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/fake-github';
import { goodAnswers, repository, startHarness, until, Visitor, type Harness } from './harness';

let h: Harness;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  h = await startHarness({ LOG_LEVEL: 'info', GATEWAY_POLL_MS: '50' });
});

afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

afterAll(async () => {
  await h?.close();
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm run gateway`'s program with the harness's settings and waits until it listens. */
async function startProcess(env: Record<string, string> = h.env): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/cli.ts'], { cwd: projectRoot, env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    running.delete(child);
    resolve(code);
  }));
  await until(() => /"gateway listening"/.test(output) || child.exitCode !== null, 'the gateway to listen', 30_000);
  const url = output.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/)?.[1];
  if (!url) throw new Error(`the gateway did not start:\n${output}`);
  return { child, url, output: () => output, exited };
}

const stateOf = (id: string) => {
  const db = new DatabaseSync(h.database, { readOnly: true });
  try {
    return (db.prepare('SELECT state FROM submissions WHERE id = ?').get(id) as { state: string } | undefined)?.state;
  } finally {
    db.close();
  }
};
const pullsFor = (id: string) => h.fake.pulls(repository).filter((p) => p.pull!.headRef === `gateway/${id}`);

async function submitThrough(url: string, i: number): Promise<string> {
  const v = new Visitor(url);
  await v.signIn(`restart.${i}@nhs.net`, h.smtp);
  const answer = await v.submit(goodAnswers({ title: `Moving ${i} wards to electronic observations in nine months` }));
  expect(answer.status).toBe(202);
  return answer.body.id as string;
}

describe('killed mid-submission and restarted', () => {
  it('opens exactly one pull request when killed after storing and before the pull request', async () => {
    const hold = h.fake.hold('POST /repos/{owner}/{repo}/pulls');
    const first = await startProcess();
    const id = await submitThrough(first.url, 1);
    await hold.arrived;
    first.child.kill('SIGKILL');
    await first.exited;
    hold.release();
    expect(stateOf(id)).toBe('sending');
    expect(pullsFor(id)).toHaveLength(0);

    const second = await startProcess();
    await until(() => stateOf(id) === 'sent', 'the restarted gateway to send it');
    expect(pullsFor(id)).toHaveLength(1);
    expect(second.output()).toContain('submissions interrupted mid-send are queued again');

    // The JSON log holds no address, code, token or key.
    const log = first.output() + second.output();
    for (const line of log.trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
    expect(log).not.toContain('restart.1@nhs.net');
    expect(log).not.toContain(h.smtp.codeFor('restart.1@nhs.net'));
    for (const t of h.fake.issuedTokens) expect(log).not.toContain(t.token);
    expect(log).not.toMatch(/PRIVATE KEY|gateway_session=/);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('opens exactly one pull request when killed after GitHub opened it but before the gateway heard', async () => {
    const hold = h.fake.hold('POST /repos/{owner}/{repo}/pulls', { apply: true });
    const first = await startProcess();
    const id = await submitThrough(first.url, 2);
    await hold.arrived;
    first.child.kill('SIGKILL');
    await first.exited;
    hold.release();
    expect(pullsFor(id)).toHaveLength(1);
    expect(stateOf(id)).toBe('sending');

    const second = await startProcess();
    await until(() => stateOf(id) === 'sent', 'the restarted gateway to send it');
    expect(pullsFor(id)).toHaveLength(1);
    second.child.kill('SIGTERM');
    await second.exited;
  });
});

describe('settings', () => {
  it('stops at start with one line naming a missing setting and what to set', async () => {
    const { GATEWAY_SECRET: _, ...env } = h.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/cli.ts'], { cwd: projectRoot, env: { PATH: process.env.PATH!, ...env } });
    running.add(child);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['Setting GATEWAY_SECRET is missing: set it to at least 32 random characters, e.g. the output of `openssl rand -hex 32`.']);
  });
});
