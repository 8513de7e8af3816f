/**
 * The import planner (design.md "Import new users / Import profile updates"): the Okta-side
 * changes that make Okta know the Dropbox team. Pure and synchronous like planDropboxChanges, and built on
 * the same identity matching (src/plan/identity.ts), so an import plan and a sync plan always
 * agree on who is matched, managed or unmanaged.
 *
 * - A live Dropbox member matched (by email) to one Okta user who is not assigned to the app:
 *   `okta.assign` when import.linkMatchingUsers.
 * - A live Dropbox member no Okta user matches: `okta.create_user` (STAGED, then assigned) when
 *   import.createUsers.
 * - A managed member whose Okta attributes named in import.profile differ from Dropbox:
 *   `okta.update_profile`.
 * Everything that cannot be matched (two Okta users on one email, a DEPROVISIONED match, ...) and
 * every protected member's Okta user is reported, never written.
 */
import { createHash } from 'node:crypto';
import type { SourceRef } from '../domain/desired.js';
import { emailKey, type DropboxMember, type OktaUser } from '../domain/live.js';
import {
  ACTION_KINDS,
  type Action,
  type ActionKind,
  type OktaAssignAction,
  type OktaCreateUserAction,
  type OktaUpdateProfileAction,
  type Plan,
  type PlannedAction,
  type ProfileChange,
  type Report,
  type SafetyViolation,
  type Warning,
} from '../domain/plan.js';
import {
  at,
  compareStrings,
  display,
  fingerprint,
  indexLive,
  list,
  matchIdentities,
  OPERATOR_REASON,
  phase,
  protectedMembers,
  type LiveIndex,
  type MatchKind,
  type PlanInput,
} from '../plan/index.js';
import { dropboxValue, IMPORT_FIELD_LABEL, type ImportField } from './fields.js';
import { formatSource, plural } from '../text/words.js';

/** Execution order of the import kinds: links first, then new users, then profile write-backs. */
const KIND_ORDER: readonly ActionKind[] = ['okta.assign', 'okta.create_user', 'okta.update_profile'];

/** What the import planner works through: the indexed live state and the settings. */
interface ImportContext {
  readonly input: PlanInput;
  readonly index: LiveIndex;
  /** team_member_id → why the member is protected. */
  readonly protectedBy: ReadonlyMap<string, string>;
  readonly actions: Action[];
  readonly reports: Report[];
}

/**
 * Plans the Okta-side import. Pure: no I/O, no clock (`now` is a parameter), inputs never mutated;
 * the same inputs in any order give a byte-equal `JSON.stringify(plan)`.
 */
/** Import never writes the Okta user of the admin whose token runs dbxsync either. */
function withOperator(protectedBy: Map<string, string>, operatorId: string | null): Map<string, string> {
  if (operatorId !== null && !protectedBy.has(operatorId)) protectedBy.set(operatorId, OPERATOR_REASON);
  return protectedBy;
}

export function planImport(input: PlanInput): Plan {
  const index = indexLive(input.okta, input.dropbox);
  const identity = matchIdentities(index);
  const ctx: ImportContext = {
    input,
    index,
    protectedBy: withOperator(protectedMembers(input.desired.provisioning.protectedMembers, index), input.dropbox.authenticatedAdminId),
    actions: [],
    reports: [],
  };

  const ambiguous = new Map(identity.ambiguous.map((a) => [a.member.teamMemberId, a.users] as const));
  const shadowed = new Map(identity.shadowed.map((s) => [s.member.teamMemberId, s.kept] as const));
  const conflicted = new Map<string, OktaUser>();
  for (const c of identity.conflicted) for (const m of c.members) conflicted.set(m.teamMemberId, c.user);

  for (let slot = 0; slot < index.members.length; slot++) {
    const member = index.members[slot]!;
    if (member.status === 'removed') continue;
    const link = identity.linkAt[slot];
    if (link !== undefined) {
      if (index.assignment.has(link.user.id)) writeBackProfile(ctx, member, link.user);
      else linkUnassigned(ctx, member, link.user, link.how);
      continue;
    }
    const users = ambiguous.get(member.teamMemberId);
    if (users !== undefined) {
      ctx.reports.push(
        report('ambiguous_match', member, null, `matches ${users.length} Okta users by email (${users.map((u) => `${u.id} ${u.status}`).join(', ')}); not linked: set the member's external id to the right Okta id, or give each Okta user its own email`),
      );
      continue;
    }
    const kept = shadowed.get(member.teamMemberId);
    if (kept !== undefined) {
      ctx.reports.push(
        report('ambiguous_match', member, kept.user.id, `matches Okta user ${kept.user.id} by email, but that user already has Dropbox member ${kept.member.teamMemberId} (by external id); not linked`),
      );
      continue;
    }
    const claimed = conflicted.get(member.teamMemberId);
    if (claimed !== undefined) {
      ctx.reports.push(report('ambiguous_match', member, claimed.id, `Okta user ${claimed.id} matches several Dropbox members, this one included; not linked until only one carries its id or email`));
      continue;
    }
    createForUnmatched(ctx, member);
  }

  // Import actions are independent (each touches one person): one phase, run a few at a time.
  const actions = [...ctx.actions]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareStrings(a.id, b.id))
    .map((a): PlannedAction => ({ ...a, phase: phase(a) }));
  const summary: Partial<Record<ActionKind, number>> = {};
  for (const kind of ACTION_KINDS) {
    const count = actions.filter((a) => a.kind === kind).length;
    if (count > 0) summary[kind] = count;
  }
  const nowMs = Date.parse(input.now);
  const violations = writeLimit(input, actions.length);
  return {
    formatVersion: 1,
    fingerprint: importFingerprint(input, index),
    toolVersion: input.toolVersion,
    generatedAt: Number.isNaN(nowMs) ? input.now : new Date(nowMs).toISOString(),
    summary,
    actions,
    reports: sortedReports(ctx.reports),
    waiting: [],
    warnings: profileWarnings(input),
    safety: { ok: violations.length === 0, violations },
  };
}

function report(kind: Report['kind'], member: DropboxMember, oktaUserId: string | null, message: string): Report {
  return { kind, email: member.emailKey, teamMemberId: member.teamMemberId, oktaUserId, message };
}

function who(member: DropboxMember): string {
  return display(member.givenName, member.surname, member.emailKey);
}

function userLabel(user: OktaUser): string {
  return `Okta user ${user.id} (${user.status})`;
}

/** The position of an import key when it is written, else of the `import:` section. */
function importSource(input: PlanInput, key: 'linkMatchingUsers' | 'createUsers' | 'profile' | 'maxWrites'): SourceRef | null {
  return input.desired.import.keySources?.[key] ?? input.desired.import.source;
}

function setting(ctx: ImportContext, key: 'linkMatchingUsers' | 'createUsers'): string {
  return `${at(importSource(ctx.input, key))} import.${key}: ${ctx.input.desired.import[key]}`;
}

/** A live member whose Okta user exists but is not assigned to the Dropbox app. */
function linkUnassigned(ctx: ImportContext, member: DropboxMember, user: OktaUser, how: MatchKind): void {
  const appId = ctx.input.desired.okta.appId;
  if (how === 'external_id') {
    // The member carries the Okta id: dbxsync (or Okta's integration) provisioned it from that user.
    // A deactivated user lost its assignment with its account (a leaver: the sync plan offboards it);
    // otherwise someone unassigned the user, and re-linking would silently undo that.
    if (user.status === 'DEPROVISIONED') return;
    ctx.reports.push(
      report('unassigned_member', member, user.id, `carries ${userLabel(user)} as external id, and that user is no longer assigned to the app ${appId}; not re-linked (the sync plan applies provisioning.unassigned; assign the user in Okta if the unassignment was a mistake)`),
    );
    return;
  }
  const match = how === 'email' ? `by email (its external id ${member.externalId ?? ''} names no Okta user)` : 'by email';
  if (user.status === 'DEPROVISIONED') {
    ctx.reports.push(report('unassigned_member', member, user.id, `matches ${userLabel(user)} ${match}, and that user is DEPROVISIONED: not linked (Okta cannot assign a deactivated user; reactivate it in Okta first if this person still works here)`));
    return;
  }
  const protectedBy = ctx.protectedBy.get(member.teamMemberId);
  if (protectedBy !== undefined) {
    ctx.reports.push(report('protected_member', member, user.id, `protected (${protectedBy}): matches ${userLabel(user)} ${match}, which is not assigned to the app ${appId}; its Okta user is left alone`));
    return;
  }
  if (!ctx.input.desired.import.linkMatchingUsers) {
    ctx.reports.push(report('unassigned_member', member, user.id, `matches ${userLabel(user)} ${match}, which is not assigned to the app ${appId}; not linked (${setting(ctx, 'linkMatchingUsers')})`));
    return;
  }
  const email = member.emailKey;
  const action: OktaAssignAction = {
    kind: 'okta.assign',
    id: `okta.assign:${member.teamMemberId}`,
    reason: `${who(member)} is a Dropbox member (${member.status}) that Okta does not know as an app user; ${userLabel(user)} matches it ${match}: assigned to the app ${appId} with user name ${email} (${setting(ctx, 'linkMatchingUsers')})`,
    reversibility: 'reversible',
    dependsOn: [],
    serialKey: null,
    member: { email, teamMemberId: member.teamMemberId, oktaUserId: user.id },
  };
  ctx.actions.push(action);
  // Linked now, so managed from the next plan on: write the Dropbox-mastered attributes back in the
  // same run, or that plan would push the stale Okta values over them.
  writeBackProfile(ctx, member, user);
}

/** A live member that no Okta user matches by id or email. */
function createForUnmatched(ctx: ImportContext, member: DropboxMember): void {
  const email = member.emailKey;
  const ext = member.externalId ?? '';
  const fact = `no Okta user has ${ext === '' ? '' : `id ${ext} or `}email ${email}`;
  const protectedBy = ctx.protectedBy.get(member.teamMemberId);
  if (protectedBy !== undefined) {
    ctx.reports.push(report('protected_member', member, null, `protected (${protectedBy}): ${member.status} Dropbox member unknown to Okta (${fact}); no Okta user is created for it`));
    return;
  }
  if (!ctx.input.desired.import.createUsers) {
    ctx.reports.push(report('unmanaged_member', member, null, `${member.status} Dropbox member unknown to Okta: ${fact}; not created (${setting(ctx, 'createUsers')})`));
    return;
  }
  const missing = [member.givenName.trim() === '' ? 'given name' : null, member.surname.trim() === '' ? 'surname' : null].filter((m) => m !== null);
  if (missing.length > 0) {
    ctx.reports.push(report('other', member, null, `${fact}, but Dropbox has no ${list(missing)} for it and Okta requires a first and last name; not created (set the name in Dropbox or create the user in Okta)`));
    return;
  }
  const holder = ctx.index.oktaByLogin().get(email);
  if (holder !== undefined) {
    ctx.reports.push(report('ambiguous_match', member, holder.id, `${fact}, but ${userLabel(holder)} has the login ${email} (with email ${holder.email}); not created: Okta logins are unique`));
    return;
  }
  const action: OktaCreateUserAction = {
    kind: 'okta.create_user',
    id: `okta.create_user:${member.teamMemberId}`,
    reason: `${who(member)} is a Dropbox member (${member.status}) and ${fact}: a STAGED Okta user is created from the Dropbox profile and assigned to the app ${ctx.input.desired.okta.appId} with user name ${email} (${setting(ctx, 'createUsers')})`,
    reversibility: 'reversible',
    dependsOn: [],
    serialKey: null,
    member: { email, teamMemberId: member.teamMemberId, oktaUserId: null },
    profile: { login: email, email, firstName: member.givenName.trim(), lastName: member.surname.trim() },
  };
  ctx.actions.push(action);
}

/** The value of an Okta profile attribute as a string, or null when absent. */
function liveAttribute(user: OktaUser, attribute: string): string | null {
  const value = user.profile[attribute];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A managed member: Okta attributes Dropbox masters (import.profile) follow Dropbox. */
function writeBackProfile(ctx: ImportContext, member: DropboxMember, user: OktaUser): void {
  const mapping = ctx.input.desired.import.profile;
  const attributes = Object.keys(mapping).sort(compareStrings);
  if (attributes.length === 0 || user.status === 'DEPROVISIONED') return;
  const changes: Record<string, ProfileChange> = {};
  const facts: string[] = [];
  const blank: string[] = [];
  for (const attribute of attributes) {
    const field: ImportField = mapping[attribute]!;
    const to = dropboxValue(member, field);
    // Okta's required name attributes cannot be blanked, and an empty Dropbox value is missing data, not intent.
    if (to === '') {
      blank.push(`${attribute} ← ${IMPORT_FIELD_LABEL[field]}`);
      continue;
    }
    const from = liveAttribute(user, attribute);
    const same = field === 'email' ? (from === undefined || from === null ? from : emailKey(from)) === to : from === to;
    if (same) continue;
    changes[attribute] = { from, to };
    facts.push(`${attribute} ${from === null ? 'is not set' : JSON.stringify(from)} in Okta, ${IMPORT_FIELD_LABEL[field]} ${JSON.stringify(to)} in Dropbox`);
  }
  if (blank.length > 0) {
    ctx.reports.push(report('other', member, user.id, `Dropbox has no value for ${list(blank)}; not written back to Okta (import.profile)`));
  }
  if (facts.length === 0) return;
  const rule = `${at(importSource(ctx.input, 'profile'))} import.profile: ${attributes.map((a) => `${a} ← ${mapping[a]}`).join(', ')}`;
  const protectedBy = ctx.protectedBy.get(member.teamMemberId);
  if (protectedBy !== undefined) {
    ctx.reports.push(report('protected_member', member, user.id, `protected (${protectedBy}): ${facts.join('; ')}; the Okta profile is left alone (${rule})`));
    return;
  }
  const action: OktaUpdateProfileAction = {
    kind: 'okta.update_profile',
    id: `okta.update_profile:${user.id}`,
    reason: `Dropbox masters these attributes (${rule}): ${facts.join('; ')}`,
    reversibility: 'reversible',
    dependsOn: [],
    serialKey: null,
    member: { email: member.emailKey, teamMemberId: member.teamMemberId, oktaUserId: user.id },
    changes,
  };
  ctx.actions.push(action);
}

/** import.maxWrites: a plan with more Okta writes is refused as a whole, never cut short. */
function writeLimit(input: PlanInput, writes: number): SafetyViolation[] {
  const { maxWrites } = input.desired.import;
  const source = importSource(input, 'maxWrites');
  if (writes <= maxWrites) return [];
  return [
    {
      rule: 'max_writes',
      message: `${plural(writes, 'Okta write')} exceed import.maxWrites ${maxWrites} (${at(source)}); nothing is written: raise import.maxWrites in a reviewed change, or link fewer people at a time`,
      limit: maxWrites,
      value: writes,
    },
  ];
}

/**
 * An Okta attribute that import writes from Dropbox while provisioning pushes it to Dropbox: both
 * directions hold the same pair, so whichever runs first wins. Said once, so the order is chosen.
 */
function profileWarnings(input: PlanInput): Warning[] {
  const pushed = input.desired.provisioning.profile;
  const warnings: Warning[] = [];
  const source = importSource(input, 'profile');
  for (const attribute of Object.keys(input.desired.import.profile).sort(compareStrings)) {
    const fields = (Object.keys(pushed) as (keyof typeof pushed)[]).filter((f) => pushed[f] === attribute).sort(compareStrings);
    if (fields.length === 0) continue;
    warnings.push({
      code: 'profile_both_ways',
      message: `import.profile writes Okta ${attribute} from Dropbox while provisioning.profile pushes it to Dropbox ${list(fields)}: run dbxsync import --apply before dbxsync apply, or apply overwrites the Dropbox value with Okta's`,
      source: source === null ? null : formatSource(source),
    });
  }
  return warnings;
}

function sortedReports(reports: readonly Report[]): Report[] {
  return [...reports].sort(
    (a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.email, b.email) || compareStrings(a.teamMemberId ?? '', b.teamMemberId ?? '') || compareStrings(a.message, b.message),
  );
}

/** The sync fingerprint of the same inputs, marked as an import plan so the two are never confused. */
function importFingerprint(input: PlanInput, index: LiveIndex): string {
  const base = fingerprint(input, index);
  return `sha256:${createHash('sha256').update(`dbxsync import\n${base}`).digest('hex')}`;
}
