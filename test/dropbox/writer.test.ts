import t from 'tap';
import type { MemberAddInput, MemberSelector } from '../../src/domain/ports.js';
import { RemoteError } from '../../src/domain/errors.js';
import { dropboxCallCounter } from '../../src/dropbox/client.js';
import { readDropboxState } from '../../src/dropbox/reader.js';
import { createDropboxWriter, type DropboxWriterOptions } from '../../src/dropbox/writer.js';
import { email, recordingSleep, startDropbox, type Harness } from './fixture.js';

const sel = (local: string): MemberSelector => ({ by: 'email', value: email(local) });
const id = (local: string): MemberSelector => ({ by: 'team_member_id', value: `dbmid:${local}` });
const noTransfer = { wipeData: false, keepAccount: false, retainTeamShares: false, transferDest: null, transferAdmin: null };

async function withWriter(fn: (h: Harness, w: ReturnType<typeof createDropboxWriter>, waits: number[]) => Promise<void>, options: DropboxWriterOptions = {}, asyncPolls?: number) {
  const h = await startDropbox(undefined, asyncPolls !== undefined ? { asyncPolls } : {});
  const { sleep, waits } = recordingSleep();
  try {
    await fn(h, createDropboxWriter(h.client, { sleep, pollIntervalMs: 100, ...options }), waits);
  } finally {
    await h.close();
  }
}

function hire(local: string, extra: Partial<MemberAddInput> = {}): MemberAddInput {
  return { email: email(local), givenName: 'New', surname: local, externalId: `okta-${local}`, sendWelcomeEmail: false, role: 'member_only', ...extra };
}

t.test('addMembers: batches of 20, one outcome per input, in order', async (t) => {
  await withWriter(async (h, w) => {
    const inputs: MemberAddInput[] = [
      hire('alice', { externalId: 'okta-alice' }),
      hire('bob', { externalId: 'okta-someone-else' }),
      hire('rita'),
      hire('slash', { givenName: 'A/B' }),
      ...Array.from({ length: 40 }, (_, i) => hire(`hire${i}`)),
      hire('boss', { role: 'team_admin' }),
    ];
    const out = await w.addMembers(inputs);
    t.equal(out.length, inputs.length);
    t.same(out.map((o) => o.email), inputs.map((i) => i.email), 'in input order');
    t.match(out[0], { ok: true, teamMemberId: 'dbmid:alice', alreadyMember: true }, 'already a member with the same external id: success');
    t.match(out[1], { ok: false, tag: 'user_already_on_team', message: /external id okta-bob, not okta-someone-else/ });
    t.match(out[2], { ok: false, tag: 'user_already_on_team', message: /recoverable: recover it/ });
    t.match(out[3], { ok: false, tag: 'invalid_argument', message: /given name/ }, 'a bad name fails alone, before any call');
    t.ok(out.slice(4).every((o) => o.ok && !o.alreadyMember), 'the hires are added');
    const counter = dropboxCallCounter(h.client);
    t.equal(counter.get('team/members/add_v2'), 3, '43 valid inputs → 3 calls');
    t.ok(counter.get('team/members/add/job_status/get_v2') >= 2, 'the big batches ran as jobs and were polled');
    t.equal(counter.get('team/members/get_available_team_member_roles'), 1);
    const state = await readDropboxState(h.client);
    const boss = state.members.find((m) => m.email === email('boss'))!;
    t.match(boss, { status: 'invited', role: 'team_admin', externalId: 'okta-boss', givenName: 'New', surname: 'boss' });
    t.equal(state.members.filter((m) => m.email.startsWith('hire')).length, 40);
  });
});

t.test('addMembers: a failed add job is re-run and converges', async (t) => {
  await withWriter(async (h, w) => {
    h.state.failNextJobs(1);
    h.state.asyncMode = 'always';
    const out = await w.addMembers([hire('n1'), hire('n2')]);
    t.ok(out.every((o) => o.ok));
    t.equal(h.state.members().filter((m) => m.email.startsWith('n')).length, 2, 'each added once');
    t.equal(dropboxCallCounter(h.client).get('team/members/add_v2'), 2);
  });
});

t.test('async jobs are polled with a growing interval and a timeout', async (t) => {
  await withWriter(
    async (h, w, waits) => {
      h.state.asyncMode = 'always';
      await w.addMembers([hire('slowpoke')]);
      t.same(waits, [100, 150, 225], 'three polls, interval ×1.5');
      t.equal(h.state.memberByEmail(email('slowpoke'))!.status, 'invited');
      const timeoutWriter = createDropboxWriter(h.client, { sleep: recordingSleep().sleep, pollIntervalMs: 100, jobTimeoutMs: 200 });
      const err = await timeoutWriter.addMembers([hire('never')]).catch((e: unknown) => e);
      t.ok(err instanceof RemoteError);
      t.match(err, { code: 'job_timeout', retryable: true });
    },
    {},
    3,
  );
});

t.test('setProfile', async (t) => {
  await withWriter(async (_h, w) => {
    const r = await w.setProfile({ by: 'external_id', value: 'okta-alice' }, { externalId: 'okta-alice-2', email: email('alice.b'), givenName: 'Alicia', surname: 'B' });
    t.match(r, { alreadyDone: false, attempts: 2 }, 'resolved by id first, since Dropbox refuses selecting and changing the external id at once');
    t.match(r.requestId, /^[0-9a-f]{32}$/);
    const alice = (await w.getMember(id('alice')))!;
    t.match(alice, { externalId: 'okta-alice-2', email: email('alice.b'), givenName: 'Alicia', surname: 'B' });
    t.same(await w.setProfile(id('alice'), {}), { attempts: 0, requestId: null, alreadyDone: true }, 'nothing to change: no call');
    const err = await w.setProfile(id('alice'), { email: email('bob') }).catch((e: unknown) => e);
    // team.stone:1549 email_reserved_for_other_user: said in words, as this member's refusal only.
    t.match(err, { code: 'email_reserved_for_other_user', retryable: false, message: /^Dropbox refused this member's profile update: bob@.* is already held by another Dropbox user .*; nothing of the update was made/ });
    const taken = await w.setProfile(id('alice'), { externalId: 'okta-bob' }).catch((e: unknown) => e);
    t.match(taken, { code: 'external_id_used_by_other_user', message: /external id okta-bob is already used by another member/ });
    const other = await w.setProfile(id('rita'), { surname: 'X' }).catch((e: unknown) => e);
    t.match(other, { code: 'set_profile_disallowed', message: /set_profile_v2 failed/ }, 'other refusals keep their own message');
  });
});

t.test('suspend and unsuspend send wipe_data and converge', async (t) => {
  await withWriter(async (h, w) => {
    t.match(await w.suspend(sel('alice'), false), { alreadyDone: false });
    t.equal(h.state.memberByEmail(email('alice'))!.status, 'suspended');
    t.equal(h.state.memberByEmail(email('alice'))!.lastWipeData, false, 'wipe_data false sent explicitly');
    t.match(await w.suspend(sel('alice'), false), { alreadyDone: true }, 'already suspended');
    await w.suspend(sel('bob'), true);
    t.equal(h.state.memberByEmail(email('bob'))!.lastWipeData, true);
    t.match(await w.suspend(sel('ivy'), false).catch((e: unknown) => e), { code: 'suspend_inactive_user' }, 'an invited member cannot be suspended');
    t.match(await w.unsuspend(sel('alice')), { alreadyDone: false });
    t.equal((await w.getMember(sel('alice')))!.status, 'active');
    t.match(await w.unsuspend(sel('alice')), { alreadyDone: true });
  });
});

t.test('remove with a transfer (a job), recover, and their convergence', async (t) => {
  await withWriter(async (h, w) => {
    const r = await w.remove(sel('bob'), { ...noTransfer, wipeData: true, transferDest: sel('alice'), transferAdmin: sel('it-admin') });
    t.equal(r.alreadyDone, false);
    t.ok(r.attempts >= 2, 'launch and poll');
    t.equal((await w.getMember(sel('bob')))!.status, 'removed');
    t.equal(h.state.filesOf('dbmid:alice'), 30, 'files moved to the destination');
    t.equal(h.state.lostFiles(), 0);
    t.match(await w.remove(sel('bob'), noTransfer), { alreadyDone: true }, 'removing again is done already');
    t.match(await w.recover(sel('bob')).catch((e: unknown) => e), { code: 'user_unrecoverable' }, 'no recover after a transfer');

    t.match(await w.remove(id('um-admin'), noTransfer), { alreadyDone: false });
    t.match(await w.recover(id('um-admin')), { alreadyDone: false });
    t.equal((await w.getMember(id('um-admin')))!.status, 'active');
    t.match(await w.recover(id('um-admin')), { alreadyDone: true }, 'recovering a member who is back is done already');

    h.state.asyncMode = 'always';
    h.state.failNextJobs(1);
    t.match(await w.remove(sel('sam'), noTransfer), { alreadyDone: false }, 'a job that fails with internal_error is checked, then re-run');
    t.equal(h.state.memberByEmail(email('sam'))!.status, 'removed');
    t.equal(dropboxCallCounter(h.client).get('team/members/remove/job_status/get'), 3);
    t.match(await w.remove(sel('alice'), { ...noTransfer, keepAccount: true, wipeData: true }).catch((e: unknown) => e), { code: 'cannot_keep_account_and_delete_data', status: 409 });
  });
});

t.test('setRole resolves role ids once', async (t) => {
  await withWriter(async (h, w) => {
    await w.setRole(sel('alice'), 'support_admin');
    await w.setRole(sel('bob'), 'user_management_admin');
    await w.setRole(sel('um-admin'), 'member_only');
    await w.setRole(sel('alice'), 'team_admin');
    const state = await readDropboxState(h.client);
    const role = (e: string) => state.members.find((m) => m.email === email(e))!.role;
    t.same([role('alice'), role('bob'), role('um-admin')], ['team_admin', 'user_management_admin', 'member_only']);
    t.equal(dropboxCallCounter(h.client).get('team/members/get_available_team_member_roles'), 1);
    t.match(await w.setRole(sel('admin'), 'member_only').then(() => w.setRole(sel('it-admin'), 'member_only')).then(() => w.setRole(sel('alice'), 'member_only')).catch((e: unknown) => e), { code: 'last_admin' });
  });
});

t.test('groups: create, update, delete — each converges when repeated', async (t) => {
  await withWriter(async (h, w) => {
    const created = await w.createGroup('Sales Team', 'okta:00gsales');
    t.match(created, { alreadyDone: false, groupId: /^g:/ });
    const again = await w.createGroup('Sales Team', 'okta:00gsales');
    t.match(again, { alreadyDone: true, groupId: created.groupId }, 'a retried create finds its group');
    t.match(await w.createGroup('Engineering', 'okta:00gother').catch((e: unknown) => e), { code: 'group_name_already_used' });
    let state = await readDropboxState(h.client);
    t.match(state.groups.find((g) => g.groupId === created.groupId), { name: 'Sales Team', externalId: 'okta:00gsales', managementType: 'company_managed' });

    t.match(await w.updateGroup(created.groupId, { name: 'Sales' }), { alreadyDone: false });
    await w.updateGroup('g:legacy', { externalId: 'okta:00glegacy' });
    t.same(await w.updateGroup('g:legacy', {}), { attempts: 0, requestId: null, alreadyDone: true });
    state = await readDropboxState(h.client);
    t.equal(state.groups.find((g) => g.groupId === created.groupId)!.name, 'Sales');
    t.equal(state.groups.find((g) => g.groupId === 'g:legacy')!.externalId, 'okta:00glegacy');

    h.state.failNextJobs(1);
    t.match(await w.deleteGroup('g:eng'), { alreadyDone: false }, 'a delete job that fails is checked and re-run');
    t.match(await w.deleteGroup('g:eng'), { alreadyDone: true });
    t.match(await w.deleteGroup(created.groupId), { alreadyDone: false });
    state = await readDropboxState(h.client);
    t.same(state.groups.map((g) => g.groupId), ['g:all', 'g:legacy']);
    t.match(await w.deleteGroup('g:all').catch((e: unknown) => e), { code: 'system_managed_group_disallowed' });
  });
});

t.test('group members: batches split on duplicate_user / member_not_in_group and converge', async (t) => {
  await withWriter(
    async (h, w) => {
      const ids = ['dbmid:ivy', 'dbmid:alice', 'dbmid:sam', 'dbmid:um-admin', 'dbmid:admin'];
      const added = await w.addGroupMembers('g:eng', ids);
      t.equal(added.alreadyDone, false);
      const state = await readDropboxState(h.client);
      t.same([...state.groups.find((g) => g.groupId === 'g:eng')!.memberIds].sort(), ['dbmid:admin', 'dbmid:alice', 'dbmid:bob', 'dbmid:ivy', 'dbmid:sam', 'dbmid:um-admin']);
      const calls = dropboxCallCounter(h.client).get('team/groups/members/add');
      t.ok(calls > 2 && calls <= 8, `split around alice (${calls} calls)`);
      t.match(await w.addGroupMembers('g:eng', ids), { alreadyDone: true }, 'all present: done already');
      t.match(await w.addGroupMembers('g:eng', []), { alreadyDone: true, attempts: 0 });

      const removed = await w.removeGroupMembers('g:eng', ['dbmid:ivy', 'dbmid:it-admin', 'dbmid:sam', 'dbmid:sam']);
      t.equal(removed.alreadyDone, false);
      t.same(h.state.groups().find((g) => g.groupId === 'g:eng')!.memberIds, ['dbmid:alice', 'dbmid:bob', 'dbmid:um-admin', 'dbmid:admin']);
      t.match(await w.removeGroupMembers('g:eng', ['dbmid:ivy']), { alreadyDone: true });
      // team.stone:2277 members_not_in_team List(String): the removed member is named, left out, the rest sent.
      t.match(await w.addGroupMembers('g:eng', ['dbmid:rita', 'dbmid:sam']), { notInTeam: ['dbmid:rita'], notFound: [], alreadyDone: false }, 'a removed member is left out, not a split');
      t.ok(h.state.groups().find((g) => g.groupId === 'g:eng')!.memberIds.includes('dbmid:sam'));
      t.match(await w.addGroupMembers('g:gone', ['dbmid:alice']).catch((e: unknown) => e), { code: 'group_not_found' });
    },
    { groupBatchSize: 4 },
  );
});

t.test('getMember', async (t) => {
  await withWriter(async (_h, w) => {
    t.match(await w.getMember({ by: 'external_id', value: 'okta-bob' }), { teamMemberId: 'dbmid:bob', status: 'active' });
    t.match(await w.getMember(sel('rita')), { status: 'removed', isRecoverable: true }, 'removed members are found');
    t.equal(await w.getMember(sel('ghost')), null);
  });
});

t.test('the writer survives injected faults and loses nothing', async (t) => {
  await withWriter(async (h, w) => {
    h.http.setFaults({ seed: 3, rate429: 0.15, rate500: 0.1, rate503: 0.1, rateDrop: 0.1, retryAfterSeconds: 0 });
    const out = await w.addMembers(Array.from({ length: 30 }, (_, i) => hire(`f${i}`)));
    t.ok(out.every((o) => o.ok), 'every hire added (a retried add finds its member)');
    await w.suspend(sel('alice'), false);
    await w.remove(sel('bob'), { ...noTransfer, transferDest: sel('it-admin'), transferAdmin: sel('admin') });
    const g = await w.createGroup('Faulty', 'okta:00gfaulty');
    await w.addGroupMembers(g.groupId, out.map((o) => (o.ok ? o.teamMemberId : '')));
    await w.deleteGroup('g:legacy');
    h.http.setFaults({});
    t.ok(h.http.log.some((e) => e.fault !== null), 'faults were injected');
    const state = await readDropboxState(h.client);
    t.equal(state.members.filter((m) => m.email.startsWith('f')).length, 30, 'no one added twice');
    t.equal(state.members.find((m) => m.email === email('alice'))!.status, 'suspended');
    t.equal(state.members.find((m) => m.email === email('bob'))!.status, 'removed');
    t.equal(state.groups.find((x) => x.groupId === g.groupId)!.memberIds.length, 30);
    t.notOk(state.groups.some((x) => x.groupId === 'g:legacy'));
    t.equal(h.state.filesOf('dbmid:it-admin'), 70, "bob's files arrived once");
    t.equal(h.state.lostFiles(), 0);
  });
});

// async.stone:61-67 PollError.internal_error: "verify that the action you were taking succeeded, and
// if not, try again". A removal job that fails after removing has not moved the files: the writer
// finishes the transfer with members/move_former_member_files (team.stone:1125), same destination
// and admin; user_data_already_transferred (team.stone:1605) counts as done.
t.test('a removal job that fails after removing: the transfer is finished with move_former_member_files', async (t) => {
  await withWriter(async (h, w) => {
    h.state.asyncMode = 'always';
    h.state.failNextJobs(1, 'after');
    const r = await w.remove(sel('bob'), { ...noTransfer, transferDest: sel('alice'), transferAdmin: sel('it-admin') });
    t.equal(h.state.memberByEmail(email('bob'))!.status, 'removed');
    t.equal(h.state.memberByEmail(email('bob'))!.filesFate, 'transferred', 'the files did not stay behind with the removed account');
    t.equal(h.state.filesOf('dbmid:alice'), 30, 'the destination got them');
    t.equal(h.state.memberByEmail(email('bob'))!.isRecoverable, false);
    t.match(r, { alreadyDone: false, note: /move_former_member_files.*failed after removing/ });
    t.equal(dropboxCallCounter(h.client).get('team/members/move_former_member_files'), 1);
    t.match(
      await w.remove(sel('bob'), { ...noTransfer, transferDest: sel('alice'), transferAdmin: sel('it-admin') }),
      { alreadyDone: true },
      'again: removed (user_not_in_team) and transferred (user_data_already_transferred)',
    );
  });
});

t.test('a removal without a transfer whose job fails after removing is done (no members/get_info_v2 of the removed member)', async (t) => {
  await withWriter(async (h, w) => {
    h.state.asyncMode = 'always';
    h.state.failNextJobs(1, 'after');
    t.match(await w.remove(sel('sam'), noTransfer), { alreadyDone: false });
    t.equal(h.state.memberByEmail(email('sam'))!.status, 'removed');
    t.notOk(dropboxCallCounter(h.client).get('team/members/get_info_v2'), 'the check is the removal sent again (user_not_in_team)');
  });
});

t.test('moveFormerMemberFiles: moves a removed member\'s files once; waits while they are being transferred', async (t) => {
  await withWriter(
    async (h, w, waits) => {
      h.state.asyncMode = 'always';
      const move = w.moveFormerMemberFiles(id('rita'), sel('alice'), sel('it-admin'));
      const second = w.moveFormerMemberFiles(id('rita'), sel('bob'), sel('it-admin'));
      const [a, b] = await Promise.all([move, second]);
      t.match(a, { alreadyDone: false });
      t.match(b, { alreadyDone: true }, 'the second saw user_data_is_being_transferred, waited, then user_data_already_transferred');
      t.ok(waits.length > 0);
      t.equal(h.state.filesOf('dbmid:alice'), 17, 'rita\'s 7 files went to alice only');
      t.equal(h.state.filesOf('dbmid:bob'), 20);
      t.match(await w.moveFormerMemberFiles(id('alice'), sel('bob'), sel('it-admin')).catch((e: unknown) => e), { code: 'user_not_removed' }, 'an active member is not moved');
    },
    {},
    3,
  );
});

t.test('a group delete job that fails after deleting is done when get_info answers group_not_on_team', async (t) => {
  // async.stone PollError.internal_error: verify the action succeeded. groups/get_info may answer a
  // deleted group with GroupsGetInfoError.group_not_on_team (team.stone:2245) instead of an
  // id_not_found item (team.stone:2234): both mean the group is gone.
  await withWriter(async (h, w) => {
    h.state.asyncMode = 'always';
    h.state.deletedGroupInfo = 'group_not_on_team';
    h.state.failNextJobs(1, 'after');
    const r = await w.deleteGroup('g:eng');
    t.equal(r.alreadyDone, false);
    t.notOk(h.state.groups().some((g) => g.groupId === 'g:eng'), 'deleted once');
    t.equal(dropboxCallCounter(h.client).get('team/groups/delete'), 1, 'not sent again');
  });
});
