/**
 * Client-side pacing against Okta's per-minute rate-limit buckets (reference okta-api.md §4.1).
 * Each response's X-Rate-Limit-Limit/Remaining/Reset feeds the bucket's state; before a request,
 * `acquire` waits until sending it keeps the bucket's remaining calls above the reserve
 * `limit × (1 − share)`. The limit the headers report is already this credential's ceiling ("the
 * rate limit ceiling that is applicable for the current request"): Okta caps each API token and
 * OAuth app at 50 % of the org's bucket by default and leaves the rest to everyone else. So the
 * default share is all of what is reported (DEFAULT_BUDGET_SHARE); halving it again would only
 * halve the read's speed. Also caps the number of requests in flight (Okta's separate concurrency
 * limit, §4.1, and gotcha G15).
 */

/** Share of the reported (per-credential) ceiling dbxsync uses per window by default. */
export const DEFAULT_BUDGET_SHARE = 1;

/** Which bucket a request counts against (most specific match wins, §4.1). */
export function oktaBucket(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    path = url;
  }
  if (path === '/api/v1/apps' || path.startsWith('/api/v1/apps/')) return 'apps';
  if (/^\/api\/v1\/groups\/[^/]+$/.test(path)) return 'groups/{id}';
  if (path === '/api/v1/groups' || path.startsWith('/api/v1/groups/')) return 'groups';
  if (path === '/api/v1/users') return 'users';
  // §4.1: the System Log has its own, much smaller bucket (120 a minute on Workforce orgs): counted
  // with "other" (1200), its remaining count would stall every other request of the window.
  if (path === '/api/v1/logs') return 'logs';
  if (/^\/api\/v1\/users\/[^/]+$/.test(path)) return method.toUpperCase() === 'GET' ? 'users/{id}' : 'users/{id} write';
  if (path.startsWith('/oauth2/')) return 'oauth2';
  return 'other';
}

/** A stable route name for call counting: ids replaced by {id}, no query string. */
export function oktaRoute(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0] ?? url;
  }
  const templated = path.replace(/\/(apps|groups|users)\/[^/]+/g, '/$1/{id}');
  return `${method.toUpperCase()} ${templated}`;
}

interface BucketState {
  limit: number;
  remaining: number;
  /** Local clock time (ms) when the window resets; null when unknown. */
  resetAt: number | null;
  /** The server's X-Rate-Limit-Reset of the current window, to tell windows apart. */
  resetEpoch: number | null;
  inflight: number;
}

export interface RateBudgetOptions {
  /** Share of each bucket's reported ceiling dbxsync may use per window, in (0, 1]. Default DEFAULT_BUDGET_SHARE. */
  share?: number;
  /** Requests in flight at most (all buckets together). Default 4. */
  concurrency?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface BucketSnapshot {
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: number | null;
}

/** Extra wait past the announced reset, for clock skew and second rounding. */
const RESET_MARGIN_MS = 1000;

export class RateBudget {
  share: number;
  concurrency: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly buckets = new Map<string, BucketState>();
  /** Buckets whose first request is out: the others wait to learn the limit from its answer. */
  private readonly probing = new Set<string>();
  private inflight = 0;
  private waiters: (() => void)[] = [];
  /** Time spent waiting for a window to reset, in ms (for reports and tests). */
  pausedMs = 0;

  constructor(options: RateBudgetOptions = {}) {
    this.share = options.share ?? DEFAULT_BUDGET_SHARE;
    this.concurrency = options.concurrency ?? 4;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  snapshot(bucket: string): BucketSnapshot | null {
    const s = this.buckets.get(bucket);
    return s ? { limit: s.limit, remaining: s.remaining, resetAt: s.resetAt } : null;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Wait until one more request in `bucket` fits the budget; pair with `release`. */
  async acquire(bucket: string): Promise<void> {
    for (;;) {
      if (this.inflight >= Math.max(1, this.concurrency)) {
        await this.changed();
        continue;
      }
      const s = this.buckets.get(bucket);
      if (!s) {
        if (this.probing.has(bucket)) {
          await this.changed();
          continue;
        }
        this.probing.add(bucket);
        this.inflight++;
        return;
      }
      const now = this.now();
      if (s.resetAt !== null && now >= s.resetAt) {
        s.remaining = s.limit;
        s.resetAt = null;
      }
      const reserve = s.limit - Math.max(1, Math.floor(s.limit * this.share));
      if (s.remaining - s.inflight > reserve) {
        s.inflight++;
        this.inflight++;
        return;
      }
      if (s.resetAt === null) {
        // The window's end is unknown until an answer in flight tells it.
        if (s.inflight > 0) {
          await this.changed();
          continue;
        }
        s.remaining = s.limit;
        continue;
      }
      const wait = s.resetAt - now;
      this.pausedMs += wait;
      await this.sleep(wait);
    }
  }

  /** A request of `bucket` ended (answered or failed). */
  release(bucket: string): void {
    this.inflight = Math.max(0, this.inflight - 1);
    const s = this.buckets.get(bucket);
    if (this.probing.delete(bucket)) {
      // The probe was not counted in s.inflight (s may have been created by its own answer).
    } else if (s) {
      s.inflight = Math.max(0, s.inflight - 1);
    }
    this.wake();
  }

  /** Learn the bucket's state from a response's X-Rate-Limit-* and Date headers. */
  observe(bucket: string, headers: { get(name: string): string | null }): void {
    const limit = Number.parseInt(headers.get('x-rate-limit-limit') ?? '', 10);
    const remaining = Number.parseInt(headers.get('x-rate-limit-remaining') ?? '', 10);
    const resetRaw = headers.get('x-rate-limit-reset') ?? '';
    const resetEpoch = Number.parseInt(resetRaw, 10);
    if (!Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(resetEpoch) || resetRaw.includes(',')) return;
    // A concurrency-limit 429 reads Limit 0 and Remaining 0 with an estimated Reset (§4.1): it says
    // nothing about the per-minute bucket, whose state it would otherwise wipe out.
    if (limit === 0) return;
    const serverNow = Date.parse(headers.get('date') ?? '');
    const now = this.now();
    // Reset is server time; translate it to our clock through the response's Date (§4.2).
    const resetAt = now + (resetEpoch * 1000 - (Number.isFinite(serverNow) ? serverNow : now)) + RESET_MARGIN_MS;
    let s = this.buckets.get(bucket);
    if (!s) {
      s = { limit, remaining, resetAt, resetEpoch, inflight: 0 };
      this.buckets.set(bucket, s);
    } else if (s.resetEpoch !== null && resetEpoch < s.resetEpoch) {
      // A late answer from an older window tells nothing about the current one.
    } else if (s.resetEpoch === resetEpoch) {
      s.limit = limit;
      s.remaining = Math.min(s.remaining, remaining);
      s.resetAt = resetAt;
    } else {
      s.limit = limit;
      s.remaining = remaining;
      s.resetAt = resetAt;
      s.resetEpoch = resetEpoch;
    }
    this.wake();
  }
}
