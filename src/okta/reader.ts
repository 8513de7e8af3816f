/**
 * Reads the live Okta state the planner needs, with the fewest calls the API allows and within the
 * rate-limit budget (reference okta-api.md §1.2, §3.3, §4):
 *
 * - the app's users, 500 per page with the Okta user embedded (`expand=user`); pages that come
 *   without `_embedded.user` (G2) are completed by batched id lookups;
 * - the app's group assignments, 200 per page (the max; the min is 20);
 * - every group, 1 000 per page (not the spec's 10 000 maximum: Okta says to use "a specific value
 *   other than the default or maximum", okta-mgmt.yaml listGroups :12866; a page that times out
 *   is asked again smaller, raw-list.ts);
 * - members of each group named by groupPushes (name, id or pattern), roles and offboarding
 *   overrides, 1000 per page (the default, and the largest size the API documents);
 * - then, in rounds (read-lookups.ts): the Okta users of Dropbox members who are not app users
 *   (external id = Okta id, else email; DEPROVISIONED included), and the managers named through
 *   managerAttribute that are not read yet — ids by GET /users/{id}, emails by batched `search`.
 *
 * The app-users listing is one cursor chain (each page's `next` link is only known from the page
 * before), so it runs on its own lane while the other reads share the remaining lanes.
 *
 * Every listing is read raw through the SDK's HTTP layer (raw-list.ts), the SDK's own Collection
 * included no more: one place bounds every listing (a next link that goes round, issue 12 item 3).
 */
import type { DesiredState } from '../domain/desired.js';
import { compileGroupPattern, type GroupPattern } from '../domain/group-pattern.js';
import type { OktaGroup, OktaState } from '../domain/live.js';
import type { OktaClient } from './client.js';
import { requireObj, requireString, type AnswerAt } from '../transport/shape.js';
import { requireOktaGroup } from './convert.js';
import { DEFAULT_BUDGET_SHARE } from './rate-budget.js';
import { listRaw } from './raw-list.js';
import { addUser, createReadContext, guard, settle, stopped, type OktaReadPhase, type ReadContext } from './read-context.js';
import { flushWithoutEmbed, runLookupRounds, type DropboxMemberRef } from './read-lookups.js';
import { USERS_PAGE_SIZE } from './user-lookup.js';

/** Page sizes used (reference §1.2 maxima). */
export const OKTA_PAGE_SIZES = {
  appUsers: 500,
  appGroups: 200,
  groups: 1000,
  groupMembers: 1000,
  users: USERS_PAGE_SIZE,
} as const;

const APP_USERS: AnswerAt = { service: 'okta', route: 'GET /api/v1/apps/{id}/users' };
const APP_GROUPS: AnswerAt = { service: 'okta', route: 'GET /api/v1/apps/{id}/groups' };
const GROUP_USERS: AnswerAt = { service: 'okta', route: 'GET /api/v1/groups/{id}/users' };

/** AppUserStatus values (okta-api.md §1.4) of an app user who no longer holds the assignment. */
export const NOT_ASSIGNED: ReadonlySet<string> = new Set(['REVOKED', 'INACTIVE', 'DEPROVISIONED', 'UNASSIGNED']);

export interface OktaReadProgress {
  readonly phase: OktaReadPhase;
  /** Items read so far in this phase. */
  readonly items: number;
  /** HTTP attempts so far in this read. */
  readonly calls: number;
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

function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function readOktaState(client: OktaClient, desired: DesiredState, options: ReadOktaOptions): Promise<OktaReadResult> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_OKTA_CONCURRENCY));
  const before = client.calls();
  const progress = (phase: OktaReadPhase, items: number): void => options.onProgress?.({ phase, items, calls: sumCalls(diffCalls(before, client.calls())) });
  const saved = { share: client.budget.share, concurrency: client.budget.concurrency };
  client.budget.share = options.budgetShare ?? DEFAULT_BUDGET_SHARE;
  client.budget.concurrency = concurrency;
  const r = createReadContext(client, desired, concurrency, progress);
  try {
    await readListings(r);
    await runLookupRounds(r, await options.dropboxMembers);
  } finally {
    client.budget.share = saved.share;
    client.budget.concurrency = saved.concurrency;
  }
  if (r.failure) throw r.failure;
  return {
    appId: desired.okta.appId,
    users: [...r.users.values()].sort(byId),
    assignments: r.assignments.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)),
    appGroupIds: [...new Set(r.appGroupIds)].sort(),
    groups: [...r.groups.values()].map((g): OktaGroup => ({ ...g })).sort(byId),
    calls: diffCalls(before, client.calls()),
  };
}

/**
 * The listings, in this order: the app users (a cursor chain on its own lane), then on the shared
 * lanes the app's groups and every group, then the members of the groups the plan names and of the
 * groups that assign people; then the embed lookups the app-users pages left.
 */
async function readListings(r: ReadContext): Promise<void> {
  const appUsers = readAppUsers(r);
  const appGroups = r.lanes.run(() => readAppGroups(r));
  const groups = r.lanes.run(() => readGroups(r));
  const targets = groups.then(() => targetGroupIds(r.desired, [...r.groups.values()]));
  const members = targets.then((ids) => Promise.all([...ids].map((id) => readGroupMembers(r, id, false))));
  // A reason names the group that assigns the person (AppUser.scope GROUP; those of the app's
  // groups, GET /apps/{id}/groups, they are in). With one app group nobody names, its members need
  // not be read: a GROUP-scoped person in no other app group is in that one. Two or more are read,
  // ids only (their users are the app users read above).
  const assigning = Promise.all([targets, appGroups]).then(([ids]) => {
    const unread = [...new Set(r.appGroupIds)].filter((id) => r.groups.has(id) && !ids.has(id));
    return Promise.all(unread.length >= 2 ? unread.map((id) => readGroupMembers(r, id, true)) : []);
  });
  await settle([appUsers, appGroups, groups, members, assigning]);
  flushWithoutEmbed(r);
  await settle(r.pendingLookups);
}

// Hot paths (app users, group members, lookups) read raw JSON through the SDK's HTTP layer: the
// same auth, executor, pacing and retries, without deserialising every item into SDK models
// only to turn it back into plain data (a third of the CPU per 500-user page).
function readAppUsers(r: ReadContext): Promise<void> {
  return guard(r, APP_USERS.route, async () => {
    const path = `/api/v1/apps/${encodeURIComponent(r.desired.okta.appId)}/users`;
    for await (const item of listRaw(r.client, path, { limit: OKTA_PAGE_SIZES.appUsers, expand: 'user' })) {
      if (stopped(r)) return;
      addAppUser(r, item);
      if (r.assignments.length % OKTA_PAGE_SIZES.appUsers === 0) {
        r.progress('app-users', r.assignments.length);
        flushWithoutEmbed(r);
      }
    }
    r.progress('app-users', r.assignments.length);
  });
}

/** One app user of the listing: its assignment, if it holds one, and its Okta user (embedded, or looked up later). */
function addAppUser(r: ReadContext, item: unknown): void {
  const appUser = requireObj(APP_USERS, item, 'an app user') as { id?: unknown; scope?: unknown; status?: unknown; _embedded?: { user?: unknown } };
  const id = requireString(APP_USERS, appUser, 'id', 'an app user');
  requireString(APP_USERS, appUser, 'status', `app user ${id}`);
  if (r.appUserIds.has(id)) return;
  r.appUserIds.add(id);
  // Listed is not assigned: a REVOKED, INACTIVE, DEPROVISIONED or UNASSIGNED app user (AppUserStatus)
  // no longer holds the assignment; the person is known to Okta but unassigned.
  if (!NOT_ASSIGNED.has(String(appUser.status))) r.assignments.push({ userId: id, scope: appUser.scope === 'GROUP' ? 'GROUP' : 'USER' });
  // G2: pages after the first may lack _embedded.user; those users are fetched in batches.
  const embedded = appUser._embedded?.user;
  if (embedded !== undefined && embedded !== null) addUser(r, embedded, APP_USERS.route);
  else if (!r.users.has(id)) r.withoutEmbed.push(id);
}

function readAppGroups(r: ReadContext): Promise<void> {
  return guard(r, APP_GROUPS.route, async () => {
    const path = `/api/v1/apps/${encodeURIComponent(r.desired.okta.appId)}/groups`;
    for await (const a of listRaw(r.client, path, { limit: OKTA_PAGE_SIZES.appGroups })) {
      if (stopped(r)) return;
      r.appGroupIds.push(requireString(APP_GROUPS, requireObj(APP_GROUPS, a, 'a group assignment'), 'id', 'a group assignment'));
    }
    r.progress('app-groups', r.appGroupIds.length);
  });
}

function readGroups(r: ReadContext): Promise<void> {
  return guard(r, 'GET /api/v1/groups', async () => {
    for await (const g of listRaw(r.client, '/api/v1/groups', { limit: OKTA_PAGE_SIZES.groups })) {
      if (stopped(r)) return;
      const group = requireOktaGroup(g, 'GET /api/v1/groups');
      r.groups.set(group.id, { id: group.id, name: group.name, type: group.type, memberIds: null });
    }
    r.progress('groups', r.groups.size);
  });
}

/** The members of one group, on a shared lane: as users (they may be nobody else's), or `idsOnly` when they are app users read already. */
function readGroupMembers(r: ReadContext, groupId: string, idsOnly: boolean): Promise<void> {
  return r.lanes.run(() =>
    guard(r, GROUP_USERS.route, async () => {
      if (stopped(r)) return;
      const memberIds: string[] = [];
      const path = `/api/v1/groups/${encodeURIComponent(groupId)}/users`;
      for await (const u of listRaw(r.client, path, { limit: OKTA_PAGE_SIZES.groupMembers })) {
        if (stopped(r)) return;
        memberIds.push(idsOnly ? requireString(GROUP_USERS, requireObj(GROUP_USERS, u, 'a group member'), 'id', 'a group member') : addUser(r, u, GROUP_USERS.route).id);
      }
      r.groups.get(groupId)!.memberIds = memberIds.sort();
      r.membersRead += memberIds.length;
      r.progress('group-members', r.membersRead);
    }),
  );
}

function sumCalls(calls: Readonly<Record<string, number>>): number {
  return Object.values(calls).reduce((n, v) => n + v, 0);
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
