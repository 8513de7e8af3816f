/**
 * A removal whose transfer job outlives the job timeout: the recipient takes no second transfer in
 * that run (Dropbox moves one deleted member's files to a recipient at a time), and the next run
 * finishes the first one (real writer and SDK against the Dropbox sandbox).
 */
import t from 'tap';
import { applyPlan } from '../../../src/apply/execute.js';
import { createDropboxWriter } from '../../../src/dropbox/writer.js';
import { email, seedTeam, startDropbox } from '../../dropbox/fixture.js';
import { person, plan, removeMember } from '../fakes/plan-builder.js';

const instant = async (): Promise<void> => {};
const who = (id: string) => person(email(id), `dbmid:${id}`, `okta-${id}`);

t.test('a transfer still running after the job timeout keeps its recipient for the run; the next run finishes it', async (t) => {
  // team.stone MembersPermanentlyDeleteFilesError.transfer_in_progress / the sandbox's one transfer
  // at a time per recipient: a second removal to bob while alice's files are still moving would
  // collide. async.stone: a job is in_progress until it completes or fails, however long it takes.
  const seed = seedTeam();
  seed.members.push({ teamMemberId: 'dbmid:carl', email: email('carl'), givenName: 'Carl', surname: 'Leaver', externalId: 'okta-carl', status: 'active', files: 4 });
  seed.members.push({ teamMemberId: 'dbmid:dora', email: email('dora'), givenName: 'Dora', surname: 'Leaver', externalId: 'okta-dora', status: 'active', files: 2 });
  const h = await startDropbox(seed, { asyncPolls: 2 });
  t.teardown(() => h.close());
  h.state.asyncMode = 'always';
  h.state.transferPolls = 40;
  const aliceFiles = h.state.filesOf('dbmid:alice');
  const bobFiles = h.state.filesOf('dbmid:bob');
  const admin = who('admin');
  const first = removeMember(who('alice'), { transferTo: who('bob'), transferAdmin: admin });
  const second = removeMember(who('carl'), { transferTo: who('bob'), fallbacks: [who('it-admin')], transferAdmin: admin });
  const third = removeMember(who('dora'), { transferTo: who('bob'), transferAdmin: admin });
  // A short job timeout: alice's transfer (40 polls) is still running when the writer gives up on
  // it; transfers launched after hers take 2 polls.
  const quicker = async () => void (h.state.transferPolls = 2);
  const impatient = createDropboxWriter(h.client, { sleep: quicker, pollIntervalMs: 1, jobTimeoutMs: 5 });
  const run1 = await applyPlan(plan([first, second, third]), impatient);
  t.match(run1.outcomes[0], { status: 'failed', error: { code: 'job_timeout' } }, "alice's removal did not finish in time");
  t.match(run1.outcomes[1], { status: 'applied', note: /files transferred to fallback it-admin@.* \(bob@.* is still receiving files/ }, "carl's files go to the fallback, not to bob");
  t.equal(h.state.memberById('dbmid:carl')?.filesFate, 'transferred');
  t.match(run1.outcomes[2], { status: 'failed', error: { code: 'transfer_destination_busy', message: /bob@.* \(still receiving alice@.*'s files\).*not removed/ } }, 'without a free destination: not removed');
  t.equal(h.state.memberById('dbmid:dora')?.status, 'active');
  t.equal(h.state.lostFiles(), 0, 'nothing lost');

  // The next run: alice's removal is sent again; Dropbox finishes the transfer it had started.
  const patient = createDropboxWriter(h.client, { sleep: instant, pollIntervalMs: 1 });
  const run2 = await applyPlan(plan([first]), patient);
  t.equal(run2.outcomes[0]!.status, 'applied', `finished on the next run: ${run2.outcomes[0]!.error?.message ?? ''}`);
  t.equal(h.state.memberById('dbmid:alice')?.status, 'removed');
  t.equal(h.state.memberById('dbmid:alice')?.filesFate, 'transferred');
  t.equal(h.state.filesOf('dbmid:bob'), bobFiles + aliceFiles, "bob has alice's files, once");
  t.equal(h.state.lostFiles(), 0);
});
