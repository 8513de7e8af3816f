import t from 'tap';
import { DropboxResponseError } from 'dropbox';
import { byEmail, startDropbox, TOKEN, type Harness } from '../../dropbox/fixture.js';

async function failure(p: Promise<unknown>): Promise<DropboxResponseError<any>> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DropboxResponseError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

let h: Harness;
t.before(async () => {
  h = await startDropbox();
});
t.teardown(() => h.close());

t.test('every route answers under its exact name, with _v2 on the last segment', async (t) => {
  const routes: [string, string | null][] = [
    ['team/members/list_v2', '{}'],
    ['team/members/list/continue_v2', '{"cursor":"bogus"}'],
    ['team/members/get_info_v2', '{"members":[]}'],
    ['team/members/add_v2', '{"new_members":[]}'],
    ['team/members/add/job_status/get_v2', '{"async_job_id":"x"}'],
    ['team/members/set_profile_v2', '{"user":{".tag":"email","email":"nobody@acme-robotics.example"},"new_surname":"X"}'],
    ['team/members/suspend', '{"user":{".tag":"email","email":"nobody@acme-robotics.example"}}'],
    ['team/members/unsuspend', '{"user":{".tag":"email","email":"nobody@acme-robotics.example"}}'],
    ['team/members/remove', '{"user":{".tag":"email","email":"nobody@acme-robotics.example"}}'],
    ['team/members/remove/job_status/get', '{"async_job_id":"x"}'],
    ['team/members/recover', '{"user":{".tag":"email","email":"nobody@acme-robotics.example"}}'],
    ['team/members/move_former_member_files/job_status/check', '{"async_job_id":"x"}'],
    ['team/members/set_admin_permissions_v2', '{"user":{".tag":"email","email":"nobody@acme-robotics.example"},"new_roles":[]}'],
    ['team/members/set_admin_permissions', '{"user":{".tag":"email","email":"nobody@acme-robotics.example"},"new_role":"member_only"}'],
    ['team/members/get_available_team_member_roles', null],
    ['team/groups/list', '{}'],
    ['team/groups/list/continue', '{"cursor":"bogus"}'],
    ['team/groups/get_info', '{".tag":"group_ids","group_ids":[]}'],
    ['team/groups/job_status/get', '{"async_job_id":"x"}'],
    ['team/groups/members/list', '{"group":{".tag":"group_id","group_id":"g:eng"}}'],
    ['team/groups/members/list/continue', '{"cursor":"bogus"}'],
    ['team/get_info', null],
    ['team/token/get_authenticated_admin', null],
  ];
  for (const [route, body] of routes) {
    const res = await h.raw(route, body);
    t.ok([200, 409].includes(res.status), `${route} is served (${res.status})`);
    t.match(res.headers.get('x-dropbox-request-id'), /^[0-9a-f]{32}$/, `${route} carries a request id`);
  }
  t.equal((await h.raw('team/members/list', '{}')).status, 404, 'the v1 listing is not emulated: unknown routes are 404');
  t.equal((await h.raw('team/members/list_v3', '{}')).status, 404);
  t.equal((await h.raw('team/members/toString', '{}')).status, 404, 'object prototype names are not routes');
});

t.test('Void routes accept an empty body or null without Content-Type', async (t) => {
  for (const body of [null, 'null']) {
    const res = await fetch(`${h.baseUrl}/2/team/get_info`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, ...(body ? { body } : {}) });
    t.equal(res.status, 200);
    t.equal(((await res.json()) as { name: string }).name, 'Acme Robotics');
  }
  const viaSdk = await h.client.teamMembersGetAvailableTeamMemberRoles();
  t.same(
    viaSdk.result.roles.map((r) => r.name),
    ['Team admin', 'User management admin', 'Support admin', 'Billing admin'],
  );
  t.ok(viaSdk.result.roles.every((r) => /^pid_dbtmr:/.test(r.role_id)));
});

t.test('401 JSON invalid_access_token without a valid bearer token', async (t) => {
  for (const auth of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, TOKEN]) {
    const res = await fetch(`${h.baseUrl}/2/team/get_info`, { method: 'POST', headers: auth ? { Authorization: auth } : {} });
    t.equal(res.status, 401);
    t.match(res.headers.get('content-type'), /application\/json/);
    t.same(await res.json(), { error_summary: 'invalid_access_token/..', error: { '.tag': 'invalid_access_token' } });
  }
});

t.test('malformed arguments are 400 with a plain-text body', async (t) => {
  const cases: [string, string, string | null, RegExp][] = [
    ['limit above the maximum', 'team/members/list_v2', '{"limit":1001}', /limit: 1001 is greater than 1000/],
    ['limit of zero', 'team/groups/list', '{"limit":0}', /limit: 0 is less than 1/],
    ['limit of group members above the maximum', 'team/groups/members/list', '{"group":{".tag":"group_id","group_id":"g:eng"},"limit":5000}', /greater than 1000/],
    ['not JSON', 'team/members/list_v2', '{limit', /could not decode input as JSON/],
    ['an unknown selector tag', 'team/members/suspend', '{"user":{".tag":"login","login":"x"}}', /unknown tag/],
    ['an email without a TLD', 'team/members/add_v2', '{"new_members":[{"member_email":"a@b"}]}', /did not match pattern/],
    ['a name with a slash', 'team/members/add_v2', '{"new_members":[{"member_email":"a@b.example","member_given_name":"A/B"}]}', /did not match pattern/],
    ['an external id over 64 characters', 'team/members/add_v2', `{"new_members":[{"member_email":"a@b.example","member_external_id":"${'x'.repeat(65)}"}]}`, /length is greater than 64/],
    ['two roles', 'team/members/set_admin_permissions_v2', '{"user":{".tag":"email","email":"a@b.example"},"new_roles":["pid_dbtmr:1","pid_dbtmr:2"]}', /more than 1/],
    ['a body on a Void route', 'team/get_info', '{"x":1}', /expected null/],
  ];
  for (const [name, route, body, message] of cases) {
    const res = await h.raw(route, body);
    t.equal(res.status, 400, name);
    t.match(res.headers.get('content-type'), /^text\/plain/, `${name}: plain text`);
    t.match(await res.text(), message, name);
  }
  const wrongType = await h.raw('team/members/list_v2', '{}', { 'Content-Type': 'application/x-www-form-urlencoded' });
  t.equal(wrongType.status, 400, 'a non-JSON content type is refused');
  t.match(await wrongType.text(), /Content-Type/);
  const twentyOne = JSON.stringify({ new_members: Array.from({ length: 21 }, (_, i) => ({ member_email: `n${i}@acme-robotics.example` })) });
  const tooMany = await h.raw('team/members/add_v2', twentyOne);
  t.equal(tooMany.status, 400, 'more than 20 new members per call is a 400');
  t.match(await tooMany.text(), /more than 20 items/);
  t.equal(h.state.memberByEmail('n0@acme-robotics.example'), undefined, 'and nobody was added');
});

t.test('route errors are 409 {error_summary, error: {.tag}} and reach the SDK as DropboxResponseError', async (t) => {
  const err = await failure(h.client.teamMembersSuspend({ user: byEmail('nobody'), wipe_data: false }));
  t.equal(err.status, 409);
  t.same(err.error, { error_summary: 'user_not_found/..', error: { '.tag': 'user_not_found' } });
  t.match(err.headers.get('x-dropbox-request-id'), /^[0-9a-f]{32}$/);
  const cursor = await failure(h.client.teamMembersListContinueV2({ cursor: 'AAnot-a-cursor' }));
  t.equal(cursor.error.error['.tag'], 'invalid_cursor');
  const job = await failure(h.client.teamMembersRemoveJobStatusGet({ async_job_id: 'dbjid:unknown' }));
  t.equal(job.error.error['.tag'], 'invalid_async_job_id');
  const membersNotFound = await failure(
    h.client.teamGroupsMembersAdd({ group: { '.tag': 'group_id', group_id: 'g:eng' }, members: [{ user: byEmail('ghost'), access_type: { '.tag': 'member' } }], return_members: false }),
  );
  t.same(membersNotFound.error.error, { '.tag': 'users_not_found', users_not_found: ['ghost@acme-robotics.example'] }, 'a list member sits under the tag key');
});

t.test('unions are encoded with .tag, structs flattened next to it', async (t) => {
  const res = await h.client.teamMembersListV2({ include_removed: true });
  const byMail = new Map(res.result.members.map((m) => [m.profile.email, m]));
  t.same(byMail.get('rita@acme-robotics.example')!.profile.status, { '.tag': 'removed', is_recoverable: true, is_disconnected: false });
  t.same(byMail.get('olga@acme-robotics.example')!.profile.status, { '.tag': 'removed', is_recoverable: false, is_disconnected: false });
  const ivy = byMail.get('ivy@acme-robotics.example')!.profile;
  t.same(ivy.status, { '.tag': 'invited' });
  t.match(ivy.invited_on, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'invited_on is a DropboxTimestamp');
  t.notOk(byMail.get('alice@acme-robotics.example')!.profile.invited_on, 'invited_on only for invited members');
  t.match(byMail.get('sam@acme-robotics.example')!.profile.suspended_on, /Z$/, 'suspended_on for suspended members');
  t.same(byMail.get('admin@acme-robotics.example')!.roles!.map((r) => r.name), ['Team admin']);
  t.same(byMail.get('alice@acme-robotics.example')!.profile.groups, ['g:eng', 'g:all']);
  const without = await h.client.teamMembersListV2({});
  t.notOk(without.result.members.some((m) => m.profile.status['.tag'] === 'removed'), 'removed members only with include_removed');
  const groups = await h.client.teamGroupsList({});
  t.same(groups.result.groups[0], {
    group_name: 'Engineering',
    group_id: 'g:eng',
    group_external_id: 'okta:00geng',
    member_count: 2,
    group_management_type: { '.tag': 'company_managed' },
  });
  const info = await h.client.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: ['g:all', 'g:none'] });
  t.equal(info.result[0]!['.tag'], 'group_info');
  t.notOk((info.result[0] as { members?: unknown }).members, 'system-managed groups come without members');
  t.same(info.result[1], { '.tag': 'id_not_found', id_not_found: 'g:none' });
  const lookup = await h.client.teamMembersGetInfoV2({ members: [byEmail('alice'), byEmail('ghost')] });
  t.equal(lookup.result.members_info[0]!['.tag'], 'member_info');
  t.same(lookup.result.members_info[1], { '.tag': 'id_not_found', id_not_found: 'ghost@acme-robotics.example' });
  const admin = await h.client.teamTokenGetAuthenticatedAdmin();
  t.equal(admin.result.admin_profile.team_member_id, 'dbmid:admin');
});

t.test('an injected 429 has the Dropbox JSON shape and a Retry-After header', async (t) => {
  h.http.setFaults({ rate429: 1, retryAfterSeconds: 3, routes: /team\/get_info$/ });
  try {
    const res = await h.raw('team/get_info', null);
    t.equal(res.status, 429);
    t.equal(res.headers.get('retry-after'), '3');
    t.match(res.headers.get('x-dropbox-request-id'), /^[0-9a-f]{32}$/);
    t.same(await res.json(), { error_summary: 'too_many_requests/..', error: { reason: { '.tag': 'too_many_requests' }, retry_after: 3 } });
  } finally {
    h.http.setFaults({});
  }
});

t.test('calls are counted per route name', async (t) => {
  h.http.resetCounters();
  await h.client.teamGetInfo();
  await h.client.teamMembersListV2({ limit: 1 });
  t.equal(h.http.calls('dropbox team/get_info'), 1);
  t.equal(h.http.calls('dropbox team/members/list_v2'), 1);
});
