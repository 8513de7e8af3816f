/**
 * The retry policy for GitHub calls, as data: server errors (5xx) and dropped connections are
 * retried a few times; everything else (403, 404, 422) is an answer, returned at once. A
 * Retry-After header, when GitHub sends one, is honoured up to the policy's ceiling.
 */
import type { Sleep } from '../transport/retry-policy.js';

/** How often and how patiently to retry a GitHub call: a fixed schedule of waits, not the backoff of transport/retry-policy.ts (two quick retries are all a comment or a status needs). */
export interface RetrySchedule {
  /** Waits before each retry; its length is the number of retries. */
  readonly delaysMs: readonly number[];
  /** The longest Retry-After honoured. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { delaysMs: [500, 1_500], maxRetryAfterMs: 10_000 };

/** What the retry decision needs to know of a failure. */
export interface FailureFacts {
  /** HTTP status, or null when no response came (connection refused, reset, timeout). */
  readonly status: number | null;
  /** Retry-After header value, seconds. */
  readonly retryAfter?: string | undefined;
  /** No retry can help (dbxsync itself refused to send the request). */
  readonly final?: boolean;
}

/** The wait before retry number `attempt` (0-based), or null when the failure is final. */
export function retryDelay(policy: RetrySchedule, attempt: number, failure: FailureFacts): number | null {
  const retryable = failure.final !== true && (failure.status === null || failure.status >= 500);
  const planned = policy.delaysMs[attempt];
  if (!retryable || planned === undefined) return null;
  const seconds = failure.retryAfter === undefined ? Number.NaN : Number(failure.retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxRetryAfterMs);
  return planned;
}

/** Run `call`, retrying per `policy`; `facts` reads the status of a thrown error. */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetrySchedule,
  facts: (err: unknown) => FailureFacts,
  sleep: Sleep,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const delay = retryDelay(policy, attempt, facts(err));
      if (delay === null) throw err;
      await sleep(delay);
    }
  }
}
