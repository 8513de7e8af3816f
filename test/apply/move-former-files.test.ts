/**
 * The executor's member.move_former_files (issue 10 item 3): the files of a member already removed
 * go through the writer's members/move_former_member_files (team.stone:1125) with the destination
 * checked at apply time and the fallbacks tried in order, as for a removal's transfer;
 * user_data_already_transferred (team.stone:1604-1605) is success.
 */
import t from 'tap';
import { applyPlan } from '../../src/apply/execute.js';
import { FakeWriter, remoteError } from './fakes/fake-writer.js';
import { moveFormerFiles, person, plan, removeMember } from './fakes/plan-builder.js';

const LEAVER = person('leaver@acme.example', 'dbmid:leaver', '00uleaver');
const MGR = person('mgr@acme.example', 'dbmid:mgr');
const ARCHIVE = person('archive@acme.example', 'dbmid:archive');

function team(mgr: 'active' | 'removed' = 'active', archive: 'active' | 'suspended' = 'active'): FakeWriter {
  const w = new FakeWriter();
  w.member({ email: 'it-admin@acme.example', teamMemberId: 'dbmid:admin', role: 'team_admin' });
  w.member({ email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver', status: 'removed', isRecoverable: true, files: 6 });
  w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr', status: mgr });
  w.member({ email: 'archive@acme.example', teamMemberId: 'dbmid:archive', status: archive });
  return w;
}

t.test('the files go to the planned destination, with the transfer admin', async (t) => {
  const w = team();
  const result = await applyPlan(plan([moveFormerFiles(LEAVER, MGR, { fallbacks: [ARCHIVE] })]), w);
  t.match(result.outcomes[0], { status: 'applied', alreadyDone: false, note: null });
  t.equal(w.members.get('dbmid:mgr')?.files, 6);
  t.equal(w.members.get('dbmid:leaver')?.status, 'removed', 'nothing is removed or recovered');
  const [call] = w.callsOf('moveFormerMemberFiles');
  t.same(call?.args, [
    { by: 'team_member_id', value: 'dbmid:leaver' },
    { by: 'team_member_id', value: 'dbmid:mgr' },
    { by: 'team_member_id', value: 'dbmid:admin' },
  ]);
  t.equal(w.callsOf('remove').length, 0);
});

t.test('the destination is no longer an active member: the fallback receives the files', async (t) => {
  const w = team('removed');
  const result = await applyPlan(plan([moveFormerFiles(LEAVER, MGR, { fallbacks: [ARCHIVE] })]), w);
  t.match(result.outcomes[0], { status: 'applied', note: /files transferred to fallback archive@acme\.example \(mgr@acme\.example is no longer an active member\)/ });
  t.equal(w.members.get('dbmid:archive')?.files, 6);
});

t.test('no destination left: failed, not moved, and no call Dropbox would refuse', async (t) => {
  const w = team('removed', 'suspended');
  const result = await applyPlan(plan([moveFormerFiles(LEAVER, MGR, { fallbacks: [ARCHIVE] })]), w);
  t.match(result.outcomes[0], { status: 'failed', error: { code: 'transfer_destination_inactive', message: /transfer destination mgr@acme\.example is no longer an active member.*; not moved$/ } });
  t.equal(w.callsOf('moveFormerMemberFiles').length, 0);
  t.equal(w.members.get('dbmid:leaver')?.files, 6);
});

t.test('refused with recipient_not_verified: the next destination', async (t) => {
  const w = team();
  w.failOn('moveFormerMemberFiles', () => remoteError('recipient_not_verified'), { when: (args) => (args[1] as { value: string }).value === 'dbmid:mgr' });
  const result = await applyPlan(plan([moveFormerFiles(LEAVER, MGR, { fallbacks: [ARCHIVE] })]), w);
  t.match(result.outcomes[0], { status: 'applied', note: /fallback archive@acme\.example \(mgr@acme\.example has an unverified email\)/ });
  t.equal(w.members.get('dbmid:archive')?.files, 6);
});

t.test('files already transferred (user_data_already_transferred in the writer): applied, already done', async (t) => {
  const w = team();
  w.members.get('dbmid:leaver')!.isRecoverable = false;
  const result = await applyPlan(plan([moveFormerFiles(LEAVER, MGR)]), w);
  t.match(result.outcomes[0], { status: 'applied', alreadyDone: true });
});

t.test('no transfer admin in the plan: refused before any call', async (t) => {
  const w = team();
  const result = await applyPlan(plan([moveFormerFiles(LEAVER, MGR, { transferAdmin: null })]), w);
  t.match(result.outcomes[0], { status: 'failed', error: { code: 'unspecified_transfer_admin_id' } });
  t.equal(w.callsOf('moveFormerMemberFiles').length, 0);
});

t.test('a move and a removal to the same recipient run one after the other (one transfer at a time per recipient)', async (t) => {
  const w = team();
  w.delayMs = 3;
  w.member({ email: 'second@acme.example', teamMemberId: 'dbmid:second', files: 2 });
  const result = await applyPlan(plan([moveFormerFiles(LEAVER, MGR), removeMember(person('second@acme.example', 'dbmid:second'), { transferTo: MGR })]), w, { concurrency: 4 });
  t.equal(result.counts.applied, 2);
  const [a, b] = w.transfers.filter((x) => x.to === 'mgr@acme.example');
  t.ok(a !== undefined && b !== undefined && (a.end < b.start || b.end < a.start), 'the two transfers did not overlap');
  t.equal(w.members.get('dbmid:mgr')?.files, 8);
});
