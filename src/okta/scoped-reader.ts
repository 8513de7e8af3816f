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
 * People, never by a listing of everybody. A user the safety net listed is taken as it answered
 * (the listing and GET /api/v1/users/{id} read the same record at the same time; only `search` is
 * "sourced from an eventually consistent datasource", okta-mgmt.yaml listUsers :24620). A
 * deactivated or suspended person not listed so (watch passes events only) is read with the others
 * in one `filter=id eq "…" or id eq "…"` listing (filter supports `id` with `eq` and the logical
 * `or`, and returns DEPROVISIONED users, :24681-24689; absent from the answer = gone, as a 404 of
 * the id lookup). Anyone else: the app user (GET /api/v1/apps/{appId}/users/{userId} with
 * expand=user: its status and scope; 404 = not assigned), else GET /api/v1/users/{id}. Each
 * person's groups: GET /api/v1/users/{id}/groups (listUserGroups). The group listing (GET
 * /api/v1/groups, OKTA_PAGE_SIZES.groups a page) gives the names that pushes and role rules
 * match, and its lastMembershipUpdated (Group, read-only) the groups' safety net once it is read.
 */
import type { DesiredState } from '../domain/desired.js';
import { emailKey, ACTIVE_STATUSES, PENDING_STATUSES, type OktaAssignment, type OktaGroup, type OktaUser } from '../domain/live.js';
import type { OktaClient } from './client.js';
import { requireObj, requireString, type AnswerAt } from '../transport/shape.js';
import { isoOrNull, requireOktaGroup, requireOktaUser } from './convert.js';
import { toRemoteError } from './errors.js';
import { getRaw, listRaw } from './raw-list.js';
import { settle } from './read-context.js';
import { NOT_ASSIGNED, OKTA_PAGE_SIZES, targetGroupIds } from './reader.js';
import { readLogWindow, type LifecycleEvent } from './system-log.js';
import { chunkByTerms, filterFor, type SearchLookup } from './user-lookup.js';

/** Okta statuses whose offboarding rule does not depend on the app assignment (planner: deactivated, oktaSuspended). */
const GONE: ReadonlySet<string> = new Set(['DEPROVISIONED', 'SUSPENDED']);
const APP_USER = 'GET /api/v1/apps/{id}/users/{id}';

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
  /** The users of `updatedUserIds` as the listing answered them: read, so not read again by id. */
  readonly updatedUsers?: readonly OktaUser[];
  /** Every group (names), when the window named anybody: the listing that also gave `updatedGroupIds`. */
  readonly groups?: readonly OktaGroup[];
}


/**
 * The id of an item of an Okta listing (a user, a group): required, as the full reader requires it
 * (issue 12 item 5). An item without one would be a person or a group nobody reads, so the window
 * would look quieter than it was.
 */
function requireId(route: string, item: unknown, what: string): string {
  const at: AnswerAt = { service: 'okta', route };
  return requireString(at, requireObj(at, item, what), 'id', what);
}

async function ids(client: OktaClient, path: string, params: Readonly<Record<string, string | number>>, bound: number, what: string): Promise<string[]> {
  const out: string[] = [];
  for await (const item of listRaw(client, path, params)) {
    out.push(requireId(`GET ${path}`, item, what));
    // More than the bound escalates to a full run anyway: no need to read further.
    if (out.length > bound) break;
  }
  return out;
}

async function updatedUsers(client: OktaClient, since: string, bound: number): Promise<OktaUser[]> {
  const out: OktaUser[] = [];
  for await (const raw of listRaw(client, '/api/v1/users', { filter: `lastUpdated gt ${since}`, limit: OKTA_PAGE_SIZES.users })) {
    out.push(requireOktaUser(raw, 'GET /api/v1/users'));
    if (out.length > bound) break;
  }
  return out;
}

/**
 * What changed in the window: events and the safety net. A quiet window costs three listings
 * (events, users and groups filtered on the window); once the events or the users name anybody, the
 * group listing the plan needs anyway is read instead of the filtered one, and its
 * lastMembershipUpdated gives the same answer as `filter=lastMembershipUpdated gt` (listGroups).
 */
export async function readOktaChanges(client: OktaClient, window: ChangeWindow, bound: number): Promise<OktaChanges> {
  const since = JSON.stringify(window.since.toISOString());
  const guard = <T>(route: string, p: Promise<T>): Promise<T> =>
    p.catch((err: unknown) => {
      throw toRemoteError(err, route);
    });
  const [events, users] = await Promise.all([guard('GET /api/v1/logs', readLogWindow(client, window)), guard('GET /api/v1/users', updatedUsers(client, since, bound))]);
  const updatedUserIds = users.map((u) => u.id);
  if (events.length === 0 && users.length === 0) {
    const updatedGroupIds = await guard('GET /api/v1/groups', ids(client, '/api/v1/groups', { filter: `lastMembershipUpdated gt ${since}`, limit: OKTA_PAGE_SIZES.groups }, bound, 'a group'));
    if (updatedGroupIds.length === 0) return { events, updatedUserIds, updatedGroupIds, updatedUsers: users };
  }
  const listed = await listGroups(client);
  const sinceMs = window.since.getTime();
  const updatedGroupIds = listed.filter((g) => g.lastMembershipUpdated !== null && Date.parse(g.lastMembershipUpdated) > sinceMs).map((g) => g.group.id);
  return { events, updatedUserIds, updatedGroupIds, updatedUsers: users, groups: listed.map((g) => g.group) };
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
  /** Users already read in this cycle (the safety net's listing), by id: taken as they are. */
  readonly known?: ReadonlyMap<string, OktaUser>;
  /** People the System Log says were deactivated or suspended: read by id first (their assignment rarely matters). */
  readonly leaving?: ReadonlySet<string>;
  /** Groups whose whole membership is read (GET /api/v1/groups/{id}/users). */
  readonly listGroups?: readonly string[];
  /** The groups already read (a second round reuses them). */
  readonly groups?: readonly OktaGroup[];
}

async function listGroups(client: OktaClient): Promise<{ group: OktaGroup; lastMembershipUpdated: string | null }[]> {
  const groups: { group: OktaGroup; lastMembershipUpdated: string | null }[] = [];
  try {
    for await (const raw of listRaw(client, '/api/v1/groups', { limit: OKTA_PAGE_SIZES.groups })) {
      const group = requireOktaGroup(raw, 'GET /api/v1/groups');
      groups.push({ group, lastMembershipUpdated: isoOrNull((raw as { lastMembershipUpdated?: unknown }).lastMembershipUpdated) });
    }
  } catch (err) {
    throw toRemoteError(err, 'GET /api/v1/groups');
  }
  return groups;
}

/** All groups, names only (GET /api/v1/groups, OKTA_PAGE_SIZES.groups a page). */
export async function readOktaGroups(client: OktaClient): Promise<OktaGroup[]> {
  return (await listGroups(client)).map((g) => g.group);
}

/**
 * The users matching any of the items' `filter` terms (an `or` of them, chunked under Okta's
 * query limits; a chunk refused with 400 as too complex is split in two).
 */
async function filterUsers<T>(client: OktaClient, items: readonly T[], termsOf: (item: T) => readonly string[], found: (user: OktaUser) => void): Promise<void> {
  const run = async (part: readonly T[]): Promise<void> => {
    try {
      for await (const raw of listRaw(client, '/api/v1/users', { filter: part.flatMap(termsOf).join(' or '), limit: OKTA_PAGE_SIZES.users })) found(requireOktaUser(raw, 'GET /api/v1/users'));
    } catch (err) {
      if ((err as { status?: unknown }).status !== 400 || part.length === 1) throw toRemoteError(err, 'GET /api/v1/users');
      const half = Math.ceil(part.length / 2);
      await run(part.slice(0, half));
      await run(part.slice(half));
    }
  };
  await settle(chunkByTerms(items, termsOf).map(run));
}

const eq = (attr: string, value: string): string => `${attr} eq ${JSON.stringify(value)}`;

/** The people of `userIds`, each by id, with their assignment and groups, and their managers. */
export async function readOktaPeople(client: OktaClient, desired: DesiredState, request: ReadPeopleRequest): Promise<OktaPeople> {
  const appId = encodeURIComponent(desired.okta.appId);
  const users = new Map<string, OktaUser>();
  const assignments: OktaAssignment[] = [];
  const groupsOf = new Map<string, string[]>();
  const missing: string[] = [];
  // Every user of an answer has the fields the plan depends on (id, status, profile), as in the
  // full reader: a user without a status must fail the read, not be read as PROVISIONED.
  const add = (raw: unknown, route: string): OktaUser => {
    const u = requireOktaUser(raw, route);
    if (!users.has(u.id)) users.set(u.id, u);
    return u;
  };
  const keep = (u: OktaUser): OktaUser => {
    if (!users.has(u.id)) users.set(u.id, u);
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
  const byId = new Map(request.known ?? []);
  // Leavers not read yet: all in one filtered listing (the planner decides them on their status).
  const unread = [...new Set(request.userIds)].filter((id) => !byId.has(id) && request.leaving?.has(id) === true);
  if (unread.length > 0) await filterUsers(client, unread, (id) => [eq('id', id)], (u) => byId.set(u.id, u));
  const person = async (id: string): Promise<void> => {
    const path = encodeURIComponent(id);
    const getUser = async (): Promise<OktaUser | null> => {
      const raw = await step('GET /api/v1/users/{id}', () => getRaw(client, `/api/v1/users/${path}`));
      return raw === null ? null : add(raw, 'GET /api/v1/users/{id}');
    };
    const getAppUser = async (expand: boolean) => {
      const raw = await step(APP_USER, () => getRaw(client, `/api/v1/apps/${appId}/users/${path}${expand ? '?expand=user' : ''}`));
      if (raw === null) return null;
      // AppUser (okta-mgmt.yaml): id and status are what the assignment is decided on.
      const at: AnswerAt = { service: 'okta', route: APP_USER };
      const appUser = requireObj(at, raw, 'an app user') as { scope?: unknown; status?: unknown; _embedded?: { user?: unknown } };
      requireString(at, appUser, 'status', `app user ${requireString(at, appUser, 'id', 'an app user')}`);
      return appUser;
    };
    const assign = (appUser: { scope?: unknown; status?: unknown } | null): void => {
      if (appUser !== null && !NOT_ASSIGNED.has(String(appUser.status ?? ''))) assignments.push({ userId: id, scope: appUser.scope === 'GROUP' ? 'GROUP' : 'USER' });
    };
    let user: OktaUser | null;
    const read = byId.get(id);
    if (read !== undefined || request.leaving?.has(id) === true) {
      // Read already (or a leaver the filtered listing did not return: gone). A deactivated or
      // suspended person is decided on the status alone (design.md offboarding), so the
      // assignment is read only if the status says otherwise.
      user = read === undefined ? null : keep(read);
      if (user !== null && !GONE.has(user.status)) assign(await getAppUser(false));
    } else {
      const appUser = await getAppUser(true);
      assign(appUser);
      user = appUser?._embedded?.user === undefined ? null : add(appUser._embedded.user, APP_USER);
      user ??= await getUser();
    }
    if (user === null) {
      missing.push(id);
      return;
    }
    const list = await step('GET /api/v1/users/{id}/groups', async () => {
      const out: string[] = [];
      for await (const g of listRaw(client, `/api/v1/users/${path}/groups`, {})) out.push(requireId('GET /api/v1/users/{id}/groups', g, 'a group'));
      return out;
    });
    groupsOf.set(id, list.sort());
  };
  await settle([...new Set(request.userIds)].map(person));

  // Managers of the people who may leave, when their files go to the manager (onDeactivated
  // transferTo: manager): a transfer needs them (never assigned and active: no use).
  const managers = new Set<string>();
  for (const id of desired.offboarding.onDeactivated.transferTo === 'manager' ? groupsOf.keys() : []) {
    const u = users.get(id)!;
    const staying = assignments.some((a) => a.userId === id) && (ACTIVE_STATUSES.has(u.status) || PENDING_STATUSES.has(u.status));
    const ref = u.profile[desired.offboarding.managerAttribute];
    if (!staying && typeof ref === 'string' && ref.trim() !== '') managers.add(ref.trim());
  }
  const known = (ref: string): boolean => users.has(ref) || [...users.values()].some((u) => u.login.toLowerCase() === ref.toLowerCase() || u.email === emailKey(ref));
  // All of them in one filtered listing, by id or by login (exact: filter values are
  // case-sensitive, :24685; a login is unique, so an exact hit is the manager). An email that is
  // no login, or spelt in another case, is looked up alone below, as before.
  const refs = [...managers].filter((ref) => !known(ref));
  if (refs.length > 0) await filterUsers(client, refs, (ref) => (ref.includes('@') ? [eq('profile.login', ref)] : [eq('id', ref), eq('profile.login', ref)]), keep);
  await settle(
    refs.filter((ref) => !known(ref)).map(async (ref) => {
      // GET /users/{idOrLogin} resolves an id or a login; an email that is not a login is searched.
      const found = await step('GET /api/v1/users/{id}', () => getRaw(client, `/api/v1/users/${encodeURIComponent(ref)}`));
      if (found !== null) {
        add(found, 'GET /api/v1/users/{id}');
        return;
      }
      if (!ref.includes('@')) return;
      const lookup: SearchLookup = { kind: 'login-or-email', value: ref };
      await step('GET /api/v1/users', async () => {
        for await (const u of listRaw(client, '/api/v1/users', { search: filterFor([lookup]), limit: OKTA_PAGE_SIZES.users })) add(u, 'GET /api/v1/users');
      });
    }),
  );

  const listed = new Map<string, string[]>();
  await settle(
    (request.listGroups ?? []).map(async (groupId) => {
      const members: string[] = [];
      await step('GET /api/v1/groups/{id}/users', async () => {
        for await (const u of listRaw(client, `/api/v1/groups/${encodeURIComponent(groupId)}/users`, { limit: OKTA_PAGE_SIZES.groupMembers })) {
          members.push(add(u, 'GET /api/v1/groups/{id}/users').id);
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
