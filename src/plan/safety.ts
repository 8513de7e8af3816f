/**
 * The safety verdict on a complete plan: removal limits (absolute, and percent of the active
 * members from safety.minMembersForPercent on), the minimum of active team admins after the plan,
 * limits on the other destructive kinds (members removed from groups, role demotions, group
 * deletions), and the violations found while planning (invalid values, transfer destinations,
 * ambiguous identities). A refused plan is still complete: the verdict only says whether it may run.
 */
import type { Role, SafetyException } from '../domain/desired.js';
import { isDemotion, type Action, type SafetyVerdict, type SafetyViolation, type Warning } from '../domain/plan.js';
import type { PlanContext } from './context.js';
import { at, compareSources, compareStrings } from './text.js';
import { formatSource, plural } from '../text/words.js';

type Limit = 'maxRemovals' | 'maxRemovalPercent' | 'minTeamAdmins' | 'maxGroupMemberRemovals' | 'maxRoleDemotions' | 'maxGroupDeletions';

/**
 * The absolute limits on destructive kinds other than member removals (peribolos caps membership
 * and team removals; octoDNS counts updates too): the rule, the count of the plan, what it counts.
 */
const COUNTED: readonly { key: Limit; rule: string; count: (actions: readonly Action[]) => number; what: (n: number) => string }[] = [
  {
    key: 'maxGroupMemberRemovals',
    rule: 'max_group_member_removals',
    count: (actions) => actions.reduce((n, a) => n + (a.kind === 'group.members.remove' ? a.members.length : 0), 0),
    what: (n) => `${plural(n, 'member')} removed from groups (group.members.remove)`,
  },
  {
    key: 'maxRoleDemotions',
    rule: 'max_role_demotions',
    count: (actions) => actions.filter((a) => a.kind === 'member.set_role' && isDemotion(a.from, a.to)).length,
    what: (n) => `${plural(n, 'role demotion')} (member.set_role to a lower role)`,
  },
  {
    key: 'maxGroupDeletions',
    rule: 'max_group_deletions',
    count: (actions) => actions.filter((a) => a.kind === 'group.delete').length,
    what: (n) => `${plural(n, 'group deletion')} (group.delete)`,
  },
];

/** The limit in force: an unexpired exception may raise a maximum or lower the minimum. */
function limitOf(ctx: PlanContext, key: Limit): { value: number; exception: SafetyException | null } {
  const today = ctx.now.slice(0, 10);
  let value = ctx.desired.safety[key];
  let exception: SafetyException | null = null;
  // YAML order breaks ties between equal exceptions, so the one named does not depend on input order.
  for (const e of [...ctx.desired.safety.exceptions].sort((a, b) => compareSources(a.source, b.source))) {
    const candidate = e[key];
    if (candidate === null || e.expires < today) continue;
    const better = key === 'minTeamAdmins' ? candidate < value : candidate > value;
    if (better) {
      value = candidate;
      exception = e;
    }
  }
  return { value, exception };
}

function describe(ctx: PlanContext, key: Limit, limit: { value: number; exception: SafetyException | null }): string {
  const base = `safety.${key} ${ctx.desired.safety[key]} (${at(ctx.desired.safety.source)})`;
  return limit.exception === null
    ? base
    : `${base}, ${key === 'minTeamAdmins' ? 'lowered' : 'raised'} to ${limit.value} by the exception "${limit.exception.reason}" (${at(limit.exception.source)}, expires ${limit.exception.expires})`;
}

export function safetyVerdict(ctx: PlanContext, actions: readonly Action[], warnings: Warning[]): SafetyVerdict {
  const violations: SafetyViolation[] = [...ctx.violations];
  const removals = actions.filter((a) => a.kind === 'member.remove' || a.kind === 'member.suspend').length;
  const active = ctx.index.members.filter((m) => m.status === 'active');
  const activeCount = ctx.scope?.activeMembers ?? active.length;

  const used = (key: Limit, exceedsBase: boolean, limit: { value: number; exception: SafetyException | null }): void => {
    if (!exceedsBase || limit.exception === null) return;
    warnings.push({
      code: 'safety_exception',
      message: `this plan needs the safety exception "${limit.exception.reason}" (expires ${limit.exception.expires}) for safety.${key}`,
      source: formatSource(limit.exception.source),
    });
  };

  const maxRemovals = limitOf(ctx, 'maxRemovals');
  if (removals > maxRemovals.value) {
    violations.push({
      rule: 'max_removals',
      message: `${plural(removals, 'removal')} (member.remove and member.suspend) exceed ${describe(ctx, 'maxRemovals', maxRemovals)}`,
      limit: maxRemovals.value,
      value: removals,
    });
  } else {
    used('maxRemovals', removals > ctx.desired.safety.maxRemovals, maxRemovals);
  }

  // The floor (octoDNS's MIN_EXISTING_RECORDS): in a team of 5 one leaver is 20%; below
  // safety.minMembersForPercent active members only the absolute maxRemovals applies.
  const percentLimit = limitOf(ctx, 'maxRemovalPercent');
  const percent = activeCount === 0 ? (removals > 0 ? 100 : 0) : Math.round((removals * 10_000) / activeCount) / 100;
  const percentApplies = activeCount >= ctx.desired.safety.minMembersForPercent;
  if (percentApplies && percent > percentLimit.value) {
    violations.push({
      rule: 'max_removal_percent',
      message: `${plural(removals, 'removal')} (member.remove and member.suspend) ${removals === 1 ? 'is' : 'are'} ${percent}% of the ${activeCount} active members, above ${describe(ctx, 'maxRemovalPercent', percentLimit)}`,
      limit: percentLimit.value,
      value: percent,
    });
  } else {
    used('maxRemovalPercent', percentApplies && percent > ctx.desired.safety.maxRemovalPercent, percentLimit);
  }

  for (const { key, rule, count, what } of COUNTED) {
    const value = count(actions);
    const limit = limitOf(ctx, key);
    if (value > limit.value) violations.push({ rule, message: `${what(value)} exceed${value === 1 ? 's' : ''} ${describe(ctx, key, limit)}`, limit: limit.value, value });
    else used(key, value > ctx.desired.safety[key], limit);
  }

  const minAdmins = limitOf(ctx, 'minTeamAdmins');
  // A scoped plan does not know every admin: the caller escalates to a full plan before any team
  // admin is removed, suspended or demoted (PlanScope.activeMembers), so there is nothing to count.
  if (ctx.scope !== null) {
    violations.sort((a, b) => compareStrings(a.rule, b.rule) || compareStrings(a.message, b.message));
    return { ok: violations.length === 0, violations };
  }
  const before = active.filter((m) => m.role === 'team_admin').length;
  const after = teamAdminsAfter(ctx, actions);
  // design.md: "a plan that leaves fewer than minTeamAdmins is refused" — also when the team is
  // already below it: the fix is a reviewed change (promote someone, or a safety exception).
  if (after < minAdmins.value) {
    violations.push({
      rule: 'min_team_admins',
      message: `${after} active team admins after this plan (${before} now), fewer than ${describe(ctx, 'minTeamAdmins', minAdmins)}`,
      limit: minAdmins.value,
      value: after,
    });
  } else {
    used('minTeamAdmins', after < ctx.desired.safety.minTeamAdmins, minAdmins);
  }

  violations.sort((a, b) => compareStrings(a.rule, b.rule) || compareStrings(a.message, b.message));
  return { ok: violations.length === 0, violations };
}

/**
 * Active members holding team_admin once the plan ran. New members are invited, not active, so they
 * do not count; recovered members neither (Dropbox does not say which status they come back with).
 */
export function teamAdminsAfter(ctx: PlanContext, actions: readonly Action[]): number {
  const roleAfter = new Map<string, Role>();
  const gone = new Set<string>();
  const back = new Set<string>();
  for (const a of actions) {
    if (a.kind === 'member.set_role' && a.member.teamMemberId !== null) roleAfter.set(a.member.teamMemberId, a.to);
    if ((a.kind === 'member.suspend' || a.kind === 'member.remove') && a.member.teamMemberId !== null) gone.add(a.member.teamMemberId);
    if (a.kind === 'member.unsuspend' && a.member.teamMemberId !== null) back.add(a.member.teamMemberId);
  }
  let count = 0;
  for (const m of ctx.index.members) {
    const activeAfter = (m.status === 'active' && !gone.has(m.teamMemberId)) || back.has(m.teamMemberId);
    if (activeAfter && (roleAfter.get(m.teamMemberId) ?? m.role) === 'team_admin') count++;
  }
  return count;
}
