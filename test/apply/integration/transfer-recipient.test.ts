/**
 * An unverified transfer destination, through the real reader, writer and SDK against the Dropbox
 * sandbox. team.stone:56 MemberProfile.email_verified; team.stone:1594
 * MembersTransferFilesError.recipient_not_verified ("The recipient user's email is not verified").
 */
import t from 'tap';
import { applyPlan } from '../../../src/apply/execute.js';
import { readDropboxState } from '../../../src/dropbox/reader.js';
import { createDropboxWriter } from '../../../src/dropbox/writer.js';
import { email, seedTeam, startDropbox } from '../../dropbox/fixture.js';
import { person, plan, removeMember } from '../fakes/plan-builder.js';

const instant = async (): Promise<void> => {};
const who = (id: string) => person(email(id), `dbmid:${id}`, `okta-${id}`);

t.test('the reader keeps email_verified, and a removal whose destination turned unverified after the plan goes to the fallback', async (t) => {
  const seed = seedTeam();
  seed.members.push({ teamMemberId: 'dbmid:vera', email: email('vera'), givenName: 'Vera', surname: 'Unverified', externalId: 'okta-vera', status: 'active', emailVerified: false, files: 1 });
  const h = await startDropbox(seed, { asyncPolls: 2 });
  t.teardown(() => h.close());
  const live = await readDropboxState(h.client, { retry: { sleep: instant } });
  t.equal(live.members.find((m) => m.teamMemberId === 'dbmid:vera')?.emailVerified, false, 'vera: email_verified false');
  t.equal(live.members.find((m) => m.teamMemberId === 'dbmid:bob')?.emailVerified, true, 'bob: verified');

  // Planned while bob was verified; by apply time his address is not (an email change, say).
  h.state.member('dbmid:bob')!.emailVerified = false;
  const filesOfAlice = h.state.filesOf('dbmid:alice');
  const action = removeMember(who('alice'), { transferTo: who('bob'), fallbacks: [who('vera'), who('it-admin')], transferAdmin: who('admin'), wipeData: true });
  const writer = createDropboxWriter(h.client, { sleep: instant, pollIntervalMs: 1 });
  const result = await applyPlan(plan([action]), writer);
  const o = result.outcomes[0]!;
  t.equal(o.status, 'applied', 'removed');
  t.match(o.note, /files transferred to fallback it-admin@.* \(bob@.* has an unverified email\)/);
  t.equal(h.state.memberById('dbmid:alice')?.status, 'removed');
  t.equal(h.state.filesOf('dbmid:it-admin'), 50 + filesOfAlice, 'the files reached the first verified destination');
  t.equal(h.state.memberById('dbmid:alice')?.filesFate, 'transferred');
});
