/**
 * A plan with `fn` applied to every string in it, at any depth. The input is never changed; parts
 * where nothing changes are shared rather than copied, so a pass over a large clean plan is cheap.
 */
import type { Plan } from '../domain/plan.js';

function mapValue(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const mapped = mapValue(v, fn);
      if (mapped !== v) changed = true;
      return mapped;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const mapped = mapValue(v, fn);
      if (mapped !== v) changed = true;
      out[key] = mapped;
    }
    return changed ? out : value;
  }
  return value;
}

export function mapPlanStrings(plan: Plan, fn: (text: string) => string): Plan {
  return mapValue(plan, fn) as Plan;
}

/** Any plain data (an explanation, a summary) with `fn` applied to every string in it. */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  return mapValue(value, fn) as T;
}
