/**
 * The emulated Okta System Log against its contract: Okta's management OpenAPI spec
 * (okta/okta-management-openapi-spec, dist/current/management-minimal.yaml line 18279
 * `/api/v1/logs` listLogEvents: since/until/after/filter/q/limit/sortOrder, limit "Integer between
 * 0 and 1000" default 100, sortOrder default ASCENDING; line 73240 `LogEvent`) and
 * shared/reference/okta-api.md §6 (bounded queries are finite and ordered by `published`; polling
 * queries always have a `next` link; `published` cannot be filtered on; `since` more than 180 days
 * back is a 400; find targets by type). Also: every admin action the sandbox plays is logged, and
 * moves lastUpdated / lastMembershipUpdated (the reconcile safety net filters on them).
 */
import t from 'tap';
import { createOktaApi } from '../../../src/sandbox/okta/api.js';
import { createOktaAdminApi, playAdminAction } from '../../../src/sandbox/okta/admin-api.js';
import { SandboxHttp } from '../../../src/sandbox/http.js';
import type { SeedOkta } from '../../../src/sandbox/seed.js';

const TOKEN = 'sandbox-log-token-123';
const APP = '0oaAPP';
const START = Date.parse('2026-11-28T10:00:00.000Z');

function seed(): SeedOkta {
  const users = ['ada', 'bob', 'cy'].map((n, i) => ({
    id: `00u${String(i + 1).padStart(17, '0')}`,
    status: 'ACTIVE',
    profile: { login: `${n}@x.example`, email: `${n}@x.example`, firstName: n.toUpperCase(), lastName: 'L' },
  }));
  return {
    appId: APP,
    users,
    groups: [
      { id: '00gA', name: 'Dropbox Users', members: [users[0]!.id] },
      { id: '00gB', name: 'dbx-Finance', members: [] },
    ],
    appUserIds: [users[2]!.id],
    appGroupIds: ['00gA'],
  };
}

const ADA = '00u00000000000000001';
const BOB = '00u00000000000000002';
const CY = '00u00000000000000003';

async function start(t: { teardown(fn: () => unknown): void }) {
  let now = START;
  const clock = () => new Date(now);
  const { api, state } = createOktaApi(seed(), { token: TOKEN, clock });
  const http = new SandboxHttp([api, createOktaAdminApi(state, TOKEN)]);
  const base = await http.listen();
  t.teardown(() => http.close());
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(path.startsWith('http') ? path : `${base}${path}`, {
      ...init,
      headers: { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    const text = await res.text();
    return { res, status: res.status, body: text ? JSON.parse(text) : undefined, link: res.headers.get('link') ?? '' };
  };
  return { base, state, request, advance: (ms: number) => void (now += ms) };
}

function nextUrl(link: string): string | null {
  const m = /<([^>]+)>; rel="next"/.exec(link);
  return m ? m[1]! : null;
}

const logs = (q: Record<string, string>) => `/api/v1/logs?${new URLSearchParams(q).toString()}`;
const iso = (ms: number) => new Date(ms).toISOString();

t.test('every admin action is logged with its event type and typed targets, and moves the timestamps', async (t) => {
  const s = await start(t);
  const cases: [string, () => void, string, string[]][] = [
    ['deactivate', () => playAdminAction(s.state, { action: 'deactivate', user: 'ada@x.example' }), 'user.lifecycle.deactivate', ['User']],
    ['reactivate', () => playAdminAction(s.state, { action: 'reactivate', user: ADA }), 'user.lifecycle.reactivate', ['User']],
    ['suspend', () => playAdminAction(s.state, { action: 'suspend', user: BOB }), 'user.lifecycle.suspend', ['User']],
    ['unsuspend', () => playAdminAction(s.state, { action: 'unsuspend', user: BOB }), 'user.lifecycle.unsuspend', ['User']],
    ['assign', () => playAdminAction(s.state, { action: 'assign', user: BOB }), 'application.user_membership.add', ['AppUser', 'AppInstance']],
    ['unassign', () => playAdminAction(s.state, { action: 'unassign', user: CY }), 'application.user_membership.remove', ['AppUser', 'AppInstance']],
    ['add to a group', () => playAdminAction(s.state, { action: 'addToGroup', user: BOB, group: 'dbx-Finance' }), 'group.user_membership.add', ['User', 'UserGroup']],
    ['remove from a group', () => playAdminAction(s.state, { action: 'removeFromGroup', user: ADA, group: '00gA' }), 'group.user_membership.remove', ['User', 'UserGroup']],
    ['assign a group to the app', () => playAdminAction(s.state, { action: 'assignGroup', group: '00gB' }), 'group.application_assignment.add', ['UserGroup', 'AppInstance']],
    ['unassign a group', () => playAdminAction(s.state, { action: 'unassignGroup', group: '00gB' }), 'group.application_assignment.remove', ['UserGroup', 'AppInstance']],
    ['rename a group', () => playAdminAction(s.state, { action: 'renameGroup', group: '00gB', name: 'dbx-Finance EU' }), 'group.profile.update', ['UserGroup']],
    ['change a profile', () => playAdminAction(s.state, { action: 'setProfile', user: CY, profile: { lastName: 'Young' } }), 'user.account.update_profile', ['User']],
  ];
  for (const [name, act, eventType, targetTypes] of cases) {
    s.advance(1000);
    const before = s.state.log.all().length;
    act();
    const added = s.state.log.all().slice(before);
    t.equal(added.length, 1, `${name}: one event`);
    t.match(added[0], { eventType, published: iso(s.state.clock().getTime()) }, `${name}: ${eventType}`);
    t.same(added[0]!.target.map((x) => x.type), targetTypes, `${name}: targets by type`);
  }
  const stamp = iso(s.state.clock().getTime());
  t.equal(s.state.users.get(CY)!.lastUpdated, stamp, 'a profile change moves the user lastUpdated');
  t.equal(s.state.groups.get('00gB')!.lastUpdated, iso(s.state.clock().getTime() - 1000), 'a rename moves the group lastUpdated');
  t.equal(s.state.groups.get('00gA')!.lastMembershipUpdated, iso(START + 8000), 'a membership change moves lastMembershipUpdated');
  t.same(s.state.appGroupIds, ['00gA'], 'the group assignment came and went');
  t.notOk(s.state.directAssignments.has(CY), 'cy unassigned');
  const before = s.state.log.all().length;
  playAdminAction(s.state, { action: 'addToGroup', user: BOB, group: 'dbx-Finance EU' });
  playAdminAction(s.state, { action: 'unassign', user: CY });
  t.equal(s.state.log.all().length, before, 'an action that changes nothing logs nothing');
});

t.test('API writes are logged as the token, not as an admin', async (t) => {
  const s = await start(t);
  const r = await s.request(`/api/v1/apps/${APP}/users`, { method: 'POST', body: JSON.stringify({ id: BOB, scope: 'USER' }) });
  t.equal(r.status, 200);
  t.match(s.state.log.all().at(-1), { eventType: 'application.user_membership.add', actor: { type: 'PublicClientApp' } });
});

t.test('a bounded query: the window [since, until), ordered by published, finite pages; DESCENDING reverses', async (t) => {
  const s = await start(t);
  for (const [i, user] of [ADA, BOB, CY].entries()) {
    s.advance(60_000);
    s.state.setUserStatus(user, i === 1 ? 'SUSPENDED' : 'DEPROVISIONED');
  }
  const window = { since: iso(START + 60_000), until: iso(START + 180_000) };
  const first = await s.request(logs({ ...window, limit: '1' }));
  t.equal(first.status, 200);
  t.same(first.body.map((e: { target: { id: string }[] }) => e.target[0]!.id), [ADA], 'page 1');
  t.match(first.body[0], { uuid: String, published: iso(START + 60_000), eventType: 'user.lifecycle.deactivate', version: '0', severity: 'INFO', outcome: { result: 'SUCCESS' } });
  const second = await s.request(nextUrl(first.link)!);
  t.same(second.body.map((e: { target: { id: string }[] }) => e.target[0]!.id), [BOB], 'page 2');
  t.equal(nextUrl(second.link), null, 'the last page of a bounded query has no next link (the event at `until` is outside)');
  const desc = await s.request(logs({ ...window, sortOrder: 'DESCENDING' }));
  t.same(desc.body.map((e: { eventType: string }) => e.eventType), ['user.lifecycle.suspend', 'user.lifecycle.deactivate']);
});

t.test('a polling query (no until, ASCENDING): every page has a next link that resumes after the last event', async (t) => {
  const s = await start(t);
  s.advance(1000);
  s.state.setUserStatus(ADA, 'DEPROVISIONED');
  const first = await s.request(logs({ since: iso(START) }));
  t.equal(first.body.length, 1);
  const empty = await s.request(nextUrl(first.link)!);
  t.same(empty.body, [], 'nothing new yet');
  const resume = nextUrl(empty.link);
  t.ok(resume, 'an empty page still links to where the next poll resumes (reference §6, G3)');
  s.advance(1000);
  s.state.setUserStatus(BOB, 'SUSPENDED');
  const later = await s.request(resume!);
  t.same(later.body.map((e: { eventType: string }) => e.eventType), ['user.lifecycle.suspend'], 'only the new event, no repeat');
});

t.test('filter: SCIM over event fields, case-sensitive values, a target matches by any of its entries; published is refused', async (t) => {
  const s = await start(t);
  s.advance(1000);
  s.state.addGroupMember('00gB', BOB);
  s.state.setUserStatus(CY, 'DEPROVISIONED');
  s.state.log.record('user.session.start', 'User login to Okta', []);
  const q = (filter: string) => s.request(logs({ since: iso(START), until: iso(START + 5000), filter }));
  t.equal((await q('eventType eq "group.user_membership.add" or eventType eq "user.lifecycle.deactivate"')).body.length, 2);
  t.equal((await q('eventType sw "user.lifecycle."')).body.length, 1, 'sw');
  t.equal((await q('eventType ew ".start"')).body.length, 1, 'ew (supported for logs)');
  t.equal((await q('eventType eq "USER.LIFECYCLE.DEACTIVATE"')).body.length, 0, 'values are case-sensitive');
  t.equal((await q('target.id eq "00gB"')).body.length, 1, 'the group is the second target of the membership event');
  t.match(await q('published gt "2026-11-28T00:00:00.000Z"'), { status: 400, body: { errorCode: 'E0000031' } }, 'published cannot be filtered on');
});

t.test('bad parameters answer 400 E0000001 (a Date.toString() since, 180 days back, limit over 1000, bad sortOrder, bad cursor)', async (t) => {
  const s = await start(t);
  const cases: [string, Record<string, string>][] = [
    ['a Date.toString() since', { since: new Date(START).toString() }],
    ['since more than 180 days back', { since: iso(START - 181 * 86_400_000) }],
    ['limit over 1000', { limit: '1001' }],
    ['a sortOrder Okta does not know', { sortOrder: 'NEWEST' }],
    ['a cursor Okta never gave', { after: 'bm9wZQ' }],
  ];
  for (const [name, q] of cases) t.match(await s.request(logs(q)), { status: 400, body: { errorCode: 'E0000001' } }, name);
  const ok = await s.request(logs({ limit: '1000' }));
  t.equal(ok.status, 200, 'limit 1000 is allowed');
  t.equal(ok.res.headers.get('x-rate-limit-limit'), '60', '/api/v1/logs has its own bucket (reference §4.1: Workforce 120 per minute, 60 for one token)');
});

t.test('the control route plays admin actions on a running sandbox, with the Okta token only', async (t) => {
  const s = await start(t);
  const post = (body: unknown, auth = `SSWS ${TOKEN}`) => s.request('/_sandbox/okta/admin', { method: 'POST', body: JSON.stringify(body), headers: { Authorization: auth } });
  t.equal((await post({ actions: [{ action: 'deactivate', user: 'ada@x.example' }] }, 'SSWS nope')).status, 401, 'a wrong token is refused');
  t.equal(s.state.users.get(ADA)!.status, 'ACTIVE');
  const r = await post({ actions: [{ action: 'deactivate', user: 'ada@x.example' }, { action: 'renameGroup', group: 'dbx-Finance', name: 'dbx-Money' }] });
  t.same(r.body, { done: 2 });
  t.equal(s.state.users.get(ADA)!.status, 'DEPROVISIONED');
  t.equal(s.state.groups.get('00gB')!.name, 'dbx-Money');
  t.match(await post({ actions: [{ action: 'suspend', user: 'ghost@x.example' }] }), { status: 400, body: { error: /action 0: suspend: no Okta user "ghost@x.example"/ } });
  t.match(await post({ actions: [{ action: 'explode' }] }), { status: 400, body: { error: /action must be one of/ } });
  t.match(await post({ nope: true }), { status: 400 });
  t.equal((await s.request('/_sandbox/okta/admin')).status, 405);
});
