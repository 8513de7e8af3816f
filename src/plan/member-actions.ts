/**
 * member.* actions from the fates: adds, recoveries, unsuspensions, profile and role updates,
 * suspensions and removals (with their file transfers), and the moves of files former members left
 * behind.
 */
import type { DesiredState, OnDeactivated, ProvisioningSettings, Role } from '../domain/desired.js';
import { assertNever } from '../domain/errors.js';
import { emailKey, type DropboxMember, type OktaUser } from '../domain/live.js';
import { isDemotion, type Action, type MemberUpdateProfileAction, type PersonRef, type ProfileChange, type Warning } from '../domain/plan.js';
import { OPERATOR_REASON, type PlanContext } from './context.js';
import { planFormerMemberMoves } from './former-members.js';
import type { MatchKind } from './identity.js';
import type { Fate, Person } from './people.js';
import { desiredProfile, refusal, type DesiredProfile, type ProfileField } from './profile.js';
import { describeRole } from './roles.js';
import { personRef, transferPlanner, type TransferPlanner } from './transfer.js';
import { at, display, profileString } from './text.js';
import { formatSource, plural } from '../text/words.js';

/**
 * The people whose Dropbox groups follow their Okta groups once this plan ran: members who stay
 * (suspended and invited ones included) and members this plan adds or recovers. Indexed by
 * position rather than keyed by id, because a 100k-member team looks each of them up once per group.
 */
export interface Team {
  /**
   * By position in LiveIndex.users: the member's position in LiveIndex.members, -1 for a member
   * this plan adds, -2 for a person whose groups do not follow Okta.
   */
  readonly slotOf: Int32Array;
  /** Okta user id → the member.add / member.recover action a group add must wait for. */
  readonly waitFor: ReadonlyMap<string, string>;
  /** Okta user id → the reference of a member this plan adds. */
  readonly newRefs: ReadonlyMap<string, PersonRef>;
}

export interface MemberPlan {
  readonly actions: Action[];
  readonly team: Team;
}

export function planMembers(ctx: PlanContext, people: readonly Person[]): MemberPlan {
  const plan = newMemberBuild(ctx);
  const transfers = transferPlanner(ctx, leavingMembers(people));
  // Adds are planned after everybody else: an address that a member's email change frees in this
  // plan can go to a new hire in the same plan (the add then waits for that update).
  const adds: { readonly person: Person; readonly why: string }[] = [];
  let anyTransfer = false;
  for (const person of people) {
    const fate = person.fate;
    switch (fate.kind) {
      case 'add':
        adds.push({ person, why: fate.why });
        break;
      case 'recover':
        planRecovery(ctx, plan, person, fate);
        break;
      case 'keep':
      case 'unsuspend':
      case 'suspend':
      case 'stay_suspended':
        planStay(ctx, plan, person, fate);
        break;
      case 'remove':
        anyTransfer = planRemoval(ctx, plan, person, fate, transfers) || anyTransfer;
        break;
      case 'leave':
      case 'absent':
        break;
      default:
        assertNever(fate, 'fate');
    }
  }
  planAdds(ctx, plan, adds);
  // The files former members left behind go where a removal's go (checked with the same transfer
  // admin and destinations, none of them leaving in this plan).
  const moves = planFormerMemberMoves(ctx, people, transfers);
  plan.actions.push(...moves);
  transfers.finish(anyTransfer || moves.length > 0);
  return { actions: plan.actions, team: { slotOf: plan.slotOf, waitFor: plan.waitFor, newRefs: plan.newRefs } };
}

/** What planMembers builds as it walks the people: the actions and the Team being assembled. */
interface MemberBuild {
  readonly actions: Action[];
  readonly slotOf: Int32Array;
  readonly waitFor: Map<string, string>;
  readonly newRefs: Map<string, PersonRef>;
}

function newMemberBuild(ctx: PlanContext): MemberBuild {
  return { actions: [], slotOf: new Int32Array(ctx.index.users.length).fill(-2), waitFor: new Map(), newRefs: new Map() };
}

type FateOf<K extends Fate['kind']> = Extract<Fate, { readonly kind: K }>;

/** The team member ids this plan suspends or removes: none of them may receive anyone's files. */
function leavingMembers(people: readonly Person[]): ReadonlySet<string> {
  const leaving = new Set<string>();
  for (const p of people) {
    if ((p.fate.kind === 'suspend' || p.fate.kind === 'remove') && p.member !== null) leaving.add(p.member.teamMemberId);
  }
  return leaving;
}

/** A removed account Dropbox can still recover comes back, and its profile and role follow Okta after. */
function planRecovery(ctx: PlanContext, plan: MemberBuild, person: Person, fate: FateOf<'recover'>): void {
  const { user, removed } = person;
  if (user === null || removed === null) return;
  const id = `member.recover:${removed.teamMemberId}`;
  plan.actions.push({ kind: 'member.recover', id, reason: fate.why, reversibility: 'reversible', dependsOn: [], serialKey: null, member: personRef(removed, user.id) });
  plan.slotOf[person.userSlot] = person.slot;
  plan.waitFor.set(user.id, id);
  follow(ctx, person, user, removed, id, fate, plan.actions);
}

/** A member who stays on the team (kept, unsuspended, suspended or left suspended). */
function planStay(ctx: PlanContext, plan: MemberBuild, person: Person, fate: FateOf<'keep' | 'unsuspend' | 'suspend' | 'stay_suspended'>): void {
  const { user, member } = person;
  if (member === null || user === null) return;
  plan.slotOf[person.userSlot] = person.slot;
  switch (fate.kind) {
    case 'keep':
      follow(ctx, person, user, member, null, fate, plan.actions);
      return;
    case 'unsuspend': {
      const id = `member.unsuspend:${member.teamMemberId}`;
      plan.actions.push({ kind: 'member.unsuspend', id, reason: fate.why, reversibility: 'reversible', dependsOn: [], serialKey: null, member: personRef(member, user.id) });
      follow(ctx, person, user, member, id, fate, plan.actions);
      return;
    }
    case 'suspend': {
      // The role follows the rules first: Dropbox refuses role changes of suspended members, so a
      // demotion not made now could not be made later (phase orders set_role before suspend).
      const role = roleAction(ctx, person, user, member, null, () => fate.why);
      if (role !== null) plan.actions.push(role);
      plan.actions.push({
        kind: 'member.suspend',
        id: `member.suspend:${member.teamMemberId}`,
        reason: `${fate.why}; ${wipeNote(fate.wipeData)}`,
        reversibility: fate.wipeData ? 'irreversible' : 'reversible',
        dependsOn: [],
        serialKey: null,
        member: personRef(member, user.id),
        wipeData: fate.wipeData,
        removeAfter: fate.removeAfter,
      });
      return;
    }
    case 'stay_suspended':
      deferRole(ctx, person, user, member);
      return;
    default:
      assertNever(fate, 'fate');
  }
}

/** What a suspension's reason says about the member's devices. */
export function wipeNote(wipeData: boolean): string {
  return wipeData ? 'devices wiped (wipeData: true)' : 'data kept (wipeData: false)';
}

/** How a removal treats the account: the off-boarding policy, except that a never-joined invite is simply withdrawn. */
export interface RemovalTerms {
  readonly wipeData: boolean;
  readonly keepAccount: boolean;
  readonly retainTeamShares: boolean;
  /** What the reason adds after the transfer's explanation ('' when nothing). */
  readonly note: string;
}

export function removalTerms(invited: boolean, policy: Pick<OnDeactivated, 'wipeData' | 'keepAccount' | 'retainTeamShares'>): RemovalTerms {
  const wipeData = invited ? false : policy.wipeData;
  const keepAccount = invited ? false : policy.keepAccount;
  const notes = [wipeData ? 'devices wiped (wipeData: true)' : null, keepAccount ? 'the account is kept as a personal account (keepAccount: true)' : null].filter((x) => x !== null);
  return { wipeData, keepAccount, retainTeamShares: invited ? false : policy.retainTeamShares, note: notes.length === 0 ? '' : `; ${notes.join('; ')}` };
}

/** A member leaves the team, their files going where the transfer planner says; true when files move. */
function planRemoval(ctx: PlanContext, plan: MemberBuild, person: Person, fate: FateOf<'remove'>, transfers: TransferPlanner): boolean {
  const { user, member } = person;
  if (member === null) return false;
  const choice = transfers.choose(member, user, fate.invited);
  const terms = removalTerms(fate.invited, ctx.desired.offboarding.onDeactivated);
  const transfer = choice.transferTo !== null;
  plan.actions.push({
    kind: 'member.remove',
    id: `member.remove:${member.teamMemberId}`,
    reason: `${fate.why}${choice.explanation}${terms.note}`,
    reversibility: transfer || terms.wipeData ? 'irreversible' : 'recoverable',
    dependsOn: [],
    serialKey: choice.transferTo === null ? null : `transfer:${choice.transferTo.teamMemberId}`,
    member: personRef(member, user?.id ?? null),
    transferTo: choice.transferTo,
    transferAdmin: choice.transferAdmin,
    transferFallbacks: choice.transferFallbacks,
    keepAccount: terms.keepAccount,
    retainTeamShares: terms.retainTeamShares,
    wipeData: terms.wipeData,
  });
  return transfer;
}

/** New members, each waiting for the email change that frees its address when one does. */
function planAdds(ctx: PlanContext, plan: MemberBuild, adds: readonly { readonly person: Person; readonly why: string }[]): void {
  const freed = freedEmails(plan.actions);
  for (const { person, why } of adds) {
    const user = person.user;
    if (user === null) continue;
    const add = addAction(ctx, user, why, freed);
    if (add === null) continue;
    plan.actions.push(add);
    plan.slotOf[person.userSlot] = -1;
    plan.waitFor.set(user.id, add.id);
    plan.newRefs.set(user.id, add.member);
  }
}

/** Lower-cased address → the id of the planned profile update that moves its member off it. */
function freedEmails(actions: readonly Action[]): ReadonlyMap<string, { readonly updateId: string; readonly teamMemberId: string | null }> {
  const freed = new Map<string, { readonly updateId: string; readonly teamMemberId: string | null }>();
  for (const a of actions) {
    if (a.kind !== 'member.update_profile' || a.changes.email === undefined || a.changes.email.from === null) continue;
    freed.set(emailKey(a.changes.email.from), { updateId: a.id, teamMemberId: a.member.teamMemberId });
  }
  return freed;
}

/** A value Dropbox would refuse: that person's change is skipped and said so; the rest of the plan proceeds. */
function invalid(ctx: PlanContext, user: OktaUser, profile: DesiredProfile, problem: string, outcome: string): void {
  ctx.warnings.push({
    code: 'invalid_value',
    message: `${display(profile.givenName, profile.surname, profile.email)} (Okta ${user.id}): ${problem}; ${outcome} (Dropbox would refuse the value: fix it in Okta)`,
    source: null,
  });
}

/** Another live member holding `email`, which Dropbox would refuse to give to this person. */
function emailHolder(ctx: PlanContext, email: string, self: string | null): DropboxMember | null {
  return ctx.index.membersByEmail().get(email).find((m) => m.status !== 'removed' && m.teamMemberId !== self) ?? null;
}

function addAction(
  ctx: PlanContext,
  user: OktaUser,
  why: string,
  freed: ReadonlyMap<string, { readonly updateId: string; readonly teamMemberId: string | null }>,
): Action & { kind: 'member.add' } | null {
  const profile = desiredProfile(user, ctx.desired.provisioning.profile);
  let ok = true;
  for (const field of ['givenName', 'surname', 'email', 'externalId'] as const) {
    const problem = refusal(field, profile[field]);
    if (problem !== null) {
      invalid(ctx, user, profile, problem, 'not added to Dropbox');
      ok = false;
    }
  }
  if (!ok) return null;
  const holder = emailHolder(ctx, profile.email, null);
  const release = freed.get(profile.email);
  const freedBy = holder !== null && release !== undefined && release.teamMemberId === holder.teamMemberId ? release : null;
  if (holder !== null && freedBy === null) {
    ctx.reports.push({
      kind: 'ambiguous_match',
      email: profile.email,
      teamMemberId: holder.teamMemberId,
      oktaUserId: user.id,
      message: `Okta user ${user.id} should be added, but Dropbox member ${holder.teamMemberId} already holds ${profile.email} and belongs to someone else; not added`,
    });
    return null;
  }
  const decision = ctx.roles.decide(user);
  const role: Role = decision?.role ?? 'member_only';
  const send = ctx.desired.provisioning.sendWelcomeEmail;
  const parts = [
    why,
    decision === null ? null : describeRole(decision),
    send ? `welcome email sent (${at(ctx.desired.provisioning.source)} sendWelcomeEmail: true)` : 'silent: no welcome email',
  ];
  if (freedBy !== null) parts.push(`${profile.email} is released by ${holder!.teamMemberId}'s email change in this plan, which runs first`);
  return {
    kind: 'member.add',
    id: `member.add:${user.id}`,
    reason: parts.filter((x) => x !== null).join('; '),
    reversibility: 'reversible',
    dependsOn: freedBy === null ? [] : [freedBy.updateId],
    serialKey: null,
    member: { email: profile.email, teamMemberId: null, oktaUserId: user.id },
    givenName: profile.givenName,
    surname: profile.surname,
    externalId: profile.externalId,
    sendWelcomeEmail: send,
    role,
  };
}

/** Profile and role follow Okta for a member who stays (or comes back); `fate.why` is read only if a change is planned. */
function follow(ctx: PlanContext, person: Person, user: OktaUser, live: DropboxMember, after: string | null, fate: { readonly why: string }, actions: Action[]): void {
  const why = (): string => fate.why;
  const profile = profileAction(ctx, person, user, live, after, why);
  if (profile !== null) actions.push(profile);
  const role = roleAction(ctx, person, user, live, after, why);
  if (role !== null) actions.push(role);
}

const LABEL: Readonly<Record<ProfileField, string>> = { givenName: 'given name', surname: 'surname', email: 'email', externalId: 'external id' };

function profileAction(ctx: PlanContext, person: Person, user: OktaUser, live: DropboxMember, after: string | null, why: () => string): MemberUpdateProfileAction | null {
  const mapping = ctx.desired.provisioning.profile;
  if (profileMatches(user, live, mapping)) return null;
  const profile = desiredProfile(user, mapping);
  const changes: { email?: ProfileChange; givenName?: ProfileChange; surname?: ProfileChange; externalId?: ProfileChange } = {};
  const notes: string[] = [];
  const liveValues: Record<ProfileField, string> = {
    givenName: live.givenName,
    surname: live.surname,
    email: live.emailKey,
    externalId: live.externalId ?? '',
  };
  for (const field of ['email', 'givenName', 'surname', 'externalId'] as const) {
    if (liveValues[field] === profile[field] || !changeAllowed(ctx, user, live, profile, field)) continue;
    const from = field === 'email' ? live.email : field === 'externalId' ? live.externalId : liveValues[field];
    changes[field] = { from: from === '' && field === 'externalId' ? null : from, to: profile[field] };
    notes.push(changeNote(field, person.how, liveValues[field], profile[field]));
  }
  if (Object.keys(changes).length === 0) return null;
  if (person.protectedBy !== null) {
    ctx.reports.push({
      kind: 'protected_member',
      email: live.emailKey,
      teamMemberId: live.teamMemberId,
      oktaUserId: user.id,
      message: `protected (${person.protectedBy}): profile would have been updated: ${notes.join('; ')}`,
    });
    return null;
  }
  return {
    kind: 'member.update_profile',
    id: `member.update_profile:${live.teamMemberId}`,
    reason: `${why()}; profile follows Okta (${at(ctx.desired.provisioning.source)} provisioning.profile): ${notes.join('; ')}`,
    reversibility: 'reversible',
    dependsOn: after === null ? [] : [after],
    serialKey: null,
    member: personRef(live, user.id),
    changes,
  };
}

/** The cheap check first (a 100k-member team is mostly unchanged): the live profile already follows Okta. */
function profileMatches(user: OktaUser, live: DropboxMember, mapping: ProvisioningSettings['profile']): boolean {
  return (
    user.id === live.externalId &&
    profileString(user, mapping.givenName) === live.givenName &&
    profileString(user, mapping.surname) === live.surname &&
    emailKey(profileString(user, mapping.email) || user.email) === live.emailKey
  );
}

/** A value Dropbox would refuse, or an address another member holds, is not planned (warned or reported). */
function changeAllowed(ctx: PlanContext, user: OktaUser, live: DropboxMember, profile: DesiredProfile, field: ProfileField): boolean {
  const problem = refusal(field, profile[field]);
  if (problem !== null) {
    invalid(ctx, user, profile, problem, `${LABEL[field]} not updated`);
    return false;
  }
  if (field !== 'email') return true;
  const holder = emailHolder(ctx, profile.email, live.teamMemberId);
  if (holder === null) return true;
  ctx.reports.push({
    kind: 'ambiguous_match',
    email: profile.email,
    teamMemberId: live.teamMemberId,
    oktaUserId: user.id,
    message: `the Okta email of ${user.id} changed to ${profile.email}, which Dropbox member ${holder.teamMemberId} already holds; email not updated`,
  });
  return false;
}

/** What a profile update's reason says about one field (`how`: how the member was matched to Okta). */
export function changeNote(field: ProfileField, how: MatchKind | null, from: string, to: string): string {
  if (field !== 'externalId') return `${LABEL[field]} ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
  if (how === 'adopted') return 'matched by email with an empty external id: adopted (external id set to the Okta id)';
  if (how === 'email') return `matched by email; external id ${from} names no Okta user, so it is set to the Okta id`;
  return 'external id set to the Okta id';
}

function roleAction(ctx: PlanContext, person: Person, user: OktaUser, live: DropboxMember, after: string | null, why: () => string): Action | null {
  const decision = ctx.roles.decide(user);
  if (decision === null || decision.role === live.role) return null;
  if (person.protectedBy !== null) {
    ctx.reports.push({
      kind: 'protected_member',
      email: live.emailKey,
      teamMemberId: live.teamMemberId,
      oktaUserId: user.id,
      message: `protected (${person.protectedBy}): role would have changed from ${live.role} to ${decision.role} (${describeRole(decision)})`,
    });
    return null;
  }
  if (live.teamMemberId === ctx.operatorId && isDemotion(live.role, decision.role)) {
    ctx.reports.push({
      kind: 'protected_member',
      email: live.emailKey,
      teamMemberId: live.teamMemberId,
      oktaUserId: user.id,
      message: `protected (${OPERATOR_REASON}): would have been demoted from ${live.role} to ${decision.role} (${describeRole(decision)})`,
    });
    return null;
  }
  if (live.status === 'suspended' && after === null) {
    deferRole(ctx, person, user, live);
    return null;
  }
  if (decision.uncertain !== null && isDemotion(live.role, decision.role)) {
    ctx.reports.push({
      kind: 'other',
      email: live.emailKey,
      teamMemberId: live.teamMemberId,
      oktaUserId: user.id,
      message: `demotion ${live.role} → ${decision.role} held back: the members of ${decision.uncertain} were not read, and the person may be one of them`,
    });
    return null;
  }
  const others = live.otherRoles.length === 0 ? '' : `; other roles (${[...live.otherRoles].sort().join(', ')}) left as they are`;
  return {
    kind: 'member.set_role',
    id: `member.set_role:${live.teamMemberId}`,
    reason: `${why()}; ${describeRole(decision)}; Dropbox has ${live.role}${others}`,
    reversibility: 'reversible',
    dependsOn: after === null ? [] : [after],
    serialKey: null,
    member: personRef(live, user.id),
    from: live.role,
    to: decision.role,
  };
}

/** Dropbox cannot change the role of a suspended member: report the change instead of planning it. */
function deferRole(ctx: PlanContext, person: Person, user: OktaUser, live: DropboxMember): void {
  const decision = ctx.roles.decide(user);
  if (decision === null || decision.role === live.role || person.protectedBy !== null) return;
  ctx.reports.push({
    kind: 'other',
    email: live.emailKey,
    teamMemberId: live.teamMemberId,
    oktaUserId: user.id,
    message: `role change ${live.role} → ${decision.role} deferred: the member is suspended in Dropbox, which cannot change a suspended member's role (${describeRole(decision)})`,
  });
}

/**
 * Silent provisioning without SSO (issue 10 item 11): members/add_v2 with send_welcome_email false
 * sends no invitation ("useful for apps using single sign-on (SSO) flows for onboarding",
 * team.stone:1633-1637), so on a team that does not require SSO the new member never learns of the
 * account and never joins. The team's SsoPolicy (team_policies.stone:142) is not in any route's
 * answer dbxsync reads, so the YAML says it (provisioning.ssoRequired); until it does, a plan
 * with silent adds warns, with how to check.
 */
export function silentAddWarning(desired: DesiredState, actions: readonly Action[]): Warning | null {
  if (desired.provisioning.ssoRequired === true) return null;
  const silent = actions.filter((a) => a.kind === 'member.add' && !a.sendWelcomeEmail).length;
  if (silent === 0) return null;
  return {
    code: 'silent_add_without_sso',
    message:
      `${plural(silent, 'member is', 'members are')} added without a welcome email (provisioning.sendWelcomeEmail: false): Dropbox sends no invitation, so unless the team requires single sign-on they never join and stay "pending invite". ` +
      'Check the Dropbox admin console (Settings > Single sign-on: Required); if it is, say so with provisioning.ssoRequired: true, else set sendWelcomeEmail: true',
    source: desired.provisioning.source === null ? null : formatSource(desired.provisioning.source),
  };
}
