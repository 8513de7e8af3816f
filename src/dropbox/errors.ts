/**
 * Translation of what the Dropbox SDK throws into dbxsync's RemoteError (ref §7): the route, HTTP
 * status, the route error's `.tag`, whether a retry can help, the server's backoff and the request
 * id — never the headers, never a token.
 */
import { DropboxResponseError } from 'dropbox';
import { RemoteError } from '../domain/errors.js';
import { oneLine, redactCredentials } from '../text/redact.js';
import type { Obj } from '../transport/shape.js';

/** What a failed attempt means for the retry policy. */
export type FailureKind = 'rate_limited' | 'server' | 'network' | 'auth_expired' | 'final';

export interface FailureInfo {
  readonly kind: FailureKind;
  readonly status: number | null;
  /** err.error.error['.tag'] for JSON errors (for 429: the reason's tag). */
  readonly tag: string | null;
  /** Server-requested backoff: Retry-After header, else the body's retry_after (seconds). */
  readonly retryAfterMs: number | null;
  readonly requestId: string | null;
  /** A short, secret-free description: the tag, the plain-text body, or the network code. */
  readonly detail: string;
  /** The ids a route error carries as its value (e.g. GroupMembersAddError.members_not_in_team List(String)). */
  readonly namedIds: readonly string[];
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null;
}

function isResponseError(err: unknown): err is DropboxResponseError<unknown> {
  return err instanceof DropboxResponseError || (isObj(err) && (err as { name?: unknown }).name === 'DropboxResponseError' && typeof err['status'] === 'number');
}

function header(headers: unknown, name: string): string | null {
  if (isObj(headers) && typeof (headers as { get?: unknown }).get === 'function') {
    const v = (headers as { get(n: string): string | null }).get(name);
    return v ?? null;
  }
  return null;
}

/** Network failures worth retrying: fetch's TypeError and the socket/undici codes under it. */
export function networkCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && isObj(e); depth++) {
    const code = e['code'];
    if (typeof code === 'string' && /^(ECONN|ETIMEDOUT|EPIPE|EAI_AGAIN|UND_ERR_)/.test(code)) return code;
    if (e['name'] === 'TimeoutError') return 'ETIMEDOUT';
    e = e['cause'];
  }
  if (err instanceof TypeError && /fetch failed|terminated|network/i.test(err.message)) return 'FETCH_FAILED';
  return null;
}

function retryAfterOf(err: DropboxResponseError<unknown>): number | null {
  const h = header(err.headers, 'retry-after');
  if (h !== null && /^\d+(\.\d+)?$/.test(h.trim())) return Math.round(Number(h) * 1000);
  const body = err.error;
  if (isObj(body) && isObj(body['error']) && typeof body['error']['retry_after'] === 'number') return Math.round(body['error']['retry_after'] * 1000);
  return null;
}

function tagOf(body: unknown): string | null {
  if (!isObj(body) || !isObj(body['error'])) return null;
  const inner = body['error'];
  if (typeof inner['.tag'] === 'string') return inner['.tag'];
  if (isObj(inner['reason']) && typeof inner['reason']['.tag'] === 'string') return inner['reason']['.tag'];
  return null;
}

/** A union member whose value is List(String): `{".tag": t, t: [...]}` (Stone's JSON form). */
function namedIdsOf(body: unknown, tag: string | null): string[] {
  if (tag === null || !isObj(body) || !isObj(body['error'])) return [];
  const value = body['error'][tag];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : [];
}

export function describeFailure(err: unknown): FailureInfo {
  if (isResponseError(err)) {
    const status = err.status;
    const tag = tagOf(err.error);
    const requestId = header(err.headers, 'x-dropbox-request-id');
    const detail = tag ?? (typeof err.error === 'string' ? oneLine(err.error) : `HTTP ${status}`);
    let kind: FailureKind = 'final';
    // ref §7: 429 after the server's backoff; 5xx and 408 with backoff; 400/401/403/409 never.
    if (status === 429) kind = 'rate_limited';
    else if (status >= 500 || status === 408) kind = 'server';
    else if (status === 401 && tag === 'expired_access_token') kind = 'auth_expired';
    return { kind, status, tag: status === 429 ? (tag ?? 'too_many_requests') : tag, retryAfterMs: retryAfterOf(err), requestId, detail, namedIds: namedIdsOf(err.error, tag) };
  }
  const code = networkCode(err);
  if (code) return { kind: 'network', status: null, tag: null, retryAfterMs: null, requestId: null, detail: `network error (${code})`, namedIds: [] };
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'final', status: null, tag: null, retryAfterMs: null, requestId: null, detail: oneLine(message), namedIds: [] };
}

/** The SDK error without its headers: status and body (credentials scrubbed) only. */
export class DropboxHttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body}`);
    this.name = 'DropboxHttpFailure';
  }
}

function sanitizedCause(err: unknown): unknown {
  if (isResponseError(err)) {
    const body = typeof err.error === 'string' ? err.error : JSON.stringify(err.error);
    return new DropboxHttpFailure(err.status, oneLine(body ?? '', 1000));
  }
  if (err instanceof Error) {
    const copy = new Error(redactCredentials(err.message), { cause: networkCode(err) ?? undefined });
    copy.name = err.name;
    return copy;
  }
  return redactCredentials(String(err));
}

export function toRemoteError(err: unknown, route: string, attempts = 1): RemoteError {
  if (err instanceof Error && err.name === 'RemoteError') return err as RemoteError;
  const info = describeFailure(err);
  const retryable = info.kind === 'rate_limited' || info.kind === 'server' || info.kind === 'network';
  const after = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  const status = info.status !== null ? `HTTP ${info.status} ` : '';
  return new RemoteError({
    service: 'dropbox',
    route,
    message: redactCredentials(`Dropbox ${route} failed: ${status}${info.detail}${after}`),
    status: info.status,
    code: info.tag,
    retryable,
    retryAfterMs: info.retryAfterMs,
    requestId: info.requestId,
    namedIds: info.namedIds,
    cause: sanitizedCause(err),
  });
}
