/**
 * npm run bench:gateway [-- --submissions 200 --clients 20 --check-threads N --profile DIR]
 *
 * Sends submissions from concurrent clients on loopback to the gateway, run as its own process
 * (as `npm run gateway` runs it) against the fake GitHub in a third process, and prints:
 * - the machine: cores, and the load average at the start and the end of the run (the figures
 *   mean little without it on a shared machine);
 * - accept latency p50/p95/max: from sending the form to the gateway's answer (checked, stored,
 *   queued); the work on GitHub happens after, one submission at a time. Also the same from
 *   the gateway's side (Fastify's response time), so time spent queued before the gateway reads
 *   a request shows as the difference;
 * - the CPU time each process used while the submissions were being accepted, and the
 *   gateway's in all (its event-loop thread apart: the check threads are the rest);
 * - pull requests opened against unique submissions (should be equal: every tenth form is sent
 *   twice, as a browser retry would);
 * - submissions lost and duplicated (should be 0);
 * - the gateway process's peak memory (VmHWM, Linux).
 * It measures, and never fails: the figures depend on the machine. The fake GitHub runs in a
 * process of its own, as its Git work blocks; the clients' timings stay the gateway's alone.
 * `--check-threads` sets GATEWAY_CHECK_THREADS (0: checks on the event loop, as before the
 * pool); `--profile DIR` writes V8 CPU profiles of the gateway's threads into DIR.
 */
import { fork, spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startFakeGitHub } from '../tests/support/fake-github';
import { goodAnswers } from '../tests/gateway/harness';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '200' }, clients: { type: 'string', default: '20' }, 'check-threads': { type: 'string' }, profile: { type: 'string' },
    'fake-github': { type: 'boolean', default: false },
  },
});
const total = Number(values.submissions);
const clients = Number(values.clients);
for (const [name, value] of [['--submissions', total], ['--clients', clients]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
}
if (values['check-threads'] !== undefined && !/^\d+$/.test(values['check-threads'])) throw new Error('--check-threads must be a whole number (0 checks on the event loop)');
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
  const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(values.profile)] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'gateway/src/cli.ts'], {
    env: {
      ...(values['check-threads'] !== undefined ? { GATEWAY_CHECK_THREADS: values['check-threads'] } : {}),
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
  // The clients stand in for browsers on other machines, so they are kept light: node:http with
  // kept-alive connections costs the shared cores less than fetch does.
  const agent = new Agent({ keepAlive: true });
  function call(state: { cookie: string; csrf: string }, method: string, path: string, body?: unknown) {
    const payload = body ? JSON.stringify(body) : undefined;
    return new Promise<{ status: number; data: Record<string, unknown> }>((resolve, reject) => {
      const req = request(`${base}${path}`, {
        method, agent,
        headers: { ...(state.cookie ? { cookie: state.cookie } : {}), ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-csrf-token': state.csrf } : {}) },
      }, (response) => {
        const set = response.headers['set-cookie']?.find((c) => c.startsWith('gateway_session='));
        if (set) state.cookie = set.split(';')[0];
        let text = '';
        response.setEncoding('utf8').on('data', (c: string) => (text += c)).on('error', reject).on('end', () => {
          try {
            const data = JSON.parse(text) as Record<string, unknown>;
            if (typeof data.csrfToken === 'string') state.csrf = data.csrfToken;
            resolve({ status: response.statusCode!, data });
          } catch (error) {
            reject(error);
          }
        });
      });
      req.on('error', reject).end(payload);
    });
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
  const loadBefore = loadavg();
  const cpuBefore = { gateway: cpuOf(child.pid!), gatewayMain: cpuOf(child.pid!, child.pid), github: cpuOf(github.pid!), bench: process.cpuUsage() };
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
  const acceptCpu = {
    gateway: cpuOf(child.pid!) - cpuBefore.gateway, gatewayMain: cpuOf(child.pid!, child.pid) - cpuBefore.gatewayMain, github: cpuOf(github.pid!) - cpuBefore.github,
    bench: ((u) => (u.user + u.system) / 1000)(process.cpuUsage(cpuBefore.bench)),
  };

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
  const gatewayCpu = cpuOf(child.pid!);
  const loadAfter = loadavg();

  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  agent.destroy();
  github.send('close');
  await new Promise((r) => github.on('exit', r));
  rmSync(dir, { recursive: true, force: true });

  const threads = output.match(/"checkThreads":(\d+)/)?.[1] ?? 'unknown';
  const served = serverTimes(output);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(`Gateway benchmark: ${total} submissions (${latencies.length} requests, every tenth sent twice) from ${clients} concurrent clients on loopback
  machine: ${availableParallelism()} cores; load average (1 / 5 / 15 min) ${load(loadBefore)} at the start, ${load(loadAfter)} at the end; gateway check threads: ${threads}
  accept latency (checked, stored, answered): ${percentiles(latencies)} (target p95 <= 100 ms)
  the same, timed inside the gateway (Fastify's response time): ${served.length ? percentiles(served) : 'not in the log'}
  CPU while accepting (${s(acceptMs)}): gateway ${s(acceptCpu.gateway)} (event-loop thread ${s(acceptCpu.gatewayMain)}), fake GitHub ${s(acceptCpu.github)}, the clients ${s(acceptCpu.bench)}; gateway in all: ${s(gatewayCpu)}
  all accepted after ${(acceptMs / 1000).toFixed(1)} s; all on GitHub after ${(sentMs / 1000).toFixed(1)} s (fake GitHub, 5 ms between writes)
  unique submissions accepted: ${accepted.size}; refused: ${refused}; failed on GitHub: ${failed}
  pull requests opened: ${pulls.length} against ${accepted.size} unique submissions (${pulls.length === accepted.size ? 'equal' : 'NOT equal'})
  submissions lost (accepted, but not stored or without a pull request): ${[...accepted].filter((id) => !stored.has(id) || !heads.has(`gateway/${id}`)).length}
  duplicates (more than one submission for a form, or more than one pull request for a submission): ${accepted.size - formsAccepted.size + pulls.length - heads.size}
  gateway peak memory (VmHWM): ${peak ? `${(Number(peak) / 1024).toFixed(0)} MiB` : 'not available on this system'}`);
}

/** p50, p95 and max of a list of milliseconds. */
function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1);
  return `p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`;
}

/**
 * CPU time (user and system, in ms) a process has used, or one of its threads, from Linux's
 * /proc (fields 14 and 15 of `stat`, in clock ticks of 10 ms); 0 elsewhere.
 */
function cpuOf(pid: number, thread?: number): number {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Fastify's own response time for each submission request, from the gateway's JSON log. */
function serverTimes(log: string): number[] {
  const times: number[] = [];
  for (const line of log.split('\n')) {
    let entry: { msg?: string; req?: { method?: string; url?: string }; responseTime?: number };
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // an email printed by GATEWAY_MAIL=terminal
    }
    if (entry.msg === 'request completed' && entry.req?.method === 'POST' && entry.req.url === '/api/submissions' && typeof entry.responseTime === 'number') times.push(entry.responseTime);
  }
  return times;
}
