/**
 * npm run bench:gateway [-- --submissions 200 --clients 20]
 *
 * Sends submissions from concurrent clients on loopback to the gateway, run as its own process
 * (as `npm run gateway` runs it) against the fake GitHub in this process, and prints:
 * - accept latency p50/p95/max: from sending the form to the gateway's answer (checked, stored,
 *   queued); the work on GitHub happens after, one submission at a time;
 * - pull requests opened against unique submissions (should be equal: every tenth form is sent
 *   twice, as a browser retry would);
 * - submissions lost and duplicated (should be 0);
 * - the gateway process's peak memory (VmHWM, Linux).
 * It measures, and never fails: the figures depend on the machine. The fake GitHub runs in a
 * process of its own, as its Git work blocks; the clients' timings stay the gateway's alone.
 */
import { fork, spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startFakeGitHub } from '../tests/support/fake-github';
import { goodAnswers } from '../tests/gateway/harness';

const { values } = parseArgs({ options: { submissions: { type: 'string', default: '200' }, clients: { type: 'string', default: '20' }, 'fake-github': { type: 'boolean', default: false } } });
const total = Number(values.submissions);
const clients = Number(values.clients);
const repository = 'blueprint-commons/blueprint-commons';

// 0. Run as the fake GitHub's process: serve, and answer the parent's questions.
if (values['fake-github']) {
  const fake = await startFakeGitHub();
  fake.createRepo(repository);
  fake.addApp({ id: 9, slug: 'gateway-bench', publicKey: process.env.BENCH_PUBLIC_KEY!, installationId: 9, repos: [repository], permissions: { contents: 'write', pull_requests: 'write' } });
  process.send!({ url: fake.url });
  process.on('message', async (message: string) => {
    if (message === 'pulls') {
      const pulls = fake.pulls(repository).filter((p) => p.labels.includes('via-gateway'));
      process.send!({ pulls: pulls.map((p) => p.pull!.headRef) });
    } else if (message === 'close') {
      await fake.close();
      process.exit(0);
    }
  });
} else {
  await bench();
}

async function bench(): Promise<void> {
  // 1. The fake GitHub with the App installed, and the gateway, each a process of its own.
  const dir = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const github = fork(fileURLToPath(import.meta.url), ['--fake-github'], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
  const ask = <T>(message: string) => new Promise<T>((resolve) => github.once('message', (m) => resolve(m as T)));
  const fake = await ask<{ url: string }>('');
  const fakeAnswer = (message: string) => {
    const answer = ask<{ pulls: string[] }>(message);
    github.send(message);
    return answer;
  };
  const database = join(dir, 'gateway.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/cli.ts'], {
    env: {
      PATH: process.env.PATH, GATEWAY_PORT: '0', GATEWAY_SITE_ORIGIN: 'http://127.0.0.1:4321', GATEWAY_DATABASE: database, GATEWAY_SECRET: randomUUID() + randomUUID(),
      GATEWAY_MAIL: 'terminal', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: repository, GITHUB_APP_ID: '9', GITHUB_APP_INSTALLATION_ID: '9',
      GITHUB_APP_PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      // The fake needs no second between writes; against GitHub the unit is 1000 ms.
      GATEWAY_RETRY_BASE_MS: '5', GATEWAY_POLL_MS: '100',
      GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_SUBMISSIONS_PER_HOUR: '100000', GATEWAY_CODES_PER_HOUR: '100000', LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const wait = async (check: () => boolean, what: string, ms: number) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await wait(() => /"url":"http/.test(output), 'the gateway to start', 60_000);
  const base = output.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/)![1];

  // 2. Each client signs in with its own address.
  async function call(state: { cookie: string; csrf: string }, method: string, path: string, body?: unknown) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(state.cookie ? { cookie: state.cookie } : {}), ...(body ? { 'content-type': 'application/json', 'x-csrf-token': state.csrf } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('gateway_session='));
    if (set) state.cookie = set.split(';')[0];
    const data = (await response.json()) as Record<string, unknown>;
    if (typeof data.csrfToken === 'string') state.csrf = data.csrfToken;
    return { status: response.status, data };
  }
  const sessions = await Promise.all(Array.from({ length: clients }, async (_, c) => {
    const state = { cookie: '', csrf: '' };
    const email = `bench.${c}@nhs.net`;
    await call(state, 'GET', '/api/session');
    await call(state, 'POST', '/api/sign-in', { email });
    await wait(() => output.includes(`email to ${email}:`), `the code for ${email}`, 30_000);
    const code = output.split(`email to ${email}:`)[1].match(/sign-in code is (\d{6})/)![1];
    const verified = await call(state, 'POST', '/api/verify', { email, code });
    if (verified.status !== 200) throw new Error(`sign-in failed for ${email}`);
    return state;
  }));

  // 3. The submissions, from all clients at once; every tenth is sent twice with the same key.
  const latencies: number[] = [];
  const accepted = new Set<string>();
  const formsAccepted = new Set<string>();
  let refused = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(sessions.map(async (state) => {
    for (let i = next++; i < total; i = next++) {
      const body = { idempotencyKey: randomUUID(), answers: goodAnswers({ title: `Training ${10_000 + i} nurses on a new EPR with super-users` }) };
      for (let send = 0; send < (i % 10 === 0 ? 2 : 1); send++) {
        const t = performance.now();
        const answer = await call(state, 'POST', '/api/submissions', body);
        latencies.push(performance.now() - t);
        if (answer.status === 202 || answer.status === 200) {
          accepted.add(String(answer.data.id));
          formsAccepted.add(body.idempotencyKey);
        } else refused++;
      }
    }
  }));
  const acceptMs = Date.now() - started;

  // 4. Wait until GitHub has them all (bounded), then count.
  const db = new DatabaseSync(database, { readOnly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  await wait(() => count("SELECT count(*) AS n FROM submissions WHERE state IN ('queued', 'sending')") === 0, 'every submission to be sent', 15 * 60_000).catch((e: Error) => console.error(e.message));
  const sentMs = Date.now() - started;
  const stored = new Set((db.prepare('SELECT id FROM submissions').all() as { id: string }[]).map((r) => r.id));
  const failed = count("SELECT count(*) AS n FROM submissions WHERE state = 'failed'");
  db.close();
  const { pulls } = await fakeAnswer('pulls');
  const heads = new Set(pulls);
  const peak = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1];

  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  github.send('close');
  await new Promise((r) => github.on('exit', r));
  rmSync(dir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1);
  console.log(`Gateway benchmark: ${total} submissions (${latencies.length} requests, every tenth sent twice) from ${clients} concurrent clients on loopback
  accept latency (checked, stored, answered): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms (target p95 <= 100 ms)
  all accepted after ${(acceptMs / 1000).toFixed(1)} s; all on GitHub after ${(sentMs / 1000).toFixed(1)} s (fake GitHub, 5 ms between writes)
  unique submissions accepted: ${accepted.size}; refused: ${refused}; failed on GitHub: ${failed}
  pull requests opened: ${pulls.length} against ${accepted.size} unique submissions (${pulls.length === accepted.size ? 'equal' : 'NOT equal'})
  submissions lost (accepted, but not stored or without a pull request): ${[...accepted].filter((id) => !stored.has(id) || !heads.has(`gateway/${id}`)).length}
  duplicates (more than one submission for a form, or more than one pull request for a submission): ${accepted.size - formsAccepted.size + pulls.length - heads.size}
  gateway peak memory (VmHWM): ${peak ? `${(Number(peak) / 1024).toFixed(0)} MiB` : 'not available on this system'}`);
}
