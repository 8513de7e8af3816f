/**
 * The emulated Okta Management API (the subset dbxsync uses), served under /api/v1/ by the
 * sandbox HTTP core. Every rule cites the section of shared/reference/okta-api.md it follows.
 */
import type { SandboxApi, SandboxRequest, SandboxResponse } from '../http.js';
import type { SeedOkta } from '../seed.js';
import {
  checkExpression,
  evaluate,
  InvalidExpression,
  parseExpression,
  termCount,
  type AttributeRules,
  type Expression,
  type Operator,
} from './filter-expression.js';
import { appGroupJson, appUserJson, groupJson, oktaError, userJson } from './json.js';
import { bucketFor } from './rate-limiter.js';
import { createOktaOAuthApi, OktaTokenStore, type OktaServiceApp } from './oauth.js';
import { OktaSandbox, type SandboxGroup, type SandboxUser } from './state.js';
import { API_TOKEN_ACTOR, logEventJson } from './system-log.js';

export interface OktaApiOptions {
  /** The SSWS token the API accepts. */
  readonly token: string;
  /** Decides rate-limit windows and every timestamp written. */
  readonly clock: () => Date;
  /** Per-minute limits by bucket name (see DEFAULT_OKTA_RATE_LIMITS). */
  readonly rateLimits?: Partial<Record<string, number>>;
  /** An OAuth service app whose private-key JWT the token endpoint (oauthApi) accepts. */
  readonly serviceApp?: OktaServiceApp;
  /**
   * Most comparisons a users `search` or `filter` may join before Okta answers 400 ("an overly
   * complex or long search query can result in an error", Okta API reference, Search; an audit saw
   * 170+ `or` terms refused). Default 120.
   */
  readonly maxQueryTerms?: number;
  /** How long a just-written user is missing from `search` (OktaSandbox.searchLagMs). Default 0. */
  readonly searchLagMs?: number;
}

export const DEFAULT_MAX_QUERY_TERMS = 120;

type Params = readonly string[];
type Handler = (req: SandboxRequest, params: Params) => SandboxResponse;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly name: string;
  /** The OAuth scope an access token needs for this route (§1.2 table, last column). */
  readonly scope: string;
  readonly handler: Handler;
}

const EQ: readonly Operator[] = ['eq'];
const EQ_SW: readonly Operator[] = ['eq', 'sw'];
const DATE_OPS: readonly Operator[] = ['eq', 'gt', 'ge', 'lt', 'le'];
const SEARCH_OPS: readonly Operator[] = ['eq', 'sw', 'co', 'pr', 'gt', 'ge', 'lt', 'le'];

// §1.3: users `filter` takes status, lastUpdated, id, profile.login/email/firstName/lastName; eq only, lastUpdated also gt/ge/lt/le.
const USER_FILTER: AttributeRules = (attr) => {
  if (attr === 'lastUpdated') return DATE_OPS;
  return ['status', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName'].includes(attr) ? EQ : null;
};
// §1.3: users `search` covers id, status, created, activated, statusChanged, lastUpdated, type.id and any profile attribute.
const USER_SEARCH: AttributeRules = (attr) =>
  ['id', 'status', 'created', 'activated', 'statusChanged', 'lastUpdated', 'type.id'].includes(attr) || attr.startsWith('profile.')
    ? SEARCH_OPS
    : null;
// §1.3: groups `filter` takes id, type, lastUpdated, lastMembershipUpdated.
// listApplications `filter`: "id, status, credentials.signing.kid, settings.slo.enabled, or name" (eq).
const APP_FILTER: AttributeRules = (attr) => (attr === 'id' || attr === 'status' || attr === 'name' ? EQ : null);
const GROUP_FILTER: AttributeRules = (attr) =>
  attr === 'id' || attr === 'type' ? EQ : attr === 'lastUpdated' || attr === 'lastMembershipUpdated' ? DATE_OPS : null;
// §1.3: groups `search` covers profile attributes, id, created, lastUpdated, lastMembershipUpdated, type (subset: eq/sw on names).
const GROUP_SEARCH: AttributeRules = (attr) =>
  attr === 'id' || attr === 'type'
    ? EQ
    : attr === 'profile.name' || attr === 'profile.description'
      ? EQ_SW
      : ['created', 'lastUpdated', 'lastMembershipUpdated'].includes(attr)
        ? DATE_OPS
        : null;

function userAttr(user: SandboxUser, attr: string): unknown {
  if (attr.startsWith('profile.')) return user.profile[attr.slice('profile.'.length)];
  switch (attr) {
    case 'id': return user.id;
    case 'status': return user.status;
    case 'created': return user.created;
    case 'activated': return user.activated;
    case 'statusChanged': return user.statusChanged;
    case 'lastUpdated': return user.lastUpdated;
    case 'type.id': return 'oty1default0000000000';
    default: return undefined;
  }
}

function groupAttr(group: SandboxGroup, attr: string): unknown {
  switch (attr) {
    case 'id': return group.id;
    case 'type': return group.type;
    case 'profile.name': return group.name;
    case 'profile.description': return group.description;
    case 'created': return group.created;
    case 'lastUpdated': return group.lastUpdated;
    case 'lastMembershipUpdated': return group.lastMembershipUpdated;
    default: return undefined;
  }
}

/**
 * An `or` of `id eq` / `profile.login eq` / `profile.email eq` terms (the reader's batched
 * lookups) is answered from indexes instead of a scan; same result, sorted by id.
 */
function orOfEquals(expr: Expression): { attr: 'id' | 'profile.login' | 'profile.email'; value: string }[] | null {
  if (expr.kind === 'or') {
    const left = orOfEquals(expr.left);
    const right = left && orOfEquals(expr.right);
    return left && right ? [...left, ...right] : null;
  }
  if (expr.kind === 'term' && expr.op === 'eq' && typeof expr.value === 'string') {
    if (expr.attr === 'id' || expr.attr === 'profile.login' || expr.attr === 'profile.email') return [{ attr: expr.attr, value: expr.value }];
  }
  return null;
}

/** §3.1: cursors are opaque; ours encode the last id of the page. */
function encodeCursor(id: string): string {
  return Buffer.from(`c1:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(after: string): string | null {
  const text = Buffer.from(after, 'base64url').toString('utf8');
  return text.startsWith('c1:') ? text.slice(3) : null;
}

class ApiFailure extends Error {
  constructor(readonly response: SandboxResponse) {
    super('api failure');
  }
}

function fail(status: number, code: string, summary: string, causes: readonly string[] = []): never {
  throw new ApiFailure({ status, body: oktaError(code, summary, causes) });
}

function notFound(what: string, kind: string): never {
  // §5.4: E0000007 404 not found.
  return fail(404, 'E0000007', `Not found: Resource not found: ${what} (${kind})`);
}

function invalidSearch(): never {
  return fail(400, 'E0000031', 'Invalid search criteria.');
}

/** Page size from `limit`: default when absent, clamped to [min, max] (§1.2 page-size table). */
function pageLimit(req: SandboxRequest, dflt: number, max: number, min = 1): number {
  const raw = req.query.get('limit');
  if (raw === null || raw === '') return dflt;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fail(400, 'E0000001', 'Api validation failed: limit', ['limit: must be a number']);
  return Math.min(max, Math.max(min, n));
}

function parseBody(req: SandboxRequest): Record<string, unknown> {
  try {
    const parsed: unknown = req.body === '' ? {} : JSON.parse(req.body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the validation error
  }
  return fail(400, 'E0000003', 'The request body was not well-formed.');
}

function parseExpr(text: string, rules: AttributeRules): Expression {
  try {
    const expr = parseExpression(text);
    checkExpression(expr, rules);
    return expr;
  } catch (err) {
    if (err instanceof InvalidExpression) return invalidSearch();
    throw err;
  }
}

/**
 * One page of a listing sorted by id, with Link headers (§3.1): `self` always, `next` with an
 * absolute URL and an opaque `after` cursor while more items remain.
 */
function page<T>(
  req: SandboxRequest,
  items: readonly T[],
  key: (item: T) => string,
  limit: number,
  render: (item: T) => unknown,
  nextQuery?: (q: URLSearchParams) => void,
): SandboxResponse {
  let start = 0;
  const after = req.query.get('after');
  if (after !== null && after !== '') {
    const lastId = decodeCursor(after);
    if (lastId === null) return fail(400, 'E0000001', 'Api validation failed: after', ['after: invalid cursor']);
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(items[mid]!) <= lastId) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const slice = items.slice(start, start + limit);
  const self = `${req.baseUrl}${req.path}${req.query.size > 0 ? `?${req.query.toString()}` : ''}`;
  const links = [`<${self}>; rel="self"`];
  if (start + limit < items.length && slice.length > 0) {
    const q = new URLSearchParams(req.query);
    q.set('after', encodeCursor(key(slice[slice.length - 1]!)));
    q.set('limit', String(limit));
    nextQuery?.(q);
    links.push(`<${req.baseUrl}${req.path}?${q.toString()}>; rel="next"`);
  }
  return { status: 200, headers: { Link: links.join(', ') }, body: slice.map(render) };
}

/**
 * The emulated Okta: `api` serves /api/v1/, `oauthApi` serves /oauth2/v1/ (the token endpoint for
 * private-key JWT); give both to SandboxHttp. `state` is the org, for tests to read and change.
 */
export function createOktaApi(seed: SeedOkta, opts: OktaApiOptions): { api: SandboxApi; oauthApi: SandboxApi; state: OktaSandbox } {
  const state = new OktaSandbox(seed, opts.clock, opts.rateLimits);
  /** A listing page, or the 504 a page too large for the pageTimeoutAbove fault gets. */
  const listPage: typeof page = (req, items, key, limit, render, nextQuery) => {
    if (state.pageTimeoutAbove !== null && limit > state.pageTimeoutAbove && items.length > state.pageTimeoutAbove) {
      return fail(504, 'E0000009', 'Internal Server Error: the request timed out');
    }
    return page(req, items, key, limit, render, nextQuery);
  };
  state.searchLagMs = opts.searchLagMs ?? 0;
  const tokens = new OktaTokenStore();
  let requestSeq = 0;

  const app = (appId: string): void => {
    if (appId !== state.appId) notFound(appId, 'AppInstance');
  };

  const listAppUsers: Handler = (req, [appId]) => {
    app(appId!);
    // §1.2: app users page size default 50, max 500, min 1.
    const limit = pageLimit(req, 50, 500);
    // §1.3: expand=user is the only expansion.
    const expand = req.query.get('expand');
    if (expand !== null && expand !== 'user') return fail(400, 'E0000001', 'Api validation failed: expand', [`expand: unsupported value ${expand}`]);
    let items = state.appUsers();
    // §1.3: q = prefix match on userName / firstName / lastName / email.
    const q = req.query.get('q')?.toLowerCase();
    if (q) {
      items = items.filter((appUser) => {
        const u = state.users.get(appUser.userId)!;
        const userName = state.directAssignments.get(u.id)?.userName ?? u.profile.login;
        return [userName, u.profile['firstName'], u.profile['lastName'], u.profile.email].some(
          (v) => typeof v === 'string' && v.toLowerCase().startsWith(q),
        );
      });
    }
    return listPage(req, items, (a) => a.userId, limit, (a) => appUserJson(state, a, req.baseUrl, expand === 'user'), (nq) => {
      if (state.quirks.dropExpandOnNextLink) nq.delete('expand');
    });
  };

  const getAppUser: Handler = (req, [appId, userId]) => {
    app(appId!);
    const found = state.appUsers().find((a) => a.userId === userId);
    if (!found) return notFound(userId!, 'AppUser');
    return { status: 200, body: appUserJson(state, found, req.baseUrl, req.query.get('expand') === 'user') };
  };

  const assignUser: Handler = (req, [appId]) => {
    app(appId!);
    const body = parseBody(req);
    const userId = body['id'];
    if (typeof userId !== 'string' || userId === '') return fail(400, 'E0000001', 'Api validation failed: id', ['id: The field cannot be left blank']);
    if (body['scope'] !== undefined && body['scope'] !== 'USER') return fail(400, 'E0000001', 'Api validation failed: scope', ['scope: must be USER']);
    const user = state.users.get(userId);
    if (!user) return notFound(userId, 'User');
    // §5.4: E0000038 — operation not allowed in the user's current status (a deactivated user cannot be assigned).
    if (user.status === 'DEPROVISIONED') return fail(403, 'E0000038', "This operation is not allowed in the user's current status.");
    const credentials = body['credentials'] as { userName?: unknown } | undefined;
    const userName = typeof credentials?.userName === 'string' && credentials.userName !== '' ? credentials.userName : user.profile.login;
    state.assignUser(userId, userName, API_TOKEN_ACTOR);
    return { status: 200, body: appUserJson(state, { userId, scope: 'USER' }, req.baseUrl, false) };
  };

  const listApps: Handler = (req) => {
    // okta-mgmt.yaml listApplications: `q` "Searches for apps with name or label properties that
    // starts with the q value using the startsWith operation" (taken as case-sensitive, as Okta's
    // value matching is: q=Dropbox misses the OIN name dropbox_for_business); `filter` supports
    // id, status and name with eq (e.g. name eq "okta_org2org"). One app here.
    const q = req.query.get('q') ?? '';
    const filter = req.query.get('filter');
    const expr = filter ? parseExpr(filter, APP_FILTER) : null;
    const apps = [{ id: state.appId, name: 'dropbox_for_business', label: state.appLabel, status: 'ACTIVE' }].filter(
      (a) => (q === '' || a.name.startsWith(q) || a.label.startsWith(q)) && (expr === null || evaluate(expr, (attr) => (a as Record<string, unknown>)[attr], true)),
    );
    const limit = pageLimit(req, 20, 200);
    return listPage(req, apps, (a) => a.id, limit, (a) => ({
      id: a.id,
      name: a.name,
      label: a.label,
      status: 'ACTIVE',
      signOnMode: 'SAML_2_0',
      _links: { users: { href: `${req.baseUrl}/api/v1/apps/${a.id}/users` }, groups: { href: `${req.baseUrl}/api/v1/apps/${a.id}/groups` } },
    }));
  };

  const listAppGroups: Handler = (req, [appId]) => {
    app(appId!);
    // §1.2: app group assignments page size default 20, max 200, min 20 (G16).
    const limit = pageLimit(req, 20, 200, 20);
    const priority = new Map(state.appGroupIds.map((id, i) => [id, i]));
    const q = req.query.get('q')?.toLowerCase();
    const items = [...state.appGroupIds]
      .filter((id) => !q || state.groups.get(id)!.name.toLowerCase().startsWith(q))
      .sort()
      .map((id) => ({ id }));
    return listPage(req, items, (i) => i.id, limit, (i) => appGroupJson(state, i.id, priority.get(i.id)!, req.baseUrl));
  };

  const listGroups: Handler = (req) => {
    let groups = state.sortedGroups();
    const q = req.query.get('q');
    const filter = req.query.get('filter');
    const search = req.query.get('search');
    if (filter) {
      const expr = parseExpr(filter, GROUP_FILTER);
      groups = groups.filter((g) => evaluate(expr, (a) => groupAttr(g, a)));
    }
    if (search) {
      const expr = parseExpr(search, GROUP_SEARCH);
      groups = groups.filter((g) => evaluate(expr, (a) => groupAttr(g, a)));
    }
    if (q !== null && q !== '') {
      // §1.3: groups `q` is a name prefix match, capped at 300 results and not pageable.
      const prefix = q.toLowerCase();
      const limit = Math.min(300, pageLimit(req, 300, 10_000));
      const hits = groups.filter((g) => g.name.toLowerCase().startsWith(prefix)).slice(0, limit);
      const self = `${req.baseUrl}${req.path}?${req.query.toString()}`;
      return { status: 200, headers: { Link: `<${self}>; rel="self"` }, body: hits.map((g) => groupJson(g, req.baseUrl)) };
    }
    // §1.2: groups page size has no default in the spec (we use the max) and a max of 10000.
    const limit = pageLimit(req, 10_000, 10_000);
    return listPage(req, groups, (g) => g.id, limit, (g) => groupJson(g, req.baseUrl));
  };

  const getGroup: Handler = (req, [groupId]) => {
    const group = state.groups.get(groupId!);
    if (!group) return notFound(groupId!, 'UserGroup');
    return { status: 200, body: groupJson(group, req.baseUrl) };
  };

  const listGroupUsers: Handler = (req, [groupId]) => {
    const group = state.groups.get(groupId!);
    if (!group) return notFound(groupId!, 'UserGroup');
    // §1.2: group members page size default 1000; no max is stated, we cap at the default.
    const limit = pageLimit(req, 1000, 1000);
    return listPage(req, state.sortedMembers(group), (u) => u.id, limit, (u) => userJson(u, req.baseUrl));
  };

  const listUsers: Handler = (req) => {
    const filter = req.query.get('filter');
    const search = req.query.get('search');
    const q = req.query.get('q');
    let users = state.sortedUsers();
    const maxTerms = opts.maxQueryTerms ?? DEFAULT_MAX_QUERY_TERMS;
    if (filter) {
      const expr = parseExpr(filter, USER_FILTER);
      if (termCount(expr) > maxTerms) return invalidSearch();
      const lookups = orOfEquals(expr);
      // Okta: "Filtering is case-sensitive for property names and query values".
      users = lookups ? state.usersMatching(lookups, true) : users.filter((u) => evaluate(expr, (a) => userAttr(u, a), true));
    }
    if (search) {
      const expr = parseExpr(search, USER_SEARCH);
      if (termCount(expr) > maxTerms) return invalidSearch();
      // §1.3: search values are case-insensitive; an or of id/login/email equalities uses the index.
      const lookups = filter ? null : orOfEquals(expr);
      users = lookups ? state.usersMatching(lookups) : users.filter((u) => evaluate(expr, (a) => userAttr(u, a)));
      // listUsers: search results come from an eventually consistent datasource (state.searchLagMs).
      users = users.filter((u) => state.searchable(u));
    }
    if (!filter && !search) {
      // §1.3: the default listing (and `q`) omits DEPROVISIONED users; filter/search include them.
      users = users.filter((u) => u.status !== 'DEPROVISIONED');
    }
    if (q !== null && q !== '') {
      // §1.3/§1.2: users `q` matches firstName/lastName/email prefixes, default 10 results, not pageable.
      const prefix = q.toLowerCase();
      const limit = pageLimit(req, 10, 200);
      const hits = users
        .filter((u) => ['firstName', 'lastName', 'email'].some((k) => String(u.profile[k] ?? '').toLowerCase().startsWith(prefix)))
        .slice(0, limit);
      const self = `${req.baseUrl}${req.path}?${req.query.toString()}`;
      return { status: 200, headers: { Link: `<${self}>; rel="self"` }, body: hits.map((u) => userJson(u, req.baseUrl)) };
    }
    // §1.2: users page size default 200, max 200.
    const limit = pageLimit(req, 200, 200);
    return listPage(req, users, (u) => u.id, limit, (u) => userJson(u, req.baseUrl));
  };

  const listUserGroups: Handler = (req, [idOrLogin]) => {
    // OpenAPI listUserGroups (/api/v1/users/{id}/groups): "Lists all groups of which the user is a
    // member", a bare array of Group, not paginated (okta-management.yaml, operationId listUserGroups).
    const user = state.userByIdOrLogin(idOrLogin!);
    if (!user) return notFound(idOrLogin!, 'User');
    return { status: 200, body: state.sortedGroups().filter((g) => g.members.has(user.id)).map((g) => groupJson(g, req.baseUrl)) };
  };

  const getUser: Handler = (req, [idOrLogin]) => {
    // §1.2: GET /users/{id} accepts an id or a login.
    const user = state.userByIdOrLogin(idOrLogin!);
    if (!user) return notFound(idOrLogin!, 'User');
    return { status: 200, body: userJson(user, req.baseUrl) };
  };

  const profileCauses = (profile: Record<string, unknown>, exceptId?: string): string[] => {
    const causes: string[] = [];
    for (const key of ['login', 'email', 'firstName', 'lastName']) {
      const v = profile[key];
      if (typeof v !== 'string' || v.trim() === '') causes.push(`${key}: The field cannot be left blank`);
    }
    const login = profile['login'];
    if (typeof login === 'string' && login.length > 100) causes.push('login: The field is too long');
    if (typeof login === 'string' && login !== '' && state.loginTaken(login, exceptId)) {
      causes.push('login: An object with this field already exists in the current organization');
    }
    const email = profile['email'];
    if (typeof email === 'string' && email !== '' && !/^[^@\s]+@[^@\s]+$/.test(email)) causes.push('email: Does not match required pattern');
    return causes;
  };

  const updateUser: Handler = (req, [idOrLogin]) => {
    const user = state.userByIdOrLogin(idOrLogin!);
    if (!user) return notFound(idOrLogin!, 'User');
    const body = parseBody(req);
    const patch = body['profile'];
    if (patch !== undefined && (patch === null || typeof patch !== 'object' || Array.isArray(patch))) {
      return fail(400, 'E0000001', 'Api validation failed: profile', ['profile: must be an object']);
    }
    // §1.7: POST /users/{id} is a partial update: only sent properties change; null clears one.
    const next: Record<string, unknown> = { ...user.profile };
    for (const [k, v] of Object.entries((patch ?? {}) as Record<string, unknown>)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const causes = profileCauses(next, user.id);
    if (causes.length > 0) return fail(400, 'E0000001', `Api validation failed: ${causes[0]!.split(':')[0]}`, causes);
    state.setProfile(user, next as SandboxUser['profile'], API_TOKEN_ACTOR);
    return { status: 200, body: userJson(user, req.baseUrl) };
  };

  const createUser: Handler = (req) => {
    const body = parseBody(req);
    const profile = body['profile'];
    if (!profile || typeof profile !== 'object' || Array.isArray(profile)) {
      return fail(400, 'E0000001', 'Api validation failed: profile', ['profile: The field cannot be left blank']);
    }
    const p = { ...(profile as Record<string, unknown>) };
    const causes = profileCauses(p);
    if (causes.length > 0) return fail(400, 'E0000001', `Api validation failed: ${causes[0]!.split(':')[0]}`, causes);
    const now = opts.clock().toISOString();
    // §1.7: activate=false creates a STAGED user; activating without a password leaves the user
    // PROVISIONED (they still have to set credentials), with a password ACTIVE.
    const activate = req.query.get('activate') !== 'false';
    const password = (body['credentials'] as { password?: { value?: unknown } } | undefined)?.password?.value;
    const status: SandboxUser['status'] = !activate ? 'STAGED' : typeof password === 'string' && password !== '' ? 'ACTIVE' : 'PROVISIONED';
    const user: SandboxUser = {
      id: state.newId('00u'),
      status,
      created: now,
      activated: activate ? now : null,
      statusChanged: activate ? now : null,
      lastUpdated: now,
      profile: p as SandboxUser['profile'],
    };
    state.addUser(user, API_TOKEN_ACTOR);
    return { status: 200, body: userJson(user, req.baseUrl) };
  };

  const listLogs: Handler = (req) => {
    // Okta management OpenAPI `/api/v1/logs` (listLogEvents); the query rules are in system-log.ts.
    const result = state.log.query(req.query);
    if ('failure' in result) {
      return result.failure === 'invalid_filter' ? invalidSearch() : fail(400, 'E0000001', `Api validation failed: ${result.detail.split(':')[0]}`, [result.detail]);
    }
    const self = `${req.baseUrl}${req.path}${req.query.size > 0 ? `?${req.query.toString()}` : ''}`;
    const links = [`<${self}>; rel="self"`];
    if (result.nextAfter !== null) {
      const q = new URLSearchParams(req.query);
      q.set('after', result.nextAfter);
      links.push(`<${req.baseUrl}${req.path}?${q.toString()}>; rel="next"`);
    }
    return { status: 200, headers: { Link: links.join(', ') }, body: result.events.map(logEventJson) };
  };

  const routes: readonly Route[] = [
    { method: 'GET', pattern: /^\/api\/v1\/logs$/, name: 'GET /api/v1/logs', scope: 'okta.logs.read', handler: listLogs },
    { method: 'GET', pattern: /^\/api\/v1\/apps$/, name: 'GET /api/v1/apps', scope: 'okta.apps.read', handler: listApps },
    { method: 'GET', pattern: /^\/api\/v1\/apps\/([^/]+)\/users$/, name: 'GET /api/v1/apps/{id}/users', scope: 'okta.apps.read', handler: listAppUsers },
    { method: 'POST', pattern: /^\/api\/v1\/apps\/([^/]+)\/users$/, name: 'POST /api/v1/apps/{id}/users', scope: 'okta.apps.manage', handler: assignUser },
    { method: 'GET', pattern: /^\/api\/v1\/apps\/([^/]+)\/users\/([^/]+)$/, name: 'GET /api/v1/apps/{id}/users/{id}', scope: 'okta.apps.read', handler: getAppUser },
    { method: 'GET', pattern: /^\/api\/v1\/apps\/([^/]+)\/groups$/, name: 'GET /api/v1/apps/{id}/groups', scope: 'okta.apps.read', handler: listAppGroups },
    { method: 'GET', pattern: /^\/api\/v1\/groups$/, name: 'GET /api/v1/groups', scope: 'okta.groups.read', handler: listGroups },
    { method: 'GET', pattern: /^\/api\/v1\/groups\/([^/]+)$/, name: 'GET /api/v1/groups/{id}', scope: 'okta.groups.read', handler: getGroup },
    { method: 'GET', pattern: /^\/api\/v1\/groups\/([^/]+)\/users$/, name: 'GET /api/v1/groups/{id}/users', scope: 'okta.groups.read', handler: listGroupUsers },
    { method: 'GET', pattern: /^\/api\/v1\/users$/, name: 'GET /api/v1/users', scope: 'okta.users.read', handler: listUsers },
    { method: 'POST', pattern: /^\/api\/v1\/users$/, name: 'POST /api/v1/users', scope: 'okta.users.manage', handler: createUser },
    { method: 'GET', pattern: /^\/api\/v1\/users\/([^/]+)\/groups$/, name: 'GET /api/v1/users/{id}/groups', scope: 'okta.users.read', handler: listUserGroups },
    { method: 'GET', pattern: /^\/api\/v1\/users\/([^/]+)$/, name: 'GET /api/v1/users/{id}', scope: 'okta.users.read', handler: getUser },
    { method: 'POST', pattern: /^\/api\/v1\/users\/([^/]+)$/, name: 'POST /api/v1/users/{id}', scope: 'okta.users.manage', handler: updateUser },
  ];

  const match = (req: SandboxRequest): { route: Route; params: string[] } | null => {
    for (const route of routes) {
      if (route.method !== req.method.toUpperCase()) continue;
      const m = route.pattern.exec(req.path);
      if (m) return { route, params: m.slice(1).map((p) => decodeURIComponent(p)) };
    }
    return null;
  };

  const common = (): Record<string, string> => ({
    // §4.2: the SDK computes retry delays from Date, so it must come from the same clock as the windows.
    Date: opts.clock().toUTCString(),
    'X-Okta-Request-Id': `sbx-okta-${++requestSeq}`,
  });

  const withHeaders = (response: SandboxResponse, extra: Readonly<Record<string, string>>): SandboxResponse => ({
    ...response,
    headers: { ...common(), ...extra, ...(response.headers ?? {}) },
  });

  const handle = (req: SandboxRequest): SandboxResponse => {
    const bucket = bucketFor(req.method, req.path);
    const auth = req.headers.authorization ?? '';
    const m = match(req);
    // §5.2: Authorization: SSWS <token>; §5.3: or an access token from the token endpoint. Else 401 E0000011.
    const bearer = /^(Bearer|DPoP) (.+)$/.exec(auth);
    const scopes = bearer ? tokens.scopes(bearer[2]!, opts.clock().getTime()) : null;
    if (auth !== `SSWS ${opts.token}` && !scopes) {
      return withHeaders({ status: 401, body: oktaError('E0000011', 'Invalid token provided') }, state.limiter.peek(bucket));
    }
    if (scopes && m && !scopes.has(m.route.scope)) {
      // §5.3: a token without the route's scope is refused with 403 E0000006 and insufficient_scope.
      return withHeaders(
        { status: 403, body: oktaError('E0000006', 'You do not have permission to perform the requested action') },
        {
          ...state.limiter.peek(bucket),
          'WWW-Authenticate': `Bearer realm="IdP", scope="${m.route.scope}", error="insufficient_scope", error_description="The access token provided does not contain the required scopes."`,
        },
      );
    }
    // The credential is what Okta caps (§4.1: 50 % of a bucket per API token or OAuth app by default).
    const verdict = state.limiter.take(bucket, auth);
    if (!verdict.allowed) {
      // §4.1: over the limit → 429 E0000047 with X-Rate-Limit-Reset and Date.
      return withHeaders({ status: 429, body: oktaError('E0000047', 'API call exceeded rate limit due to too many requests.') }, verdict.headers);
    }
    try {
      if (!m) {
        // §5.4-style error for a known path with another method: 405 E0000022.
        if (routes.some((r) => r.pattern.test(req.path))) return fail(405, 'E0000022', 'The endpoint does not support the provided HTTP method');
        return notFound(req.path, 'Endpoint');
      }
      return withHeaders(m.route.handler(req, m.params), verdict.headers);
    } catch (err) {
      if (err instanceof ApiFailure) return withHeaders(err.response, verdict.headers);
      throw err;
    }
  };

  const api: SandboxApi = {
    prefix: '/api/v1/',
    routeName: (req) => `okta ${match(req)?.route.name ?? `${req.method} ${req.path}`}`,
    handle,
    concurrency: () => ({
      limit: state.concurrencyLimit,
      // §4.1: "on violation the first two headers read 0 and Reset is only an estimate".
      refused: () =>
        withHeaders(
          { status: 429, body: oktaError('E0000047', 'API call exceeded rate limit due to too many requests.') },
          { 'X-Rate-Limit-Limit': '0', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': String(Math.floor(opts.clock().getTime() / 1000) + 1) },
        ),
    }),
    rateLimited: (req, retryAfterSeconds) => {
      const bucket = bucketFor(req.method, req.path);
      const now = opts.clock().getTime();
      return withHeaders(
        { status: 429, body: oktaError('E0000047', 'API call exceeded rate limit due to too many requests.') },
        {
          'X-Rate-Limit-Limit': String(state.limiter.tokenLimit(bucket)),
          'X-Rate-Limit-Remaining': '0',
          'X-Rate-Limit-Reset': String(Math.floor(now / 1000) + retryAfterSeconds),
        },
      );
    },
  };
  return { api, oauthApi: createOktaOAuthApi(state, tokens, opts.serviceApp, opts.clock), state };
}
