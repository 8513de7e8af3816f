/**
 * What one full Okta read (reader.ts) collects, and the rules its parts share: every user is
 * checked and indexed once (addUser), the first failure stops every part (guard, stopped), and
 * requests share a bounded number of lanes (a Pool, src/transport/pool.ts).
 */
import type { DesiredState } from '../domain/desired.js';
import type { RemoteError } from '../domain/errors.js';
import type { OktaAssignment, OktaUser } from '../domain/live.js';
import type { OktaClient } from './client.js';
import { requireOktaUser } from './convert.js';
import { toRemoteError } from './errors.js';
import { createPool, type Pool } from '../transport/pool.js';

export type OktaReadPhase = 'app-users' | 'app-groups' | 'groups' | 'group-members' | 'lookups';

/** A group as read: its members are null until (and unless) the plan needs them. */
export interface ReadGroup {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  memberIds: string[] | null;
}

export interface ReadContext {
  readonly client: OktaClient;
  readonly desired: DesiredState;
  /** Requests in flight at most. */
  readonly concurrency: number;
  /** The lanes the listings and the embed lookups share: one fewer than `concurrency`, the app-users chain has its own. */
  readonly lanes: Pool;
  readonly progress: (phase: OktaReadPhase, items: number) => void;
  /** Every user read, by id; and by lower-cased login and by email key, to find a manager or a member's user. */
  readonly users: Map<string, OktaUser>;
  readonly byLogin: Map<string, string>;
  readonly byEmail: Map<string, string>;
  /** App users that hold the assignment. */
  readonly assignments: OktaAssignment[];
  /** Every app user listed, assigned or not. */
  readonly appUserIds: Set<string>;
  /** App users whose page came without `_embedded.user` (G2), not yet looked up. */
  readonly withoutEmbed: string[];
  /** Lookups of `withoutEmbed` started while the listings run; settled after them. */
  readonly pendingLookups: Promise<unknown>[];
  /** Lookup keys already tried (lookupKey), so no user is asked for twice. */
  readonly attempted: Set<string>;
  readonly appGroupIds: string[];
  readonly groups: Map<string, ReadGroup>;
  membersRead: number;
  /** The first failure: once set, every part stops and the read throws it. */
  failure: RemoteError | null;
}

export function createReadContext(client: OktaClient, desired: DesiredState, concurrency: number, progress: ReadContext['progress']): ReadContext {
  return {
    client,
    desired,
    concurrency,
    lanes: createPool(Math.max(1, concurrency - 1)),
    progress,
    users: new Map(),
    byLogin: new Map(),
    byEmail: new Map(),
    assignments: [],
    appUserIds: new Set(),
    withoutEmbed: [],
    pendingLookups: [],
    attempted: new Set(),
    appGroupIds: [],
    groups: new Map(),
    membersRead: 0,
    failure: null,
  };
}

/** Add a user of `route`'s answer (checked: id, status, profile); a user already read is not converted again. */
export function addUser(r: ReadContext, source: unknown, route: string): OktaUser {
  const id = (source as { id?: unknown } | null | undefined)?.id;
  if (typeof id === 'string' && r.users.has(id)) return r.users.get(id)!;
  const u = requireOktaUser(source, route);
  r.users.set(u.id, u);
  if (u.login) r.byLogin.set(u.login.toLowerCase(), u.id);
  if (u.email && !r.byEmail.has(u.email)) r.byEmail.set(u.email, u.id);
  return u;
}

/** Run one part of the read; its failure, as a RemoteError naming `route`, is the read's failure if it is the first. */
export async function guard<T>(r: ReadContext, route: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const remote = toRemoteError(err, route);
    r.failure ??= remote;
    throw remote;
  }
}

export function stopped(r: ReadContext): boolean {
  return r.failure !== null;
}

/** Wait for every promise; then rethrow the first failure (so no read is left running unobserved). */
export async function settle(promises: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
