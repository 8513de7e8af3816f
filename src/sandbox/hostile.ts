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
  let out = response;
  if (rule.nextLinkOrigin !== undefined) {
    const link = out.headers?.['Link'] ?? '';
    const withNext = /rel="next"/.test(link) ? link : `${link}${link ? ', ' : ''}<${req.baseUrl}${req.path}?after=zz-hostile>; rel="next"`;
    out = { ...out, headers: { ...out.headers, Link: relink(withNext, rule.nextLinkOrigin) } };
  }
  return out;
}
