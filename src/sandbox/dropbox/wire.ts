/**
 * The Dropbox wire format as the sandbox speaks it: argument readers that answer malformed input
 * with a 400 plain-text error (as Dropbox does), route errors that become 409
 * `{error_summary, error: {".tag": ...}}`, and union helpers.
 */

/** A malformed argument: HTTP 400 with a plain-text body (ref §7: "Body is usually plain text"). */
export class BadRequest extends Error {}

/** A route-specific error: HTTP 409 with `{error_summary, error}` (ref §7). */
export class RouteError extends Error {
  constructor(
    readonly tag: string,
    /** Members flattened next to the tag (struct) or under the tag's key (primitive/list), ref §0. */
    readonly fields: Readonly<Record<string, unknown>> = {},
  ) {
    super(tag);
  }

  body(): { error_summary: string; error: Record<string, unknown> } {
    return { error_summary: `${this.tag}/..`, error: { '.tag': this.tag, ...this.fields } };
  }
}

export type { Obj } from '../../transport/shape.js';
import type { Obj } from '../../transport/shape.js';

function describe(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

export function asObject(v: unknown, path: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new BadRequest(`${path}: expected object, got ${describe(v)}`);
  return v as Obj;
}

export function asList(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new BadRequest(`${path}: expected list, got ${describe(v)}`);
  return v;
}

export interface StringRule {
  readonly max?: number;
  readonly min?: number;
  readonly pattern?: RegExp;
}

function checkString(v: unknown, path: string, rule: StringRule): string {
  if (typeof v !== 'string') throw new BadRequest(`${path}: expected string, got ${describe(v)}`);
  // Stone's max_length / min_length count characters (code points), not UTF-16 units.
  if (rule.max !== undefined && [...v].length > rule.max) throw new BadRequest(`${path}: '${v}' length is greater than ${rule.max}`);
  if (rule.min !== undefined && [...v].length < rule.min) throw new BadRequest(`${path}: '${v}' length is less than ${rule.min}`);
  if (rule.pattern && !rule.pattern.test(v)) throw new BadRequest(`${path}: '${v}' did not match pattern '${rule.pattern.source}'`);
  return v;
}

export function reqString(o: Obj, key: string, path: string, rule: StringRule = {}): string {
  if (o[key] === undefined || o[key] === null) throw new BadRequest(`${path}: missing required field '${key}'`);
  return checkString(o[key], `${path}.${key}`, rule);
}

export function optString(o: Obj, key: string, path: string, rule: StringRule = {}): string | undefined {
  if (o[key] === undefined || o[key] === null) return undefined;
  return checkString(o[key], `${path}.${key}`, rule);
}

export function optBool(o: Obj, key: string, path: string, fallback: boolean): boolean {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new BadRequest(`${path}.${key}: expected boolean, got ${describe(v)}`);
  return v;
}

/** UInt32 with bounds; out of range is a 400 (ref §2.1: limit 1..1000). */
export function optUInt(o: Obj, key: string, path: string, bounds: { min: number; max: number; fallback: number }): number {
  const v = o[key];
  if (v === undefined || v === null) return bounds.fallback;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new BadRequest(`${path}.${key}: expected integer, got ${describe(v)}`);
  if (v < bounds.min) throw new BadRequest(`${path}.${key}: ${v} is less than ${bounds.min}`);
  if (v > bounds.max) throw new BadRequest(`${path}.${key}: ${v} is greater than ${bounds.max}`);
  return v;
}

/** A union member without a value: a bare string or `{".tag": ...}` (ref §0, Void shorthand). */
export function voidUnion<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  const tag = typeof v === 'string' ? v : v !== null && typeof v === 'object' ? (v as Obj)['.tag'] : undefined;
  if (typeof tag !== 'string' || !(allowed as readonly string[]).includes(tag)) {
    throw new BadRequest(`${path}: unknown tag ${describe(tag ?? v)}`);
  }
  return tag as T;
}

export type UserSelector =
  | { readonly by: 'team_member_id'; readonly value: string }
  | { readonly by: 'external_id'; readonly value: string }
  | { readonly by: 'email'; readonly value: string };

/** UserSelectorArg (closed union, exactly one of three, ref §1). */
export function userSelector(v: unknown, path: string): UserSelector {
  const o = asObject(v, path);
  const tag = voidUnion(o['.tag'], `${path}..tag`, ['team_member_id', 'external_id', 'email'] as const);
  const value = reqString(o, tag, path, tag === 'email' ? { max: 255 } : tag === 'external_id' ? { max: 64 } : {});
  return { by: tag, value };
}

/** The value a selector names, as Dropbox echoes it back in id_not_found / users_not_found. */
export function selectorText(sel: UserSelector): string {
  return sel.value;
}

export type GroupSelector = { readonly by: 'group_id'; readonly value: string } | { readonly by: 'group_external_id'; readonly value: string };

/** GroupSelector (closed union, ref §4). */
export function groupSelector(v: unknown, path: string): GroupSelector {
  const o = asObject(v, path);
  const tag = voidUnion(o['.tag'], `${path}..tag`, ['group_id', 'group_external_id'] as const);
  return { by: tag, value: reqString(o, tag, path) };
}

/** common.stone EmailAddress: ≤255 chars, TLD of 2–15 letters (ref §0). */
export const EMAIL_RULE: StringRule = {
  max: 255,
  pattern: /^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/,
};
/** OptionalNamePart: ≤50 chars, none of / : ? * < > " | (ref §0). */
export const OPTIONAL_NAME_RULE: StringRule = { max: 50, pattern: /^[^/:?*<>"|]*$/ };
/** MemberExternalId: ≤64 chars (ref §0). */
export const EXTERNAL_ID_RULE: StringRule = { max: 64 };
/** TeamMemberRoleId: ≤128, pattern pid_dbtmr:... (ref §0). */
export const ROLE_ID_RULE: StringRule = { max: 128, pattern: /^pid_dbtmr:.*$/ };
