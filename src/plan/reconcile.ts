/**
 * What `reconcile` may apply of a plan without a pull request (design.md "Lifecycle changes"):
 * every action is sorted into a lifecycle class; the classes of `reconcile.apply` run, the others
 * are held with their reason. A removal brake (per run, per percent, per rolling day) holds every
 * removal and suspension; the brakes on members removed from groups, role demotions and group
 * deletions hold the actions of their kind; minTeamAdmins holds what lowers the team admins; any other refusal of
 * the safety verdict holds everything. A held action holds what depends on it. Pure.
 */
import type { ReconcileClass, ReconcileSettings, SourceRef } from '../domain/desired.js';
import { assertNever } from '../domain/errors.js';
import { ACTION_KINDS, isDemotion, type Action, type ActionKind, type Plan, type SafetyViolation } from '../domain/plan.js';
import { formatSource } from '../text/words.js';

/** The class of an action, or null for a kind reconcile never runs (Okta writes belong to import). */
export function reconcileClassOf(action: Action): ReconcileClass | null {
  switch (action.kind) {
    case 'member.add':
      // A new hire granted an admin role is a role raised from nothing: privileged, like a promotion.
      return action.role === 'member_only' ? 'join' : 'rolePromotion';
    case 'member.remove':
    // The transfer a removal carries (design.md: `leave` = member.remove and its transfer), made
    // apart when the removal left the files behind.
    case 'member.move_former_files':
      return 'leave';
    case 'member.suspend':
      return 'suspend';
    case 'member.unsuspend':
    case 'member.recover':
      return 'reactivate';
    case 'member.update_profile':
      return 'profile';
    case 'member.set_role':
      // design.md: demotions follow the `leave` rules.
      return isDemotion(action.from, action.to) ? 'leave' : 'rolePromotion';
    case 'group.members.add':
    case 'group.members.remove':
      return 'groupMembership';
    case 'group.create':
      return 'groupCreate';
    case 'group.rename':
      return 'groupRename';
    case 'group.delete':
      return 'groupDelete';
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      return null;
    default:
      return assertNever(action, 'action kind');
  }
}

/** A planned change reconcile does not apply, and why. */
export interface HeldChange {
  readonly action: Action;
  readonly class: ReconcileClass | null;
  readonly reason: string;
}

export interface ReconcileSelection {
  /** The runnable part: the allowed actions, in the plan's order, with their own summary. */
  readonly plan: Plan;
  readonly held: readonly HeldChange[];
  /** The safety violations that held something (all of them: each one makes the run exit 1). */
  readonly refusals: readonly SafetyViolation[];
}

/** Rules that cap removals and suspensions; their refusal holds every removal and suspension. */
export const REMOVAL_BRAKES: ReadonlySet<string> = new Set(['max_removals', 'max_removal_percent', 'max_removals_per_day']);

const isRemoval = (a: Action): boolean => a.kind === 'member.remove' || a.kind === 'member.suspend';
const lowersAdmins = (a: Action): boolean => isRemoval(a) || (a.kind === 'member.set_role' && a.from === 'team_admin' && a.to !== 'team_admin');

/** The brakes on one destructive kind each: a refusal holds the actions of that kind only. */
const KIND_BRAKES: ReadonlyMap<string, (a: Action) => boolean> = new Map([
  ['max_group_member_removals', (a: Action) => a.kind === 'group.members.remove'],
  ['max_role_demotions', (a: Action) => a.kind === 'member.set_role' && isDemotion(a.from, a.to)],
  ['max_group_deletions', (a: Action) => a.kind === 'group.delete'],
]);

/**
 * Sort the plan's actions into applied and held. `extra` are violations found outside the planner
 * (the rolling daily brake, counted from Dropbox's audit log).
 */
export function selectForReconcile(plan: Plan, settings: ReconcileSettings, extra: readonly SafetyViolation[] = []): ReconcileSelection {
  const refusals = [...plan.safety.violations, ...extra];
  const allowed = new Set(settings.apply);
  const reasons = new Map<string, string>();
  const brake = refusals.find((v) => REMOVAL_BRAKES.has(v.rule));
  const admins = refusals.find((v) => v.rule === 'min_team_admins');
  const kindBrakes = refusals.filter((v) => KIND_BRAKES.has(v.rule));
  const other = refusals.find((v) => !REMOVAL_BRAKES.has(v.rule) && !KIND_BRAKES.has(v.rule) && v.rule !== 'min_team_admins');
  for (const action of plan.actions) {
    const cls = reconcileClassOf(action);
    const kindBrake = kindBrakes.find((v) => KIND_BRAKES.get(v.rule)!(action));
    if (other !== undefined) reasons.set(action.id, `refused by the safety checks (${other.rule}: ${other.message})`);
    else if (brake !== undefined && isRemoval(action)) reasons.set(action.id, `removal brake ${brake.rule}: ${brake.message}`);
    else if (kindBrake !== undefined) reasons.set(action.id, `brake ${kindBrake.rule}: ${kindBrake.message}`);
    else if (admins !== undefined && lowersAdmins(action)) reasons.set(action.id, `min_team_admins: ${admins.message}`);
    else if (cls === null) reasons.set(action.id, 'Okta writes are made by dbxsync import --apply, never by reconcile');
    else if (!allowed.has(cls)) reasons.set(action.id, `class ${cls} is held by reconcile.hold (${settings.source ? formatSource(settings.source) : 'default'}); approve it through a pull request or dbxsync apply`);
  }
  // A held action holds what depends on it, transitively (dependencies may name later actions).
  for (let changed = true; changed; ) {
    changed = false;
    for (const action of plan.actions) {
      if (reasons.has(action.id)) continue;
      const dep = action.dependsOn.find((d) => reasons.has(d));
      if (dep !== undefined) {
        reasons.set(action.id, `waits for the held ${dep}`);
        changed = true;
      }
    }
  }
  const held = plan.actions.filter((a) => reasons.has(a.id)).map((a) => ({ action: a, class: reconcileClassOf(a), reason: reasons.get(a.id)! }));
  const actions = plan.actions.filter((a) => !reasons.has(a.id));
  const summary: Partial<Record<ActionKind, number>> = {};
  for (const kind of ACTION_KINDS) {
    const count = actions.filter((a) => a.kind === kind).length;
    if (count > 0) summary[kind] = count;
  }
  return { plan: { ...plan, actions, summary, safety: { ok: true, violations: [] } }, held, refusals };
}

/** Removals and suspensions this run's classes would apply: the rolling brake needs no audit log read without one. */
export function plannedRemovals(plan: Plan, settings: ReconcileSettings): number {
  const allowed = new Set(settings.apply);
  return plan.actions.filter((a) => isRemoval(a) && allowed.has(reconcileClassOf(a)!)).length;
}

/**
 * The rolling brake (safety.maxRemovalsPerDay): `madeInLastDay` removals and suspensions by this
 * admin in the last 24 hours (from Dropbox's audit log), plus the ones this run would make, may not
 * exceed the limit. Only the removals the run's classes would apply count.
 */
export function dailyRemovalBrake(plan: Plan, settings: ReconcileSettings, madeInLastDay: number, safetySource: SourceRef | null): SafetyViolation[] {
  const planned = plannedRemovals(plan, settings);
  if (planned === 0 || madeInLastDay + planned <= settings.maxRemovalsPerDay) return [];
  const where = safetySource ? ` (${formatSource(safetySource)})` : '';
  return [
    {
      rule: 'max_removals_per_day',
      message: `${madeInLastDay} removals and suspensions by this admin in the last 24 hours (Dropbox audit log) and ${planned} more in this run exceed safety.maxRemovalsPerDay ${settings.maxRemovalsPerDay}${where}`,
      limit: settings.maxRemovalsPerDay,
      value: madeInLastDay + planned,
    },
  ];
}
