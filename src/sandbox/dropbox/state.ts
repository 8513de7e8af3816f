/**
 * The emulated Dropbox team: members, groups, async jobs and the files each member owns. Every
 * rule Dropbox documents is enforced here and cites the reference section it follows
 * (/work/shared/reference/dropbox-team-api.md, "ref §N"). Route modules parse arguments and encode
 * answers; this class decides.
 */
import { assertNever } from '../../domain/errors.js';
import type { SeedDropbox, SeedDropboxMember } from '../seed.js';
import { OrderedIndex } from './ordered-index.js';
import { roleById, roleIdsForTier, tierOf, TEAM_ADMIN_ROLE_ID, type AdminTier } from './roles.js';
import { RouteError, type GroupSelector, type UserSelector } from './wire.js';
import { TeamLog } from './team-log.js';

export type SandboxMemberStatus = 'active' | 'invited' | 'suspended' | 'removed';
/** What became of a removed member's files. */
export type FilesFate = 'kept' | 'pool' | 'transferred' | 'deleted' | 'left_with_account';
export type GroupManagementType = 'company_managed' | 'user_managed' | 'system_managed';
export type GroupAccessType = 'member' | 'owner';

/** ref §2.10: recoverable with members/recover for 7 days. */
export const RECOVER_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** ref §2.10: files can still be transferred for a window tied to version history (180 days for most teams). */
export const TRANSFER_WINDOW_MS = 180 * 24 * 3600 * 1000;

export interface SandboxMember {
  readonly teamMemberId: string;
  readonly accountId: string;
  readonly folderId: string;
  readonly rootFolderId: string;
  email: string;
  /** MemberProfile.email_verified (team.stone:56); invited members have not verified theirs. */
  emailVerified: boolean;
  givenName: string;
  surname: string;
  externalId: string | null;
  status: SandboxMemberStatus;
  /** The status before removal, restored by recover. */
  statusBeforeRemoval: Exclude<SandboxMemberStatus, 'removed'> | null;
  roleIds: string[];
  isDisconnected: boolean;
  removedAt: Date | null;
  invitedOn: Date | null;
  joinedOn: Date | null;
  suspendedOn: Date | null;
  files: number;
  filesFate: FilesFate;
  /** Recoverability ended for a reason other than the clock (seed said so). */
  unrecoverable: boolean;
  readonly groups: Set<string>;
  /** wipe_data of the last suspend/remove, so tests can check it was sent explicitly. */
  lastWipeData: boolean | null;
}

export interface SandboxGroup {
  readonly groupId: string;
  name: string;
  externalId: string | null;
  managementType: GroupManagementType;
  readonly created: number;
  readonly members: OrderedIndex<string, GroupAccessType>;
}

/** A plain snapshot of a member, for tests. */
export interface MemberSnapshot {
  readonly teamMemberId: string;
  readonly email: string;
  readonly givenName: string;
  readonly surname: string;
  readonly externalId: string | null;
  readonly status: SandboxMemberStatus;
  readonly tier: AdminTier;
  readonly roleIds: readonly string[];
  readonly isRecoverable: boolean;
  readonly isDisconnected: boolean;
  readonly files: number;
  readonly filesFate: FilesFate;
  readonly groupIds: readonly string[];
  readonly lastWipeData: boolean | null;
}

export interface GroupSnapshot {
  readonly groupId: string;
  readonly name: string;
  readonly externalId: string | null;
  readonly managementType: GroupManagementType;
  readonly memberIds: readonly string[];
}

export type JobKind = 'members_add' | 'members_remove' | 'groups_delete' | 'move_former_member_files';

interface Job {
  readonly id: string;
  readonly kind: JobKind;
  pollsLeft: number;
  /** `before`: the job fails having applied nothing; `after`: it applied `partial` (or all of `run`), then fails. */
  readonly fail: JobFailure;
  readonly run: () => unknown;
  /** What a job that fails `after` has applied: by default all of `run`. */
  readonly partial: () => void;
  readonly settle: () => void;
  outcome: { readonly ok: true; readonly value: unknown } | { readonly ok: false } | null;
}

/** How an injected job failure happens: before the job applied anything, or after it applied its first part. */
export type JobFailure = 'none' | 'before' | 'after';

/** When routes that "may be async" answer with a job id. */
export type AsyncMode = 'auto' | 'always' | 'never';

export interface RemoveRequest {
  readonly user: UserSelector;
  readonly wipeData: boolean;
  readonly transferDest: UserSelector | null;
  readonly transferAdmin: UserSelector | null;
  readonly keepAccount: boolean;
  readonly retainTeamShares: boolean;
  readonly permanentlyDeleteFiles: boolean;
}

export interface AddRequest {
  readonly email: string;
  readonly givenName: string;
  readonly surname: string;
  readonly externalId: string | null;
  readonly roleIds: readonly string[];
  readonly sendWelcomeEmail: boolean;
}

export type AddResult =
  | { readonly tag: 'success'; readonly member: SandboxMember }
  | { readonly tag: 'user_already_on_team' | 'user_on_another_team' | 'duplicate_external_member_id' | 'team_license_limit'; readonly email: string };

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Dropbox-looking ids, deterministic per sandbox (cheap: seeds of 100k members make one per member). */
function opaqueId(prefix: string, n: number, length: number): string {
  const body = `${hash32(`${prefix}${n}`).toString(36)}${n.toString(36)}`;
  return `${prefix}AA${body.padStart(length - 2, '0').slice(-(length - 2))}`;
}

function parseDate(iso: string | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export class DropboxSandbox {
  readonly teamName: string;
  readonly teamId: string;
  numLicensedUsers: number;
  authenticatedAdminId: string;
  asyncMode: AsyncMode = 'auto';
  asyncPolls: number;
  /** Polls after which a job that transfers files completes (removal with a transfer, move_former_member_files); 0 = asyncPolls. */
  transferPolls = 0;

  /** The audit log (team_log/get_events): every member status change made through the API. */
  readonly teamLog = new TeamLog();
  private readonly memberOrder = new OrderedIndex<string, SandboxMember>();
  private readonly byEmail = new Map<string, SandboxMember[]>();
  private readonly byExternalId = new Map<string, SandboxMember[]>();
  private readonly groupOrder = new OrderedIndex<string, SandboxGroup>();
  private readonly groupByExternalId = new Map<string, SandboxGroup>();
  private readonly groupByName = new Map<string, SandboxGroup>();
  private readonly deletedGroupIds = new Set<string>();
  /**
   * What groups/get_info answers for a group this team deleted: an item id_not_found, or the
   * route error GroupsGetInfoError.group_not_on_team (team.stone:2245). The spec says neither for
   * this case; a client must take both as "gone".
   */
  deletedGroupInfo: 'id_not_found' | 'group_not_on_team' = 'id_not_found';

  /** True when `groupId` named a group of this team that was deleted. */
  wasDeleted(groupId: string): boolean {
    return this.deletedGroupIds.has(groupId);
  }
  private readonly jobs = new Map<string, Job>();
  /** Members targeted by a pending removal job, and destinations of pending transfers. */
  private readonly pendingTransferDests = new Map<string, Set<string>>();
  /** Members whose files a pending job transfers (a removal with a transfer, or a move). */
  private readonly pendingMoves = new Map<string, string>();
  /** Lower-cased addresses of users on other teams (seed otherTeamEmails). */
  private readonly otherTeamEmails: ReadonlySet<string>;
  private provisioned = 0;
  private jobsToFail = 0;
  private jobFailure: JobFailure = 'before';
  private counter = 0;
  private requestCounter = 0;

  constructor(
    seed: SeedDropbox,
    readonly clock: () => Date,
    asyncPolls = 1,
  ) {
    this.teamName = seed.teamName;
    this.teamId = seed.teamId ?? opaqueId('dbtid:', hash32(seed.teamName), 40);
    this.authenticatedAdminId = seed.authenticatedAdminId;
    this.asyncPolls = asyncPolls;
    this.otherTeamEmails = new Set((seed.otherTeamEmails ?? []).map((e) => e.toLowerCase()));
    for (const m of seed.members) this.insertMember(this.memberFromSeed(m));
    for (const g of seed.groups) {
      const group: SandboxGroup = {
        groupId: g.groupId,
        name: g.name,
        externalId: g.externalId ?? null,
        managementType: (g.managementType as GroupManagementType | undefined) ?? 'company_managed',
        created: this.clock().getTime(),
        members: new OrderedIndex(),
      };
      this.insertGroup(group);
      for (const id of g.members) {
        const m = this.memberOrder.get(id);
        if (!m || m.status === 'removed') continue;
        group.members.set(id, 'member');
        m.groups.add(group.groupId);
      }
    }
    this.numLicensedUsers = seed.numLicensedUsers ?? this.provisioned + 1000;
  }

  // ---------------------------------------------------------------- test hooks

  /**
   * The next n async jobs fail: add jobs end `failed`, remove/delete/move jobs poll `internal_error`.
   * `before` (default): nothing is applied, so a re-run converges. `after`: the job applied its first
   * part, then failed: a removal with a transfer has removed the member but not moved the files
   * (async.stone PollError.internal_error: "verify that the action you were taking succeeded").
   */
  failNextJobs(n: number, when: Exclude<JobFailure, 'none'> = 'before'): void {
    this.jobsToFail = n;
    this.jobFailure = when;
  }

  members(): MemberSnapshot[] {
    return [...this.memberOrder.values()].map((m) => this.snapshot(m));
  }

  groups(): GroupSnapshot[] {
    return [...this.groupOrder.values()].map((g) => ({
      groupId: g.groupId,
      name: g.name,
      externalId: g.externalId,
      managementType: g.managementType,
      memberIds: [...g.members.keys()],
    }));
  }

  memberByEmail(email: string): MemberSnapshot | undefined {
    const m = this.pick(this.byEmail.get(email.toLowerCase()));
    return m ? this.snapshot(m) : undefined;
  }

  memberById(teamMemberId: string): MemberSnapshot | undefined {
    const m = this.memberOrder.get(teamMemberId);
    return m ? this.snapshot(m) : undefined;
  }

  filesOf(teamMemberId: string): number {
    return this.memberOrder.get(teamMemberId)?.files ?? 0;
  }

  /** Files the team still holds: members' own, plus former members' files still transferable. */
  totalFiles(): number {
    let total = 0;
    for (const m of this.memberOrder.values()) if (!this.isLost(m)) total += m.files;
    return total;
  }

  /** Files the team can no longer reach: permanently deleted, left with a kept account, or past the transfer window. */
  lostFiles(): number {
    let total = 0;
    for (const m of this.memberOrder.values()) if (this.isLost(m)) total += m.files;
    return total;
  }

  memberCount(): number {
    return this.memberOrder.size;
  }

  nextRequestId(): string {
    this.requestCounter++;
    return hash32(`req${this.requestCounter}`).toString(16).padStart(8, '0') + this.requestCounter.toString(16).padStart(24, '0');
  }

  // ---------------------------------------------------------------- lookups

  snapshot(m: SandboxMember): MemberSnapshot {
    return {
      teamMemberId: m.teamMemberId,
      email: m.email,
      givenName: m.givenName,
      surname: m.surname,
      externalId: m.externalId,
      status: m.status,
      tier: tierOf(m.roleIds),
      roleIds: [...m.roleIds],
      isRecoverable: this.isRecoverable(m),
      isDisconnected: m.isDisconnected,
      files: m.files,
      filesFate: m.filesFate,
      groupIds: [...m.groups],
      lastWipeData: m.lastWipeData,
    };
  }

  isRecoverable(m: SandboxMember): boolean {
    // ref §2.10: recoverable for 7 days, or until the data is permanently deleted or transferred, whichever first.
    return (
      m.status === 'removed' &&
      !m.unrecoverable &&
      !m.isDisconnected &&
      m.filesFate === 'pool' &&
      m.removedAt !== null &&
      this.clock().getTime() - m.removedAt.getTime() < RECOVER_WINDOW_MS
    );
  }

  private transferable(m: SandboxMember): boolean {
    // ref §2.10: files can be transferred for a window tied to version history (180 days).
    return m.status === 'removed' && m.filesFate === 'pool' && m.removedAt !== null && this.clock().getTime() - m.removedAt.getTime() < TRANSFER_WINDOW_MS;
  }

  private isLost(m: SandboxMember): boolean {
    if (m.status !== 'removed') return false;
    if (m.filesFate === 'deleted' || m.filesFate === 'left_with_account') return true;
    return m.filesFate === 'pool' && !this.transferable(m);
  }

  /** A live membership wins over removed records of the same email/external id; among removed, the latest. */
  private pick(list: readonly SandboxMember[] | undefined): SandboxMember | undefined {
    if (!list || list.length === 0) return undefined;
    let best: SandboxMember | undefined;
    for (const m of list) {
      if (m.status !== 'removed') return m;
      if (!best || (m.removedAt?.getTime() ?? 0) >= (best.removedAt?.getTime() ?? 0)) best = m;
    }
    return best;
  }

  resolve(sel: UserSelector): SandboxMember | undefined {
    switch (sel.by) {
      case 'team_member_id':
        return this.memberOrder.get(sel.value);
      case 'email':
        return this.pick(this.byEmail.get(sel.value.toLowerCase()));
      case 'external_id':
        return this.pick(this.byExternalId.get(sel.value));
      default:
        return assertNever(sel, 'user selector');
    }
  }

  /** ref §1: an unknown selector is user_not_found; a removed member is user_not_in_team. */
  requireMember(sel: UserSelector, removedTag = 'user_not_in_team'): SandboxMember {
    const m = this.resolve(sel);
    if (!m) throw new RouteError('user_not_found');
    if (m.status === 'removed') throw new RouteError(removedTag);
    return m;
  }

  resolveGroup(sel: GroupSelector): SandboxGroup | undefined {
    return sel.by === 'group_id' ? this.groupOrder.get(sel.value) : this.groupByExternalId.get(sel.value);
  }

  /** ref §4: failure → group_not_found. */
  requireGroup(sel: GroupSelector): SandboxGroup {
    const g = this.resolveGroup(sel);
    if (!g) throw new RouteError('group_not_found');
    return g;
  }

  pageMembers(afterSeq: number, limit: number, includeRemoved: boolean) {
    // ref §1: removed members appear only with include_removed: true.
    return this.memberOrder.page(afterSeq, limit, includeRemoved ? undefined : (m) => m.status !== 'removed');
  }

  pageGroups(afterSeq: number, limit: number) {
    return this.groupOrder.page(afterSeq, limit);
  }

  member(teamMemberId: string): SandboxMember | undefined {
    return this.memberOrder.get(teamMemberId);
  }

  numProvisioned(): number {
    return this.provisioned;
  }

  private activeTeamAdmins(): number {
    let n = 0;
    for (const m of this.memberOrder.values()) if (m.status === 'active' && m.roleIds.includes(TEAM_ADMIN_ROLE_ID)) n++;
    return n;
  }

  private isLastAdmin(m: SandboxMember): boolean {
    return m.status === 'active' && m.roleIds.includes(TEAM_ADMIN_ROLE_ID) && this.activeTeamAdmins() <= 1;
  }

  /** team.stone transfer_admin_is_not_admin: "Specified transfer_admin user is not a team admin." */
  private isTeamAdmin(m: SandboxMember): boolean {
    return m.roleIds.includes(TEAM_ADMIN_ROLE_ID);
  }

  // ---------------------------------------------------------------- member writes

  /** members/add_v2, one member (ref §2.4). Batches call this in order, so duplicates within a batch see their predecessors. */
  addMember(req: AddRequest): AddResult {
    const existing = this.pick(this.byEmail.get(req.email.toLowerCase()));
    // ref §2.4: user_already_on_team = already member, invited, or still recoverable after removal.
    if (existing && (existing.status !== 'removed' || this.isRecoverable(existing))) return { tag: 'user_already_on_team', email: req.email };
    // team.stone MemberAddResultBase.user_on_another_team: "The provided email address is associated
    // with a user that is already a member or invited to another team."
    if (this.otherTeamEmails.has(req.email.toLowerCase())) return { tag: 'user_on_another_team', email: req.email };
    if (req.externalId !== null) {
      const holders = this.byExternalId.get(req.externalId) ?? [];
      // ref §1: external_id is unique per team including recoverable removed members.
      if (holders.some((h) => h.status !== 'removed' || this.isRecoverable(h))) return { tag: 'duplicate_external_member_id', email: req.email };
    }
    // ref §5: num_provisioned_users counts invited + active (suspended kept too: licence freed only by deletion, ref §11).
    if (this.provisioned >= this.numLicensedUsers) return { tag: 'team_license_limit', email: req.email };
    const n = ++this.counter;
    const now = this.clock();
    // ref §2.4: "Expect status = invited for new adds" — the sandbox invites every new member.
    const m: SandboxMember = {
      teamMemberId: opaqueId('dbmid:', n + 1_000_000, 40),
      accountId: opaqueId('dbid:', n + 1_000_000, 40),
      folderId: String(9_000_000_000 + n),
      rootFolderId: String(9_500_000_000 + n),
      email: req.email,
      emailVerified: false,
      givenName: req.givenName,
      surname: req.surname,
      externalId: req.externalId,
      status: 'invited',
      statusBeforeRemoval: null,
      roleIds: [...req.roleIds],
      isDisconnected: false,
      removedAt: null,
      invitedOn: now,
      joinedOn: null,
      suspendedOn: null,
      files: 0,
      filesFate: 'kept',
      unrecoverable: false,
      groups: new Set(),
      lastWipeData: null,
    };
    this.insertMember(m);
    return { tag: 'success', member: m };
  }

  setProfile(
    sel: UserSelector,
    update: { email?: string; externalId?: string; givenName?: string; surname?: string },
  ): SandboxMember {
    const m = this.resolve(sel);
    if (!m) throw new RouteError('user_not_found');
    // ref §2.6: set_profile_disallowed when the target is deleted/removed.
    if (m.status === 'removed') throw new RouteError('set_profile_disallowed');
    // ref §2.6: you may not select the user by external_id and change external_id in the same call.
    if (sel.by === 'external_id' && update.externalId !== undefined) throw new RouteError('external_id_and_new_external_id_unsafe');
    // ref §2.6: at least one new_* field.
    if (update.email === undefined && update.externalId === undefined && update.givenName === undefined && update.surname === undefined) {
      throw new RouteError('no_new_data_specified');
    }
    // ref §2.6: param_cannot_be_empty for an empty new_email.
    if (update.email === '') throw new RouteError('param_cannot_be_empty');
    if (update.email !== undefined) {
      const other = this.pick(this.byEmail.get(update.email.toLowerCase()));
      // ref §2.6: email_reserved_for_other_user on clash.
      if (other && other !== m && (other.status !== 'removed' || this.isRecoverable(other))) throw new RouteError('email_reserved_for_other_user');
      // team.stone:1549 MembersSetProfileError.email_reserved_for_other_user ("Email is already
      // reserved for another user"): also an address held by a user outside this team.
      if (this.otherTeamEmails.has(update.email.toLowerCase())) throw new RouteError('email_reserved_for_other_user');
    }
    if (update.externalId !== undefined && update.externalId !== '') {
      const holders = this.byExternalId.get(update.externalId) ?? [];
      // ref §2.6: external_id_used_by_other_user (uniqueness includes recoverable members, ref §1).
      if (holders.some((h) => h !== m && (h.status !== 'removed' || this.isRecoverable(h)))) throw new RouteError('external_id_used_by_other_user');
    }
    this.unindexMember(m);
    if (update.email !== undefined) m.email = update.email;
    // ref §11: clearing with "" is unconfirmed for members; the sandbox clears, as groups do (ref §4).
    if (update.externalId !== undefined) m.externalId = update.externalId === '' ? null : update.externalId;
    if (update.givenName !== undefined) m.givenName = update.givenName;
    if (update.surname !== undefined) m.surname = update.surname;
    this.indexMember(m);
    return m;
  }

  suspend(sel: UserSelector, wipeData: boolean): void {
    const m = this.requireMember(sel);
    // ref §2.7: suspend_inactive_user when the target is not active (invited or already suspended).
    if (m.status !== 'active') throw new RouteError('suspend_inactive_user');
    // ref §2.7: suspend_last_admin.
    if (this.isLastAdmin(m)) throw new RouteError('suspend_last_admin');
    m.status = 'suspended';
    this.logStatus(m, 'active', 'suspended', null);
    m.suspendedOn = this.clock();
    m.lastWipeData = wipeData;
  }

  unsuspend(sel: UserSelector): void {
    const m = this.requireMember(sel);
    // ref §2.8: unsuspend_non_suspended_member.
    if (m.status !== 'suspended') throw new RouteError('unsuspend_non_suspended_member');
    m.status = 'active';
    this.logStatus(m, 'suspended', 'active', null);
    m.suspendedOn = null;
  }

  /**
   * Checks every rule of members/remove and returns the work to do (applied now or by a job), and
   * the part a job that fails after removing has applied: the removal without its transfer.
   */
  planRemove(req: RemoveRequest): { readonly work: () => void; readonly withoutTransfer: () => void; readonly member: SandboxMember } {
    // team.stone:1476 MembersPermanentlyDeleteFilesError.transfer_in_progress (inherited by
    // MembersRemoveError): the member's files are being transferred by a removal still running.
    if (this.transferRunning(this.resolve(req.user))) throw new RouteError('transfer_in_progress');
    const m = this.requireMember(req.user);
    // ref §2.10: keep_account cannot be combined with a transfer.
    if (req.keepAccount && req.transferDest) throw new RouteError('cannot_keep_account_and_transfer');
    // ref §2.10: keep_account requires wipe_data:false.
    if (req.keepAccount && req.wipeData) throw new RouteError('cannot_keep_account_and_delete_data');
    // ref §2.10: keep_account conflicts with permanently_delete_files.
    if (req.keepAccount && req.permanentlyDeleteFiles) throw new RouteError('cannot_keep_account_and_permanently_delete');
    // ref §2.10: keep_account is not allowed for invited users.
    if (req.keepAccount && m.status === 'invited') throw new RouteError('cannot_keep_invited_user_account');
    // ref §2.10: retain_team_shares requires wipe_data:false and keep_account:true.
    if (req.retainTeamShares && req.wipeData) throw new RouteError('cannot_retain_shares_when_data_wiped');
    if (req.retainTeamShares && !req.keepAccount) throw new RouteError('cannot_retain_shares_when_no_account_kept');
    // ref §2.10: permanently deleted files can never be transferred.
    if (req.permanentlyDeleteFiles && req.transferDest) throw new RouteError('cannot_permanently_delete_and_transfer');
    let dest: SandboxMember | null = null;
    if (req.transferDest) {
      // ref §2.10: transfer_admin_id is required whenever transfer_dest_id is given.
      if (!req.transferAdmin) throw new RouteError('unspecified_transfer_admin_id');
      dest = this.checkTransferPair(m, req.transferDest, req.transferAdmin);
    }
    // ref §2.10: remove_last_admin.
    if (this.isLastAdmin(m)) throw new RouteError('remove_last_admin');
    // ref §2.10: member_is_transfer_destination — the target is receiving an in-flight transfer.
    if (this.receiving(m)) throw new RouteError('member_is_transfer_destination');
    const destId = dest?.teamMemberId ?? null;
    return {
      member: m,
      work: () => {
        if (m.status === 'removed') return;
        const destNow = destId ? this.memberOrder.get(destId) : undefined;
        this.applyRemove(m, req, destNow && destNow.status === 'active' ? destNow : null);
      },
      withoutTransfer: () => {
        if (m.status !== 'removed') this.applyRemove(m, req, null);
      },
    };
  }

  /** ref §2.10/§2.13 transfer rules: destination an active member, admin an admin, both different from the removed member. */
  private checkTransferPair(m: SandboxMember, destSel: UserSelector, adminSel: UserSelector): SandboxMember {
    const dest = this.resolve(destSel);
    if (!dest) throw new RouteError('transfer_dest_user_not_found');
    // ref §2.10: removed_and_transfer_dest_should_differ.
    if (dest === m) throw new RouteError('removed_and_transfer_dest_should_differ');
    // ref §2.10: the destination must be in the team (the sandbox also requires it active).
    if (dest.status === 'removed' || dest.status === 'suspended') throw new RouteError('transfer_dest_user_not_in_team');
    // team.stone:1594 MembersTransferFilesError.recipient_not_verified: "The recipient user's email is
    // not verified" (MemberProfile.email_verified, team.stone:56); an invited member has not verified yet.
    if (dest.status === 'invited' || !dest.emailVerified) throw new RouteError('recipient_not_verified');
    const admin = this.resolve(adminSel);
    if (!admin) throw new RouteError('transfer_admin_user_not_found');
    // ref §2.10: removed_and_transfer_admin_should_differ.
    if (admin === m) throw new RouteError('removed_and_transfer_admin_should_differ');
    if (admin.status !== 'active') throw new RouteError('transfer_admin_user_not_in_team');
    // ref §2.10: transfer_admin_id must be a team admin (not a user management or support admin).
    if (!this.isTeamAdmin(admin)) throw new RouteError('transfer_admin_is_not_admin');
    return dest;
  }

  private applyRemove(m: SandboxMember, req: RemoveRequest, dest: SandboxMember | null): void {
    m.statusBeforeRemoval = m.status === 'removed' ? null : m.status;
    this.logStatus(m, m.status, 'removed', req.keepAccount ? 'offboard' : 'delete');
    this.setStatus(m, 'removed');
    m.removedAt = this.clock();
    m.suspendedOn = null;
    m.lastWipeData = req.wipeData;
    // Group memberships end with the membership; recover does not restore them (ref §11 unconfirmed).
    for (const gid of m.groups) this.groupOrder.get(gid)?.members.delete(m.teamMemberId);
    m.groups.clear();
    if (dest) {
      dest.files += m.files;
      m.files = 0;
      m.filesFate = 'transferred';
    } else if (req.permanentlyDeleteFiles) {
      m.filesFate = 'deleted';
    } else if (req.keepAccount) {
      // ref §1: is_disconnected = converted to an individual account; its data leaves with it.
      m.isDisconnected = true;
      m.filesFate = 'left_with_account';
    } else {
      m.filesFate = 'pool';
    }
  }

  remove(req: RemoveRequest): { jobId: string | null } {
    const { work, withoutTransfer, member } = this.planRemove(req);
    const asyncRun = this.asyncMode === 'always' || (this.asyncMode === 'auto' && req.transferDest !== null);
    if (!asyncRun) {
      work();
      return { jobId: null };
    }
    const dest = req.transferDest ? this.resolve(req.transferDest) : undefined;
    if (!dest) return { jobId: this.launch('members_remove', work) };
    // A recipient takes one deleted member's files at a time (ref §2.13, help centre: "several
    // transfers to the same person in quick succession may fail"); no route error says so, so a
    // second transfer to a busy recipient is a job that removes the member, then fails the transfer.
    return { jobId: this.launchTransfer('members_remove', member, dest, work, withoutTransfer, 'after') };
  }

  /** Starts a job that moves `source`'s files to `dest`; `collision` is how it fails if `dest` already receives a transfer. */
  private launchTransfer(kind: JobKind, source: SandboxMember, dest: SandboxMember, work: () => void, partial: () => void, collision: Exclude<JobFailure, 'none'>): string {
    const collides = this.pendingTransferDests.has(dest.teamMemberId);
    let id = '';
    const release = () => {
      if (this.pendingMoves.get(source.teamMemberId) === id) this.pendingMoves.delete(source.teamMemberId);
      const set = this.pendingTransferDests.get(dest.teamMemberId);
      set?.delete(id);
      if (set?.size === 0) this.pendingTransferDests.delete(dest.teamMemberId);
    };
    id = this.launch(kind, work, release, { partial, transfer: true, ...(collides ? { fail: collision } : {}) });
    this.pendingMoves.set(source.teamMemberId, id);
    const set = this.pendingTransferDests.get(dest.teamMemberId) ?? new Set<string>();
    set.add(id);
    this.pendingTransferDests.set(dest.teamMemberId, set);
    return id;
  }

  /**
   * Whether a job still transfers `m`'s files. Jobs run on in Dropbox whether or not anyone polls
   * them: a client told to wait lets the job take one step, as a poll would, so a job whose launch
   * answer was lost (a dropped connection) still finishes.
   */
  private transferRunning(m: SandboxMember | undefined): boolean {
    const id = m ? this.pendingMoves.get(m.teamMemberId) : undefined;
    return id !== undefined && this.stillRunning(id);
  }

  /** Whether `m` is the destination of a transfer still running (each such job takes a step). */
  private receiving(m: SandboxMember): boolean {
    const ids = [...(this.pendingTransferDests.get(m.teamMemberId) ?? [])];
    return ids.map((id) => this.stillRunning(id)).some((x) => x);
  }

  /** Whether the job was still running when asked; it then takes a step (the client's wait is time passing). */
  private stillRunning(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.outcome) return false;
    this.step(job);
    return true;
  }

  recover(sel: UserSelector): void {
    const m = this.resolve(sel);
    if (!m) throw new RouteError('user_not_found');
    // ref §2.12: user_unrecoverable — window passed, transferred, purged (or not removed at all).
    if (!this.isRecoverable(m)) throw new RouteError('user_unrecoverable');
    const live = this.pick(this.byEmail.get(m.email.toLowerCase()));
    if (live && live !== m && live.status !== 'removed') throw new RouteError('user_unrecoverable');
    // ref §2.12: team_license_limit.
    if (this.provisioned >= this.numLicensedUsers) throw new RouteError('team_license_limit');
    // ref §11: post-recover status unconfirmed; the sandbox restores invited members as invited, others as active.
    this.setStatus(m, m.statusBeforeRemoval === 'invited' ? 'invited' : 'active');
    this.logStatus(m, 'removed', m.status, null);
    if (m.status === 'active' && !m.joinedOn) m.joinedOn = this.clock();
    m.removedAt = null;
    m.filesFate = 'kept';
    m.statusBeforeRemoval = null;
  }

  moveFormerMemberFiles(sel: UserSelector, destSel: UserSelector, adminSel: UserSelector): { jobId: string | null } {
    const m = this.resolve(sel);
    if (!m) throw new RouteError('user_not_found');
    // ref §2.13: user_data_is_being_transferred (retry later).
    if (this.transferRunning(m)) throw new RouteError('user_data_is_being_transferred');
    // ref §2.13: user_not_removed.
    if (m.status !== 'removed') throw new RouteError('user_not_removed');
    // ref §2.13: files can be transferred only once.
    if (m.filesFate === 'transferred') throw new RouteError('user_data_already_transferred');
    // ref §2.13: user_data_cannot_be_transferred (window expired, purged or kept with the account).
    if (!this.transferable(m)) throw new RouteError('user_data_cannot_be_transferred');
    const dest = this.checkTransferPair(m, destSel, adminSel);
    const work = () => {
      if (m.status !== 'removed' || !this.transferable(m) || dest.status !== 'active') return;
      dest.files += m.files;
      m.files = 0;
      m.filesFate = 'transferred';
    };
    // ref §6: move_former_member_files is "maybe" async; the sandbox always runs it as a job (a transfer takes time).
    if (this.asyncMode === 'never') {
      work();
      return { jobId: null };
    }
    // One transfer at a time per recipient (see remove): a move to a busy recipient fails, moving nothing.
    return { jobId: this.launchTransfer('move_former_member_files', m, dest, work, () => undefined, 'before') };
  }

  setRoles(sel: UserSelector, roleIds: readonly string[]): SandboxMember {
    const m = this.requireMember(sel);
    // ref §3: role_not_found.
    for (const id of roleIds) if (!roleById(id)) throw new RouteError('role_not_found');
    // ref §3: cannot_set_permissions (e.g. suspended member).
    if (m.status === 'suspended') throw new RouteError('cannot_set_permissions');
    // ref §3: last_admin — the last active team admin cannot be demoted.
    if (!roleIds.includes(TEAM_ADMIN_ROLE_ID) && this.isLastAdmin(m)) throw new RouteError('last_admin');
    m.roleIds = [...roleIds];
    return m;
  }

  setTier(sel: UserSelector, tier: AdminTier): SandboxMember {
    return this.setRoles(sel, roleIdsForTier(tier));
  }

  // ---------------------------------------------------------------- groups

  createGroup(req: { name: string; externalId: string | null; managementType: GroupManagementType | null }): SandboxGroup {
    // ref §4: group_name_invalid.
    if (req.name.trim() === '' || req.name.length > 255) throw new RouteError('group_name_invalid');
    // ref §4: group names must be unique on the team.
    if (this.groupByName.has(req.name.toLowerCase())) throw new RouteError('group_name_already_used');
    if (req.externalId !== null && req.externalId !== '' && this.groupByExternalId.has(req.externalId)) throw new RouteError('external_id_already_in_use');
    // ref §4: system_managed_group_disallowed.
    if (req.managementType === 'system_managed') throw new RouteError('system_managed_group_disallowed');
    const n = ++this.counter;
    const group: SandboxGroup = {
      groupId: `g:${hash32(`group${n}`).toString(16).padStart(8, '0')}${n.toString(16).padStart(22, '0')}`,
      name: req.name,
      externalId: req.externalId === '' ? null : req.externalId,
      // ref §4: default management type unconfirmed; the sandbox defaults to user_managed, so callers must send company_managed.
      managementType: req.managementType ?? 'user_managed',
      created: this.clock().getTime(),
      members: new OrderedIndex(),
    };
    this.insertGroup(group);
    return group;
  }

  updateGroup(
    sel: GroupSelector,
    update: { name?: string; externalId?: string; managementType?: GroupManagementType },
  ): SandboxGroup {
    const g = this.requireGroup(sel);
    if (g.managementType === 'system_managed') throw new RouteError('system_managed_group_disallowed');
    if (update.name !== undefined) {
      if (update.name.trim() === '' || update.name.length > 255) throw new RouteError('group_name_invalid');
      const other = this.groupByName.get(update.name.toLowerCase());
      if (other && other !== g) throw new RouteError('group_name_already_used');
    }
    if (update.externalId !== undefined && update.externalId !== '') {
      const other = this.groupByExternalId.get(update.externalId);
      if (other && other !== g) throw new RouteError('external_id_already_in_use');
    }
    if (update.managementType === 'system_managed') throw new RouteError('system_managed_group_disallowed');
    this.unindexGroup(g);
    if (update.name !== undefined) g.name = update.name;
    // ref §4: new_group_external_id "" clears it; omitted = unchanged.
    if (update.externalId !== undefined) g.externalId = update.externalId === '' ? null : update.externalId;
    if (update.managementType !== undefined) g.managementType = update.managementType;
    this.indexGroup(g);
    return g;
  }

  deleteGroup(sel: GroupSelector): { jobId: string | null } {
    const g = this.resolveGroup(sel);
    if (!g) {
      // ref §4: group_already_deleted for a group that existed.
      if (sel.by === 'group_id' && this.deletedGroupIds.has(sel.value)) throw new RouteError('group_already_deleted');
      throw new RouteError('group_not_found');
    }
    if (g.managementType === 'system_managed') throw new RouteError('system_managed_group_disallowed');
    const work = () => {
      if (!this.groupOrder.has(g.groupId)) return;
      for (const id of g.members.keys()) this.memberOrder.get(id)?.groups.delete(g.groupId);
      this.unindexGroup(g);
      this.groupOrder.delete(g.groupId);
      this.deletedGroupIds.add(g.groupId);
    };
    const asyncRun = this.asyncMode === 'always' || (this.asyncMode === 'auto' && g.members.size > 0);
    if (!asyncRun) {
      work();
      return { jobId: null };
    }
    return { jobId: this.launch('groups_delete', work) };
  }

  /** groups/members/add: all-or-nothing validation (ref §4). */
  addGroupMembers(sel: GroupSelector, entries: readonly { user: UserSelector; access: GroupAccessType }[]): SandboxGroup {
    const g = this.requireGroup(sel);
    if (g.managementType === 'system_managed') throw new RouteError('system_managed_group_disallowed');
    const resolved = this.resolveMany(entries.map((e) => e.user));
    const seen = new Set<string>();
    for (const m of resolved) {
      // ref §4: one already-present user → duplicate_user, nothing changes.
      if (g.members.has(m.teamMemberId) || seen.has(m.teamMemberId)) throw new RouteError('duplicate_user');
      seen.add(m.teamMemberId);
    }
    const owners = entries.map((e, i) => ({ e, m: resolved[i]! })).filter((x) => x.e.access === 'owner');
    // ref §4: a suspended user cannot be made owner.
    if (owners.some((x) => x.m.status !== 'active' && x.m.status !== 'invited')) throw new RouteError('user_must_be_active_to_be_owner');
    // ref §4: company_managed groups cannot have user owners.
    if (g.managementType === 'company_managed' && owners.length > 0) {
      throw new RouteError('user_cannot_be_manager_of_company_managed_group', {
        user_cannot_be_manager_of_company_managed_group: owners.map((x) => x.e.user.value),
      });
    }
    entries.forEach((e, i) => {
      const m = resolved[i]!;
      g.members.set(m.teamMemberId, e.access);
      m.groups.add(g.groupId);
    });
    return g;
  }

  /** groups/members/remove: all-or-nothing validation (ref §4). */
  removeGroupMembers(sel: GroupSelector, users: readonly UserSelector[]): SandboxGroup {
    const g = this.requireGroup(sel);
    if (g.managementType === 'system_managed') throw new RouteError('system_managed_group_disallowed');
    const resolved = this.resolveMany(users);
    // ref §4: one absent user → member_not_in_group, nothing changes.
    if (resolved.some((m) => !g.members.has(m.teamMemberId))) throw new RouteError('member_not_in_group');
    for (const m of resolved) {
      g.members.delete(m.teamMemberId);
      m.groups.delete(g.groupId);
    }
    return g;
  }

  /** ref §4: users_not_found / members_not_in_team carry the bad identifiers. */
  private resolveMany(users: readonly UserSelector[]): SandboxMember[] {
    const out: SandboxMember[] = [];
    const notFound: string[] = [];
    const notInTeam: string[] = [];
    for (const sel of users) {
      const m = this.resolve(sel);
      if (!m) notFound.push(sel.value);
      else if (m.status === 'removed') notInTeam.push(sel.value);
      else out.push(m);
    }
    if (notFound.length > 0) throw new RouteError('users_not_found', { users_not_found: notFound });
    if (notInTeam.length > 0) throw new RouteError('members_not_in_team', { members_not_in_team: notInTeam });
    return out;
  }

  // ---------------------------------------------------------------- jobs

  /**
   * Starts an async job; it completes on its asyncPolls-th poll (transferPolls-th for a transfer).
   * `fail` forces a failure (a collision decided by the caller); otherwise failNextJobs decides.
   */
  launch(kind: JobKind, run: () => unknown, onSettle?: () => void, opts: { partial?: () => void; transfer?: boolean; fail?: Exclude<JobFailure, 'none'> } = {}): string {
    const n = ++this.counter;
    let fail: JobFailure = opts.fail ?? 'none';
    if (fail === 'none' && this.jobsToFail > 0) {
      this.jobsToFail--;
      fail = this.jobFailure;
    }
    const id = `dbjid:${opaqueId('', n, 60)}`;
    const polls = opts.transfer === true && this.transferPolls > 0 ? this.transferPolls : this.asyncPolls;
    this.jobs.set(id, {
      id,
      kind,
      pollsLeft: Math.max(1, polls),
      fail,
      run,
      partial: opts.partial ?? (() => void run()),
      settle: onSettle ?? (() => undefined),
      outcome: null,
    });
    return id;
  }

  /** One poll: 'in_progress', or the settled outcome. ref §2.5/§2.11: unknown id → invalid_async_job_id. */
  poll(kind: JobKind, id: string): { state: 'in_progress' } | { state: 'complete'; value: unknown } | { state: 'failed' } {
    const job = this.jobs.get(id);
    if (!job || job.kind !== kind) throw new RouteError('invalid_async_job_id');
    this.step(job);
    if (!job.outcome) return { state: 'in_progress' };
    return job.outcome.ok ? { state: 'complete', value: job.outcome.value } : { state: 'failed' };
  }

  /** One step of a job: it settles on its last one. */
  private step(job: Job): void {
    if (job.outcome) return;
    job.pollsLeft--;
    if (job.pollsLeft > 0) return;
    try {
      if (job.fail === 'none') job.outcome = { ok: true, value: job.run() };
      else {
        // `before`: nothing applied, so re-running converges; `after`: the first part was applied.
        if (job.fail === 'after') job.partial();
        job.outcome = { ok: false };
      }
    } finally {
      job.settle();
    }
  }

  // ---------------------------------------------------------------- internals

  private memberFromSeed(s: SeedDropboxMember): SandboxMember {
    const n = ++this.counter;
    const status = (['active', 'invited', 'suspended', 'removed'].includes(s.status) ? s.status : 'active') as SandboxMemberStatus;
    const now = this.clock();
    let removedAt = parseDate(s.removedAt);
    if (status === 'removed' && !removedAt) {
      // Without a date, isRecoverable decides: a recent removal, or one long past.
      removedAt = s.isRecoverable === true ? now : new Date(now.getTime() - 365 * 24 * 3600 * 1000);
    }
    return {
      teamMemberId: s.teamMemberId,
      accountId: s.accountId ?? opaqueId('dbid:', n, 40),
      folderId: String(8_000_000_000 + n),
      rootFolderId: String(8_500_000_000 + n),
      email: s.email,
      emailVerified: s.emailVerified ?? status !== 'invited',
      givenName: s.givenName,
      surname: s.surname,
      externalId: s.externalId ?? null,
      status,
      statusBeforeRemoval: status === 'removed' ? 'active' : null,
      roleIds: roleIdsForTier((s.role as AdminTier | undefined) ?? 'member_only'),
      isDisconnected: status === 'removed' && s.isDisconnected === true,
      removedAt: status === 'removed' ? removedAt : null,
      invitedOn: status === 'invited' ? (parseDate(s.invitedOn) ?? now) : null,
      // joined_on stays on a removed member who had joined (team.stone:68-69 qualifies invited_on
      // and suspended_on by status, not joined_on); a removed seed member without one never joined.
      joinedOn: status === 'invited' ? null : (parseDate(s.joinedOn) ?? (status === 'removed' ? null : now)),
      suspendedOn: status === 'suspended' ? (parseDate(s.suspendedOn) ?? now) : null,
      files: s.files ?? 0,
      filesFate: status !== 'removed' ? 'kept' : s.isDisconnected === true ? 'left_with_account' : 'pool',
      unrecoverable: status === 'removed' && s.isRecoverable === false,
      groups: new Set(),
      lastWipeData: null,
    };
  }

  /** A member_change_status event by the token's admin (team_log.stone:4308). */
  private logStatus(m: SandboxMember, previous: SandboxMemberStatus, next: SandboxMemberStatus, removeAction: 'delete' | 'offboard' | null): void {
    const actor = this.memberOrder.get(this.authenticatedAdminId);
    this.teamLog.record({
      time: this.clock(),
      actorTeamMemberId: actor ? actor.teamMemberId : null,
      actorEmail: actor ? actor.email : null,
      targetTeamMemberId: m.teamMemberId,
      targetEmail: m.email,
      targetExternalId: m.externalId,
      previous,
      next,
      removeAction,
    });
  }

  private setStatus(m: SandboxMember, status: SandboxMemberStatus): void {
    const was = m.status !== 'removed';
    const is = status !== 'removed';
    if (was && !is) this.provisioned--;
    if (!was && is) this.provisioned++;
    m.status = status;
  }

  private insertMember(m: SandboxMember): void {
    this.memberOrder.set(m.teamMemberId, m);
    if (m.status !== 'removed') this.provisioned++;
    this.indexMember(m);
  }

  private indexMember(m: SandboxMember): void {
    push(this.byEmail, m.email.toLowerCase(), m);
    if (m.externalId !== null) push(this.byExternalId, m.externalId, m);
  }

  private unindexMember(m: SandboxMember): void {
    pull(this.byEmail, m.email.toLowerCase(), m);
    if (m.externalId !== null) pull(this.byExternalId, m.externalId, m);
  }

  private insertGroup(g: SandboxGroup): void {
    this.groupOrder.set(g.groupId, g);
    this.indexGroup(g);
  }

  private indexGroup(g: SandboxGroup): void {
    this.groupByName.set(g.name.toLowerCase(), g);
    if (g.externalId !== null) this.groupByExternalId.set(g.externalId, g);
  }

  private unindexGroup(g: SandboxGroup): void {
    if (this.groupByName.get(g.name.toLowerCase()) === g) this.groupByName.delete(g.name.toLowerCase());
    if (g.externalId !== null && this.groupByExternalId.get(g.externalId) === g) this.groupByExternalId.delete(g.externalId);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}
