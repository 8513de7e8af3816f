/**
 * The planner's scope (incremental reconcile, design.md "Lifecycle changes": it "must not read whole
 * listings"): given the people and groups an incremental run read, the plan decides their fates only;
 * nobody outside the scope is removed, reported as unmanaged or taken out of a group, however
 * partial the state. Each case plans the same team with and without a scope.
 */
import t from 'tap';
import type { PlanScope } from '../../src/domain/live.js';
import { planDropboxChanges } from '../../src/plan/index.js';
import { groupIdOf, groupPush, memberIdOf, oktaIdOf, team, type TeamBuilder } from '../helpers/builders.js';
import { actionsOf, kinds } from './plan-helpers.js';

function scoped(builder: TeamBuilder, people: readonly string[], groups: readonly string[] = [], activeMembers = 100) {
  const scope: PlanScope = { userIds: people.map(oktaIdOf), memberIds: people.map(memberIdOf), groupIds: groups.map(groupIdOf), activeMembers };
  return planDropboxChanges({ ...builder.build(), scope });
}

t.test('members outside the scope are not unmanaged, even under unmanagedMembers: remove; the leaver in scope is removed', async (t) => {
  // A partial read: Okta knows only the leaver; the other Dropbox members (read for a group or as
  // a manager) have no Okta user in this state.
  const build = () =>
    team()
      .person('leaver', { okta: { status: 'DEPROVISIONED' } })
      .person('bystander', { okta: false, dropbox: { externalId: '00ubystander' } })
      .person('manager', { okta: false, dropbox: { externalId: '00umanager' } })
      .settings({ provisioning: { unmanagedMembers: 'remove' }, offboarding: { onDeactivated: { action: 'remove', transferTo: 'none' } } });
  const full = planDropboxChanges(build().build());
  t.equal(actionsOf(full, 'member.remove').length, 3, 'without a scope the partial state removes everybody it does not know');
  const plan = scoped(build(), ['leaver']);
  t.same(actionsOf(plan, 'member.remove').map((a) => a.member.email), ['leaver@acme.example']);
  t.same(plan.reports.filter((r) => r.kind === 'unmanaged_member'), [], 'no unmanaged report outside the scope');
});

t.test('an assigned Okta user outside the scope is neither added nor changed', async (t) => {
  const build = () => team().person('hire', { dropbox: false }).person('renamed', { okta: { firstName: 'New' } }).person('mover');
  t.same(kinds(planDropboxChanges(build().build())), ['member.add', 'member.update_profile']);
  t.same(kinds(scoped(build(), ['mover'])), [], 'neither the hire nor the rename is planned outside the scope');
  t.same(kinds(scoped(build(), ['hire'])), ['member.add']);
});

t.test('a pushed group: only members in scope are added or removed; other members of the Dropbox group stay', async (t) => {
  const build = () =>
    team()
      .person('joiner', { okta: { groups: ['Engineering'] } })
      .person('leaver', { okta: { groups: [] } })
      // Read through the Dropbox group only: no Okta user in this state.
      .person('stranger', { okta: false, dropbox: { externalId: '00ustranger' } })
      .dropboxGroup('Engineering', { externalId: 'marker', members: ['leaver', 'stranger'] })
      .settings({ groupPushes: [groupPush({ oktaGroup: 'Engineering' })] });
  const plan = scoped(build(), ['joiner', 'leaver'], ['Engineering']);
  t.same(actionsOf(plan, 'group.members.add').flatMap((a) => a.members.map((m) => m.email)), ['joiner@acme.example']);
  t.same(actionsOf(plan, 'group.members.remove').flatMap((a) => a.members.map((m) => m.email)), ['leaver@acme.example'], 'the stranger stays: not in scope');
  t.same(kinds(scoped(build(), ['joiner', 'leaver'], [])), [], 'a pushed group outside the scope is not planned at all');
});

t.test('no group is pruned in a scoped plan; maxRemovalPercent counts the whole team; minTeamAdmins is left to the caller', async (t) => {
  const build = () =>
    team()
      .person('leaver', { okta: { status: 'DEPROVISIONED' }, dropbox: { role: 'team_admin' } })
      .dropboxGroup('Old', { externalId: 'okta:00ggone' })
      .settings({ pruneGroups: true, safety: { minTeamAdmins: 1, maxRemovalPercent: 10, minMembersForPercent: 0 }, offboarding: { onDeactivated: { action: 'remove', transferTo: 'none' } } });
  const full = planDropboxChanges(build().build());
  t.ok(full.actions.some((a) => a.kind === 'group.delete'), 'the full plan prunes');
  t.same(full.safety.violations.map((v) => v.rule).sort(), ['max_removal_percent', 'min_team_admins'], 'a team of one: 100% and no admin left');
  const plan = scoped(build(), ['leaver'], [], 100);
  t.same(kinds(plan), ['member.remove']);
  t.same(plan.safety.violations, [], '1 of 100 active members (team/get_info) is 1%; no admin count in a scoped plan');
  t.match(scoped(build(), ['leaver'], [], 5).safety.violations, [{ rule: 'max_removal_percent', message: /of the 5 active members/ }]);
});

t.test('the scope is part of the fingerprint', async (t) => {
  const input = team().person('ada').person('bob').build();
  const a = planDropboxChanges({ ...input, scope: { userIds: [oktaIdOf('ada')], memberIds: [memberIdOf('ada')], groupIds: [], activeMembers: 2 } });
  const b = planDropboxChanges({ ...input, scope: { userIds: [oktaIdOf('bob')], memberIds: [memberIdOf('bob')], groupIds: [], activeMembers: 2 } });
  t.not(a.fingerprint, b.fingerprint);
  t.not(a.fingerprint, planDropboxChanges(input).fingerprint);
});
