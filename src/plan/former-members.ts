/**
 * Former members whose files were left behind: a member already removed from the team (a removal
 * job that failed after removing, a crash, an old failure, a removal made in the admin console)
 * whose account still holds its files, while the offboarding rules send a leaver's files somewhere.
 *
 * How the planner knows the files are still there, with no extra API call: members/list_v2 with
 * include_removed (team.stone:1747) already gives each removed member RemovedStatus.is_recoverable
 * (team.stone:22-23), and Dropbox keeps a removed account recoverable "for a 7 day period or until
 * the account has been permanently deleted or transferred to another account (whichever comes
 * first)" (team.stone:1147-1148). A recoverable former member's files were therefore neither
 * transferred nor deleted; a removal that transferred them leaves an unrecoverable account, so a
 * team whose removals worked gets no move at all. is_disconnected (team.stone:24, keep_account)
 * means the files left with the account; a member who never joined (no joined_on) has none.
 */
import type { DropboxMember, OktaUser } from '../domain/live.js';
import type { Action } from '../domain/plan.js';
import type { PlanContext } from './context.js';
import { ACTIVE_STATUSES } from './live-index.js';
import type { Person } from './people.js';
import { overrideFor } from './people.js';
import { personRef, type TransferPlanner } from './transfer.js';
import { addDays, at, day, display } from './text.js';

/** The moves to plan, one per former member whose files the rules send somewhere. */
export function planFormerMemberMoves(ctx: PlanContext, people: readonly Person[], transfers: TransferPlanner): Action[] {
  if (ctx.desired.offboarding.onDeactivated.transferTo === 'none') return [];
  const actions: Action[] = [];
  const consider = (member: DropboxMember, user: OktaUser | null): void => {
    if (!member.isRecoverable || member.isDisconnected || member.joinedOn === null) return;
    if (ctx.protectedMembers.has(member.teamMemberId)) return;
    const why = removalRule(ctx, user);
    if (why === null) return;
    const choice = transfers.choose(member, user, false, true);
    if (choice.transferTo === null) return;
    actions.push({
      kind: 'member.move_former_files',
      id: `member.move_former_files:${member.teamMemberId}`,
      reason:
        `${display(member.givenName, member.surname, member.emailKey)} was removed from Dropbox with the files still in the account ` +
        `(Dropbox can still recover it, which it cannot once the files were transferred); ${why}${choice.explanation}`,
      reversibility: 'irreversible',
      dependsOn: [],
      serialKey: `transfer:${choice.transferTo.teamMemberId}`,
      member: personRef(member, user?.id ?? null),
      transferTo: choice.transferTo,
      transferAdmin: choice.transferAdmin,
      transferFallbacks: choice.transferFallbacks,
    });
  };
  for (const person of people) {
    // A user the plan recovers gets the account back with its files: nothing to move.
    if (person.user === null || person.member !== null || person.removed === null || person.fate.kind === 'recover') continue;
    consider(person.removed, person.user);
  }
  for (const member of ctx.identity.unmanagedRemoved) {
    if (ctx.scope !== null && !ctx.scope.memberIds.has(member.teamMemberId)) continue;
    consider(member, null);
  }
  return actions;
}

/**
 * Why the rules would remove this person today (so their files go where a removal's go), or null
 * when they would not: an override or a setting that suspends or ignores, an Okta user who is
 * assigned (recovered or added instead) or suspended, a grace period not over (the files stay
 * recoverable for second thoughts).
 */
function removalRule(ctx: PlanContext, user: OktaUser | null): string | null {
  const provisioning = ctx.desired.provisioning;
  if (user === null) {
    if (provisioning.unmanagedMembers !== 'remove') return null;
    return `no Okta user matches it (${at(provisioning.source)} provisioning.unmanagedMembers: remove)`;
  }
  const override = overrideFor(ctx, user);
  if (override !== null && override.action !== 'remove') return null;
  if (user.status === 'DEPROVISIONED') {
    const settings = ctx.desired.offboarding.onDeactivated;
    const rule = override?.rule ?? `${at(settings.source)} onDeactivated: ${settings.action}`;
    if ((override?.action ?? settings.action) !== 'remove') return null;
    const start = user.statusChanged ?? user.lastUpdated;
    if (settings.graceDays > 0 && (start === null || ctx.nowMs < Date.parse(addDays(start, settings.graceDays)))) return null;
    return `DEPROVISIONED in Okta since ${day(user.statusChanged)} (${rule})`;
  }
  if (ACTIVE_STATUSES.has(user.status) && !ctx.index.assignment.has(user.id) && provisioning.unassigned === 'remove') {
    return `${user.status} in Okta but not assigned to the app ${ctx.desired.okta.appId} (${at(provisioning.source)} provisioning.unassigned: remove)`;
  }
  return null;
}
