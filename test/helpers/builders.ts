/**
 * Builders of plain DesiredState / OktaState / DropboxState data for tests. Everything has a safe,
 * consistent default (the design's defaults; a person is an ACTIVE Okta user assigned directly to
 * the app and an active Dropbox member linked by external id, with the same names on both sides), so
 * a test states only what its case is about:
 *
 *   const input = team()
 *     .person('ada.lovelace')                                    // in sync: nothing to do
 *     .person('new.hire', { dropbox: false })                    // → member.add
 *     .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada.lovelace' } })
 *     .settings({ offboarding: { onDeactivated: { action: 'remove' } } })
 *     .build();
 *   const plan = planDropboxChanges(input);
 *
 * People are named by the local part of their email (`ada.lovelace` → ada.lovelace@acme.example,
 * Okta id 00uadalovelace, team_member_id dbmid:adalovelace); a full email is accepted too.
 */
import type {
  DesiredState,
  GroupPush,
  OffboardingOverride,
  OnDeactivated,
  OnSuspended,
  ProvisioningSettings,
  Role,
  RoleRule,
  SafetyException,
  SafetySettings,
  SourceRef,
} from '../../src/domain/desired.js';
import type {
  DropboxGroup,
  DropboxMember,
  DropboxMemberStatus,
  DropboxState,
  OktaAssignment,
  OktaGroup,
  OktaState,
  OktaUser,
} from '../../src/domain/live.js';
import { emailKey } from '../../src/domain/live.js';
import { defaultDesiredState } from '../../src/config/normalise.js';

/** The instant every test plans at, unless it says otherwise. */
export const NOW = '2026-11-28T12:00:00.000Z';
export const DOMAIN = 'acme.example';
export const APP_ID = '0oa1dropbox2bus3ness';
export const TOOL_VERSION = '0.0.0-test';

/** A position in a YAML file. */
export function src(file: string, line: number, col = 1): SourceRef {
  return { file, line, col };
}

/** `ada.lovelace` → `ada.lovelace@acme.example`; a full email is lower-cased and kept. */
export function emailOf(nameOrEmail: string): string {
  return (nameOrEmail.includes('@') ? nameOrEmail : `${nameOrEmail}@${DOMAIN}`).toLowerCase();
}

function slug(nameOrEmail: string): string {
  return emailOf(nameOrEmail).split('@')[0]!.replace(/[^a-z0-9]/g, '');
}

/** The Okta id the builders give a person: `00u` + the letters and digits of the local part. */
export function oktaIdOf(nameOrEmail: string): string {
  return `00u${slug(nameOrEmail)}`;
}

/** The team_member_id the builders give a person. */
export function memberIdOf(nameOrEmail: string): string {
  return `dbmid:${slug(nameOrEmail)}`;
}

/** The Okta group id the builders give a group name. */
export function groupIdOf(name: string): string {
  return `00g${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

/** The Dropbox group id the builders give a group name. */
export function dropboxGroupIdOf(name: string): string {
  return `g:${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

function capitalise(word: string): string {
  return word === '' ? word : word[0]!.toUpperCase() + word.slice(1);
}

/** `ada.lovelace` → ["Ada", "Lovelace"]; `ada` → ["Ada", "Example"]. */
export function namesOf(nameOrEmail: string): [string, string] {
  const parts = emailOf(nameOrEmail).split('@')[0]!.split(/[._-]/).filter((p) => p !== '');
  return [capitalise(parts[0] ?? 'Someone'), capitalise(parts.slice(1).join(' ') || 'Example')];
}

// ---------------------------------------------------------------------------------------------
// Live state, one object at a time

export interface OktaUserFields extends Partial<Omit<OktaUser, 'profile'>> {
  readonly firstName?: string;
  readonly lastName?: string;
  /** Value of profile.managerId (an Okta id, login or email); a builder name is turned into its Okta id. */
  readonly manager?: string | null;
  /** Extra profile attributes (merged over the standard ones). */
  readonly profile?: Readonly<Record<string, unknown>>;
}

export function oktaUser(nameOrEmail: string, fields: OktaUserFields = {}): OktaUser {
  // profile.email keeps the spelling a test gives; OktaUser.email is its key, as src/okta/convert.ts makes it.
  const email = fields.email ?? emailOf(nameOrEmail);
  const [first, last] = namesOf(nameOrEmail);
  const { firstName = first, lastName = last, manager, profile: extra, ...rest } = fields;
  const managerId = manager === undefined || manager === null ? undefined : manager.includes('@') || manager.startsWith('00u') ? manager : oktaIdOf(manager);
  return {
    id: oktaIdOf(nameOrEmail),
    status: 'ACTIVE',
    login: email,
    created: '2025-01-06T09:00:00.000Z',
    activated: '2025-01-06T09:05:00.000Z',
    statusChanged: '2025-01-06T09:05:00.000Z',
    lastUpdated: '2026-01-06T09:05:00.000Z',
    ...rest,
    email: emailKey(email),
    profile: {
      firstName,
      lastName,
      email,
      login: rest.login ?? email,
      ...(managerId === undefined ? {} : { managerId }),
      ...extra,
    },
  };
}

export function dropboxMember(nameOrEmail: string, fields: Partial<DropboxMember> = {}): DropboxMember {
  const [givenName, surname] = namesOf(nameOrEmail);
  const status: DropboxMemberStatus = fields.status ?? 'active';
  const member: Omit<DropboxMember, 'emailKey'> = {
    teamMemberId: memberIdOf(nameOrEmail),
    accountId: `dbid:${slug(nameOrEmail)}`,
    email: emailOf(nameOrEmail),
    emailVerified: true,
    externalId: oktaIdOf(nameOrEmail),
    givenName,
    surname,
    status,
    isRecoverable: false,
    isDisconnected: false,
    role: 'member_only',
    otherRoles: [],
    invitedOn: status === 'invited' ? '2026-11-20T10:00:00.000Z' : '2025-01-06T10:00:00.000Z',
    joinedOn: status === 'invited' ? null : '2025-01-07T10:00:00.000Z',
    suspendedOn: status === 'suspended' ? '2026-10-01T10:00:00.000Z' : null,
    ...fields,
  };
  // As the adapter (src/dropbox/map.ts) does: the key follows the email unless a test sets it.
  return { ...member, emailKey: fields.emailKey ?? emailKey(member.email) };
}

export function oktaGroup(name: string, memberIds: readonly string[] | null, fields: Partial<OktaGroup> = {}): OktaGroup {
  return { id: groupIdOf(name), name, type: 'OKTA_GROUP', memberIds, ...fields };
}

export function dropboxGroup(name: string, memberIds: readonly string[], fields: Partial<DropboxGroup> = {}): DropboxGroup {
  return { groupId: dropboxGroupIdOf(name), name, externalId: null, managementType: 'company_managed', memberIds, ...fields };
}

// ---------------------------------------------------------------------------------------------
// Desired state

/** A group push entry: `{ oktaGroup }` or `{ pattern }`, with an optional Dropbox name. */
export function groupPush(entry: { oktaGroup?: string; pattern?: string; dropboxGroup?: string; line?: number }): GroupPush {
  return {
    oktaGroup: entry.oktaGroup ?? null,
    oktaGroupPattern: entry.pattern ?? null,
    dropboxGroup: entry.dropboxGroup ?? null,
    source: src('groups.yaml', entry.line ?? 2, 3),
  };
}

/** A role rule; users may be builder names, emails or Okta ids. */
export function roleRule(role: Role, entry: { oktaGroups?: string[]; users?: string[]; line?: number } = {}): RoleRule {
  return {
    role,
    oktaGroups: entry.oktaGroups ?? [],
    users: (entry.users ?? []).map((u) => (u.startsWith('00u') ? u : emailOf(u))),
    source: src('roles.yaml', entry.line ?? 1, 3),
  };
}

export function offboardingOverride(oktaGroup: string, action: OffboardingOverride['action'], line = 20): OffboardingOverride {
  return { oktaGroup, action, source: src('offboarding.yaml', line, 7) };
}

export function safetyException(entry: Partial<Omit<SafetyException, 'source'>> & { reason: string; line?: number }): SafetyException {
  return {
    reason: entry.reason,
    maxRemovals: entry.maxRemovals ?? null,
    maxRemovalPercent: entry.maxRemovalPercent ?? null,
    minTeamAdmins: entry.minTeamAdmins ?? null,
    maxGroupMemberRemovals: entry.maxGroupMemberRemovals ?? null,
    maxRoleDemotions: entry.maxRoleDemotions ?? null,
    maxGroupDeletions: entry.maxGroupDeletions ?? null,
    expires: entry.expires ?? '2027-06-30',
    source: src('safety.yaml', entry.line ?? 5, 7),
  };
}

/** A partial desired state: every section optional, nested settings merged over the defaults. */
export interface DesiredPatch {
  readonly appId?: string;
  readonly provisioning?: Partial<Omit<ProvisioningSettings, 'protectedMembers'>> & { readonly protectedMembers?: readonly string[] };
  readonly safety?: Partial<SafetySettings>;
  readonly groupPushes?: readonly GroupPush[];
  readonly pruneGroups?: boolean;
  readonly roles?: readonly RoleRule[] | null;
  readonly offboarding?: {
    readonly onSuspended?: Partial<OnSuspended>;
    readonly onDeactivated?: Partial<OnDeactivated>;
    readonly managerAttribute?: string;
    readonly overrides?: readonly OffboardingOverride[];
  };
}

/**
 * The design's defaults (defaultDesiredState, design.md "Defaults when a key is absent") with
 * `patch` applied. The few places this differs from those defaults say why.
 */
export function desiredState(patch: DesiredPatch = {}): DesiredState {
  const { protectedMembers = [], ...provisioning } = patch.provisioning ?? {};
  const defaults = defaultDesiredState(patch.appId ?? APP_ID, src('settings.yaml', 3, 3));
  return {
    ...defaults,
    // The files the source refs below point into, listed as a loaded directory lists them.
    files: ['groups.yaml', 'offboarding.yaml', 'roles.yaml', 'settings.yaml'],
    provisioning: {
      ...defaults.provisioning,
      // A position in settings.yaml (null by default): what cites provisioning reads as for a loaded directory.
      source: src('settings.yaml', 4, 1),
      ...provisioning,
      protectedMembers: protectedMembers.map((p, i) => ({ email: emailOf(p), source: src('settings.yaml', 12 + i, 7) })),
    },
    safety: {
      ...defaults.safety,
      // design.md's default is 1: test teams hold no admin unless a case adds one.
      minTeamAdmins: 0,
      // Refusals cite it, "(settings.yaml:14)", as they would a loaded directory's.
      source: src('settings.yaml', 14, 1),
      ...patch.safety,
    },
    groupPushes: patch.groupPushes ?? defaults.groupPushes,
    pruneGroups: patch.pruneGroups ?? defaults.pruneGroups,
    roles: patch.roles === undefined ? defaults.roles : patch.roles,
    offboarding: {
      // Reasons cite these, "(offboarding.yaml:5 onDeactivated: remove)", as they would a loaded directory's.
      onSuspended: { ...defaults.offboarding.onSuspended, source: src('offboarding.yaml', 2, 3), ...patch.offboarding?.onSuspended },
      onDeactivated: { ...defaults.offboarding.onDeactivated, source: src('offboarding.yaml', 5, 3), ...patch.offboarding?.onDeactivated },
      managerAttribute: patch.offboarding?.managerAttribute ?? defaults.offboarding.managerAttribute,
      overrides: patch.offboarding?.overrides ?? defaults.offboarding.overrides,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A whole team, person by person

/** What one person looks like on each side; `false` = absent from that side. */
export interface PersonOptions {
  readonly okta?:
    | false
    | (OktaUserFields & {
        /** true / 'direct' = assigned directly (default); false = not assigned; a group name = assigned through that group. */
        readonly assigned?: boolean | 'direct' | string;
        /** Okta groups the person is in (created on demand). */
        readonly groups?: readonly string[];
      });
  /** The Dropbox member; `externalId` defaults to the Okta id (null when the person has no Okta user). */
  readonly dropbox?: false | Partial<DropboxMember>;
}

export interface PlanInputData {
  readonly desired: DesiredState;
  readonly okta: OktaState;
  readonly dropbox: DropboxState;
  readonly now: string;
  readonly toolVersion: string;
}

interface GroupSpec {
  members: Set<string>;
  assignsApp: boolean;
  membersUnknown: boolean;
  id: string;
}

export class TeamBuilder {
  private readonly users = new Map<string, OktaUser>();
  private readonly assignments = new Map<string, OktaAssignment>();
  private readonly groups = new Map<string, GroupSpec>();
  private readonly members = new Map<string, DropboxMember>();
  private readonly dropboxGroups = new Map<string, DropboxGroup>();
  private patch: DesiredPatch = {};
  private adminId: string | null = null;
  private instant = NOW;

  /** One person on both sides (by default in sync: ACTIVE, assigned, active member linked by external id). */
  person(nameOrEmail: string, options: PersonOptions = {}): this {
    const okta = options.okta ?? {};
    let oktaId: string | null = null;
    if (okta !== false) {
      const { assigned = true, groups = [], ...fields } = okta;
      const user = oktaUser(nameOrEmail, fields);
      oktaId = user.id;
      this.users.set(user.id, user);
      if (assigned === true || assigned === 'direct') this.assignments.set(user.id, { userId: user.id, scope: 'USER' });
      else if (typeof assigned === 'string') {
        this.group(assigned, { assignsApp: true });
        this.groups.get(assigned)!.members.add(user.id);
        this.assignments.set(user.id, { userId: user.id, scope: 'GROUP' });
      }
      for (const g of groups) {
        this.group(g);
        this.groups.get(g)!.members.add(user.id);
      }
    }
    if (options.dropbox !== false) {
      const member = dropboxMember(nameOrEmail, { externalId: oktaId, ...options.dropbox });
      this.members.set(member.teamMemberId, member);
    }
    return this;
  }

  /** Several people with the same options. */
  people(names: readonly string[], options: PersonOptions = {}): this {
    for (const name of names) this.person(name, options);
    return this;
  }

  /** An Okta group (people join it through `person(..., { okta: { groups } })` or `members`). */
  group(name: string, options: { assignsApp?: boolean; members?: readonly string[]; membersUnknown?: boolean; id?: string } = {}): this {
    let spec = this.groups.get(name);
    if (spec === undefined) {
      spec = { members: new Set(), assignsApp: false, membersUnknown: false, id: options.id ?? groupIdOf(name) };
      this.groups.set(name, spec);
    }
    if (options.assignsApp === true) spec.assignsApp = true;
    if (options.membersUnknown === true) spec.membersUnknown = true;
    for (const m of options.members ?? []) spec.members.add(m.startsWith('00u') ? m : oktaIdOf(m));
    return this;
  }

  /**
   * A Dropbox group. `externalId: 'marker'` sets `okta:<id of the Okta group of that name>` (or of
   * `markerOf`); members are builder names.
   */
  dropboxGroup(
    name: string,
    options: { externalId?: string | null | 'marker'; markerOf?: string; members?: readonly string[]; managementType?: DropboxGroup['managementType']; groupId?: string } = {},
  ): this {
    const externalId =
      options.externalId === 'marker' || options.markerOf !== undefined ? `okta:${this.groups.get(options.markerOf ?? name)?.id ?? groupIdOf(options.markerOf ?? name)}` : (options.externalId ?? null);
    const group = dropboxGroup(
      name,
      (options.members ?? []).map((m) => (m.startsWith('dbmid:') ? m : memberIdOf(m))),
      { externalId, managementType: options.managementType ?? 'company_managed', ...(options.groupId === undefined ? {} : { groupId: options.groupId }) },
    );
    this.dropboxGroups.set(group.groupId, group);
    return this;
  }

  /** Desired-state settings, merged section by section over what was set before. */
  settings(patch: DesiredPatch): this {
    const before = this.patch;
    this.patch = {
      ...before,
      ...patch,
      provisioning: { ...before.provisioning, ...patch.provisioning },
      safety: { ...before.safety, ...patch.safety },
      offboarding: {
        ...before.offboarding,
        ...patch.offboarding,
        onSuspended: { ...before.offboarding?.onSuspended, ...patch.offboarding?.onSuspended },
        onDeactivated: { ...before.offboarding?.onDeactivated, ...patch.offboarding?.onDeactivated },
      },
    };
    return this;
  }

  /** The admin whose token runs dbxsync. */
  authenticatedAdmin(nameOrEmail: string): this {
    this.adminId = memberIdOf(nameOrEmail);
    return this;
  }

  now(iso: string): this {
    this.instant = iso;
    return this;
  }

  build(): PlanInputData {
    const groups: OktaGroup[] = [...this.groups.entries()].map(([name, spec]) => ({
      id: spec.id,
      name,
      type: 'OKTA_GROUP',
      memberIds: spec.membersUnknown ? null : [...spec.members].sort(),
    }));
    return {
      desired: desiredState(this.patch),
      okta: {
        appId: this.patch.appId ?? APP_ID,
        users: [...this.users.values()],
        assignments: [...this.assignments.values()],
        appGroupIds: [...this.groups.values()].filter((g) => g.assignsApp).map((g) => g.id),
        groups,
      },
      dropbox: {
        teamName: 'Acme Robotics',
        members: [...this.members.values()],
        groups: [...this.dropboxGroups.values()],
        authenticatedAdminId: this.adminId,
      },
      now: this.instant,
      toolVersion: TOOL_VERSION,
    };
  }
}

/** Starts a team: `team().person('ada').build()`. */
export function team(): TeamBuilder {
  return new TeamBuilder();
}

// ---------------------------------------------------------------------------------------------
// Input hygiene helpers

/** A deterministic shuffle (seeded), for order-independence tests. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same input with every list (live and desired) in another order. */
export function shuffledInput(input: PlanInputData, seed: number): PlanInputData {
  const d = input.desired;
  return {
    ...input,
    desired: {
      ...d,
      groupPushes: shuffle(d.groupPushes, seed),
      roles: d.roles === null ? null : shuffle(d.roles, seed + 1).map((r) => ({ ...r, oktaGroups: shuffle(r.oktaGroups, seed), users: shuffle(r.users, seed) })),
      provisioning: { ...d.provisioning, protectedMembers: shuffle(d.provisioning.protectedMembers, seed) },
      safety: { ...d.safety, exceptions: shuffle(d.safety.exceptions, seed) },
      offboarding: { ...d.offboarding, overrides: shuffle(d.offboarding.overrides, seed) },
    },
    okta: {
      ...input.okta,
      users: shuffle(input.okta.users, seed + 2),
      assignments: shuffle(input.okta.assignments, seed + 3),
      appGroupIds: shuffle(input.okta.appGroupIds, seed + 4),
      groups: shuffle(input.okta.groups, seed + 5).map((g) => ({ ...g, memberIds: g.memberIds === null ? null : shuffle(g.memberIds, seed) })),
    },
    dropbox: {
      ...input.dropbox,
      members: shuffle(input.dropbox.members, seed + 6).map((m) => ({ ...m, otherRoles: shuffle(m.otherRoles, seed) })),
      groups: shuffle(input.dropbox.groups, seed + 7).map((g) => ({ ...g, memberIds: shuffle(g.memberIds, seed) })),
    },
  };
}

/** Freezes a value and everything in it, so a test proves the code under test does not mutate it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
