/** Small helpers shared by the renderer tests. */
import type { Plan } from '../../src/domain/plan.js';

/** A deep-frozen deep copy: rendering it proves the renderers never mutate their input. */
export function frozenCopy(plan: Plan): Plan {
  const freeze = (value: unknown): unknown => {
    if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) freeze(v);
      Object.freeze(value);
    }
    return value;
  };
  return freeze(structuredClone(plan)) as Plan;
}

/** ANSI escapes made visible, so coloured snapshots are reviewable text. */
export function showEscapes(text: string): string {
  return text.replace(/\x1b/g, '␛');
}

/** Every email address in the plan's data (fields and free text). */
export function emailsIn(plan: Plan): string[] {
  const found = new Set<string>();
  for (const m of JSON.stringify(plan).matchAll(/[a-z0-9._'+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi)) found.add(m[0].toLowerCase());
  return [...found].sort();
}
