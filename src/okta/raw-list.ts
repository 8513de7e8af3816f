/**
 * A paginated GET through the SDK's own HTTP layer (`client.http.http`: same auth, executor,
 * pacing and retries — reference okta-api.md §5.1 "raw escape hatch"), for listings whose Link
 * header the SDK's Collection cannot follow: the Collection parses Link with parse-link-header,
 * which returns null for headers over 2000 characters (its PARSE_LINK_HEADER_MAXLEN), and the
 * Collection then throws "Cannot read properties of null (reading 'next')". Okta's `self` link
 * repeats the whole query, so a batched `filter` of more than a few dozen users trips it.
 */
import { PageGuard, type PageBound } from '../transport/pagination.js';
import { invalidAnswer } from '../transport/shape.js';
import type { OktaClient } from './client.js';
import { oktaRoute } from './rate-budget.js';
import { MAX_ATTEMPTS_KEY } from './request-executor.js';
import { isNetworkError } from './retry-policy.js';

/**
 * Okta reports no totals, so a listing is bounded by items: a million per listing (app users,
 * group members, groups) is far beyond any Dropbox team, and stops a server that makes up new
 * pages before it fills the memory.
 */
export const MAX_LISTING_ITEMS = 1_000_000;

/** The `next` URL of a Link header, or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,\s*(?=<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?/.test(m[2]!)) return m[1]!;
  }
  return null;
}

/** Query string with %20 for spaces (not '+'), as the SDK itself encodes parameters. */
export function queryString(params: Readonly<Record<string, string | number>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** The request of every raw GET (a listing's pages, one user, one app user). */
export const JSON_GET = { method: 'get', headers: { Accept: 'application/json', 'Content-Type': 'application/json' } } as const;

type HttpInit = Parameters<OktaClient['sdk']['http']['http']>[1];

/** One JSON object by GET through the SDK's HTTP layer; null when Okta answers 404 (a real "gone": GET /users/{id} is read-after-write consistent). */
export async function getRaw(client: OktaClient, path: string): Promise<unknown | null> {
  try {
    const response = await client.sdk.http.http(`${client.orgUrl}${path}`, structuredClone(JSON_GET) as unknown as HttpInit);
    return await response.json();
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

/**
 * A `next` link resolved against the org (Okta's are absolute; a relative one is resolved). It is
 * followed as is: the request executor refuses one that names another origin, since the token goes
 * with every request (issue 12 item 2).
 */
export function resolveLink(link: string, orgUrl: string): string {
  return new URL(link, `${orgUrl}/`).href;
}

/** The smallest page a failing page is shrunk to; below it a page fails as the executor's retries end. */
export const MIN_PAGE_LIMIT = 20;

/** A page worth asking again with a smaller `limit`: a 5xx answer or a connection that failed or timed out. */
function isSlowPageFailure(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const status = (err as { status?: unknown }).status;
  return (typeof status === 'number' && status >= 500) || isNetworkError(err);
}

/** `url` with its `limit` query parameter set to `limit` (the cursor `after` is kept). */
function withLimit(url: string, limit: number): string {
  const u = new URL(url);
  u.searchParams.set('limit', String(limit));
  return u.href;
}

/**
 * Every item of a listing, page after page, following every `next` link (a listing that stopped
 * early would make people look unassigned), only on the org's own origin.
 * The next page is requested as soon as a page's headers arrive, so its round trip overlaps the
 * parsing of this page and the caller's work on its items (the listing is a cursor chain: this is
 * the only overlap it allows).
 *
 * Okta: "If your request times out, retry your request with a smaller `limit`" (okta-mgmt.yaml
 * listGroups `limit`, :12866). A page that fails with a 5xx or a timeout is asked once more as it
 * is (a blip), then with half the limit, down to MIN_PAGE_LIMIT; the pages after it keep the
 * smaller size, since Okta's next link repeats the limit asked for.
 */
export async function* listRaw(client: OktaClient, path: string, params: Readonly<Record<string, string | number>>): AsyncGenerator<unknown> {
  const first = `${client.orgUrl}${path}?${queryString(params)}`;
  const guard = new PageGuard('okta', oktaRoute('GET', first), 'next link', first);
  const limit = Number(params['limit']);
  const bound: PageBound = {
    pages: Math.ceil(MAX_LISTING_ITEMS / (limit > 0 ? limit : 200)),
    why: `${MAX_LISTING_ITEMS.toLocaleString('en-US')} items at ${limit > 0 ? limit : 200} a page`,
  };
  // Okta pages by id (`after` is the last id read): an id listed twice means the links go round.
  const ids = new Set<string>();
  const limitOf = (url: string): number => Number(new URL(url).searchParams.get('limit'));
  const fetchPage = (url: string) => {
    // While the page can still shrink, one repeat of it as is; then a smaller one (see above).
    const shrinkable = limitOf(url) > MIN_PAGE_LIMIT;
    const request = { ...structuredClone(JSON_GET), ...(shrinkable ? { [MAX_ATTEMPTS_KEY]: 2 } : {}) };
    const pending = client.sdk.http.http(url, request as unknown as HttpInit);
    // Observed when awaited below; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    return { url, pending };
  };
  let pending: ReturnType<typeof fetchPage> | null = fetchPage(first);
  while (pending) {
    let response: Awaited<ReturnType<typeof fetchPage>['pending']>;
    try {
      response = await pending.pending;
    } catch (err) {
      const size = limitOf(pending.url);
      if (!(size > MIN_PAGE_LIMIT) || !isSlowPageFailure(err)) throw err;
      pending = fetchPage(withLimit(pending.url, Math.max(MIN_PAGE_LIMIT, Math.floor(size / 2))));
      continue;
    }
    const next = nextLink(response.headers.get('link'));
    let url: string | null = null;
    if (next !== null) {
      url = resolveLink(next, client.orgUrl);
      guard.follow(url, bound);
    }
    pending = url === null ? null : fetchPage(url);
    const body: unknown = await response.json();
    if (!Array.isArray(body)) throw invalidAnswer({ service: 'okta', route: guard.route }, `a body that is ${body === null ? 'null' : typeof body}, not a list`);
    for (const item of body) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') continue;
      if (ids.has(id)) throw guard.endless(`page ${guard.pages - (url === null ? 0 : 1)} lists ${id} again: the links go round`);
      ids.add(id);
    }
    yield* body;
  }
}
