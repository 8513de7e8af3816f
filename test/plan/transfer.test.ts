import t from 'tap';
import type { DropboxMember } from '../../src/domain/live.js';
import { transferAdminState } from '../../src/plan/transfer.js';
import type { DesiredPatch } from '../helpers/builders.js';
import { dropboxMember, roleRule, team } from '../helpers/builders.js';
import { actionsOf, runCases, type Case } from './plan-helpers.js';

/** Leavers are removed; files go to the manager, else it-archive; it-admin receives transfer errors. */
const offboarding = (onDeactivated: Record<string, unknown> = {}): DesiredPatch => ({
  safety: { maxRemovalPercent: 100 },
  offboarding: {
    onDeactivated: { action: 'remove', transferTo: 'manager', fallbackTransferTo: 'it-archive@acme.example', transferAdmin: 'it-admin@acme.example', ...onDeactivated },
  },
});

/** A team with the archive account, the transfer admin and a manager. */
const base = () => team().person('it-archive').person('it-admin', { dropbox: { role: 'team_admin' } }).person('ada.lovelace', { okta: { firstName: 'Ada', lastName: 'Lovelace' } });

const removal = (plan: Parameters<Case['expect']>[1]) => actionsOf(plan, 'member.remove').find((a) => a.member.teamMemberId === 'dbmid:leaver');

const cases: Case[] = [
  {
    name: 'deactivated user with a manager: files go to the manager, the fallback listed for apply-time re-checks',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-20T08:00:00.000Z', manager: 'ada.lovelace' } }).settings(offboarding()),
    expect: (t, plan) => {
      const r = removal(plan);
      t.match(r, {
        transferTo: { email: 'ada.lovelace@acme.example', teamMemberId: 'dbmid:adalovelace' },
        transferAdmin: { teamMemberId: 'dbmid:itadmin' },
        transferFallbacks: [{ teamMemberId: 'dbmid:itarchive' }],
        serialKey: 'transfer:dbmid:adalovelace',
        reversibility: 'irreversible',
      });
      t.equal(r?.reason, 'DEPROVISIONED in Okta since 2026-11-20 (offboarding.yaml:5 onDeactivated: remove); files to manager Ada Lovelace <ada.lovelace@acme.example> (offboarding.yaml:5 transferTo: manager)');
    },
  },
  {
    name: 'the manager named by login or by email is found too',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace@acme.example' } }).settings(offboarding()),
    expect: (t, plan) => t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:adalovelace' } }),
  },
  {
    name: 'the manager attribute is configurable (offboarding.managerAttribute)',
    team: () =>
      base()
        .person('leaver', { okta: { status: 'DEPROVISIONED', profile: { supervisor: '00uadalovelace' } } })
        .settings({ ...offboarding(), offboarding: { ...offboarding().offboarding, managerAttribute: 'supervisor' } }),
    expect: (t, plan) => t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:adalovelace' } }),
  },
  {
    name: 'deactivated user without a manager: files go to the fallback, and the reason says why',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED' } }).settings(offboarding()),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:itarchive' }, transferFallbacks: [], serialKey: 'transfer:dbmid:itarchive' });
      t.match(removal(plan)?.reason, /no manager in Okta \(managerId is empty\); files to fallback Itarchive|no manager in Okta \(managerId is empty\); files to fallback/);
    },
  },
  {
    name: 'a manager who is not a Dropbox member: the fallback',
    team: () => base().person('boss', { dropbox: false, okta: { assigned: false } }).person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'boss' } }).settings(offboarding()),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:itarchive' } });
      t.match(removal(plan)?.reason, /manager boss@acme\.example is not a Dropbox member/);
    },
  },
  {
    name: 'a manager suspended in Dropbox: the fallback',
    team: () => base().person('boss', { okta: { status: 'SUSPENDED' }, dropbox: { status: 'suspended' } }).person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'boss' } }).settings(offboarding()),
    expect: (t, plan) => t.match(removal(plan)?.reason, /manager Boss Example <boss@acme\.example> is suspended in Dropbox; files to fallback/),
  },
  {
    name: 'a manager who leaves in the same plan: the fallback',
    team: () => base().person('boss', { okta: { status: 'DEPROVISIONED' } }).person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'boss' } }).settings(offboarding()),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:itarchive' } });
      t.match(removal(plan)?.reason, /leaves Dropbox in this plan too/);
    },
  },
  {
    name: 'no manager and no fallback: a transfer_destination violation naming the person (the removal still shown)',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED' } }).settings(offboarding({ fallbackTransferTo: null })),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: null });
      t.match(plan.safety.violations, [{ rule: 'transfer_destination', message: /nowhere to transfer the files of Leaver Example <leaver@acme\.example>/ }]);
    },
  },
  {
    name: 'transferTo none: no transfer, the removal is recoverable, and said so',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } }).settings(offboarding({ transferTo: 'none' })),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: null, transferAdmin: null, transferFallbacks: [], serialKey: null, reversibility: 'recoverable' });
      t.match(removal(plan)?.reason, /files not transferred \(offboarding\.yaml:5 transferTo: none\)/);
    },
  },
  {
    name: 'transferTo an email: files go to that member',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } }).settings(offboarding({ transferTo: 'it-admin@acme.example' })),
    expect: (t, plan) => t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:itadmin' }, transferFallbacks: [{ teamMemberId: 'dbmid:itarchive' }] }),
  },
  {
    name: 'transferTo an email that is not an active member: the fallback, and the reason says why',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED' } }).settings(offboarding({ transferTo: 'gone@acme.example' })),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:itarchive' } });
      t.match(removal(plan)?.reason, /transferTo gone@acme\.example is not an active member staying in Dropbox; files to fallback/);
    },
  },
  {
    name: 'the transfer admin leaving with a transfer: a transfer_destination violation naming them',
    team: () => base().person('it-admin', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' }, dropbox: { role: 'team_admin' } }).settings(offboarding()),
    expect: (t, plan) => t.ok(plan.safety.violations.some((v) => v.rule === 'transfer_destination' && /Itadmin Example <it-admin@acme\.example> is the transferAdmin|transferAdmin it-admin@acme\.example .* leaving in this plan/.test(v.message))),
  },
  {
    name: 'a fallback that is not an active member: a transfer_destination violation even when the manager is found',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } }).settings(offboarding({ fallbackTransferTo: 'nobody@acme.example' })),
    expect: (t, plan) => t.match(plan.safety.violations, [{ rule: 'transfer_destination', message: /fallbackTransferTo nobody@acme\.example .* must be an active Dropbox member; it is not a member/ }]),
  },
  {
    name: 'a transfer admin who is not an admin: a transfer_destination violation',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } }).settings(offboarding({ transferAdmin: 'it-archive@acme.example' })),
    expect: (t, plan) => t.match(plan.safety.violations, [{ rule: 'transfer_destination', message: /transferAdmin it-archive@acme\.example \(offboarding\.yaml:\d+\) must be an active Dropbox team admin .* it is member_only, not team_admin/ }]),
  },
  // team.stone:1592 MembersTransferFilesError.transfer_admin_is_not_admin: "Specified transfer_admin
  // user is not a team admin." A support or user management admin passes no removal.
  ...(['support_admin', 'user_management_admin'] as const).map((role): Case => ({
    name: `a transfer admin who is a ${role}: a transfer_destination violation at the YAML position (Dropbox wants a team admin)`,
    team: () =>
      base()
        .person('it-admin', { dropbox: { role } })
        .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } })
        .settings(offboarding()),
    expect: (t, plan) =>
      t.match(plan.safety.violations, [{ rule: 'transfer_destination', message: new RegExp(`transferAdmin it-admin@acme\\.example \\(offboarding\\.yaml:\\d+\\) must be an active Dropbox team admin .* it is ${role}, not team_admin`) }]),
  })),
  {
    name: 'a team admin whom this plan demotes cannot be the transfer admin',
    team: () =>
      base()
        .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } })
        .settings({ ...offboarding(), roles: [roleRule('support_admin', { oktaGroups: ['Dropbox Support'] })] })
        .person('it-admin', { dropbox: { role: 'team_admin' }, okta: { groups: ['Dropbox Support'] } }),
    expect: (t, plan) => t.match(plan.safety.violations, [{ rule: 'transfer_destination', message: /it is demoted to support_admin by this plan/ }]),
  },
  {
    name: 'two leavers with the same manager share one serialKey (transfers to one destination run one at a time)',
    team: () =>
      base()
        .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } })
        .person('leaver2', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } })
        .settings(offboarding()),
    expect: (t, plan) => t.same(actionsOf(plan, 'member.remove').map((a) => a.serialKey), ['transfer:dbmid:adalovelace', 'transfer:dbmid:adalovelace']),
  },
  {
    name: 'keepAccount, retainTeamShares and wipeData come from the settings',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED' } }).settings(offboarding({ transferTo: 'none', keepAccount: true, retainTeamShares: true })),
    expect: (t, plan) => t.match(removal(plan), { keepAccount: true, retainTeamShares: true, wipeData: false, reversibility: 'recoverable' }),
  },
  {
    name: 'a removal that wipes devices is irreversible even without a transfer',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED' } }).settings(offboarding({ transferTo: 'none', wipeData: true })),
    expect: (t, plan) => t.match(removal(plan), { wipeData: true, reversibility: 'irreversible', reason: /devices wiped/ }),
  },
];

runCases(t, cases);

t.test('transferAdminState: why the transfer admin cannot receive transfer errors, first reason first', async (t) => {
  // team.stone MembersTransferFilesError.transfer_admin_is_not_admin: "Specified transfer_admin user is
  // not a team admin"; members/remove takes transfer_admin_id only with transfer_dest_id.
  const admin = (fields: Partial<DropboxMember> = {}): DropboxMember => dropboxMember('it-admin', { role: 'team_admin', ...fields });
  const rows: { name: string; args: Parameters<typeof transferAdminState>; state: string | null }[] = [
    { name: 'an active team admin who stays one: usable', args: ['it-admin@acme.example', admin(), false, 'team_admin'], state: null },
    { name: 'no transferAdmin key', args: [null, null, false, 'member_only'], state: 'not set' },
    { name: 'set, but nobody on the team has the address', args: ['gone@acme.example', null, false, 'member_only'], state: 'not a member' },
    { name: 'leaving in this plan wins over the role', args: ['it-admin@acme.example', admin(), true, 'team_admin'], state: 'leaving in this plan' },
    { name: 'suspended', args: ['it-admin@acme.example', admin({ status: 'suspended' }), false, 'team_admin'], state: 'suspended' },
    { name: 'invited, not yet joined', args: ['it-admin@acme.example', admin({ status: 'invited' }), false, 'team_admin'], state: 'invited' },
    { name: 'a user management admin is not a team admin', args: ['it-admin@acme.example', admin({ role: 'user_management_admin' }), false, 'user_management_admin'], state: 'user_management_admin, not team_admin' },
    { name: 'a member this plan promotes to team admin: usable (set_role runs in phase 4, removals in phase 9)', args: ['it-admin@acme.example', admin({ role: 'member_only' }), false, 'team_admin'], state: null },
    { name: 'a team admin this plan demotes', args: ['it-admin@acme.example', admin(), false, 'support_admin'], state: 'demoted to support_admin by this plan' },
  ];
  for (const r of rows) t.equal(transferAdminState(...r.args), r.state, r.name);
});
