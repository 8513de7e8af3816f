/**
 * Former members whose files were left behind (issue 10 item 3, planner part): a removed member
 * Dropbox can still recover still holds its files — an account is recoverable "for a 7 day period
 * or until the account has been permanently deleted or transferred to another account (whichever
 * comes first)" (dropbox-api-spec team.stone:1147-1148; RemovedStatus.is_recoverable,
 * team.stone:22-23, read by members/list_v2 include_removed, team.stone:1747) — so when the rules
 * send a leaver's files somewhere, the plan moves them (members/move_former_member_files,
 * team.stone:1125-1128). A removal that transferred them leaves an unrecoverable account: no move.
 * keep_account (is_disconnected, team.stone:24) takes the files with the account: no move.
 */
import t from 'tap';
import { isDestructive, needsReview, type Plan } from '../../src/domain/plan.js';
import type { DesiredPatch } from '../helpers/builders.js';
import { offboardingOverride, team } from '../helpers/builders.js';
import { actionsOf, runCases, type Case } from './plan-helpers.js';

const offboarding = (onDeactivated: Record<string, unknown> = {}, provisioning: Record<string, unknown> = {}): DesiredPatch => ({
  safety: { maxRemovalPercent: 100 },
  provisioning,
  offboarding: {
    onDeactivated: { action: 'remove', transferTo: 'manager', fallbackTransferTo: 'it-archive@acme.example', transferAdmin: 'it-admin@acme.example', ...onDeactivated },
  },
});

/** The archive account, the transfer admin, a manager. */
const base = () => team().person('it-archive').person('it-admin', { dropbox: { role: 'team_admin' } }).person('ada.lovelace', { okta: { firstName: 'Ada', lastName: 'Lovelace' } });

/** Removed from Dropbox, files still in the account (recoverable). */
const removedWithFiles = { status: 'removed', isRecoverable: true } as const;
const deactivated = { status: 'DEPROVISIONED', statusChanged: '2026-11-25T08:00:00.000Z', manager: 'ada.lovelace' } as const;

const moves = (plan: Plan) => actionsOf(plan, 'member.move_former_files');
const none = (t: Parameters<Case['expect']>[0], plan: Plan) => {
  t.same(moves(plan), []);
  t.same(plan.actions, []);
};

const cases: Case[] = [
  {
    name: 'deactivated user removed with the files left behind, rules transfer to the manager: the files move to the manager',
    team: () => base().person('leaver', { okta: deactivated, dropbox: removedWithFiles }).settings(offboarding()),
    expect: (t, plan) => {
      t.equal(plan.actions.length, 1);
      const [move] = moves(plan);
      t.match(move, {
        id: 'member.move_former_files:dbmid:leaver',
        member: { email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver', oktaUserId: '00uleaver' },
        transferTo: { teamMemberId: 'dbmid:adalovelace' },
        transferAdmin: { teamMemberId: 'dbmid:itadmin' },
        transferFallbacks: [{ teamMemberId: 'dbmid:itarchive' }],
        serialKey: 'transfer:dbmid:adalovelace',
        reversibility: 'irreversible',
        dependsOn: [],
      });
      t.equal(
        move?.reason,
        'Leaver Example <leaver@acme.example> was removed from Dropbox with the files still in the account (Dropbox can still recover it, which it cannot once the files were transferred); ' +
          'DEPROVISIONED in Okta since 2026-11-25 (offboarding.yaml:5 onDeactivated: remove); files to manager Ada Lovelace <ada.lovelace@acme.example> (offboarding.yaml:5 transferTo: manager)',
      );
      t.same(plan.summary, { 'member.move_former_files': 1 });
      t.ok(plan.safety.ok);
      // It removes nothing (no brake counts it) but cannot be undone: apply --plan needs it reviewed.
      t.equal(isDestructive(move!), false);
      t.equal(needsReview(move!), true);
    },
  },
  {
    name: 'removed and no longer recoverable (the removal transferred the files, or the window passed): nothing',
    team: () => base().person('leaver', { okta: deactivated, dropbox: { status: 'removed', isRecoverable: false } }).settings(offboarding()),
    expect: none,
  },
  {
    name: 'removed with keep_account (is_disconnected: the files left with the personal account): nothing',
    team: () => base().person('leaver', { okta: deactivated, dropbox: { ...removedWithFiles, isDisconnected: true } }).settings(offboarding()),
    expect: none,
  },
  {
    name: 'an invitation removed before it was accepted (no joined_on: no files): nothing',
    team: () => base().person('leaver', { okta: deactivated, dropbox: { ...removedWithFiles, joinedOn: null } }).settings(offboarding()),
    expect: none,
  },
  {
    name: 'rules without a transfer (transferTo: none): nothing',
    team: () => base().person('leaver', { okta: deactivated, dropbox: removedWithFiles }).settings(offboarding({ transferTo: 'none' })),
    expect: none,
  },
  {
    name: 'rules that suspend leavers (onDeactivated: suspend): nothing, the account stays recoverable',
    team: () => base().person('leaver', { okta: deactivated, dropbox: removedWithFiles }).settings(offboarding({ action: 'suspend' })),
    expect: none,
  },
  {
    name: 'an override that only ever suspends (Legal Hold): nothing',
    team: () =>
      base()
        .person('leaver', { okta: { ...deactivated, groups: ['Legal Hold'] }, dropbox: removedWithFiles })
        .settings({ ...offboarding(), offboarding: { ...offboarding().offboarding, overrides: [offboardingOverride('Legal Hold', 'suspend')] } }),
    expect: none,
  },
  {
    name: 'a grace period not over yet: nothing (the account stays recoverable for second thoughts)',
    team: () => base().person('leaver', { okta: deactivated, dropbox: removedWithFiles }).settings(offboarding({ graceDays: 5 })),
    expect: none,
  },
  {
    name: 'a grace period that is over: the files move',
    team: () => base().person('leaver', { okta: deactivated, dropbox: removedWithFiles }).settings(offboarding({ graceDays: 2 })),
    expect: (t, plan) => t.equal(moves(plan).length, 1),
  },
  {
    name: 'Okta user active and assigned again: the account is recovered with its files, nothing moves',
    team: () => base().person('leaver', { dropbox: removedWithFiles }).settings(offboarding()),
    expect: (t, plan) => t.same(plan.actions.map((a) => a.kind), ['member.recover']),
  },
  {
    name: 'Okta user suspended: the rules suspend, nothing moves',
    team: () => base().person('leaver', { okta: { status: 'SUSPENDED' }, dropbox: removedWithFiles }).settings(offboarding()),
    expect: none,
  },
  {
    name: 'unassigned under provisioning.unassigned: remove: the files move',
    team: () => base().person('leaver', { okta: { assigned: false, manager: 'ada.lovelace' }, dropbox: removedWithFiles }).settings(offboarding({}, { unassigned: 'remove' })),
    expect: (t, plan) => t.match(moves(plan), [{ transferTo: { teamMemberId: 'dbmid:adalovelace' }, reason: /not assigned to the app .*provisioning\.unassigned: remove/ }]),
  },
  {
    name: 'unassigned under provisioning.unassigned: suspend: nothing',
    team: () => base().person('leaver', { okta: { assigned: false, manager: 'ada.lovelace' }, dropbox: removedWithFiles }).settings(offboarding()),
    expect: none,
  },
  {
    name: 'a removed member Okta never knew, under unmanagedMembers: remove: the files go to the fallback',
    team: () => base().person('stranger', { okta: false, dropbox: removedWithFiles }).settings(offboarding({}, { unmanagedMembers: 'remove' })),
    expect: (t, plan) =>
      t.match(moves(plan), [{ member: { teamMemberId: 'dbmid:stranger', oktaUserId: null }, transferTo: { teamMemberId: 'dbmid:itarchive' }, reason: /no Okta user, so no manager; files to fallback/ }]),
  },
  {
    name: 'a removed member Okta never knew, under unmanagedMembers: report: nothing',
    team: () => base().person('stranger', { okta: false, dropbox: removedWithFiles }).settings(offboarding()),
    expect: none,
  },
  {
    name: 'a protected member removed outside dbxsync: nothing (never changed)',
    team: () => base().person('leaver', { okta: deactivated, dropbox: removedWithFiles }).settings({ ...offboarding(), provisioning: { protectedMembers: ['leaver'] } }),
    expect: none,
  },
  {
    name: 'recipient: a manager who is not an active member: the fallback, and the reason says why',
    team: () => base().person('boss', { okta: { status: 'SUSPENDED' }, dropbox: { status: 'suspended' } }).person('leaver', { okta: { ...deactivated, manager: 'boss' }, dropbox: removedWithFiles }).settings(offboarding()),
    expect: (t, plan) => t.match(moves(plan), [{ transferTo: { teamMemberId: 'dbmid:itarchive' }, transferFallbacks: [], reason: /manager Boss Example <boss@acme\.example> is suspended in Dropbox; files to fallback/ }]),
  },
  {
    name: 'recipient: a manager who leaves in this plan: the fallback',
    team: () => base().person('boss', { okta: { status: 'DEPROVISIONED' } }).person('leaver', { okta: { ...deactivated, manager: 'boss' }, dropbox: removedWithFiles }).settings(offboarding()),
    expect: (t, plan) => {
      t.match(moves(plan), [{ transferTo: { teamMemberId: 'dbmid:itarchive' }, reason: /leaves Dropbox in this plan too/ }]);
      t.equal(actionsOf(plan, 'member.remove').length, 1);
    },
  },
  {
    name: 'recipient: a manager whose email is not verified: the fallback',
    team: () => base().person('boss', { dropbox: { emailVerified: false } }).person('leaver', { okta: { ...deactivated, manager: 'boss' }, dropbox: removedWithFiles }).settings(offboarding()),
    expect: (t, plan) => t.match(moves(plan), [{ transferTo: { teamMemberId: 'dbmid:itarchive' }, reason: /unverified email/ }]),
  },
  {
    name: 'nowhere to send the files: a warning, no action, and the rest of the plan is not refused',
    team: () => base().person('leaver', { okta: { ...deactivated, manager: null }, dropbox: removedWithFiles }).settings(offboarding({ fallbackTransferTo: null })),
    expect: (t, plan) => {
      t.same(moves(plan), []);
      t.ok(plan.safety.ok);
      t.match(plan.warnings, [{ code: 'former_member_files_nowhere', message: /Leaver Example <leaver@acme\.example>, removed from Dropbox without them, have nowhere to go: no manager in Okta/ }]);
    },
  },
  {
    name: 'a transfer admin who is not a team admin: refused at plan time, as for a removal',
    team: () =>
      team()
        .person('it-archive')
        .person('it-admin', { dropbox: { role: 'support_admin' } })
        .person('ada.lovelace')
        .person('leaver', { okta: deactivated, dropbox: removedWithFiles })
        .settings(offboarding()),
    expect: (t, plan) => {
      t.equal(moves(plan).length, 1);
      t.notOk(plan.safety.ok);
      t.match(plan.safety.violations, [{ rule: 'transfer_destination', message: /transferAdmin it-admin@acme\.example .* must be an active Dropbox team admin/ }]);
    },
  },
];

t.test('the files of former members left behind', async (t) => runCases(t, cases));

t.test('an incremental plan moves only the files of the people it read', async (t) => {
  const input = base().person('leaver', { okta: deactivated, dropbox: removedWithFiles }).person('stranger', { okta: false, dropbox: removedWithFiles }).settings(offboarding({}, { unmanagedMembers: 'remove' })).build();
  const { planDropboxChanges } = await import('../../src/plan/index.js');
  const scoped = planDropboxChanges({ ...input, scope: { userIds: ['00uadalovelace'], memberIds: ['dbmid:adalovelace'], groupIds: [], activeMembers: 4 } });
  t.same(moves(scoped), []);
  const leaver = planDropboxChanges({ ...input, scope: { userIds: ['00uleaver'], memberIds: ['dbmid:leaver'], groupIds: [], activeMembers: 4 } });
  t.same(moves(leaver).map((a) => a.member.teamMemberId), ['dbmid:leaver']);
});
