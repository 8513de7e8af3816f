/**
 * Okta bucket-minutes of a reconcile cycle for `npm run bench -- reconcile`: the cycle's Okta
 * calls per rate-limit bucket, as the sandbox sorts requests into buckets (bucketFor, reference
 * okta-api.md §4.1 "most specific bucket match wins"), over one minute of the token's ceiling there.
 */
import { bucketFor, DEFAULT_OKTA_RATE_LIMITS, type OktaBucket } from '../../src/sandbox/okta/rate-limiter.js';

/** Okta's default share of a bucket for one API token (reference okta-api.md §4.1: 50 %). */
export const TOKEN_SHARE = 0.5;

/**
 * The Okta calls of a cycle per rate-limit bucket (the sandbox's bucketFor, reference §4.1), as a
 * share of one minute of the token's ceiling there (50 % of the Workforce default): "logs 1/60".
 */
export function bucketMinutes(calls: Readonly<Record<string, number>>): { bucket: OktaBucket; calls: number; ceiling: number; share: number }[] {
  const by = new Map<OktaBucket, number>();
  for (const [route, n] of Object.entries(calls)) {
    const [method, p] = route.split(' ');
    const bucket = bucketFor(method!, p!);
    by.set(bucket, (by.get(bucket) ?? 0) + n);
  }
  return [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([bucket, n]) => {
    const ceiling = Math.floor(DEFAULT_OKTA_RATE_LIMITS[bucket] * TOKEN_SHARE);
    return { bucket, calls: n, ceiling, share: n / ceiling };
  });
}

