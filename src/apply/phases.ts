/**
 * Execution phases. The planner emits actions already ordered; the executor cuts that order into
 * phases (maximal runs of consecutive actions of the same phase rank) and lets actions inside one
 * phase run concurrently, while a phase starts only when the previous one has settled.
 */
import { isDemotion } from '../domain/plan.js';
import type { Action } from '../domain/plan.js';
import { assertNever } from '../domain/errors.js';

/**
 * The same ranks as the planner's execution order (src/plan/ordering.ts), so that the executor's
 * phases are the planner's. Add before remove: a half-applied run never strips access that the
 * rest of the plan would have kept, and a new admin is in place before an old one is demoted
 * (Dropbox refuses to demote or remove the last admin).
 */
export function phaseRank(action: Action): number {
  switch (action.kind) {
    case 'group.create':
      return 0;
    case 'group.rename':
      return 1;
    case 'member.add':
    case 'member.recover':
    case 'member.unsuspend':
      return 2;
    case 'member.update_profile':
      return 3;
    case 'member.set_role':
      return isDemotion(action.from, action.to) ? 5 : 4;
    case 'group.members.add':
      return 6;
    case 'group.members.remove':
      return 7;
    case 'member.suspend':
      return 8;
    case 'member.remove':
      return 9;
    case 'group.delete':
      return 10;
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      return 11;
    default:
      return assertNever(action, 'action kind');
  }
}

/** Consecutive actions of equal rank form one phase; the plan's order is never changed. */
export function splitPhases(actions: readonly Action[]): Action[][] {
  const phases: Action[][] = [];
  let rank = -1;
  for (const action of actions) {
    const r = phaseRank(action);
    if (phases.length === 0 || r !== rank) {
      phases.push([]);
      rank = r;
    }
    phases[phases.length - 1]!.push(action);
  }
  return phases;
}
