import t from 'tap';
import { dropboxCallCounter } from '../../src/dropbox/client.js';
import { readDropboxState } from '../../src/dropbox/reader.js';
import { byEmail, email, seedMany, seedTeam, startDropbox } from './fixture.js';

t.test('the standard team reads into DropboxState', async (t) => {
  const h = await startDropbox();
  try {
    const roles = (await h.client.teamMembersGetAvailableTeamMemberRoles()).result.roles;
    await h.client.teamMembersSetAdminPermissionsV2({ user: byEmail('bob'), new_roles: [roles.find((r) => r.name === 'Billing admin')!.role_id] });
    const state = await readDropboxState(h.client);
    t.equal(state.teamName, 'Acme Robotics');
    t.equal(state.authenticatedAdminId, 'dbmid:admin');
    t.equal(state.members.length, 9, 'removed members included');
    const by = new Map(state.members.map((m) => [m.email, m]));
    t.same(by.get(email('alice')), {
      teamMemberId: 'dbmid:alice',
      accountId: by.get(email('alice'))!.accountId,
      email: email('alice'),
      emailKey: email('alice'),
      emailVerified: true,
      externalId: 'okta-alice',
      givenName: 'Alice',
      surname: 'Tester',
      status: 'active',
      isRecoverable: false,
      isDisconnected: false,
      role: 'member_only',
      otherRoles: [],
      invitedOn: null,
      joinedOn: '2026-11-20T12:00:00Z',
      suspendedOn: null,
    });
    t.match(by.get(email('alice'))!.accountId, /^dbid:/);
    t.equal(by.get(email('admin'))!.role, 'team_admin');
    t.equal(by.get(email('um-admin'))!.role, 'user_management_admin');
    t.match(by.get(email('bob')), { role: 'member_only', otherRoles: ['Billing admin'] }, 'roles outside the four are kept by name');
    t.match(by.get(email('ivy')), { status: 'invited', invitedOn: '2026-11-20T12:00:00Z', joinedOn: null });
    t.match(by.get(email('sam')), { status: 'suspended', suspendedOn: '2026-11-20T12:00:00Z' });
    t.match(by.get(email('rita')), { status: 'removed', isRecoverable: true });
    t.match(by.get(email('olga')), { status: 'removed', isRecoverable: false });
    t.same(state.groups, [
      { groupId: 'g:eng', name: 'Engineering', externalId: 'okta:00geng', managementType: 'company_managed', memberIds: ['dbmid:alice', 'dbmid:bob'] },
      { groupId: 'g:all', name: 'Everyone at Acme', externalId: null, managementType: 'system_managed', memberIds: [] },
      { groupId: 'g:legacy', name: 'Legacy', externalId: null, managementType: 'user_managed', memberIds: ['dbmid:ivy', 'dbmid:sam'] },
    ]);
    const counter = dropboxCallCounter(h.client);
    t.equal(counter.get('team/groups/members/list'), 0, 'memberships came from the profiles: no group listing needed');
  } finally {
    await h.close();
  }
});

t.test('pagination: every listing follows its cursors, one call per page', async (t) => {
  const h = await startDropbox(seedMany(23, 5));
  try {
    const counter = dropboxCallCounter(h.client);
    const progress: [number, number][] = [];
    const state = await readDropboxState(h.client, { pageLimit: 4, onProgress: (d, total) => progress.push([d, total]) });
    t.equal(state.members.length, 32);
    t.equal(new Set(state.members.map((m) => m.teamMemberId)).size, 32);
    t.equal(state.groups.length, 8);
    t.equal(counter.get('team/members/list_v2'), 1);
    t.equal(counter.get('team/members/list/continue_v2'), Math.ceil(32 / 4) - 1);
    t.equal(counter.get('team/groups/list'), 1);
    t.equal(counter.get('team/groups/list/continue'), 1);
    t.equal(counter.get('team/get_info'), 1);
    t.equal(counter.get('team/token/get_authenticated_admin'), 1);
    t.ok(progress.length > 0, 'progress is reported');
    t.ok(progress.every(([d, total], i) => d <= total && (i === 0 || d >= progress[i - 1]![0])), 'done never decreases nor passes total');
    t.same(progress.at(-1), [40, 40], 'all 32 members and 8 groups');

    counter.reset();
    const listed = await readDropboxState(h.client, { pageLimit: 4, groupMembers: 'list', concurrency: 2 });
    t.same(listed, state, 'listing every group gives the same memberships');
    t.equal(counter.get('team/groups/members/list'), 7, 'one listing per non-system group');
    t.ok(counter.get('team/groups/members/list/continue') > 0, 'big groups page too');
  } finally {
    await h.close();
  }
});

t.test('a group whose count disagrees with the profiles is listed', async (t) => {
  const h = await startDropbox(seedTeam(), {
    faults: { rate503: 1, routes: /team\/groups\/list$/ },
  });
  try {
    const counter = dropboxCallCounter(h.client);
    const sleep = async () => {
      // While groups/list is retried, let the member pages finish, then change a group they already described.
      while (h.http.calls('dropbox team/members/list/continue_v2') < 4) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, 20));
      h.state.addGroupMembers({ by: 'group_id', value: 'g:legacy' }, [{ user: { by: 'team_member_id', value: 'dbmid:admin' }, access: 'member' }]);
      h.http.setFaults({});
    };
    const state = await readDropboxState(h.client, { pageLimit: 2, retry: { sleep } });
    t.same(state.groups.find((g) => g.groupId === 'g:legacy')!.memberIds, ['dbmid:ivy', 'dbmid:sam', 'dbmid:admin']);
    t.equal(counter.get('team/groups/members/list'), 1, 'only that group was listed');
    t.same(state.groups.find((g) => g.groupId === 'g:eng')!.memberIds, ['dbmid:alice', 'dbmid:bob']);
  } finally {
    await h.close();
  }
});

t.test('a token without an admin mapping reads as no authenticated admin', async (t) => {
  const h = await startDropbox();
  try {
    h.state.authenticatedAdminId = 'dbmid:nobody';
    t.equal((await readDropboxState(h.client)).authenticatedAdminId, null);
  } finally {
    await h.close();
  }
});
