/** Small formatting helpers shared by the planner's reasons, reports and explanations. */
import type { SourceRef } from '../domain/desired.js';
import type { OktaUser } from '../domain/live.js';
import { formatSource } from '../text/words.js';

const DAY_MS = 86_400_000;

/** "roles.yaml:12", or "default" for a setting the YAML leaves out. */
export function at(source: SourceRef | null): string {
  return source === null ? 'default' : formatSource(source, 'line');
}

/** The YYYY-MM-DD part of an ISO timestamp, or "an unknown date". */
export function day(iso: string | null): string {
  return iso === null ? 'an unknown date' : iso.slice(0, 10);
}

/** Whole days from `since` to `now`, never negative; null when `since` is unknown or unparsable. */
export function ageInDays(since: string | null, now: number): number | null {
  if (since === null) return null;
  const start = Date.parse(since);
  if (Number.isNaN(start)) return null;
  return Math.max(0, Math.floor((now - start) / DAY_MS));
}

/** `iso` plus whole days, as an ISO timestamp (UTC). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** "Ada Lovelace <ada@acme.example>", or the bare email when no name is known. */
export function display(givenName: string, surname: string, email: string): string {
  const name = `${givenName} ${surname}`.trim();
  return name === '' ? email : `${name} <${email}>`;
}

/** A string attribute of an Okta profile ('' when absent or not a string). */
export function profileString(user: OktaUser, attribute: string): string {
  const value = user.profile[attribute];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Total order on strings by UTF-16 code units: locale-independent, so plans are byte-equal everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** YAML order: file, then line, then column. */
export function compareSources(a: SourceRef, b: SourceRef): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.col - b.col;
}

/** "A, B and C" */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
