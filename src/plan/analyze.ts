/**
 * The planner's whole computation, kept with its intermediate results (people, pushed groups) so
 * that `explain` can show why, from the same decisions the plan is made of.
 */
import type { DesiredState } from '../domain/desired.js';
import type { DropboxState, OktaState, PlanScope } from '../domain/live.js';
import { ACTION_KINDS, type ActionKind, type Plan, type Report, type Waiting, type Warning } from '../domain/plan.js';
import { protectedMembers, type PlanContext, type Scope } from './context.js';
import { desiredDigest, fingerprint, planContentDigest } from './fingerprint.js';
import { planGroups, type PushedGroup } from './group-actions.js';
import { matchIdentities } from './identity.js';
import { indexLive } from './live-index.js';
import { planMembers, silentAddWarning } from './member-actions.js';
import { executionOrder } from './ordering.js';
import { decideFates, type Person } from './people.js';
import { roleResolver } from './roles.js';
import { safetyVerdict } from './safety.js';
import { display, compareStrings } from './text.js';

/** Everything the planner reads. `now` is an ISO timestamp: the planner never reads the clock. */
export interface PlanInput {
  readonly desired: DesiredState;
  readonly okta: OktaState;
  readonly dropbox: DropboxState;
  readonly now: string;
  readonly toolVersion: string;
  /** Set for an incremental plan: only these people and groups are planned (see PlanScope). */
  readonly scope?: PlanScope | null;
}

export interface Analysis {
  readonly plan: Plan;
  readonly ctx: PlanContext;
  readonly people: readonly Person[];
  readonly pushed: readonly PushedGroup[];
}

export function analyze(input: PlanInput): Analysis {
  const index = indexLive(input.okta, input.dropbox);
  const identity = matchIdentities(index);
  const warnings: Warning[] = [];
  const nowMs = Date.parse(input.now);
  const ctx: PlanContext = {
    desired: input.desired,
    index,
    identity,
    roles: roleResolver(input.desired, index, warnings),
    now: Number.isNaN(nowMs) ? input.now : new Date(nowMs).toISOString(),
    nowMs,
    protectedMembers: protectedMembers(input.desired.provisioning.protectedMembers, index),
    operatorId: input.dropbox.authenticatedAdminId,
    scope: scopeOf(input.scope ?? null),
    reports: [],
    waiting: [],
    warnings,
    violations: [],
  };
  identityFindings(ctx);

  const people = decideFates(ctx);
  const members = planMembers(ctx, people);
  const groups = planGroups(ctx, members.team);
  const actions = executionOrder([...members.actions, ...groups.actions]);
  const silent = silentAddWarning(input.desired, actions);
  if (silent !== null) warnings.push(silent);
  const safety = safetyVerdict(ctx, actions, warnings);

  const summary: Partial<Record<ActionKind, number>> = {};
  for (const kind of ACTION_KINDS) {
    const count = actions.filter((a) => a.kind === kind).length;
    if (count > 0) summary[kind] = count;
  }
  const content: Plan = {
    formatVersion: 1,
    fingerprint: fingerprint(input, index),
    desiredDigest: desiredDigest(input.desired),
    toolVersion: input.toolVersion,
    summary,
    actions,
    reports: uniqueSorted(ctx.reports, reportKey),
    waiting: uniqueSorted(ctx.waiting, waitingKey),
    warnings: uniqueSorted(warnings, (w) => [w.code, w.source ?? '', w.message]),
    safety,
  };
  // Last in the file, like a seal: the digest of everything above it.
  const plan: Plan = { ...content, contentDigest: planContentDigest(content) };
  return { plan, ctx, people, pushed: groups.pushed };
}

function scopeOf(scope: PlanScope | null): Scope | null {
  if (scope === null) return null;
  return { userIds: new Set(scope.userIds), memberIds: new Set(scope.memberIds), groupIds: new Set(scope.groupIds), activeMembers: scope.activeMembers };
}

/** Ambiguous and shadowed matches found by the identity step become violations and reports (in scope only). */
function identityFindings(ctx: PlanContext): void {
  const memberIn = (m: { readonly teamMemberId: string }): boolean => ctx.scope === null || ctx.scope.memberIds.has(m.teamMemberId);
  const userIn = (u: { readonly id: string }): boolean => ctx.scope === null || ctx.scope.userIds.has(u.id);
  for (const { member, users } of ctx.identity.ambiguous.filter((a) => memberIn(a.member))) {
    ctx.violations.push({
      rule: 'ambiguous_identity',
      message: `Dropbox member ${display(member.givenName, member.surname, member.emailKey)} (${member.teamMemberId}) matches ${users.length} Okta users by email (${users.map((u) => u.id).join(', ')}); set its external id to the right Okta id`,
      limit: null,
      value: null,
    });
  }
  for (const { user, members } of ctx.identity.conflicted.filter((c) => userIn(c.user))) {
    ctx.violations.push({
      rule: 'ambiguous_identity',
      message: `Okta user ${user.email} (${user.id}) matches ${members.length} Dropbox members (${members.map((m) => m.teamMemberId).join(', ')}); nothing is planned for them`,
      limit: null,
      value: null,
    });
  }
  for (const { member, kept } of ctx.identity.shadowed.filter((s) => memberIn(s.member))) {
    ctx.reports.push({
      kind: 'ambiguous_match',
      email: member.emailKey,
      teamMemberId: member.teamMemberId,
      oktaUserId: kept.user.id,
      message: `matches Okta user ${kept.user.id} by email, but that user already has Dropbox member ${kept.member.teamMemberId} (by external id); left alone`,
    });
  }
}

function reportKey(r: Report): string[] {
  return [r.kind, r.email, r.teamMemberId ?? '', r.oktaUserId ?? '', r.message];
}

function waitingKey(w: Waiting): string[] {
  return [w.kind, w.email, w.teamMemberId ?? '', w.oktaUserId ?? '', w.message];
}

function uniqueSorted<T>(items: readonly T[], key: (item: T) => string[]): T[] {
  const keyed = items.map((item) => ({ item, key: key(item).join('\u0000') }));
  keyed.sort((a, b) => compareStrings(a.key, b.key));
  return keyed.filter((k, i) => i === 0 || keyed[i - 1]!.key !== k.key).map((k) => k.item);
}
