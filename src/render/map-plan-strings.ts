/** A copy of a plan with `fn` applied to every string in it, at any depth (the input is not changed). */
import type { Plan } from '../domain/plan.js';

function mapValue(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapValue(v, fn));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = mapValue(v, fn);
    return out;
  }
  return value;
}

export function mapPlanStrings(plan: Plan, fn: (text: string) => string): Plan {
  return mapValue(plan, fn) as Plan;
}
