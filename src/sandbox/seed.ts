/**
 * The sandbox's seed format: a snapshot of an Okta org and a Dropbox team, as JSON or YAML
 * (`dbxsync sandbox --seed FILE`), or made by the generator (`--generate N`). Field names follow
 * the APIs' own vocabulary so a seed reads like what the APIs return.
 */

export interface SeedOktaUser {
  id: string;
  /** STAGED | PROVISIONED | ACTIVE | RECOVERY | PASSWORD_EXPIRED | LOCKED_OUT | SUSPENDED | DEPROVISIONED */
  status: string;
  created?: string;
  activated?: string | null;
  statusChanged?: string | null;
  lastUpdated?: string;
  /** login, email, firstName, lastName required; managerId and any custom attribute allowed. */
  profile: { login: string; email: string; firstName: string; lastName: string; [attr: string]: unknown };
}

export interface SeedOktaGroup {
  id: string;
  name: string;
  description?: string;
  /** OKTA_GROUP (default) | APP_GROUP | BUILT_IN */
  type?: string;
  /** Okta user ids. */
  members: string[];
  /** ISO times (default: when the sandbox starts): a seed whose groups did not just change sets them. */
  created?: string;
  lastUpdated?: string;
  lastMembershipUpdated?: string;
}

export interface SeedOkta {
  /** The Dropbox Business app instance id. */
  appId: string;
  appLabel?: string;
  users: SeedOktaUser[];
  groups: SeedOktaGroup[];
  /** Users assigned to the app directly (scope USER). */
  appUserIds: string[];
  /** Groups assigned to the app: their members are app users with scope GROUP. */
  appGroupIds: string[];
}

export interface SeedDropboxMember {
  teamMemberId: string;
  accountId?: string;
  email: string;
  givenName: string;
  surname: string;
  externalId?: string | null;
  /** active | invited | suspended | removed */
  status: string;
  /** team_admin | user_management_admin | support_admin | member_only (default) */
  role?: string;
  /** MemberProfile.email_verified; default: true except for invited members. */
  emailVerified?: boolean;
  /** removed members: still recoverable (default true when removed less than 7 days ago). */
  isRecoverable?: boolean;
  isDisconnected?: boolean;
  /** removed members: when (ISO); drives the 7-day recovery window. */
  removedAt?: string;
  invitedOn?: string;
  joinedOn?: string;
  suspendedOn?: string;
  /** How many files the member owns: transfers move them, removals without transfer lose them. */
  files?: number;
}

export interface SeedDropboxGroup {
  groupId: string;
  name: string;
  externalId?: string | null;
  /** company_managed (default) | user_managed | system_managed */
  managementType?: string;
  /** team_member_ids */
  members: string[];
}

export interface SeedDropbox {
  teamName: string;
  teamId?: string;
  numLicensedUsers?: number;
  /** team_member_id of the admin the sandbox's team token belongs to (must be an active team_admin). */
  authenticatedAdminId: string;
  /**
   * Addresses held by Dropbox users outside this team (on another team): members/add_v2 answers
   * user_on_another_team, members/set_profile_v2 new_email email_reserved_for_other_user.
   */
  otherTeamEmails?: string[];
  members: SeedDropboxMember[];
  groups: SeedDropboxGroup[];
}

export interface SandboxSeed {
  okta: SeedOkta;
  dropbox: SeedDropbox;
}

/** The tokens the sandbox accepts unless told otherwise (tests use recognisable values of their own). */
export const DEFAULT_SANDBOX_TOKENS = {
  okta: 'sandbox-okta-token',
  dropbox: 'sandbox-dropbox-token',
} as const;
