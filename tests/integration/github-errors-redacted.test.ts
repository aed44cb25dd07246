/**
 * Error messages never carry a credential or a whole response body: real failing requests, made
 * with a known token through the one GitHub client (scripts/lib/github.ts), against servers that
 * echo that token back in every way a misbehaving server or proxy could.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, explainError, type ClientSettings } from '../../scripts/lib/github';
import { excerptLength } from '../../src/lib/contribute/redact';
import { runScript, startFakeGitHub, type FakeGitHub } from '../support/fake-github';

/** A GitHub-shaped token, and one shaped like nothing in particular: only the exact value gives it away. */
const githubToken = 'ghs_K3nownT0kenForTheRedactionTest000001';
const plainToken = 'correct-horse-battery-staple-2026';
const privateKey = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAtestkeytestkeytestkeytestkey\n-----END RSA PRIVATE KEY-----';

/** How each path answers: every answer repeats the request's own Authorization header and URL. */
function answer(req: IncomingMessage, res: ServerResponse): void {
  const auth = String(req.headers.authorization ?? '');
  const token = auth.replace(/^(token|bearer)\s+/i, '');
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  switch (new URL(req.url ?? '/', 'http://x').pathname) {
    case '/repos/o/html-page':
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(`<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><pre>${req.method} ${req.url}?access_token=${token}\nAuthorization: ${auth}</pre>${'<p>upstream failed</p>'.repeat(400)}</body></html>`);
      return;
    case '/repos/o/plain-text':
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(`forbidden for ${token} ${'.'.repeat(2000)}`);
      return;
    case '/repos/o/json-message':
      json(401, { message: `Bad credentials: ${token}`, documentation_url: 'https://docs.github.com/rest' });
      return;
    case '/repos/o/json-errors':
      json(422, { message: 'Validation Failed', errors: [{ message: `token ${token} cannot do this` }, `see https://x:${token}@proxy.example/`] });
      return;
    case '/repos/o/echo-headers':
      json(404, { message: 'Not Found', request: { headers: { authorization: auth } }, key: privateKey });
      return;
    case '/repos/o/unknown-shape':
      json(400, { detail: `rejected ${token}`, pem: privateKey });
      return;
    default:
      json(404, { message: 'Not Found' });
  }
}

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settingsFor = (token: string, baseUrl = url): ClientSettings => ({ token, baseUrl, retryBaseMs: 1, deadlineMs: 20_000, maxRetries: 1 });

/** Makes the request, and returns every line a person would see: the explanation and any log lines. */
async function failure(settings: ClientSettings, repo: string): Promise<{ explained: string; logged: string[] }> {
  const logged: string[] = [];
  const { api } = await createClient(settings, (line) => logged.push(line));
  try {
    await api.request('GET /repos/{owner}/{repo}', { owner: 'o', repo });
  } catch (error) {
    return { explained: explainError(error, settings), logged };
  }
  throw new Error(`GET /repos/o/${repo} should have failed`);
}

const routes = ['html-page', 'plain-text', 'json-message', 'json-errors', 'echo-headers', 'unknown-shape'];

describe('an error from GitHub, as a person sees it', () => {
  for (const token of [githubToken, plainToken]) {
    it.each(routes)(`never contains the token (${token.slice(0, 4)}…) when the server echoes it: %s`, async (repo) => {
      const { explained, logged } = await failure(settingsFor(token), repo);
      for (const text of [explained, ...logged]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(token.slice(0, 20));
        expect(text).not.toContain('PRIVATE KEY');
        expect(text).not.toContain('MIIEow');
      }
    });
  }

  it('quotes only a short excerpt of a long response body', async () => {
    const { explained } = await failure(settingsFor(githubToken), 'html-page');
    expect(explained).toMatch(/^GitHub had a problem on its side \(502: <!DOCTYPE html><html><body><h1>502 Bad Gateway<\/h1>/);
    expect(explained).toContain('…');
    expect(explained.length).toBeLessThan(excerptLength + 200);
    // The page says "upstream failed" 400 times; the excerpt has room for a handful.
    expect(explained.split('upstream failed').length - 1).toBeLessThan(12);
  });

  it('still says what went wrong', async () => {
    expect((await failure(settingsFor(githubToken), 'json-message')).explained).toMatch(/^GitHub did not accept your token \(401 Bad credentials\)/);
    expect((await failure(settingsFor(githubToken), 'json-errors')).explained).toBe(
      `GitHub turned the request down (422: Validation Failed: token [redacted] cannot do this: see https://[redacted]@proxy.example/).`,
    );
  });

  it('never shows a password written into GITHUB_API_URL', async () => {
    const withPassword = url.replace('http://', 'http://ada:hunter2-pa55word@');
    const { explained, logged } = await failure(settingsFor(githubToken, withPassword), 'json-message');
    for (const text of [explained, ...logged]) {
      expect(text).not.toContain('hunter2-pa55word');
      expect(text).not.toContain(githubToken);
    }
    expect(explained).toContain('http://[redacted]@127.0.0.1');
  });
});

describe('npm run contribute, when GitHub echoes the token', () => {
  let fake: FakeGitHub;
  const contentDir = fileURLToPath(new URL('../fixtures/contribute/content/', import.meta.url));
  const fixture = fileURLToPath(new URL('../fixtures/contribute/discharge-letters-to-gps-same-day.mdx', import.meta.url));

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addUser('ada', plainToken);
    fake.createRepo('commons/site');
  });
  afterAll(() => fake?.close());

  it.each(['GITHUB_TOKEN', 'GH_TOKEN'])('prints the failure without the token (from %s) or the whole body', async (variable) => {
    fake.fail('POST /repos/{owner}/{repo}/git/blobs', { status: 403, message: `token ${plainToken} may not write here. ${'x'.repeat(3000)}`, times: 5 });
    const result = await runScript('contribute.ts', [fixture, '--repo', 'commons/site'], { [variable]: plainToken, GITHUB_API_URL: fake.url, CONTENT_DIR: contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/While uploading your files: GitHub refused \(403: token \[redacted\] may not write here\. x+…\)/);
    expect(result.output).not.toContain(plainToken);
    expect(result.output).not.toContain('x'.repeat(excerptLength));
  });
});
