import t from 'tap';
import { DropboxResponseError } from 'dropbox';
import { byEmail, byId, seedMany, seedTeam, startDropbox, type Harness } from '../../dropbox/fixture.js';

async function tagOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof DropboxResponseError) return (err.error as any).error['.tag'];
    throw err;
  }
}

const eng = { '.tag': 'group_id' as const, group_id: 'g:eng' };
const member = (id: string) => ({ user: byId(id), access_type: { '.tag': 'member' as const } });

let h: Harness;
t.beforeEach(async () => {
  h = await startDropbox(seedTeam());
});
t.afterEach(() => h.close());

t.test('groups/members/add is all-or-nothing', async (t) => {
  const dbx = h.client;
  t.equal(await tagOf(dbx.teamGroupsMembersAdd({ group: eng, members: [member('ivy'), member('alice')], return_members: false })), 'duplicate_user', 'one present member refuses the batch');
  t.same(h.state.groups()[0]!.memberIds, ['dbmid:alice', 'dbmid:bob'], 'and ivy was not added');
  t.equal(await tagOf(dbx.teamGroupsMembersAdd({ group: eng, members: [member('ivy'), member('ivy')], return_members: false })), 'duplicate_user', 'a member twice in one call');
  t.equal(await tagOf(dbx.teamGroupsMembersAdd({ group: eng, members: [member('ivy'), member('rita')], return_members: false })), 'members_not_in_team');
  t.equal(await tagOf(dbx.teamGroupsMembersAdd({ group: eng, members: [{ user: byEmail('ivy'), access_type: { '.tag': 'owner' } }], return_members: false })), 'user_cannot_be_manager_of_company_managed_group');
  t.equal(await tagOf(dbx.teamGroupsMembersAdd({ group: { '.tag': 'group_id', group_id: 'g:all' }, members: [member('ivy')], return_members: false })), 'system_managed_group_disallowed');
  t.equal(await tagOf(dbx.teamGroupsMembersAdd({ group: { '.tag': 'group_id', group_id: 'g:nope' }, members: [member('ivy')], return_members: false })), 'group_not_found');
  t.equal(await tagOf(dbx.teamGroupsMembersAdd({ group: { '.tag': 'group_id', group_id: 'g:legacy' }, members: [{ user: byId('bob'), access_type: 'owner' as never }] })), 'ok', 'owners in user-managed groups');
  const res = await dbx.teamGroupsMembersAdd({ group: { '.tag': 'group_external_id', group_external_id: 'okta:00geng' }, members: [member('ivy'), member('sam')], return_members: false });
  t.equal(res.result.async_job_id, ' ', 'the deprecated job id is a single space');
  t.notOk(res.result.group_info.members, 'return_members false: no member list');
  t.equal(res.result.group_info.member_count, 4);
  t.same(h.state.memberByEmail('sam@acme-robotics.example')!.groupIds, ['g:legacy', 'g:eng'], 'profiles list the groups');
});

t.test('groups/members/remove is all-or-nothing', async (t) => {
  const dbx = h.client;
  t.equal(await tagOf(dbx.teamGroupsMembersRemove({ group: eng, users: [byId('alice'), byId('ivy')], return_members: false })), 'member_not_in_group');
  t.same(h.state.groups()[0]!.memberIds, ['dbmid:alice', 'dbmid:bob'], 'alice stays');
  t.equal(await tagOf(dbx.teamGroupsMembersRemove({ group: eng, users: [byEmail('ghost')], return_members: false })), 'users_not_found');
  const res = await dbx.teamGroupsMembersRemove({ group: eng, users: [byId('alice')] });
  t.same(res.result.group_info.members!.map((m) => m.profile.team_member_id), ['dbmid:bob'], 'return_members defaults to true');
});

t.test('create, update, delete', async (t) => {
  const dbx = h.client;
  const cases: [string, object, string][] = [
    ['a used name (any case)', { group_name: 'ENGINEERING' }, 'group_name_already_used'],
    ['a used external id', { group_name: 'New', group_external_id: 'okta:00geng' }, 'external_id_already_in_use'],
    ['an empty name', { group_name: ' ' }, 'group_name_invalid'],
    ['system managed', { group_name: 'Sys', group_management_type: { '.tag': 'system_managed' } }, 'system_managed_group_disallowed'],
  ];
  for (const [name, arg, tag] of cases) t.equal(await tagOf(dbx.teamGroupsCreate(arg as never)), tag, name);
  const plain = await dbx.teamGroupsCreate({ group_name: 'Plain' });
  t.same(plain.result.group_management_type, { '.tag': 'user_managed' }, 'without a management type the sandbox makes a user-managed group');
  const created = await dbx.teamGroupsCreate({ group_name: 'Sales Team', group_external_id: 'okta:00gsales', group_management_type: { '.tag': 'company_managed' } });
  t.match(created.result, { group_name: 'Sales Team', group_external_id: 'okta:00gsales', member_count: 0, members: [] });
  t.type(created.result.created, 'number');
  const sel = { '.tag': 'group_id' as const, group_id: created.result.group_id };
  t.equal(await tagOf(dbx.teamGroupsUpdate({ group: sel, new_group_name: 'Legacy', return_members: false })), 'group_name_already_used');
  t.equal(await tagOf(dbx.teamGroupsUpdate({ group: { '.tag': 'group_id', group_id: 'g:all' }, new_group_name: 'All' })), 'system_managed_group_disallowed');
  const renamed = await dbx.teamGroupsUpdate({ group: sel, new_group_name: 'Sales', return_members: false });
  t.equal(renamed.result.group_name, 'Sales');
  t.notOk(renamed.result.members);
  await dbx.teamGroupsUpdate({ group: sel, new_group_external_id: '' });
  t.equal(h.state.groups().find((g) => g.groupId === created.result.group_id)!.externalId, null, 'an empty external id clears it');

  const empty = await dbx.teamGroupsDelete(sel);
  t.equal(empty.result['.tag'], 'complete', 'an empty group is deleted at once');
  t.equal(await tagOf(dbx.teamGroupsDelete(sel)), 'group_already_deleted');
  t.equal(await tagOf(dbx.teamGroupsDelete({ '.tag': 'group_id', group_id: 'g:never' })), 'group_not_found');
  t.equal(await tagOf(dbx.teamGroupsDelete({ '.tag': 'group_id', group_id: 'g:all' })), 'system_managed_group_disallowed');
  const job = await dbx.teamGroupsDelete(eng);
  t.equal(job.result['.tag'], 'async_job_id', 'a group with members is deleted by a job');
  t.equal((await dbx.teamGroupsJobStatusGet({ async_job_id: (job.result as any).async_job_id })).result['.tag'], 'complete');
  t.notOk(h.state.groups().some((g) => g.groupId === 'g:eng'));
  t.same(h.state.memberByEmail('alice@acme-robotics.example')!.groupIds, ['g:all'], 'members no longer list the deleted group');
});

t.test('a failed delete job reports internal_error and deletes nothing', async (t) => {
  h.state.failNextJobs(1);
  const job = await h.client.teamGroupsDelete(eng);
  t.equal(await tagOf(h.client.teamGroupsJobStatusGet({ async_job_id: (job.result as any).async_job_id })), 'internal_error');
  t.ok(h.state.groups().some((g) => g.groupId === 'g:eng'));
});

t.test('group member listing pages and its cursor outlives writes', async (t) => {
  const dbx = h.client;
  await dbx.teamGroupsMembersAdd({ group: eng, members: ['admin', 'it-admin', 'um-admin', 'ivy', 'sam'].map(member), return_members: false });
  const first = await dbx.teamGroupsMembersList({ group: eng, limit: 3 });
  t.same(first.result.members.map((m) => m.profile.team_member_id), ['dbmid:alice', 'dbmid:bob', 'dbmid:admin']);
  t.same(first.result.members[0]!.access_type, { '.tag': 'member' });
  t.equal(first.result.has_more, true);
  await dbx.teamGroupsMembersRemove({ group: eng, users: [byId('bob'), byId('it-admin')], return_members: false });
  const rest = await dbx.teamGroupsMembersListContinue({ cursor: first.result.cursor });
  t.same(rest.result.members.map((m) => m.profile.team_member_id), ['dbmid:um-admin', 'dbmid:ivy', 'dbmid:sam'], 'removed members vanish, nobody is repeated or skipped');
  t.equal(rest.result.has_more, false);
  t.equal(await tagOf(dbx.teamGroupsMembersListContinue({ cursor: 'garbage' })), 'invalid_cursor');
});

t.test('member listing: concurrent cursors, and writes between pages', async (t) => {
  await h.close();
  h = await startDropbox(seedMany(50));
  const dbx = h.client;
  const a1 = await dbx.teamMembersListV2({ limit: 7, include_removed: true });
  const b1 = await dbx.teamMembersListV2({ limit: 11 });
  await dbx.teamMembersAddV2({ new_members: [{ member_email: 'late@acme-robotics.example' }] });
  const collect = async (first: typeof a1) => {
    const ids = first.result.members.map((m) => m.profile.team_member_id);
    let page = first.result;
    let calls = 1;
    while (page.has_more) {
      page = (await dbx.teamMembersListContinueV2({ cursor: page.cursor })).result;
      ids.push(...page.members.map((m) => m.profile.team_member_id));
      calls++;
    }
    return { ids, calls };
  };
  const [a, b] = await Promise.all([collect(a1), collect(b1)]);
  t.equal(a.ids.length, 60, '59 seeded members (removed included) and the late one');
  t.equal(new Set(a.ids).size, a.ids.length, 'no repeats');
  t.equal(a.calls, Math.ceil(60 / 7));
  t.equal(b.ids.length, 58, 'without the two removed members');
  t.equal(b.calls, Math.ceil(58 / 11));
});

// The cost of paging (each page starts at its cursor, not at the top) is counted in ordered-index.test.ts; 100k is for the benchmark.
t.test('30k members list in 31 pages of up to 1000, each member once, in order', async (t) => {
  await h.close();
  h = await startDropbox(seedMany(30_000), { keepLog: false });
  let page = (await h.client.teamMembersListV2({ include_removed: true })).result;
  const ids = page.members.map((m) => m.profile.team_member_id);
  let calls = 1;
  while (page.has_more) {
    page = (await h.client.teamMembersListContinueV2({ cursor: page.cursor })).result;
    ids.push(...page.members.map((m) => m.profile.team_member_id));
    calls++;
  }
  t.equal(ids.length, 30_009);
  t.equal(new Set(ids).size, ids.length, 'no repeats');
  t.equal(calls, 31);
  t.same(ids.slice(-2), ['dbmid:m29998', 'dbmid:m29999'], 'the last seeded members come last');
});
