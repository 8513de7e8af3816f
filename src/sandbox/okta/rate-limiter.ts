/**
 * Okta's per-minute rate limits as the sandbox enforces them: one counter per bucket, a 60-second
 * window that starts with the bucket's first request (not aligned to wall-clock minutes), and the
 * X-Rate-Limit-* headers Okta sends on every response. The injected clock decides the windows.
 *
 * Each credential (API token, OAuth access token) may use only `tokenShare` of a bucket (reference
 * okta-api.md §4.1, developer.okta.com rl2-token-oauth: "By default, each API token or OAuth 2.0
 * app can use up to 50% of a bucket's total rate limit"), and the headers report that ceiling:
 * X-Rate-Limit-Limit is "the rate limit ceiling that is applicable for the current request"
 * (rl-best-practices), Remaining what is left of it (or of the org's bucket, if less is).
 */

/** Bucket names and their default per-minute limits (reference okta-api.md §4.1, Workforce column). */
export const DEFAULT_OKTA_RATE_LIMITS: Readonly<Record<OktaBucket, number>> = {
  // §4.1: /api/v1/apps and every /api/v1/apps/* share one bucket.
  apps: 100,
  // §4.1: /api/v1/groups "everything except /groups/{id}" — so /groups/{id}/users counts here.
  groups: 500,
  // §4.1: /api/v1/groups/{id} only.
  'groups/{id}': 1000,
  // §4.1: GET/POST /api/v1/users (list and create).
  users: 600,
  // §4.1: GET /api/v1/users/{idOrLogin}.
  'users/{id}': 2000,
  // §4.1: POST/PUT/DELETE /api/v1/users/{id}.
  'users/{id} write': 600,
  // §4.1: /api/v1/logs (Workforce 120 per minute).
  logs: 120,
  // §4.1: "most other /api/v1".
  other: 1200,
};

export type OktaBucket = 'apps' | 'groups' | 'groups/{id}' | 'users' | 'users/{id}' | 'users/{id} write' | 'logs' | 'other';

/** The bucket of a request (most specific match wins, reference §4.1). */
export function bucketFor(method: string, path: string): OktaBucket {
  const p = path.replace(/\/+$/, '');
  if (p === '/api/v1/apps' || p.startsWith('/api/v1/apps/')) return 'apps';
  if (/^\/api\/v1\/groups\/[^/]+$/.test(p)) return 'groups/{id}';
  if (p === '/api/v1/groups' || p.startsWith('/api/v1/groups/')) return 'groups';
  if (p === '/api/v1/users') return 'users';
  if (p === '/api/v1/logs') return 'logs';
  if (/^\/api\/v1\/users\/[^/]+$/.test(p)) return method.toUpperCase() === 'GET' ? 'users/{id}' : 'users/{id} write';
  return 'other';
}

export interface RateVerdict {
  readonly allowed: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

interface Window {
  start: number;
  /** Requests of every credential in this window (the org-wide count). */
  count: number;
  readonly byCredential: Map<string, number>;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<OktaBucket, Window>();
  /** Requests seen per bucket (allowed or not), for tests and benchmarks. */
  readonly counters = new Map<OktaBucket, number>();
  private readonly limits: Record<OktaBucket, number>;
  /** Share of each bucket one credential may use, in (0, 1]; Okta's default is 50 %. */
  tokenShare = 0.5;

  constructor(limits: Partial<Record<string, number>> | undefined, private readonly clock: () => Date) {
    this.limits = { ...DEFAULT_OKTA_RATE_LIMITS };
    for (const [k, v] of Object.entries(limits ?? {})) {
      if (k in this.limits && typeof v === 'number' && v > 0) this.limits[k as OktaBucket] = v;
    }
  }

  /** The org-wide limit of a bucket. */
  limit(bucket: OktaBucket): number {
    return this.limits[bucket];
  }

  /** The ceiling one credential has in a bucket: its share of the org's limit. */
  tokenLimit(bucket: OktaBucket): number {
    return Math.max(1, Math.floor(this.limits[bucket] * Math.min(1, Math.max(0, this.tokenShare))));
  }

  private window(bucket: OktaBucket): Window {
    const now = this.clock().getTime();
    let w = this.windows.get(bucket);
    if (!w || now >= w.start + WINDOW_MS) {
      w = { start: now, count: 0, byCredential: new Map() };
      this.windows.set(bucket, w);
    }
    return w;
  }

  private headers(bucket: OktaBucket, w: Window, credential: string): Record<string, string> {
    const limit = this.tokenLimit(bucket);
    const left = Math.min(limit - (w.byCredential.get(credential) ?? 0), this.limits[bucket] - w.count);
    return {
      'X-Rate-Limit-Limit': String(limit),
      'X-Rate-Limit-Remaining': String(Math.max(0, left)),
      // §4.1: X-Rate-Limit-Reset is the UTC epoch second when the window resets.
      'X-Rate-Limit-Reset': String(Math.ceil((w.start + WINDOW_MS) / 1000)),
    };
  }

  /** Count one request of `credential`; refused (429) once its share or the org's limit is used up. */
  take(bucket: OktaBucket, credential = ''): RateVerdict {
    this.counters.set(bucket, (this.counters.get(bucket) ?? 0) + 1);
    const w = this.window(bucket);
    const mine = w.byCredential.get(credential) ?? 0;
    if (w.count >= this.limits[bucket] || mine >= this.tokenLimit(bucket)) return { allowed: false, headers: this.headers(bucket, w, credential) };
    w.count++;
    w.byCredential.set(credential, mine + 1);
    return { allowed: true, headers: this.headers(bucket, w, credential) };
  }

  /** The headers for a response that does not count (401, injected faults). */
  peek(bucket: OktaBucket, credential = ''): Readonly<Record<string, string>> {
    return this.headers(bucket, this.window(bucket), credential);
  }

  reset(): void {
    this.windows.clear();
    this.counters.clear();
  }
}
