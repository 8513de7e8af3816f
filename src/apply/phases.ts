/**
 * Execution phases. The plan carries each action's phase as data (the planner that wrote it
 * decided them, src/plan/ordering.ts); the executor cuts the plan's order into phases — maximal
 * runs of consecutive actions of the same phase — and lets actions inside one phase run
 * concurrently, while a phase starts only when the previous one has settled. So add-before-remove
 * holds even between actions that do not name each other in dependsOn: a half-applied run never
 * strips access the rest of the plan would have kept, and a new admin is in place before an old one
 * is demoted. Apply never re-derives the order: a plan is run by the rule of the version that wrote it.
 */
import type { PlannedAction } from '../domain/plan.js';

/** Consecutive actions of equal phase form one phase; the plan's order is never changed. */
export function splitPhases<A extends PlannedAction>(actions: readonly A[]): A[][] {
  const phases: A[][] = [];
  let current = -1;
  for (const action of actions) {
    if (phases.length === 0 || action.phase !== current) {
      phases.push([]);
      current = action.phase;
    }
    phases[phases.length - 1]!.push(action);
  }
  return phases;
}

/**
 * Why the plan cannot be run by its phases, in one line, or null: a plan without them (an older
 * dbxsync wrote it) is never ordered by a guess.
 */
export function missingPhase(actions: readonly { readonly id: string; readonly phase?: unknown }[]): string | null {
  const at = actions.findIndex((a) => typeof a.phase !== 'number' || !Number.isInteger(a.phase) || a.phase < 0);
  if (at < 0) return null;
  return `actions[${at}] (${actions[at]!.id}) has no execution phase: the plan was written by an older dbxsync (or by hand); plan again with this version`;
}
