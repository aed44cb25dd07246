/**
 * Everything a gateway test runs against, all real and all on 127.0.0.1: the fake GitHub with
 * the gateway's GitHub App installed on one repository, an SMTP server (smtp-server) that
 * receives the emails, a SQLite file in a temporary folder, and a small HTTP client that keeps
 * the session cookie and CSRF token as the site's form does.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parseSource } from '../../src/lib/content/front-matter';
import { sectionFieldId } from '../../src/lib/contribute/questions';
import { projectRoot, startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { draftAnswers } from '../fixtures/contribute/answers';

export const repository = 'blueprint-commons/blueprint-commons';
export const appId = 4711;
export const installationId = 815;
export const siteOrigin = 'http://127.0.0.1:4321';

export interface Mail {
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  messages: Mail[];
  /** The newest sign-in code sent to `to`. */
  codeFor(to: string): string;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpSink> {
  const messages: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    messages,
    codeFor(to) {
      const mail = messages.filter((m) => m.to.includes(to)).at(-1);
      const code = mail?.raw.match(/sign-in code is (\d{6})/)?.[1];
      if (!code) throw new Error(`no sign-in code was emailed to ${to}`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Harness {
  fake: FakeGitHub;
  smtp: SmtpSink;
  dir: string;
  database: string;
  privateKeyPem: string;
  /** The gateway's settings as environment variables. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** What the App's installation is granted, as gateway/README.md says to set it up. */
export const appGrants = { contents: 'write', pull_requests: 'write', issues: 'write', metadata: 'read' } as const;

export async function startHarness(extraEnv: Record<string, string> = {}, grants: Record<string, 'read' | 'write'> = appGrants): Promise<Harness> {
  const fake = await startFakeGitHub();
  fake.createRepo(repository, { files: { 'README.md': '# Blueprint Commons\n' } });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fake.addApp({ id: appId, slug: 'blueprint-gateway', publicKey, installationId, repos: [repository], permissions: { ...grants } });
  const smtp = await startSmtp();
  const dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
  const privateKeyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  writeFileSync(join(dir, 'app.pem'), privateKeyPem, { mode: 0o600 });
  const database = join(dir, 'gateway.sqlite');
  const env = {
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    GATEWAY_SITE_ORIGIN: siteOrigin,
    GATEWAY_DATABASE: database,
    GATEWAY_SECRET: 'test-secret-0123456789-abcdefghijklmnop',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    MAIL_FROM: 'gateway@example.nhs.uk',
    GITHUB_API_URL: fake.url,
    GITHUB_REPOSITORY: repository,
    GITHUB_APP_ID: String(appId),
    GITHUB_APP_INSTALLATION_ID: String(installationId),
    GITHUB_APP_PRIVATE_KEY_FILE: join(dir, 'app.pem'),
    GATEWAY_RETRY_BASE_MS: '5',
    GATEWAY_POLL_MS: '50',
    // One check thread each: the test files run side by side, and one thread exercises the pool as well as many.
    GATEWAY_CHECK_THREADS: '1',
    LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  return {
    fake, smtp, dir, database, privateKeyPem, env,
    async close() {
      await fake.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: { errors?: { id: string; message: string }[]; [key: string]: unknown };
  headers: Headers;
}

/** A browser tab on the site's form: keeps the gateway's cookie and the CSRF token it was given. */
export class Visitor {
  cookie = '';
  csrf = '';

  constructor(readonly base: string) {}

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        origin: siteOrigin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('gateway_session='));
    if (set) this.cookie = set.split(';')[0];
    const text = await response.text();
    let parsed: Answer['body'] = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    if (typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Opens the form (a session and a CSRF token), asks for a code and types it in. */
  async signIn(email: string, smtp: SmtpSink): Promise<void> {
    await this.send('GET', '/api/session');
    const asked = await this.send('POST', '/api/sign-in', { email });
    if (asked.status !== 200) throw new Error(`sign-in refused: ${JSON.stringify(asked.body)}`);
    const verified = await this.send('POST', '/api/verify', { email, code: smtp.codeFor(email) });
    if (verified.status !== 200) throw new Error(`verify refused: ${JSON.stringify(verified.body)}`);
  }

  submit(answers: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Answer> {
    return this.send('POST', '/api/submissions', { idempotencyKey: randomUUID(), answers, ...extra });
  }
}

/** A blueprint a careful author would send through the form. */
export function goodAnswers(overrides: Record<string, unknown> = {}): Record<string, string | string[]> {
  return { ...draftAnswers, ...overrides } as Record<string, string | string[]>;
}

/**
 * An existing bundled blueprint's own words under a new title: what `npm run similar` calls a
 * likely duplicate, which the gateway refuses until the contributor says it is different work.
 */
export function likelyDuplicate(): { existing: string; answers: Record<string, string | string[]> } {
  const existing = 'ambulance-electronic-patient-care-records';
  const { data, body } = parseSource(readFileSync(`${projectRoot}/src/content/blueprints/${existing}.mdx`, 'utf8')) as { data: Record<string, any>; body: string }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const sections = Object.fromEntries(body.split(/^## /m).slice(1).map((part) => {
    const [heading, ...rest] = part.split('\n');
    return [sectionFieldId(heading.trim()), rest.join('\n').trim()];
  }));
  const answers = goodAnswers({
    title: 'Giving ambulance crews electronic patient care records on tablets',
    summary: data.summary, keyQuestions: data.keyQuestions.join('\n'), domain: data.domain, organisation: data.organisation,
    careSettings: data.careSettings, pillars: data.pillars, eprSupplier: data.eprSupplier, audience: data.audience, ...sections,
  });
  return { existing, answers };
}

/** Waits, a bounded time, until `check` is true. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The gateway's problems, each message by the form field it belongs beside. */
export const errorsOf = (answer: { body: { errors?: { id: string; message: string }[] } }) => Object.fromEntries((answer.body.errors ?? []).map((e) => [e.id, e.message]));

/** The pull request the gateway opened for a submission, if any. */
export const gatewayPull = (h: Harness, id: string) => h.fake.pulls(repository).find((p) => p.pull!.headRef === `gateway/${id}`);

/** A file as the branch of a submission's pull request has it. */
export function fileOnGatewayBranch(h: Harness, id: string, file: string): string {
  const git = h.fake.repo(repository).git;
  return git.fileAt(git.ref(`heads/gateway/${id}`)!, file)!.toString('utf8');
}
