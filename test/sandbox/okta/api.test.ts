/**
 * Contract tests of the emulated Okta API over raw HTTP: a route answering with the wrong shape,
 * status or header is a bug, because the real SDK and dbxsync's reader depend on them.
 */
import t from 'tap';
import { createOktaApi } from '../../../src/sandbox/okta/api.js';
import { SandboxHttp } from '../../../src/sandbox/http.js';
import type { SeedOkta } from '../../../src/sandbox/seed.js';

const TOKEN = 'sandbox-contract-token-123';
const APP = '0oaAPP';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function seed(n = 7): SeedOkta {
  const users = Array.from({ length: n }, (_, i) => ({
    id: `00u${String(i + 1).padStart(17, '0')}`,
    status: 'ACTIVE',
    profile: { login: `u${i + 1}@x.example`, email: `U${i + 1}@X.example`, firstName: `F${i + 1}`, lastName: `L${i + 1}` },
  }));
  users[1]!.status = 'DEPROVISIONED';
  users[2]!.status = 'SUSPENDED';
  return {
    appId: APP,
    users,
    groups: [
      { id: '00gA', name: 'Assigned', members: users.slice(0, 5).map((u) => u.id) },
      { id: '00gB', name: 'dbx-Finance', members: [users[0]!.id, users[6]!.id] },
      { id: '00gC', name: 'dbx-Legal', type: 'APP_GROUP', members: [] },
    ],
    appUserIds: [users[0]!.id, users[1]!.id, users[5]!.id],
    appGroupIds: ['00gA'],
  };
}

async function start(t: { teardown(fn: () => unknown): void }, s: SeedOkta = seed(), rateLimits?: Record<string, number>) {
  let now = Date.parse('2026-11-28T10:00:00.000Z');
  const clock = () => new Date(now);
  const { api, state } = createOktaApi(s, { token: TOKEN, clock, ...(rateLimits ? { rateLimits } : {}) });
  const http = new SandboxHttp([api]);
  const base = await http.listen();
  t.teardown(() => http.close());
  const get = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    const text = await res.text();
    return { res, status: res.status, body: text ? JSON.parse(text) : undefined, link: res.headers.get('link') ?? '' };
  };
  return { base, state, http, get, advance: (ms: number) => void (now += ms) };
}

function nextUrl(link: string): string | null {
  const m = /<([^>]+)>; rel="next"/.exec(link);
  return m ? m[1]! : null;
}

t.test('authentication', async (t) => {
  const s = await start(t);
  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', { Authorization: '' }],
    ['a wrong token', { Authorization: 'SSWS nope' }],
    ['a Bearer token in SSWS mode', { Authorization: `Bearer ${TOKEN}` }],
  ];
  for (const [name, headers] of cases) {
    const r = await s.get('/api/v1/users', { headers });
    t.equal(r.status, 401, `${name}: 401`);
    t.equal(r.body.errorCode, 'E0000011', `${name}: E0000011`);
    t.ok(r.res.headers.get('x-rate-limit-limit'), `${name}: rate-limit headers even on 401`);
  }
});

t.test('errors have Okta JSON shape', async (t) => {
  const s = await start(t);
  const cases: [string, string, RequestInit, number, string][] = [
    ['unknown user', '/api/v1/users/nobody', {}, 404, 'E0000007'],
    ['unknown app', '/api/v1/apps/0oaOTHER/users', {}, 404, 'E0000007'],
    ['unknown group', '/api/v1/groups/00gNOPE/users', {}, 404, 'E0000007'],
    ['filter on an unsupported attribute', `/api/v1/users?filter=${encodeURIComponent('profile.city eq "x"')}`, {}, 400, 'E0000031'],
    ['filter with not-eq operator', `/api/v1/users?filter=${encodeURIComponent('profile.email sw "u"')}`, {}, 400, 'E0000031'],
    ['create without a login', '/api/v1/users?activate=false', { method: 'POST', body: JSON.stringify({ profile: { email: 'a@b.c' } }) }, 400, 'E0000001'],
    ['bad cursor', '/api/v1/users?after=garbage', {}, 400, 'E0000001'],
    ['a method the route does not take', '/api/v1/groups', { method: 'DELETE' }, 405, 'E0000022'],
  ];
  for (const [name, path, init, status, code] of cases) {
    const r = await s.get(path, init);
    t.equal(r.status, status, `${name}: status`);
    t.equal(r.body.errorCode, code, `${name}: code`);
    t.type(r.body.errorSummary, 'string', `${name}: summary`);
    t.equal(r.body.errorLink, code, `${name}: errorLink`);
    t.match(r.body.errorId, /^oae/, `${name}: errorId`);
    t.ok(Array.isArray(r.body.errorCauses), `${name}: causes array`);
  }
  const r = await s.get('/api/v1/users?activate=false', { method: 'POST', body: JSON.stringify({ profile: { email: 'a@b.c' } }) });
  t.ok(r.body.errorCauses.some((c: { errorSummary: string }) => /login/.test(c.errorSummary)), 'validation causes name the field');
});

t.test('app users: scope, DEPROVISIONED left out, SUSPENDED kept, expand=user', async (t) => {
  const s = await start(t);
  const r = await s.get(`/api/v1/apps/${APP}/users?expand=user&limit=500`);
  t.equal(r.status, 200);
  const ids = r.body.map((a: { id: string }) => a.id);
  t.same(ids, [...ids].sort(), 'sorted by id');
  t.notOk(ids.includes('00u00000000000000002'), 'a DEPROVISIONED user is not an app user');
  t.ok(ids.includes('00u00000000000000003'), 'a SUSPENDED user stays assigned');
  const scope = Object.fromEntries(r.body.map((a: { id: string; scope: string }) => [a.id, a.scope]));
  t.equal(scope['00u00000000000000001'], 'USER', 'direct and via group: USER');
  t.equal(scope['00u00000000000000004'], 'GROUP', 'via group only: GROUP');
  t.equal(scope['00u00000000000000006'], 'USER', 'direct only: USER');
  const first = r.body[0];
  t.equal(first._embedded.user.id, first.id, 'embedded user');
  t.match(first._embedded.user.created, ISO_MS, 'timestamps with milliseconds');
  t.equal(first.credentials.userName, 'u1@x.example');
  const plain = await s.get(`/api/v1/apps/${APP}/users`);
  t.equal(plain.body[0]._embedded, undefined, 'no embed without expand');
});

t.test('pagination: absolute Link URLs, opaque cursors, page limits', async (t) => {
  const s = await start(t, seed(23));
  const cases: [string, string, number][] = [
    ['app users limit 5', `/api/v1/apps/${APP}/users?limit=5&expand=user`, 5],
    ['app users limit above max is clamped', `/api/v1/apps/${APP}/users?limit=9999`, 500],
    ['users limit 4', '/api/v1/users?limit=4', 4],
    ['group members limit 2', '/api/v1/groups/00gA/users?limit=2', 2],
    ['groups limit 1', '/api/v1/groups?limit=1', 1],
  ];
  for (const [name, path, size] of cases) {
    let url: string | null = `${s.base}${path}`;
    const seen: string[] = [];
    let pages = 0;
    while (url) {
      t.match(url, new RegExp(`^${s.base}/api/v1/`), `${name}: absolute URL back to the sandbox`);
      const r = await s.get(url.slice(s.base.length));
      pages++;
      t.ok(r.body.length <= size, `${name}: page within limit`);
      t.match(r.link, /rel="self"/, `${name}: self link`);
      for (const item of r.body) seen.push(item.id);
      url = nextUrl(r.link);
      if (url) t.notMatch(new URL(url).searchParams.get('after') ?? '', /^00[ug]/, `${name}: cursor is opaque`);
    }
    t.equal(new Set(seen).size, seen.length, `${name}: no duplicates across pages`);
    t.ok(pages >= 1, `${name}: paged`);
  }
  const all = await s.get('/api/v1/users?limit=200');
  t.equal(all.body.length, 22, 'default listing omits the DEPROVISIONED user');
  const appGroups = await s.get(`/api/v1/apps/${APP}/groups?limit=1`);
  t.equal(appGroups.status, 200, 'app groups limit below 20 is raised to 20, not refused');
});

t.test('the quirk of OKTA-1230324 drops expand from next links', async (t) => {
  const s = await start(t, seed(12));
  s.state.quirks.dropExpandOnNextLink = true;
  const p1 = await s.get(`/api/v1/apps/${APP}/users?limit=3&expand=user`);
  const next = nextUrl(p1.link)!;
  t.equal(new URL(next).searchParams.get('expand'), null);
  const p2 = await s.get(next.slice(s.base.length));
  t.equal(p2.body[0]._embedded, undefined);
});

t.test('users: filter, search and q', async (t) => {
  const s = await start(t);
  const q = (f: string) => encodeURIComponent(f);
  const cases: [string, string, string[]][] = [
    // Okta API reference, Filter: "Filtering is case-sensitive for property names and query values".
    ['filter by email, or-joined, exact case only', `filter=${q('profile.email eq "U1@X.example" or profile.email eq "u7@x.example"')}`, ['00u00000000000000001']],
    ['search by email ignores case, or-joined', `search=${q('profile.email eq "u1@x.example" or profile.email eq "U7@X.EXAMPLE"')}`, ['00u00000000000000001', '00u00000000000000007']],
    ['filter finds DEPROVISIONED by id', `filter=${q('id eq "00u00000000000000002"')}`, ['00u00000000000000002']],
    ['filter by status', `filter=${q('status eq "SUSPENDED"')}`, ['00u00000000000000003']],
    ['filter by login and status', `filter=${q('profile.login eq "u2@x.example" and status eq "DEPROVISIONED"')}`, ['00u00000000000000002']],
    ['search by email', `search=${q('profile.email eq "u4@x.example"')}`, ['00u00000000000000004']],
    ['search status includes DEPROVISIONED', `search=${q('status eq "DEPROVISIONED"')}`, ['00u00000000000000002']],
    ['q prefix omits DEPROVISIONED', 'q=u2', []],
    ['q prefix on first name', 'q=F5', ['00u00000000000000005']],
  ];
  for (const [name, query, expected] of cases) {
    const r = await s.get(`/api/v1/users?${query}`);
    t.equal(r.status, 200, `${name}: 200`);
    t.same(r.body.map((u: { id: string }) => u.id), expected, name);
  }
  const byLogin = await s.get('/api/v1/users/U3%40x.example');
  t.equal(byLogin.body.id, '00u00000000000000003', 'GET by login');
  t.equal(byLogin.body.status, 'SUSPENDED');
  const deprov = await s.get('/api/v1/users/00u00000000000000002');
  t.equal(deprov.body.status, 'DEPROVISIONED', 'GET by id returns DEPROVISIONED users');
});

t.test('groups: q, filter, search, get', async (t) => {
  const s = await start(t);
  const q = (f: string) => encodeURIComponent(f);
  const cases: [string, string, string[]][] = [
    ['q prefix', 'q=dbx-', ['00gB', '00gC']],
    ['filter by type', `filter=${q('type eq "APP_GROUP"')}`, ['00gC']],
    ['filter by id', `filter=${q('id eq "00gA"')}`, ['00gA']],
    ['search name eq', `search=${q('profile.name eq "dbx-finance"')}`, ['00gB']],
    ['search name sw', `search=${q('profile.name sw "dbx"')}`, ['00gB', '00gC']],
  ];
  for (const [name, query, expected] of cases) {
    const r = await s.get(`/api/v1/groups?${query}`);
    t.same(r.body.map((g: { id: string }) => g.id), expected, name);
  }
  const g = await s.get('/api/v1/groups/00gB');
  t.equal(g.body.profile.name, 'dbx-Finance');
  t.equal(g.body.type, 'OKTA_GROUP');
  t.match(g.body.lastMembershipUpdated, ISO_MS);
  const members = await s.get('/api/v1/groups/00gA/users');
  t.ok(members.body.some((u: { status: string }) => u.status === 'DEPROVISIONED'), 'group members keep deactivated users');
});

t.test("a user's groups (listUserGroups, okta-management.yaml /api/v1/users/{id}/groups): a bare array of Group, 404 for an unknown user", async (t) => {
  const s = await start(t);
  const r = await s.get('/api/v1/users/00u00000000000000001/groups');
  t.equal(r.status, 200);
  t.same(r.body.map((g: { id: string }) => g.id), ['00gA', '00gB']);
  t.equal(r.body[1].profile.name, 'dbx-Finance');
  t.same((await s.get('/api/v1/users/00u00000000000000007/groups')).body.map((g: { id: string }) => g.id), ['00gB']);
  t.same((await s.get('/api/v1/users/00u00000000000000006/groups')).body, [], 'in no group');
  const missing = await s.get('/api/v1/users/00unobody/groups');
  t.equal(missing.status, 404);
  t.equal(missing.body.errorCode, 'E0000007');
});

t.test('a seed may date its groups (created, lastUpdated, lastMembershipUpdated); by default they are the start', async (t) => {
  const s0 = seed();
  Object.assign(s0.groups[0]!, { created: '2025-01-01T00:00:00Z', lastUpdated: '2026-11-01T00:00:00Z', lastMembershipUpdated: '2026-11-27T10:00:00.000Z' });
  const s = await start(t, s0);
  t.match((await s.get('/api/v1/groups/00gA')).body, { created: '2025-01-01T00:00:00.000Z', lastUpdated: '2026-11-01T00:00:00.000Z', lastMembershipUpdated: '2026-11-27T10:00:00.000Z' });
  t.match((await s.get('/api/v1/groups/00gB')).body, { lastMembershipUpdated: '2026-11-28T10:00:00.000Z' });
  const since = encodeURIComponent('lastMembershipUpdated gt "2026-11-28T09:45:00.000Z"');
  t.same((await s.get(`/api/v1/groups?filter=${since}`)).body.map((g: { id: string }) => g.id), ['00gB', '00gC'], 'a dated group is out of a recent window');
});

t.test('rate limits: headers on every response, 429 when a bucket is used up, windows by the clock', async (t) => {
  const s = await start(t, seed(), { apps: 3, users: 50 });
  s.state.limiter.tokenShare = 1; // this token may use the whole bucket (see the per-token cap below)
  const seen: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await s.get(`/api/v1/apps/${APP}/users`);
    t.equal(r.status, 200);
    t.equal(r.res.headers.get('x-rate-limit-limit'), '3');
    seen.push(Number(r.res.headers.get('x-rate-limit-remaining')));
  }
  t.same(seen, [2, 1, 0]);
  const over = await s.get(`/api/v1/apps/${APP}/groups`);
  t.equal(over.status, 429, '/apps/{id}/groups shares the /apps bucket');
  t.equal(over.body.errorCode, 'E0000047');
  const reset = Number(over.res.headers.get('x-rate-limit-reset'));
  const date = Date.parse(over.res.headers.get('date')!);
  t.equal(reset * 1000 - date, 60_000, 'reset is a minute after the window opened (epoch seconds)');
  const other = await s.get('/api/v1/users');
  t.equal(other.status, 200, 'another bucket is unaffected');
  s.advance(60_000);
  const after = await s.get(`/api/v1/apps/${APP}/users`);
  t.equal(after.status, 200, 'a new window opens when the clock passes the reset');
  t.equal(s.state.counters()['apps'], 5);
});

t.test('each token may use half of a bucket by default, and the headers report its ceiling', async (t) => {
  // reference/okta-api.md §4.1 (developer.okta.com rl2-token-oauth): "By default, each API token or
  // OAuth 2.0 app can use up to 50% of a bucket's total rate limit"; X-Rate-Limit-Limit is "the
  // rate limit ceiling that is applicable for the current request" (rl-best-practices).
  const s = await start(t, seed(), { apps: 10 });
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await s.get(`/api/v1/apps/${APP}/users`);
    t.equal(r.status, 200);
    seen.push(`${r.res.headers.get('x-rate-limit-limit')}/${r.res.headers.get('x-rate-limit-remaining')}`);
  }
  t.same(seen, ['5/4', '5/3', '5/2', '5/1', '5/0'], 'the token ceiling is 5 of the org 10');
  const over = await s.get(`/api/v1/apps/${APP}/users`);
  t.equal(over.status, 429, 'the token is refused at its share, though the org bucket has 5 left');
  t.equal(over.body.errorCode, 'E0000047');
  // Another credential's use of the org bucket shows in this token's remaining when less is left there.
  s.advance(60_000);
  for (let i = 0; i < 8; i++) s.state.limiter.take('apps', `SSWS another-token-${i % 2}`);
  const shared = await s.get(`/api/v1/apps/${APP}/users`);
  t.equal(shared.status, 200);
  t.equal(shared.res.headers.get('x-rate-limit-remaining'), '1', 'org 10 − 8 by two other tokens − 1 = 1 left, below the token\'s 4');
});

t.test('injected 429 has the Okta shape', async (t) => {
  const s = await start(t);
  s.http.setFaults({ rate429: 1, retryAfterSeconds: 2 });
  const r = await s.get('/api/v1/users');
  t.equal(r.status, 429);
  t.equal(r.body.errorCode, 'E0000047');
  t.equal(r.res.headers.get('x-rate-limit-remaining'), '0');
  const reset = Number(r.res.headers.get('x-rate-limit-reset'));
  t.equal(reset * 1000 - Date.parse(r.res.headers.get('date')!), 2000);
});

t.test('import writes', async (t) => {
  const s = await start(t);
  const created = await s.get('/api/v1/users?activate=false', {
    method: 'POST',
    body: JSON.stringify({ profile: { login: 'new@x.example', email: 'new@x.example', firstName: 'N', lastName: 'Ew' } }),
  });
  t.equal(created.status, 200);
  t.equal(created.body.status, 'STAGED', 'activate=false creates a STAGED user');
  t.match(created.body.id, /^00u[A-Za-z0-9]{17}$/);
  const dup = await s.get('/api/v1/users?activate=false', {
    method: 'POST',
    body: JSON.stringify({ profile: { login: 'NEW@x.example', email: 'x@x.example', firstName: 'N', lastName: 'Ew' } }),
  });
  t.equal(dup.status, 400, 'logins are unique, case-insensitively');

  const updated = await s.get('/api/v1/users/00u00000000000000004', {
    method: 'POST',
    body: JSON.stringify({ profile: { lastName: 'Changed', nickName: 'Nick' } }),
  });
  t.equal(updated.body.profile.lastName, 'Changed');
  t.equal(updated.body.profile.firstName, 'F4', 'partial update keeps other attributes');
  const cleared = await s.get('/api/v1/users/00u00000000000000004', { method: 'POST', body: JSON.stringify({ profile: { nickName: null } }) });
  t.equal(cleared.body.profile.nickName, undefined, 'null clears an attribute');

  const assign = await s.get(`/api/v1/apps/${APP}/users`, {
    method: 'POST',
    body: JSON.stringify({ id: '00u00000000000000007', scope: 'USER', credentials: { userName: 'u7@x.example' } }),
  });
  t.equal(assign.status, 200);
  t.equal(assign.body.scope, 'USER');
  t.ok(s.state.appUsers().some((a) => a.userId === '00u00000000000000007'), 'assigned');
  const deprov = await s.get(`/api/v1/apps/${APP}/users`, { method: 'POST', body: JSON.stringify({ id: '00u00000000000000002', scope: 'USER' }) });
  t.equal(deprov.status, 403, 'a deactivated user cannot be assigned');
  t.equal(deprov.body.errorCode, 'E0000038');
});

t.test('setUserStatus moves statusChanged and app membership', async (t) => {
  const s = await start(t);
  s.advance(5000);
  s.state.setUserStatus('00u00000000000000004', 'DEPROVISIONED');
  const u = await s.get('/api/v1/users/00u00000000000000004');
  t.equal(u.body.status, 'DEPROVISIONED');
  t.equal(u.body.statusChanged, '2026-11-28T10:00:05.000Z');
  const app = await s.get(`/api/v1/apps/${APP}/users?limit=500`);
  t.notOk(app.body.some((a: { id: string }) => a.id === '00u00000000000000004'));
});
