/**
 * Each person's fate: the lifecycle decision (add, keep, suspend, remove, ...) for every Okta user
 * that is assigned to the app or matches a Dropbox member, and for every Dropbox member Okta does not
 * know. Actions are built from fates afterwards, once every fate is known (transfer destinations
 * must not be people who leave in the same plan).
 */
import type { OffboardingOverride } from '../domain/desired.js';
import { assertNever } from '../domain/errors.js';
import type { DropboxMember, OktaUser } from '../domain/live.js';
import { lifecycleGuard, protection, type PlanContext } from './context.js';
import type { MatchKind } from './identity.js';
import { ACTIVE_STATUSES, PENDING_STATUSES, resolveOktaGroups } from './live-index.js';
import { addDays, ageInDays, at, day, display, list } from './text.js';
import { formatSource } from '../text/words.js';

/** What happens to a person's Dropbox membership in this plan. `why` is the Okta fact and the YAML rule. */
export type Fate =
  | { readonly kind: 'add'; readonly why: string }
  | { readonly kind: 'recover'; readonly why: string }
  /** Stays a member (active, invited, or as it is); profile, role and groups follow Okta. */
  | { readonly kind: 'keep'; readonly why: string }
  | { readonly kind: 'unsuspend'; readonly why: string }
  | { readonly kind: 'suspend'; readonly why: string; readonly wipeData: boolean; readonly removeAfter: string | null }
  /** Already suspended, and suspended is what the rules ask for. */
  | { readonly kind: 'stay_suspended'; readonly why: string }
  | { readonly kind: 'remove'; readonly why: string; readonly invited: boolean }
  /** Left alone by a rule (ignore, report, protected, waiting): nothing is planned for the member. */
  | { readonly kind: 'leave'; readonly why: string }
  /** Not in Dropbox and not meant to be. */
  | { readonly kind: 'absent'; readonly why: string };

export interface Person {
  readonly user: OktaUser | null;
  /** The live (non-removed) member. */
  readonly member: DropboxMember | null;
  /** A removed member the user may be recovered into (only when there is no live member). */
  readonly removed: DropboxMember | null;
  readonly how: MatchKind | null;
  /** Position of `member` (or else `removed`) in LiveIndex.members; -1 when neither. */
  readonly slot: number;
  /** Position of `user` in LiveIndex.users; -1 when there is no Okta user. */
  readonly userSlot: number;
  /** Why the member is protected (never suspended, removed, demoted or changed); null when not. */
  readonly protectedBy: string | null;
  readonly fate: Fate;
  /** The YAML rule that decided an offboarding fate ("offboarding.yaml:7 onDeactivated: remove"). */
  readonly rule: string | null;
}

export function decideFates(ctx: PlanContext): Person[] {
  const people: Person[] = [];
  const { identity, index } = ctx;
  const conflicted = new Set(identity.conflicted.map((c) => c.user.id));
  overridesOf(ctx);

  for (let u = 0; u < index.users.length; u++) {
    const user = index.users[u]!;
    const link = identity.liveAt[u] ?? null;
    const removedLink = identity.removedByUser.get(user.id) ?? null;
    if (conflicted.size > 0 && conflicted.has(user.id)) continue;
    // Incremental: people outside the scope were not read as a whole (a manager, a group member): no fate.
    if (ctx.scope !== null && !ctx.scope.userIds.has(user.id)) continue;
    if (link === null && removedLink === null && !index.assignment.has(user.id)) continue;
    const member = link?.member ?? null;
    const removed = member === null ? removedLink?.member ?? null : null;
    const slot = link?.slot ?? (removed === null ? -1 : removedLink!.slot);
    people.push(finish(ctx, user, u, member, removed, link?.how ?? removedLink?.how ?? null, slot, decideForUser(ctx, user, member, removed)));
  }

  for (const member of identity.unmanaged) {
    if (ctx.scope !== null && !ctx.scope.memberIds.has(member.teamMemberId)) continue;
    people.push(finish(ctx, null, -1, member, null, null, ctx.index.memberIndex.get(member.teamMemberId) ?? -1, decideUnmanaged(ctx, member)));
  }
  return people;
}

interface Decided {
  readonly fate: Fate;
  readonly rule: string | null;
}

function finish(
  ctx: PlanContext,
  user: OktaUser | null,
  userSlot: number,
  member: DropboxMember | null,
  removed: DropboxMember | null,
  how: MatchKind | null,
  slot: number,
  decided: Decided,
): Person {
  const protectedBy = member === null ? null : protection(ctx, member);
  const guard = member === null ? null : lifecycleGuard(ctx, member);
  let fate = decided.fate;
  if (guard !== null && member !== null) {
    const verb = fate.kind === 'suspend' ? 'suspended' : fate.kind === 'remove' ? 'removed' : fate.kind === 'unsuspend' && protectedBy !== null ? 'unsuspended' : null;
    if (verb !== null) {
      ctx.reports.push({
        kind: 'protected_member',
        email: member.emailKey,
        teamMemberId: member.teamMemberId,
        oktaUserId: user?.id ?? null,
        message: `protected (${guard}): would have been ${verb} because ${fate.why}`,
      });
      fate = { kind: 'leave', why: `protected (${guard})` };
    }
  }
  if (member !== null && member.status === 'invited' && fate.kind !== 'remove') {
    ctx.waiting.push({
      kind: 'pending_invite',
      email: member.emailKey,
      teamMemberId: member.teamMemberId,
      oktaUserId: user?.id ?? null,
      since: member.invitedOn,
      ageDays: ageInDays(member.invitedOn, ctx.nowMs),
      dueDate: null,
      message: `invited to Dropbox on ${day(member.invitedOn)}; the invitation is not accepted yet`,
    });
  }
  return { user, userSlot, member, removed, how, slot, protectedBy, fate, rule: decided.rule };
}

/**
 * "assigned directly to the app" (app user scope USER) / "assigned via Okta group Contractors"
 * (scope GROUP: the app's groups, GET /apps/{id}/groups, that the person is in).
 */
export function assignedVia(ctx: PlanContext, user: OktaUser): string {
  const scope = ctx.index.assignment.get(user.id);
  if (scope === undefined) return `not assigned to the app ${ctx.desired.okta.appId}`;
  if (scope === 'USER') return 'assigned directly to the app';
  const groups = ctx.index.appGroupsOf(user.id);
  if (groups.length > 0) return `assigned via Okta ${groups.length === 1 ? 'group' : 'groups'} ${list(groups)}`;
  // In none of the app groups whose members were read: one unread app group must be it.
  const unread = ctx.index.unreadAppGroups();
  if (unread.length === 1) return `assigned via Okta group ${unread[0]!}`;
  // The reader reads the members of two or more unread app groups; without them, say so rather than guess.
  return unread.length === 0 ? 'assigned via an Okta group' : `assigned via an Okta group (members not read; the app's groups are ${list(unread)})`;
}

function decideForUser(ctx: PlanContext, user: OktaUser, member: DropboxMember | null, removed: DropboxMember | null): Decided {
  if (user.status === 'DEPROVISIONED') return deactivated(ctx, user, member);
  if (user.status === 'SUSPENDED') return oktaSuspended(ctx, user, member);
  const assigned = ctx.index.assignment.has(user.id);
  const fact = (): string => activeFact(ctx, user);

  if (PENDING_STATUSES.has(user.status)) {
    const since = user.statusChanged ?? user.created;
    // Already a Dropbox member (e.g. imported from Dropbox into Okta as STAGED): managed as it is,
    // nothing to wait for; only a person not yet in Dropbox awaits the Okta activation.
    if (assigned && member === null) {
      ctx.waiting.push({
        kind: 'awaiting_activation',
        email: user.email,
        teamMemberId: null,
        oktaUserId: user.id,
        since,
        ageDays: ageInDays(since, ctx.nowMs),
        dueDate: null,
        message: `${user.status} in Okta since ${day(since)}: added to Dropbox once the Okta account is activated`,
      });
      return { fate: { kind: 'absent', why: `${fact()}; awaiting activation` }, rule: null };
    }
    if (assigned) return { fate: { kind: 'keep', why: fact() }, rule: null };
    if (member === null) return { fate: { kind: 'absent', why: `${user.status} in Okta, not assigned` }, rule: null };
    ctx.reports.push({
      kind: 'unassigned_member',
      email: member.emailKey,
      teamMemberId: member.teamMemberId,
      oktaUserId: user.id,
      message: `matches Okta user ${user.id}, which is ${user.status} and not assigned to the app; left alone`,
    });
    return { fate: { kind: 'leave', why: `${user.status} in Okta and not assigned; left alone` }, rule: null };
  }

  if (!ACTIVE_STATUSES.has(user.status)) return { fate: { kind: 'absent', why: `${user.status} in Okta` }, rule: null };

  if (!assigned) {
    if (member === null) return { fate: { kind: 'absent', why: `${user.status} in Okta but not assigned to the app` }, rule: null };
    return unassigned(ctx, user, member);
  }

  if (member === null) {
    if (removed !== null && removed.isRecoverable) {
      return {
        fate: { kind: 'recover', why: `${fact()}; removed from Dropbox, and Dropbox can still recover the account (${removed.emailKey})` },
        rule: null,
      };
    }
    const previous =
      removed === null
        ? ''
        : `; the previous account (${removed.emailKey}, ${removed.teamMemberId}) was removed and can no longer be recovered (files transferred or the 7-day window passed), so a new account is added`;
    return { fate: { kind: 'add', why: `${fact()}; not in Dropbox${previous}` }, rule: null };
  }
  if (member.status === 'suspended') {
    return { fate: { kind: 'unsuspend', why: `${fact()}; suspended in Dropbox since ${day(member.suspendedOn)}` }, rule: null };
  }
  // Most members are in sync: their reason is only spelled out if an action or `explain` needs it.
  return { fate: new KeepFate(ctx, user), rule: null };
}

/** The fate of a member in sync with Okta, whose reason is computed only when read. */
class KeepFate {
  readonly kind = 'keep';
  constructor(
    private readonly ctx: PlanContext,
    private readonly user: OktaUser,
  ) {}

  get why(): string {
    return activeFact(this.ctx, this.user);
  }
}

/** "assigned via Okta group Contractors (settings.yaml:3 okta.appId 0oa...); ACTIVE in Okta" */
function activeFact(ctx: PlanContext, user: OktaUser): string {
  return `${assignedVia(ctx, user)} (${at(ctx.desired.okta.source)} okta.appId ${ctx.desired.okta.appId}); ${user.status} in Okta`;
}

type OffboardingAction = 'suspend' | 'remove' | 'ignore';

interface CompiledOverride {
  readonly override: OffboardingOverride;
  /** Okta user id → the name of the override's group the user is in. */
  readonly members: ReadonlyMap<string, string>;
  /** The name of an override group whose members were not read: the override may apply to anyone. */
  readonly unread: string | null;
}

const compiledOverrides = new WeakMap<PlanContext, readonly CompiledOverride[]>();

function overridesOf(ctx: PlanContext): readonly CompiledOverride[] {
  let compiled = compiledOverrides.get(ctx);
  if (compiled === undefined) {
    compiled = ctx.desired.offboarding.overrides.map((override) => {
      const members = new Map<string, string>();
      const groups = resolveOktaGroups(ctx.index, override.oktaGroup);
      if (groups.length === 0) {
        // Refused, not warned: a renamed or mistyped "Legal Hold" would silently turn "only ever
        // suspend" into remove + transfer + wipe for the very people it protects.
        ctx.violations.push({
          rule: 'unknown_okta_group',
          message: `offboarding override (${formatSource(override.source)}) names Okta group ${JSON.stringify(override.oktaGroup)}, which Okta does not have; fix the name or remove the override`,
          limit: null,
          value: null,
        });
      }
      let unread: string | null = null;
      for (const group of groups) {
        if (group.memberIds === null) {
          unread ??= group.name;
          ctx.warnings.push({
            code: 'okta_group_members_unknown',
            message: `the members of Okta group ${group.name} (offboarding override: ${override.action}) were not read; the override is applied to everyone it could concern`,
            source: formatSource(override.source),
          });
        }
        for (const userId of group.memberIds ?? []) if (!members.has(userId)) members.set(userId, group.name);
      }
      return { override, members, unread };
    });
    compiledOverrides.set(ctx, compiled);
  }
  return compiled;
}

/** The override (by Okta group membership) that applies to a user: the least destructive wins. */
export function overrideFor(ctx: PlanContext, user: OktaUser): { action: OffboardingAction; rule: string } | null {
  const rank: Record<OffboardingAction, number> = { ignore: 0, suspend: 1, remove: 2 };
  let best: { action: OffboardingAction; rule: string } | null = null;
  for (const { override, members, unread } of overridesOf(ctx)) {
    const group = members.get(user.id);
    let rule: string;
    if (group !== undefined) rule = `${at(override.source)} overrides: member of Okta group ${group} → ${override.action}`;
    // Unknown membership must not let a removal through that the override might forbid.
    else if (unread !== null && override.action !== 'remove') rule = `${at(override.source)} overrides: Okta group ${unread} → ${override.action} (its members were not read)`;
    else continue;
    const candidate = { action: override.action, rule };
    if (best === null || rank[candidate.action] < rank[best.action]) best = candidate;
  }
  return best;
}

function invitedRemoval(why: string): Fate {
  return {
    kind: 'remove',
    why: `${why}; the member never joined (invited), and Dropbox cannot suspend an invitation, so it is removed`,
    invited: true,
  };
}

function suspendOrRemove(
  ctx: PlanContext,
  user: OktaUser | null,
  member: DropboxMember,
  action: OffboardingAction,
  why: string,
  rule: string,
  wipeData: boolean,
): Decided {
  let effective = action;
  let reason = why;
  if (user !== null && action === 'remove') {
    const override = overrideFor(ctx, user);
    if (override !== null && override.action !== 'remove') {
      effective = override.action;
      reason = `${why}; ${override.rule}`;
      rule = override.rule;
    }
  }
  switch (effective) {
    case 'ignore':
      return { fate: { kind: 'leave', why: reason }, rule };
    case 'suspend':
      if (member.status === 'invited') return { fate: invitedRemoval(reason), rule };
      if (member.status === 'suspended') return { fate: { kind: 'stay_suspended', why: reason }, rule };
      return { fate: { kind: 'suspend', why: reason, wipeData, removeAfter: null }, rule };
    case 'remove':
      if (member.status === 'invited') return { fate: invitedRemoval(reason), rule };
      return { fate: { kind: 'remove', why: reason, invited: false }, rule };
    default:
      return assertNever(effective, 'offboarding action');
  }
}

function deactivated(ctx: PlanContext, user: OktaUser, member: DropboxMember | null): Decided {
  const since = `DEPROVISIONED in Okta since ${day(user.statusChanged)}`;
  if (member === null) return { fate: { kind: 'absent', why: `${since}; not in Dropbox` }, rule: null };
  const settings = ctx.desired.offboarding.onDeactivated;
  const override = overrideFor(ctx, user);
  const rule = override?.rule ?? `${at(settings.source)} onDeactivated: ${settings.action}`;
  const action: OffboardingAction = override?.action ?? settings.action;
  const why = `${since} (${rule})`;

  let reason = why;
  if (action === 'remove' && member.status !== 'invited' && settings.graceDays > 0) {
    const start = user.statusChanged ?? user.lastUpdated ?? ctx.now;
    const due = addDays(start, settings.graceDays);
    reason = `${why}; the grace period of ${settings.graceDays} days (${at(settings.source)} graceDays) ended ${day(due)}`;
    if (ctx.nowMs < Date.parse(due)) {
      const grace = `${why}; grace period of ${settings.graceDays} days (${at(settings.source)} graceDays): suspended now, removed after ${day(due)}`;
      ctx.waiting.push({
        kind: 'grace_period',
        email: member.emailKey,
        teamMemberId: member.teamMemberId,
        oktaUserId: user.id,
        since: start,
        ageDays: ageInDays(start, ctx.nowMs),
        dueDate: due,
        message: `${since}; removed from Dropbox after ${day(due)} (graceDays ${settings.graceDays})`,
      });
      if (member.status === 'suspended') return { fate: { kind: 'stay_suspended', why: grace }, rule };
      // Devices are wiped, if at all, on removal: the grace period exists for second thoughts.
      return { fate: { kind: 'suspend', why: grace, wipeData: false, removeAfter: due }, rule };
    }
  }
  // An override that says "suspend" means "only ever suspended": devices are wiped only as
  // onSuspended says, never because of onDeactivated (a legal hold must not lose anything).
  const wipeData = override !== null && action === 'suspend' ? ctx.desired.offboarding.onSuspended.wipeData : settings.wipeData;
  // The override (if any) is already folded into `action`: pass no user so it is not applied twice.
  return suspendOrRemove(ctx, null, member, action, reason, rule, wipeData);
}

function oktaSuspended(ctx: PlanContext, user: OktaUser, member: DropboxMember | null): Decided {
  const since = `SUSPENDED in Okta since ${day(user.statusChanged)}`;
  if (member === null) return { fate: { kind: 'absent', why: `${since}; not in Dropbox` }, rule: null };
  const settings = ctx.desired.offboarding.onSuspended;
  const rule = `${at(settings.source)} onSuspended: ${settings.action}`;
  return suspendOrRemove(ctx, user, member, settings.action, `${since} (${rule})`, rule, settings.wipeData);
}

function unassigned(ctx: PlanContext, user: OktaUser, member: DropboxMember): Decided {
  const setting = ctx.desired.provisioning.unassigned;
  const rule = `${at(ctx.desired.provisioning.source)} provisioning.unassigned: ${setting}`;
  const why = `${user.status} in Okta but not assigned to the app ${ctx.desired.okta.appId} (${rule})`;
  return suspendOrRemove(ctx, user, member, setting, why, rule, ctx.desired.offboarding.onSuspended.wipeData);
}

function decideUnmanaged(ctx: PlanContext, member: DropboxMember): Decided {
  const setting = ctx.desired.provisioning.unmanagedMembers;
  const rule = `${at(ctx.desired.provisioning.source)} provisioning.unmanagedMembers: ${setting}`;
  const ext = member.externalId ?? '';
  const fact = `no Okta user has ${ext === '' ? '' : `id ${ext} or `}email ${member.emailKey}`;
  const why = `${display(member.givenName, member.surname, member.emailKey)}: ${fact} (${rule})`;
  switch (setting) {
    case 'report':
      ctx.reports.push({
        kind: 'unmanaged_member',
        email: member.emailKey,
        teamMemberId: member.teamMemberId,
        oktaUserId: null,
        message: `${member.status} Dropbox member unknown to Okta: ${fact}; left alone (${rule})`,
      });
      return { fate: { kind: 'leave', why }, rule };
    case 'ignore':
      return { fate: { kind: 'leave', why }, rule };
    case 'remove':
      return suspendOrRemove(ctx, null, member, 'remove', why, rule, ctx.desired.offboarding.onDeactivated.wipeData);
    default:
      return assertNever(setting, 'unmanagedMembers');
  }
}
