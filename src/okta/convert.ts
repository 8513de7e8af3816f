/**
 * SDK models and raw Okta JSON → the plain live-state shapes. The SDK turns date-time properties
 * into Date objects and gives every known property an own key holding undefined; `_embedded`
 * objects stay raw JSON with ISO strings (reference okta-api.md §1.1, G7). Both forms land here
 * as the same OktaUser: ISO strings, no undefined keys, lower-cased email.
 */
import { OKTA_USER_STATUSES, emailKey, type OktaGroup, type OktaUser, type OktaUserStatus } from '../domain/live.js';
import { requireField, requireObj, requireString, type AnswerAt } from '../transport/shape.js';

const STATUSES: ReadonlySet<string> = new Set<OktaUserStatus>(OKTA_USER_STATUSES);

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && CANONICAL_ISO.test(value)) return value;
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function plainValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plainValue(v);
    return out;
  }
  return value;
}

interface UserLike {
  id?: unknown;
  status?: unknown;
  created?: unknown;
  activated?: unknown;
  statusChanged?: unknown;
  lastUpdated?: unknown;
  transitioningToStatus?: unknown;
  profile?: unknown;
}

/** A User model, UserGetSingleton or raw user JSON → OktaUser; null when it lacks an id. */
export function toOktaUser(source: unknown): OktaUser | null {
  if (!source || typeof source !== 'object') return null;
  const u = source as UserLike;
  if (typeof u.id !== 'string' || u.id === '') return null;
  const profile = (plainValue(u.profile ?? {}) ?? {}) as Record<string, unknown>;
  const rawStatus = String(u.status ?? '').toUpperCase();
  // An unknown status is kept out of the lifecycle logic by reading it as the closest safe one.
  const status = (STATUSES.has(rawStatus) ? rawStatus : 'PROVISIONED') as OktaUserStatus;
  const email = typeof profile['email'] === 'string' ? emailKey(profile['email'] as string) : '';
  const login = typeof profile['login'] === 'string' ? (profile['login'] as string) : '';
  return {
    id: u.id,
    status,
    login,
    email,
    profile,
    created: isoOrNull(u.created),
    activated: isoOrNull(u.activated),
    statusChanged: isoOrNull(u.statusChanged),
    lastUpdated: isoOrNull(u.lastUpdated),
  };
}

/**
 * A user of an Okta answer with the fields the plan depends on (User, okta-mgmt.yaml: id, status,
 * profile): a user without them fails the read with one line naming the route and the field,
 * never dropped or guessed (a user without status once vanished from the plan with exit 0).
 */
export function requireOktaUser(source: unknown, route: string): OktaUser {
  const at: AnswerAt = { service: 'okta', route };
  const u = requireObj(at, source, 'a user');
  const id = requireString(at, u, 'id', 'a user');
  requireString(at, u, 'status', `user ${id}`);
  requireField(at, u, 'profile', 'object', `user ${id}`);
  return toOktaUser(u)!;
}

/** A group of an Okta answer with its id and profile.name (the plan matches groups by both). */
export function requireOktaGroup(source: unknown, route: string): OktaGroup {
  const at: AnswerAt = { service: 'okta', route };
  const g = requireObj(at, source, 'a group');
  const id = requireString(at, g, 'id', 'a group');
  requireField(at, g, 'profile.name', 'string', `group ${id}`);
  return toOktaGroup(g)!;
}

interface GroupLike {
  id?: unknown;
  type?: unknown;
  profile?: { name?: unknown } | null;
}

export function toOktaGroup(source: unknown, memberIds: readonly string[] | null = null): OktaGroup | null {
  if (!source || typeof source !== 'object') return null;
  const g = source as GroupLike;
  if (typeof g.id !== 'string' || g.id === '') return null;
  return {
    id: g.id,
    name: typeof g.profile?.name === 'string' ? g.profile.name : '',
    type: typeof g.type === 'string' ? g.type : 'OKTA_GROUP',
    memberIds,
  };
}
