/**
 * Reads the live Dropbox team into a DropboxState (ref §10 rule 1): members with members/list_v2
 * (limit 1000, include_removed), groups with groups/list, the token's admin, and group
 * memberships.
 *
 * Memberships come first from each member's profile.groups (already in the member pages, so no
 * extra call): a group whose member_count equals what the profiles say is taken as is, and only
 * the others (counts that disagree, e.g. because the team changed between pages, or no count) are
 * read with groups/members/list, a few at a time. That keeps a 100k-member, 2k-group team at about
 * one call per 1000 items per endpoint. `groupMembers: 'list'` reads every group's list instead.
 */
import type { Dropbox } from 'dropbox';
import type { DropboxGroup, DropboxMember, DropboxState } from '../domain/live.js';
import { RemoteError } from '../domain/errors.js';
import { PageGuard, type PageBound } from '../transport/pagination.js';
import { requireField, requireObj, requireString, type AnswerAt, type Obj } from '../transport/shape.js';
import { dropboxRetryDefaults } from './client.js';
import { managementTypeOf, profileGroupIds, toDropboxMember } from './map.js';
import { mapLimit } from '../transport/pool.js';
import { callWithRetry, type RetryContext } from './retry.js';

export interface ReadDropboxOptions {
  /** groups/members/list calls in flight at once (default 8). */
  readonly concurrency?: number;
  /** Items read so far, and the items known to exist so far (grows while pages arrive). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Page size for every listing, 1..1000 (default 1000, the maximum; smaller only for tests). */
  readonly pageLimit?: number;
  /** How to learn group memberships: from profiles, checked against member_count (default), or by listing every group. */
  readonly groupMembers?: 'profiles' | 'list';
  readonly retry?: RetryContext;
}

/** Pages any listing may take before the team's size is asked for (issue 12 item 3). */
const MIN_PAGE_BOUND = 10;

/** The team_member_id of the token's admin (team/token/get_authenticated_admin), null when the token has none. */
export function readAuthenticatedAdmin(client: Dropbox, ctx: RetryContext): Promise<string | null> {
  return callWithRetry('team/token/get_authenticated_admin', () => client.teamTokenGetAuthenticatedAdmin(), ctx).then(
    (r) => {
      const at: AnswerAt = { service: 'dropbox', route: 'team/token/get_authenticated_admin' };
      return requireString(at, requireObj(at, r.result, 'a body'), 'admin_profile.team_member_id', 'an admin');
    },
    (err: unknown) => {
      // ref §5: mapping_not_found / admin_not_active — the token has no admin: nothing to protect.
      if (err instanceof RemoteError && (err.code === 'mapping_not_found' || err.code === 'admin_not_active')) return null;
      throw err;
    },
  );
}

/** The retry context of a client: a refresh-token client refreshes its access token on expiry. */
export function retryContextOf(client: Dropbox, retry: RetryContext = {}): RetryContext {
  return { ...(refreshOf(client) ? { refresh: refreshOf(client)! } : {}), ...dropboxRetryDefaults(client), ...retry };
}

function refreshOf(client: Dropbox): (() => Promise<void>) | undefined {
  const auth = (client as unknown as { auth: unknown }).auth as { getRefreshToken?: () => string | undefined; refreshAccessToken?: () => Promise<void> };
  return auth.getRefreshToken?.() ? () => auth.refreshAccessToken!() : undefined;
}

export async function readDropboxState(client: Dropbox, options: ReadDropboxOptions = {}): Promise<DropboxState> {
  const limit = options.pageLimit ?? 1000;
  const ctx = retryContextOf(client, options.retry);
  let done = 0;
  let outstanding = 0;
  const progress = (read: number, pending = 0) => {
    done += read;
    outstanding = pending;
    options.onProgress?.(done, done + outstanding);
  };

  const teamP = callWithRetry('team/get_info', () => client.teamGetInfo(), ctx);
  const teamInfoP = teamP.then(({ result }) => {
    const at: AnswerAt = { service: 'dropbox', route: 'team/get_info' };
    const body = requireObj(at, result, 'a body');
    return {
      name: requireField<string>(at, body, 'name', 'string', 'a team'),
      provisioned: requireField<number>(at, body, 'num_provisioned_users', 'number', 'a team'),
      licensed: requireField<number>(at, body, 'num_licensed_users', 'number', 'a team'),
    };
  });
  // No listing reports its length, but team/get_info reports the team's size (team.stone:2103):
  // a listing (members with the removed ones, groups, a group's members) may take ten times the
  // pages the team fills, plus ten, and no more. Asked for only past the first ten pages.
  let teamBound: Promise<PageBound> | null = null;
  const boundFor = (pages: number): PageBound | Promise<PageBound> => {
    if (pages < MIN_PAGE_BOUND) return { pages: MIN_PAGE_BOUND, why: 'the first pages' };
    teamBound ??= teamInfoP.then((info) => {
      const size = Math.max(info.provisioned, info.licensed);
      const pages = MIN_PAGE_BOUND + 10 * Math.ceil(size / limit);
      return { pages, why: `ten times the pages of the ${size} members team/get_info reports, plus ${MIN_PAGE_BOUND}` };
    });
    return teamBound;
  };

  async function listAll(
    first: () => Promise<{ result: unknown }>,
    next: (cursor: string) => Promise<{ result: unknown }>,
    key: string,
    route: string,
    continueRoute: string,
  ): Promise<Obj[]> {
    // ref §2.2: invalid_cursor → restart the listing (at most twice).
    for (let restart = 0; ; restart++) {
      const items: Obj[] = [];
      const guard = new PageGuard('dropbox', route, 'cursor');
      try {
        let at: AnswerAt = { service: 'dropbox', route };
        let page = requireObj(at, (await first()).result, 'a body');
        for (;;) {
          const batch = requireField<unknown[]>(at, page, key, 'array', 'a page');
          for (const item of batch) items.push(requireObj(at, item, `an item of ${key}`));
          const more = requireField<boolean>(at, page, 'has_more', 'boolean', 'a page');
          progress(batch.length, more ? limit : 0);
          if (!more) return items;
          const cursor = requireString(at, page, 'cursor', 'a page with has_more');
          guard.follow(cursor, await boundFor(guard.pages));
          at = { service: 'dropbox', route: continueRoute };
          page = requireObj(at, (await next(cursor)).result, 'a body');
        }
      } catch (err) {
        if (restart < 2 && err instanceof RemoteError && err.code === 'invalid_cursor') continue;
        throw err;
      }
    }
  }

  const membersP = listAll(
    () => callWithRetry('team/members/list_v2', () => client.teamMembersListV2({ limit, include_removed: true }), ctx),
    (cursor) => callWithRetry('team/members/list/continue_v2', () => client.teamMembersListContinueV2({ cursor }), ctx),
    'members',
    'team/members/list_v2',
    'team/members/list/continue_v2',
  );
  const groupsP = listAll(
    () => callWithRetry('team/groups/list', () => client.teamGroupsList({ limit }), ctx),
    (cursor) => callWithRetry('team/groups/list/continue', () => client.teamGroupsListContinue({ cursor }), ctx),
    'groups',
    'team/groups/list',
    'team/groups/list/continue',
  );
  const adminP = readAuthenticatedAdmin(client, ctx);
  const [memberInfos, groupSummaries, team, authenticatedAdminId] = await Promise.all([membersP, groupsP, teamInfoP, adminP]);
  const groupsAt: AnswerAt = { service: 'dropbox', route: 'team/groups/list' };
  for (const g of groupSummaries) {
    // GroupSummary (team_common.stone:17): the plan matches groups by name and id.
    const id = requireString(groupsAt, g, 'group_id', 'a group');
    requireString(groupsAt, g, 'group_name', `group ${id}`);
  }

  const members: DropboxMember[] = [];
  const fromProfiles = new Map<string, string[]>();
  for (const info of memberInfos) {
    const member = toDropboxMember(info);
    members.push(member);
    if (member.status === 'removed') continue;
    for (const gid of profileGroupIds(info['profile'])) {
      const list = fromProfiles.get(gid);
      if (list) list.push(member.teamMemberId);
      else fromProfiles.set(gid, [member.teamMemberId]);
    }
  }

  const toList: Obj[] = [];
  for (const g of groupSummaries) {
    if (managementTypeOf(g) === 'system_managed') continue;
    const derived = fromProfiles.get(String(g['group_id'])) ?? [];
    const count = typeof g['member_count'] === 'number' ? g['member_count'] : null;
    if (options.groupMembers === 'list' || count === null || count !== derived.length) toList.push(g);
  }
  progress(0, toList.length);
  const listed = new Map<string, string[]>();
  await mapLimit(toList, options.concurrency ?? 8, async (g) => {
    const groupId = String(g['group_id']);
    const entries = await listAll(
      () => callWithRetry('team/groups/members/list', () => client.teamGroupsMembersList({ group: { '.tag': 'group_id', group_id: groupId }, limit }), ctx),
      (cursor) => callWithRetry('team/groups/members/list/continue', () => client.teamGroupsMembersListContinue({ cursor }), ctx),
      'members',
      'team/groups/members/list',
      'team/groups/members/list/continue',
    );
    const at: AnswerAt = { service: 'dropbox', route: 'team/groups/members/list' };
    listed.set(
      groupId,
      entries.map((e) => requireString(at, e, 'profile.team_member_id', `a member of group ${groupId}`)),
    );
  });

  const groups: DropboxGroup[] = groupSummaries.map((g) => {
    const groupId = String(g['group_id']);
    const managementType = managementTypeOf(g);
    return {
      groupId,
      name: String(g['group_name']),
      externalId: typeof g['group_external_id'] === 'string' && g['group_external_id'] !== '' ? g['group_external_id'] : null,
      managementType,
      memberIds: managementType === 'system_managed' ? [] : (listed.get(groupId) ?? fromProfiles.get(groupId) ?? []),
    };
  });

  return { teamName: team.name, members, groups, authenticatedAdminId };
}
