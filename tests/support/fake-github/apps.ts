/**
 * GitHub Apps for the fake GitHub: an app signs a JWT with its private key (RS256, `iss` = the
 * app id, at most 10 minutes long) and exchanges it at
 * `POST /app/installations/{installation_id}/access_tokens` for an installation token that
 * expires. The fake checks the JWT's signature against the app's public key and its times as
 * GitHub does, and limits each token to the repositories and permissions asked for, which must
 * be within what the installation was granted.
 * https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';

export interface FakeApp {
  id: number;
  slug: string;
  publicKey: KeyObject;
}

export interface FakeInstallation {
  id: number;
  app: FakeApp;
  /** "owner/name" of each repository the app is installed on. */
  repos: string[];
  /** What the installation was granted, e.g. { contents: 'write', pull_requests: 'write' }. */
  permissions: Record<string, 'read' | 'write'>;
}

export interface IssuedToken {
  token: string;
  installation: number;
  repos: string[];
  permissions: Record<string, string>;
  expiresAt: number;
}

export class JwtError extends Error {}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The app a JWT belongs to, once its signature and times are checked; throws JwtError otherwise. */
export function verifyAppJwt(jwt: string, apps: Map<number, FakeApp>, now = Date.now()): FakeApp {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new JwtError('A JSON web token could not be decoded');
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decode(parts[0]);
    payload = decode(parts[1]);
  } catch {
    throw new JwtError('A JSON web token could not be decoded');
  }
  if (header.alg !== 'RS256') throw new JwtError('A JSON web token could not be decoded');
  const app = apps.get(Number(payload.iss));
  if (!app) throw new JwtError(`Integration not found`);
  const signed = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), app.publicKey, Buffer.from(parts[2], 'base64url'));
  if (!signed) throw new JwtError('A JSON web token could not be decoded');
  const seconds = Math.floor(now / 1000);
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || iat > seconds + 60) throw new JwtError("'Issued at' claim ('iat') must be an Integer representing a time in the past");
  if (typeof exp !== 'number' || exp <= seconds) throw new JwtError("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
  if (exp - iat > 600) throw new JwtError("'Expiration time' claim ('exp') is too far in the future");
  return app;
}

export function toPublicKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
}

export function newInstallationToken(): string {
  return `ghs_${randomBytes(18).toString('base64url')}`;
}
