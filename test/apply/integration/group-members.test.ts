/**
 * A member gone since the plan does not fail a whole group batch: groups/members/add|remove answer
 * members_not_in_team / users_not_found with the refused ids, which are left out and reported while
 * the rest is applied (real writer and SDK against the Dropbox sandbox).
 */
import t from 'tap';
import { applyPlan } from '../../../src/apply/execute.js';
import { createDropboxWriter } from '../../../src/dropbox/writer.js';
import { email, seedTeam, startDropbox } from '../../dropbox/fixture.js';
import { groupAdd, groupRef, groupRemove, person, plan } from '../fakes/plan-builder.js';

const instant = async (): Promise<void> => {};
const who = (id: string) => person(email(id), `dbmid:${id}`, `okta-${id}`);
const noTransfer = { wipeData: false, keepAccount: false, retainTeamShares: false, transferDest: null, transferAdmin: null };

t.test('members removed from the team or unknown since the plan are left out of a group change; the rest applies', async (t) => {
  // team.stone:2277 GroupMembersAddError.members_not_in_team List(String), :2282 users_not_found
  // List(String); :2293 / :2295 the same for GroupMembersRemoveError: the error names the bad ids.
  const h = await startDropbox(seedTeam());
  t.teardown(() => h.close());
  const writer = createDropboxWriter(h.client, { sleep: instant, pollIntervalMs: 1 });
  const eng = groupRef('Engineering', 'g:eng', 'okta:00geng');
  const planned = plan([
    groupAdd(eng, [who('ivy'), who('sam'), who('admin'), who('ghost')]),
    groupRemove(eng, [who('alice'), who('bob')]),
  ]);
  // Since the plan: sam and bob left the team (members/remove), ghost's member id no longer exists.
  await writer.remove({ by: 'email', value: email('sam') }, noTransfer);
  await writer.remove({ by: 'email', value: email('bob') }, noTransfer);

  const result = await applyPlan(planned, writer);
  t.same(
    result.outcomes.map((o) => o.status),
    ['applied', 'applied'],
    'neither batch fails for the members who are gone',
  );
  t.same([...h.state.groups().find((g) => g.groupId === 'g:eng')!.memberIds].sort(), ['dbmid:admin', 'dbmid:ivy'], 'the rest was added and removed');
  const [added, removed] = result.outcomes;
  t.match(added!.note, new RegExp(`left out ${email('sam')} \\(no longer on the Dropbox team: members_not_in_team\\)`));
  t.match(added!.note, new RegExp(`left out ${email('ghost')} \\(not found in Dropbox: users_not_found\\)`));
  t.match(removed!.note, new RegExp(`left out ${email('bob')} \\(no longer on the Dropbox team`));
});
