/**
 * The shapes the adapters depend on, checked where an answer comes in (issue 12 item 5): a field
 * the plan needs that is missing (or null, or of another type) fails the read with one line
 * naming the route and the field, instead of being guessed ("undefined" as a group name, a user
 * without status dropped) or crashing later (`Cannot read properties of null`).
 */
import { RemoteError } from '../domain/errors.js';
import type { Service } from './origin.js';

export type Obj = Record<string, unknown>;

/** Where an answer came from: the service and route, and what the item is ("a member"). */
export interface AnswerAt {
  readonly service: Service;
  readonly route: string;
}

export function invalidAnswer(at: AnswerAt, what: string): RemoteError {
  return new RemoteError({ service: at.service, route: at.route, code: 'invalid_response', message: `the answer has ${what}; nothing is planned from it` });
}

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value` as an object, or the refusal naming `what` ("a member", "the body"). */
export function requireObj(at: AnswerAt, value: unknown, what: string): Obj {
  if (isObj(value)) return value;
  throw invalidAnswer(at, `${what} that is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}, not an object`);
}

/**
 * The value at a dotted `path` of `item` (e.g. "profile.team_member_id"), required to be a
 * non-empty string; `what` names the item ("a member").
 */
export function requireString(at: AnswerAt, item: Obj, path: string, what: string): string {
  const value = valueAt(item, path);
  if (typeof value === 'string' && value !== '') return value;
  throw invalidAnswer(at, `${what} without ${path}${value === undefined ? '' : ` (${value === null ? 'null' : value === '' ? 'empty' : typeof value})`}`);
}

/** The value at `path`, required to be of type `type` (a list: 'array'). */
export function requireField<T>(at: AnswerAt, item: Obj, path: string, type: 'object' | 'array' | 'number' | 'boolean' | 'string', what: string): T {
  const value = valueAt(item, path);
  const ok = type === 'array' ? Array.isArray(value) : type === 'object' ? isObj(value) : typeof value === type;
  if (ok) return value as T;
  throw invalidAnswer(at, `${what} without ${path}${value === undefined ? '' : ` (${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value} instead of ${type === 'array' ? 'a list' : type})`}`);
}

function valueAt(item: Obj, path: string): unknown {
  let v: unknown = item;
  for (const key of path.split('.')) v = isObj(v) ? v[key] : undefined;
  return v;
}
