/**
 * A hostile server (issue 12): faults that an API behaving badly, a compromised proxy or a
 * man-in-the-middle could produce, injected per route on top of the sandbox's correct answers, so
 * the tests can show that dbxsync stays bounded and keeps its credentials to itself.
 */
import type { SandboxRequest, SandboxResponse } from './http.js';

export interface HostileRule {
  /** Sandbox route names this rule applies to, e.g. /okta GET \/api\/v1\/groups$/. */
  readonly routes: RegExp;
  /**
   * Okta listings: the `next` link names this origin (another listener) instead of the sandbox's;
   * a last page gets one too (a hostile server decides where a listing ends).
   */
  readonly nextLinkOrigin?: string;
  /** Answer 307 Temporary Redirect to the same path and query on this origin. */
  readonly redirectTo?: string;
  /**
   * Pagination that never ends. Okta: the `next` link is the request's own URL ('same') or that URL
   * with a new parameter each time ('new'). Dropbox: `has_more` stays true and the cursor is the
   * one the request sent ('same') or a new one each time that leads to the same page ('new').
   */
  readonly endlessPages?: 'same' | 'new';
  /**
   * Fields left out of the answer, as dotted paths ("status", "profile.team_member_id",
   * "_embedded.user.status"), removed from the body and from every item of its lists.
   */
  readonly omit?: readonly string[];
  /** Answer 200 with the JSON body `null`. */
  readonly nullBody?: boolean;
  /** Accept the request and never answer (the connection stays open). */
  readonly silent?: boolean;
  /** Send status and headers, then one space every this many ms, never finishing the body. */
  readonly trickleMs?: number;
}

/** How the answer is delivered: not at all, a byte at a time, or normally (null). */
export function hostileDelivery(rules: readonly HostileRule[], route: string): { readonly silent: true } | { readonly trickleMs: number } | null {
  const rule = rules.find((r) => r.routes.test(route));
  if (rule?.silent === true) return { silent: true };
  if (rule?.trickleMs !== undefined) return { trickleMs: rule.trickleMs };
  return null;
}

function removePath(value: unknown, path: readonly string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  if (path.length === 1) delete obj[path[0]!];
  else removePath(obj[path[0]!], path.slice(1));
}

/** A copy of the body without the `omit` paths, in the body itself and in every item of its lists. */
function omitted(body: unknown, paths: readonly string[]): unknown {
  const copy: unknown = structuredClone(body);
  const targets: unknown[] = Array.isArray(copy) ? copy : [copy];
  if (!Array.isArray(copy) && copy !== null && typeof copy === 'object') {
    for (const v of Object.values(copy as Record<string, unknown>)) if (Array.isArray(v)) targets.push(...(v as unknown[]));
  }
  for (const p of paths) for (const t of targets) removePath(t, p.split('.'));
  return copy;
}

const NEW_CURSOR = /~hostile\d+$/;
let serial = 0;

/** The request as the handler should see it: a Dropbox cursor made up by 'new' leads to the page it came from. */
export function hostileRequest(rules: readonly HostileRule[], route: string, req: SandboxRequest): SandboxRequest {
  const rule = rules.find((r) => r.routes.test(route));
  if (rule?.endlessPages !== 'new' || !route.startsWith('dropbox ')) return req;
  const body = parseBody(req.body);
  const cursor = body?.['cursor'];
  if (typeof cursor !== 'string' || !NEW_CURSOR.test(cursor)) return req;
  return { ...req, body: JSON.stringify({ ...body, cursor: cursor.replace(NEW_CURSOR, '') }) };
}

function parseBody(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function selfUrl(req: SandboxRequest): string {
  return `${req.baseUrl}${req.path}${req.query.size > 0 ? `?${req.query.toString()}` : ''}`;
}

function endless(mode: 'same' | 'new', route: string, req: SandboxRequest, response: SandboxResponse): SandboxResponse {
  if (route.startsWith('okta ')) {
    const self = new URL(selfUrl(req));
    if (mode === 'new') self.searchParams.set('zzpage', String(++serial));
    return { ...response, headers: { ...response.headers, Link: `<${self.href}>; rel="self", <${self.href}>; rel="next"` } };
  }
  const body = response.body as Record<string, unknown> | undefined;
  if (body === undefined || typeof body !== 'object' || !('has_more' in body)) return response;
  const sent = parseBody(req.body)?.['cursor'];
  const cursor = typeof sent === 'string' ? sent.replace(NEW_CURSOR, '') : String(body['cursor']);
  return { ...response, body: { ...body, has_more: true, cursor: mode === 'same' ? cursor : `${cursor}~hostile${++serial}` } };
}

/** Rewrite the origin of every URL in a Link header. */
function relink(link: string, origin: string): string {
  return link.replace(/<([^>]*)>/g, (whole, url: string) => {
    try {
      const u = new URL(url);
      return `<${origin}${u.pathname}${u.search}>`;
    } catch {
      return whole;
    }
  });
}

/** The response as the first matching rule makes it. */
export function applyHostile(rules: readonly HostileRule[], route: string, req: SandboxRequest, response: SandboxResponse): SandboxResponse {
  const rule = rules.find((r) => r.routes.test(route));
  if (!rule || response.status >= 300) return response;
  if (rule.redirectTo !== undefined) {
    const query = req.query.size > 0 ? `?${req.query.toString()}` : '';
    return { status: 307, headers: { Location: `${rule.redirectTo}${req.path}${query}` }, body: '' };
  }
  if (rule.nullBody === true) return { ...response, body: null };
  let out = rule.endlessPages === undefined ? response : endless(rule.endlessPages, route, req, response);
  if (rule.omit !== undefined) out = { ...out, body: omitted(out.body, rule.omit) };
  if (rule.nextLinkOrigin !== undefined) {
    const link = out.headers?.['Link'] ?? '';
    const withNext = /rel="next"/.test(link) ? link : `${link}${link ? ', ' : ''}<${req.baseUrl}${req.path}?after=zz-hostile>; rel="next"`;
    out = { ...out, headers: { ...out.headers, Link: relink(withNext, rule.nextLinkOrigin) } };
  }
  return out;
}
