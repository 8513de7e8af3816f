/**
 * The write ports: the narrow interfaces between the executors (src/apply) and the adapters. The
 * Dropbox one is implemented for real by src/dropbox/writer.ts, the Okta one (the writes of
 * `import --apply`) by src/okta/writer.ts, both over the SDKs; tests may implement them with a
 * stateful fake, but integration tests use the real one against src/sandbox.
 */
import type { Role } from './desired.js';
import type { DropboxMember, OktaUser } from './live.js';

/** How a member is named in a write (Dropbox's UserSelectorArg). */
export type MemberSelector =
  | { readonly by: 'team_member_id'; readonly value: string }
  | { readonly by: 'email'; readonly value: string }
  | { readonly by: 'external_id'; readonly value: string };

export interface MemberAddInput {
  readonly email: string;
  readonly givenName: string;
  readonly surname: string;
  readonly externalId: string;
  readonly sendWelcomeEmail: boolean;
  readonly role: Role;
}

/** Outcome of one member of a members/add_v2 batch. */
export type MemberAddOutcome =
  | { readonly email: string; readonly ok: true; readonly teamMemberId: string; readonly alreadyMember: boolean }
  | { readonly email: string; readonly ok: false; readonly tag: string; readonly message: string };

/** Outcome of a call that only succeeds or fails, carrying what the audit log records. */
export interface WriteReceipt {
  /** Number of HTTP attempts the call took (retries included). */
  readonly attempts: number;
  /** X-Dropbox-Request-Id of the last attempt, when the server sent one. */
  readonly requestId: string | null;
  /** True when Dropbox answered "already so" (counted as success: apply is idempotent). */
  readonly alreadyDone: boolean;
  /** What the audit log should say beyond success (e.g. how a failed job's work was finished). */
  readonly note?: string;
}

/** A group membership change: the ids Dropbox refused by name, left out of the change. */
export interface GroupMembersReceipt extends WriteReceipt {
  /** team_member_ids Dropbox named in members_not_in_team (removed since the plan). */
  readonly notInTeam: readonly string[];
  /** team_member_ids Dropbox named in users_not_found. */
  readonly notFound: readonly string[];
}

export interface RemoveOptions {
  readonly wipeData: boolean;
  readonly transferDest: MemberSelector | null;
  readonly transferAdmin: MemberSelector | null;
  readonly keepAccount: boolean;
  readonly retainTeamShares: boolean;
}

export interface ProfileUpdate {
  readonly email?: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly externalId?: string;
}

/**
 * Every Dropbox write apply needs. Each method retries per the retry policy, polls async jobs to
 * completion (with a timeout), treats "already in the desired state" answers as success, and throws
 * a RemoteError (src/domain/errors.ts) otherwise.
 */
export interface DropboxWriter {
  /** members/add_v2 in batches of at most 20; one outcome per input, in input order. */
  addMembers(members: readonly MemberAddInput[]): Promise<readonly MemberAddOutcome[]>;
  setProfile(member: MemberSelector, update: ProfileUpdate): Promise<WriteReceipt>;
  /** wipe_data is always sent explicitly (Dropbox's default is true). */
  suspend(member: MemberSelector, wipeData: boolean): Promise<WriteReceipt>;
  unsuspend(member: MemberSelector): Promise<WriteReceipt>;
  remove(member: MemberSelector, options: RemoveOptions): Promise<WriteReceipt>;
  recover(member: MemberSelector): Promise<WriteReceipt>;
  /**
   * members/move_former_member_files for a removed member, polled to the end; files already
   * transferred (user_data_already_transferred) count as done.
   */
  moveFormerMemberFiles(member: MemberSelector, dest: MemberSelector, admin: MemberSelector): Promise<WriteReceipt>;
  setRole(member: MemberSelector, role: Role): Promise<WriteReceipt>;
  /** groups/create with company_managed sent explicitly. Returns the new group id. */
  createGroup(name: string, externalId: string): Promise<WriteReceipt & { readonly groupId: string }>;
  /** groups/update (rename and/or set group_external_id), return_members false. */
  updateGroup(groupId: string, update: { readonly name?: string; readonly externalId?: string }): Promise<WriteReceipt>;
  deleteGroup(groupId: string): Promise<WriteReceipt>;
  /**
   * groups/members/add as member_access, return_members false; splits on duplicate_user; members
   * Dropbox names as not on the team or not found are left out and the rest sent again.
   */
  addGroupMembers(groupId: string, teamMemberIds: readonly string[]): Promise<GroupMembersReceipt>;
  /** groups/members/remove, return_members false; splits on member_not_in_group; leaves out as addGroupMembers does. */
  removeGroupMembers(groupId: string, teamMemberIds: readonly string[]): Promise<GroupMembersReceipt>;
  /** members/get_info_v2 for one member (null when not found), e.g. to check a transfer destination. */
  getMember(member: MemberSelector): Promise<DropboxMember | null>;
}

// ---- Okta (import --apply) ----

/** What the audit log records about one Okta write. */
export interface OktaWriteReceipt {
  /** HTTP attempts the call took (429 retries included). */
  readonly attempts: number;
  /** X-Okta-Request-Id of the last attempt, when Okta sent one. */
  readonly requestId: string | null;
}

export interface OktaAssignResult extends OktaWriteReceipt {
  readonly userId: string;
  readonly scope: 'USER' | 'GROUP';
  readonly userName: string;
}

export interface OktaUserResult extends OktaWriteReceipt {
  readonly user: OktaUser;
}

/** The profile of a user to create: login, email, firstName, lastName required by Okta's default schema. */
export interface NewOktaUserProfile {
  readonly login: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly [attribute: string]: unknown;
}

export interface OktaWriter {
  /** POST /api/v1/apps/{appId}/users: a direct (USER scope) assignment. */
  assignUserToApp(appId: string, userId: string, userName: string): Promise<OktaAssignResult>;
  /** POST /api/v1/users/{id} with only the given attributes (null clears one). */
  updateUserProfile(userId: string, partialProfile: Readonly<Record<string, unknown>>): Promise<OktaUserResult>;
  /** POST /api/v1/users?activate=false: a STAGED user, activated later by an Okta admin or workflow. */
  createStagedUser(profile: NewOktaUserProfile): Promise<OktaUserResult>;
}
