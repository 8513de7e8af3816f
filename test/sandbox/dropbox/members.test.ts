import t from 'tap';
import { DropboxResponseError } from 'dropbox';
import { byEmail, byId, DAY, email, seedTeam, startDropbox, type Harness } from '../../dropbox/fixture.js';

async function tagOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof DropboxResponseError) return (err.error as any).error['.tag'];
    throw err;
  }
}

async function withTeam(fn: (h: Harness) => Promise<void>, options?: Parameters<typeof startDropbox>[1], seed = seedTeam()) {
  const h = await startDropbox(seed, options);
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}

t.test('suspend and unsuspend', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    t.equal(await tagOf(dbx.teamMembersSuspend({ user: byEmail('ivy'), wipe_data: false })), 'suspend_inactive_user', 'an invited member cannot be suspended');
    t.equal(await tagOf(dbx.teamMembersSuspend({ user: byEmail('sam'), wipe_data: false })), 'suspend_inactive_user', 'an already suspended member neither');
    t.equal(await tagOf(dbx.teamMembersSuspend({ user: byEmail('rita'), wipe_data: false })), 'user_not_in_team', 'a removed member is not in the team');
    t.equal(await tagOf(dbx.teamMembersSuspend({ user: byEmail('ghost'), wipe_data: false })), 'user_not_found');
    t.equal(await tagOf(dbx.teamMembersSuspend({ user: byEmail('alice'), wipe_data: false })), 'ok');
    t.equal(h.state.memberByEmail(email('alice'))!.status, 'suspended');
    t.equal(h.state.memberByEmail(email('alice'))!.lastWipeData, false, 'wipe_data as sent');
    await dbx.teamMembersSuspend({ user: byEmail('bob') });
    t.equal(h.state.memberByEmail(email('bob'))!.lastWipeData, true, 'wipe_data defaults to true');
    t.equal(await tagOf(dbx.teamMembersUnsuspend({ user: byEmail('alice') })), 'ok');
    t.equal(await tagOf(dbx.teamMembersUnsuspend({ user: byEmail('alice') })), 'unsuspend_non_suspended_member');
    t.equal(h.state.memberByEmail(email('alice'))!.status, 'active');
  });
});

t.test('the last active team admin can be neither suspended, removed nor demoted', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    t.equal(await tagOf(dbx.teamMembersSuspend({ user: byEmail('it-admin'), wipe_data: false })), 'ok', 'one of two admins can go');
    t.equal(await tagOf(dbx.teamMembersSuspend({ user: byEmail('admin'), wipe_data: false })), 'suspend_last_admin');
    t.equal(await tagOf(dbx.teamMembersRemove({ user: byEmail('admin'), wipe_data: false })), 'remove_last_admin');
    t.equal(await tagOf(dbx.teamMembersSetAdminPermissionsV2({ user: byEmail('admin'), new_roles: [] })), 'last_admin');
    t.equal(await tagOf(dbx.teamMembersSetAdminPermissions({ user: byEmail('admin'), new_role: { '.tag': 'member_only' } })), 'last_admin', 'v1 too');
    t.equal(await tagOf(dbx.teamMembersSetAdminPermissionsV2({ user: byEmail('it-admin'), new_roles: [] })), 'cannot_set_permissions', 'a suspended member keeps its roles');
  });
});

t.test('roles: v2 by role id, v1 by AdminTier', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    const roles = (await dbx.teamMembersGetAvailableTeamMemberRoles()).result.roles;
    const support = roles.find((r) => r.name === 'Support admin')!;
    const res = await dbx.teamMembersSetAdminPermissionsV2({ user: byEmail('alice'), new_roles: [support.role_id] });
    t.same(res.result.roles!.map((r) => r.name), ['Support admin']);
    t.equal(h.state.memberByEmail(email('alice'))!.tier, 'support_admin');
    t.equal(await tagOf(dbx.teamMembersSetAdminPermissionsV2({ user: byEmail('alice'), new_roles: ['pid_dbtmr:nope'] })), 'role_not_found');
    const v1 = await dbx.teamMembersSetAdminPermissions({ user: byEmail('bob'), new_role: 'user_management_admin' as never });
    t.same(v1.result, { team_member_id: 'dbmid:bob', role: { '.tag': 'user_management_admin' } }, 'a bare string is accepted for a Void union member');
    const back = await dbx.teamMembersGetInfoV2({ members: [byEmail('bob')] });
    t.same((back.result.members_info[0] as any).roles.map((r: any) => r.name), ['User management admin']);
  });
});

t.test('members/add_v2: per-member results', async (t) => {
  await withTeam(async (h) => {
    h.state.numLicensedUsers = h.state.numProvisioned() + 2;
    const res = await h.client.teamMembersAddV2({
      new_members: [
        { member_email: email('new1'), member_given_name: 'New', member_surname: 'One', member_external_id: 'okta-new1', send_welcome_email: false },
        { member_email: 'ALICE@acme-robotics.example', member_given_name: 'A', member_surname: 'B' },
        { member_email: email('rita'), member_given_name: 'Rita', member_surname: 'R' },
        { member_email: email('olga'), member_given_name: 'Olga', member_surname: 'O', member_external_id: 'okta-olga' },
        { member_email: email('new2'), member_given_name: 'New', member_surname: 'Two', member_external_id: 'okta-bob' },
        { member_email: email('new3'), member_given_name: 'New', member_surname: 'Three' },
        { member_email: email('new1'), member_given_name: 'New', member_surname: 'One' },
      ],
    });
    t.equal(res.result['.tag'], 'complete');
    const items = (res.result as any).complete;
    t.same(
      items.map((i: any) => i['.tag']),
      ['success', 'user_already_on_team', 'user_already_on_team', 'success', 'duplicate_external_member_id', 'team_license_limit', 'user_already_on_team'],
      'new, existing (any case), recoverable removed, unrecoverable removed re-added, used external id, no licence, duplicate in batch',
    );
    t.equal(items[1].user_already_on_team, 'ALICE@acme-robotics.example', 'the failure carries the email');
    t.same(items[0].profile.status, { '.tag': 'invited' }, 'new members are invited');
    t.equal(items[0].profile.external_id, 'okta-new1');
    t.not(items[3].profile.team_member_id, 'dbmid:olga', 'a re-added removed member gets a new team_member_id');
    t.equal(h.state.memberByEmail(email('olga'))!.status, 'invited');
  });
});

t.test('async add jobs complete after asyncPolls polls; failed jobs add nothing', async (t) => {
  await withTeam(
    async (h) => {
      const dbx = h.client;
      const launch = await dbx.teamMembersAddV2({ new_members: [{ member_email: email('late'), member_given_name: 'L', member_surname: 'Ate' }], force_async: true });
      t.equal(launch.result['.tag'], 'async_job_id');
      const jobId = (launch.result as any).async_job_id;
      t.equal(h.state.memberByEmail(email('late')), undefined, 'nothing happens before the job completes');
      t.equal((await dbx.teamMembersAddJobStatusGetV2({ async_job_id: jobId })).result['.tag'], 'in_progress');
      t.equal((await dbx.teamMembersAddJobStatusGetV2({ async_job_id: jobId })).result['.tag'], 'in_progress');
      const done = await dbx.teamMembersAddJobStatusGetV2({ async_job_id: jobId });
      t.equal(done.result['.tag'], 'complete');
      t.equal((done.result as any).complete[0]['.tag'], 'success');
      t.equal((await dbx.teamMembersAddJobStatusGetV2({ async_job_id: jobId })).result['.tag'], 'complete', 'a finished job stays complete');
      t.equal(await tagOf(dbx.teamMembersRemoveJobStatusGet({ async_job_id: jobId })), 'invalid_async_job_id', 'a job id is bound to its poll route');

      h.state.failNextJobs(1);
      const doomed = await dbx.teamMembersAddV2({ new_members: [{ member_email: email('doomed') }], force_async: true });
      const id = (doomed.result as any).async_job_id;
      let last: any;
      for (let i = 0; i < 3; i++) last = (await dbx.teamMembersAddJobStatusGetV2({ async_job_id: id })).result;
      t.equal(last['.tag'], 'failed');
      t.type(last.failed, 'string');
      t.equal(h.state.memberByEmail(email('doomed')), undefined, 'a failed add job adds nobody');
    },
    { asyncPolls: 3 },
  );
});

t.test('set_profile_v2 rules', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    const cases: [string, object, string][] = [
      ['select by external id and change it', { user: { '.tag': 'external_id', external_id: 'okta-alice' }, new_external_id: 'x' }, 'external_id_and_new_external_id_unsafe'],
      ['nothing new', { user: byEmail('alice') }, 'no_new_data_specified'],
      ['empty email', { user: byEmail('alice'), new_email: '' }, 'param_cannot_be_empty'],
      ['email of another member', { user: byEmail('alice'), new_email: 'BOB@acme-robotics.example' }, 'email_reserved_for_other_user'],
      ['email of a recoverable removed member', { user: byEmail('alice'), new_email: email('rita') }, 'email_reserved_for_other_user'],
      ['external id of another member', { user: byEmail('alice'), new_external_id: 'okta-bob' }, 'external_id_used_by_other_user'],
      ['a removed member', { user: byEmail('rita'), new_surname: 'X' }, 'set_profile_disallowed'],
      ['an unknown member', { user: byEmail('ghost'), new_surname: 'X' }, 'user_not_found'],
    ];
    for (const [name, arg, tag] of cases) t.equal(await tagOf(dbx.teamMembersSetProfileV2(arg as never)), tag, name);
    const res = await dbx.teamMembersSetProfileV2({ user: { '.tag': 'external_id', external_id: 'okta-alice' }, new_email: email('alice.new'), new_given_name: 'Alicia' });
    t.equal(res.result.member_info.profile.email, email('alice.new'));
    t.equal(h.state.memberByEmail(email('alice.new'))!.givenName, 'Alicia');
    t.equal(h.state.memberByEmail(email('alice')), undefined, 'the old email no longer resolves');
    await dbx.teamMembersSetProfileV2({ user: byEmail('alice.new'), new_external_id: '' });
    t.equal(h.state.memberByEmail(email('alice.new'))!.externalId, null, 'an empty new_external_id clears it');
  });
});

t.test('members/remove transfer rules', async (t) => {
  const admin = byEmail('it-admin');
  const cases: [string, object, string][] = [
    ['transfer without transfer_admin_id', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('bob') }, 'unspecified_transfer_admin_id'],
    ['transfer admin who is not an admin', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('bob'), transfer_admin_id: byEmail('bob') }, 'transfer_admin_is_not_admin'],
    // team.stone:1592 transfer_admin_is_not_admin "Specified transfer_admin user is not a team admin.":
    // a user management (or support) admin is an admin, but not a team admin.
    ['transfer admin who is a user management admin', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('bob'), transfer_admin_id: byEmail('um-admin') }, 'transfer_admin_is_not_admin'],
    ['destination is the removed member', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('alice'), transfer_admin_id: admin }, 'removed_and_transfer_dest_should_differ'],
    ['admin is the removed member', { user: byEmail('um-admin'), wipe_data: false, transfer_dest_id: byEmail('bob'), transfer_admin_id: byEmail('um-admin') }, 'removed_and_transfer_admin_should_differ'],
    ['unknown destination', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('ghost'), transfer_admin_id: admin }, 'transfer_dest_user_not_found'],
    ['removed destination', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('rita'), transfer_admin_id: admin }, 'transfer_dest_user_not_in_team'],
    ['suspended destination', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('sam'), transfer_admin_id: admin }, 'transfer_dest_user_not_in_team'],
    ['invited destination', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('ivy'), transfer_admin_id: admin }, 'recipient_not_verified'],
    ['unknown admin', { user: byEmail('alice'), wipe_data: false, transfer_dest_id: byEmail('bob'), transfer_admin_id: byEmail('ghost') }, 'transfer_admin_user_not_found'],
    ['keep account and transfer', { user: byEmail('alice'), wipe_data: false, keep_account: true, transfer_dest_id: byEmail('bob'), transfer_admin_id: admin }, 'cannot_keep_account_and_transfer'],
    ['keep account and wipe', { user: byEmail('alice'), wipe_data: true, keep_account: true }, 'cannot_keep_account_and_delete_data'],
    ['keep account by default wipe', { user: byEmail('alice'), keep_account: true }, 'cannot_keep_account_and_delete_data'],
    ['keep account and permanently delete', { user: byEmail('alice'), wipe_data: false, keep_account: true, permanently_delete_files: true }, 'cannot_keep_account_and_permanently_delete'],
    ['keep an invited account', { user: byEmail('ivy'), wipe_data: false, keep_account: true }, 'cannot_keep_invited_user_account'],
    ['retain shares with wipe', { user: byEmail('alice'), wipe_data: true, retain_team_shares: true }, 'cannot_retain_shares_when_data_wiped'],
    ['retain shares without keeping the account', { user: byEmail('alice'), wipe_data: false, retain_team_shares: true }, 'cannot_retain_shares_when_no_account_kept'],
    ['permanently delete and transfer', { user: byEmail('alice'), wipe_data: false, permanently_delete_files: true, transfer_dest_id: byEmail('bob'), transfer_admin_id: admin }, 'cannot_permanently_delete_and_transfer'],
    ['an already removed member', { user: byEmail('rita'), wipe_data: false }, 'user_not_in_team'],
    ['an unknown member', { user: byEmail('ghost'), wipe_data: false }, 'user_not_found'],
  ];
  await withTeam(async (h) => {
    for (const [name, arg, tag] of cases) t.equal(await tagOf(h.client.teamMembersRemove(arg as never)), tag, name);
    t.equal(h.state.memberByEmail(email('alice'))!.status, 'active', 'no refused removal changed anything');
  });
});

t.test('files: transfer, former-member pool, permanent deletion, kept accounts', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    const total = h.state.totalFiles() + h.state.lostFiles();
    t.equal(h.state.lostFiles(), 0, 'olga (30 days) is still within the 180-day transfer window');

    const r = await dbx.teamMembersRemove({ user: byEmail('bob'), wipe_data: true, transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('it-admin') });
    t.equal(r.result['.tag'], 'async_job_id', 'a removal with a transfer runs as a job');
    t.equal((await dbx.teamMembersRemoveJobStatusGet({ async_job_id: (r.result as any).async_job_id })).result['.tag'], 'complete');
    t.equal(h.state.filesOf('dbmid:alice'), 30, "bob's 20 files went to alice");
    t.equal(h.state.filesOf('dbmid:bob'), 0);
    t.equal(h.state.memberByEmail(email('bob'))!.isRecoverable, false, 'no recover after a transfer');
    t.equal(await tagOf(dbx.teamMembersRecover({ user: byEmail('bob') })), 'user_unrecoverable');
    t.notOk(h.state.groups().find((g) => g.groupId === 'g:eng')!.memberIds.includes('dbmid:bob'), 'removal ends group memberships');

    t.equal((await dbx.teamMembersRemove({ user: byEmail('um-admin'), wipe_data: false })).result['.tag'], 'complete');
    t.equal(h.state.memberByEmail(email('um-admin'))!.filesFate, 'pool', 'no transfer: files wait in the former-member pool');
    t.equal(h.state.lostFiles(), 0);
    const move = await dbx.teamMembersMoveFormerMemberFiles({ user: byEmail('um-admin'), transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('admin') });
    t.equal(await tagOf(dbx.teamMembersMoveFormerMemberFiles({ user: byEmail('um-admin'), transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('admin') })), 'user_data_is_being_transferred');
    t.equal((await dbx.teamMembersMoveFormerMemberFilesJobStatusCheck({ async_job_id: (move.result as any).async_job_id })).result['.tag'], 'complete');
    t.equal(h.state.filesOf('dbmid:alice'), 40);
    t.equal(await tagOf(dbx.teamMembersMoveFormerMemberFiles({ user: byEmail('um-admin'), transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('admin') })), 'user_data_already_transferred', 'files move once');
    t.equal(await tagOf(dbx.teamMembersMoveFormerMemberFiles({ user: byEmail('alice'), transfer_dest_id: byEmail('admin'), transfer_admin_id: byEmail('admin') })), 'user_not_removed');

    await dbx.teamMembersRemove({ user: byEmail('sam'), wipe_data: false, permanently_delete_files: true });
    t.equal(h.state.lostFiles(), 5, "sam's files are gone for good");
    t.equal(await tagOf(dbx.teamMembersMoveFormerMemberFiles({ user: byEmail('sam'), transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('admin') })), 'user_data_cannot_be_transferred');

    await dbx.teamMembersRemove({ user: byEmail('alice'), wipe_data: false, keep_account: true });
    const alice = h.state.memberByEmail(email('alice'))!;
    t.equal(alice.isDisconnected, true);
    t.equal(h.state.lostFiles(), 45, "a kept account takes alice's 40 files with it");

    h.advance(151 * DAY);
    t.equal(h.state.lostFiles(), 45 + 3, "olga's pool expires after 180 days");
    t.equal(h.state.totalFiles() + h.state.lostFiles(), total, 'no file appears or vanishes unaccounted');
  });
});

t.test('members/recover: a 7-day window from the removal', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    t.equal(await tagOf(dbx.teamMembersRecover({ user: byEmail('olga') })), 'user_unrecoverable', 'past the window');
    t.equal(await tagOf(dbx.teamMembersRecover({ user: byEmail('alice') })), 'user_unrecoverable', 'not removed');
    t.equal(await tagOf(dbx.teamMembersRecover({ user: byEmail('ghost') })), 'user_not_found');
    await dbx.teamMembersRemove({ user: byEmail('bob'), wipe_data: false });
    h.advance(7 * DAY - 1000);
    t.equal(h.state.memberByEmail(email('rita'))!.isRecoverable, false, 'rita (removed 2 days before start) has run out');
    t.equal(await tagOf(dbx.teamMembersRecover({ user: { '.tag': 'team_member_id', team_member_id: 'dbmid:bob' } })), 'ok', 'bob is recovered a second before the end');
    const bob = h.state.memberByEmail(email('bob'))!;
    t.equal(bob.status, 'active');
    t.equal(bob.files, 20, 'with his files');
    t.equal(bob.teamMemberId, 'dbmid:bob', 'and his team_member_id');
    await dbx.teamMembersRemove({ user: byEmail('bob'), wipe_data: false });
    h.advance(7 * DAY);
    t.equal(await tagOf(dbx.teamMembersRecover({ user: byEmail('bob') })), 'user_unrecoverable', 'a day late is too late');
    await dbx.teamMembersRemove({ user: byEmail('ivy'), wipe_data: false });
    await dbx.teamMembersRecover({ user: byEmail('ivy') });
    t.equal(h.state.memberByEmail(email('ivy'))!.status, 'invited', 'an invited member comes back invited');
  });
});

t.test('async removal jobs: internal_error applies nothing, a re-run converges', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    h.state.asyncMode = 'always';
    h.state.failNextJobs(1);
    const first = await dbx.teamMembersRemove({ user: byId('bob'), wipe_data: false });
    t.equal(await tagOf(dbx.teamMembersRemoveJobStatusGet({ async_job_id: (first.result as any).async_job_id })), 'internal_error');
    t.equal(h.state.memberByEmail(email('bob'))!.status, 'active', 'the failed job removed nobody');
    const again = await dbx.teamMembersRemove({ user: byId('bob'), wipe_data: false });
    t.equal((await dbx.teamMembersRemoveJobStatusGet({ async_job_id: (again.result as any).async_job_id })).result['.tag'], 'complete');
    t.equal(h.state.memberByEmail(email('bob'))!.status, 'removed');
  });
});

t.test('get_authenticated_admin and team/get_info', async (t) => {
  await withTeam(async (h) => {
    const info = (await h.client.teamGetInfo()).result;
    t.equal(info.num_provisioned_users, 7, 'active, invited and suspended members');
    t.equal(info.num_licensed_users, 100);
    h.state.authenticatedAdminId = 'dbmid:sam';
    t.equal(await tagOf(h.client.teamTokenGetAuthenticatedAdmin()), 'admin_not_active');
    h.state.authenticatedAdminId = 'dbmid:nobody';
    t.equal(await tagOf(h.client.teamTokenGetAuthenticatedAdmin()), 'mapping_not_found');
  });
});

t.test('email_verified is seedable, listed, and an unverified active member is refused as a transfer destination', async (t) => {
  // team.stone:56 MemberProfile.email_verified; team.stone:1594 MembersTransferFilesError.recipient_not_verified.
  const seed = seedTeam();
  seed.members = seed.members.map((m) => (m.teamMemberId === 'dbmid:alice' ? { ...m, emailVerified: false } : m));
  await withTeam(async (h) => {
    const dbx = h.client;
    const info = await dbx.teamMembersGetInfoV2({ members: [byEmail('alice'), byEmail('bob'), byEmail('ivy')] });
    t.same(
      info.result.members_info.map((i) => (i['.tag'] === 'member_info' ? i.profile.email_verified : null)),
      [false, true, false],
      'seeded false; verified by default; an invited member has not verified yet',
    );
    const arg = { user: byEmail('bob'), wipe_data: false, transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('it-admin') };
    t.equal(await tagOf(dbx.teamMembersRemove(arg)), 'recipient_not_verified');
    t.equal(h.state.memberByEmail(email('bob'))!.status, 'active', 'nothing removed');
    h.state.member('dbmid:alice')!.emailVerified = true;
    t.equal(await tagOf(dbx.teamMembersRemove(arg)), 'ok', 'accepted once verified');
  }, undefined, seed);
});

t.test('set_profile_v2 names are OptionalNamePart: empty is accepted, over 50 characters or a forbidden character is a 400', async (t) => {
  // team.stone:1876-1878 new_given_name / new_surname: common.OptionalNamePart; common.stone:7:
  // String(max_length=50, pattern="[^\/:?*<>\"|]*"), no min_length. Stone counts characters.
  await withTeam(async (h) => {
    const body = (fields: object) => JSON.stringify({ user: { '.tag': 'email', email: email('alice') }, ...fields });
    const ok = await h.raw('team/members/set_profile_v2', body({ new_given_name: '', new_surname: '' }));
    t.equal(ok.status, 200, 'empty names accepted');
    t.match(h.state.memberByEmail(email('alice')), { givenName: '', surname: '' });
    const emoji = await h.raw('team/members/set_profile_v2', body({ new_given_name: '\u{1F600}'.repeat(50) }));
    t.equal(emoji.status, 200, '50 emoji are 50 characters (100 UTF-16 units)');
    for (const [name, fields] of [
      ['51 characters', { new_surname: 'x'.repeat(51) }],
      ['a pipe', { new_surname: 'a|b' }],
    ] as const) {
      const res = await h.raw('team/members/set_profile_v2', body(fields));
      t.equal(res.status, 400, name);
    }
  });
});

t.test('transfer jobs: one at a time per recipient, many polls, failures after removing', async (t) => {
  await withTeam(async (h) => {
    const dbx = h.client;
    h.state.transferPolls = 4;
    const jobOf = (r: { result: unknown }) => (r.result as { async_job_id: string }).async_job_id;
    const bob = await dbx.teamMembersRemove({ user: byEmail('bob'), wipe_data: false, transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('it-admin') });
    t.equal((await dbx.teamMembersRemoveJobStatusGet({ async_job_id: jobOf(bob) })).result['.tag'], 'in_progress', 'a transfer takes several polls');
    // team.stone:1476 MembersPermanentlyDeleteFilesError.transfer_in_progress, inherited by
    // MembersRemoveError (team.stone:1491): bob's files are being transferred.
    t.equal(await tagOf(dbx.teamMembersRemove({ user: byEmail('bob'), wipe_data: false, transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('it-admin') })), 'transfer_in_progress');
    // team.stone MembersRemoveError.member_is_transfer_destination: alice receives a transfer.
    t.equal(await tagOf(dbx.teamMembersRemove({ user: byEmail('alice'), wipe_data: false })), 'member_is_transfer_destination');
    // A second transfer to alice while bob's runs (ref §2.13: a recipient takes one deleted user's
    // files at a time; no route error exists for it): the job removes sam, then fails the transfer.
    const sam = await dbx.teamMembersRemove({ user: byEmail('um-admin'), wipe_data: false, transfer_dest_id: byEmail('alice'), transfer_admin_id: byEmail('it-admin') });
    const pollTag = (id: string) => dbx.teamMembersRemoveJobStatusGet({ async_job_id: id }).then((r) => String(r.result['.tag']), (e: unknown) => tagOf(Promise.reject(e)));
    let tag = 'in_progress';
    for (let i = 0; i < 10 && tag === 'in_progress'; i++) tag = await pollTag(jobOf(sam));
    t.equal(tag, 'internal_error', 'async.stone PollError.internal_error');
    t.equal(h.state.memberByEmail(email('um-admin'))!.status, 'removed', 'removed although the job failed');
    t.equal(h.state.memberByEmail(email('um-admin'))!.filesFate, 'pool', 'its files were not transferred');
    t.equal(h.state.memberByEmail(email('um-admin'))!.isRecoverable, true);

    h.state.asyncMode = 'always';
    h.state.failNextJobs(1, 'after');
    const ivy = await dbx.teamMembersRemove({ user: byEmail('ivy'), wipe_data: false });
    t.equal(await pollTag(jobOf(ivy)), 'internal_error');
    t.equal(h.state.memberByEmail(email('ivy'))!.status, 'removed', 'failNextJobs(1, "after"): the job applied its work, then failed');
  });
});

t.test('an address held by a user on another team (seed otherTeamEmails): set_profile_v2 and add_v2 refuse it for that member only', async (t) => {
  // team.stone:1549 MembersSetProfileError.email_reserved_for_other_user; team.stone
  // MemberAddResultBase.user_on_another_team ("associated with a user that is already a member or invited to another team").
  const seed = { ...seedTeam(), otherTeamEmails: ['Taken@Elsewhere.example'] };
  await withTeam(async (h) => {
    const dbx = h.client;
    t.equal(await tagOf(dbx.teamMembersSetProfileV2({ user: byEmail('alice'), new_email: 'taken@elsewhere.example', new_surname: 'X' })), 'email_reserved_for_other_user');
    t.match(h.state.memberByEmail(email('alice')), { surname: 'Tester' }, 'nothing of the update was made');
    const res = await dbx.teamMembersAddV2({
      new_members: [
        { member_email: 'TAKEN@elsewhere.example', member_given_name: 'T', member_surname: 'A' },
        { member_email: email('fresh'), member_given_name: 'F', member_surname: 'R' },
      ],
    });
    const r = res.result as { '.tag': string; complete: { '.tag': string; user_on_another_team?: string }[] };
    t.same(r.complete.map((x) => x['.tag']), ['user_on_another_team', 'success'], 'the other member of the batch is added');
    t.equal(r.complete[0]!.user_on_another_team, 'TAKEN@elsewhere.example');
  }, undefined, seed);
});

t.test('joined_on stays on a removed member who had joined (team.stone:68-69: only invited_on and suspended_on are tied to a status)', async (t) => {
  const seed = seedTeam();
  const joined = '2021-03-04T05:06:07Z';
  seed.members.find((m) => m.teamMemberId === 'dbmid:rita')!.joinedOn = joined;
  await withTeam(
    async (h) => {
      const dbx = h.client;
      await dbx.teamMembersRemove({ user: byEmail('bob'), wipe_data: false });
      const info = async (who: string) => {
        const [item] = (await dbx.teamMembersGetInfoV2({ members: [byEmail(who)] })).result.members_info as any[];
        return item.profile;
      };
      t.equal((await info('rita')).joined_on, joined, 'seeded as removed, with the date it joined');
      t.type((await info('bob')).joined_on, 'string', 'removed through the API, the date stays');
      t.equal((await info('ivy')).joined_on, undefined, 'an invited member has not joined');
    },
    undefined,
    seed,
  );
});
