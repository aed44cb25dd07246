/**
 * The gateway's settings, all from the environment, checked once at start-up with zod. A missing
 * or malformed setting stops the gateway with one line naming the variable and what to set, so
 * a deployment fails loudly at once rather than on the first contributor.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'astro/zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const flag = (fallback: string) => z.enum(['true', 'false']).default(fallback as 'true' | 'false').transform((v) => v === 'true');
const origin = z.string().url().transform((u) => new URL(u).origin);
/**
 * Which proxies to believe about the client's address: none (`false`); those at loopback, link-local
 * and private addresses, where a reverse proxy usually sits (`true`); or the proxies' own addresses
 * or ranges, comma-separated. Each is believed only for the hop it adds, so what a client writes in
 * X-Forwarded-For itself is never taken for its address (Fastify's `trustProxy`, through proxy-addr).
 */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);
const proxies = z.string().default('false').transform((v, ctx) => {
  const text = v.trim().toLowerCase();
  if (text === 'false') return false;
  if (text === 'true') return [...namedRanges];
  const list = text.split(',').map((a) => a.trim()).filter(Boolean);
  const bad = list.find((a) => !namedRanges.has(a) && !(/^[0-9a-f.:]+(?:\/\d{1,3})?$/.test(a) && isIP(a.split('/')[0])));
  if (!list.length || bad) {
    ctx.addIssue({ code: 'custom', message: 'not proxies' });
    return z.NEVER;
  }
  return list;
});
/** An address without a trailing slash or anything after its path: "https://x.org/site". */
const address = z.string().url().transform((u) => {
  const url = new URL(u);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
});

/** Each variable, what it holds and its default; the README's settings table follows this list. */
const shape = {
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: port(8787),
  GATEWAY_SITE_ORIGIN: origin,
  GATEWAY_SITE_URL: address.optional(),
  GATEWAY_PUBLIC_URL: z.string().url().optional(),
  GATEWAY_DATABASE: z.string().min(1).default('gateway-data/gateway.sqlite'),
  GATEWAY_SECRET: z.string().min(32),
  GATEWAY_ALLOWED_DOMAINS: z.string().default('nhs.net,nhs.uk').transform((s) => s.split(',').map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean)).pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1)),
  GATEWAY_CONTENT_ROOT: z.string().min(1).default('.'),
  GATEWAY_RETENTION_DAYS: count(90),
  GATEWAY_CODE_MINUTES: count(15),
  GATEWAY_CODE_TRIES: count(5),
  GATEWAY_LOCK_MINUTES: count(30),
  GATEWAY_SESSION_HOURS: count(8),
  GATEWAY_MAX_ATTEMPTS: count(6),
  GATEWAY_RETRY_BASE_MS: count(1000),
  GATEWAY_POLL_MS: count(2000, 10),
  GATEWAY_FOLLOW_MINUTES: count(10, 0),
  GATEWAY_BODY_LIMIT_BYTES: count(262144, 1024),
  // 0: checks run on the main thread. On 2 cores a pool of 2 raised p95 from 149 to 224–228 ms and memory from
  // 316 to 551–555 MiB (npm run bench:gateway, nothing else running; gateway/README.md).
  GATEWAY_CHECK_THREADS: count(0, 0),
  GATEWAY_REQUESTS_PER_MINUTE: count(120),
  GATEWAY_CODES_PER_HOUR: count(5),
  GATEWAY_SUBMISSIONS_PER_HOUR: count(20),
  GATEWAY_TRUST_PROXY: proxies,
  GATEWAY_MAIL: z.enum(['smtp', 'terminal']).default('smtp'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: port(587),
  SMTP_SECURE: flag('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().email().optional(),
  MAIL_REPLY_TO: z.string().email().optional(),
  GITHUB_API_URL: z.string().url().default('https://api.github.com'),
  GITHUB_REPOSITORY: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/),
  GITHUB_APP_ID: z.string().regex(/^\d+$/),
  GITHUB_APP_INSTALLATION_ID: z.string().regex(/^\d+$/).transform(Number),
  GITHUB_APP_PRIVATE_KEY: z.string().optional(),
  GITHUB_APP_PRIVATE_KEY_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
};

/** What to write for each variable when it is missing or wrong. */
const hints: Record<string, string> = {
  GATEWAY_PORT: 'a port number, e.g. 8787',
  GATEWAY_SITE_ORIGIN: "the site's own address, e.g. https://blueprints.example.nhs.uk (only it may call the gateway)",
  GATEWAY_SITE_URL: 'the address of the site\'s home page, with its base path, e.g. https://nhs.github.io/blueprint-commons/',
  GATEWAY_PUBLIC_URL: "the gateway's public address, e.g. https://gateway.blueprints.example.nhs.uk (used in emailed links)",
  GATEWAY_SECRET: 'at least 32 random characters, e.g. the output of `openssl rand -hex 32`',
  GATEWAY_ALLOWED_DOMAINS: 'email domains separated by commas, e.g. nhs.net,nhs.uk',
  GATEWAY_MAIL: 'smtp, or terminal to print emails instead of sending them (demo only)',
  GATEWAY_TRUST_PROXY: 'false, true (a proxy at a loopback or private address), or the addresses of the proxies in front of the gateway, comma-separated, e.g. 10.0.0.0/8',
  SMTP_HOST: 'the SMTP server host name, e.g. smtp.example.nhs.uk',
  SMTP_SECURE: 'true for TLS from the start (port 465), false for STARTTLS',
  MAIL_FROM: 'the sender address, e.g. blueprints-gateway@example.nhs.uk',
  MAIL_REPLY_TO: "the site team's mailbox, e.g. blueprints@example.nhs.uk, or leave it unset",
  GITHUB_API_URL: 'https://api.github.com, or your GitHub Enterprise API address',
  GITHUB_REPOSITORY: 'the repository pull requests go to, as owner/name',
  GITHUB_APP_ID: "the GitHub App's numeric App ID, from its settings page",
  GITHUB_APP_INSTALLATION_ID: "the numeric id of the App's installation on the repository",
  GITHUB_APP_PRIVATE_KEY_FILE: "the path of the App's private key (.pem), or set GITHUB_APP_PRIVATE_KEY to its text",
  GATEWAY_CHECK_THREADS: 'how many threads check proposals, e.g. the number of CPU cores; 0 checks them on the main thread',
  GATEWAY_FOLLOW_MINUTES: 'how many minutes apart each open pull request is looked at for replies, e.g. 10; 0 never looks',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, silent',
};

const schema = z.object(shape);
type Raw = z.infer<typeof schema>;

export interface Settings {
  host: string;
  port: number;
  /** The site's origin, the only one CORS allows. */
  siteOrigin: string;
  /** The site's address with its base path, for links to its pages. */
  siteUrl: string;
  publicUrl: string;
  database: string;
  secret: string;
  allowedDomains: string[];
  contentRoot: string;
  retentionDays: number;
  codeMinutes: number;
  codeTries: number;
  lockMinutes: number;
  sessionHours: number;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  /** Minutes between looks at each open pull request for replies to pass on (./follow-up.ts); 0 never looks. */
  followMinutes: number;
  bodyLimitBytes: number;
  /** Worker threads that check proposals off the event loop; 0 checks them on it. */
  checkThreads: number;
  requestsPerMinute: number;
  codesPerHour: number;
  submissionsPerHour: number;
  /** Fastify's `trustProxy`: false, or the addresses and ranges of the proxies to believe. */
  trustProxy: false | string[];
  /** How email goes; `replyTo` is the site team's mailbox, where replies to the emails about a submission go. */
  mail: ({ kind: 'smtp'; host: string; port: number; secure: boolean; user?: string; password?: string; from: string } | { kind: 'terminal'; from: string }) & { replyTo?: string };
  github: { apiUrl: string; owner: string; repo: string; appId: string; installationId: number; privateKey: string };
  logLevel: Raw['LOG_LEVEL'];
}

/** The database file alone, for the maintainers' commands, which need nothing else. */
export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.GATEWAY_DATABASE || shape.GATEWAY_DATABASE.parse(undefined));
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const fail = (variable: string, problem: string): never => {
  throw new SettingsError(`Setting ${variable} ${problem}: set it to ${hints[variable] ?? 'a valid value'}.`);
};

/** Reads and checks the settings; throws a SettingsError whose message is the one line to print. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const input = Object.fromEntries(Object.keys(shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    fail(variable, input[variable] === undefined ? 'is missing' : 'is not valid');
  }
  const raw = parsed.data!;

  let privateKey = raw.GITHUB_APP_PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (!privateKey) {
    if (!raw.GITHUB_APP_PRIVATE_KEY_FILE) fail('GITHUB_APP_PRIVATE_KEY_FILE', 'is missing');
    try {
      privateKey = readFileSync(raw.GITHUB_APP_PRIVATE_KEY_FILE!, 'utf8');
    } catch {
      fail('GITHUB_APP_PRIVATE_KEY_FILE', `names a file that cannot be read (${raw.GITHUB_APP_PRIVATE_KEY_FILE})`);
    }
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey!)) fail(raw.GITHUB_APP_PRIVATE_KEY ? 'GITHUB_APP_PRIVATE_KEY' : 'GITHUB_APP_PRIVATE_KEY_FILE', 'does not hold a PEM private key');

  let mail: Settings['mail'];
  if (raw.GATEWAY_MAIL === 'terminal') mail = { kind: 'terminal', from: raw.MAIL_FROM ?? 'gateway@localhost', replyTo: raw.MAIL_REPLY_TO };
  else {
    if (!raw.SMTP_HOST) fail('SMTP_HOST', 'is missing');
    if (!raw.MAIL_FROM) fail('MAIL_FROM', 'is missing');
    mail = { kind: 'smtp', host: raw.SMTP_HOST!, port: raw.SMTP_PORT, secure: raw.SMTP_SECURE, user: raw.SMTP_USER, password: raw.SMTP_PASSWORD, from: raw.MAIL_FROM!, replyTo: raw.MAIL_REPLY_TO };
  }
  const [owner, repo] = raw.GITHUB_REPOSITORY.split('/');
  return {
    host: raw.GATEWAY_HOST,
    port: raw.GATEWAY_PORT,
    siteOrigin: raw.GATEWAY_SITE_ORIGIN,
    siteUrl: raw.GATEWAY_SITE_URL ?? raw.GATEWAY_SITE_ORIGIN,
    publicUrl: (raw.GATEWAY_PUBLIC_URL ?? `http://${raw.GATEWAY_HOST}:${raw.GATEWAY_PORT}`).replace(/\/+$/, ''),
    database: resolve(raw.GATEWAY_DATABASE),
    secret: raw.GATEWAY_SECRET,
    allowedDomains: raw.GATEWAY_ALLOWED_DOMAINS,
    contentRoot: resolve(raw.GATEWAY_CONTENT_ROOT),
    retentionDays: raw.GATEWAY_RETENTION_DAYS,
    codeMinutes: raw.GATEWAY_CODE_MINUTES,
    codeTries: raw.GATEWAY_CODE_TRIES,
    lockMinutes: raw.GATEWAY_LOCK_MINUTES,
    sessionHours: raw.GATEWAY_SESSION_HOURS,
    maxAttempts: raw.GATEWAY_MAX_ATTEMPTS,
    retryBaseMs: raw.GATEWAY_RETRY_BASE_MS,
    pollMs: raw.GATEWAY_POLL_MS,
    followMinutes: raw.GATEWAY_FOLLOW_MINUTES,
    bodyLimitBytes: raw.GATEWAY_BODY_LIMIT_BYTES,
    checkThreads: raw.GATEWAY_CHECK_THREADS,
    requestsPerMinute: raw.GATEWAY_REQUESTS_PER_MINUTE,
    codesPerHour: raw.GATEWAY_CODES_PER_HOUR,
    submissionsPerHour: raw.GATEWAY_SUBMISSIONS_PER_HOUR,
    trustProxy: raw.GATEWAY_TRUST_PROXY,
    mail,
    github: { apiUrl: raw.GITHUB_API_URL.replace(/\/+$/, ''), owner, repo, appId: raw.GITHUB_APP_ID, installationId: raw.GITHUB_APP_INSTALLATION_ID, privateKey: privateKey! },
    logLevel: raw.LOG_LEVEL,
  };
}
