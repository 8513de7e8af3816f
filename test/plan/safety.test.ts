import t from 'tap';
import { groupPush, offboardingOverride, roleRule, safetyException, team, type TeamBuilder } from '../helpers/builders.js';
import { actionsOf, plan } from './plan-helpers.js';

/** A team of `active` members, of whom `leaving` are DEPROVISIONED (suspended by the default onDeactivated). */
function teamWith(active: number, leaving: number): TeamBuilder {
  const b = team().person('boss', { dropbox: { role: 'team_admin' } });
  for (let i = 1; i < active; i++) b.person(`person${i}`, { okta: i <= leaving ? { status: 'DEPROVISIONED' } : {} });
  return b;
}

t.test('maxRemovals walked across: at the limit, above it, above it with an exception', async (t) => {
  const rows: [string, number, Parameters<TeamBuilder['settings']>[0], boolean][] = [
    ['3 suspensions with maxRemovals 3: allowed', 3, { safety: { maxRemovals: 3, maxRemovalPercent: 100 } }, true],
    ['4 suspensions with maxRemovals 3: refused', 4, { safety: { maxRemovals: 3, maxRemovalPercent: 100 } }, false],
    ['4 suspensions with an exception raising maxRemovals to 10: allowed', 4, { safety: { maxRemovals: 3, maxRemovalPercent: 100, exceptions: [safetyException({ reason: 'Closing the Lyon office (TICKET-123)', maxRemovals: 10 })] } }, true],
    ['4 suspensions with an exception that expired yesterday: refused', 4, { safety: { maxRemovals: 3, maxRemovalPercent: 100, exceptions: [safetyException({ reason: 'old', maxRemovals: 10, expires: '2026-11-27' })] } }, false],
    ['4 suspensions with an exception expiring today: allowed (expires is inclusive)', 4, { safety: { maxRemovals: 3, maxRemovalPercent: 100, exceptions: [safetyException({ reason: 'today', maxRemovals: 10, expires: '2026-11-28' })] } }, true],
  ];
  for (const [name, leaving, settings, ok] of rows) {
    const p = plan(teamWith(50, leaving).settings(settings));
    t.equal(p.safety.ok, ok, name);
    if (!ok) t.match(p.safety.violations, [{ rule: 'max_removals', limit: 3, value: leaving }], name);
    t.equal(actionsOf(p, 'member.suspend').length, leaving, `${name}: the plan is complete either way`);
  }
});

t.test('an exception that allows the plan is named in the warnings and violations show the raised limit', async (t) => {
  const exceptions = [safetyException({ reason: 'Closing the Lyon office (TICKET-123)', maxRemovals: 10 })];
  const allowed = plan(teamWith(50, 4).settings({ safety: { maxRemovals: 3, maxRemovalPercent: 100, exceptions } }));
  t.match(allowed.warnings.find((w) => w.code === 'safety_exception'), { message: /Closing the Lyon office \(TICKET-123\)/, source: 'safety.yaml:5:7' });
  const refused = plan(teamWith(50, 12).settings({ safety: { maxRemovals: 3, maxRemovalPercent: 100, exceptions } }));
  t.match(refused.safety.violations, [{ rule: 'max_removals', limit: 10, value: 12, message: /raised to 10 by the exception "Closing the Lyon office \(TICKET-123\)"/ }]);
});

t.test('maxRemovalPercent walked across (of the active members now)', async (t) => {
  const rows: [string, number, number, boolean][] = [
    ['5 of 50 active members (10%) with maxRemovalPercent 10: allowed', 5, 10, true],
    ['6 of 50 active members (12%) with maxRemovalPercent 10: refused', 6, 10, false],
    ['6 of 50 with maxRemovalPercent 12: allowed', 6, 12, true],
  ];
  for (const [name, leaving, limit, ok] of rows) {
    const p = plan(teamWith(50, leaving).settings({ safety: { maxRemovalPercent: limit } }));
    t.equal(p.safety.ok, ok, name);
    if (!ok) t.match(p.safety.violations, [{ rule: 'max_removal_percent', limit, value: 12 }], name);
  }
  const excepted = plan(teamWith(50, 6).settings({ safety: { exceptions: [safetyException({ reason: 'reorg', maxRemovalPercent: 20 })] } }));
  t.equal(excepted.safety.ok, true, 'an exception raises maxRemovalPercent');
});

t.test('suspensions and removals both count as removals', async (t) => {
  const p = plan(
    teamWith(50, 2)
      .person('moved', { okta: { assigned: false } })
      .person('gone', { okta: { status: 'DEPROVISIONED', groups: ['Leavers'] } })
      .settings({ safety: { maxRemovals: 3, maxRemovalPercent: 100 }, offboarding: { onDeactivated: { transferTo: 'none' }, overrides: [offboardingOverride('Leavers', 'remove')] } }),
  );
  t.equal(actionsOf(p, 'member.remove').length, 1);
  t.equal(actionsOf(p, 'member.suspend').length, 3);
  t.match(p.safety.violations, [{ rule: 'max_removals', value: 4 }]);
});

t.test('minTeamAdmins: counts active team admins after the plan', async (t) => {
  const admins = (n: number) => {
    const b = team();
    for (let i = 0; i < n; i++) b.person(`admin${i}`, { okta: { groups: ['Dropbox Admins'] }, dropbox: { role: 'team_admin' } });
    return b;
  };
  const rule = [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'] })];

  const demotion = plan(admins(2).person('ex.admin', { dropbox: { role: 'team_admin' } }).settings({ roles: rule, safety: { minTeamAdmins: 3 } }));
  t.match(demotion.safety.violations, [{ rule: 'min_team_admins', limit: 3, value: 2, message: /2 active team admins after this plan \(3 now\)/ }], 'a demotion leaving fewer than the minimum is refused');

  const atMinimum = plan(admins(2).person('ex.admin', { dropbox: { role: 'team_admin' } }).settings({ roles: rule, safety: { minTeamAdmins: 2 } }));
  t.equal(atMinimum.safety.ok, true, 'a demotion leaving exactly the minimum is allowed');

  const suspension = plan(admins(2).person('leaving.admin', { okta: { status: 'SUSPENDED', groups: ['Dropbox Admins'] }, dropbox: { role: 'team_admin' } }).settings({ roles: rule, safety: { minTeamAdmins: 3, maxRemovalPercent: 100 } }));
  t.match(suspension.safety.violations, [{ rule: 'min_team_admins', value: 2 }], 'a suspended admin no longer counts');

  const newAdmin = plan(admins(1).person('admin.to.be', { dropbox: false, okta: { groups: ['Dropbox Admins'] } }).person('ex.admin', { dropbox: { role: 'team_admin' } }).settings({ roles: rule, safety: { minTeamAdmins: 2 } }));
  t.match(newAdmin.safety.violations, [{ rule: 'min_team_admins', value: 1 }], 'a member added as team_admin is invited, not active: it does not count');

  const promotion = plan(admins(1).person('promoted', { okta: { groups: ['Dropbox Admins'] } }).person('ex.admin', { dropbox: { role: 'team_admin' } }).settings({ roles: rule, safety: { minTeamAdmins: 2 } }));
  t.equal(promotion.safety.ok, true, 'a promotion in the same plan makes up for a demotion');

  const excepted = plan(admins(2).person('ex.admin', { dropbox: { role: 'team_admin' } }).settings({ roles: rule, safety: { minTeamAdmins: 3, exceptions: [safetyException({ reason: 'admin rotation', minTeamAdmins: 2 })] } }));
  t.equal(excepted.safety.ok, true, 'an exception lowers minTeamAdmins');

  const alreadyBelow = plan(admins(1).person('new', { dropbox: false }).settings({ roles: rule, safety: { minTeamAdmins: 2 } }));
  t.match(alreadyBelow.safety.violations, [{ rule: 'min_team_admins', limit: 2, value: 1 }], 'a plan that leaves fewer than the minimum is refused, even when the team was already below it');
});

t.test('a refused plan is still complete: every action is there', async (t) => {
  const p = plan(teamWith(20, 10).person('new', { dropbox: false }));
  t.equal(p.safety.ok, false);
  t.equal(actionsOf(p, 'member.suspend').length, 10);
  t.equal(actionsOf(p, 'member.add').length, 1);
});

t.test('the percent floor: below safety.minMembersForPercent active members only maxRemovals applies', async (t) => {
  const rows: [string, number, number, Parameters<TeamBuilder['settings']>[0], string | null][] = [
    ['one leaver in a 5-person team (20%), default floor 10: allowed', 5, 1, {}, null],
    ['two leavers in a 9-person team (22%), default floor 10: allowed', 9, 2, {}, null],
    ['two leavers in a 10-person team (20%), at the floor: refused by the percent', 10, 2, {}, 'max_removal_percent'],
    ['one leaver in a 10-person team (10%): allowed', 10, 1, {}, null],
    ['one leaver in a 5-person team with minMembersForPercent 5: refused by the percent', 5, 1, { safety: { minMembersForPercent: 5 } }, 'max_removal_percent'],
    ['one leaver in a 5-person team with minMembersForPercent 0 (always): refused by the percent', 5, 1, { safety: { minMembersForPercent: 0 } }, 'max_removal_percent'],
    ['three leavers in a 5-person team below the floor with maxRemovals 2: refused by the absolute limit', 5, 3, { safety: { maxRemovals: 2 } }, 'max_removals'],
  ];
  for (const [name, size, leaving, settings, rule] of rows) {
    const p = plan(teamWith(size, leaving).settings(settings));
    t.same(
      p.safety.violations.map((v) => v.rule),
      rule === null ? [] : [rule],
      name,
    );
    t.equal(actionsOf(p, 'member.suspend').length, leaving, `${name}: the suspensions are planned`);
  }
});

/** A team of `n` people in the pushed Okta group Engineering, whose Dropbox group also holds `leavers` who left the Okta group. */
function groupWith(n: number, leavers: number): TeamBuilder {
  const b = team();
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    b.person(`eng${i}`, { okta: { groups: i < leavers ? [] : ['Engineering'] } });
    names.push(`eng${i}`);
  }
  return b.group('Engineering').dropboxGroup('Engineering', { externalId: 'marker', members: names }).settings({ groupPushes: [groupPush({ oktaGroup: 'Engineering' })] });
}

t.test('maxGroupMemberRemovals counts every member removed from a group (default 100)', async (t) => {
  const atDefault = plan(groupWith(120, 100));
  t.equal(actionsOf(atDefault, 'group.members.remove')[0]?.members.length, 100);
  t.equal(atDefault.safety.ok, true, '100 members removed from a group with the default 100: allowed');

  const over = plan(groupWith(120, 101));
  t.match(over.safety.violations, [{ rule: 'max_group_member_removals', limit: 100, value: 101, message: /^101 members removed from groups \(group.members.remove\) exceed safety.maxGroupMemberRemovals 100 \(settings.yaml:14\)$/ }], '101: refused');

  const low = plan(groupWith(10, 4).settings({ safety: { maxGroupMemberRemovals: 3 } }));
  t.match(low.safety.violations, [{ rule: 'max_group_member_removals', limit: 3, value: 4 }], 'a lower limit of 3 refuses 4');

  const excepted = plan(groupWith(10, 4).settings({ safety: { maxGroupMemberRemovals: 3, exceptions: [safetyException({ reason: 'Engineering split (TICKET-9)', maxGroupMemberRemovals: 10 })] } }));
  t.equal(excepted.safety.ok, true, 'an exception raises maxGroupMemberRemovals');
  t.match(excepted.warnings.find((w) => w.code === 'safety_exception'), { message: /Engineering split \(TICKET-9\).*safety.maxGroupMemberRemovals/ });
});

t.test('maxRoleDemotions counts member.set_role to a lower role (default 5); promotions do not count', async (t) => {
  const admins = (demoted: number, promoted = 0): TeamBuilder => {
    const b = team().person('boss', { okta: { groups: ['Dropbox Admins'] }, dropbox: { role: 'team_admin' } });
    for (let i = 0; i < demoted; i++) b.person(`helper${i}`, { dropbox: { role: i % 2 === 0 ? 'support_admin' : 'user_management_admin' } });
    for (let i = 0; i < promoted; i++) b.person(`new.admin${i}`, { okta: { groups: ['Dropbox Admins'] } });
    return b.settings({ roles: [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'] })] });
  };
  t.equal(plan(admins(5, 3)).safety.ok, true, '5 demotions and 3 promotions with the default 5: allowed');
  const over = plan(admins(6));
  t.match(over.safety.violations, [{ rule: 'max_role_demotions', limit: 5, value: 6, message: /^6 role demotions \(member.set_role to a lower role\) exceed safety.maxRoleDemotions 5/ }], '6: refused');
  t.match(plan(admins(1).settings({ safety: { maxRoleDemotions: 0 } })).safety.violations, [{ rule: 'max_role_demotions', limit: 0, value: 1, message: /^1 role demotion .* exceeds/ }], 'maxRoleDemotions 0 refuses any demotion');
  t.equal(plan(admins(6).settings({ safety: { exceptions: [safetyException({ reason: 'roles: [] adopted (TICKET-5)', maxRoleDemotions: 6 })] } })).safety.ok, true, 'an exception raises maxRoleDemotions');
});

t.test('maxGroupDeletions counts group.delete (default 5)', async (t) => {
  const pruned = (n: number): TeamBuilder => {
    const b = team().settings({ pruneGroups: true });
    for (let i = 0; i < n; i++) b.group(`Old${i}`).dropboxGroup(`Old${i}`, { externalId: 'marker' });
    return b;
  };
  t.equal(plan(pruned(5)).safety.ok, true, '5 deletions with the default 5: allowed');
  const over = plan(pruned(6));
  t.match(over.safety.violations, [{ rule: 'max_group_deletions', limit: 5, value: 6, message: /^6 group deletions \(group.delete\) exceed safety.maxGroupDeletions 5/ }], '6: refused');
  t.equal(actionsOf(over, 'group.delete').length, 6, 'the refused plan is complete');
  t.equal(plan(pruned(6).settings({ safety: { exceptions: [safetyException({ reason: 'old pushes retired', maxGroupDeletions: 6 })] } })).safety.ok, true, 'an exception raises maxGroupDeletions');
});
