import t from 'tap';
import { offboardingOverride, team } from '../helpers/builders.js';
import { actionsOf, kinds, runCases, type Case } from './plan-helpers.js';

const remove = { offboarding: { onDeactivated: { action: 'remove' as const, transferTo: 'none' } } };

const cases: Case[] = [
  {
    name: 'assigned and ACTIVE, not in Dropbox: added silently with the Okta profile, the Okta id as external id',
    team: () => team().person('new.hire', { dropbox: false }),
    expect: (t, plan) => {
      const [add] = actionsOf(plan, 'member.add');
      t.match(add, {
        id: 'member.add:00unewhire',
        member: { email: 'new.hire@acme.example', teamMemberId: null, oktaUserId: '00unewhire' },
        givenName: 'New',
        surname: 'Hire',
        externalId: '00unewhire',
        sendWelcomeEmail: false,
        role: 'member_only',
        reversibility: 'reversible',
      });
      t.match(add?.reason, /assigned directly to the app \(settings\.yaml:3 okta\.appId 0oa1dropbox2bus3ness\); ACTIVE in Okta; not in Dropbox/);
      t.match(add?.reason, /silent/);
    },
  },
  {
    name: 'sendWelcomeEmail true is passed on to the add',
    team: () => team().person('new.hire', { dropbox: false }).settings({ provisioning: { sendWelcomeEmail: true } }),
    expect: (t, plan) => {
      t.equal(actionsOf(plan, 'member.add')[0]?.sendWelcomeEmail, true);
      t.match(actionsOf(plan, 'member.add')[0]?.reason, /welcome email sent/);
    },
  },
  {
    name: 'assigned through an Okta group: the reason names the group',
    team: () => team().person('contractor', { dropbox: false, okta: { assigned: 'Contractors' } }),
    expect: (t, plan) => t.match(actionsOf(plan, 'member.add')[0]?.reason, /assigned via Okta group Contractors/),
  },
  {
    name: 'assigned through the only app group, whose members were not read: the reason still names it',
    team: () => team().person('contractor', { dropbox: false, okta: { assigned: 'Contractors' } }).group('Contractors', { membersUnknown: true }),
    expect: (t, plan) => t.match(actionsOf(plan, 'member.add')[0]?.reason, /assigned via Okta group Contractors/),
  },
  {
    // AppUser.scope GROUP (okta-mgmt.yaml:62218-62224) and the app's groups (listApplicationGroupAssignments, :4236):
    // each person is assigned by the app groups they are in, not by every app group.
    name: 'two app groups: each reason names the group that assigns the person, or says they are assigned directly',
    team: () =>
      team()
        .person('contractor', { dropbox: false, okta: { assigned: 'Contractors' } })
        .person('staff', { dropbox: false, okta: { assigned: 'Dropbox Users' } })
        .person('both', { dropbox: false, okta: { assigned: 'Dropbox Users', groups: ['Contractors'] } })
        .person('direct', { dropbox: false, okta: { assigned: 'direct', groups: ['Contractors'] } }),
    expect: (t, plan) => {
      const reason = (email: string): string => actionsOf(plan, 'member.add').find((a) => a.member.email === email)?.reason ?? '';
      t.match(reason('contractor@acme.example'), /^assigned via Okta group Contractors \(settings/);
      t.match(reason('staff@acme.example'), /^assigned via Okta group Dropbox Users \(settings/);
      t.match(reason('both@acme.example'), /^assigned via Okta groups Contractors and Dropbox Users \(settings/);
      t.match(reason('direct@acme.example'), /^assigned directly to the app \(settings/);
      for (const a of actionsOf(plan, 'member.add')) t.notMatch(a.reason, / or /, `${a.member.email}: no guess between groups`);
    },
  },
  {
    name: 'assigned through one of several app groups whose members were not read: no group is guessed',
    team: () =>
      team()
        .person('contractor', { dropbox: false, okta: { assigned: 'Contractors' } })
        .group('Contractors', { membersUnknown: true })
        .group('Dropbox Users', { assignsApp: true, membersUnknown: true }),
    expect: (t, plan) =>
      t.match(actionsOf(plan, 'member.add')[0]?.reason, /^assigned via an Okta group \(members not read; the app's groups are Contractors and Dropbox Users\) \(settings/),
  },
  ...(['RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT'] as const).map(
    (status): Case => ({
      name: `${status} counts as an active account: added`,
      team: () => team().person('someone', { dropbox: false, okta: { status } }),
      expect: (t, plan) => t.same(kinds(plan), ['member.add']),
    }),
  ),
  ...(['STAGED', 'PROVISIONED'] as const).map(
    (status): Case => ({
      name: `${status} and assigned: awaiting activation with its age, nothing added`,
      team: () => team().person('soon', { dropbox: false, okta: { status, statusChanged: '2026-11-18T12:00:00.000Z' } }),
      expect: (t, plan) => {
        t.same(plan.actions, []);
        t.match(plan.waiting, [{ kind: 'awaiting_activation', email: 'soon@acme.example', oktaUserId: '00usoon', ageDays: 10 }]);
      },
    }),
  ),
  {
    name: 'in sync on both sides: nothing to do',
    team: () => team().person('ada', { dropbox: { role: 'team_admin' } }).person('bob', { okta: { assigned: 'Everyone' } }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.same(plan.reports, []);
      t.same(plan.safety, { ok: true, violations: [] });
    },
  },
  {
    name: 'an invited member: pending invite with its age, and still managed (profile updates apply)',
    team: () => team().person('invitee', { dropbox: { status: 'invited', invitedOn: '2026-11-21T12:00:00.000Z', givenName: 'Old' } }),
    expect: (t, plan) => {
      t.match(plan.waiting, [{ kind: 'pending_invite', teamMemberId: 'dbmid:invitee', ageDays: 7, since: '2026-11-21T12:00:00.000Z' }]);
      t.same(kinds(plan), ['member.update_profile']);
    },
  },
  {
    name: 'Okta SUSPENDED: suspended in Dropbox, data kept',
    team: () => team().person('paused', { okta: { status: 'SUSPENDED', statusChanged: '2026-11-25T08:00:00.000Z' } }),
    expect: (t, plan) => {
      const [s] = actionsOf(plan, 'member.suspend');
      t.match(s, { id: 'member.suspend:dbmid:paused', wipeData: false, removeAfter: null, reversibility: 'reversible' });
      t.match(s?.reason, /SUSPENDED in Okta since 2026-11-25 \(offboarding\.yaml:2 onSuspended: suspend\); data kept/);
    },
  },
  {
    name: 'Okta SUSPENDED with onSuspended wipeData: the suspension wipes devices and is irreversible',
    team: () => team().person('paused', { okta: { status: 'SUSPENDED' } }).settings({ offboarding: { onSuspended: { wipeData: true } } }),
    expect: (t, plan) => t.match(actionsOf(plan, 'member.suspend')[0], { wipeData: true, reversibility: 'irreversible' }),
  },
  {
    name: 'Okta SUSPENDED with onSuspended ignore: nothing',
    team: () => team().person('paused', { okta: { status: 'SUSPENDED' } }).settings({ offboarding: { onSuspended: { action: 'ignore' } } }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'Okta SUSPENDED and already suspended in Dropbox: nothing',
    team: () => team().person('paused', { okta: { status: 'SUSPENDED' }, dropbox: { status: 'suspended' } }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'DEPROVISIONED with the default onDeactivated (suspend): suspended',
    team: () => team().person('leaver', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-20T09:00:00.000Z' } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.suspend']);
      t.match(actionsOf(plan, 'member.suspend')[0]?.reason, /DEPROVISIONED in Okta since 2026-11-20 \(offboarding\.yaml:5 onDeactivated: suspend\)/);
    },
  },
  {
    name: 'DEPROVISIONED with onDeactivated remove: removed',
    team: () => team().person('leaver', { okta: { status: 'DEPROVISIONED' } }).settings(remove),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.remove']);
      t.match(actionsOf(plan, 'member.remove')[0], { id: 'member.remove:dbmid:leaver', transferTo: null, reversibility: 'recoverable' });
    },
  },
  {
    name: 'DEPROVISIONED in Legal Hold (override suspend): suspended only, the override named',
    team: () =>
      team()
        .person('held', { okta: { status: 'DEPROVISIONED', groups: ['Legal Hold'] } })
        .settings({ ...remove, offboarding: { ...remove.offboarding, overrides: [offboardingOverride('Legal Hold', 'suspend')] } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.suspend']);
      t.match(actionsOf(plan, 'member.suspend')[0]?.reason, /offboarding\.yaml:20 overrides: member of Okta group Legal Hold → suspend/);
    },
  },
  {
    name: 'an override that suspends never wipes devices because of onDeactivated.wipeData (only onSuspended.wipeData counts)',
    team: () =>
      team()
        .person('held', { okta: { status: 'DEPROVISIONED', groups: ['Legal Hold'] } })
        .settings({ offboarding: { onDeactivated: { action: 'remove', transferTo: 'none', wipeData: true }, overrides: [offboardingOverride('Legal Hold', 'suspend')] } }),
    expect: (t, plan) => t.match(actionsOf(plan, 'member.suspend')[0], { wipeData: false, reversibility: 'reversible' }),
  },
  {
    name: 'a suspend-only override whose group members were not read: applied to every leaver, with a warning (never remove on unknown data)',
    team: () =>
      team()
        .person('leaver', { okta: { status: 'DEPROVISIONED' } })
        .group('Legal Hold', { membersUnknown: true })
        .settings({ ...remove, offboarding: { ...remove.offboarding, overrides: [offboardingOverride('Legal Hold', 'suspend')] } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.suspend']);
      t.match(actionsOf(plan, 'member.suspend')[0]?.reason, /Okta group Legal Hold → suspend \(its members were not read\)/);
      t.ok(plan.warnings.some((w) => w.code === 'okta_group_members_unknown'));
    },
  },
  {
    name: 'DEPROVISIONED in a group whose override is ignore: left alone',
    team: () =>
      team()
        .person('held', { okta: { status: 'DEPROVISIONED', groups: ['Board'] } })
        .settings({ ...remove, offboarding: { ...remove.offboarding, overrides: [offboardingOverride('Board', 'ignore')] } }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'DEPROVISIONED within the grace period: suspended now with removeAfter = the due date, and a grace_period entry',
    team: () =>
      team()
        .person('leaver', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-25T12:00:00.000Z' } })
        .settings({ offboarding: { onDeactivated: { action: 'remove', graceDays: 7, transferTo: 'none' } } }),
    expect: (t, plan) => {
      t.match(actionsOf(plan, 'member.suspend')[0], { removeAfter: '2026-12-02T12:00:00.000Z', wipeData: false });
      t.match(actionsOf(plan, 'member.suspend')[0]?.reason, /grace period of 7 days.*removed after 2026-12-02/);
      t.match(plan.waiting, [{ kind: 'grace_period', teamMemberId: 'dbmid:leaver', dueDate: '2026-12-02T12:00:00.000Z', ageDays: 3 }]);
    },
  },
  {
    name: 'DEPROVISIONED within the grace period and already suspended: only the grace_period entry',
    team: () =>
      team()
        .person('leaver', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-25T12:00:00.000Z' }, dropbox: { status: 'suspended' } })
        .settings({ offboarding: { onDeactivated: { action: 'remove', graceDays: 7, transferTo: 'none' } } }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.waiting, [{ kind: 'grace_period' }]);
    },
  },
  {
    name: 'DEPROVISIONED after the grace period: removed',
    team: () =>
      team()
        .person('leaver', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-21T11:59:59.000Z' }, dropbox: { status: 'suspended' } })
        .settings({ offboarding: { onDeactivated: { action: 'remove', graceDays: 7, transferTo: 'none' } } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.remove']);
      t.match(actionsOf(plan, 'member.remove')[0]?.reason, /the grace period of 7 days \(offboarding\.yaml:5 graceDays\) ended 2026-11-28/);
      t.same(plan.waiting, []);
    },
  },
  {
    name: 'an invited member who leaves is removed, never suspended, and the reason says why',
    team: () => team().person('invitee', { okta: { status: 'DEPROVISIONED' }, dropbox: { status: 'invited' } }),
    expect: (t, plan) => {
      const [r] = actionsOf(plan, 'member.remove');
      t.match(r, { transferTo: null, keepAccount: false, wipeData: false, reversibility: 'recoverable' });
      t.match(r?.reason, /invited.*cannot suspend an invitation/);
      t.same(plan.waiting, []);
    },
  },
  {
    name: 'an invited member who leaves during a grace period is removed at once',
    team: () =>
      team()
        .person('invitee', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-27T00:00:00.000Z' }, dropbox: { status: 'invited' } })
        .settings({ offboarding: { onDeactivated: { action: 'remove', graceDays: 30 } } }),
    expect: (t, plan) => t.same(kinds(plan), ['member.remove']),
  },
  {
    name: 'suspended in Dropbox, ACTIVE and assigned in Okta again: unsuspended',
    team: () => team().person('back', { dropbox: { status: 'suspended' } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.unsuspend']);
      t.match(actionsOf(plan, 'member.unsuspend')[0], { id: 'member.unsuspend:dbmid:back', reversibility: 'reversible' });
    },
  },
  {
    name: 'removed but still recoverable, ACTIVE and assigned again: recovered, not re-added',
    team: () => team().person('back', { dropbox: { status: 'removed', isRecoverable: true } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.recover']);
      t.match(actionsOf(plan, 'member.recover')[0], { member: { teamMemberId: 'dbmid:back', oktaUserId: '00uback' } });
    },
  },
  {
    name: 'removed and no longer recoverable, ACTIVE and assigned again: a new account, and the reason explains why',
    team: () => team().person('back', { dropbox: { status: 'removed', isRecoverable: false } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.add']);
      t.match(actionsOf(plan, 'member.add')[0]?.reason, /can no longer be recovered.*new account/);
    },
  },
  {
    name: 'active in Okta but unassigned, with unassigned suspend (the default): suspended',
    team: () => team().person('moved', { okta: { assigned: false } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.suspend']);
      t.match(actionsOf(plan, 'member.suspend')[0]?.reason, /ACTIVE in Okta but not assigned to the app 0oa1dropbox2bus3ness \(settings\.yaml:4 provisioning\.unassigned: suspend\)/);
    },
  },
  {
    name: 'unassigned with unassigned remove: removed, following the transfer rules',
    team: () =>
      team()
        .person('moved', { okta: { assigned: false, manager: 'boss' } })
        .person('boss', { dropbox: { role: 'team_admin' } })
        .settings({ provisioning: { unassigned: 'remove' }, offboarding: { onDeactivated: { transferAdmin: 'boss@acme.example' } } }),
    expect: (t, plan) => t.match(actionsOf(plan, 'member.remove')[0], { transferTo: { teamMemberId: 'dbmid:boss' } }),
  },
  {
    name: 'unassigned with unassigned remove, in a suspend-only override group: suspended, the override named',
    team: () =>
      team()
        .person('moved', { okta: { assigned: false, groups: ['Legal Hold'] } })
        .settings({ provisioning: { unassigned: 'remove' }, offboarding: { overrides: [offboardingOverride('Legal Hold', 'suspend')] } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.suspend']);
      t.match(actionsOf(plan, 'member.suspend')[0]?.reason, /provisioning\.unassigned: remove\); offboarding\.yaml:20 overrides: member of Okta group Legal Hold → suspend/);
    },
  },
  {
    name: 'an override naming an Okta group that does not exist: the plan is refused, naming the position (a mistyped Legal Hold must not turn suspensions into removals)',
    team: () => team().person('ada').settings({ offboarding: { overrides: [offboardingOverride('Nope', 'suspend', 30)] } }),
    expect: (t, plan) => {
      t.equal(plan.safety.ok, false);
      t.match(plan.safety.violations, [{ rule: 'unknown_okta_group', message: /offboarding\.yaml:30:7.*"Nope"/ }]);
    },
  },
  {
    name: 'unassigned with unassigned ignore: nothing',
    team: () => team().person('moved', { okta: { assigned: false } }).settings({ provisioning: { unassigned: 'ignore' } }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'an unmanaged member with unmanagedMembers report: a report and nothing else',
    team: () => team().person('stranger', { okta: false }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'unmanaged_member', teamMemberId: 'dbmid:stranger', oktaUserId: null, message: /unknown to Okta/ }]);
    },
  },
  {
    name: 'an unmanaged member with unmanagedMembers ignore: nothing at all',
    team: () => team().person('stranger', { okta: false }).settings({ provisioning: { unmanagedMembers: 'ignore' } }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.same(plan.reports, []);
    },
  },
  {
    name: 'an unmanaged member with unmanagedMembers remove: removed, files to the fallback (no manager)',
    team: () =>
      team()
        .person('stranger', { okta: false })
        .person('archive', { dropbox: { role: 'team_admin' } })
        .settings({ provisioning: { unmanagedMembers: 'remove' }, offboarding: { onDeactivated: { fallbackTransferTo: 'archive@acme.example', transferAdmin: 'archive@acme.example' } } }),
    expect: (t, plan) => {
      const [r] = actionsOf(plan, 'member.remove');
      t.match(r, { member: { teamMemberId: 'dbmid:stranger' }, transferTo: { teamMemberId: 'dbmid:archive' } });
      t.match(r?.reason, /no Okta user, so no manager; files to fallback/);
    },
  },
  {
    name: 'a STAGED Okta user that is not assigned but matches a member: left alone, reported',
    team: () => team().person('imported', { okta: { status: 'STAGED', assigned: false } }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'unassigned_member', oktaUserId: '00uimported' }]);
    },
  },
  {
    name: 'DEPROVISIONED and not a member: nothing',
    team: () => team().person('gone', { okta: { status: 'DEPROVISIONED' }, dropbox: false }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'a removed member whose Okta user is deprovisioned: nothing (history only)',
    team: () => team().person('gone', { okta: { status: 'DEPROVISIONED' }, dropbox: { status: 'removed', isRecoverable: true } }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
];

runCases(t, cases);
