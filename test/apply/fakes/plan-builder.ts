/** Small builders for plans and actions in the apply tests (plain data, sensible defaults). */
import type { Role } from '../../../src/domain/desired.js';
import type {
  Action,
  GroupCreateAction,
  GroupDeleteAction,
  GroupMembersAddAction,
  GroupMembersRemoveAction,
  GroupRef,
  GroupRenameAction,
  MemberAddAction,
  MemberMoveFormerFilesAction,
  MemberRecoverAction,
  MemberRemoveAction,
  MemberSetRoleAction,
  MemberSuspendAction,
  MemberUnsuspendAction,
  MemberUpdateProfileAction,
  PersonRef,
  Plan,
  PlannedAction,
  SafetyViolation,
} from '../../../src/domain/plan.js';
import { phase } from '../../../src/plan/ordering.js';

type Base = { dependsOn?: string[]; serialKey?: string | null; id?: string };

function base(id: string, o: Base, reversibility: Action['reversibility'] = 'reversible') {
  return { id: o.id ?? id, reason: 'test', reversibility, dependsOn: o.dependsOn ?? [], serialKey: o.serialKey ?? null };
}

export function person(email: string, teamMemberId: string | null = null, oktaUserId: string | null = null): PersonRef {
  return { email, teamMemberId, oktaUserId };
}

export function groupRef(name: string, groupId: string | null, externalId: string | null = `okta:00g${name}`): GroupRef {
  return { name, groupId, externalId };
}

export function addMember(email: string, oktaUserId: string, o: Base & { role?: Role } = {}): MemberAddAction {
  return {
    ...base(`member.add:okta:${oktaUserId}`, o),
    kind: 'member.add',
    member: person(email, null, oktaUserId),
    givenName: 'New',
    surname: 'Hire',
    externalId: oktaUserId,
    sendWelcomeEmail: false,
    role: o.role ?? 'member_only',
  };
}

export function updateProfile(who: PersonRef, changes: MemberUpdateProfileAction['changes'], o: Base = {}): MemberUpdateProfileAction {
  return { ...base(`member.update_profile:${who.teamMemberId}`, o), kind: 'member.update_profile', member: who, changes };
}

export function setRole(who: PersonRef, from: Role, to: Role, o: Base = {}): MemberSetRoleAction {
  return { ...base(`member.set_role:${who.teamMemberId}`, o), kind: 'member.set_role', member: who, from, to };
}

export function suspend(who: PersonRef, o: Base & { wipeData?: boolean } = {}): MemberSuspendAction {
  return { ...base(`member.suspend:${who.teamMemberId}`, o), kind: 'member.suspend', member: who, wipeData: o.wipeData ?? false, removeAfter: null };
}

export function unsuspend(who: PersonRef, o: Base = {}): MemberUnsuspendAction {
  return { ...base(`member.unsuspend:${who.teamMemberId}`, o), kind: 'member.unsuspend', member: who };
}

export function recover(who: PersonRef, o: Base = {}): MemberRecoverAction {
  return { ...base(`member.recover:${who.teamMemberId}`, o), kind: 'member.recover', member: who };
}

export function removeMember(
  who: PersonRef,
  o: Base & { transferTo?: PersonRef | null; transferAdmin?: PersonRef | null; fallbacks?: PersonRef[]; wipeData?: boolean; keepAccount?: boolean; retainTeamShares?: boolean } = {},
): MemberRemoveAction {
  const transferTo = o.transferTo ?? null;
  return {
    ...base(`member.remove:${who.teamMemberId}`, { serialKey: transferTo ? `transfer:${transferTo.teamMemberId ?? transferTo.email}` : null, ...o }, 'recoverable'),
    kind: 'member.remove',
    member: who,
    transferTo,
    transferAdmin: o.transferAdmin ?? (transferTo ? person('it-admin@acme.example', 'dbmid:admin') : null),
    transferFallbacks: o.fallbacks ?? [],
    keepAccount: o.keepAccount ?? false,
    retainTeamShares: o.retainTeamShares ?? false,
    wipeData: o.wipeData ?? false,
  };
}

/** member.move_former_files: the files of a removed member to `transferTo` (else the fallbacks). */
export function moveFormerFiles(who: PersonRef, transferTo: PersonRef, o: Base & { transferAdmin?: PersonRef | null; fallbacks?: PersonRef[] } = {}): MemberMoveFormerFilesAction {
  return {
    ...base(`member.move_former_files:${who.teamMemberId}`, { serialKey: `transfer:${transferTo.teamMemberId ?? transferTo.email}`, ...o }, 'irreversible'),
    kind: 'member.move_former_files',
    member: who,
    transferTo,
    transferAdmin: o.transferAdmin === undefined ? person('it-admin@acme.example', 'dbmid:admin') : o.transferAdmin,
    transferFallbacks: o.fallbacks ?? [],
  };
}

export function createGroup(name: string, oktaGroupId: string, o: Base = {}): GroupCreateAction {
  return { ...base(`group.create:okta:${oktaGroupId}`, o), kind: 'group.create', group: groupRef(name, null, `okta:${oktaGroupId}`), oktaGroupId, managementType: 'company_managed' };
}

export function renameGroup(group: GroupRef, to: string, o: Base & { newExternalId?: string | null } = {}): GroupRenameAction {
  return { ...base(`group.rename:${group.groupId}`, o), kind: 'group.rename', group, from: group.name, to, newExternalId: o.newExternalId ?? null };
}

export function groupAdd(group: GroupRef, members: PersonRef[], o: Base = {}): GroupMembersAddAction {
  return { ...base(`group.members.add:${group.groupId ?? group.externalId}`, o), kind: 'group.members.add', group, members };
}

export function groupRemove(group: GroupRef, members: PersonRef[], o: Base = {}): GroupMembersRemoveAction {
  return { ...base(`group.members.remove:${group.groupId ?? group.externalId}`, o), kind: 'group.members.remove', group, members };
}

export function deleteGroup(group: GroupRef, o: Base = {}): GroupDeleteAction {
  return { ...base(`group.delete:${group.groupId}`, o, 'irreversible'), kind: 'group.delete', group };
}

/** Each action with the phase the planner gives its kind (src/plan/ordering.ts), as a planned plan carries it. */
export function withPhases(actions: readonly Action[]): PlannedAction[] {
  return actions.map((a) => ({ ...a, phase: phase(a) }));
}

export function plan(actions: Action[], o: { fingerprint?: string; violations?: SafetyViolation[] } = {}): Plan {
  const summary: Partial<Record<Action['kind'], number>> = {};
  for (const a of actions) summary[a.kind] = (summary[a.kind] ?? 0) + 1;
  const violations = o.violations ?? [];
  return {
    formatVersion: 1,
    fingerprint: o.fingerprint ?? 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    toolVersion: '0.1.0',
    generatedAt: '2026-11-28T12:00:00.000Z',
    summary,
    actions: withPhases(actions),
    reports: [],
    waiting: [],
    warnings: [],
    safety: { ok: violations.length === 0, violations },
  };
}
