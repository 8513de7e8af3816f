/**
 * One retry policy for every Dropbox call, as data (ref §7, modelled on the SDK's own transfer
 * helpers): 429 waits what the server asks (Retry-After header, else the body's retry_after),
 * however long, as long as the wait ends before the command's retry deadline (a long wait is said
 * on stderr); 5xx, 408 and network errors back off exponentially with jitter; 400/401/403/409 are
 * never retried (a 401 expired_access_token refreshes the token once). Sleep, clock and randomness
 * are injected so tests never wait.
 */
import type { DropboxResponse } from 'dropbox';
import { assertNever, RemoteError } from '../domain/errors.js';
import { exponentialDelayMs, realSleep, type RetryPolicy, type Sleep } from '../transport/retry-policy.js';
import { describeFailure, toRemoteError } from './errors.js';

/** The shared backoff (5xx/408/network errors; a server's Retry-After is honoured even above maxDelayMs), plus a total cap. */
export interface DropboxRetryPolicy extends RetryPolicy {
  /** Cap of the total time spent backing off between attempts of one call (5xx, network; a rate limit without a deadline). */
  readonly maxTotalMs: number;
}

/**
 * When waiting must end: the command's deadline for retries. A rate limit's wait is bounded by it
 * alone, however long Dropbox asks to wait; every other backoff by it and maxTotalMs.
 */
export interface RetryDeadline {
  /** Epoch milliseconds after which no wait may end. */
  readonly at: number;
  readonly now: () => number;
  /** How the user sets it, for the message when a wait would pass it (e.g. "DBXSYNC_RETRY_DEADLINE=30m"). */
  readonly setting: string;
}

/** Rate-limit waits from this long on are said on stderr (shorter ones are routine). */
export const ANNOUNCE_WAIT_MS = 10_000;

export const DEFAULT_RETRY_POLICY: DropboxRetryPolicy = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5_000, maxTotalMs: 120_000 };

export { realSleep, type Sleep };

export interface RetryInfo {
  readonly route: string;
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: string;
}

export interface RetryContext {
  readonly policy?: DropboxRetryPolicy;
  readonly sleep?: Sleep;
  /** In [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Refreshes the access token after a 401 expired_access_token (once per call). */
  readonly refresh?: () => Promise<void>;
  readonly onRetry?: (info: RetryInfo) => void;
  readonly deadline?: RetryDeadline;
  /** One line for stderr (no newline) when Dropbox asks for a long wait. */
  readonly notice?: (line: string) => void;
}

export interface CallResult<T> {
  readonly result: T;
  readonly attempts: number;
  readonly requestId: string | null;
}

/** Backoff before attempt `attempt + 1` after a 5xx/408/network failure: capped exponential, jittered in [d/2, d). */
export function backoffMs(policy: DropboxRetryPolicy, attempt: number, random: () => number): number {
  const d = exponentialDelayMs(policy, attempt);
  return Math.round(d / 2 + (random() * d) / 2);
}

function requestIdOf(headers: unknown): string | null {
  if (typeof headers === 'object' && headers !== null && typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(n: string): string | null }).get('x-dropbox-request-id') ?? null;
  }
  return null;
}

/** Runs one SDK call under the policy; throws a RemoteError when it gives up. */
export async function callWithRetry<T>(route: string, call: () => Promise<DropboxResponse<T>>, ctx: RetryContext = {}): Promise<CallResult<T>> {
  const policy = ctx.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = ctx.sleep ?? realSleep;
  const random = ctx.random ?? Math.random;
  let waited = 0;
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await call();
      return { result: res.result, attempts: attempt, requestId: requestIdOf(res.headers) };
    } catch (err) {
      const info = describeFailure(err);
      let delay: number | null = null;
      if (attempt < policy.maxAttempts) {
        switch (info.kind) {
          case 'rate_limited':
            // ref §7: retry 429 after the server's backoff (default 1 s when it names none).
            delay = info.retryAfterMs ?? 1_000;
            break;
          case 'server':
            // ref §7: honour Retry-After on 5xx when present, else jittered backoff.
            delay = info.retryAfterMs ?? backoffMs(policy, attempt, random);
            break;
          case 'network':
            delay = backoffMs(policy, attempt, random);
            break;
          case 'auth_expired':
            if (ctx.refresh && !refreshed) {
              refreshed = true;
              await ctx.refresh();
              delay = 0;
            }
            break;
          case 'final':
            break;
          default:
            assertNever(info.kind, 'failure kind');
        }
      }
      if (delay === null) throw toRemoteError(err, route, attempt);
      const rateLimit = info.kind === 'rate_limited';
      const deadline = ctx.deadline;
      // Without a deadline every wait is bounded by maxTotalMs; with one, a rate limit's only by it.
      if ((!rateLimit || !deadline) && waited + delay > policy.maxTotalMs) throw toRemoteError(err, route, attempt);
      if (deadline && deadline.now() + delay > deadline.at) throw pastDeadline(toRemoteError(err, route, attempt), delay, rateLimit, deadline);
      if (rateLimit && delay >= ANNOUNCE_WAIT_MS) ctx.notice?.(`Dropbox asked to wait ${seconds(delay)} (rate limit); waiting`);
      ctx.onRetry?.({ route, attempt, delayMs: delay, reason: info.detail });
      waited += delay;
      if (delay > 0) await sleep(delay);
    }
  }
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

/** The error of a call whose next wait would end after the deadline: said in words, with the setting to change. */
function pastDeadline(err: RemoteError, delayMs: number, rateLimit: boolean, deadline: RetryDeadline): RemoteError {
  const left = Math.max(0, deadline.at - deadline.now());
  const why = rateLimit ? `Dropbox asked to wait ${seconds(delayMs)} (rate limit)` : `the next retry would wait ${seconds(delayMs)}`;
  return new RemoteError({
    service: 'dropbox',
    route: err.route,
    message: `${err.message}: ${why}, past the retry deadline (${seconds(left)} left; ${deadline.setting})`,
    status: err.status,
    code: err.code,
    retryable: err.retryable,
    retryAfterMs: err.retryAfterMs,
    requestId: err.requestId,
    namedIds: err.namedIds,
    cause: err,
  });
}
