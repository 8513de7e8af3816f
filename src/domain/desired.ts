/**
 * The desired state: what the YAML under desired-state/ asks for, validated, merged and normalised
 * (defaults applied, emails lower-cased). Produced by src/config, read by src/plan. Every element
 * that a message may point at keeps its {@link SourceRef}.
 */

/** Where a value came from in the YAML, for messages ("roles.yaml:12:5"). Paths are relative to --dir. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Dropbox admin roles (the legacy AdminTier set, which is what Okta's Permissions attribute offers). */
export type Role = 'team_admin' | 'user_management_admin' | 'support_admin' | 'member_only';

/** Highest first: the highest role a person qualifies for wins. */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  team_admin: 3,
  user_management_admin: 2,
  support_admin: 1,
  member_only: 0,
};

/** The roles, highest first (team_admin … member_only): the order of {@link ROLE_RANK}. */
export const ROLES_HIGHEST_FIRST: readonly Role[] = (Object.keys(ROLE_RANK) as Role[]).sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]);

export interface DesiredState {
  readonly version: 1;
  /** The YAML files read, relative to the directory, sorted. */
  readonly files: readonly string[];
  readonly okta: { readonly appId: string; readonly source: SourceRef };
  readonly provisioning: ProvisioningSettings;
  readonly safety: SafetySettings;
  readonly groupPushes: readonly GroupPush[];
  readonly pruneGroups: boolean;
  /** null when the YAML has no `roles` key: roles are then not managed at all. */
  readonly roles: readonly RoleRule[] | null;
  readonly offboarding: OffboardingSettings;
  readonly import: ImportSettings;
  readonly reconcile: ReconcileSettings;
}

/** The classes of lifecycle change `reconcile` sorts planned actions into (design.md "Lifecycle changes"). */
export const RECONCILE_CLASSES = [
  'join',
  'leave',
  'suspend',
  'reactivate',
  'profile',
  'groupMembership',
  'rolePromotion',
  'groupCreate',
  'groupRename',
  'groupDelete',
] as const;
export type ReconcileClass = (typeof RECONCILE_CLASSES)[number];

/** `reconcile:` and `safety.maxRemovalsPerDay`: what reconcile applies without a pull request. */
export interface ReconcileSettings {
  /** Classes applied. */
  readonly apply: readonly ReconcileClass[];
  /** Classes held (listed, never applied); every class not in `apply` is held. */
  readonly hold: readonly ReconcileClass[];
  /** Removals + suspensions by this admin in a rolling 24 h (Dropbox audit log); default maxRemovals. */
  readonly maxRemovalsPerDay: number;
  readonly source: SourceRef | null;
}

export interface ProvisioningSettings {
  readonly sendWelcomeEmail: boolean;
  /**
   * The team requires SSO, as declared in YAML (the Dropbox API does not report SsoPolicy): silent
   * adds are then expected to join through SSO. Absent = false.
   */
  readonly ssoRequired?: boolean;
  /** Dropbox field <- Okta user profile attribute name. */
  readonly profile: { readonly givenName: string; readonly surname: string; readonly email: string };
  readonly unassigned: 'suspend' | 'remove' | 'ignore';
  readonly unmanagedMembers: 'report' | 'ignore' | 'remove';
  readonly protectedMembers: readonly { readonly email: string; readonly source: SourceRef }[];
  readonly source: SourceRef | null;
}

export interface SafetyException {
  readonly reason: string;
  readonly maxRemovals: number | null;
  readonly maxRemovalPercent: number | null;
  readonly minTeamAdmins: number | null;
  readonly maxGroupMemberRemovals: number | null;
  readonly maxRoleDemotions: number | null;
  readonly maxGroupDeletions: number | null;
  /** ISO date (YYYY-MM-DD), inclusive. Expired exceptions are validation errors. */
  readonly expires: string;
  readonly source: SourceRef;
}

export interface SafetySettings {
  /** member.remove + member.suspend per plan. */
  readonly maxRemovals: number;
  /** The same, as a percentage of the active members; only applied from minMembersForPercent active members on. */
  readonly maxRemovalPercent: number;
  /** The floor of maxRemovalPercent (octoDNS's MIN_EXISTING_RECORDS): in a smaller team only maxRemovals applies. */
  readonly minMembersForPercent: number;
  readonly minTeamAdmins: number;
  /** Members removed from groups per plan (each member of each group.members.remove). */
  readonly maxGroupMemberRemovals: number;
  /** member.set_role actions that lower a role, per plan. */
  readonly maxRoleDemotions: number;
  /** group.delete actions per plan. */
  readonly maxGroupDeletions: number;
  readonly exceptions: readonly SafetyException[];
  readonly source: SourceRef | null;
}

/** One entry of `groupPushes`: exactly one of oktaGroup / oktaGroupPattern is set. */
export interface GroupPush {
  /** An Okta group name or id (00g...). */
  readonly oktaGroup: string | null;
  /** A regular expression (JavaScript syntax, already checked to compile) matched against group names. */
  readonly oktaGroupPattern: string | null;
  /** Dropbox group name; null = the Okta group's name. */
  readonly dropboxGroup: string | null;
  readonly source: SourceRef;
}

export interface RoleRule {
  readonly role: Role;
  /** Okta group names or ids. */
  readonly oktaGroups: readonly string[];
  /** Emails (lower-cased) or Okta user ids. */
  readonly users: readonly string[];
  readonly source: SourceRef;
}

export interface OnSuspended {
  readonly action: 'suspend' | 'ignore';
  readonly wipeData: boolean;
  readonly source: SourceRef | null;
}

export interface OnDeactivated {
  readonly action: 'remove' | 'suspend';
  readonly graceDays: number;
  /** 'manager', 'none', or the (lower-cased) email of a team member. */
  readonly transferTo: string;
  readonly fallbackTransferTo: string | null;
  readonly transferAdmin: string | null;
  readonly keepAccount: boolean;
  readonly retainTeamShares: boolean;
  readonly wipeData: boolean;
  readonly source: SourceRef | null;
}

export interface OffboardingOverride {
  /** Okta group name or id. */
  readonly oktaGroup: string;
  readonly action: 'suspend' | 'remove' | 'ignore';
  readonly source: SourceRef;
}

export interface OffboardingSettings {
  readonly onSuspended: OnSuspended;
  readonly onDeactivated: OnDeactivated;
  readonly managerAttribute: string;
  readonly overrides: readonly OffboardingOverride[];
}

export interface ImportSettings {
  readonly linkMatchingUsers: boolean;
  readonly createUsers: boolean;
  /** Okta attribute <- Dropbox field (givenName | surname | email). */
  readonly profile: Readonly<Record<string, 'givenName' | 'surname' | 'email'>>;
  readonly maxWrites: number;
  readonly source: SourceRef | null;
  /** Where each import key is written, when it is (messages point at the key, not at `import:`). */
  readonly keySources?: Readonly<Partial<Record<'linkMatchingUsers' | 'createUsers' | 'profile' | 'maxWrites', SourceRef>>>;
}
