import t from 'tap';
import { isDemotion } from '../../src/domain/plan.js';
import { phase } from '../../src/plan/ordering.js';
import { groupPush, roleRule, team } from '../helpers/builders.js';
import { plan } from './plan-helpers.js';

/** A plan touching every phase. */
const busy = () =>
  team()
    .person('ada', { okta: { groups: ['Dropbox Admins', 'Engineering'] }, dropbox: { role: 'team_admin' } })
    .person('it.admin', { okta: { groups: ['Dropbox Admins'] } })
    .person('demoted', { dropbox: { role: 'team_admin' } })
    .person('archive')
    .person('hire', { okta: { groups: ['Engineering', 'Design'] }, dropbox: false })
    .person('returning', { okta: { groups: ['Engineering'] }, dropbox: { status: 'removed', isRecoverable: true, givenName: 'Old' } })
    .person('back', { okta: { groups: ['Dropbox Admins'] }, dropbox: { status: 'suspended' } })
    .person('renamed', { okta: { lastName: 'New' } })
    .person('moved', { okta: { assigned: false } })
    .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada' } })
    .group('Old')
    .dropboxGroup('Old', { externalId: 'marker' })
    .dropboxGroup('Engineering', { externalId: 'marker', members: ['archive'] })
    .settings({
      roles: [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'] })],
      groupPushes: [groupPush({ oktaGroup: 'Engineering' }), groupPush({ oktaGroup: 'Design', line: 4 })],
      pruneGroups: true,
      safety: { maxRemovalPercent: 100 },
      offboarding: { onDeactivated: { action: 'remove', fallbackTransferTo: 'archive@acme.example', transferAdmin: 'ada@acme.example' } },
    });

t.test('actions run in the documented phases, by id within a phase', async (t) => {
  const p = plan(busy());
  t.same(
    [...new Set(p.actions.map((a) => a.kind))],
    ['group.create', 'group.rename', 'member.add', 'member.recover', 'member.unsuspend', 'member.update_profile', 'member.set_role', 'group.members.add', 'group.members.remove', 'member.suspend', 'member.remove', 'group.delete'].filter((k) =>
      p.actions.some((a) => a.kind === k),
    ),
  );
  for (let i = 1; i < p.actions.length; i++) {
    const a = p.actions[i - 1]!;
    const b = p.actions[i]!;
    t.ok(phase(a) < phase(b) || (phase(a) === phase(b) && a.id < b.id), `${a.id} before ${b.id}`);
  }
  t.ok(p.actions.some((a) => a.kind === 'group.create'), 'the busy plan creates a group');
  t.ok(p.actions.some((a) => a.kind === 'group.delete'), 'the busy plan deletes a group');
});

t.test('promotions run before demotions', async (t) => {
  const p = plan(busy());
  const roles = p.actions.filter((a) => a.kind === 'member.set_role');
  const firstDemotion = roles.findIndex((a) => a.kind === 'member.set_role' && isDemotion(a.from, a.to));
  const lastPromotion = roles.map((a) => a.kind === 'member.set_role' && !isDemotion(a.from, a.to)).lastIndexOf(true);
  t.ok(firstDemotion > lastPromotion && lastPromotion >= 0, 'demotions after promotions');
});

t.test('ids are unique, and every dependsOn names an earlier action', async (t) => {
  const p = plan(busy());
  const ids = p.actions.map((a) => a.id);
  t.equal(new Set(ids).size, ids.length);
  const seen = new Set<string>();
  for (const a of p.actions) {
    for (const d of a.dependsOn) t.ok(seen.has(d), `${a.id} depends on ${d}, which runs before it`);
    seen.add(a.id);
  }
});

t.test('dependsOn: group adds wait for the group create and the member add/recover; follow-ups wait for the recover', async (t) => {
  const p = plan(busy());
  const byId = new Map(p.actions.map((a) => [a.id, a]));
  t.same(byId.get('group.members.add:00gdesign')?.dependsOn, ['group.create:00gdesign', 'member.add:00uhire']);
  t.same(byId.get('group.members.add:00gengineering')?.dependsOn, ['member.add:00uhire', 'member.recover:dbmid:returning']);
  t.same(byId.get('member.update_profile:dbmid:returning')?.dependsOn, ['member.recover:dbmid:returning']);
  t.same(byId.get('member.remove:dbmid:leaver')?.dependsOn, []);
});

t.test('action ids are stable: the same change to the same target has the same id in another plan', async (t) => {
  const a = plan(busy());
  const b = plan(busy().person('another.hire', { dropbox: false }));
  const ids = new Set(b.actions.map((x) => x.id));
  for (const action of a.actions) if (action.kind !== 'group.members.add') t.ok(ids.has(action.id), action.id);
});

t.test('summary counts actions per kind, in the order of ACTION_KINDS, leaving out kinds with none', async (t) => {
  const p = plan(busy());
  const counts: Record<string, number> = {};
  for (const a of p.actions) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  t.same(p.summary, counts);
  t.notOk('okta.assign' in p.summary);
});
