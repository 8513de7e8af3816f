/**
 * Where a removed member's files go: the manager (through offboarding.managerAttribute), else the
 * fallback account, else nowhere when transferTo is none. A destination must be an active member
 * with a verified email (team.stone MembersTransferFilesError.recipient_not_verified) that is not
 * itself leaving in the same plan; each choice is explained in the removal's reason.
 */
import { emailKey, type DropboxMember, type OktaUser } from '../domain/live.js';
import { isDemotion, type PersonRef, type SafetyViolation } from '../domain/plan.js';
import type { OnDeactivated, Role } from '../domain/desired.js';
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
  return new Transfers(ctx, leaving);
}

const UNVERIFIED = 'has an unverified email, which Dropbox refuses as a transfer destination (recipient_not_verified)';

/** A possible destination and how the reason names it. */
interface Candidate {
  readonly member: DropboxMember;
  readonly label: string;
}

/** The destinations found for one leaver (first is the destination), and why others were not. */
interface Search {
  readonly candidates: Candidate[];
  readonly notes: string[];
}

function noTransfer(explanation: string): TransferChoice {
  return { transferTo: null, transferAdmin: null, transferFallbacks: [], explanation };
}

class Transfers implements TransferPlanner {
  readonly #ctx: PlanContext;
  readonly #leaving: ReadonlySet<string>;
  readonly #settings: OnDeactivated;
  /** Where the rules are written ("offboarding.yaml:3"), as the reasons cite it. */
  readonly #source: string;
  readonly #fallback: DropboxMember | null;
  readonly #admin: DropboxMember | null;
  /** Collected as removals are planned, added to the plan's by finish(). */
  readonly #violations: SafetyViolation[] = [];

  constructor(ctx: PlanContext, leaving: ReadonlySet<string>) {
    this.#ctx = ctx;
    this.#leaving = leaving;
    this.#settings = ctx.desired.offboarding.onDeactivated;
    this.#source = at(this.#settings.source);
    this.#fallback = this.#activeMemberByEmail(this.#settings.fallbackTransferTo);
    this.#admin = this.#activeMemberByEmail(this.#settings.transferAdmin);
  }

  choose(member: DropboxMember, user: OktaUser | null, invited: boolean, former = false): TransferChoice {
    if (invited) return noTransfer('; an invited member has no files to transfer');
    if (this.#settings.transferTo === 'none') return noTransfer(`; files not transferred (${this.#source} transferTo: none)`);
    const search: Search = { candidates: [], notes: [] };
    if (this.#settings.transferTo === 'manager') this.#addManager(search, member, user);
    else this.#addNamed(search, member);
    this.#addFallback(search, member);
    const chosen = search.candidates[0];
    if (chosen === undefined) return this.#nowhere(member, search.notes, former);
    const admin = this.#admin;
    if (admin !== null && admin.teamMemberId === member.teamMemberId) {
      this.#violate(`${name(member)} is the transferAdmin (${this.#source}) and cannot receive the transfer errors of their own removal`);
    }
    const prefix = search.notes.length > 0 ? `; ${search.notes.join('; ')}` : '';
    return {
      transferTo: this.#ref(chosen.member),
      transferAdmin: admin === null ? null : this.#ref(admin),
      transferFallbacks: search.candidates.slice(1).map((c) => this.#ref(c.member)),
      explanation: `${prefix}; files to ${chosen.label}`,
    };
  }

  finish(anyTransfer: boolean): void {
    this.#checkFallback();
    if (anyTransfer) this.#checkTransferAdmin();
    this.#ctx.violations.push(...this.#violations);
  }

  /** transferTo: manager, through offboarding.managerAttribute. */
  #addManager(search: Search, member: DropboxMember, user: OktaUser | null): void {
    const manager = this.#managerOf(user);
    if (manager.member !== null && manager.member.teamMemberId !== member.teamMemberId) {
      search.candidates.push({ member: manager.member, label: `manager ${name(manager.member)} (${this.#source} transferTo: manager)` });
    } else {
      search.notes.push(manager.member !== null ? 'the manager is the leaver' : manager.note);
    }
  }

  /** transferTo: the email of a team member. */
  #addNamed(search: Search, member: DropboxMember): void {
    const named = this.#activeMemberByEmail(this.#settings.transferTo);
    if (named !== null && this.#usable(named) && named.emailVerified && named.teamMemberId !== member.teamMemberId) {
      search.candidates.push({ member: named, label: `${name(named)} (${this.#source} transferTo)` });
    } else if (named !== null && this.#usable(named) && !named.emailVerified) {
      search.notes.push(`transferTo ${this.#settings.transferTo} ${UNVERIFIED}`);
    } else {
      search.notes.push(`transferTo ${this.#settings.transferTo} is not an active member staying in Dropbox`);
    }
  }

  /** fallbackTransferTo, after the first choice (once, when it is the same account). */
  #addFallback(search: Search, member: DropboxMember): void {
    const fallback = this.#fallback;
    if (fallback !== null && this.#usable(fallback) && !fallback.emailVerified) {
      if (search.candidates.length === 0) search.notes.push(`fallback ${this.#settings.fallbackTransferTo} ${UNVERIFIED}`);
      this.#ctx.warnings.push({
        code: 'transfer_destination_unverified',
        message: `fallbackTransferTo ${this.#settings.fallbackTransferTo} ${UNVERIFIED}: it receives no files until its owner verifies the address`,
        source: this.#sourceRef(),
      });
    } else if (fallback !== null && this.#usable(fallback) && fallback.teamMemberId !== member.teamMemberId) {
      if (!search.candidates.some((c) => c.member.teamMemberId === fallback.teamMemberId)) {
        search.candidates.push({ member: fallback, label: `fallback ${name(fallback)} (${this.#source} fallbackTransferTo)` });
      }
    } else if (this.#settings.fallbackTransferTo === null) {
      search.notes.push('no fallbackTransferTo');
    }
  }

  /**
   * No destination: a removal is refused (a violation: files are never lost), a former member's
   * files wait in the removed account (a warning: one person's files never block everybody's plan).
   */
  #nowhere(member: DropboxMember, notes: readonly string[], former: boolean): TransferChoice {
    if (former) {
      this.#ctx.warnings.push({
        code: 'former_member_files_nowhere',
        message: `the files of ${name(member)}, removed from Dropbox without them, have nowhere to go: ${notes.join('; ')}; they stay in the removed account, and are lost when Dropbox's transfer window closes`,
        source: this.#sourceRef(),
      });
    } else {
      this.#violate(`nowhere to transfer the files of ${name(member)}: ${notes.join('; ')} (${this.#source})`);
    }
    return noTransfer(`; no transfer destination: ${notes.join('; ')}`);
  }

  /** A fallback that is set must be usable whenever the rules can remove anyone. */
  #checkFallback(): void {
    const { desired } = this.#ctx;
    const settings = this.#settings;
    const removalsPossible =
      settings.transferTo !== 'none' &&
      (settings.action === 'remove' ||
        desired.offboarding.overrides.some((o) => o.action === 'remove') ||
        desired.provisioning.unassigned === 'remove' ||
        desired.provisioning.unmanagedMembers === 'remove');
    const fallback = this.#fallback;
    if (!removalsPossible || settings.fallbackTransferTo === null || this.#usable(fallback)) return;
    const state = fallback === null ? 'not a member' : this.#leaving.has(fallback.teamMemberId) ? 'leaving in this plan' : fallback.status;
    this.#violate(`fallbackTransferTo ${settings.fallbackTransferTo} (${this.#source}) must be an active Dropbox member; it is ${state}`);
  }

  /**
   * team.stone MembersTransferFilesError.transfer_admin_is_not_admin: "Specified transfer_admin user
   * is not a team admin." A user management or support admin is refused by Dropbox.
   */
  #checkTransferAdmin(): void {
    const admin = this.#admin;
    const state = transferAdminState(this.#settings.transferAdmin, admin, admin !== null && this.#leaving.has(admin.teamMemberId), admin === null ? 'member_only' : this.#roleAfterPlan(admin));
    if (state === null) return;
    const which = this.#settings.transferAdmin === null ? 'transferAdmin' : `transferAdmin ${this.#settings.transferAdmin}`;
    this.#violate(`${which} (${this.#source}) must be an active Dropbox team admin to receive transfer errors; it is ${state}`);
  }

  #managerOf(user: OktaUser | null): { member: DropboxMember | null; note: string } {
    const { index, identity } = this.#ctx;
    const attribute = this.#ctx.desired.offboarding.managerAttribute;
    if (user === null) return { member: null, note: 'no Okta user, so no manager' };
    const value = profileString(user, attribute);
    if (value === '') return { member: null, note: `no manager in Okta (${attribute} is empty)` };
    const lower = value.toLowerCase();
    const byEmail = index.oktaByEmail().get(lower);
    const manager = index.oktaById(value) ?? index.oktaByLogin().get(lower) ?? (byEmail.length === 1 ? byEmail[0]! : undefined);
    if (manager === undefined) return { member: null, note: `manager ${value} (${attribute}) is not an Okta user dbxsync read` };
    const link = identity.liveOf(manager.id);
    if (link === undefined) return { member: null, note: `manager ${manager.email} is not a Dropbox member` };
    const m = link.member;
    if (m.status !== 'active') return { member: null, note: `manager ${name(m)} is ${m.status} in Dropbox` };
    if (this.#leaving.has(m.teamMemberId)) return { member: null, note: `manager ${name(m)} leaves Dropbox in this plan too` };
    if (!m.emailVerified) return { member: null, note: `manager ${name(m)} ${UNVERIFIED}` };
    return { member: m, note: '' };
  }

  /** The role a member holds once this plan ran (role rules apply to managed, unprotected members). */
  #roleAfterPlan(m: DropboxMember): Role {
    const ctx = this.#ctx;
    const link = ctx.identity.linkOf(m.teamMemberId);
    // Outside an incremental scope the member's groups were not read: its role stays as it is.
    if (link === undefined || protection(ctx, m) !== null || (ctx.scope !== null && !ctx.scope.userIds.has(link.user.id))) return m.role;
    const decision = ctx.roles.decide(link.user);
    if (decision === null || (decision.uncertain !== null && isDemotion(m.role, decision.role))) return m.role;
    return decision.role;
  }

  #activeMemberByEmail(email: string | null): DropboxMember | null {
    return email === null ? null : (this.#ctx.index.membersByEmail().get(emailKey(email)).find((m) => m.status !== 'removed') ?? null);
  }

  #usable(m: DropboxMember | null): boolean {
    return m !== null && m.status === 'active' && !this.#leaving.has(m.teamMemberId);
  }

  #ref(m: DropboxMember): PersonRef {
    return personRef(m, this.#ctx.identity.linkOf(m.teamMemberId)?.user.id ?? null);
  }

  #sourceRef(): string | null {
    return this.#settings.source === null ? null : formatSource(this.#settings.source);
  }

  #violate(message: string): void {
    this.#violations.push({ rule: 'transfer_destination', message, limit: null, value: null });
  }
}

/**
 * Why the transfer admin cannot receive transfer errors (null: it can). `roleAfterPlan` is its role
 * once this plan ran: a team admin this plan demotes is no longer one when the removals run.
 */
export function transferAdminState(configured: string | null, admin: DropboxMember | null, leaving: boolean, roleAfterPlan: Role): string | null {
  if (admin !== null && admin.status === 'active' && !leaving && roleAfterPlan === 'team_admin') return null;
  if (configured === null) return 'not set';
  if (admin === null) return 'not a member';
  if (leaving) return 'leaving in this plan';
  if (admin.status !== 'active') return admin.status;
  if (admin.role !== 'team_admin') return `${admin.role}, not team_admin`;
  return `demoted to ${roleAfterPlan} by this plan`;
}
