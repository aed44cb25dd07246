/**
 * Sending to GitHub lets proposals being accepted go first: it waits while one is in flight, and
 * only a bounded time, so a steady stream of proposals never stops it.
 */
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accepting } from '../../gateway/src/accepting';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { goodAnswers, repository, startHarness, until, Visitor, type Harness } from './harness';

const settled = async (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

describe('the count of proposals being accepted', () => {
  it('is quiet at once when nothing is in flight', async () => {
    expect(await settled(new Accepting(60_000).quiet(), 200)).toBe(true);
  });

  it('waits while a proposal is in flight, and is quiet when the last one ends', async () => {
    const accepting = new Accepting(60_000);
    const first = accepting.begin();
    const second = accepting.begin();
    const quiet = accepting.quiet();
    first();
    first(); // ending twice counts once
    expect(accepting.inFlight).toBe(1);
    expect(await settled(quiet, 300)).toBe(false);
    second();
    expect(await settled(quiet, 200)).toBe(true);
  });

  it('waits no longer than its bound, so a steady stream cannot hold sending up for ever', async () => {
    const accepting = new Accepting(150);
    accepting.begin();
    const started = Date.now();
    await accepting.quiet();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(accepting.inFlight).toBe(1);
  });
});

describe('the gateway while a proposal is being accepted', () => {
  let h: Harness;
  let gateway: Gateway;

  beforeAll(async () => {
    h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000' });
    gateway = await startGateway(settingsFromEnv(h.env), { acceptingWaitMs: 60_000 });
  });

  afterAll(async () => {
    await gateway?.close();
    await h?.close();
  });

  it('sends nothing to GitHub until the proposal in flight has been answered', async () => {
    const v = new Visitor(gateway.url);
    await v.signIn('waiting.contributor@nhs.net', h.smtp);
    const stored = await v.submit(goodAnswers({ title: 'Training 7001 nurses on a new EPR with super-users' }));
    expect(stored.status).toBe(202);

    // A second proposal whose body is still arriving: in flight from its first byte.
    const body = JSON.stringify({ idempotencyKey: randomUUID(), answers: goodAnswers({ title: 'Training 7002 nurses on a new EPR with super-users' }) });
    const { hostname, port } = new URL(gateway.url);
    let answered: (status: number) => void;
    const answer = new Promise<number>((resolve) => (answered = resolve));
    const slow = request({ host: hostname, port, method: 'POST', path: '/api/submissions', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: v.cookie, 'x-csrf-token': v.csrf } }, (res) => {
      res.resume();
      answered(res.statusCode!);
    });
    slow.write(body.slice(0, 100));
    await until(() => gateway.accepting.inFlight === 1, 'the slow proposal to be counted');

    await new Promise((r) => setTimeout(r, 1500));
    expect(h.fake.pulls(repository)).toEqual([]);
    expect(gateway.store.get(stored.body.id as string)?.state).not.toBe('sent');

    slow.end(body.slice(100));
    expect(await answer).toBe(202);
    await until(() => gateway.store.get(stored.body.id as string)?.state === 'sent', 'the first proposal to be sent');
    await until(() => h.fake.pulls(repository).length === 2, 'both proposals to be sent');
    expect(gateway.accepting.inFlight).toBe(0);
  });
});
