import { describe, expect, it } from 'vitest';
import { excerptLength, redact, redacted } from '../../src/lib/contribute/redact';
import { Random } from '../../scripts/bench/random';

// The benchmark's seeded generator, so the many variants below are the same on every run.
const seeded = new Random(20261203);
const next = () => seeded.float();
const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
const word = (alphabet: string, length: number) => Array.from({ length }, () => pick([...alphabet])).join('');
const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Secret values of the shapes that reach us: GitHub tokens, passwords with awkward characters, signatures. */
const secrets = [
  ...Array.from({ length: 6 }, () => `${pick(['ghp_', 'ghs_', 'gho_', 'ghu_', 'ghr_'])}${word(alnum, 36)}`),
  ...Array.from({ length: 3 }, () => `github_pat_${word(alnum, 22)}_${word(alnum, 59)}`),
  ...Array.from({ length: 6 }, () => word(`${alnum}-._~!$*+,%`, 8 + Math.floor(next() * 30))),
];

/** Every way a secret arrives inside an error message or a response body. */
const carriers: [string, (secret: string) => string][] = [
  ['a URL password', (s) => `request to https://ada:${s}@api.github.com/repos/o/r failed`],
  ['a URL user (token as user name)', (s) => `fetch https://${s}@github.com/o/r.git`],
  ['a URL user and password with an @ in the password', (s) => `http://x-access-token:${s}@@proxy.example:8080/path`],
  ['an upper-case scheme', (s) => `HTTPS://user:${s}@Example.COM/`],
  ['access_token in a query', (s) => `GET https://api.example.com/user?access_token=${s}&page=2`],
  ['token after another parameter', (s) => `https://h.example/x?a=1&token=${s}`],
  ['client_secret in a query', (s) => `https://h.example/login/oauth?client_id=Iv1.abc&client_secret=${s}#frag`],
  ['an Azure-style sig', (s) => `https://blob.example/container/file?sv=2021&se=2026&sig=${s}`],
  ['an upper-case parameter name', (s) => `https://h.example/?ACCESS_TOKEN=${s}`],
  ['an amazon signature', (s) => `https://s3.example/o?X-Amz-Signature=${s}&X-Amz-Date=20260101`],
  ['a form body', (s) => `access_token=${s}&scope=repo&token_type=bearer`],
  ['a JSON token field', (s) => `{"token":"${s}","expires_at":"2026-12-03T08:00:00Z"}`],
  ['a JSON field with spaces', (s) => `{ "client_secret" : "${s}" }`],
  ['a JSON authorization header', (s) => `{"headers":{"authorization":"token ${s}","accept":"application/json"}}`],
  ['an Authorization header line', (s) => `> Authorization: token ${s}\n> Accept: */*`],
  ['a Bearer header line', (s) => `authorization: Bearer ${s}`],
  ['a Proxy-Authorization header', (s) => `Proxy-Authorization: Basic ${s}`],
  ['a cookie header', (s) => `Cookie: session=${s}; other=1`],
  ['a bare Bearer value', (s) => `the proxy refused "Bearer ${s}"`],
  ['HTML echoing the request', (s) => `<html><body><pre>GET /?token=${s} HTTP/1.1</pre></body></html>`],
];

describe('redact', () => {
  it.each(carriers)('removes a secret from %s, for every kind of secret', (_, carry) => {
    for (const secret of secrets) {
      const out = redact(carry(secret), { limit: Infinity });
      expect(out, carry(secret)).not.toContain(secret);
      expect(out).toContain(redacted);
    }
  });

  it('removes GitHub tokens and web tokens wherever they are, even without a label', () => {
    for (const secret of secrets.filter((s) => /^gh|^github_pat_/.test(s))) {
      expect(redact(`the server said: ${secret} is not valid`)).toBe(`the server said: ${redacted} is not valid`);
    }
    const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjM0NSIsImV4cCI6MTcwMH0.${word(alnum, 40)}`;
    expect(redact(`bad JWT ${jwt}`)).toBe(`bad JWT ${redacted}`);
  });

  it('removes a private key, whole or cut off', () => {
    const body = Array.from({ length: 8 }, () => word(`${alnum}+/`, 64)).join('\n');
    const key = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(redact(`could not sign with ${key} (bad key)`, { limit: Infinity })).toBe(`could not sign with ${redacted} (bad key)`);
    expect(redact(`key: ${key.slice(0, 120)}`, { limit: Infinity })).toBe(`key: ${redacted}`);
    expect(redact(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`, { limit: Infinity })).toBe(redacted);
  });

  it('removes the exact secrets it is given, in any surrounding', () => {
    for (const secret of secrets) {
      for (const around of [(s: string) => s, (s: string) => `x${s}x`, (s: string) => `"${s}" and again ${s}`, (s: string) => `\n${s}\n`]) {
        expect(redact(around(secret), { secrets: [secret], limit: Infinity })).not.toContain(secret);
      }
    }
    // One secret inside another is removed whole, not left half-visible.
    expect(redact('abcdefgh-and-ijklmnop', { secrets: ['abcdefgh', 'abcdefgh-and-ijklmnop'] })).toBe(redacted);
  });

  it('keeps the host, path and harmless parameters, so the message still says where', () => {
    expect(redact('https://ada:s3cr3t-pw@api.github.com/repos/o/r?page=2&access_token=abc123#x')).toBe(
      `https://${redacted}@api.github.com/repos/o/r?page=2&access_token=${redacted}#x`,
    );
  });

  it.each([
    'Not Found',
    'Reference already exists',
    'Validation Failed: A pull request already exists for ada:blueprint/discharge-letters.',
    'Bad credentials - https://docs.github.com/rest',
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    'GitHub did not accept your token (401 Bad credentials). Check GITHUB_TOKEN holds a current token.',
    'Could not reach GitHub at https://api.github.com (fetch failed) after 3 retries.',
    'email ada@example.nhs.uk or see https://example.nhs.uk/contact?topic=digital',
    'the tokenizer=fast setting, design=clean',
    'Basic authentication and Bearer tokens are not accepted here',
    'Sync with upstream: 409 Conflict',
    '',
  ])('leaves a message without secrets as it is: %s', (text) => {
    expect(redact(text, { secrets: [undefined, '', 'short'] })).toBe(text);
  });

  it(`cuts long text to ${excerptLength} characters, ending with …`, () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>upstream error</p>'.repeat(500)}</body></html>`;
    const out = redact(html);
    expect(Array.from(out)).toHaveLength(excerptLength);
    expect(out.endsWith('…')).toBe(true);
    expect(out.startsWith('<!DOCTYPE html><html><head><title>502 Bad Gateway</title>')).toBe(true);
    expect(redact('x'.repeat(excerptLength))).toBe('x'.repeat(excerptLength));
    expect(redact('abcdef', { limit: 4 })).toBe('abc…');
  });

  it('redacts before cutting, so a secret at the cut is never half shown', () => {
    for (const secret of secrets) {
      const text = `${'a'.repeat(290)} token=${secret} more`;
      const out = redact(text);
      for (let n = 4; n <= secret.length; n++) expect(out).not.toContain(secret.slice(0, n));
    }
  });

  it('reads a long text only as far as it keeps, and still removes a private key that starts there', () => {
    const started = performance.now();
    for (const long of ['a.'.repeat(100_000), `x://${'a'.repeat(200_000)}`, 'token='.repeat(40_000)]) expect(redact(long).length).toBeLessThanOrEqual(excerptLength);
    expect(performance.now() - started).toBeLessThan(5_000);
    const key = `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEpAIBAAKCAQEA'.repeat(500)}\n-----END RSA PRIVATE KEY-----`;
    expect(redact(`Failed: ${key}`)).toBe('Failed: [redacted]');
  });

  it('never splits a character made of two code units', () => {
    const out = redact('🙂'.repeat(400), { limit: 10 });
    expect(out).toBe(`${'🙂'.repeat(9)}…`);
  });

  it('is stable: redacting twice changes nothing more', () => {
    for (const [, carry] of carriers) {
      for (const secret of secrets) {
        const once = redact(Array(3).fill(carry(secret)).join(' '), { limit: Infinity });
        expect(redact(once, { limit: Infinity })).toBe(once);
      }
    }
  });

  it('never gives more than the limit, nor any secret, whatever the limit', () => {
    for (const [, carry] of carriers) {
      for (const secret of secrets) {
        for (const limit of [1, 20, 80, excerptLength]) {
          const out = redact(Array(3).fill(carry(secret)).join(' '), { limit });
          expect(Array.from(out).length).toBeLessThanOrEqual(limit);
          expect(out).not.toContain(secret);
        }
      }
    }
  });
});
