/**
 * readOktaState through the real SDK over HTTP against the sandbox: what it reads, and how many
 * calls it takes to read it.
 */
import t from 'tap';
import type { SeedOkta } from '../../src/sandbox/seed.js';
import { OKTA_PAGE_SIZES, readOktaState, targetGroupIds } from '../../src/okta/reader.js';
import { analyze } from '../../src/plan/analyze.js';
import { APP_ID, desired, generatedOrg, push, startOkta, user, userId } from './fixtures.js';

const SRC = { file: 'test.yaml', line: 1, col: 1 };
const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

t.test('a 2 345-user org: every app user, with the fewest calls per endpoint', async (t) => {
  const n = 2345;
  const h = await startOkta(generatedOrg(n, 40), { rateLimits: { apps: 1000 } });
  t.teardown(() => h.close());
  const state = await readOktaState(h.client, desired({ groupPushes: [push('Engineering')] }), { dropboxMembers: [] });
  t.equal(state.assignments.length, n, 'every app user');
  t.equal(state.users.length, n, 'every user once');
  t.equal(state.assignments.filter((a) => a.scope === 'USER').length, 40, 'direct assignments are USER');
  t.same(state.appGroupIds, ['00gAll000000000000001']);
  const eng = state.groups.find((g) => g.name === 'Engineering')!;
  t.equal(eng.memberIds!.length, Math.ceil(n / 3), 'pushed group members read');
  t.equal(state.groups.find((g) => g.name === 'Dropbox Users')!.memberIds, null, 'groups nobody names are not read');
  t.same(
    state.calls,
    {
      'GET /api/v1/apps/{id}/users': pages(n, OKTA_PAGE_SIZES.appUsers),
      'GET /api/v1/apps/{id}/groups': 1,
      'GET /api/v1/groups': 1,
      'GET /api/v1/groups/{id}/users': pages(Math.ceil(n / 3), OKTA_PAGE_SIZES.groupMembers),
    },
    'one call per page of the largest legal size',
  );
  const u = state.users.find((x) => x.id === userId(7))!;
  t.equal(u.email, 'user7@acme-robotics.example', 'emails lower-cased');
  t.equal(u.login, 'user7@acme-robotics.example');
  t.equal(u.created, '2025-01-01T00:00:00.000Z', 'timestamps as ISO strings');
  t.equal(u.profile['firstName'], 'First7');
  t.notOk(Object.values(u.profile).includes(undefined), 'no undefined profile keys');
  const ids = state.users.map((x) => x.id);
  t.same(ids, [...ids].sort(), 'users sorted by id');
});

t.test('pages without _embedded.user (OKTA-1230324) are completed by id lookups', async (t) => {
  const n = 1700;
  const seed = generatedOrg(n, 5);
  const clean = await startOkta(seed, { rateLimits: { apps: 1000 } });
  t.teardown(() => clean.close());
  const expected = await readOktaState(clean.client, desired(), { dropboxMembers: [] });

  const h = await startOkta(seed, { rateLimits: { apps: 1000 } });
  t.teardown(() => h.close());
  h.state.quirks.dropExpandOnNextLink = true;
  const state = await readOktaState(h.client, desired(), { dropboxMembers: [] });
  t.same(state.users, expected.users, 'the same users as with embedding');
  t.same(state.assignments, expected.assignments);
  const missing = n - OKTA_PAGE_SIZES.appUsers;
  t.equal(state.calls['GET /api/v1/users/{id}'], missing, `one id lookup per user a page left out (${missing})`);
  t.equal(state.calls['GET /api/v1/users'], undefined, 'no eventually consistent search');
});

function leaverOrg(): SeedOkta {
  const users = [
    user(1, { manager: userId(90) }), // app user whose manager is not assigned
    user(2, { manager: 'user91@acme-robotics.example' }), // manager by login
    user(3, { manager: 'Boss92@Mail.example' }), // manager by email
    user(4, { manager: userId(1) }), // manager already read
    user(5, { status: 'DEPROVISIONED', statusChanged: '2026-11-20T09:30:00.000Z', manager: userId(93) }),
    user(6, { status: 'DEPROVISIONED' }),
    user(7, { status: 'SUSPENDED' }),
    user(8),
    user(90, { manager: userId(95) }),
    user(91),
    { ...user(92), profile: { ...user(92).profile, login: 'boss92', email: 'boss92@mail.example' } },
    user(93),
    user(95),
  ];
  return {
    appId: APP_ID,
    users,
    groups: [{ id: '00gAssigned0000000001', name: 'Dropbox Users', members: [userId(2), userId(3), userId(5), userId(7)] }],
    appUserIds: [userId(1), userId(4), userId(6)],
    appGroupIds: ['00gAssigned0000000001'],
  };
}

t.test('Dropbox members who are not app users: found by external id, else email — DEPROVISIONED included', async (t) => {
  const h = await startOkta(leaverOrg());
  t.teardown(() => h.close());
  const dropboxMembers = [
    { email: 'user1@acme-robotics.example', externalId: userId(1) }, // app user: no lookup
    { email: 'someone-else@acme-robotics.example', externalId: userId(5) }, // deactivated, by external id
    { email: 'USER6@acme-robotics.example', externalId: null }, // deactivated, by email
    { email: 'user8@acme-robotics.example', externalId: '00uDELETED00000000000' }, // external id gone: email fallback
    { email: 'stranger@elsewhere.example', externalId: null }, // unknown to Okta
  ];
  const state = await readOktaState(h.client, desired(), { dropboxMembers });
  const byId = new Map(state.users.map((u) => [u.id, u]));
  t.equal(byId.get(userId(5))?.status, 'DEPROVISIONED', 'deactivated user found by external id');
  t.equal(byId.get(userId(5))?.statusChanged, '2026-11-20T09:30:00.000Z', 'with its statusChanged');
  t.equal(byId.get(userId(6))?.status, 'DEPROVISIONED', 'deactivated user found by email');
  t.equal(byId.get(userId(8))?.status, 'ACTIVE', 'unassigned user found by email after the external id missed');
  t.equal(byId.get(userId(7))?.status, 'SUSPENDED', 'suspended users stay app users');
  t.ok(state.assignments.some((a) => a.userId === userId(7)));
  t.notOk(state.assignments.some((a) => a.userId === userId(5) || a.userId === userId(6)), 'deactivated users are not app users');
  t.equal(byId.get(userId(93))?.id, userId(93), 'the manager of a deactivated Dropbox member is read');
});

t.test('managers through managerAttribute: by id, login or email; not their own managers', async (t) => {
  const h = await startOkta(leaverOrg());
  t.teardown(() => h.close());
  const state = await readOktaState(h.client, desired(), { dropboxMembers: [] });
  const ids = new Set(state.users.map((u) => u.id));
  const cases: [string, string, boolean][] = [
    ['manager named by Okta id', userId(90), true],
    ['manager named by login', userId(91), true],
    ['manager named by email, case-insensitively', userId(92), true],
    ["a manager's manager is not chased", userId(95), false],
  ];
  for (const [name, id, present] of cases) t.equal(ids.has(id), present, name);
  t.equal(state.calls['GET /api/v1/users'], 1, 'managers by login or email: all in one search');
  t.equal(state.calls['GET /api/v1/users/{id}'], 1, 'the manager by id: an id lookup');
});

t.test('a single missing user is fetched by id', async (t) => {
  const seed = leaverOrg();
  seed.users = seed.users.map((u) => ({ ...u, profile: { ...u.profile, managerId: undefined } }));
  const h = await startOkta(seed);
  t.teardown(() => h.close());
  const state = await readOktaState(h.client, desired(), { dropboxMembers: [{ email: 'x@y.example', externalId: userId(5) }] });
  t.equal(state.users.find((u) => u.id === userId(5))?.status, 'DEPROVISIONED');
  t.equal(state.calls['GET /api/v1/users/{id}'], 1);
  t.equal(state.calls['GET /api/v1/users'], undefined);
});

t.test('which groups are read', async (t) => {
  const groups = [
    { id: '00gEng', name: 'Engineering' },
    { id: '00gFin', name: 'dbx-Finance' },
    { id: '00gMkt', name: 'dbx-Marketing' },
    { id: '00gAdm', name: 'Dropbox Admins' },
    { id: '00gHold', name: 'Legal Hold' },
    { id: '00gOther', name: 'Other' },
    { id: '00gDup1', name: 'Twin' },
    { id: '00gDup2', name: 'Twin' },
  ];
  const cases: [string, Parameters<typeof desired>[0], string[]][] = [
    ['a push by name', { groupPushes: [push('Engineering')] }, ['00gEng']],
    ['a push by id', { groupPushes: [push('00gOther')] }, ['00gOther']],
    ['a push by pattern', { groupPushes: [push(null, '^dbx-')] }, ['00gFin', '00gMkt']],
    ['role groups', { roles: [{ role: 'team_admin', oktaGroups: ['Dropbox Admins'], users: [], source: SRC }] }, ['00gAdm']],
    ['offboarding overrides', { overrides: [{ oktaGroup: 'Legal Hold', action: 'suspend', source: SRC }] }, ['00gHold']],
    ['a name two groups share: both', { groupPushes: [push('Twin')] }, ['00gDup1', '00gDup2']],
    ['an unknown name: nothing', { groupPushes: [push('Nope')] }, []],
  ];
  for (const [name, parts, expected] of cases) t.same([...targetGroupIds(desired(parts), groups)].sort(), expected.sort(), name);
});

t.test('rate limits: paces within the budget share instead of hitting 429', async (t) => {
  const n = 2400;
  const h = await startOkta(generatedOrg(n, 5), { rateLimits: { apps: 4 } });
  t.teardown(() => h.close());
  const events: number[] = [];
  const state = await readOktaState(h.client, desired(), { dropboxMembers: [], budgetShare: 0.5, onProgress: (p) => events.push(p.calls) });
  t.equal(state.assignments.length, n);
  t.equal(h.http.log.filter((e) => e.status === 429).length, 0, 'no 429 from the sandbox');
  const appsCalls = pages(n, OKTA_PAGE_SIZES.appUsers) + 1;
  t.equal(h.state.counters()['apps'], appsCalls, 'no extra calls');
  // 2 calls per 60 s window (half of 4): 6 calls need 3 windows, so at least two waits of a window.
  t.ok(h.clock.slept() >= 2 * 60_000, `paused for the window to reset (${h.clock.slept()} ms)`);
  t.ok(h.client.budget.pausedMs >= 2 * 60_000);
  t.ok(events.length > 0, 'progress reported');
});

t.test('another client using the bucket: backs off earlier', async (t) => {
  const h = await startOkta(generatedOrg(600, 5), { rateLimits: { apps: 10 } });
  t.teardown(() => h.close());
  // Two other credentials used 8 of the org's 10: this token's ceiling is 5, but only 2 are left.
  for (let i = 0; i < 8; i++) h.state.limiter.take('apps', `SSWS another-token-${i % 2}`);
  await readOktaState(h.client, desired(), { dropboxMembers: [] });
  t.equal(h.http.log.filter((e) => e.status === 429).length, 0);
  t.ok(h.clock.slept() >= 60_000, 'waited for the next window: the remaining count the headers report runs out first');
});

t.test('faults: 429 (SDK), 500/503 and dropped connections (ours) lose nothing', async (t) => {
  const seed = generatedOrg(1500, 20);
  const clean = await startOkta(seed, { rateLimits: { apps: 1000 } });
  t.teardown(() => clean.close());
  const d = desired({ groupPushes: [push('Engineering')] });
  const members = [{ email: 'nobody@x.example', externalId: null }];
  const expected = await readOktaState(clean.client, d, { dropboxMembers: members });

  const h = await startOkta(seed, {
    rateLimits: { apps: 1000 },
    http: { faults: { seed: 7, rate429: 0.15, rate500: 0.1, rate503: 0.1, rateDrop: 0.1, retryAfterSeconds: 1 } },
  });
  t.teardown(() => h.close());
  const state = await readOktaState(h.client, d, { dropboxMembers: members });
  t.same(state.users, expected.users);
  t.same(state.assignments, expected.assignments);
  t.same(state.groups, expected.groups);
  const faults = new Set(h.http.log.map((e) => e.fault).filter(Boolean));
  t.same([...faults].sort(), ['429', '500', '503', 'drop'], 'every fault kind happened');
});

t.test('never more requests in flight than the concurrency', async (t) => {
  const seed = generatedOrg(3000, 5);
  for (let i = 0; i < 12; i++) seed.groups.push({ id: `00gP${String(i).padStart(17, '0')}`, name: `dbx-${i}`, members: seed.users.slice(i * 100, i * 100 + 1500).map((u) => u.id) });
  const h = await startOkta(seed, { rateLimits: { apps: 1000 }, http: { latencyMs: 5 } });
  t.teardown(() => h.close());
  let inflight = 0;
  let max = 0;
  h.client.executor.on('request', () => (max = Math.max(max, ++inflight)));
  h.client.executor.on('response', () => inflight--);
  const state = await readOktaState(h.client, desired({ groupPushes: [push(null, '^dbx-')] }), { dropboxMembers: [], concurrency: 2 });
  t.equal(state.groups.filter((g) => g.memberIds !== null).length, 12);
  t.ok(max <= 2, `at most 2 in flight (saw ${max})`);
  t.ok(max === 2, 'and the lanes were used');
});

t.test('a failure stops the read with a RemoteError', async (t) => {
  const h = await startOkta(generatedOrg(50, 5));
  t.teardown(() => h.close());
  const err = await readOktaState(h.client, { ...desired(), okta: { appId: '0oaWRONG', source: SRC } }, { dropboxMembers: [] }).then(
    () => null,
    (e: unknown) => e,
  );
  t.match(err, { name: 'RemoteError', service: 'okta', status: 404, code: 'E0000007' });
});

// okta-api.md §1.4, AppUserStatus (Okta management OpenAPI, AppUser.status): ACTIVE, APPROVED,
// DEPROVISIONED, IMPLICIT, IMPORTED, INACTIVE, MATCHED, PENDING, PROVISIONED, REVOKED, STAGED,
// SUSPENDED, UNASSIGNED. REVOKED = unassigned awaiting the deprovision acknowledgement; INACTIVE =
// disabled; DEPROVISIONED = removed downstream; UNASSIGNED = import side. Only `scope` was read, so
// these counted as assigned and a revoked person kept Dropbox.
for (const [status, assigned] of [
  ['PROVISIONED', true],
  ['ACTIVE', true],
  ['REVOKED', false],
  ['INACTIVE', false],
  ['DEPROVISIONED', false],
  ['UNASSIGNED', false],
] as const) {
  t.test(`an app user with status ${status} ${assigned ? 'is' : 'is not'} assigned; the person stays known to Okta`, async (t) => {
    const h = await startOkta(generatedOrg(5, 5));
    t.teardown(() => h.close());
    h.state.appUserStatuses.set(userId(2), status);
    const state = await readOktaState(h.client, desired(), { dropboxMembers: [] });
    t.equal(state.assignments.some((a) => a.userId === userId(2)), assigned);
    t.ok(state.users.some((u) => u.id === userId(2)), 'still read as an Okta user (unassigned, not unmanaged)');
    t.equal(state.assignments.length, assigned ? 5 : 4);
  });
}

t.test('a page that times out is asked again with a smaller limit; limit is always sent, below the maxima', async (t) => {
  // okta-mgmt.yaml listGroups `limit` (:12866): "Okta recommends using a specific value other than
  // the default or maximum. If your request times out, retry your request with a smaller `limit`";
  // listGroupUsers (:13962): "The default user limit ... will change ... The recommended page limit
  // is now `limit=200`" — so the member listing names its limit too.
  const seed = generatedOrg(1200, 20);
  for (let i = 0; i < 700; i++) seed.groups.push({ id: `00gQ${String(i).padStart(17, '0')}`, name: `team-${i}`, members: [] });
  const d = desired({ groupPushes: [push('Engineering')] });
  const members = [{ email: 'nobody@x.example', externalId: null }];
  const clean = await startOkta(seed, { rateLimits: { apps: 1000 } });
  t.teardown(() => clean.close());
  const expected = await readOktaState(clean.client, d, { dropboxMembers: members });

  const h = await startOkta(seed, { rateLimits: { apps: 1000 } });
  t.teardown(() => h.close());
  h.state.pageTimeoutAbove = 300;
  const urls: URL[] = [];
  h.client.executor.on('request', (req: { url: string }) => void urls.push(new URL(req.url)));
  const state = await readOktaState(h.client, d, { dropboxMembers: members });
  t.same(state.groups, expected.groups, 'the same groups');
  t.same(state.assignments, expected.assignments, 'the same app users');
  t.same(state.users, expected.users);

  const limits = (pathname: RegExp) => urls.filter((u) => pathname.test(u.pathname)).map((u) => u.searchParams.get('limit'));
  t.same(limits(/^\/api\/v1\/groups$/).slice(0, 5), ['1000', '1000', '500', '500', '250'], 'groups: 1000 (not the 10 000 maximum), once again as is, then halved');
  t.ok(limits(/^\/api\/v1\/groups$/).slice(4).every((l) => l === '250'), 'the following pages keep the smaller limit');
  t.same(limits(/^\/api\/v1\/apps\/[^/]+\/users$/).slice(0, 3), ['500', '500', '250'], 'app users shrink the same way');
  t.same(limits(/^\/api\/v1\/groups\/[^/]+\/users$/).slice(0, 5), ['1000', '1000', '500', '500', '250'], 'group members: an explicit limit, shrunk');
  t.ok(urls.every((u) => !/\/(groups|users)$/.test(u.pathname) || u.searchParams.has('limit') || /^\/api\/v1\/users\/[^/]+$/.test(u.pathname)), 'every listing names its limit');
});

t.test("the token's share of a bucket is used as the headers report it, not halved again", async (t) => {
  // reference/okta-api.md §4.1: each API token may use 50 % of a bucket by default and
  // X-Rate-Limit-Limit is the ceiling applicable to this request, i.e. already the token's half.
  // An org bucket of 20 /apps calls a minute is 10 for this token: a read of 8 /apps calls fits one
  // window (halving the 10 again would leave 5 and wait for a second window).
  const h = await startOkta(generatedOrg(3400, 3400), { rateLimits: { apps: 20 } });
  t.teardown(() => h.close());
  const state = await readOktaState(h.client, desired(), { dropboxMembers: [] });
  t.equal(state.assignments.length, 3400);
  const appsCalls = h.http.log.filter((e) => e.path.startsWith('/api/v1/apps')).length;
  t.equal(appsCalls, 8, '7 app-user pages and the app groups');
  t.equal(h.http.log.filter((e) => e.status === 429).length, 0, 'never over the token ceiling');
  t.equal(h.client.budget.pausedMs, 0, 'no wait for a window: the 10 the headers report are used');
});

t.test("Okta's concurrency limit: requests over it get a 429 whose headers read 0; the read waits them out and loses nothing", async (t) => {
  // reference/okta-api.md §4.1: "Concurrency limit (simultaneous in-flight requests, separate from
  // per-minute): 75 for Workforce ...; on violation the first two headers read 0 and Reset is only an estimate".
  const seed = generatedOrg(3000, 5);
  for (let i = 0; i < 12; i++) seed.groups.push({ id: `00gP${String(i).padStart(17, '0')}`, name: `dbx-${i}`, members: seed.users.slice(i * 100, i * 100 + 1500).map((u) => u.id) });
  const d = desired({ groupPushes: [push(null, '^dbx-')] });
  const clean = await startOkta(seed, { rateLimits: { apps: 1000 } });
  t.teardown(() => clean.close());
  const expected = await readOktaState(clean.client, d, { dropboxMembers: [] });
  // 40 ms per answer: the client and the sandbox share this process, so on a loaded machine a 5 ms
  // answer could finish before its neighbour's request was even parsed, and nothing would overlap.
  const h = await startOkta(seed, { rateLimits: { apps: 1000 }, http: { latencyMs: 40 } });
  t.teardown(() => h.close());
  h.state.concurrencyLimit = 6;
  const state = await readOktaState(h.client, d, { dropboxMembers: [], concurrency: 8 });
  t.same(state.groups, expected.groups, 'the same state is read');
  t.same(state.users, expected.users);
  const refused = h.http.log.filter((e) => e.fault === 'concurrency').length;
  t.ok(refused > 0, `requests over the concurrency limit were refused (${refused})`);
  t.ok((h.client.budget.snapshot('groups')?.limit ?? 0) > 0, 'the groups bucket ends with its per-minute limit, not the 0 of a concurrency 429');
});

t.test('two app groups: their members are read, so each reason names the group that assigns the person', async (t) => {
  // An app user's scope says USER (direct) or GROUP (okta-mgmt.yaml:62218-62224, AppUser.scope); the
  // app's groups come from listApplicationGroupAssignments (okta-mgmt.yaml:4236, GET /apps/{appId}/groups):
  // a GROUP-scoped person is assigned by those of them they are in.
  const users = [user(1), user(2), user(3), user(4)];
  const seed: SeedOkta = {
    appId: APP_ID,
    users,
    groups: [
      { id: '00gContractors0000001', name: 'Contractors', members: [userId(1), userId(3)] },
      { id: '00gDropboxUsers000002', name: 'Dropbox Users', members: [userId(2), userId(3)] },
      { id: '00gEng000000000000003', name: 'Engineering', members: [userId(4)] },
    ],
    appUserIds: [userId(4)],
    appGroupIds: ['00gContractors0000001', '00gDropboxUsers000002'],
  };
  const h = await startOkta(seed);
  t.teardown(() => h.close());
  const okta = await readOktaState(h.client, desired(), { dropboxMembers: [] });
  const scope = new Map(okta.assignments.map((a) => [a.userId, a.scope]));
  t.same([scope.get(userId(1)), scope.get(userId(3)), scope.get(userId(4))], ['GROUP', 'GROUP', 'USER'], 'the sandbox answers scope as Okta does');
  const members = (name: string) => okta.groups.find((g) => g.name === name)?.memberIds;
  t.same(members('Contractors'), [userId(1), userId(3)], 'the members of each app group are read');
  t.same(members('Dropbox Users'), [userId(2), userId(3)]);
  t.equal(members('Engineering'), null, 'a group that neither assigns the app nor is named is not read');
  t.equal(okta.calls['GET /api/v1/groups/{id}/users'], 2, 'one call per app group');

  const { calls: _calls, ...oktaState } = okta;
  const plan = analyze({
    desired: desired(),
    okta: oktaState,
    dropbox: { teamName: 'Acme', members: [], groups: [], authenticatedAdminId: null },
    now: '2026-12-01T00:00:00.000Z',
    toolVersion: 'test',
  }).plan;
  const reason = (n: number): string => plan.actions.find((a) => a.kind === 'member.add' && a.member.oktaUserId === userId(n))?.reason ?? '';
  t.match(reason(1), /^assigned via Okta group Contractors \(/);
  t.match(reason(2), /^assigned via Okta group Dropbox Users \(/);
  t.match(reason(3), /^assigned via Okta groups Contractors and Dropbox Users \(/);
  t.match(reason(4), /^assigned directly to the app \(/);
});

t.test('one app group nobody names: its members are not read, the reason still names it', async (t) => {
  const h = await startOkta(generatedOrg(30, 5));
  t.teardown(() => h.close());
  const okta = await readOktaState(h.client, desired(), { dropboxMembers: [] });
  t.equal(okta.calls['GET /api/v1/groups/{id}/users'], undefined, 'no member read');
  const { calls: _calls, ...oktaState } = okta;
  const plan = analyze({ desired: desired(), okta: oktaState, dropbox: { teamName: 'Acme', members: [], groups: [], authenticatedAdminId: null }, now: '2026-12-01T00:00:00.000Z', toolVersion: 'test' }).plan;
  const added = plan.actions.filter((a) => a.kind === 'member.add' && a.member.oktaUserId === userId(20));
  t.match(added[0]?.reason, /^assigned via Okta group Dropbox Users \(/);
});
