/**
 * Secret redaction. Every secret the process knows (tokens, keys, client secrets) is registered
 * once at start-up; `redact` replaces them, and anything that looks like an auth header value, in
 * any string that leaves the process (stdout, stderr, audit log, plan files, comments).
 */

const secrets = new Set<string>();

/** Register a secret value (ignored when shorter than 6 characters, to avoid mangling text). */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) secrets.add(value);
}

export function clearSecrets(): void {
  secrets.clear();
}

const publicValues = new Set<string>();

/**
 * Declare a value that looks like a credential but is meant to be shown: the sandbox's well-known
 * tokens, which `dbxsync sandbox` prints as `export OKTA_API_TOKEN=...` lines. Registered secrets
 * are still replaced everywhere.
 */
export function registerPublicValue(value: string): void {
  publicValues.add(value);
}

const AUTH_PATTERNS: readonly RegExp[] = [
  /\b(SSWS|Bearer|Basic|DPoP)\s+[A-Za-z0-9._~+/=-]{6,}/g,
  /("?(?:access_token|refresh_token|client_secret|private_key|token)"?\s*[:=]\s*"?)[^",\s}]{6,}/gi,
];

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join('[REDACTED]');
  }
  for (const re of AUTH_PATTERNS) {
    out = out.replace(re, (match: string, prefix: string) => {
      if (publicValues.has(match.slice(prefix.length).trim())) return match;
      return /^(SSWS|Bearer|Basic|DPoP)$/i.test(prefix) ? `${prefix} [REDACTED]` : `${prefix}[REDACTED]`;
    });
  }
  return out;
}
