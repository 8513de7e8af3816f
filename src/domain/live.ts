/**
 * Live state: plain snapshots of Okta and of the Dropbox team, built by src/okta and src/dropbox
 * from the SDKs' answers and read by the pure planner. No SDK type crosses into these shapes.
 * Timestamps are ISO-8601 strings. Emails are compared by {@link emailKey}, applied once, by the
 * adapters that build these shapes: OktaUser.email and DropboxMember.emailKey are already keys
 * (compare them as they are); DropboxMember.email and the Okta profile keep the original spelling
 * for display and for writing back.
 */
import type { Role } from './desired.js';

/**
 * The one normalisation of an email address for comparison: both Okta and Dropbox treat addresses
 * case-insensitively, so the key is the address in lower case. Every comparison of emails (live
 * data, desired-state YAML, plan files, API answers) goes through it or through a field built by it.
 */
export function emailKey(email: string): string {
  return email.toLowerCase();
}

/** Okta user statuses, exactly as the Okta API spells them (UserStatus in the management API). */
export const OKTA_USER_STATUSES = ['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED'] as const;

/** Okta user status, exactly as the Okta API spells it. */
export type OktaUserStatus = (typeof OKTA_USER_STATUSES)[number];

/** Okta statuses of an account that can sign in: these people belong in Dropbox when assigned. */
export const ACTIVE_STATUSES: ReadonlySet<OktaUserStatus> = new Set(['ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT']);
/** Okta statuses of an account not yet activated. */
export const PENDING_STATUSES: ReadonlySet<OktaUserStatus> = new Set(['STAGED', 'PROVISIONED']);

export interface OktaUser {
  readonly id: string;
  readonly status: OktaUserStatus;
  /** profile.login */
  readonly login: string;
  /** emailKey(profile.email): compare as it is; profile.email keeps the original spelling. */
  readonly email: string;
  /** The whole Okta profile (standard and custom attributes), for profile mapping and managerAttribute. */
  readonly profile: Readonly<Record<string, unknown>>;
  readonly created: string | null;
  readonly activated: string | null;
  /** When the status last changed (Okta's statusChanged); grace periods count from it. */
  readonly statusChanged: string | null;
  readonly lastUpdated: string | null;
}

/** One assignment of a user to the Dropbox app (GET /api/v1/apps/{appId}/users). */
export interface OktaAssignment {
  readonly userId: string;
  /** USER = assigned directly; GROUP = through a group assigned to the app. */
  readonly scope: 'USER' | 'GROUP';
}

export interface OktaGroup {
  readonly id: string;
  readonly name: string;
  /** OKTA_GROUP | APP_GROUP | BUILT_IN */
  readonly type: string;
  /**
   * Okta user ids of the members, or null when the members were not read (the group is not named by
   * any push, role rule or override).
   */
  readonly memberIds: readonly string[] | null;
}

export interface OktaState {
  readonly appId: string;
  /**
   * Every Okta user the plan may need: the app's assigned users, members of the groups read,
   * managers named through managerAttribute, and the Okta users that match Dropbox members who are
   * not assigned (found by external id = Okta id, or by email). Unique by id.
   */
  readonly users: readonly OktaUser[];
  /** Users assigned to the app (any status). */
  readonly assignments: readonly OktaAssignment[];
  /** Ids of the groups assigned to the app. */
  readonly appGroupIds: readonly string[];
  /** All Okta groups (names for name and pattern matching); members filled for the groups read. */
  readonly groups: readonly OktaGroup[];
}

export type DropboxMemberStatus = 'active' | 'invited' | 'suspended' | 'removed';

export interface DropboxMember {
  readonly teamMemberId: string;
  readonly accountId: string | null;
  /** Primary email as Dropbox has it (original case kept): for display and writes, never for comparison. */
  readonly email: string;
  /** emailKey(email), set by the adapter: what every comparison uses. */
  readonly emailKey: string;
  /**
   * MemberProfile.email_verified (team.stone): Dropbox refuses a member whose email is not verified
   * as a transfer destination (recipient_not_verified).
   */
  readonly emailVerified: boolean;
  readonly externalId: string | null;
  readonly givenName: string;
  readonly surname: string;
  readonly status: DropboxMemberStatus;
  /** For status 'removed' only: members/recover can still restore the account. */
  readonly isRecoverable: boolean;
  /** For status 'removed' only: converted to a personal account (removed with keep_account). */
  readonly isDisconnected: boolean;
  /** The member's admin role; member_only when it holds none of the four we manage. */
  readonly role: Role;
  /** Names of roles outside the four we manage (e.g. "Billing admin"): never touched. */
  readonly otherRoles: readonly string[];
  readonly invitedOn: string | null;
  readonly joinedOn: string | null;
  readonly suspendedOn: string | null;
}

/**
 * The external id dbxsync gives a Dropbox group it pushes: `okta:<Okta group id>` (design.md
 * "Identity"). The planner, dump and reconcile's lookups read it through these, one spelling.
 */
export const MARKER_PREFIX = 'okta:';

export function groupMarker(oktaGroupId: string): string {
  return `${MARKER_PREFIX}${oktaGroupId}`;
}

/** The Okta group id an external id marks, or null when it is not dbxsync's marker. */
export function markedOktaGroupId(externalId: string | null | undefined): string | null {
  return externalId?.startsWith(MARKER_PREFIX) ? externalId.slice(MARKER_PREFIX.length) : null;
}

export interface DropboxGroup {
  readonly groupId: string;
  readonly name: string;
  readonly externalId: string | null;
  readonly managementType: 'company_managed' | 'user_managed' | 'system_managed';
  /** team_member_ids of the members (empty for system-managed groups, whose members are not read). */
  readonly memberIds: readonly string[];
}

export interface DropboxState {
  readonly teamName: string;
  /** Members including removed ones (members/list_v2 with include_removed). */
  readonly members: readonly DropboxMember[];
  readonly groups: readonly DropboxGroup[];
  /** team_member_id of the admin whose token runs dbxsync (team/token/get_authenticated_admin), if known. */
  readonly authenticatedAdminId: string | null;
}

/**
 * What an incremental read covered (reconcile --since): the planner decides the fate of these
 * people and the membership of these groups only. A partial state must never make the planner
 * believe that everybody it did not read is gone, so nobody outside the scope is removed,
 * reported as unmanaged, or taken out of a group.
 */
export interface PlanScope {
  /** Okta user ids whose status, app assignment and groups were read. */
  readonly userIds: readonly string[];
  /** team_member_ids of the Dropbox members read for those people (by external id and email). */
  readonly memberIds: readonly string[];
  /** Okta group ids whose pushes are planned (membership of the people in scope). */
  readonly groupIds: readonly string[];
  /**
   * Active members of the whole team (team/get_info), for maxRemovalPercent. minTeamAdmins needs
   * every admin: a scoped plan never checks it, and reconcile escalates to a full run instead
   * whenever a team admin would be removed, suspended or demoted.
   */
  readonly activeMembers: number;
}
