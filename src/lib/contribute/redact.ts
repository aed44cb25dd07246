/**
 * Makes text from outside (an error's message, a response body, a configured address) safe to
 * print in a terminal or a public workflow log: credentials are replaced with "[redacted]" and
 * the text is cut to a short excerpt, so a proxy's error page or a server echoing our request
 * cannot put a token, or pages of HTML, into the output.
 *
 * What counts as a credential:
 * - the exact values passed as `secrets` (the token in use), wherever they appear;
 * - the user and password in a URL: https://user:password@host/;
 * - query or form parameters and JSON fields named like a secret: access_token, token,
 *   client_secret, sig, signature, password, api_key, private_key…;
 * - Authorization-like header values (`Authorization: token …`, `Bearer …`, cookies);
 * - GitHub token shapes (ghp_…, ghs_…, github_pat_…), JSON web tokens, and PEM private keys.
 *
 * GitHub's token formats: https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
 */

/** The replacement for anything secret. */
export const redacted = '[redacted]';

/** How long an excerpt is by default, in characters, "…" included. */
export const excerptLength = 300;

export interface RedactOptions {
  /** Exact values to remove wherever they appear, e.g. the token in use. Short or empty ones are ignored. */
  secrets?: readonly (string | undefined)[];
  /** The most characters to keep; longer text is cut and ends with "…". `Infinity` keeps it all. */
  limit?: number;
}

/** A parameter or field name that holds a secret: the whole name, or its last part. */
const secretName = String.raw`[\w.-]*?(?:token|secret|password|passwd|pwd|sig|signature|api[_-]?key|private[_-]?key|credential|authorization|cookie)`;

const patterns: [RegExp, string][] = [
  // PEM private keys, including one cut off before its END line.
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, redacted],
  // user:password@ in any URL; greedy to the last @ before the path, as a password may hold one.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi, `$1${redacted}@`],
  // JSON fields: "access_token": "…", "Authorization":"token …".
  [new RegExp(String.raw`("${secretName}"\s*:\s*")(?:[^"\\]|\\.)*"`, 'gi'), `$1${redacted}"`],
  // Query and form parameters: ?access_token=…&sig=…
  [new RegExp(String.raw`((?:^|[?&;\s"'(<,])${secretName}=)[^&#\s"'<>)]*`, 'gi'), `$1${redacted}`],
  // Headers: Authorization: token …, Proxy-Authorization: Basic …, and cookies to the end of the line.
  [/\b((?:proxy-)?authorization|x-api-key|x-auth-token)(\s*:\s*)((?:token|bearer|basic|digest)\s+)?[^\s"'<>]+/gi, `$1$2$3${redacted}`],
  [/\b(cookie|set-cookie)(\s*:\s*)[^\r\n"<>]*/gi, `$1$2${redacted}`],
  // A scheme and credentials on their own: Bearer …, Basic …, but not "Basic authentication".
  [/\b(bearer|basic)\s+(?=[^\s"'<>]*[^A-Za-z\s"'<>])[^\s"'<>]{8,}/gi, `$1 ${redacted}`],
  // GitHub tokens by their prefixes, and JSON web tokens (a GitHub App signs one with its private key).
  [/\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})/g, redacted],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, redacted],
];

/**
 * How much of a long text the patterns read when only `limit` characters will be kept: enough that
 * a credential starting in the kept part is read whole (a private key runs to the text's end), and
 * little enough that patterns which try every start of a long run stay quick.
 */
const readFor = (limit: number) => (Number.isFinite(limit) ? limit * 4 + 4096 : Infinity);

/** Replaces every credential in `text` with "[redacted]", then cuts it to `limit` characters. */
export function redact(text: string, { secrets = [], limit = excerptLength }: RedactOptions = {}): string {
  let out = text.length > readFor(limit) ? text.slice(0, readFor(limit)) : text;
  // Longest first, so a secret that contains another is removed whole.
  const exact = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8).sort((a, b) => b.length - a.length);
  for (const secret of exact) out = out.split(secret).join(redacted);
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return cut(out, limit);
}

/** The first `limit` characters (whole code points), ending with "…" when anything was cut. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  return `${chars.slice(0, Math.max(0, limit - 1)).join('').trimEnd()}…`;
}
