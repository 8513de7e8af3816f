/**
 * Transfer destinations must have a verified email. team.stone MemberProfile.email_verified (line 56:
 * "Is true if the user's email is verified to be owned by the user") and
 * MembersTransferFilesError.recipient_not_verified (line 1594: "The recipient user's email is not
 * verified"): Dropbox refuses such a member as transfer_dest_id, so the planner falls through to the
 * next configured destination and says why.
 */
import t from 'tap';
import type { DesiredPatch } from '../helpers/builders.js';
import { team } from '../helpers/builders.js';
import { actionsOf, runCases, type Case } from './plan-helpers.js';

const offboarding = (onDeactivated: Record<string, unknown> = {}): DesiredPatch => ({
  safety: { maxRemovalPercent: 100 },
  offboarding: {
    onDeactivated: { action: 'remove', transferTo: 'manager', fallbackTransferTo: 'it-archive@acme.example', transferAdmin: 'it-admin@acme.example', ...onDeactivated },
  },
});

const base = (verified: { manager?: boolean; archive?: boolean } = {}) =>
  team()
    .person('it-archive', { dropbox: { emailVerified: verified.archive ?? true } })
    .person('it-admin', { dropbox: { role: 'team_admin' } })
    .person('ada.lovelace', { okta: { firstName: 'Ada', lastName: 'Lovelace' }, dropbox: { emailVerified: verified.manager ?? true } });

const removal = (plan: Parameters<Case['expect']>[1]) => actionsOf(plan, 'member.remove').find((a) => a.member.teamMemberId === 'dbmid:leaver');

const cases: Case[] = [
  {
    name: 'a manager whose email is not verified: the files go to the fallback, and the reason says why',
    team: () => base({ manager: false }).person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } }).settings(offboarding()),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:itarchive' }, transferFallbacks: [], serialKey: 'transfer:dbmid:itarchive' });
      t.match(removal(plan)?.reason, /manager Ada Lovelace <ada\.lovelace@acme\.example> has an unverified email, which Dropbox refuses as a transfer destination \(recipient_not_verified\); files to fallback/);
      t.equal(plan.safety.ok, true);
    },
  },
  {
    name: 'transferTo an email whose owner has not verified it: the fallback',
    team: () => base({ manager: false }).person('leaver', { okta: { status: 'DEPROVISIONED' } }).settings(offboarding({ transferTo: 'ada.lovelace@acme.example' })),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:itarchive' } });
      t.match(removal(plan)?.reason, /transferTo ada\.lovelace@acme\.example has an unverified email.*; files to fallback/);
    },
  },
  {
    name: 'an unverified fallback is left out of the apply-time fallbacks, with a warning at its YAML position',
    team: () => base({ archive: false }).person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } }).settings(offboarding()),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: { teamMemberId: 'dbmid:adalovelace' }, transferFallbacks: [] });
      t.equal(plan.safety.ok, true);
      t.match(plan.warnings, [{ code: 'transfer_destination_unverified', message: /fallbackTransferTo it-archive@acme\.example has an unverified email/, source: /^offboarding\.yaml:\d+:\d+$/ }]);
    },
  },
  {
    name: 'neither the manager nor the fallback verified: nowhere to transfer, a transfer_destination violation naming both',
    team: () => base({ manager: false, archive: false }).person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } }).settings(offboarding()),
    expect: (t, plan) => {
      t.match(removal(plan), { transferTo: null });
      t.equal(plan.safety.ok, false, 'the plan is refused: a removal never goes ahead without its transfer');
      t.match(plan.safety.violations, [{ rule: 'transfer_destination', message: /nowhere to transfer the files of .*manager Ada Lovelace .* has an unverified email.*; fallback it-archive@acme\.example has an unverified email/ }]);
    },
  },
];

runCases(t, cases);
