/**
 * The bench's Okta bucket-minutes: routes go to the sandbox's buckets (reference okta-api.md §4.1:
 * /api/v1/logs 120/min, /api/v1/users list 600, /api/v1/groups 500, most other /api/v1 1200), over
 * the 50 % one API token may use ("each API token ... can use up to 50% of a bucket's total rate limit").
 */
import t from 'tap';
import { bucketMinutes } from './okta-buckets.js';

t.test('a cycle of 5 leavers: each bucket, its calls and the share of a minute of the token ceiling', async (t) => {
  const rows = bucketMinutes({ 'GET /api/v1/logs': 1, 'GET /api/v1/users': 2, 'GET /api/v1/groups': 1, 'GET /api/v1/users/{id}/groups': 5, 'GET /api/v1/users/{id}': 3 });
  t.same(
    rows.map((r) => [r.bucket, r.calls, r.ceiling]),
    [
      ['groups', 1, 250],
      ['logs', 1, 60],
      ['other', 5, 600],
      ['users', 2, 300],
      ['users/{id}', 3, 1000],
    ],
  );
  t.equal(rows.find((r) => r.bucket === 'logs')!.share, 1 / 60, 'one System Log page is 1/60 of the token\'s minute of /api/v1/logs');
  t.same(bucketMinutes({}), []);
});
