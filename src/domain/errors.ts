/**
 * The one module of error types. Every error sets `name` and keeps `cause`. Expected refusals
 * (invalid YAML, safety, stale plan) are data rendered like everything else; these classes are for
 * what interrupts a command. The CLI's single catch maps them to exit codes and one clear line.
 */

/** Base class: `message` is a single line fit for stderr, with no secret in it. */
export class DbxsyncError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from the user: flags, files, environment. Exit 1. */
export class UsageError extends DbxsyncError {}

/** Configuration problems already rendered as lines (file:line:col: message). */
export class ConfigError extends DbxsyncError {
  constructor(readonly problems: readonly string[]) {
    super(problems[0] ?? 'invalid configuration');
  }
}

/** A call to Okta, Dropbox or GitHub failed. */
export class RemoteError extends DbxsyncError {
  readonly service: 'okta' | 'dropbox' | 'github';
  readonly status: number | null;
  /** The API's error tag/code (Dropbox `.tag`, Okta errorCode), when there is one. */
  readonly code: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly requestId: string | null;
  /** The API route or path called (never with a query string holding a secret). */
  readonly route: string;
  /** Identifiers the error names as the cause (Dropbox members_not_in_team / users_not_found); empty otherwise. */
  readonly namedIds: readonly string[];
  /** What to check, when the caller knows better than the route (the YAML line of okta.appId for an app's 404). */
  readonly hint: string | null;

  constructor(init: {
    service: 'okta' | 'dropbox' | 'github';
    route: string;
    message: string;
    status?: number | null;
    code?: string | null;
    retryable?: boolean;
    retryAfterMs?: number | null;
    requestId?: string | null;
    namedIds?: readonly string[];
    hint?: string | null;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.service = init.service;
    this.route = init.route;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.requestId = init.requestId ?? null;
    this.namedIds = init.namedIds ?? [];
    this.hint = init.hint ?? null;
  }
}

/** A bug: an invariant did not hold. */
export class InternalError extends DbxsyncError {}

/** Exhaustiveness guard for switches over discriminated unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
