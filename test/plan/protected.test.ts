import t from 'tap';
import { groupPush, roleRule, team } from '../helpers/builders.js';
import { actionsOf, runCases, type Case } from './plan-helpers.js';

const guard = { provisioning: { protectedMembers: ['breakglass'] }, safety: { maxRemovalPercent: 100 } };

const cases: Case[] = [
  {
    name: 'a protected member deactivated in Okta is not suspended; a report says what would have happened and why',
    team: () => team().person('breakglass', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-20T00:00:00.000Z' } }).settings(guard),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [
        { kind: 'protected_member', teamMemberId: 'dbmid:breakglass', message: /^protected \(protectedMembers, settings\.yaml:12\): would have been suspended because DEPROVISIONED in Okta since 2026-11-20/ },
      ]);
    },
  },
  {
    name: 'a protected member is never removed, even by unmanagedMembers remove',
    team: () => team().person('breakglass', { okta: false }).settings({ ...guard, provisioning: { ...guard.provisioning, unmanagedMembers: 'remove' } }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.ok(plan.reports.some((r) => r.kind === 'protected_member' && /would have been removed/.test(r.message)));
    },
  },
  {
    name: 'a protected member is never demoted',
    team: () => team().person('breakglass', { dropbox: { role: 'team_admin' } }).settings({ ...guard, roles: [] }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'protected_member', message: /role would have changed from team_admin to member_only/ }]);
    },
  },
  {
    name: 'a protected member is not changed: no profile update',
    team: () => team().person('breakglass', { okta: { firstName: 'Glass' } }).settings(guard),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'protected_member', message: /profile would have been updated/ }]);
    },
  },
  {
    name: 'a protected member is left in and out of pushed groups as it is',
    team: () =>
      team()
        .person('breakglass', { okta: { groups: ['Engineering'] } })
        .group('Sales')
        .dropboxGroup('Engineering', { externalId: 'marker' })
        .dropboxGroup('Sales', { externalId: 'marker', members: ['breakglass'] })
        .settings({ ...guard, groupPushes: [groupPush({ oktaGroup: 'Engineering' }), groupPush({ oktaGroup: 'Sales', line: 3 })] }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.equal(plan.reports.filter((r) => r.kind === 'protected_member').length, 2);
    },
  },
  {
    name: 'the authenticated admin (whose token runs apply) is never suspended, with its own reason',
    team: () => team().person('operator', { okta: { assigned: false }, dropbox: { role: 'team_admin' } }).authenticatedAdmin('operator'),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'protected_member', message: /^protected \(the admin whose token runs dbxsync\): would have been suspended because ACTIVE in Okta but not assigned/ }]);
    },
  },
  {
    name: 'the authenticated admin is never demoted',
    team: () => team().person('operator', { dropbox: { role: 'team_admin' } }).authenticatedAdmin('operator').settings({ roles: [roleRule('support_admin', { users: ['operator'] })] }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'the authenticated admin is otherwise managed like anyone: profile follows Okta, promotions and group membership apply',
    team: () =>
      team()
        .person('operator', { okta: { lastName: 'King', groups: ['Engineering'] }, dropbox: { role: 'support_admin' } })
        .authenticatedAdmin('operator')
        .settings({ roles: [roleRule('team_admin', { users: ['operator'] })], groupPushes: [groupPush({ oktaGroup: 'Engineering' })] }),
    expect: (t, plan) => {
      t.match(actionsOf(plan, 'member.update_profile'), [{ member: { teamMemberId: 'dbmid:operator' }, changes: { surname: { to: 'King' } } }]);
      t.match(actionsOf(plan, 'member.set_role'), [{ from: 'support_admin', to: 'team_admin' }]);
      t.match(actionsOf(plan, 'group.members.add'), [{ members: [{ teamMemberId: 'dbmid:operator' }] }]);
      t.same(plan.reports.filter((r) => r.kind === 'protected_member'), []);
    },
  },
  {
    name: 'a protected member may be a transfer destination',
    team: () =>
      team()
        .person('breakglass', { dropbox: { role: 'team_admin' } })
        .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'breakglass' } })
        .settings({ ...guard, offboarding: { onDeactivated: { action: 'remove', transferAdmin: 'breakglass@acme.example' } } }),
    expect: (t, plan) => {
      t.match(plan.actions, [{ kind: 'member.remove', transferTo: { teamMemberId: 'dbmid:breakglass' } }]);
      t.equal(plan.safety.ok, true);
    },
  },
];

runCases(t, cases);
