/**
 * The fake GitHub's GitHub App endpoints, which the gateway's tests rely on: it must refuse what
 * GitHub refuses, or those tests prove nothing.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';

const repo = 'commons/site';
let fake: FakeGitHub;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.createRepo(repo);
  fake.addApp({ id: 77, slug: 'gw', publicKey, installationId: 5, repos: [repo], permissions: { contents: 'write', pull_requests: 'write' } });
});

afterAll(async () => {
  await fake?.close();
});

function jwt(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 30, exp: now + 540, iss: 77, ...claims })}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}

async function exchange(authorization: string, body: object = {}): Promise<{ status: number; data: Record<string, unknown> }> {
  const response = await fetch(`${fake.url}/app/installations/5/access_tokens`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, data: (await response.json()) as Record<string, unknown> };
}

const getRepo = (token: string) => fetch(`${fake.url}/repos/${repo}`, { headers: { authorization: `token ${token}` } });

describe('installation tokens', () => {
  it('hands out a token that expires for a JWT signed with the app key', async () => {
    const { status, data } = await exchange(`Bearer ${jwt({})}`, { repositories: ['site'], permissions: { contents: 'write' } });
    expect(status).toBe(201);
    expect(Date.parse(String(data.expires_at))).toBeGreaterThan(Date.now());
    expect((await getRepo(String(data.token))).status).toBe(200);
  });

  it('refuses a JWT signed with another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect((await exchange(`Bearer ${jwt({}, other)}`)).status).toBe(401);
  });

  it('refuses an expired JWT, one too long-lived, and one for an unknown app', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await exchange(`Bearer ${jwt({ iat: now - 700, exp: now - 60 })}`)).status).toBe(401);
    expect((await exchange(`Bearer ${jwt({ exp: now + 3600 })}`)).status).toBe(401);
    expect((await exchange(`Bearer ${jwt({ iss: 78 })}`)).status).toBe(401);
  });

  it('refuses a token in place of a JWT', async () => {
    fake.addUser('someone', 'user-token');
    expect((await exchange('token user-token')).status).toBe(401);
  });

  it('refuses permissions the installation was not granted', async () => {
    expect((await exchange(`Bearer ${jwt({})}`, { permissions: { administration: 'write' } })).status).toBe(422);
  });

  it('answers 401 to a token once it has expired', async () => {
    fake.tokenLifetimeMs = 100;
    const { data } = await exchange(`Bearer ${jwt({})}`);
    fake.tokenLifetimeMs = 3_600_000;
    expect((await getRepo(String(data.token))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect((await getRepo(String(data.token))).status).toBe(401);
  });

  it('lets a token with read-only contents not write', async () => {
    fake.installations.get(5)!.permissions.contents = 'write';
    const { data } = await exchange(`Bearer ${jwt({})}`, { permissions: { contents: 'read' } });
    const blob = await fetch(`${fake.url}/repos/${repo}/git/blobs`, { method: 'POST', headers: { authorization: `token ${data.token}` }, body: JSON.stringify({ content: 'x', encoding: 'utf-8' }) });
    expect(blob.status).toBe(404);
  });
});
