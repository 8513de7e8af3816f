/**
 * Okta SDK errors → RemoteError (reference okta-api.md §5.4). The SDK's errors carry the response
 * headers and full URLs; ours carry the route, status, Okta errorCode and errorId, whether a retry
 * could help and when. The message is one line, credentials scrubbed (the run's outputs redact its
 * registered secrets on top). The cause is a sanitised copy (name, scrubbed message and stack), never
 * the SDK object with its headers.
 */
import { RemoteError } from '../domain/errors.js';
import { oneLine, redactCredentials } from '../text/redact.js';
import { oktaRoute } from './rate-budget.js';

interface HeaderBag {
  get(name: string): string | null;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  stack?: string;
  status?: number;
  errorCode?: string;
  errorSummary?: string;
  errorCauses?: readonly { errorSummary?: string }[];
  errorId?: string;
  url?: string;
  headers?: HeaderBag;
  code?: string;
  type?: string;
}

/** Milliseconds until X-Rate-Limit-Reset, measured against the response's own Date (§4.2). */
export function retryAfterFromHeaders(headers: HeaderBag | undefined): number | null {
  if (!headers || typeof headers.get !== 'function') return null;
  const reset = Number.parseInt(headers.get('x-rate-limit-reset') ?? '', 10);
  if (!Number.isFinite(reset)) return null;
  const date = Date.parse(headers.get('date') ?? '');
  const base = Number.isFinite(date) ? date : Date.now();
  return Math.max(0, reset * 1000 - base);
}

function sanitisedCause(err: SdkErrorShape): Error {
  const copy = new Error(oneLine(err.message ?? String(err), 1000));
  copy.name = err.name ?? 'Error';
  if (err.stack) copy.stack = redactCredentials(err.stack);
  return copy;
}

function pathOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/**
 * Translate anything an Okta call threw. `route` names the call when the error does not carry a
 * URL (e.g. "GET /api/v1/apps/{id}/users").
 */
export function toRemoteError(err: unknown, route = 'okta'): RemoteError {
  if (err instanceof RemoteError) return err;
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as SdkErrorShape;
  const path = pathOf(e.url);
  const routeName = route !== 'okta' || !path ? route : oktaRoute('GET', `http://x${path}`).replace(/^GET /, '');

  if (e.name === 'OktaApiError' && typeof e.status === 'number') {
    const causes = (e.errorCauses ?? []).map((c) => c.errorSummary).filter((s): s is string => !!s);
    const summary = `${e.errorSummary ?? 'error'}${causes.length ? ` (${causes.join('; ')})` : ''}`;
    const retryable = e.status === 429 || e.status >= 500;
    return new RemoteError({
      service: 'okta',
      route: routeName,
      status: e.status,
      code: e.errorCode ?? null,
      retryable,
      retryAfterMs: e.status === 429 ? retryAfterFromHeaders(e.headers) : null,
      requestId: e.errorId ?? e.headers?.get('x-okta-request-id') ?? null,
      message: oneLine(`Okta ${e.status} ${e.errorCode ?? ''} on ${routeName}: ${summary}`),
      cause: sanitisedCause(e),
    });
  }
  if (e.name === 'HttpError' && typeof e.status === 'number') {
    return new RemoteError({
      service: 'okta',
      route: routeName,
      status: e.status,
      retryable: e.status === 429 || e.status >= 500,
      retryAfterMs: e.status === 429 ? retryAfterFromHeaders(e.headers) : null,
      requestId: e.headers?.get('x-okta-request-id') ?? null,
      message: oneLine(`Okta HTTP ${e.status} on ${routeName} (the answer was not Okta JSON)`),
      cause: sanitisedCause(e),
    });
  }
  if (e.name === 'FetchError' || e.type === 'system') {
    return new RemoteError({
      service: 'okta',
      route: routeName,
      retryable: true,
      message: oneLine(`cannot reach Okta on ${routeName}: ${e.code ?? e.type ?? 'network error'}`),
      cause: sanitisedCause(e),
    });
  }
  return new RemoteError({
    service: 'okta',
    route: routeName,
    message: oneLine(`Okta call ${routeName} failed: ${e.message ?? String(err)}`),
    cause: sanitisedCause(e),
  });
}
