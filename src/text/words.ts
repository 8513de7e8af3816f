/** Wording shared by every output: counts, YAML positions. Pure. */
import type { SourceRef } from '../domain/desired.js';

/** 1234567 → "1,234,567" (fixed, whatever the locale). */
export function groupDigits(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * "1 member", "3 members": `many` defaults to `one` + "s"; `count` writes the number (plain by
 * default, {@link groupDigits} where counts may run into thousands).
 */
export function plural(n: number, one: string, many = `${one}s`, count: (n: number) => string = String): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/**
 * Where a value stands in the YAML: "roles.yaml:12:5", or "roles.yaml:12" with `detail` 'line'
 * (the planner's reasons name the line only).
 */
export function formatSource(source: Pick<SourceRef, 'file' | 'line' | 'col'>, detail: 'line' | 'column' = 'column'): string {
  return detail === 'line' ? `${source.file}:${source.line}` : `${source.file}:${source.line}:${source.col}`;
}

/** {@link plural} with the number's digits grouped ("1,204 members"), for the PR comment and dump's report. */
export function pluralGrouped(n: number, one: string, many = `${one}s`): string {
  return plural(n, one, many, groupDigits);
}
