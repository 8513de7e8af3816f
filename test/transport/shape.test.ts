/**
 * Missing fields are never guessed (issue 12 item 5): an answer without a field the plan depends
 * on fails the read with one line naming the route and the field, and nothing is written.
 * Okta: User id, status, profile (/tmp/okta-mgmt.yaml User schema), AppUser id and status, Group
 * id and profile.name; Dropbox: TeamMemberProfile team_member_id, email, status (team.stone:44,
 * :92), GroupSummary group_id and group_name (team_common.stone:17), TeamGetInfoResult
 * (team.stone:2103).
 */
import t from 'tap';
import type { HostileRule } from '../../src/sandbox/hostile.js';
import { cli, demoSandbox } from '../helpers/hostile.js';

const CASES: readonly [string, HostileRule, RegExp][] = [
  ['an Okta app user whose user has no status', { routes: /^okta GET \/api\/v1\/apps\/\{id\}\/users$/, omit: ['_embedded.user.status'] }, /okta GET \/api\/v1\/apps\/\{id\}\/users: the answer has user 00u\w+ without status; nothing is planned from it/],
  ['an Okta app user without id', { routes: /^okta GET \/api\/v1\/apps\/\{id\}\/users$/, omit: ['id'] }, /okta GET \/api\/v1\/apps\/\{id\}\/users: the answer has an app user without id;/],
  ['an Okta app user without status', { routes: /^okta GET \/api\/v1\/apps\/\{id\}\/users$/, omit: ['status'] }, /the answer has app user 00u\w+ without status;/],
  ['an Okta group member without id', { routes: /^okta GET \/api\/v1\/groups\/\{id\}\/users$/, omit: ['id'] }, /okta GET \/api\/v1\/groups\/\{id\}\/users: the answer has a user without id;/],
  ['an Okta group member without profile', { routes: /^okta GET \/api\/v1\/groups\/\{id\}\/users$/, omit: ['profile'] }, /the answer has user 00u\w+ without profile;/],
  ['an Okta group without a name', { routes: /^okta GET \/api\/v1\/groups$/, omit: ['profile.name'] }, /okta GET \/api\/v1\/groups: the answer has group 00g\w+ without profile\.name;/],
  ['an Okta listing with a null body', { routes: /^okta GET \/api\/v1\/groups$/, nullBody: true }, /okta GET \/api\/v1\/groups: the answer has a body that is null, not a list;/],
  ['a Dropbox member without team_member_id', { routes: /^dropbox team\/members\/list_v2$/, omit: ['profile.team_member_id'] }, /dropbox team\/members\/list_v2: the answer has a member without profile\.team_member_id;/],
  ['a Dropbox member without status', { routes: /^dropbox team\/members\/list_v2$/, omit: ['profile.status'] }, /dropbox team\/members\/list_v2: the answer has member dbmid:\S+ without profile\.status;/],
  ['a Dropbox member without profile', { routes: /^dropbox team\/members\/list_v2$/, omit: ['profile'] }, /the answer has a member without profile;/],
  ['a Dropbox group without group_name', { routes: /^dropbox team\/groups\/list$/, omit: ['group_name'] }, /dropbox team\/groups\/list: the answer has group g:\S+ without group_name;/],
  ['a Dropbox group without group_id', { routes: /^dropbox team\/groups\/list$/, omit: ['group_id'] }, /dropbox team\/groups\/list: the answer has a group without group_id;/],
  ['a Dropbox listing with a null body', { routes: /^dropbox team\/members\/list_v2$/, nullBody: true }, /dropbox team\/members\/list_v2: the answer has a body that is null, not an object;/],
  ['a Dropbox team/get_info with a null body', { routes: /^dropbox team\/get_info$/, nullBody: true }, /dropbox team\/get_info: the answer has a body that is null, not an object;/],
  ['a Dropbox admin without team_member_id', { routes: /^dropbox team\/token\/get_authenticated_admin$/, omit: ['admin_profile.team_member_id'] }, /the answer has an admin without admin_profile\.team_member_id;/],
];

for (const [name, rule, message] of CASES) {
  t.test(`plan fails on ${name}, in one line naming route and field`, async (t) => {
    const sandbox = await demoSandbox(t, { hostile: [rule] });
    const { code, out, err } = await cli(['plan'], sandbox);
    t.equal(code, 1);
    t.equal(out, '');
    const lines = err.trimEnd().split('\n');
    t.equal(lines.length, 1, err);
    t.match(lines[0], message);
    t.match(lines[0], 'invalid_response');
    t.notMatch(err, /Cannot read properties|undefined/);
  });
}

t.test('apply with Okta users without status changes nothing and exits 1', async (t) => {
  const sandbox = await demoSandbox(t);
  const before = JSON.stringify([sandbox.dropbox.members(), sandbox.dropbox.groups()]);
  const pending = await cli(['plan', '--format', 'json'], sandbox);
  t.ok((JSON.parse(pending.out) as { actions: unknown[] }).actions.length > 0, 'the demo has changes to make');
  sandbox.http.hostile = [{ routes: /^okta GET \/api\/v1\/(apps\/\{id\}\/users|groups\/\{id\}\/users|users\/\{id\})$/, omit: ['status', '_embedded.user.status'] }];
  sandbox.http.resetCounters();
  const { code, err } = await cli(['apply', '--auto-approve'], sandbox);
  t.equal(code, 1);
  t.match(err, /without status; nothing is planned from it/);
  t.equal(JSON.stringify([sandbox.dropbox.members(), sandbox.dropbox.groups()]), before, 'nothing written');
  t.equal(sandbox.http.calls(/^dropbox team\/(members\/(add|remove|suspend|set_profile|set_admin)|groups\/(create|update|delete|members\/(add|remove)))/), 0);
});
