/**
 * Every Dropbox action kind through the real writer and SDK against the Dropbox sandbox, verified
 * by reading the team back with the real reader.
 */
import t from 'tap';
import { applyPlan } from '../../../src/apply/execute.js';
import { readDropboxState } from '../../../src/dropbox/reader.js';
import { createDropboxWriter } from '../../../src/dropbox/writer.js';
import type { Action } from '../../../src/domain/plan.js';
import { email, seedTeam, startDropbox } from '../../dropbox/fixture.js';
import { addMember, createGroup, deleteGroup, groupAdd, groupRef, groupRemove, person, plan, recover, removeMember, renameGroup, setRole, suspend, unsuspend, updateProfile } from '../fakes/plan-builder.js';

const instant = async (): Promise<void> => {};
const who = (id: string, okta: string | null = `okta-${id}`) => person(email(id), `dbmid:${id}`, okta);

t.test('every action kind is applied and reads back as planned', async (t) => {
  const seed = seedTeam();
  seed.members.push(
    { teamMemberId: 'dbmid:dave', email: email('dave'), givenName: 'Dave', surname: 'Tester', externalId: 'okta-dave', status: 'active', files: 4 },
    { teamMemberId: 'dbmid:frank', email: email('frank'), givenName: 'Frank', surname: 'Leaver', externalId: 'okta-frank', status: 'active', files: 9 },
  );
  seed.groups.push({ groupId: 'g:old', name: 'Old', externalId: 'okta:00gold', managementType: 'company_managed', members: ['dbmid:dave'] });
  const h = await startDropbox(seed, { asyncPolls: 2 });
  t.teardown(() => h.close());
  h.state.asyncMode = 'always';
  const filesBefore = h.state.totalFiles();
  const newHire = person(email('nina'), null, 'okta-nina');
  const sales = groupRef('Sales', null, 'okta:00gsales');
  const actions: Action[] = [
    createGroup('Sales', '00gsales'),
    renameGroup(groupRef('Engineering', 'g:eng', 'okta:00geng'), 'Engineering Team'),
    renameGroup(groupRef('Legacy', 'g:legacy', null), 'Legacy', { newExternalId: 'okta:00glegacy' }),
    recover(who('rita')),
    unsuspend(who('sam')),
    addMember(email('nina'), 'okta-nina'),
    addMember(email('oscar'), 'okta-oscar', { role: 'support_admin' }),
    updateProfile(who('alice'), {
      email: { from: email('alice'), to: email('alice.smith') },
      surname: { from: 'Tester', to: 'Smith' },
      externalId: { from: 'okta-alice', to: 'okta-alice-2' },
    }),
    setRole(who('bob'), 'member_only', 'user_management_admin'),
    groupAdd(sales, [who('alice'), newHire], { dependsOn: ['group.create:okta:00gsales', 'member.add:okta:okta-nina'] }),
    groupRemove(groupRef('Engineering Team', 'g:eng', 'okta:00geng'), [who('bob')]),
    setRole(who('um-admin'), 'user_management_admin', 'member_only'),
    suspend(who('dave'), { wipeData: false }),
    removeMember(who('frank'), { transferTo: who('bob'), transferAdmin: who('it-admin'), wipeData: true }),
    deleteGroup(groupRef('Old', 'g:old', 'okta:00gold')),
  ];
  const writer = createDropboxWriter(h.client, { sleep: instant, pollIntervalMs: 1 });
  const result = await applyPlan(plan(actions), writer);
  t.same(
    result.outcomes.filter((o) => o.status !== 'applied'),
    [],
    'every action applied',
  );
  t.ok(result.outcomes.filter((o) => o.kind !== 'member.add').every((o) => o.requestId !== null && o.attempts >= 1), 'request ids and attempts recorded');

  const live = await readDropboxState(h.client, { retry: { sleep: instant } });
  const member = (local: string) => live.members.find((m) => m.email.toLowerCase() === email(local));
  const group = (name: string) => live.groups.find((g) => g.name === name);
  t.equal(member('rita')?.status, 'active', 'recovered');
  t.equal(member('sam')?.status, 'active', 'unsuspended');
  t.match(member('nina'), { externalId: 'okta-nina', givenName: 'New', surname: 'Hire' }, 'added');
  t.equal(member('oscar')?.role, 'support_admin', 'added with a role');
  t.match(member('alice.smith'), { teamMemberId: 'dbmid:alice', surname: 'Smith', externalId: 'okta-alice-2' }, 'profile updated');
  t.equal(member('bob')?.role, 'user_management_admin', 'promoted');
  t.equal(member('um-admin')?.role, 'member_only', 'demoted');
  t.equal(member('dave')?.status, 'suspended', 'suspended');
  t.equal(h.state.memberById('dbmid:dave')?.lastWipeData, false, 'wipe_data sent as planned');
  t.equal(live.members.find((m) => m.teamMemberId === 'dbmid:frank')?.status, 'removed', 'removed');
  t.equal(h.state.filesOf('dbmid:bob'), 20 + 9, 'the leaver\'s files went to bob');
  t.equal(h.state.totalFiles(), filesBefore, 'no file lost');
  t.match(group('Sales'), { externalId: 'okta:00gsales', managementType: 'company_managed' }, 'group created');
  t.same([...group('Sales')!.memberIds].sort(), ['dbmid:alice', member('nina')!.teamMemberId].sort(), 'new group filled, new hire included');
  t.same(group('Engineering Team')?.memberIds, ['dbmid:alice'], 'renamed, bob removed from it');
  t.equal(group('Legacy')?.externalId, 'okta:00glegacy', 'adopted');
  t.equal(group('Old'), undefined, 'deleted');

  // The same plan again, as a re-plan would hold it: the group now has an id, and the profile
  // change (email and external id) is no longer pending; everything else answers "already so".
  const salesId = group('Sales')!.groupId;
  const rerun = actions
    .filter((a) => a.kind !== 'member.update_profile' && a.kind !== 'group.create')
    .map((a) => (a.kind === 'group.members.add' ? { ...a, group: { ...a.group, groupId: salesId }, dependsOn: a.dependsOn.filter((d) => !d.startsWith('group.create')) } : a));
  const again = await applyPlan(plan(rerun), writer);
  t.same(again.outcomes.filter((o) => o.status !== 'applied'), []);
  t.same(again.counts, { applied: rerun.length, failed: 0, skipped: 0 }, 'a second run converges: "already so" answers count as applied');
});

t.test('an address freed by an email change goes to a new hire in the same run (the add waits for the update)', async (t) => {
  // team_members.stone: set_profile_v2 new_email changes the member's address; add_v2 refuses an
  // address a team member holds (user_already_on_team / duplicate). Planned together, the add must
  // run after the update, and then Dropbox accepts the freed address.
  const seed = seedTeam();
  const h = await startDropbox(seed);
  t.teardown(() => h.close());
  const update = updateProfile(who('alice'), { email: { from: email('alice'), to: email('alice.kim') } });
  const add = addMember(email('alice'), 'okta-newalice', { dependsOn: [update.id] });
  const writer = createDropboxWriter(h.client, { sleep: instant, pollIntervalMs: 1 });
  // In plan order (ids sort the add before the update, both in one phase): the add must wait.
  const result = await applyPlan(plan([add, update]), writer);
  t.same(result.outcomes.filter((o) => o.status !== 'applied'), [], 'both applied');
  const live = await readDropboxState(h.client, { retry: { sleep: instant } });
  t.equal(live.members.find((m) => m.email.toLowerCase() === email('alice.kim'))?.teamMemberId, 'dbmid:alice', 'alice moved');
  t.equal(live.members.find((m) => m.email.toLowerCase() === email('alice'))?.externalId, 'okta-newalice', 'the new hire got the freed address');
});
