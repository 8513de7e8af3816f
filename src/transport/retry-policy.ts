/**
 * What every service's retry policy shares, as data (octokit plugin-retry's habit): how many
 * attempts and the bounds of an exponential backoff. Each adapter extends it with what only its
 * service needs (Okta: which methods and statuses; Dropbox: a total cap; GitHub: a fixed schedule).
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** First backoff; doubles per attempt. */
  readonly baseDelayMs: number;
  /** Cap of one backoff. */
  readonly maxDelayMs: number;
}

/** The backoff before attempt `attempt + 1` (attempt counts from 1): base × 2^(attempt-1), capped. */
export function exponentialDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
