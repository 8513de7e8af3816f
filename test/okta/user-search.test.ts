/**
 * Looking Okta users up by email must never miss someone because of letter case (issue 10 item 1).
 *
 * Okta Management API reference, "Filter": "Filtering is case-sensitive for property names and
 * query values"; "Search": values are case-insensitive, and "an overly complex or long search query
 * can result in an error" (400 E0000031). The old reader answered a 400 on `search` by switching every
 * later lookup to `filter` with lower-cased values: User7@Acme-Robotics.example in Okta was then not
 * found, her Dropbox member looked unmanaged, and under `unmanagedMembers: remove` was removed.
 */
import t from 'tap';
import { readOktaState } from '../../src/okta/reader.js';
import { createOktaClient } from '../../src/okta/client.js';
import { createOktaApi } from '../../src/sandbox/okta/api.js';
import { SandboxHttp } from '../../src/sandbox/http.js';
import { desired, fakeClock, generatedOrg, startOkta, TOKEN, user } from './fixtures.js';
import type { SeedOkta } from '../../src/sandbox/seed.js';

/** An org whose leavers (DEPROVISIONED, not app users) have capitals in their Okta emails. */
function orgWithLeavers(n: number): SeedOkta {
  const seed = generatedOrg(20);
  const leavers = Array.from({ length: n }, (_, i) => user(1000 + i, { status: 'DEPROVISIONED', statusChanged: '2026-11-20T00:00:00.000Z' }));
  return { ...seed, users: [...seed.users, ...leavers] };
}

/** Dropbox members known only by their lower-cased email (no external id): found by a batched search. */
function membersOf(seed: SeedOkta): { email: string; externalId: string | null }[] {
  return seed.users.filter((u) => u.status === 'DEPROVISIONED').map((u) => ({ email: String(u.profile['email']).toLowerCase(), externalId: null }));
}

async function get(url: string, query: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/api/v1/users?${query}`, { headers: { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json' } });
  return { status: res.status, body: await res.json() };
}

t.test('the sandbox: filter values are case-sensitive, search values are not, an overlong query answers 400', async (t) => {
  const h = await startOkta(orgWithLeavers(1), { maxQueryTerms: 3 });
  t.teardown(() => h.close());
  const lower = encodeURIComponent('profile.email eq "user1000@acme-robotics.example"');
  const exact = encodeURIComponent('profile.email eq "User1000@Acme-Robotics.example"');
  t.same((await get(h.url, `filter=${lower}`)).body, [], 'filter with other letter case finds nobody');
  t.equal(((await get(h.url, `filter=${exact}`)).body as unknown[]).length, 1, 'filter with the exact case finds her');
  t.equal(((await get(h.url, `search=${lower}`)).body as unknown[]).length, 1, 'search ignores case');
  const four = encodeURIComponent(['a', 'b', 'c', 'd'].map((x) => `profile.email eq "${x}@acme-robotics.example"`).join(' or '));
  t.match(await get(h.url, `search=${four}`), { status: 400, body: { errorCode: 'E0000031' } }, 'too many terms: 400');
});

t.test('an org that refuses long searches: smaller searches find every leaver, whatever the case of her email', async (t) => {
  const seed = orgWithLeavers(12);
  const clock = fakeClock();
  const { api } = createOktaApi(seed, { token: TOKEN, clock: clock.date, maxQueryTerms: 4 });
  const requests: string[] = [];
  const recording = { ...api, handle: (req: Parameters<typeof api.handle>[0]) => (requests.push(`${req.path}?${req.query.toString()}`), api.handle(req)) };
  const http = new SandboxHttp([recording]);
  const url = await http.listen();
  t.teardown(() => http.close());
  const client = createOktaClient({ orgUrl: url, apiToken: TOKEN }, { sleep: clock.sleep, now: clock.now });
  const state = await readOktaState(client, desired(), { dropboxMembers: membersOf(seed) });
  const found = state.users.filter((u) => u.status === 'DEPROVISIONED').map((u) => u.email).sort();
  t.equal(found.length, 12, 'all 12 leavers found');
  t.ok(found.includes('user1000@acme-robotics.example'));
  t.notOk(requests.some((r) => r.startsWith('/api/v1/users?') && r.includes('filter=')), 'never asked with a case-sensitive filter');
});

t.test('an org that refuses every user search: the read fails with one line, no plan from a partial answer', async (t) => {
  const seed = orgWithLeavers(3);
  const h = await startOkta(seed, { maxQueryTerms: 0 });
  t.teardown(() => h.close());
  const err = await readOktaState(h.client, desired(), { dropboxMembers: membersOf(seed) }).then(
    () => null,
    (e: unknown) => e as Error,
  );
  t.ok(err, 'the read rejects');
  t.match(err?.message, /400.*GET \/api\/v1\/users|GET \/api\/v1\/users.*400/);
  t.notOk(err?.message.includes('\n'), 'one line');
});
