/**
 * Endless pagination (issue 12 item 3): a server whose listing never ends stops the read with one
 * line naming the route, after a bounded number of calls. Okta pages with an opaque `after` cursor
 * taken from the Link header (/tmp/okta-mgmt.yaml:60335 queryAfter, used by /api/v1/groups at
 * :12757); Dropbox with has_more + cursor (team.stone:1761 MembersListResult, team.stone:2367
 * GroupsListResult) and reports the team's size in team/get_info (team.stone:2103
 * num_provisioned_users).
 */
import t from 'tap';
import { PageGuard } from '../../src/transport/pagination.js';
import type { HostileRule } from '../../src/sandbox/hostile.js';
import { cli, demoSandbox, within } from '../helpers/hostile.js';


const CASES: readonly { name: string; rule: HostileRule; route: string; message: RegExp; maxCalls: number }[] = [
  {
    name: 'an Okta next link that points at its own page',
    rule: { routes: /^okta GET \/api\/v1\/groups$/, endlessPages: 'same' },
    route: 'okta GET /api/v1/groups',
    message: /okta GET \/api\/v1\/groups: listing stopped: its next link repeats one already followed \(after page 1\)/,
    maxCalls: 1,
  },
  {
    name: 'Okta next links that change each time but give the same page again',
    rule: { routes: /^okta GET \/api\/v1\/apps\/\{id\}\/users$/, endlessPages: 'new' },
    route: 'okta GET /api/v1/apps/{id}/users',
    message: /okta GET \/api\/v1\/apps\/\{id\}\/users: listing stopped: page 2 lists 00u\w+ again: the links go round/,
    maxCalls: 3,
  },
  {
    name: 'a Dropbox cursor that comes back',
    rule: { routes: /^dropbox team\/members\/list/, endlessPages: 'same' },
    route: 'dropbox team/members/list/continue_v2',
    message: /dropbox team\/members\/list_v2: listing stopped: its cursor repeats one already followed \(after page 2\)/,
    maxCalls: 2,
  },
  {
    name: 'a Dropbox cursor that is new each time',
    rule: { routes: /^dropbox team\/groups\/list/, endlessPages: 'new' },
    route: 'dropbox team/groups/list/continue',
    message: /dropbox team\/groups\/list: listing stopped: it went past 20 pages \(ten times the pages of the \d+ members team\/get_info reports, plus 10\)/,
    maxCalls: 20,
  },
];

for (const c of CASES) {
  t.test(`plan stops ${c.name}, with one line naming the route`, async (t) => {
    const sandbox = await demoSandbox(t, { hostile: [c.rule] });
    const { code, out, err } = await within(20_000, 'plan', cli(['plan'], sandbox));
    t.equal(code, 1);
    t.equal(out, '');
    const lines = err.trimEnd().split('\n');
    t.equal(lines.length, 1, err);
    t.match(lines[0], c.message);
    t.match(lines[0], 'endless_listing');
    const calls = sandbox.http.calls(c.route);
    t.ok(calls <= c.maxCalls, `${calls} calls to ${c.route} (at most ${c.maxCalls})`);
  });
}

t.test('PageGuard: a token already followed, or a page past the bound, stops the listing', async (t) => {
  const guard = new PageGuard('dropbox', 'team/groups/list', 'cursor', 'c0');
  guard.follow('c1', { pages: 3, why: 'a test' });
  guard.follow('c2', { pages: 3, why: 'a test' });
  t.equal(guard.pages, 3);
  t.throws(() => guard.follow('c3', { pages: 3, why: 'a test' }), { code: 'endless_listing', message: 'listing stopped: it went past 3 pages (a test): the listing would never end' });
  const again = new PageGuard('okta', 'GET /api/v1/groups', 'next link', 'https://o.example/api/v1/groups');
  t.throws(() => again.follow('https://o.example/api/v1/groups', { pages: 9, why: '' }), { message: /its next link repeats one already followed \(after page 1\)/ });
});
