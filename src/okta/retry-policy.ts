/**
 * Our retry policy for Okta reads, as data. The SDK retries only HTTP 429 (reference okta-api.md
 * §4.2); server errors and dropped connections on idempotent reads are retried here, with
 * exponential backoff (or the server's Retry-After), so one bad page does not abort a long read.
 * Writes are never retried for these: a POST that timed out may have been applied.
 */
import { exponentialDelayMs, type RetryPolicy } from '../transport/retry-policy.js';

export interface OktaRetryPolicy extends RetryPolicy {
  /** HTTP methods that are safe to repeat. */
  readonly methods: readonly string[];
  readonly retryStatuses: readonly number[];
  /** Retry when the connection fails or drops (node-fetch FetchError, socket resets). */
  readonly retryNetworkErrors: boolean;
}

export const DEFAULT_OKTA_RETRY_POLICY: OktaRetryPolicy = {
  maxAttempts: 5,
  methods: ['GET'],
  retryStatuses: [500, 502, 503, 504],
  retryNetworkErrors: true,
  baseDelayMs: 500,
  maxDelayMs: 16_000,
};

/** Delay before attempt `attempt + 1` (attempt counts from 1); Retry-After wins when present. */
export function retryDelayMs(policy: OktaRetryPolicy, attempt: number, retryAfterHeader: string | null): number {
  const seconds = retryAfterHeader === null ? Number.NaN : Number.parseFloat(retryAfterHeader);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(policy.maxDelayMs, seconds * 1000);
  return exponentialDelayMs(policy, attempt);
}

export function isRetryableMethod(policy: OktaRetryPolicy, method: string): boolean {
  return policy.methods.includes(method.toUpperCase());
}

/** node-fetch network failures (FetchError with a system code) and socket resets. */
export function isNetworkError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: string; type?: string; code?: string };
  return e.name === 'FetchError' || e.type === 'system' || (typeof e.code === 'string' && /^E[A-Z]+/.test(e.code));
}
