/**
 * Turns merged, validated data into the DesiredState the planner reads: defaults applied
 * (design.md "Defaults when a key is absent"), emails lower-cased, every element with its SourceRef.
 */
import type {
  DesiredState,
  GroupPush,
  ImportSettings,
  OffboardingOverride,
  OffboardingSettings,
  ProvisioningSettings,
  ReconcileClass,
  ReconcileSettings,
  Role,
  RoleRule,
  SafetyException,
  SafetySettings,
  SourceRef,
} from '../domain/desired.js';
import { RECONCILE_CLASSES } from '../domain/desired.js';
import type { MergedConfig } from './merge.js';
import type { DataPath } from './yaml-file.js';
import { emailKey } from '../domain/live.js';

/** The defaults, in one place, so that the README and the code cannot drift apart. */
export const DEFAULTS = {
  sendWelcomeEmail: false,
  ssoRequired: false,
  profile: { givenName: 'firstName', surname: 'lastName', email: 'email' },
  unassigned: 'suspend',
  unmanagedMembers: 'report',
  maxRemovals: 25,
  maxRemovalPercent: 10,
  minTeamAdmins: 1,
  minMembersForPercent: 10,
  maxGroupMemberRemovals: 100,
  maxRoleDemotions: 5,
  maxGroupDeletions: 5,
  onSuspended: { action: 'suspend', wipeData: false },
  onDeactivated: { action: 'suspend', graceDays: 0, transferTo: 'manager', keepAccount: false, retainTeamShares: false, wipeData: false },
  managerAttribute: 'managerId',
  pruneGroups: false,
  import: { linkMatchingUsers: true, createUsers: false, maxWrites: 50 },
  reconcileApply: ['join', 'leave', 'suspend', 'reactivate', 'profile', 'groupMembership'],
} as const;

type Raw = Readonly<Record<string, unknown>>;

function obj(value: unknown): Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
}

function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function pick<T>(raw: Raw, key: string, fallback: T): T {
  return key in raw && raw[key] !== undefined ? (raw[key] as T) : fallback;
}

/** Lower-cases emails; leaves `manager`, `none` and Okta ids as written. */
function lowerEmail(value: string): string {
  return value.includes('@') ? emailKey(value) : value;
}

export function normalise(merged: MergedConfig, files: readonly string[]): DesiredState {
  const data = merged.data;
  const src: Sources = {
    merged,
    ref: (path) => merged.sourceRef(path) ?? { file: files[0] ?? '', line: 1, col: 1 },
    keyRef: (key) => merged.sourceRef([key], 'key'),
  };
  const safety = safetyOf(src, obj(data.safety));
  return {
    version: 1,
    files: [...files],
    okta: { appId: String(obj(data.okta).appId), source: src.ref(['okta', 'appId']) },
    provisioning: provisioningOf(src, obj(data.provisioning)),
    safety,
    groupPushes: groupPushesOf(src, data.groupPushes),
    pruneGroups: pick(data, 'pruneGroups', DEFAULTS.pruneGroups),
    roles: 'roles' in data ? rolesOf(src, data.roles) : null,
    offboarding: offboardingOf(src, obj(data.offboarding)),
    import: importOf(src, obj(data.import)),
    reconcile: reconcileSettings(obj(data.reconcile), safety.maxRemovals, pick<number | null>(obj(data.safety), 'maxRemovalsPerDay', null), src.keyRef('reconcile')),
  };
}

/** Where each value was written, for the messages that point at it. */
interface Sources {
  readonly merged: MergedConfig;
  /** The value at `path` (the first file's first line when it was not written). */
  readonly ref: (path: DataPath) => SourceRef;
  /** The top-level `key` itself, or null when absent. */
  readonly keyRef: (key: string) => SourceRef | null;
}

function provisioningOf(src: Sources, provisioningRaw: Record<string, unknown>): ProvisioningSettings {
  const profileRaw = obj(provisioningRaw.profile);
  return {
    sendWelcomeEmail: pick(provisioningRaw, 'sendWelcomeEmail', DEFAULTS.sendWelcomeEmail),
    ssoRequired: pick(provisioningRaw, 'ssoRequired', DEFAULTS.ssoRequired),
    profile: {
      givenName: pick(profileRaw, 'givenName', DEFAULTS.profile.givenName),
      surname: pick(profileRaw, 'surname', DEFAULTS.profile.surname),
      email: pick(profileRaw, 'email', DEFAULTS.profile.email),
    },
    unassigned: pick(provisioningRaw, 'unassigned', DEFAULTS.unassigned),
    unmanagedMembers: pick(provisioningRaw, 'unmanagedMembers', DEFAULTS.unmanagedMembers),
    protectedMembers: arr(provisioningRaw.protectedMembers).map((email, i) => ({
      email: emailKey(String(email)),
      source: src.ref(['provisioning', 'protectedMembers', i]),
    })),
    source: src.keyRef('provisioning'),
  };
}

function safetyOf(src: Sources, safetyRaw: Record<string, unknown>): SafetySettings {
  return {
    maxRemovals: pick(safetyRaw, 'maxRemovals', DEFAULTS.maxRemovals),
    maxRemovalPercent: pick(safetyRaw, 'maxRemovalPercent', DEFAULTS.maxRemovalPercent),
    minMembersForPercent: pick(safetyRaw, 'minMembersForPercent', DEFAULTS.minMembersForPercent),
    minTeamAdmins: pick(safetyRaw, 'minTeamAdmins', DEFAULTS.minTeamAdmins),
    maxGroupMemberRemovals: pick(safetyRaw, 'maxGroupMemberRemovals', DEFAULTS.maxGroupMemberRemovals),
    maxRoleDemotions: pick(safetyRaw, 'maxRoleDemotions', DEFAULTS.maxRoleDemotions),
    maxGroupDeletions: pick(safetyRaw, 'maxGroupDeletions', DEFAULTS.maxGroupDeletions),
    exceptions: arr(safetyRaw.exceptions).map((entry, i): SafetyException => {
      const e = obj(entry);
      return {
        reason: String(e.reason),
        maxRemovals: pick<number | null>(e, 'maxRemovals', null),
        maxRemovalPercent: pick<number | null>(e, 'maxRemovalPercent', null),
        minTeamAdmins: pick<number | null>(e, 'minTeamAdmins', null),
        maxGroupMemberRemovals: pick<number | null>(e, 'maxGroupMemberRemovals', null),
        maxRoleDemotions: pick<number | null>(e, 'maxRoleDemotions', null),
        maxGroupDeletions: pick<number | null>(e, 'maxGroupDeletions', null),
        expires: String(e.expires),
        source: src.ref(['safety', 'exceptions', i]),
      };
    }),
    source: src.keyRef('safety'),
  };
}

function groupPushesOf(src: Sources, raw: unknown): GroupPush[] {
  return arr(raw).map((entry, i): GroupPush => {
    const e = obj(entry);
    return {
      oktaGroup: pick<string | null>(e, 'oktaGroup', null),
      oktaGroupPattern: pick<string | null>(e, 'oktaGroupPattern', null),
      dropboxGroup: pick<string | null>(e, 'dropboxGroup', null),
      source: src.ref(['groupPushes', i]),
    };
  });
}

function rolesOf(src: Sources, raw: unknown): RoleRule[] {
  return arr(raw).map((entry, i): RoleRule => {
    const e = obj(entry);
    return {
      role: e.role as Role,
      oktaGroups: arr(e.oktaGroups).map(String),
      users: arr(e.users).map((u) => lowerEmail(String(u))),
      source: src.ref(['roles', i]),
    };
  });
}

function offboardingOf(src: Sources, offRaw: Record<string, unknown>): OffboardingSettings {
  const suspendedRaw = obj(offRaw.onSuspended);
  const deactivatedRaw = obj(offRaw.onDeactivated);
  const d = DEFAULTS.onDeactivated;
  const optionalEmail = (key: string): string | null => {
    const value = pick<string | null>(deactivatedRaw, key, null);
    return value === null ? null : emailKey(value);
  };
  return {
    onSuspended: {
      action: pick(suspendedRaw, 'action', DEFAULTS.onSuspended.action),
      wipeData: pick(suspendedRaw, 'wipeData', DEFAULTS.onSuspended.wipeData),
      source: src.merged.sourceRef(['offboarding', 'onSuspended'], 'key'),
    },
    onDeactivated: {
      action: pick(deactivatedRaw, 'action', d.action),
      graceDays: pick(deactivatedRaw, 'graceDays', d.graceDays),
      transferTo: lowerEmail(pick(deactivatedRaw, 'transferTo', d.transferTo)),
      fallbackTransferTo: optionalEmail('fallbackTransferTo'),
      transferAdmin: optionalEmail('transferAdmin'),
      keepAccount: pick(deactivatedRaw, 'keepAccount', d.keepAccount),
      retainTeamShares: pick(deactivatedRaw, 'retainTeamShares', d.retainTeamShares),
      wipeData: pick(deactivatedRaw, 'wipeData', d.wipeData),
      source: src.merged.sourceRef(['offboarding', 'onDeactivated'], 'key'),
    },
    managerAttribute: pick(offRaw, 'managerAttribute', DEFAULTS.managerAttribute),
    overrides: arr(offRaw.overrides).map((entry, i): OffboardingOverride => {
      const e = obj(entry);
      return { oktaGroup: String(e.oktaGroup), action: e.action as OffboardingOverride['action'], source: src.ref(['offboarding', 'overrides', i]) };
    }),
  };
}

function importOf(src: Sources, importRaw: Record<string, unknown>): ImportSettings {
  return {
    linkMatchingUsers: pick(importRaw, 'linkMatchingUsers', DEFAULTS.import.linkMatchingUsers),
    createUsers: pick(importRaw, 'createUsers', DEFAULTS.import.createUsers),
    profile: { ...(obj(importRaw.profile) as Record<string, 'givenName' | 'surname' | 'email'>) },
    maxWrites: pick(importRaw, 'maxWrites', DEFAULTS.import.maxWrites),
    source: src.keyRef('import'),
    keySources: Object.fromEntries(
      (['linkMatchingUsers', 'createUsers', 'profile', 'maxWrites'] as const).flatMap((key) => {
        const at = key in importRaw ? src.merged.sourceRef(['import', key], 'key') : null;
        return at ? [[key, at]] : [];
      }),
    ),
  };
}

/**
 * `reconcile.apply` / `reconcile.hold` with their defaults: a class is applied when `apply` names
 * it (default list when absent) and `hold` does not; every other class is held. A class in both
 * lists is a validation error (rules.ts), so the precedence of hold only matters for bad input.
 */
function reconcileSettings(raw: Raw, maxRemovals: number, perDay: number | null, source: SourceRef | null): ReconcileSettings {
  const held = new Set(arr(raw.hold).map(String));
  const named = new Set('apply' in raw ? arr(raw.apply).map(String) : DEFAULTS.reconcileApply);
  const apply = RECONCILE_CLASSES.filter((c) => named.has(c) && !held.has(c));
  const hold = RECONCILE_CLASSES.filter((c): c is ReconcileClass => !apply.includes(c));
  return { apply, hold, maxRemovalsPerDay: perDay ?? maxRemovals, source };
}

/**
 * The DesiredState of a directory that says nothing but the app id: every default of design.md.
 * For callers that read live state before any YAML exists (`dbxsync dump`).
 */
export function defaultDesiredState(appId: string, appIdSource: SourceRef): DesiredState {
  return {
    version: 1,
    files: [],
    okta: { appId, source: appIdSource },
    provisioning: {
      sendWelcomeEmail: DEFAULTS.sendWelcomeEmail,
      ssoRequired: DEFAULTS.ssoRequired,
      profile: { ...DEFAULTS.profile },
      unassigned: DEFAULTS.unassigned,
      unmanagedMembers: DEFAULTS.unmanagedMembers,
      protectedMembers: [],
      source: null,
    },
    safety: {
      maxRemovals: DEFAULTS.maxRemovals,
      maxRemovalPercent: DEFAULTS.maxRemovalPercent,
      minMembersForPercent: DEFAULTS.minMembersForPercent,
      minTeamAdmins: DEFAULTS.minTeamAdmins,
      maxGroupMemberRemovals: DEFAULTS.maxGroupMemberRemovals,
      maxRoleDemotions: DEFAULTS.maxRoleDemotions,
      maxGroupDeletions: DEFAULTS.maxGroupDeletions,
      exceptions: [],
      source: null,
    },
    groupPushes: [],
    pruneGroups: DEFAULTS.pruneGroups,
    roles: null,
    offboarding: {
      onSuspended: { ...DEFAULTS.onSuspended, source: null },
      onDeactivated: { ...DEFAULTS.onDeactivated, fallbackTransferTo: null, transferAdmin: null, source: null },
      managerAttribute: DEFAULTS.managerAttribute,
      overrides: [],
    },
    import: { ...DEFAULTS.import, profile: {}, source: null },
    reconcile: reconcileSettings({}, DEFAULTS.maxRemovals, null, null),
  };
}
