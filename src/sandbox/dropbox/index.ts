/**
 * The Dropbox half of the sandbox: a SandboxApi for prefix /2/ that answers the team routes
 * dbxsync uses, as Dropbox does on the wire (ref §0, §7): JSON RPC by POST, 401 without a valid
 * bearer token, 400 plain text for malformed arguments, 409 route errors, 429 with Retry-After,
 * and an X-Dropbox-Request-Id on every answer.
 */
import type { SeedDropbox } from '../seed.js';
import type { SandboxApi, SandboxRequest, SandboxResponse } from '../http.js';
import { groupRoutes } from './group-routes.js';
import { memberRoutes } from './member-routes.js';
import type { RouteTable } from './route.js';
import { DropboxSandbox } from './state.js';
import { BadRequest, RouteError } from './wire.js';

export { DropboxSandbox } from './state.js';
export type { AsyncMode, MemberSnapshot, GroupSnapshot, FilesFate, SandboxMemberStatus } from './state.js';
export { SANDBOX_ROLES } from './roles.js';

export interface DropboxApiOptions {
  /** The only bearer token accepted. */
  readonly token: string;
  readonly clock: () => Date;
  /** Polls after which an async job completes (default 1: the first poll). */
  readonly asyncPolls?: number;
}

const PREFIX = '/2/';

function routeOf(req: SandboxRequest): string {
  return req.path.slice(PREFIX.length);
}

export function createDropboxApi(seed: SeedDropbox, opts: DropboxApiOptions): { api: SandboxApi; state: DropboxSandbox } {
  const state = new DropboxSandbox(seed, opts.clock, opts.asyncPolls ?? 1);
  const routes: RouteTable = { ...memberRoutes(state), ...groupRoutes(state), ...state.teamLog.routes() };

  function respond(status: number, body: unknown, extra: Record<string, string> = {}): SandboxResponse {
    return { status, headers: { 'X-Dropbox-Request-Id': state.nextRequestId(), ...extra }, body };
  }

  function badRequest(route: string, message: string): SandboxResponse {
    return respond(400, `Error in call to API function "${route}": ${message}`);
  }

  function handle(req: SandboxRequest): SandboxResponse {
    const route = routeOf(req);
    const def = Object.hasOwn(routes, route) ? routes[route] : undefined;
    if (!def) return respond(404, `Unknown API function: "${route}"`);
    if (req.method !== 'POST') return badRequest(route, `HTTP method ${req.method} is not allowed, use POST`);
    // ref §7: 401 AuthError invalid_access_token without a valid token.
    if (req.headers['authorization'] !== `Bearer ${opts.token}`) {
      return respond(401, { error_summary: 'invalid_access_token/..', error: { '.tag': 'invalid_access_token' } });
    }
    let arg: unknown = null;
    const text = req.body.trim();
    if (def.voidArg) {
      // ref §0: Void routes are sent with body null and no Content-Type; an empty body is fine.
      if (text !== '' && text !== 'null') return badRequest(route, `request body: expected null, got value`);
    } else {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(type) && !/^text\/plain; charset=dropbox-cors-hack/i.test(type)) {
        return badRequest(route, `Bad HTTP "Content-Type" header: "${type}". Expecting one of "application/json", "application/json; charset=utf-8", "text/plain; charset=dropbox-cors-hack".`);
      }
      try {
        arg = JSON.parse(text);
      } catch {
        return badRequest(route, 'request body: could not decode input as JSON');
      }
    }
    try {
      return respond(200, def.handle(arg));
    } catch (err) {
      if (err instanceof BadRequest) return badRequest(route, err.message);
      // ref §7: 409 route error {error_summary, error}.
      if (err instanceof RouteError) return respond(409, err.body());
      throw err;
    }
  }

  const api: SandboxApi = {
    prefix: PREFIX,
    routeName: (req) => `dropbox ${routeOf(req)}`,
    handle,
    // ref §7: 429 JSON {error_summary, error: {reason, retry_after}} plus a Retry-After header.
    rateLimited: (_req, retryAfterSeconds) =>
      respond(
        429,
        { error_summary: 'too_many_requests/..', error: { reason: { '.tag': 'too_many_requests' }, retry_after: retryAfterSeconds } },
        { 'Retry-After': String(retryAfterSeconds) },
      ),
  };
  return { api, state };
}
