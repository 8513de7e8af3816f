/**
 * The plan as JSON (`plan --format json`, `--out`): formatVersion 1, see schemas/plan.schema.json.
 * Byte-stable: the planner builds every object with a fixed key order and sorted arrays, and this
 * adds nothing that varies (no timestamp, no path); two-space indent and a final newline.
 */
import type { Plan } from '../domain/plan.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
