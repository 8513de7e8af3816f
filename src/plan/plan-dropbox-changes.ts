import type { Plan } from '../domain/plan.js';
import { analyze, type PlanInput } from './analyze.js';

/**
 * Plans the changes that bring the Dropbox team to the desired state. Pure and synchronous: no I/O,
 * no clock (`now` is a parameter), inputs never mutated; the same inputs, in any order, give a
 * byte-equal `JSON.stringify(plan)`.
 */
export function planDropboxChanges(input: PlanInput): Plan {
  return analyze(input).plan;
}
