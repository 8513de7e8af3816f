/**
 * Reads the live Okta state the planner needs, with the fewest calls the API allows and within the
 * rate-limit budget (reference okta-api.md §1.2, §3.3, §4):
 *
 * - the app's users, 500 per page with the Okta user embedded (`expand=user`); pages that come
 *   without `_embedded.user` (G2) are completed by batched id lookups;
 * - the app's group assignments, 200 per page (the max; the min is 20);
 * - every group, 10 000 per page: the spec's maximum, so a 10k-group org costs one call (Okta's
 *   advice of ≤ 200 is about response time; the /groups bucket is the scarcer resource);
 * - members of each group named by groupPushes (name, id or pattern), roles and offboarding
 *   overrides, 1000 per page (the default, and the largest size the API documents);
 * - then, in rounds: the Okta users of Dropbox members who are not app users (external id = Okta
 *   id, else email; DEPROVISIONED included), and the managers named through managerAttribute
 *   that are not read yet — ids by GET /users/{id}, emails by batched `search` (see user-lookup.ts).
 *
 * The app-users listing is one cursor chain (each page's `next` link is only known from the page
 * before), so it runs on its own lane while the other reads share the remaining lanes.
 *
 * Every listing is read raw through the SDK's HTTP layer (raw-list.ts), the SDK's own Collection
 * included no more: one place bounds every listing (a next link that goes round, issue 12 item 3).
 */
import type { DesiredState } from '../domain/desired.js';
import { compileGroupPattern, type GroupPattern } from '../domain/group-pattern.js';
import { RemoteError } from '../domain/errors.js';
import { emailKey, type OktaAssignment, type OktaGroup, type OktaState, type OktaUser } from '../domain/live.js';
import type { OktaClient } from './client.js';
import { requireObj, requireString, type AnswerAt } from '../transport/shape.js';
import { requireOktaGroup, requireOktaUser } from './convert.js';
import { toRemoteError } from './errors.js';
import { DEFAULT_BUDGET_SHARE } from './rate-budget.js';
import { listRaw } from './raw-list.js';
import { chunkLookups, filterFor, lookupKey, USERS_PAGE_SIZE, type Lookup, type SearchLookup } from './user-lookup.js';

/** Page sizes used (reference §1.2 maxima). */
export const OKTA_PAGE_SIZES = {
  appUsers: 500,
  appGroups: 200,
  groups: 1000,
  groupMembers: 1000,
  users: USERS_PAGE_SIZE,
} as const;

const APP_USERS: AnswerAt = { service: 'okta', route: 'GET /api/v1/apps/{id}/users' };
const GROUP_USERS: AnswerAt = { service: 'okta', route: 'GET /api/v1/groups/{id}/users' };

export const JSON_GET = { method: 'get', headers: { Accept: 'application/json', 'Content-Type': 'application/json' } };

/** AppUserStatus values (okta-api.md §1.4) of an app user who no longer holds the assignment. */
export const NOT_ASSIGNED: ReadonlySet<string> = new Set(['REVOKED', 'INACTIVE', 'DEPROVISIONED', 'UNASSIGNED']);

export type OktaReadPhase = 'app-users' | 'app-groups' | 'groups' | 'group-members' | 'lookups';

export interface OktaReadProgress {
  readonly phase: OktaReadPhase;
  /** Items read so far in this phase. */
  readonly items: number;
  /** HTTP attempts so far in this read. */
  readonly calls: number;
}

/** A Dropbox member as the reader needs it: to find its Okta user when it is not an app user. */
export interface DropboxMemberRef {
  readonly email: string;
  readonly externalId: string | null;
}

/**
 * Requests in flight by default: Okta's concurrency limit is 75 per org and its guidance is to stay
 * around 5–10 (reference okta-api.md §7.1); the per-minute budgets are paced separately.
 */
export const DEFAULT_OKTA_CONCURRENCY = 8;

export interface ReadOktaOptions {
  /**
   * The Dropbox members (or a promise of them, so the Okta read can start while Dropbox is still
   * being read: only the final lookup rounds need them).
   */
  readonly dropboxMembers: readonly DropboxMemberRef[] | PromiseLike<readonly DropboxMemberRef[]>;
  /** Requests in flight at most. Default 4. */
  readonly concurrency?: number;
  /** Share of each rate-limit bucket's reported ceiling this read may use per window. Default 1 (DEFAULT_BUDGET_SHARE). */
  readonly budgetShare?: number;
  readonly onProgress?: (progress: OktaReadProgress) => void;
}

export interface OktaReadResult extends OktaState {
  /** HTTP attempts this read made, per route ("GET /api/v1/apps/{id}/users"), retries included. */
  readonly calls: Readonly<Record<string, number>>;
}

interface Pool {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

function createPool(size: number): Pool {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (active >= size) await new Promise<void>((resolve) => queue.push(resolve));
      active++;
      try {
        return await fn();
      } finally {
        active--;
        queue.shift()?.();
      }
    },
  };
}

function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function readOktaState(client: OktaClient, desired: DesiredState, options: ReadOktaOptions): Promise<OktaReadResult> {
  const appId = desired.okta.appId;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_OKTA_CONCURRENCY));
  const before = client.calls();
  const totalCalls = (): number => {
    const now = client.calls();
    return Object.entries(now).reduce((n, [k, v]) => n + v - (before[k] ?? 0), 0);
  };
  const progress = (phase: OktaReadPhase, items: number): void => options.onProgress?.({ phase, items, calls: totalCalls() });

  const saved = { share: client.budget.share, concurrency: client.budget.concurrency };
  client.budget.share = options.budgetShare ?? DEFAULT_BUDGET_SHARE;
  client.budget.concurrency = concurrency;

  const users = new Map<string, OktaUser>();
  const byLogin = new Map<string, string>();
  const byEmail = new Map<string, string>();
  /** Add a user of `route`'s answer (checked: id, status, profile); a user already read is not converted again. */
  const addUser = (source: unknown, route: string): OktaUser => {
    const id = (source as { id?: unknown } | null | undefined)?.id;
    if (typeof id === 'string' && users.has(id)) return users.get(id)!;
    const u = requireOktaUser(source, route);
    users.set(u.id, u);
    if (u.login) byLogin.set(u.login.toLowerCase(), u.id);
    if (u.email && !byEmail.has(u.email)) byEmail.set(u.email, u.id);
    return u;
  };

  let failure: RemoteError | null = null;
  const guard = async <T>(route: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      const remote = toRemoteError(err, route);
      failure ??= remote;
      throw remote;
    }
  };
  const stopped = (): boolean => failure !== null;

  const lanes = createPool(Math.max(1, concurrency - 1));
  const assignments: OktaAssignment[] = [];
  const appUserIds = new Set<string>();
  const withoutEmbed: string[] = [];
  const pendingLookups: Promise<unknown>[] = [];
  const attempted = new Set<string>();

  /** One user by id (or login) with GET /api/v1/users/{id}: read-after-write consistent; a 404 is a real "gone". */
  const getUser = async (idOrLogin: string): Promise<void> => {
    if (stopped()) return;
    try {
      const response = await client.sdk.http.http(
        `${client.orgUrl}/api/v1/users/${encodeURIComponent(idOrLogin)}`,
        structuredClone(JSON_GET) as Parameters<typeof client.sdk.http.http>[1],
      );
      addUser(await response.json(), 'GET /api/v1/users/{id}');
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err;
    }
  };

  const lookupUsers = async (lookups: readonly Lookup[], pool: Pool): Promise<void> => {
    const byId: string[] = [];
    const searches: SearchLookup[] = [];
    for (const l of lookups) {
      const key = lookupKey(l);
      if (attempted.has(key)) continue;
      attempted.add(key);
      if (l.kind === 'id') byId.push(l.value);
      else searches.push(l as SearchLookup);
    }
    await settle([
      // Never a batched `id eq` search: search is eventually consistent (user-lookup.ts).
      ...byId.map((id) => pool.run(() => guard('GET /api/v1/users/{id}', () => getUser(id)))),
      ...chunkLookups(searches).map((chunk) =>
        pool.run(() =>
          guard('GET /api/v1/users', async () => {
            // Raw listing: the Collection cannot parse the long Link header a batched search brings back.
            const searchAll = async (part: readonly SearchLookup[]): Promise<void> => {
              if (stopped()) return;
              try {
                for await (const u of listRaw(client, '/api/v1/users', { search: filterFor(part), limit: OKTA_PAGE_SIZES.users })) {
                  if (stopped()) return;
                  addUser(u, 'GET /api/v1/users');
                }
              } catch (err) {
                // Okta refuses an overly complex search with 400 on the first page, before any item.
                // Never fall back to `filter`: its values are case-sensitive, and a Jane.Doe@ in Okta
                // would not be found, her member would look unmanaged (and under
                // unmanagedMembers: remove, be removed). Smaller searches instead; if even one
                // lookup is refused, the read fails: a plan is never made from a partial answer.
                if ((err as { status?: unknown }).status !== 400 || part.length === 1) throw err;
                const half = Math.ceil(part.length / 2);
                await searchAll(part.slice(0, half));
                await searchAll(part.slice(half));
              }
            };
            await searchAll(chunk);
          }),
        ),
      ),
    ]);
  };

  /** Look up by id the app users whose page came without _embedded.user (G2). */
  const flushWithoutEmbed = (): void => {
    const ids = withoutEmbed.splice(0).filter((id) => !users.has(id));
    if (ids.length === 0) return;
    const lookup = lookupUsers(
      ids.map((value): Lookup => ({ kind: 'id', value })),
      lanes,
    );
    // Observed later by settle(); until then a rejection must not count as unhandled.
    lookup.catch(() => undefined);
    pendingLookups.push(lookup);
  };

  // Hot paths (app users, group members, lookups) read raw JSON through the SDK's HTTP layer: the
  // same auth, executor, pacing and retries, without deserialising every item into SDK models
  // only to turn it back into plain data (a third of the CPU per 500-user page).
  const readAppUsers = guard('GET /api/v1/apps/{id}/users', async () => {
    const path = `/api/v1/apps/${encodeURIComponent(appId)}/users`;
    for await (const item of listRaw(client, path, { limit: OKTA_PAGE_SIZES.appUsers, expand: 'user' })) {
      if (stopped()) return;
      const appUser = requireObj(APP_USERS, item, 'an app user') as { id?: unknown; scope?: unknown; status?: unknown; _embedded?: { user?: unknown } };
      const id = requireString(APP_USERS, appUser, 'id', 'an app user');
      requireString(APP_USERS, appUser, 'status', `app user ${id}`);
      if (appUserIds.has(id)) continue;
      appUserIds.add(id);
      // Listed is not assigned: a REVOKED, INACTIVE, DEPROVISIONED or UNASSIGNED app user (AppUserStatus)
      // no longer holds the assignment; the person is known to Okta but unassigned.
      if (!NOT_ASSIGNED.has(String(appUser.status))) assignments.push({ userId: id, scope: appUser.scope === 'GROUP' ? 'GROUP' : 'USER' });
      // G2: pages after the first may lack _embedded.user; those users are fetched in batches.
      const embedded = appUser._embedded?.user;
      if (embedded !== undefined && embedded !== null) addUser(embedded, APP_USERS.route);
      else if (!users.has(id)) withoutEmbed.push(id);
      if (assignments.length % OKTA_PAGE_SIZES.appUsers === 0) {
        progress('app-users', assignments.length);
        flushWithoutEmbed();
      }
    }
    progress('app-users', assignments.length);
  });

  const appGroupIds: string[] = [];
  const readAppGroups = lanes.run(() =>
    guard('GET /api/v1/apps/{id}/groups', async () => {
      const path = `/api/v1/apps/${encodeURIComponent(appId)}/groups`;
      for await (const a of listRaw(client, path, { limit: OKTA_PAGE_SIZES.appGroups })) {
        if (stopped()) return;
        const at = { service: 'okta', route: 'GET /api/v1/apps/{id}/groups' } as const;
        appGroupIds.push(requireString(at, requireObj(at, a, 'a group assignment'), 'id', 'a group assignment'));
      }
      progress('app-groups', appGroupIds.length);
    }),
  );

  const groups = new Map<string, { id: string; name: string; type: string; memberIds: string[] | null }>();
  const readGroups = lanes.run(() =>
    guard('GET /api/v1/groups', async () => {
      for await (const g of listRaw(client, '/api/v1/groups', { limit: OKTA_PAGE_SIZES.groups })) {
        if (stopped()) return;
        const group = requireOktaGroup(g, 'GET /api/v1/groups');
        groups.set(group.id, { id: group.id, name: group.name, type: group.type, memberIds: null });
      }
      progress('groups', groups.size);
    }),
  );

  let membersRead = 0;
  const readGroupMembers = (groupId: string, idsOnly: boolean): Promise<void> =>
    lanes.run(() =>
      guard('GET /api/v1/groups/{id}/users', async () => {
        if (stopped()) return;
        const memberIds: string[] = [];
        const path = `/api/v1/groups/${encodeURIComponent(groupId)}/users`;
        for await (const u of listRaw(client, path, { limit: OKTA_PAGE_SIZES.groupMembers })) {
          if (stopped()) return;
          memberIds.push(idsOnly ? requireString(GROUP_USERS, requireObj(GROUP_USERS, u, 'a group member'), 'id', 'a group member') : addUser(u, GROUP_USERS.route).id);
        }
        groups.get(groupId)!.memberIds = memberIds.sort();
        membersRead += memberIds.length;
        progress('group-members', membersRead);
      }),
    );
  const targets = readGroups.then(() => targetGroupIds(desired, [...groups.values()]));
  const readMembers = targets.then((ids) => Promise.all([...ids].map((id) => readGroupMembers(id, false))));
  // A reason names the group that assigns the person (AppUser.scope GROUP; those of the app's
  // groups, GET /apps/{id}/groups, they are in). With one app group nobody names, its members need
  // not be read: a GROUP-scoped person in no other app group is in that one. Two or more are read,
  // ids only (their users are the app users read above).
  const readAssigning = Promise.all([targets, readAppGroups]).then(([ids]) => {
    const unread = [...new Set(appGroupIds)].filter((id) => groups.has(id) && !ids.has(id));
    return Promise.all(unread.length >= 2 ? unread.map((id) => readGroupMembers(id, true)) : []);
  });

  try {
    await settle([readAppUsers, readAppGroups, readGroups, readMembers, readAssigning]);
    flushWithoutEmbed();
    await settle(pendingLookups);

    // Lookup rounds: each round's finds may name managers (or need an email fallback) for the next.
    const everyLane = createPool(concurrency);
    const dropboxIds = new Set<string>();
    const dropboxEmails = new Set<string>();
    const subjects = new Set<string>(users.keys());
    let round: Lookup[] = [];
    const fallbacks: { email: string; externalId: string }[] = [];
    for (const m of await options.dropboxMembers) {
      const email = emailKey(m.email);
      dropboxEmails.add(email);
      if (m.externalId) {
        dropboxIds.add(m.externalId);
        if (appUserIds.has(m.externalId) || users.has(m.externalId)) continue;
        round.push({ kind: 'id', value: m.externalId });
        fallbacks.push({ email, externalId: m.externalId });
      } else if (!byEmail.has(email)) {
        round.push({ kind: 'email', value: email });
      }
    }
    const managerLookups = (ids: Iterable<string>): Lookup[] => {
      const out: Lookup[] = [];
      for (const id of ids) {
        const ref = users.get(id)?.profile[desired.offboarding.managerAttribute];
        if (typeof ref !== 'string' || ref.trim() === '') continue;
        const v = ref.trim();
        const lower = v.toLowerCase();
        if (users.has(v) || byLogin.has(lower) || byEmail.has(lower)) continue;
        out.push({ kind: v.includes('@') ? 'login-or-email' : 'id', value: v });
      }
      return out;
    };
    round.push(...managerLookups(subjects));
    let pendingFallbacks = fallbacks;
    while (round.length > 0) {
      const known = new Set(users.keys());
      await lookupUsers(round, everyLane);
      progress('lookups', users.size);
      const found = [...users.keys()].filter((id) => !known.has(id));
      // Users found for Dropbox members can be offboarded, so their managers matter; managers' own managers do not.
      const newSubjects = found.filter((id) => dropboxIds.has(id) || dropboxEmails.has(users.get(id)!.email));
      round = [];
      const stillMissing = pendingFallbacks.filter((f) => !users.has(f.externalId));
      pendingFallbacks = [];
      for (const f of stillMissing) if (!byEmail.has(f.email)) round.push({ kind: 'email', value: f.email });
      round.push(...managerLookups(newSubjects));
    }
  } finally {
    client.budget.share = saved.share;
    client.budget.concurrency = saved.concurrency;
  }
  if (failure) throw failure;

  const state: OktaReadResult = {
    appId,
    users: [...users.values()].sort(byId),
    assignments: assignments.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)),
    appGroupIds: [...new Set(appGroupIds)].sort(),
    groups: [...groups.values()].map((g): OktaGroup => ({ ...g })).sort(byId),
    calls: diffCalls(before, client.calls()),
  };
  return state;
}

/** Wait for every promise; then rethrow the first failure (so no read is left running unobserved). */
export async function settle(promises: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

function diffCalls(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(after)) {
    const d = n - (before[route] ?? 0);
    if (d > 0) out[route] = d;
  }
  return out;
}

/**
 * The groups whose members the plan needs: named (by name or id) by a group push, a role rule or
 * an offboarding override, or matching a push pattern. Names match exactly (design.md).
 */
export function targetGroupIds(desired: DesiredState, groups: readonly { id: string; name: string }[]): Set<string> {
  const refs: string[] = [];
  for (const rule of desired.roles ?? []) refs.push(...rule.oktaGroups);
  for (const o of desired.offboarding.overrides) refs.push(o.oktaGroup);
  const ids = pushedGroupIds(desired, groups);
  for (const id of namedGroupIds(groups, refs, [])) ids.add(id);
  return ids;
}

/** The Okta groups a group push names (by name or id) or matches (by pattern). */
export function pushedGroupIds(desired: DesiredState, groups: readonly { id: string; name: string }[]): Set<string> {
  const refs: string[] = [];
  const patterns: GroupPattern[] = [];
  for (const push of desired.groupPushes) {
    if (push.oktaGroup !== null) refs.push(push.oktaGroup);
    if (push.oktaGroupPattern !== null) patterns.push(compileGroupPattern(push.oktaGroupPattern));
  }
  return namedGroupIds(groups, refs, patterns);
}

function namedGroupIds(groups: readonly { id: string; name: string }[], refs: readonly string[], patterns: readonly GroupPattern[]): Set<string> {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  const known = new Set<string>();
  for (const g of groups) {
    known.add(g.id);
    const list = byName.get(g.name);
    if (list) list.push(g.id);
    else byName.set(g.name, [g.id]);
  }
  for (const ref of refs) {
    if (known.has(ref)) ids.add(ref);
    for (const id of byName.get(ref) ?? []) ids.add(id);
  }
  if (patterns.length > 0) for (const g of groups) if (patterns.some((p) => p.test(g.name))) ids.add(g.id);
  return ids;
}
