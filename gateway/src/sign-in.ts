/**
 * Sign-in by a one-time code sent to a work email address, and the session that follows.
 *
 * - Codes are 6 digits from a cryptographic source, stored only as an HMAC-SHA-256 under the
 *   server secret (as is the address they belong to), compared in constant time, valid for a set
 *   number of minutes, and allow a set number of tries before the address is locked for a while.
 * - Sessions are random ids in an HttpOnly cookie, stored hashed, each with its own CSRF token
 *   that every state-changing request must echo in a header. Signing in starts a new session
 *   (a new id and token), so an id planted before sign-in is worth nothing after it.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Store } from './store';

export interface SignInPolicy {
  secret: string;
  allowedDomains: readonly string[];
  codeMinutes: number;
  codeTries: number;
  lockMinutes: number;
  sessionHours: number;
}

/** A keyed hash of `value` for one `purpose`, under the server secret: how codes, addresses, sessions and links are kept. */
export const hmac = (secret: string, purpose: string, value: string) => createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * What an address's part before the @ may hold: dot-separated runs of letters, digits and the
 * printable signs an address may use unquoted (RFC 5322's dot-atom), without "%" and "!", which
 * some mail servers read as routing. Nothing else, so no control character or look-alike can make
 * one mailbox into many addresses, each with its own limits, that the mail library delivers alike.
 */
const localPart = /^[a-z0-9#$&'*+/=?^_`{|}~-]+(?:\.[a-z0-9#$&'*+/=?^_`{|}~-]+)*$/;

/** The address in one form (trimmed, lower case), or undefined when it is not an email address. */
export function normaliseEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  return email.length <= 254 && at > 0 && at <= 64 && localPart.test(email.slice(0, at)) && /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(email.slice(at + 1)) ? email : undefined;
}

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/** Whether the address is at an allowed domain or one of its subdomains (trust.nhs.uk for nhs.uk). */
export function isAllowedAddress(email: string, allowed: readonly string[]): boolean {
  const domain = domainOf(email);
  return allowed.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'locked';

export class SignIn {
  constructor(
    private readonly store: Store,
    private readonly policy: SignInPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  private addressHash(email: string) {
    return hmac(this.policy.secret, 'address', email);
  }

  /** When the address is locked out, the time it opens again. */
  lockedUntil(email: string): number | undefined {
    const row = this.store.codeFor(this.addressHash(email));
    return row && row.lockedUntil > this.now() ? row.lockedUntil : undefined;
  }

  /**
   * A new code for the address (replacing any earlier one), to be emailed; never stored in clear.
   * Wrong tries at the codes of the last `lockMinutes` still count, so asking for new codes does
   * not buy more guesses.
   */
  issueCode(email: string): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const hash = this.addressHash(email);
    const now = this.now();
    const earlier = this.store.codeFor(hash);
    const tries = earlier && !earlier.lockedUntil && earlier.expiresAt > now - this.policy.lockMinutes * 60_000 ? earlier.tries : 0;
    this.store.saveCode(hash, hmac(this.policy.secret, `code:${hash}`, code), now + this.policy.codeMinutes * 60_000, tries, 0);
    return code;
  }

  /** Checks a code; a right one is used up, a wrong one costs a try, and the last wrong try locks the address. */
  checkCode(email: string, code: unknown): CodeCheck {
    const hash = this.addressHash(email);
    const row = this.store.codeFor(hash);
    const now = this.now();
    if (row && row.lockedUntil > now) return 'locked';
    if (!row?.codeHash || row.expiresAt <= now) return 'expired';
    const given = typeof code === 'string' && /^\d{6}$/.test(code.trim()) ? code.trim() : '';
    if (given && sameSecret(hmac(this.policy.secret, `code:${hash}`, given), row.codeHash)) {
      this.store.saveCode(hash, null, 0, 0, 0);
      return 'ok';
    }
    const tries = row.tries + 1;
    if (tries >= this.policy.codeTries) {
      this.store.saveCode(hash, null, 0, tries, now + this.policy.lockMinutes * 60_000);
      return 'locked';
    }
    this.store.saveCode(hash, row.codeHash, row.expiresAt, tries, 0);
    return 'wrong';
  }

  // ----- Sessions ------------------------------------------------------------------------------

  /** A new session; the id goes in the cookie, the CSRF token to the page. */
  startSession(email: string | null): { id: string; csrf: string } {
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    this.store.saveSession(hmac(this.policy.secret, 'session', id), csrf, email, this.now() + this.policy.sessionHours * 3_600_000);
    return { id, csrf };
  }

  session(id: string | undefined): { csrf: string; email: string | null } | undefined {
    return id ? this.store.session(hmac(this.policy.secret, 'session', id), this.now()) : undefined;
  }

  endSession(id: string): void {
    this.store.deleteSession(hmac(this.policy.secret, 'session', id));
  }
}
