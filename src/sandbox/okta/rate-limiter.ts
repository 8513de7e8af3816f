/**
 * Okta's per-minute rate limits as the sandbox enforces them: one counter per bucket, a 60-second
 * window that starts with the bucket's first request (not aligned to wall-clock minutes), and the
 * X-Rate-Limit-* headers Okta sends on every response. The injected clock decides the windows.
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
  count: number;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<OktaBucket, Window>();
  /** Requests seen per bucket (allowed or not), for tests and benchmarks. */
  readonly counters = new Map<OktaBucket, number>();
  private readonly limits: Record<OktaBucket, number>;

  constructor(limits: Partial<Record<string, number>> | undefined, private readonly clock: () => Date) {
    this.limits = { ...DEFAULT_OKTA_RATE_LIMITS };
    for (const [k, v] of Object.entries(limits ?? {})) {
      if (k in this.limits && typeof v === 'number' && v > 0) this.limits[k as OktaBucket] = v;
    }
  }

  limit(bucket: OktaBucket): number {
    return this.limits[bucket];
  }

  private window(bucket: OktaBucket): Window {
    const now = this.clock().getTime();
    let w = this.windows.get(bucket);
    if (!w || now >= w.start + WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(bucket, w);
    }
    return w;
  }

  private headers(bucket: OktaBucket, w: Window): Record<string, string> {
    const limit = this.limits[bucket];
    return {
      'X-Rate-Limit-Limit': String(limit),
      'X-Rate-Limit-Remaining': String(Math.max(0, limit - w.count)),
      // §4.1: X-Rate-Limit-Reset is the UTC epoch second when the window resets.
      'X-Rate-Limit-Reset': String(Math.ceil((w.start + WINDOW_MS) / 1000)),
    };
  }

  /** Count one request; refused (429) once the window's limit is used up. */
  take(bucket: OktaBucket): RateVerdict {
    this.counters.set(bucket, (this.counters.get(bucket) ?? 0) + 1);
    const w = this.window(bucket);
    if (w.count >= this.limits[bucket]) return { allowed: false, headers: this.headers(bucket, w) };
    w.count++;
    return { allowed: true, headers: this.headers(bucket, w) };
  }

  /** The headers for a response that does not count (401, injected faults). */
  peek(bucket: OktaBucket): Readonly<Record<string, string>> {
    return this.headers(bucket, this.window(bucket));
  }

  reset(): void {
    this.windows.clear();
    this.counters.clear();
  }
}
