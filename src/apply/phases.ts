/**
 * Execution phases. The planner emits actions already in execution order (src/plan/ordering.ts);
 * the executor cuts that order into phases — maximal runs of consecutive actions of the same
 * planner phase — and lets actions inside one phase run concurrently, while a phase starts only
 * when the previous one has settled. So add-before-remove holds even between actions that do not
 * name each other in dependsOn: a half-applied run never strips access the rest of the plan would
 * have kept, and a new admin is in place before an old one is demoted.
 */
import type { Action } from '../domain/plan.js';
import { phase } from '../plan/ordering.js';

/** Consecutive actions of equal phase form one phase; the plan's order is never changed. */
export function splitPhases(actions: readonly Action[]): Action[][] {
  const phases: Action[][] = [];
  let current = -1;
  for (const action of actions) {
    const p = phase(action);
    if (phases.length === 0 || p !== current) {
      phases.push([]);
      current = p;
    }
    phases[phases.length - 1]!.push(action);
  }
  return phases;
}
