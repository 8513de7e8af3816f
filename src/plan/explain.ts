/**
 * `dbxsync explain <email | okta id>`: why one person is (or is not) in Dropbox with this role and
 * these groups, from the very decisions the plan is made of. Pure data; src/render or the CLI prints it.
 */
import type { Role } from '../domain/desired.js';
import { assertNever } from '../domain/errors.js';
import type { DropboxMember, DropboxMemberStatus, OktaUser, OktaUserStatus } from '../domain/live.js';
import type { Action, PersonRef, Report, SafetyViolation, Waiting } from '../domain/plan.js';
import { analyze, type PlanInput } from './analyze.js';
import type { PlanContext } from './context.js';
import type { PushedGroup } from './group-actions.js';
import type { MatchKind } from './identity.js';
import { overrideFor, assignedVia, type Fate, type Person } from './people.js';
import { describeRole } from './roles.js';
import { at, compareStrings } from './text.js';

/** The Okta side of a person. */
export interface ExplainedOktaUser {
  readonly id: string;
  readonly login: string;
  readonly email: string;
  readonly status: OktaUserStatus;
  readonly statusChanged: string | null;
  /** How the user is assigned to the Dropbox app: directly, through groups, or not at all. */
  readonly assignment: 'direct' | 'group' | 'none';
  /** Names of the app-assigned Okta groups the user is in. */
  readonly assignedVia: readonly string[];
  /** "assigned via Okta group Contractors" */
  readonly summary: string;
}

/** The Dropbox side of a person. */
export interface ExplainedMember {
  readonly teamMemberId: string;
  readonly email: string;
  readonly givenName: string;
  readonly surname: string;
  readonly externalId: string | null;
  readonly status: DropboxMemberStatus;
  readonly role: Role;
  readonly otherRoles: readonly string[];
  /** True when this is a removed account (the person has no live one). */
  readonly removed: boolean;
  readonly isRecoverable: boolean;
}

/** One pushed Okta group the person is in (in Okta, in Dropbox, or both). */
export interface ExplainedGroup {
  readonly oktaGroupId: string;
  readonly oktaGroupName: string;
  readonly dropboxGroup: string;
  /** The push that names it ("groups.yaml:4"). */
  readonly push: string;
  readonly inOktaGroup: boolean;
  readonly inDropboxGroup: boolean;
  /** What this plan does to the person's membership. */
  readonly change: 'add' | 'remove' | 'none';
  readonly detail: string;
}

export interface Explanation {
  readonly query: string;
  /** False when neither Okta nor Dropbox knows anyone by that email or id. */
  readonly found: boolean;
  readonly okta: ExplainedOktaUser | null;
  /** The matching Dropbox member (a removed one only when there is no live one). */
  readonly dropbox: ExplainedMember | null;
  /** How the member was matched to the Okta user. */
  readonly match: { readonly kind: MatchKind | 'none' | 'ambiguous'; readonly detail: string };
  /** The lifecycle decision: add, keep, suspend, remove, ... and why. */
  readonly decision: { readonly kind: Fate['kind'] | 'unknown'; readonly detail: string };
  /** Why the member is protected (never suspended, removed, demoted or changed), or null. */
  readonly protectedBy: string | null;
  readonly role: {
    /** False when the YAML has no `roles` key (roles are not managed). */
    readonly managed: boolean;
    readonly live: Role | null;
    readonly desired: Role | null;
    /** The rule that grants the desired role ("roles.yaml:3"), null when none matches. */
    readonly rule: string | null;
    readonly detail: string;
  };
  readonly groups: readonly ExplainedGroup[];
  readonly offboarding: { readonly rule: string | null; readonly detail: string };
  /** The plan's actions that touch the person (as member, group member or transfer destination), in execution order. */
  readonly actions: readonly Action[];
  readonly reports: readonly Report[];
  readonly waiting: readonly Waiting[];
  /** Safety violations that name the person. */
  readonly violations: readonly SafetyViolation[];
}

export function explainPerson(input: PlanInput & { readonly query: string }): Explanation {
  const analysis = analyze(input);
  const { ctx, people, plan, pushed } = analysis;
  const query = input.query.trim();
  const { user, member, person, ambiguous } = findPerson(ctx, people, query);
  const found = user !== null || member !== null;
  const oktaId = user?.id ?? null;
  const memberId = member?.teamMemberId ?? null;
  const sameParty = (r: { readonly oktaUserId: string | null; readonly teamMemberId: string | null }): boolean =>
    (oktaId !== null && r.oktaUserId === oktaId) || (memberId !== null && r.teamMemberId === memberId);
  const actions = plan.actions.filter((a) => actionTouches(a, (ref) => ref !== null && sameParty(ref)));
  const names = [oktaId, memberId, user?.email, member?.emailKey].filter((x): x is string => typeof x === 'string' && x !== '');
  return {
    query,
    found,
    okta: user === null ? null : explainOktaUser(ctx, user),
    dropbox: member === null ? null : explainMember(member),
    match: describeMatch(person, user, member, ambiguous),
    decision:
      person === null
        ? { kind: found ? 'absent' : 'unknown', detail: found ? describeAbsent(user, member, ambiguous) : `neither Okta nor Dropbox knows ${query}` }
        : { kind: person.fate.kind, detail: person.fate.why },
    protectedBy: person?.protectedBy ?? null,
    role: explainRole(ctx, user, member, person),
    groups: explainGroups(pushed, oktaId, memberId, actions),
    offboarding: describeOffboarding(analysis, person, user),
    actions,
    reports: plan.reports.filter(sameParty),
    waiting: plan.waiting.filter(sameParty),
    violations: plan.safety.violations.filter((v) => names.some((n) => v.message.includes(n))),
  };
}

interface Found {
  readonly user: OktaUser | null;
  readonly member: DropboxMember | null;
  readonly person: Person | null;
  /** Okta users sharing the queried email (more than one: the match is ambiguous). */
  readonly ambiguous: readonly OktaUser[];
}

/** The person a query names: an Okta id, else an Okta email or login, else a Dropbox member's email or id. */
function findPerson(ctx: PlanContext, people: readonly Person[], query: string): Found {
  const lower = query.toLowerCase();
  let user: OktaUser | null = ctx.index.oktaById(query) ?? null;
  let ambiguous: readonly OktaUser[] = [];
  if (user === null && query.includes('@')) {
    const byEmail = ctx.index.oktaByEmail().get(lower);
    if (byEmail.length > 1) ambiguous = byEmail;
    user = byEmail[0] ?? ctx.index.oktaByLogin().get(lower) ?? null;
  }
  if (user !== null) {
    const person = people.find((p) => p.user?.id === user.id) ?? null;
    return { user, member: person?.member ?? person?.removed ?? null, person, ambiguous };
  }
  const candidates = query.includes('@') ? ctx.index.membersByEmail().get(lower) : [ctx.index.memberById(query)].filter((m) => m !== undefined);
  const member = candidates.find((m) => m.status !== 'removed') ?? candidates[0] ?? null;
  if (member === null) return { user: null, member: null, person: null, ambiguous };
  const person = people.find((p) => p.member?.teamMemberId === member.teamMemberId) ?? null;
  return { user: person?.user ?? ctx.identity.linkOf(member.teamMemberId)?.user ?? null, member, person, ambiguous };
}

function explainOktaUser(ctx: PlanContext, user: OktaUser): ExplainedOktaUser {
  return {
    id: user.id,
    login: user.login,
    email: user.email,
    status: user.status,
    statusChanged: user.statusChanged,
    assignment: assignmentOf(ctx.index.assignment.get(user.id)),
    assignedVia: ctx.index.appGroupsOf(user.id),
    summary: assignedVia(ctx, user),
  };
}

function explainMember(member: DropboxMember): ExplainedMember {
  return {
    teamMemberId: member.teamMemberId,
    email: member.emailKey,
    givenName: member.givenName,
    surname: member.surname,
    externalId: member.externalId,
    status: member.status,
    role: member.role,
    otherRoles: member.otherRoles,
    removed: member.status === 'removed',
    isRecoverable: member.isRecoverable,
  };
}

function explainRole(ctx: PlanContext, user: OktaUser | null, member: DropboxMember | null, person: Person | null): Explanation['role'] {
  const decision = user === null ? null : ctx.roles.decide(user);
  return {
    managed: ctx.desired.roles !== null,
    live: member?.role ?? null,
    desired: decision?.role ?? null,
    rule: decision === null || decision.rule === null ? null : at(decision.rule.source),
    detail:
      ctx.desired.roles === null
        ? 'roles are not managed (the YAML has no roles key)'
        : decision === null
          ? 'no Okta user, so no role rule applies'
          : withFate(describeRole(decision), person?.fate.kind ?? (member === null ? 'absent' : 'leave')),
  };
}

/** The pushed groups the person is in, on either side, and what this plan's `actions` (the person's) do there. */
function explainGroups(pushed: readonly PushedGroup[], oktaId: string | null, memberId: string | null, actions: readonly Action[]): ExplainedGroup[] {
  const groups: ExplainedGroup[] = [];
  for (const p of pushed) {
    const inOkta = oktaId !== null && (p.oktaGroup.memberIds ?? []).includes(oktaId);
    const inDropbox = memberId !== null && p.dropboxGroup !== null && p.dropboxGroup.memberIds.includes(memberId);
    if (!inOkta && !inDropbox) continue;
    const change = actions.some((a) => a.kind === 'group.members.add' && a.id === `group.members.add:${p.oktaGroup.id}`)
      ? 'add'
      : actions.some((a) => a.kind === 'group.members.remove' && a.id === `group.members.remove:${p.oktaGroup.id}`)
        ? 'remove'
        : 'none';
    groups.push({
      oktaGroupId: p.oktaGroup.id,
      oktaGroupName: p.oktaGroup.name,
      dropboxGroup: p.dropboxName,
      push: at(p.push.source),
      inOktaGroup: inOkta,
      inDropboxGroup: inDropbox,
      change,
      detail: groupDetail(p.resolution === 'skipped', change, inOkta, inDropbox),
    });
  }
  return groups.sort((a, b) => compareStrings(a.dropboxGroup, b.dropboxGroup) || compareStrings(a.oktaGroupId, b.oktaGroupId));
}

/** What explain says about one pushed group the person is in on at least one side. */
export function groupDetail(skipped: boolean, change: ExplainedGroup['change'], inOkta: boolean, inDropbox: boolean): string {
  if (skipped) return 'the push is skipped (see the warnings)';
  if (change === 'add') return 'in the Okta group, added to the Dropbox group by this plan';
  if (change === 'remove') return 'no longer in the Okta group, removed from the Dropbox group by this plan';
  if (inOkta && inDropbox) return 'in the Okta group and in the Dropbox group';
  if (inOkta) return 'in the Okta group, but dbxsync does not put this person in Dropbox groups (not a managed member, or left alone)';
  return 'in the Dropbox group but not in the Okta group; left there (not a managed member, or left alone)';
}

/** The role a rule gives, and whether this plan applies it, in the words of the person's fate. */
function withFate(role: string, fate: Fate['kind']): string {
  switch (fate) {
    case 'add':
    case 'keep':
    case 'unsuspend':
    case 'recover':
      return role;
    case 'suspend':
      return `${role}; not applied while the member is suspended`;
    case 'stay_suspended':
      return `${role}; not applied while the member stays suspended`;
    case 'remove':
      return `${role}; not applied: the member is removed by this plan`;
    case 'leave':
      return `${role}; not applied while the member is left alone`;
    case 'absent':
      return `${role}; not applied: not a Dropbox member`;
    default:
      return assertNever(fate, 'fate');
  }
}

function assignmentOf(scope: 'USER' | 'GROUP' | undefined): 'direct' | 'group' | 'none' {
  return scope === 'USER' ? 'direct' : scope === 'GROUP' ? 'group' : 'none';
}

function actionTouches(action: Action, touches: (ref: PersonRef | null) => boolean): boolean {
  switch (action.kind) {
    case 'group.members.add':
    case 'group.members.remove':
      return action.members.some(touches);
    case 'member.remove':
    case 'member.move_former_files':
      return touches(action.member) || touches(action.transferTo) || touches(action.transferAdmin) || action.transferFallbacks.some(touches);
    case 'group.create':
    case 'group.rename':
    case 'group.delete':
      return false;
    case 'member.add':
    case 'member.update_profile':
    case 'member.set_role':
    case 'member.suspend':
    case 'member.unsuspend':
    case 'member.recover':
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      return touches(action.member);
    default:
      return assertNever(action, 'action');
  }
}

function describeAbsent(user: OktaUser | null, member: DropboxMember | null, ambiguous: readonly OktaUser[]): string {
  if (ambiguous.length > 1) return `${ambiguous.length} Okta users carry this email (${ambiguous.map((u) => u.id).join(', ')}); dbxsync plans nothing for an ambiguous identity`;
  if (user !== null && member === null) return `${user.status} in Okta, not assigned to the Dropbox app, and not a Dropbox member: nothing to do`;
  return 'left alone';
}

function describeMatch(person: Person | null, user: OktaUser | null, member: DropboxMember | null, ambiguous: readonly OktaUser[]): Explanation['match'] {
  if (ambiguous.length > 1) return { kind: 'ambiguous', detail: `${ambiguous.length} Okta users share this email` };
  if (member === null) return { kind: 'none', detail: user === null ? 'no Okta user and no Dropbox member' : 'no Dropbox member matches this Okta user' };
  if (user === null) return { kind: 'none', detail: 'no Okta user matches this member (by external id or email)' };
  switch (person?.how ?? null) {
    case 'external_id':
      return { kind: 'external_id', detail: `the member's external id is the Okta id ${user.id}` };
    case 'email':
      return { kind: 'email', detail: `matched by email; the member's external id ${member.externalId ?? ''} names no Okta user, so it is replaced by ${user.id}` };
    case 'adopted':
      return { kind: 'adopted', detail: `matched by email; the member has no external id, so dbxsync adopts it (external id set to ${user.id})` };
    case null:
      return { kind: 'ambiguous', detail: 'the member and the Okta user could not be matched one to one (see reports and violations)' };
  }
}

function describeOffboarding(analysis: ReturnType<typeof analyze>, person: Person | null, user: OktaUser | null): Explanation['offboarding'] {
  const { ctx } = analysis;
  if (person !== null && person.rule !== null) return { rule: person.rule, detail: person.fate.why };
  if (user !== null && (user.status === 'DEPROVISIONED' || user.status === 'SUSPENDED') && (person === null || person.fate.kind === 'absent')) {
    return { rule: null, detail: `${user.status} in Okta and not a Dropbox member: nothing to offboard` };
  }
  if (user === null) {
    const setting = ctx.desired.provisioning.unmanagedMembers;
    return { rule: `${at(ctx.desired.provisioning.source)} provisioning.unmanagedMembers: ${setting}`, detail: `not known to Okta: unmanagedMembers is ${setting}` };
  }
  const settings = ctx.desired.offboarding.onDeactivated;
  const override = overrideFor(ctx, user);
  const rule = override?.rule ?? `${at(settings.source)} onDeactivated: ${settings.action}`;
  const action = override?.action ?? settings.action;
  const transfer =
    action !== 'remove'
      ? ''
      : settings.transferTo === 'none'
        ? ', files not transferred'
        : settings.transferTo === 'manager'
          ? `, files to the manager (${ctx.desired.offboarding.managerAttribute})${settings.fallbackTransferTo === null ? '' : `, else to ${settings.fallbackTransferTo}`}`
          : `, files to ${settings.transferTo}`;
  const grace = action === 'remove' && settings.graceDays > 0 ? ` after a grace period of ${settings.graceDays} days (suspended meanwhile)` : '';
  return { rule, detail: `none now; if deactivated in Okta: ${action}${grace}${transfer} (${rule})` };
}
