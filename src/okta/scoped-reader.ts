/**
 * The Okta side of an incremental reconcile (design.md "Lifecycle changes": it "must not read whole
 * listings (app users, team members)"): what changed in a window, then only the people it names.
 *
 * Changes: the System Log window (system-log.ts), plus a safety net for missed events, both with
 * `filter` (management OpenAPI): users `filter=lastUpdated gt "<since>"` (listUsers: `filter`
 * "supports only the equal eq operator ... except in the case of the lastUpdated property", and
 * returns DEPROVISIONED users) and groups `filter=lastMembershipUpdated gt "<since>"` (listGroups:
 * filtering supports id, type, lastUpdated and lastMembershipUpdated). Not `search`: its users come
 * from an eventually consistent store, and its operators are sw, eq and co.
 *
 * People, each by id, never by a listing: the app user (GET /api/v1/apps/{appId}/users/{userId}
 * with expand=user: its status and scope; 404 = not assigned), else GET /api/v1/users/{id} (404 =
 * gone), and the user's groups (GET /api/v1/users/{id}/groups, listUserGroups). The group
 * listing (GET /api/v1/groups, OKTA_PAGE_SIZES.groups a page) gives the names that pushes and role rules match.
 */
import type { DesiredState } from '../domain/desired.js';
import type { OktaAssignment, OktaGroup, OktaUser } from '../domain/live.js';
import type { OktaClient } from './client.js';
import { requireOktaGroup, toOktaUser } from './convert.js';
import { toRemoteError } from './errors.js';
import { listRaw } from './raw-list.js';
import { JSON_GET, NOT_ASSIGNED, OKTA_PAGE_SIZES, settle, targetGroupIds } from './reader.js';
import { readLogWindow, type LifecycleEvent } from './system-log.js';
import { filterFor, type SearchLookup } from './user-lookup.js';

/** Okta statuses whose offboarding rule does not depend on the app assignment (planner: deactivated, oktaSuspended). */
const GONE: ReadonlySet<string> = new Set(['DEPROVISIONED', 'SUSPENDED']);

export interface ChangeWindow {
  readonly since: Date;
  readonly until: Date;
}

export interface OktaChanges {
  readonly events: readonly LifecycleEvent[];
  /** Users whose lastUpdated is in the window (safety net), at most `bound` + 1 of them. */
  readonly updatedUserIds: readonly string[];
  /** Groups whose lastMembershipUpdated is in the window (safety net), at most `bound` + 1. */
  readonly updatedGroupIds: readonly string[];
}


async function getJson(client: OktaClient, path: string): Promise<unknown | null> {
  try {
    const response = await client.sdk.http.http(`${client.orgUrl}${path}`, structuredClone(JSON_GET) as Parameters<typeof client.sdk.http.http>[1]);
    return await response.json();
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

async function ids(client: OktaClient, path: string, params: Readonly<Record<string, string | number>>, bound: number): Promise<string[]> {
  const out: string[] = [];
  for await (const item of listRaw(client, path, params)) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') out.push(id);
    // More than the bound escalates to a full run anyway: no need to read further.
    if (out.length > bound) break;
  }
  return out;
}

/** What changed in the window: events and the safety net. Three listings on a quiet window. */
export async function readOktaChanges(client: OktaClient, window: ChangeWindow, bound: number): Promise<OktaChanges> {
  const since = JSON.stringify(window.since.toISOString());
  const guard = <T>(route: string, p: Promise<T>): Promise<T> =>
    p.catch((err: unknown) => {
      throw toRemoteError(err, route);
    });
  const [events, updatedUserIds, updatedGroupIds] = await Promise.all([
    guard('GET /api/v1/logs', readLogWindow(client, window)),
    guard('GET /api/v1/users', ids(client, '/api/v1/users', { filter: `lastUpdated gt ${since}`, limit: OKTA_PAGE_SIZES.users }, bound)),
    guard('GET /api/v1/groups', ids(client, '/api/v1/groups', { filter: `lastMembershipUpdated gt ${since}`, limit: OKTA_PAGE_SIZES.groups }, bound)),
  ]);
  return { events, updatedUserIds, updatedGroupIds };
}

export interface OktaPeople {
  /** The people read, their managers, and the members of the groups listed. */
  readonly users: readonly OktaUser[];
  /** App assignments of the people read (the others' are unknown, not absent). */
  readonly assignments: readonly OktaAssignment[];
  /**
   * Every Okta group (names); the members of push, role and override groups as far as they were
   * read: the people in scope who are in the group, plus the whole listing of `listGroups`.
   */
  readonly groups: readonly OktaGroup[];
  /** Okta user id → ids of the groups the person is in. */
  readonly groupsOf: ReadonlyMap<string, readonly string[]>;
  /** Ids that Okta no longer has (404). */
  readonly missing: readonly string[];
}

export interface ReadPeopleRequest {
  readonly userIds: readonly string[];
  /** People the System Log says were deactivated or suspended: read by id first (their assignment rarely matters). */
  readonly leaving?: ReadonlySet<string>;
  /** Groups whose whole membership is read (GET /api/v1/groups/{id}/users). */
  readonly listGroups?: readonly string[];
  /** The groups already read (a second round reuses them). */
  readonly groups?: readonly OktaGroup[];
}

/** All groups, names only (GET /api/v1/groups, OKTA_PAGE_SIZES.groups a page). */
export async function readOktaGroups(client: OktaClient): Promise<OktaGroup[]> {
  const groups: OktaGroup[] = [];
  try {
    for await (const raw of listRaw(client, '/api/v1/groups', { limit: OKTA_PAGE_SIZES.groups })) {
      groups.push(requireOktaGroup(raw, 'GET /api/v1/groups'));
    }
  } catch (err) {
    throw toRemoteError(err, 'GET /api/v1/groups');
  }
  return groups;
}

/** The people of `userIds`, each by id, with their assignment and groups, and their managers. */
export async function readOktaPeople(client: OktaClient, desired: DesiredState, request: ReadPeopleRequest): Promise<OktaPeople> {
  const appId = encodeURIComponent(desired.okta.appId);
  const users = new Map<string, OktaUser>();
  const assignments: OktaAssignment[] = [];
  const groupsOf = new Map<string, string[]>();
  const missing: string[] = [];
  const add = (raw: unknown): OktaUser | null => {
    const u = toOktaUser(raw);
    if (u && !users.has(u.id)) users.set(u.id, u);
    return u;
  };
  const step = async <T>(route: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw toRemoteError(err, route);
    }
  };

  const groupsRead = request.groups === undefined ? readOktaGroups(client) : Promise.resolve([...request.groups]);
  const person = async (id: string): Promise<void> => {
    const path = encodeURIComponent(id);
    const getUser = async (): Promise<OktaUser | null> => add(await step('GET /api/v1/users/{id}', () => getJson(client, `/api/v1/users/${path}`)));
    const getAppUser = async (expand: boolean) =>
      (await step('GET /api/v1/apps/{id}/users/{id}', () => getJson(client, `/api/v1/apps/${appId}/users/${path}${expand ? '?expand=user' : ''}`))) as {
        scope?: unknown;
        status?: unknown;
        _embedded?: { user?: unknown };
      } | null;
    const assign = (appUser: { scope?: unknown; status?: unknown } | null): void => {
      if (appUser !== null && !NOT_ASSIGNED.has(String(appUser.status ?? ''))) assignments.push({ userId: id, scope: appUser.scope === 'GROUP' ? 'GROUP' : 'USER' });
    };
    let user: OktaUser | null;
    if (request.leaving?.has(id) === true) {
      // A deactivated or suspended person: the planner decides on the status alone (design.md
      // offboarding), so the assignment is read only if the status says otherwise.
      user = await getUser();
      if (user !== null && !GONE.has(user.status)) assign(await getAppUser(false));
    } else {
      const appUser = await getAppUser(true);
      assign(appUser);
      user = appUser === null ? null : add(appUser._embedded?.user);
      user ??= await getUser();
    }
    if (user === null) {
      missing.push(id);
      return;
    }
    const list = await step('GET /api/v1/users/{id}/groups', async () => {
      const out: string[] = [];
      for await (const g of listRaw(client, `/api/v1/users/${path}/groups`, {})) {
        const gid = (g as { id?: unknown } | null)?.id;
        if (typeof gid === 'string') out.push(gid);
      }
      return out;
    });
    groupsOf.set(id, list.sort());
  };
  await settle([...new Set(request.userIds)].map(person));

  // Managers of the people who may leave: a transfer needs them (never assigned and active: no use).
  const managers = new Set<string>();
  for (const id of groupsOf.keys()) {
    const u = users.get(id)!;
    const staying = assignments.some((a) => a.userId === id) && ['ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'STAGED', 'PROVISIONED'].includes(u.status);
    const ref = u.profile[desired.offboarding.managerAttribute];
    if (!staying && typeof ref === 'string' && ref.trim() !== '') managers.add(ref.trim());
  }
  const known = (ref: string): boolean => users.has(ref) || [...users.values()].some((u) => u.login.toLowerCase() === ref.toLowerCase() || u.email === ref.toLowerCase());
  await settle(
    [...managers].filter((ref) => !known(ref)).map(async (ref) => {
      // GET /users/{idOrLogin} resolves an id or a login; an email that is not a login is searched.
      const found = await step('GET /api/v1/users/{id}', () => getJson(client, `/api/v1/users/${encodeURIComponent(ref)}`));
      if (found !== null) {
        add(found);
        return;
      }
      if (!ref.includes('@')) return;
      const lookup: SearchLookup = { kind: 'login-or-email', value: ref };
      await step('GET /api/v1/users', async () => {
        for await (const u of listRaw(client, '/api/v1/users', { search: filterFor([lookup]), limit: OKTA_PAGE_SIZES.users })) add(u);
      });
    }),
  );

  const listed = new Map<string, string[]>();
  await settle(
    (request.listGroups ?? []).map(async (groupId) => {
      const members: string[] = [];
      await step('GET /api/v1/groups/{id}/users', async () => {
        for await (const u of listRaw(client, `/api/v1/groups/${encodeURIComponent(groupId)}/users`, { limit: OKTA_PAGE_SIZES.groupMembers })) {
          const user = add(u);
          if (user) members.push(user.id);
        }
      });
      listed.set(groupId, members);
    }),
  );

  const all = await groupsRead;
  const targets = targetGroupIds(desired, all);
  const inGroup = new Map<string, Set<string>>();
  for (const [userId, gids] of groupsOf) {
    for (const gid of gids) {
      if (!targets.has(gid)) continue;
      const set = inGroup.get(gid) ?? new Set<string>();
      set.add(userId);
      inGroup.set(gid, set);
    }
  }
  const groups = all.map((g): OktaGroup => {
    if (!targets.has(g.id)) return { ...g, memberIds: null };
    const members = new Set([...(inGroup.get(g.id) ?? []), ...(listed.get(g.id) ?? []), ...(g.memberIds ?? [])]);
    return { ...g, memberIds: [...members].sort() };
  });
  return {
    users: [...users.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    assignments: assignments.sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    groups,
    groupsOf,
    missing: missing.sort(),
  };
}
