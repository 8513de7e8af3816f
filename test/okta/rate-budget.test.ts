import t from 'tap';
import { oktaBucket, oktaRoute, RateBudget } from '../../src/okta/rate-budget.js';
import { fakeClock } from './fixtures.js';

function headers(limit: number, remaining: number, resetEpoch: number, dateMs: number) {
  const h = new Map<string, string>([
    ['x-rate-limit-limit', String(limit)],
    ['x-rate-limit-remaining', String(remaining)],
    ['x-rate-limit-reset', String(resetEpoch)],
    ['date', new Date(dateMs).toUTCString()],
  ]);
  return { get: (name: string) => h.get(name) ?? null };
}

t.test('buckets and routes', async (t) => {
  const cases: [string, string, string, string][] = [
    ['app users', 'GET', 'https://o.example/api/v1/apps/0oa1/users?limit=500', 'apps'],
    ['app groups share the apps bucket', 'GET', 'https://o.example/api/v1/apps/0oa1/groups', 'apps'],
    ['group list', 'GET', 'https://o.example/api/v1/groups?limit=10000', 'groups'],
    ['group members count as /groups', 'GET', 'https://o.example/api/v1/groups/00g1/users', 'groups'],
    ['one group', 'GET', 'https://o.example/api/v1/groups/00g1', 'groups/{id}'],
    ['user list', 'GET', 'https://o.example/api/v1/users?filter=x', 'users'],
    ['one user', 'GET', 'https://o.example/api/v1/users/00u1', 'users/{id}'],
    ['a user write', 'POST', 'https://o.example/api/v1/users/00u1', 'users/{id} write'],
    ['the System Log has its own bucket', 'GET', 'https://o.example/api/v1/logs?since=x', 'logs'],
    ["a user's groups count as other", 'GET', 'https://o.example/api/v1/users/00u1/groups', 'other'],
  ];
  for (const [name, method, url, bucket] of cases) t.equal(oktaBucket(method, url), bucket, name);
  t.equal(oktaRoute('get', 'https://o.example/api/v1/apps/0oa1/users?after=x'), 'GET /api/v1/apps/{id}/users');
  t.equal(oktaRoute('GET', 'https://o.example/api/v1/groups/00g1/users'), 'GET /api/v1/groups/{id}/users');
});

t.test('keeps the bucket above its reserve, then waits for the reset', async (t) => {
  const clock = fakeClock(Date.parse('2026-11-28T12:00:00.000Z'));
  const budget = new RateBudget({ share: 0.5, concurrency: 10, now: clock.now, sleep: clock.sleep });
  const start = clock.now();
  const reset = Math.floor(start / 1000) + 60;
  await budget.acquire('apps'); // the probe
  budget.observe('apps', headers(10, 9, reset, start));
  budget.release('apps');
  let sent = 1;
  let remaining = 9;
  while (clock.now() === start) {
    await budget.acquire('apps');
    if (clock.now() !== start) break;
    sent++;
    remaining--;
    budget.observe('apps', headers(10, remaining, reset, start));
    budget.release('apps');
  }
  t.equal(sent, 5, 'half of a 10-call bucket in the first window');
  t.ok(clock.now() >= reset * 1000, 'then slept past the reset');
  t.ok(budget.pausedMs > 0);
});

t.test('requests in flight are capped', async (t) => {
  const budget = new RateBudget({ concurrency: 2 });
  await budget.acquire('users');
  budget.observe('users', headers(600, 599, Math.floor(Date.now() / 1000) + 60, Date.now()));
  budget.release('users');
  await budget.acquire('users');
  await budget.acquire('users');
  let third = false;
  const pending = budget.acquire('users').then(() => (third = true));
  await new Promise((r) => setImmediate(r));
  t.equal(third, false, 'the third waits');
  budget.release('users');
  await pending;
  t.equal(third, true, 'and goes when one ends');
});
