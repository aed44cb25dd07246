/** The gateway's settings: defaults, and one line naming the variable when one is wrong. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { statusPage } from '../../gateway/src/status-page';

const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const minimal = {
  GATEWAY_SITE_ORIGIN: 'https://blueprints.example.nhs.uk/some/page',
  GATEWAY_SECRET: 'a'.repeat(32),
  SMTP_HOST: 'smtp.example.nhs.uk',
  MAIL_FROM: 'gateway@example.nhs.uk',
  GITHUB_REPOSITORY: 'blueprint-commons/blueprint-commons',
  GITHUB_APP_ID: '12345',
  GITHUB_APP_INSTALLATION_ID: '678',
  GITHUB_APP_PRIVATE_KEY: key.replace(/\n/g, '\\n'),
};

const problem = (env: Record<string, string | undefined>) => {
  try {
    settingsFromEnv(env);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('gateway settings', () => {
  it('starts from the few required settings, with the defaults the README lists', () => {
    const s = settingsFromEnv(minimal);
    expect(s.siteOrigin).toBe('https://blueprints.example.nhs.uk');
    expect(s.allowedDomains).toEqual(['nhs.net', 'nhs.uk']);
    expect(s.retentionDays).toBe(90);
    expect(s.codeMinutes).toBe(15);
    expect(s.codeTries).toBe(5);
    expect(s.port).toBe(8787);
    expect(s.github).toMatchObject({ owner: 'blueprint-commons', repo: 'blueprint-commons', installationId: 678, apiUrl: 'https://api.github.com' });
    expect(s.github.privateKey).toContain('\n');
  });

  it('links the status page to a site under a base path, with CORS still allowing only its origin', () => {
    const s = settingsFromEnv({ ...minimal, GATEWAY_SITE_ORIGIN: 'https://nhs.github.io', GATEWAY_SITE_URL: 'https://nhs.github.io/blueprint-commons/?x=1' });
    expect(s.siteOrigin).toBe('https://nhs.github.io');
    expect(s.siteUrl).toBe('https://nhs.github.io/blueprint-commons');
    expect(settingsFromEnv(minimal).siteUrl).toBe('https://blueprints.example.nhs.uk');
    expect(statusPage(undefined, s.siteUrl)).toContain('<a href="https://nhs.github.io/blueprint-commons/">Blueprint Commons</a>');
  });

  it('names a missing setting and says what to set, in one line', () => {
    const message = problem({ ...minimal, GITHUB_APP_ID: undefined });
    expect(message).toBe("Setting GITHUB_APP_ID is missing: set it to the GitHub App's numeric App ID, from its settings page.");
  });

  it('names a malformed setting', () => {
    expect(problem({ ...minimal, GATEWAY_PORT: 'eighty' })).toMatch(/^Setting GATEWAY_PORT is not valid: set it to a port number/);
    expect(problem({ ...minimal, GATEWAY_SECRET: 'short' })).toMatch(/^Setting GATEWAY_SECRET is not valid/);
    expect(problem({ ...minimal, GATEWAY_ALLOWED_DOMAINS: 'nhs.net, not a domain' })).toMatch(/^Setting GATEWAY_ALLOWED_DOMAINS is not valid/);
    expect(problem({ ...minimal, GITHUB_APP_PRIVATE_KEY: 'not a key' })).toMatch(/^Setting GITHUB_APP_PRIVATE_KEY does not hold a PEM private key/);
  });

  it('believes no proxy, those at private and loopback addresses, or the ones named', () => {
    const trust = (value?: string) => settingsFromEnv({ ...minimal, GATEWAY_TRUST_PROXY: value }).trustProxy;
    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(trust('10.0.0.0/8, 192.168.1.7,::1,Loopback')).toEqual(['10.0.0.0/8', '192.168.1.7', '::1', 'loopback']);
    for (const bad of ['yes', '1', '10.0.0', 'proxy.example', ',']) expect(problem({ ...minimal, GATEWAY_TRUST_PROXY: bad }), bad).toMatch(/^Setting GATEWAY_TRUST_PROXY is not valid: .*addresses of the proxies in front of the gateway/);
  });

  it('wants the key from a variable or a readable file', () => {
    expect(problem({ ...minimal, GITHUB_APP_PRIVATE_KEY: undefined })).toMatch(/^Setting GITHUB_APP_PRIVATE_KEY_FILE is missing/);
    expect(problem({ ...minimal, GITHUB_APP_PRIVATE_KEY: undefined, GITHUB_APP_PRIVATE_KEY_FILE: '/nonexistent/app.pem' })).toMatch(/cannot be read/);
  });

  it('checks proposals in one thread per core unless told otherwise; 0 checks them on the main thread', () => {
    expect(settingsFromEnv(minimal).checkThreads).toBe(0);
    expect(settingsFromEnv({ ...minimal, GATEWAY_CHECK_THREADS: '0' }).checkThreads).toBe(0);
    expect(settingsFromEnv({ ...minimal, GATEWAY_CHECK_THREADS: '3' }).checkThreads).toBe(3);
    expect(problem({ ...minimal, GATEWAY_CHECK_THREADS: 'many' })).toMatch(/^Setting GATEWAY_CHECK_THREADS is not valid: set it to how many threads check proposals/);
  });

  it('needs SMTP settings unless emails are printed to the terminal', () => {
    expect(problem({ ...minimal, SMTP_HOST: undefined })).toMatch(/^Setting SMTP_HOST is missing/);
    expect(settingsFromEnv({ ...minimal, SMTP_HOST: undefined, GATEWAY_MAIL: 'terminal' }).mail.kind).toBe('terminal');
  });
});
