/**
 * Lookup tables over the live snapshots, built once per plan so that every rule is a map lookup
 * (the planner stays O(n log n) on a 100k-member team). Every list is sorted, so nothing downstream
 * depends on the order the snapshots arrived in.
 */
import { ACTIVE_STATUSES, PENDING_STATUSES, type DropboxGroup, type DropboxMember, type DropboxState, type OktaGroup, type OktaState, type OktaUser } from '../domain/live.js';
import { MultiMap } from './multi-map.js';
import { compareStrings } from './text.js';

export { ACTIVE_STATUSES, PENDING_STATUSES };

export interface LiveIndex {
  readonly users: readonly OktaUser[];
  /** Okta user id → position in `users`. */
  readonly oktaIndex: ReadonlyMap<string, number>;
  /** The Okta user of an id. */
  oktaById(id: string): OktaUser | undefined;
  /** Lower-cased email → users, sorted by id (Okta does not force emails to be unique); built on first use. */
  oktaByEmail(): MultiMap<OktaUser>;
  /** Lower-cased login → user (built on first use: only manager lookups and `explain` need it). */
  oktaByLogin(): ReadonlyMap<string, OktaUser>;
  /** User id → how the user is assigned to the app (USER wins over GROUP). */
  readonly assignment: ReadonlyMap<string, 'USER' | 'GROUP'>;
  readonly groups: readonly OktaGroup[];
  readonly groupById: ReadonlyMap<string, OktaGroup>;
  /** Exact name → groups, sorted by id. */
  readonly groupsByName: ReadonlyMap<string, readonly OktaGroup[]>;
  readonly appGroupIds: ReadonlySet<string>;
  /** Names of the app-assigned groups a user is in, sorted. */
  appGroupsOf(userId: string): readonly string[];
  /** Names of the app-assigned groups whose members were not read, sorted. */
  unreadAppGroups(): readonly string[];
  readonly members: readonly DropboxMember[];
  /** The member of a team_member_id. */
  memberById(teamMemberId: string): DropboxMember | undefined;
  /** team_member_id → position in `members`. */
  readonly memberIndex: ReadonlyMap<string, number>;
  /** Lower-cased email → members (removed ones included), sorted by team_member_id; built on first use. */
  membersByEmail(): MultiMap<DropboxMember>;
  readonly dropboxGroups: readonly DropboxGroup[];
}

export function indexLive(okta: OktaState, dropbox: DropboxState): LiveIndex {
  const users = [...okta.users].sort((a, b) => compareStrings(a.id, b.id));
  const oktaIndex = new Map<string, number>();
  for (let i = 0; i < users.length; i++) oktaIndex.set(users[i]!.id, i);
  const oktaByEmail = once(() => {
    const map = new MultiMap<OktaUser>();
    for (const user of users) map.add(user.email, user);
    return map;
  });
  const oktaById = (id: string): OktaUser | undefined => {
    const i = oktaIndex.get(id);
    return i === undefined ? undefined : users[i];
  };
  const oktaByLogin = once(() => {
    const map = new Map<string, OktaUser>();
    for (const user of users) {
      const login = user.login.toLowerCase();
      if (!map.has(login)) map.set(login, user);
    }
    return map;
  });

  const assignment = new Map<string, 'USER' | 'GROUP'>();
  for (const a of okta.assignments) {
    if (a.scope === 'USER' || !assignment.has(a.userId)) assignment.set(a.userId, a.scope);
  }

  const groups = [...okta.groups].sort((a, b) => compareStrings(a.id, b.id));
  const groupById = new Map<string, OktaGroup>();
  const groupsByName = new Map<string, OktaGroup[]>();
  for (const group of groups) {
    groupById.set(group.id, group);
    push(groupsByName, group.name, group);
  }

  const appGroupIds = new Set(okta.appGroupIds);
  // Built on first use: only the reasons of new members and `explain` name the assigning groups.
  let appGroupMembers: { name: string; members: ReadonlySet<string> }[] | null = null;
  const appGroupsOf = (userId: string): readonly string[] => {
    appGroupMembers ??= groups
      .filter((g) => appGroupIds.has(g.id) && g.memberIds !== null)
      .map((g) => ({ name: g.name, members: new Set(g.memberIds) }))
      .sort((a, b) => compareStrings(a.name, b.name));
    return appGroupMembers.filter((g) => g.members.has(userId)).map((g) => g.name);
  };
  const unreadAppGroups = once(() =>
    groups
      .filter((g) => appGroupIds.has(g.id) && g.memberIds === null)
      .map((g) => g.name)
      .sort(compareStrings),
  );

  const members = [...dropbox.members].sort((a, b) => compareStrings(a.teamMemberId, b.teamMemberId));
  const memberIndex = new Map<string, number>();
  for (let i = 0; i < members.length; i++) memberIndex.set(members[i]!.teamMemberId, i);
  const memberById = (teamMemberId: string): DropboxMember | undefined => {
    const i = memberIndex.get(teamMemberId);
    return i === undefined ? undefined : members[i];
  };
  const membersByEmail = once(() => {
    const map = new MultiMap<DropboxMember>();
    for (const member of members) map.add(member.emailKey, member);
    return map;
  });

  const dropboxGroups = [...dropbox.groups].sort((a, b) => compareStrings(a.groupId, b.groupId));
  return {
    users,
    oktaIndex,
    oktaById,
    oktaByEmail,
    oktaByLogin,
    assignment,
    groups,
    groupById,
    groupsByName,
    appGroupIds,
    appGroupsOf,
    unreadAppGroups,
    members,
    memberById,
    memberIndex,
    membersByEmail,
    dropboxGroups,
  };
}

/** Okta groups named by a YAML entry: by id first, else every group of that exact name. */
export function resolveOktaGroups(index: LiveIndex, nameOrId: string): readonly OktaGroup[] {
  const byId = index.groupById.get(nameOrId);
  if (byId !== undefined) return [byId];
  return index.groupsByName.get(nameOrId) ?? [];
}

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
