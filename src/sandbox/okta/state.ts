/**
 * The emulated Okta org: users, groups, the Dropbox app's assignments, and the rate limiter. Tests
 * read and change it directly (`setUserStatus`), the API module serves it over HTTP.
 */
import { OKTA_USER_STATUSES, type OktaUserStatus } from '../../domain/live.js';
import type { SeedOkta } from '../seed.js';
import { RateLimiter, type OktaBucket } from './rate-limiter.js';
import { SANDBOX_ADMIN_ACTOR, SystemLog, type SandboxLogActor, type SandboxLogTarget } from './system-log.js';

export { OKTA_USER_STATUSES };
export type SandboxUserStatus = OktaUserStatus;

export interface SandboxUser {
  readonly id: string;
  status: SandboxUserStatus;
  readonly created: string;
  activated: string | null;
  statusChanged: string | null;
  lastUpdated: string;
  profile: Record<string, unknown> & { login: string; email: string };
}

export interface SandboxGroup {
  readonly id: string;
  name: string;
  description: string | null;
  readonly type: string;
  /** Okta user ids. Change through addGroupMember / removeGroupMember, which invalidate cached listings. */
  readonly members: Set<string>;
  readonly created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
}

/** A user's assignment to the app, as GET /api/v1/apps/{appId}/users reports it. */
export interface SandboxAppUser {
  readonly userId: string;
  readonly scope: 'USER' | 'GROUP';
}

export interface DirectAssignment {
  userName: string;
  readonly created: string;
}

/** Deliberate deviations from today's Okta, switched on by tests to prove the reader copes. */
export interface OktaQuirks {
  /**
   * OKTA-1230324 (reference §1.3, gotcha G2): the `next` Link of /apps/{id}/users dropped
   * `expand`, so pages 2+ came without `_embedded.user`.
   */
  dropExpandOnNextLink: boolean;
}

function iso(value: string | null | undefined, fallback: string | null): string | null {
  if (value === undefined || value === null) return fallback;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? fallback : d.toISOString();
}

function isStatus(s: string): s is SandboxUserStatus {
  return (OKTA_USER_STATUSES as readonly string[]).includes(s);
}

/** The System Log event of a lifecycle change (Okta's event types catalog, reference okta-api.md §6). */
function lifecycleEvent(from: SandboxUserStatus, to: SandboxUserStatus): [string, string] {
  if (to === 'DEPROVISIONED') return ['user.lifecycle.deactivate', 'Deactivate Okta user'];
  if (to === 'SUSPENDED') return ['user.lifecycle.suspend', 'Suspend Okta user'];
  if (from === 'SUSPENDED') return ['user.lifecycle.unsuspend', 'Unsuspend Okta user'];
  if (from === 'DEPROVISIONED') return ['user.lifecycle.reactivate', 'Reactivate Okta user'];
  if (to === 'LOCKED_OUT') return ['user.account.lock', 'Max sign in attempts exceeded'];
  if (from === 'LOCKED_OUT') return ['user.account.unlock_by_admin', 'Unlock user account by admin'];
  if (to === 'PASSWORD_EXPIRED') return ['user.account.expire_password', 'Expire user password'];
  if (to === 'RECOVERY') return ['user.account.reset_password', 'Reset user password'];
  return ['user.lifecycle.activate', 'Activate Okta user'];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class OktaSandbox {
  readonly appId: string;
  readonly appLabel: string;
  readonly users = new Map<string, SandboxUser>();
  readonly groups = new Map<string, SandboxGroup>();
  /** Users assigned to the app directly (scope USER), by user id. */
  readonly directAssignments = new Map<string, DirectAssignment>();
  /** Groups assigned to the app, with their priority order. */
  readonly appGroupIds: string[];
  readonly quirks: OktaQuirks = { dropExpandOnNextLink: false };
  /**
   * AppUser status by user id where it is not the one the user's own status gives (okta-api.md §1.4
   * AppUserStatus): e.g. REVOKED (unassigned, awaiting the deprovision acknowledgement), INACTIVE,
   * DEPROVISIONED, UNASSIGNED (import side). Such app users are still listed by /apps/{id}/users.
   */
  readonly appUserStatuses = new Map<string, string>();
  readonly limiter: RateLimiter;
  /**
   * How long a user written (created, updated, status changed: its `lastUpdated`) stays missing
   * from `search` results. Okta's management OpenAPI (listUsers): "The `search` parameter results
   * are sourced from an eventually consistent datasource and may not reflect the latest
   * information"; "Use an ID lookup for records that you update". GET /users/{id} and `filter`
   * are unaffected. 0 (the default) shows every write at once; a seed makes a user "just
   * updated" with a recent lastUpdated.
   */
  searchLagMs = 0;
  /**
   * A fault: a listing page of more than this many items times out (HTTP 504, E0000009), as a big
   * page of a big org can. Okta's advice for it (okta-mgmt.yaml listGroups `limit`): "If your
   * request times out, retry your request with a smaller `limit`". null (the default): never.
   */
  pageTimeoutAbove: number | null = null;
  /**
   * Okta's concurrency limit: requests in flight at once per org (reference okta-api.md §4.1: 75
   * for Workforce orgs), separate from the per-minute buckets. One more is refused with 429 whose
   * X-Rate-Limit-Limit and -Remaining read 0 and whose Reset is an estimate. null: no limit.
   */
  concurrencyLimit: number | null = 75;
  /** Every change below is recorded here as Okta's System Log would (GET /api/v1/logs). */
  readonly log: SystemLog;
  private readonly loginIndex = new Map<string, string>();
  private version = 0;
  private appUsersCache: { version: number; list: SandboxAppUser[] } | null = null;
  private sortedUsersCache: { version: number; list: SandboxUser[] } | null = null;
  private sortedGroupsCache: { version: number; list: SandboxGroup[] } | null = null;
  private emailIndexCache: { version: number; index: Map<string, string[]> } | null = null;
  private readonly membersCache = new Map<string, { version: number; list: SandboxUser[] }>();
  private idCounter = 0;

  constructor(seed: SeedOkta, readonly clock: () => Date, rateLimits?: Partial<Record<string, number>>) {
    this.appId = seed.appId;
    this.appLabel = seed.appLabel ?? 'Dropbox Business';
    this.limiter = new RateLimiter(rateLimits, clock);
    this.log = new SystemLog(clock);
    const now = clock().toISOString();
    for (const u of seed.users) {
      const status = u.status.toUpperCase();
      if (!isStatus(status)) throw new Error(`seed: user ${u.id} has unknown status ${u.status}`);
      if (this.users.has(u.id)) throw new Error(`seed: duplicate user id ${u.id}`);
      const login = u.profile.login.toLowerCase();
      if (this.loginIndex.has(login)) throw new Error(`seed: duplicate login ${u.profile.login}`);
      const created = iso(u.created, now)!;
      this.users.set(u.id, {
        id: u.id,
        status,
        created,
        activated: iso(u.activated, status === 'STAGED' ? null : created),
        statusChanged: iso(u.statusChanged, null),
        lastUpdated: iso(u.lastUpdated, created)!,
        profile: { ...u.profile },
      });
      this.loginIndex.set(login, u.id);
    }
    for (const g of seed.groups) {
      if (this.groups.has(g.id)) throw new Error(`seed: duplicate group id ${g.id}`);
      // An undated seeded group is as old as the latest change of its seeded members (else the
      // start): seeding is no membership change, and dating every group to the start made the
      // first incremental reconcile after it see every group move without an event.
      const members = g.members.map((m) => this.users.get(m)?.lastUpdated).filter((d): d is string => typeof d === 'string').sort();
      const seeded = members.at(-1) ?? undefined;
      this.groups.set(g.id, {
        id: g.id,
        name: g.name,
        description: g.description ?? null,
        type: g.type ?? 'OKTA_GROUP',
        members: new Set(g.members.filter((m) => this.users.has(m))),
        created: iso(g.created ?? seeded, now)!,
        lastUpdated: iso(g.lastUpdated ?? seeded, now)!,
        lastMembershipUpdated: iso(g.lastMembershipUpdated ?? seeded, now)!,
      });
    }
    for (const id of seed.appUserIds) {
      const user = this.users.get(id);
      if (user) this.directAssignments.set(id, { userName: user.profile.login, created: now });
    }
    this.appGroupIds = seed.appGroupIds.filter((id) => this.groups.has(id));
  }

  /** Bump after any change so cached listings are rebuilt. */
  touch(): void {
    this.version++;
  }

  newId(prefix: '00u' | '00g'): string {
    let n = ++this.idCounter;
    let suffix = '';
    while (suffix.length < 17) {
      suffix = ID_ALPHABET[n % ID_ALPHABET.length] + suffix;
      n = Math.floor(n / ID_ALPHABET.length);
    }
    let id = `${prefix}${suffix}`;
    while (this.users.has(id) || this.groups.has(id)) id = this.newId(prefix);
    return id;
  }

  userByIdOrLogin(idOrLogin: string): SandboxUser | undefined {
    const byId = this.users.get(idOrLogin);
    if (byId) return byId;
    const id = this.loginIndex.get(idOrLogin.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  loginTaken(login: string, exceptId?: string): boolean {
    const id = this.loginIndex.get(login.toLowerCase());
    return id !== undefined && id !== exceptId;
  }

  addUser(user: SandboxUser, actor: SandboxLogActor = SANDBOX_ADMIN_ACTOR): void {
    this.users.set(user.id, user);
    this.loginIndex.set(user.profile.login.toLowerCase(), user.id);
    this.touch();
    this.log.record('user.lifecycle.create', 'Create Okta user', [this.userTarget(user)], actor);
    if (user.status === 'ACTIVE' || user.status === 'PROVISIONED') this.log.record('user.lifecycle.activate', 'Activate Okta user', [this.userTarget(user)], actor);
  }

  // ---------------------------------------------------------------- System Log targets

  userTarget(user: SandboxUser): SandboxLogTarget {
    const name = [user.profile['firstName'], user.profile['lastName']].filter((v) => typeof v === 'string' && v !== '').join(' ');
    return { id: user.id, type: 'User', alternateId: user.profile.login, displayName: name };
  }

  private groupTarget(group: SandboxGroup): SandboxLogTarget {
    return { id: group.id, type: 'UserGroup', alternateId: 'unknown', displayName: group.name };
  }

  private appTarget(): SandboxLogTarget {
    return { id: this.appId, type: 'AppInstance', alternateId: this.appLabel, displayName: this.appLabel };
  }

  /** Replace a user's profile (keeps the login index right). */
  setProfile(user: SandboxUser, profile: SandboxUser['profile'], actor: SandboxLogActor = SANDBOX_ADMIN_ACTOR): void {
    this.loginIndex.delete(user.profile.login.toLowerCase());
    user.profile = profile;
    this.loginIndex.set(profile.login.toLowerCase(), user.id);
    user.lastUpdated = this.clock().toISOString();
    this.touch();
    this.log.record('user.account.update_profile', 'Update user profile for Okta', [this.userTarget(user)], actor);
  }

  /** Change a user's lifecycle status as an Okta admin would (statusChanged moves with it). */
  setUserStatus(id: string, status: SandboxUserStatus): void {
    const user = this.users.get(id);
    if (!user) throw new Error(`no Okta user ${id}`);
    if (user.status === status) return;
    const now = this.clock().toISOString();
    const before = user.status;
    user.status = status;
    user.statusChanged = now;
    user.lastUpdated = now;
    if (status === 'ACTIVE' && user.activated === null) user.activated = now;
    this.touch();
    const [eventType, message] = lifecycleEvent(before, status);
    this.log.record(eventType, message, [this.userTarget(user)]);
  }

  addGroupMember(groupId: string, userId: string): void {
    const group = this.groups.get(groupId);
    if (!group || !this.users.has(userId)) throw new Error(`no group ${groupId} or user ${userId}`);
    if (group.members.has(userId)) return;
    group.members.add(userId);
    group.lastMembershipUpdated = this.clock().toISOString();
    this.touch();
    this.log.record('group.user_membership.add', 'Add user to group membership', [this.userTarget(this.users.get(userId)!), this.groupTarget(group)]);
  }

  removeGroupMember(groupId: string, userId: string): void {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`no group ${groupId}`);
    if (!group.members.delete(userId)) return;
    group.lastMembershipUpdated = this.clock().toISOString();
    this.touch();
    const user = this.users.get(userId);
    this.log.record('group.user_membership.remove', 'Remove user from group membership', [
      ...(user ? [this.userTarget(user)] : []),
      this.groupTarget(group),
    ]);
  }

  /** A new Okta group (an admin creates it; assign it to the app or add members separately). */
  addGroup(name: string, id = this.newId('00g')): SandboxGroup {
    if (this.groups.has(id)) throw new Error(`group ${id} exists`);
    const now = this.clock().toISOString();
    const group: SandboxGroup = { id, name, description: null, type: 'OKTA_GROUP', members: new Set(), created: now, lastUpdated: now, lastMembershipUpdated: now };
    this.groups.set(id, group);
    this.touch();
    this.log.record('group.lifecycle.create', 'Create okta group', [this.groupTarget(group)]);
    return group;
  }

  /** Rename a group as an admin would (group.profile.update; lastUpdated moves). */
  renameGroup(groupId: string, name: string): void {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`no group ${groupId}`);
    const from = group.name;
    group.name = name;
    group.lastUpdated = this.clock().toISOString();
    this.touch();
    this.log.record('group.profile.update', 'Update group profile', [{ ...this.groupTarget(group), changeDetails: { from: { name: from }, to: { name } } }]);
  }

  /** Assign a group to the app (lowest priority), or take its assignment away. */
  assignGroupToApp(groupId: string): void {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`no group ${groupId}`);
    if (this.appGroupIds.includes(groupId)) return;
    this.appGroupIds.push(groupId);
    this.touch();
    this.log.record('group.application_assignment.add', 'Add assigned application to group', [this.groupTarget(group), this.appTarget()]);
  }

  unassignGroupFromApp(groupId: string): void {
    const i = this.appGroupIds.indexOf(groupId);
    if (i < 0) return;
    this.appGroupIds.splice(i, 1);
    this.touch();
    this.log.record('group.application_assignment.remove', 'Remove assigned application from group', [this.groupTarget(this.groups.get(groupId)!), this.appTarget()]);
  }

  /** Take a user's direct assignment to the app away (they may stay assigned through a group). */
  unassignUser(userId: string): void {
    const existing = this.directAssignments.get(userId);
    if (!existing) return;
    this.directAssignments.delete(userId);
    this.touch();
    const user = this.users.get(userId);
    this.log.record('application.user_membership.remove', 'Remove user from application membership', [
      { id: userId, type: 'AppUser', alternateId: existing.userName, displayName: user ? this.userTarget(user).displayName : '' },
      this.appTarget(),
    ]);
  }

  assignUser(userId: string, userName: string, actor: SandboxLogActor = SANDBOX_ADMIN_ACTOR): void {
    const existing = this.directAssignments.get(userId);
    if (existing?.userName === userName) return;
    if (existing) existing.userName = userName;
    else this.directAssignments.set(userId, { userName, created: this.clock().toISOString() });
    this.touch();
    const user = this.users.get(userId);
    const appUser: SandboxLogTarget = { id: userId, type: 'AppUser', alternateId: userName, displayName: user ? this.userTarget(user).displayName : '' };
    this.log.record(
      existing ? 'application.user_membership.change_username' : 'application.user_membership.add',
      existing ? 'Change users application username' : 'Add user to application membership',
      [appUser, this.appTarget()],
      actor,
    );
  }

  /**
   * The app's users: direct assignments (scope USER) and members of assigned groups (scope GROUP);
   * a user both direct and via a group reports USER (reference §1.4: "commonly reported as USER").
   * DEPROVISIONED users are left out: Okta removes a deactivated user's app assignments, which is
   * why dbxsync finds leavers by looking the Dropbox member up in Okta instead.
   */
  appUsers(): readonly SandboxAppUser[] {
    if (this.appUsersCache?.version === this.version) return this.appUsersCache.list;
    const scopes = new Map<string, 'USER' | 'GROUP'>();
    for (const id of this.directAssignments.keys()) scopes.set(id, 'USER');
    for (const gid of this.appGroupIds) {
      for (const m of this.groups.get(gid)?.members ?? []) if (!scopes.has(m)) scopes.set(m, 'GROUP');
    }
    const list: SandboxAppUser[] = [];
    for (const [userId, scope] of scopes) {
      const user = this.users.get(userId);
      if (user && user.status !== 'DEPROVISIONED') list.push({ userId, scope });
    }
    list.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
    this.appUsersCache = { version: this.version, list };
    return list;
  }

  /** Users whose id, login or email equals one of the values (case-insensitive), sorted by id. */
  /** Users matching any of the equalities; `exactCase` for `filter` (case-sensitive values), else as `search`. */
  usersMatching(terms: readonly { attr: 'id' | 'profile.login' | 'profile.email'; value: string }[], exactCase = false): SandboxUser[] {
    if (this.emailIndexCache?.version !== this.version) {
      const index = new Map<string, string[]>();
      for (const u of this.users.values()) {
        const key = String(u.profile.email ?? '').toLowerCase();
        const list = index.get(key);
        if (list) list.push(u.id);
        else index.set(key, [u.id]);
      }
      this.emailIndexCache = { version: this.version, index };
    }
    const ids = new Set<string>();
    const same = (a: unknown, b: string): boolean => !exactCase || String(a ?? '') === b;
    for (const { attr, value } of terms) {
      if (attr === 'id') {
        if (this.users.has(value)) ids.add(value);
      } else if (attr === 'profile.login') {
        const id = this.loginIndex.get(value.toLowerCase());
        if (id !== undefined && same(this.users.get(id)!.profile.login, value)) ids.add(id);
      } else {
        for (const id of this.emailIndexCache.index.get(value.toLowerCase()) ?? []) if (same(this.users.get(id)!.profile.email, value)) ids.add(id);
      }
    }
    return [...ids].sort().map((id) => this.users.get(id)!);
  }

  /** Whether `search` sees the user yet (see searchLagMs). */
  searchable(user: SandboxUser): boolean {
    return this.searchLagMs <= 0 || this.clock().getTime() - Date.parse(user.lastUpdated) >= this.searchLagMs;
  }

  /** The app's assignments (alias of appUsers, for tests). */
  assignments(): readonly SandboxAppUser[] {
    return this.appUsers();
  }

  /** Every user, sorted by id (the listing order). */
  sortedUsers(): readonly SandboxUser[] {
    if (this.sortedUsersCache?.version === this.version) return this.sortedUsersCache.list;
    const list = [...this.users.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.sortedUsersCache = { version: this.version, list };
    return list;
  }

  /** A group's members, sorted by id (the listing order). */
  sortedMembers(group: SandboxGroup): readonly SandboxUser[] {
    const cached = this.membersCache.get(group.id);
    if (cached?.version === this.version) return cached.list;
    const list = [...group.members].sort().map((id) => this.users.get(id)).filter((u): u is SandboxUser => u !== undefined);
    this.membersCache.set(group.id, { version: this.version, list });
    return list;
  }

  sortedGroups(): readonly SandboxGroup[] {
    if (this.sortedGroupsCache?.version === this.version) return this.sortedGroupsCache.list;
    const list = [...this.groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.sortedGroupsCache = { version: this.version, list };
    return list;
  }

  /** Requests seen per rate-limit bucket. */
  counters(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.limiter.counters) as Record<OktaBucket, number>;
  }
}
