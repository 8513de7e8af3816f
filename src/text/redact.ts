/**
 * Secret redaction. Every secret a run knows (tokens, keys, client secrets) is registered with the
 * run's Redactor at start-up; the Redactor replaces them, and anything that looks like an auth
 * header value, in any string that leaves the process (stdout, stderr, audit log, plan files,
 * comments).
 */

/** Where a client puts the credentials it was built with (a Redactor, or nothing in a test). */
export interface SecretSink {
  register(value: string | undefined | null): void;
}

/**
 * The secrets of one run and what to hide them from. The CLI makes one per run (CommandIO.redactor),
 * registers the environment's secrets before anything else runs, and every output of the run
 * (stdout, stderr, the audit log, plan files, the PR comment) writes through it: no module state, so
 * two runs in one process share nothing.
 */
export class Redactor implements SecretSink {
  readonly #secrets = new Set<string>();
  readonly #publicValues = new Set<string>();

  /**
   * Register a secret value (ignored when shorter than 6 characters, to avoid mangling text), with
   * the encoded forms a server may echo it in: URL-encoded, and base64 / base64url at each of the
   * three byte alignments, so that a gateway echoing `Authorization: SSWS <token>` in base64 (the
   * token then sits at any offset of the encoded header) is caught too (issue 12 item 7).
   */
  register(value: string | undefined | null): void {
    if (!value || value.length < 6) return;
    const secrets = this.#secrets;
    secrets.add(value);
    // A PEM key echoed in part: each line of its body is a secret of its own.
    if (value.includes('\n')) for (const line of value.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith('-----')) secrets.add(line.trim());
    const uri = encodeURIComponent(value);
    if (uri !== value) secrets.add(uri);
    for (const core of base64Cores(value)) {
      secrets.add(core);
      const url = core.replace(/\+/g, '-').replace(/\//g, '_');
      if (url !== core) secrets.add(url);
    }
  }

  /**
   * Declare a value that looks like a credential but is meant to be shown: the sandbox's well-known
   * tokens, which `dbxsync sandbox` prints as `export OKTA_API_TOKEN=...` lines. Registered secrets
   * are still replaced everywhere.
   */
  allowPublic(value: string): void {
    this.#publicValues.add(value);
  }

  /** The text with every registered secret, and anything that looks like a credential, replaced. */
  redact(text: string): string {
    let out = text;
    for (const s of this.#secrets) {
      if (out.includes(s)) out = out.split(s).join('[REDACTED]');
    }
    return redactCredentials(out, this.#publicValues);
  }
}

/**
 * The base64 characters that depend on `value`'s bytes alone, for the value starting at byte
 * offset 0, 1 and 2 of whatever is encoded: any base64 text holding the value holds one of them.
 * Only cores of 8 characters or more are kept (shorter ones would match innocent text).
 */
function base64Cores(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const cores: string[] = [];
  for (let k = 0; k < 3; k++) {
    const padded = new Uint8Array(k + bytes.length);
    padded.set(bytes, k);
    const b64 = btoa(String.fromCharCode(...padded));
    const first = Math.ceil((8 * k) / 6);
    const end = Math.floor((8 * (k + bytes.length)) / 6);
    const core = b64.slice(first, end);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}

const AUTH_PATTERNS: readonly RegExp[] = [
  /\b(SSWS|Bearer|Basic|DPoP)\s+[A-Za-z0-9._~+/=-]{6,}/g,
  /("?(?:access_token|refresh_token|client_secret|client_assertion|private_key|id_token|assertion|token)"?\s*[:=]\s*"?)[^",&\s}]{6,}/gi,
  // A JWT (a signed client assertion, an access token): header.payload.signature, base64url.
  /()\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

/**
 * What looks like a credential whoever registered what: an auth header value, a token field, a JWT.
 * Needs no Redactor, so an adapter can scrub an error's text where it builds it (the run's outputs
 * redact its registered secrets on top). `publicValues` are left as they are.
 */
export function redactCredentials(text: string, publicValues: ReadonlySet<string> = new Set()): string {
  let out = text;
  for (const re of AUTH_PATTERNS) {
    out = out.replace(re, (match: string, prefix: string) => {
      if (publicValues.has(match.slice(prefix.length).trim())) return match;
      return prefix !== '' && /^(SSWS|Bearer|Basic|DPoP)$/i.test(prefix) ? `${prefix} [REDACTED]` : `${prefix}[REDACTED]`;
    });
  }
  return out;
}

/**
 * Error text that may echo what was sent (a body, a header) as one line of at most `max` characters,
 * credentials scrubbed (redactCredentials): white space folded, the rest cut with "…".
 */
export function oneLine(text: string, max = 300): string {
  const flat = redactCredentials(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
