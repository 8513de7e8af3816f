/**
 * Looking people up by id must not depend on an eventually consistent search (issue 10 item 2).
 *
 * Okta management OpenAPI (okta-management-openapi-spec dist/2026.06.3 management-minimal.yaml,
 * listUsers, `search` parameter): "The `search` parameter results are sourced from an eventually
 * consistent datasource and may not reflect the latest information" and "Use an ID lookup for
 * records that you update to ensure your results contain the latest data". The old reader looked
 * two or more ids up with one `search=id eq … or …`: a person deactivated a moment ago was missing,
 * then missing again by email, and her Dropbox member looked unmanaged (removed under
 * `unmanagedMembers: remove`). The sandbox now serves `search` from a lagging index
 * (OktaSandbox.searchLagMs); GET /users/{id} always sees the latest write.
 */
import t from 'tap';
import { readOktaState } from '../../src/okta/reader.js';
import type { SeedOkta } from '../../src/sandbox/seed.js';
import { desired, generatedOrg, startOkta, TOKEN, user, userId } from './fixtures.js';

/** The fixture clock starts at 2026-11-28T12:00:00Z: ten seconds before is "just updated". */
const JUST_NOW = '2026-11-28T11:59:50.000Z';
const LAG_MS = 60_000;

function orgWithFreshLeavers(): SeedOkta {
  const seed = generatedOrg(10, 10);
  const fresh = [201, 202, 203].map((n) => user(n, { status: 'DEPROVISIONED', statusChanged: JUST_NOW, lastUpdated: JUST_NOW }));
  return { ...seed, users: [...seed.users, ...fresh] };
}

async function get(url: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${path}`, { headers: { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json' } });
  return { status: res.status, body: await res.json() };
}

t.test('the sandbox: a just-updated user is missing from search for a while; GET /users/{id} sees her at once', async (t) => {
  const h = await startOkta(orgWithFreshLeavers());
  t.teardown(() => h.close());
  h.state.searchLagMs = LAG_MS;
  const search = `/api/v1/users?search=${encodeURIComponent(`id eq "${userId(201)}"`)}`;
  t.same((await get(h.url, search)).body, [], 'search does not see the write yet');
  t.match(await get(h.url, `/api/v1/users/${userId(201)}`), { status: 200, body: { id: userId(201), status: 'DEPROVISIONED' } }, 'the id lookup does');
  t.match(await get(h.url, `/api/v1/users/${userId(999)}`), { status: 404, body: { errorCode: 'E0000007' } }, 'an unknown id is 404');
  const older = `/api/v1/users?search=${encodeURIComponent(`id eq "${userId(2)}"`)}`;
  t.equal(((await get(h.url, older)).body as unknown[]).length, 1, 'an older user is searchable');
  await h.clock.sleep(LAG_MS);
  t.equal(((await get(h.url, search)).body as unknown[]).length, 1, 'after the lag, search sees her too');
});

t.test('Dropbox members whose Okta users were just deactivated are found by id lookups, not missed by search', async (t) => {
  const h = await startOkta(orgWithFreshLeavers());
  t.teardown(() => h.close());
  h.state.searchLagMs = LAG_MS;
  const dropboxMembers = [201, 202, 203].map((n) => ({ email: `user${n}@acme-robotics.example`, externalId: userId(n) }));
  const state = await readOktaState(h.client, desired(), { dropboxMembers });
  for (const n of [201, 202, 203]) t.equal(state.users.find((u) => u.id === userId(n))?.status, 'DEPROVISIONED', `user ${n} found, DEPROVISIONED`);
  t.equal(state.calls['GET /api/v1/users/{id}'], 3, 'one id lookup each');
  t.equal(state.calls['GET /api/v1/users'], undefined, 'no search by id');
});

t.test('an id that is really gone (404) falls back to the email; a user unknown both ways stays unknown', async (t) => {
  const h = await startOkta(orgWithFreshLeavers());
  t.teardown(() => h.close());
  const dropboxMembers = [
    { email: 'user202@acme-robotics.example', externalId: '00uGONE0000000000001' },
    { email: 'nobody@acme-robotics.example', externalId: '00uGONE0000000000002' },
  ];
  const state = await readOktaState(h.client, desired(), { dropboxMembers });
  t.equal(state.users.find((u) => u.email === 'user202@acme-robotics.example')?.id, userId(202), 'found by email after the 404');
  t.equal(state.calls['GET /api/v1/users/{id}'], 2);
  t.equal(state.calls['GET /api/v1/users'], 1, 'both emails in one search');
});

t.test('app users on pages without _embedded.user (G2) who were just updated are still read', async (t) => {
  const seed = generatedOrg(1200, 5);
  seed.users = seed.users.map((u, i) => (i >= 600 && i < 620 ? { ...u, lastUpdated: JUST_NOW } : u));
  const h = await startOkta(seed, { rateLimits: { apps: 1000 } });
  t.teardown(() => h.close());
  h.state.searchLagMs = LAG_MS;
  h.state.quirks.dropExpandOnNextLink = true;
  const state = await readOktaState(h.client, desired(), { dropboxMembers: [] });
  t.equal(state.users.length, 1200, 'every app user read');
  const ids = new Set(state.users.map((u) => u.id));
  t.ok(seed.users.slice(600, 620).every((u) => ids.has(u.id)), 'the just-updated ones too');
});

// Issue 10 item 16: a manager reference by login resolved the same way in a batch as alone. A
// reference without an @ is looked up with GET /users/{idOrLogin}, which takes an id or a login
// (management OpenAPI, getUser: "When fetching a user by `login` or `login shortname`, URL encode
// the request parameter"); the old batch searched `id eq "boss92"` and found nobody.
t.test('managers named by a login without an @: found in a batch as alone', async (t) => {
  const boss = (n: number) => ({ ...user(n), profile: { ...user(n).profile, login: `boss${n}`, email: `boss${n}@mail.example` } });
  const org = (managers: number[]): SeedOkta => ({
    appId: generatedOrg(1).appId,
    users: [...managers.map((m, i) => user(i + 1, { manager: `boss${m}` })), ...managers.map(boss)],
    groups: [],
    appUserIds: managers.map((_, i) => userId(i + 1)),
    appGroupIds: [],
  });
  for (const [name, managers] of [
    ['alone', [92]],
    ['in a batch', [92, 93, 94]],
  ] as const) {
    const h = await startOkta(org([...managers]));
    t.teardown(() => h.close());
    const state = await readOktaState(h.client, desired(), { dropboxMembers: [] });
    const logins = new Set(state.users.map((u) => u.login));
    t.ok(managers.every((m) => logins.has(`boss${m}`)), `${name}: every manager found by login`);
  }
});
