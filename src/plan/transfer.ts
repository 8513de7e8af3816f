/**
 * Where a removed member's files go: the manager (through offboarding.managerAttribute), else the
 * fallback account, else nowhere when transferTo is none. A destination must be an active member
 * with a verified email (team.stone MembersTransferFilesError.recipient_not_verified) that is not
 * itself leaving in the same plan; each choice is explained in the removal's reason.
 */
import { emailKey, type DropboxMember, type OktaUser } from '../domain/live.js';
import { isDemotion, type PersonRef, type SafetyViolation } from '../domain/plan.js';
import type { Role } from '../domain/desired.js';
import { protection, type PlanContext } from './context.js';
import { at, display, profileString } from './text.js';
import { formatSource } from '../text/words.js';

export interface TransferChoice {
  readonly transferTo: PersonRef | null;
  readonly transferAdmin: PersonRef | null;
  readonly transferFallbacks: readonly PersonRef[];
  /** "; files to manager Ada Lovelace <ada@...> (offboarding.yaml:9 transferTo: manager)" */
  readonly explanation: string;
}

export interface TransferPlanner {
  /**
   * Files of `member` (Okta user `user`, if any) on removal. Appends a violation when no destination
   * is possible; for a `former` member (removed already, files left behind) a warning instead: the
   * files wait in the account, and one person's files never block everybody's plan.
   */
  choose(member: DropboxMember, user: OktaUser | null, invited: boolean, former?: boolean): TransferChoice;
  /** Checks made once per plan (fallback and transfer admin usable), given whether any removal transfers files. */
  finish(anyTransfer: boolean): void;
}

export function personRef(member: DropboxMember, oktaUserId: string | null): PersonRef {
  return { email: member.emailKey, teamMemberId: member.teamMemberId, oktaUserId };
}

function name(member: DropboxMember): string {
  return display(member.givenName, member.surname, member.emailKey);
}

/**
 * @param leaving team_member_ids suspended or removed by this plan: never a destination.
 */
export function transferPlanner(ctx: PlanContext, leaving: ReadonlySet<string>): TransferPlanner {
  const settings = ctx.desired.offboarding.onDeactivated;
  const source = at(settings.source);
  const activeMemberByEmail = (email: string | null): DropboxMember | null =>
    email === null ? null : ctx.index.membersByEmail().get(emailKey(email)).find((m) => m.status !== 'removed') ?? null;
  const usable = (m: DropboxMember | null): boolean => m !== null && m.status === 'active' && !leaving.has(m.teamMemberId);
  const fallback = activeMemberByEmail(settings.fallbackTransferTo);
  const admin = activeMemberByEmail(settings.transferAdmin);
  const violations: SafetyViolation[] = [];
  const oktaIdOf = (m: DropboxMember): string | null => ctx.identity.linkOf(m.teamMemberId)?.user.id ?? null;
  const UNVERIFIED = 'has an unverified email, which Dropbox refuses as a transfer destination (recipient_not_verified)';

  /** The role a member holds once this plan ran (role rules apply to managed, unprotected members). */
  function roleAfterPlan(m: DropboxMember): Role {
    const link = ctx.identity.linkOf(m.teamMemberId);
    // Outside an incremental scope the member's groups were not read: its role stays as it is.
    if (link === undefined || protection(ctx, m) !== null || (ctx.scope !== null && !ctx.scope.userIds.has(link.user.id))) return m.role;
    const decision = ctx.roles.decide(link.user);
    if (decision === null || (decision.uncertain !== null && isDemotion(m.role, decision.role))) return m.role;
    return decision.role;
  }

  function managerOf(user: OktaUser | null): { member: DropboxMember | null; note: string } {
    const attribute = ctx.desired.offboarding.managerAttribute;
    if (user === null) return { member: null, note: 'no Okta user, so no manager' };
    const value = profileString(user, attribute);
    if (value === '') return { member: null, note: `no manager in Okta (${attribute} is empty)` };
    const lower = value.toLowerCase();
    const byEmail = ctx.index.oktaByEmail().get(lower);
    const manager = ctx.index.oktaById(value) ?? ctx.index.oktaByLogin().get(lower) ?? (byEmail.length === 1 ? byEmail[0]! : undefined);
    if (manager === undefined) return { member: null, note: `manager ${value} (${attribute}) is not an Okta user dbxsync read` };
    const link = ctx.identity.liveOf(manager.id);
    if (link === undefined) return { member: null, note: `manager ${manager.email} is not a Dropbox member` };
    const m = link.member;
    if (m.status !== 'active') return { member: null, note: `manager ${name(m)} is ${m.status} in Dropbox` };
    if (leaving.has(m.teamMemberId)) return { member: null, note: `manager ${name(m)} leaves Dropbox in this plan too` };
    if (!m.emailVerified) return { member: null, note: `manager ${name(m)} ${UNVERIFIED}` };
    return { member: m, note: '' };
  }

  return {
    choose(member, user, invited, former = false) {
      if (invited) {
        return { transferTo: null, transferAdmin: null, transferFallbacks: [], explanation: '; an invited member has no files to transfer' };
      }
      if (settings.transferTo === 'none') {
        return { transferTo: null, transferAdmin: null, transferFallbacks: [], explanation: `; files not transferred (${source} transferTo: none)` };
      }
      const notes: string[] = [];
      const candidates: { member: DropboxMember; label: string }[] = [];
      if (settings.transferTo === 'manager') {
        const manager = managerOf(user);
        if (manager.member !== null && manager.member.teamMemberId !== member.teamMemberId) {
          candidates.push({ member: manager.member, label: `manager ${name(manager.member)} (${source} transferTo: manager)` });
        } else {
          notes.push(manager.member !== null ? 'the manager is the leaver' : manager.note);
        }
      } else {
        const named = activeMemberByEmail(settings.transferTo);
        if (named !== null && usable(named) && named.emailVerified && named.teamMemberId !== member.teamMemberId) {
          candidates.push({ member: named, label: `${name(named)} (${source} transferTo)` });
        } else if (named !== null && usable(named) && !named.emailVerified) {
          notes.push(`transferTo ${settings.transferTo} ${UNVERIFIED}`);
        } else {
          notes.push(`transferTo ${settings.transferTo} is not an active member staying in Dropbox`);
        }
      }
      if (fallback !== null && usable(fallback) && !fallback.emailVerified) {
        if (candidates.length === 0) notes.push(`fallback ${settings.fallbackTransferTo} ${UNVERIFIED}`);
        ctx.warnings.push({
          code: 'transfer_destination_unverified',
          message: `fallbackTransferTo ${settings.fallbackTransferTo} ${UNVERIFIED}: it receives no files until its owner verifies the address`,
          source: settings.source === null ? null : formatSource(settings.source),
        });
      } else if (fallback !== null && usable(fallback) && fallback.teamMemberId !== member.teamMemberId) {
        if (!candidates.some((c) => c.member.teamMemberId === fallback.teamMemberId)) {
          candidates.push({ member: fallback, label: `fallback ${name(fallback)} (${source} fallbackTransferTo)` });
        }
      } else if (settings.fallbackTransferTo === null) {
        notes.push('no fallbackTransferTo');
      }
      const chosen = candidates[0];
      if (chosen === undefined && former) {
        ctx.warnings.push({
          code: 'former_member_files_nowhere',
          message: `the files of ${name(member)}, removed from Dropbox without them, have nowhere to go: ${notes.join('; ')}; they stay in the removed account, and are lost when Dropbox's transfer window closes`,
          source: settings.source === null ? null : formatSource(settings.source),
        });
        return { transferTo: null, transferAdmin: null, transferFallbacks: [], explanation: `; no transfer destination: ${notes.join('; ')}` };
      }
      if (chosen === undefined) {
        violations.push({
          rule: 'transfer_destination',
          message: `nowhere to transfer the files of ${name(member)}: ${notes.join('; ')} (${source})`,
          limit: null,
          value: null,
        });
        return { transferTo: null, transferAdmin: null, transferFallbacks: [], explanation: `; no transfer destination: ${notes.join('; ')}` };
      }
      if (admin !== null && admin.teamMemberId === member.teamMemberId) {
        violations.push({
          rule: 'transfer_destination',
          message: `${name(member)} is the transferAdmin (${source}) and cannot receive the transfer errors of their own removal`,
          limit: null,
          value: null,
        });
      }
      const prefix = notes.length > 0 ? `; ${notes.join('; ')}` : '';
      return {
        transferTo: personRef(chosen.member, oktaIdOf(chosen.member)),
        transferAdmin: admin === null ? null : personRef(admin, oktaIdOf(admin)),
        transferFallbacks: candidates.slice(1).map((c) => personRef(c.member, oktaIdOf(c.member))),
        explanation: `${prefix}; files to ${chosen.label}`,
      };
    },
    finish(anyTransfer) {
      const removalsPossible =
        settings.transferTo !== 'none' &&
        (settings.action === 'remove' ||
          ctx.desired.offboarding.overrides.some((o) => o.action === 'remove') ||
          ctx.desired.provisioning.unassigned === 'remove' ||
          ctx.desired.provisioning.unmanagedMembers === 'remove');
      if (removalsPossible && settings.fallbackTransferTo !== null && !usable(fallback)) {
        const state = fallback === null ? 'not a member' : leaving.has(fallback.teamMemberId) ? 'leaving in this plan' : fallback.status;
        violations.push({
          rule: 'transfer_destination',
          message: `fallbackTransferTo ${settings.fallbackTransferTo} (${source}) must be an active Dropbox member; it is ${state}`,
          limit: null,
          value: null,
        });
      }
      if (anyTransfer) {
        const adminRole = admin === null ? 'member_only' : roleAfterPlan(admin);
        // team.stone MembersTransferFilesError.transfer_admin_is_not_admin: "Specified transfer_admin
        // user is not a team admin." A user management or support admin is refused by Dropbox.
        const adminUsable = admin !== null && usable(admin) && adminRole === 'team_admin';
        if (!adminUsable) {
          const state =
            settings.transferAdmin === null
              ? 'not set'
              : admin === null
                ? 'not a member'
                : leaving.has(admin.teamMemberId)
                  ? 'leaving in this plan'
                  : admin.status !== 'active'
                    ? admin.status
                    : admin.role !== 'team_admin'
                      ? `${admin.role}, not team_admin`
                      : `demoted to ${adminRole} by this plan`;
          violations.push({
            rule: 'transfer_destination',
            message: `${settings.transferAdmin === null ? 'transferAdmin' : `transferAdmin ${settings.transferAdmin}`} (${source}) must be an active Dropbox team admin to receive transfer errors; it is ${state}`,
            limit: null,
            value: null,
          });
        }
      }
      ctx.violations.push(...violations);
    },
  };
}
