/**
 * The plan: the exact changes, each with its reason, in execution order. Built by the pure planner
 * (src/plan), rendered by src/render, executed by src/apply. Serialised as JSON (formatVersion 1,
 * documented in schemas/plan.schema.json); it never holds a secret.
 */
import { ROLE_RANK, type Role } from './desired.js';
import { assertNever } from './errors.js';

export type Reversibility = 'reversible' | 'recoverable' | 'irreversible';

/** A person an action touches. */
export interface PersonRef {
  /** Lower-cased email. */
  readonly email: string;
  /** Dropbox team_member_id, when the person is (or was) a member. */
  readonly teamMemberId: string | null;
  /** Okta user id, when an Okta user matches. */
  readonly oktaUserId: string | null;
}

/** A Dropbox group an action touches. */
export interface GroupRef {
  /** Dropbox group id; null for a group that a group.create earlier in the same plan creates. */
  readonly groupId: string | null;
  readonly name: string;
  /** group_external_id, `okta:<okta group id>` for groups dbxsync manages. */
  readonly externalId: string | null;
}

interface ActionBase {
  /**
   * Stable key, unique in the plan, equal across plans for the same change to the same target
   * (e.g. "member.suspend:dbmid:AAH4..."): the reviewed-plan guard compares destructive actions by it.
   */
  readonly id: string;
  /** Why: the YAML rule (file:line) and the Okta fact behind the change. Never empty. */
  readonly reason: string;
  readonly reversibility: Reversibility;
  /** Ids of actions that must succeed first (a group add after the member add, ...). */
  readonly dependsOn: readonly string[];
  /** Actions with the same serialKey run one after another (transfers to one destination). */
  readonly serialKey: string | null;
}

export interface MemberAddAction extends ActionBase {
  readonly kind: 'member.add';
  readonly member: PersonRef;
  readonly givenName: string;
  readonly surname: string;
  /** = the Okta user id. */
  readonly externalId: string;
  readonly sendWelcomeEmail: boolean;
  readonly role: Role;
}

export interface ProfileChange {
  readonly from: string | null;
  readonly to: string;
}

export interface MemberUpdateProfileAction extends ActionBase {
  readonly kind: 'member.update_profile';
  readonly member: PersonRef;
  readonly changes: {
    readonly email?: ProfileChange;
    readonly givenName?: ProfileChange;
    readonly surname?: ProfileChange;
    readonly externalId?: ProfileChange;
  };
}

export interface MemberSetRoleAction extends ActionBase {
  readonly kind: 'member.set_role';
  readonly member: PersonRef;
  readonly from: Role;
  readonly to: Role;
}

export interface MemberSuspendAction extends ActionBase {
  readonly kind: 'member.suspend';
  readonly member: PersonRef;
  readonly wipeData: boolean;
  /** When a grace period applies: the ISO date after which the member is removed. */
  readonly removeAfter: string | null;
}

export interface MemberUnsuspendAction extends ActionBase {
  readonly kind: 'member.unsuspend';
  readonly member: PersonRef;
}

export interface MemberRemoveAction extends ActionBase {
  readonly kind: 'member.remove';
  readonly member: PersonRef;
  /** Who receives the files; null = no transfer. */
  readonly transferTo: PersonRef | null;
  /** Receives transfer errors; required (and an admin) whenever transferTo is set. */
  readonly transferAdmin: PersonRef | null;
  /** Fallback destinations, in order, if transferTo is no longer an active member at apply time. */
  readonly transferFallbacks: readonly PersonRef[];
  readonly keepAccount: boolean;
  readonly retainTeamShares: boolean;
  readonly wipeData: boolean;
}

/**
 * The files of a member who is already removed (a removal job that failed after removing, a crash,
 * a removal made outside dbxsync) but whose account still holds them: Dropbox keeps a removed
 * account recoverable only until its files are transferred (team.stone:1147-1148), so a recoverable
 * former member's files were never transferred, and they go where the offboarding rules send a
 * leaver's files (members/move_former_member_files, team.stone:1125). Removes nothing.
 */
export interface MemberMoveFormerFilesAction extends ActionBase {
  readonly kind: 'member.move_former_files';
  /** The removed member (status removed, is_recoverable). */
  readonly member: PersonRef;
  /** Who receives the files. */
  readonly transferTo: PersonRef;
  /** Receives transfer errors (transfer_admin_id); a plan without one is refused. */
  readonly transferAdmin: PersonRef | null;
  /** Fallback destinations, in order, if transferTo is no longer an active member at apply time. */
  readonly transferFallbacks: readonly PersonRef[];
}

export interface MemberRecoverAction extends ActionBase {
  readonly kind: 'member.recover';
  readonly member: PersonRef;
}

export interface GroupCreateAction extends ActionBase {
  readonly kind: 'group.create';
  readonly group: GroupRef;
  readonly oktaGroupId: string;
  readonly managementType: 'company_managed';
}

export interface GroupRenameAction extends ActionBase {
  readonly kind: 'group.rename';
  readonly group: GroupRef;
  readonly from: string;
  readonly to: string;
  /** Set when the group is adopted (an existing group of that name without external id): the marker to write. */
  readonly newExternalId: string | null;
}

export interface GroupMembersAddAction extends ActionBase {
  readonly kind: 'group.members.add';
  readonly group: GroupRef;
  readonly members: readonly PersonRef[];
}

export interface GroupMembersRemoveAction extends ActionBase {
  readonly kind: 'group.members.remove';
  readonly group: GroupRef;
  readonly members: readonly PersonRef[];
}

export interface GroupDeleteAction extends ActionBase {
  readonly kind: 'group.delete';
  readonly group: GroupRef;
}

/** import: assign an existing Okta user to the Dropbox app. */
export interface OktaAssignAction extends ActionBase {
  readonly kind: 'okta.assign';
  readonly member: PersonRef;
}

/** import: create a STAGED Okta user for an unmatched Dropbox member. */
export interface OktaCreateUserAction extends ActionBase {
  readonly kind: 'okta.create_user';
  readonly member: PersonRef;
  readonly profile: Readonly<Record<string, string>>;
}

/** import: write Dropbox-mastered attributes back to the Okta profile. */
export interface OktaUpdateProfileAction extends ActionBase {
  readonly kind: 'okta.update_profile';
  readonly member: PersonRef;
  readonly changes: Readonly<Record<string, ProfileChange>>;
}

export type Action =
  | MemberAddAction
  | MemberUpdateProfileAction
  | MemberSetRoleAction
  | MemberSuspendAction
  | MemberUnsuspendAction
  | MemberRemoveAction
  | MemberMoveFormerFilesAction
  | MemberRecoverAction
  | GroupCreateAction
  | GroupRenameAction
  | GroupMembersAddAction
  | GroupMembersRemoveAction
  | GroupDeleteAction
  | OktaAssignAction
  | OktaCreateUserAction
  | OktaUpdateProfileAction;

export type ActionKind = Action['kind'];

/**
 * An action as a plan holds it: with its execution phase, decided by the planner that wrote the
 * plan (src/plan/ordering.ts) and carried as data, so the executor never re-derives an order.
 * Consecutive actions of one phase may run concurrently; a phase starts when the one before it
 * has settled (add-before-remove, promotions before demotions).
 */
export type PlannedAction = Action & { readonly phase: number };

/** Which way a plan writes: Okta → Dropbox (sync) or Dropbox → Okta (import). */
export type PlanDirection = 'sync' | 'import';

/**
 * Every kind once, in a fixed order, with the direction of the plans that hold it: a sync plan's
 * actions write Dropbox (`dbxsync apply`), an import plan's write Okta (`dbxsync import --apply`).
 * A kind missing from the table does not compile.
 */
const KIND_TABLE = {
  'member.add': 'sync',
  'member.update_profile': 'sync',
  'member.set_role': 'sync',
  'member.suspend': 'sync',
  'member.unsuspend': 'sync',
  'member.remove': 'sync',
  'member.move_former_files': 'sync',
  'member.recover': 'sync',
  'group.create': 'sync',
  'group.rename': 'sync',
  'group.members.add': 'sync',
  'group.members.remove': 'sync',
  'group.delete': 'sync',
  'okta.assign': 'import',
  'okta.create_user': 'import',
  'okta.update_profile': 'import',
} as const satisfies Record<ActionKind, PlanDirection>;


type KindsOf<D extends PlanDirection> = { [K in ActionKind]: (typeof KIND_TABLE)[K] extends D ? K : never }[ActionKind];
/** The actions of an import plan (Okta writes) and of a sync plan (Dropbox writes). */
export type ImportAction = Extract<Action, { readonly kind: KindsOf<'import'> }>;
export type SyncAction = Extract<Action, { readonly kind: KindsOf<'sync'> }>;

export function directionOf(kind: ActionKind): PlanDirection {
  return KIND_TABLE[kind];
}

export function isImportAction(action: Action): action is ImportAction {
  return directionOf(action.kind) === 'import';
}

export function isSyncAction(action: Action): action is SyncAction {
  return directionOf(action.kind) === 'sync';
}

export const ACTION_KINDS: readonly ActionKind[] = Object.keys(KIND_TABLE) as ActionKind[];

/**
 * Destructive actions: the reviewed-plan guard refuses a fresh plan holding one of these that the
 * reviewed plan did not hold. A role change is destructive only when it demotes. A move of a former
 * member's files removes nothing (the member is gone already) and counts against no removal brake,
 * but it is irreversible: see {@link needsReview}.
 */
export function isDestructive(action: Action): boolean {
  switch (action.kind) {
    case 'member.remove':
    case 'member.suspend':
    case 'group.delete':
    case 'group.members.remove':
      return true;
    case 'member.set_role':
      return isDemotion(action.from, action.to);
    case 'member.move_former_files':
    case 'member.add':
    case 'member.update_profile':
    case 'member.unsuspend':
    case 'member.recover':
    case 'group.create':
    case 'group.rename':
    case 'group.members.add':
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      return false;
    default:
      return assertNever(action, 'action kind');
  }
}

/**
 * What `apply --plan` runs only if the reviewed plan held it: the destructive actions, and the
 * moves of former members' files, which cannot be undone (the account stops being recoverable,
 * team.stone:1147-1148) and give a person access to someone else's files: a reviewer must have
 * seen that move, or the removal that was to carry it, with that destination.
 */
export function needsReview(action: Action): boolean {
  return isDestructive(action) || action.kind === 'member.move_former_files';
}

export function isDemotion(from: Role, to: Role): boolean {
  return ROLE_RANK[to] < ROLE_RANK[from];
}

/**
 * The admin role an action grants or raises someone to (a promotion, or a hire added with an admin
 * role), or null. These are what `apply --plan` must find in the reviewed plan, at that rank or
 * higher, before it runs them (design.md: unreviewed admin grants are skipped).
 */
export function grantedRole(action: Action): Role | null {
  if (action.kind === 'member.set_role') return ROLE_RANK[action.to] > ROLE_RANK[action.from] ? action.to : null;
  if (action.kind === 'member.add') return action.role === 'member_only' ? null : action.role;
  return null;
}

/** Privileged: any admin role granted or removed. Listed first in every view. */
export function isPrivileged(action: Action): boolean {
  if (action.kind === 'member.set_role') return action.from !== 'member_only' || action.to !== 'member_only';
  if (action.kind === 'member.add') return action.role !== 'member_only';
  return false;
}

/** Something shown but not changed: unmanaged members left alone, ambiguous matches, ... */
export interface Report {
  readonly kind: 'unmanaged_member' | 'unassigned_member' | 'ambiguous_match' | 'protected_member' | 'other';
  readonly email: string;
  readonly teamMemberId: string | null;
  readonly oktaUserId: string | null;
  readonly message: string;
}

/** A waiting state: not an error, not a change. */
export interface Waiting {
  readonly kind: 'pending_invite' | 'awaiting_activation' | 'grace_period';
  readonly email: string;
  readonly teamMemberId: string | null;
  readonly oktaUserId: string | null;
  /** ISO timestamp the state started at (invitedOn, Okta created/statusChanged). */
  readonly since: string | null;
  /** Whole days since `since` at plan time. */
  readonly ageDays: number | null;
  /** grace_period: the date the member will be removed. */
  readonly dueDate: string | null;
  readonly message: string;
}

export interface Warning {
  readonly code: string;
  readonly message: string;
  /** "file:line:col" of the YAML element concerned, when there is one. */
  readonly source: string | null;
}

export interface SafetyViolation {
  /**
   * max_removals | max_removal_percent | min_team_admins | max_group_member_removals |
   * max_role_demotions | max_group_deletions | protected_member | invalid_value |
   * transfer_destination | ambiguous_identity
   */
  readonly rule: string;
  readonly message: string;
  /** The limit in force (after exceptions), and the value the plan reaches, when numeric. */
  readonly limit: number | null;
  readonly value: number | null;
}

export interface SafetyVerdict {
  readonly ok: boolean;
  readonly violations: readonly SafetyViolation[];
}

export interface Plan {
  readonly formatVersion: 1;
  /** sha256 of the canonical desired state, live inputs and tool version ("sha256:<hex>"). */
  readonly fingerprint: string;
  /**
   * sha256 of the canonical desired state alone: `apply --plan` refuses a reviewed plan made for
   * another desired state. Written by `plan`; absent in import plans and older plan files.
   */
  readonly desiredDigest?: string;
  /**
   * sha256 of this plan's own content (every field but this one): `apply --plan` recomputes it,
   * so an edited plan file is refused. Tamper evidence, not a signature.
   */
  readonly contentDigest?: string;
  readonly toolVersion: string;
  /**
   * Not written by `plan` (a plan's JSON depends only on its inputs' content, so two runs on the
   * same state are byte-equal); kept optional so that older plan files still read.
   */
  readonly generatedAt?: string;
  /** Count of actions by kind (kinds with zero omitted). */
  readonly summary: Readonly<Partial<Record<ActionKind, number>>>;
  /** In execution order, each with its phase. */
  readonly actions: readonly PlannedAction[];
  readonly reports: readonly Report[];
  readonly waiting: readonly Waiting[];
  readonly warnings: readonly Warning[];
  readonly safety: SafetyVerdict;
}
