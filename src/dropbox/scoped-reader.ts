/**
 * The Dropbox side of an incremental reconcile: the members of the people Okta moved, found by
 * external id (= Okta id) and by email, never by listing the team (design.md "Lifecycle changes").
 *
 * - members/get_info_v2 (team.stone:1081) takes a list of UserSelectorArg (team.stone:1730),
 *   mixed kinds allowed; an id or email that matches no member comes back as an `id_not_found`
 *   item, not an error (MembersGetInfoItemV2, team.stone:1459). Each member's TeamMemberProfile
 *   carries its group ids (`groups`, team.stone:92), so the memberships of the people read need
 *   no group listing. Batches stay at 100 selectors (the spec states no maximum).
 * - groups/get_info (team.stone:2522) by GroupsSelector (group_ids or group_external_ids,
 *   team.stone:2207): the groups those people are in, and the groups carrying the `okta:` marker
 *   of the pushes in play.
 * - groups/members/list (team.stone:2590) only for a group whose membership moved in Okta without
 *   an event naming the person.
 * - team/get_info (team.stone:2143): num_provisioned_users, "invited or already active members",
 *   the team size of the removal percentage; team/token/get_authenticated_admin: the operator.
 */
import type { Dropbox, team } from 'dropbox';
import { emailKey, type DropboxGroup, type DropboxMember } from '../domain/live.js';
import { PageGuard, type PageBound } from '../transport/pagination.js';
import { invalidAnswer, requireField, requireObj, requireString, type AnswerAt } from '../transport/shape.js';
import { managementTypeOf, profileGroupIds, toDropboxMember } from './map.js';
import { readAuthenticatedAdmin } from './reader.js';
import { callWithRetry, type RetryContext } from './retry.js';
import type { Obj } from '../transport/shape.js';

/** Selectors per members/get_info_v2 call, and ids per groups/get_info call. */
export const LOOKUP_BATCH = 100;

export interface MemberLookup {
  readonly externalIds: readonly string[];
  readonly emails: readonly string[];
}

export interface MembersFound {
  readonly members: readonly DropboxMember[];
  /** team_member_id → the group ids of its profile. */
  readonly groupsOf: ReadonlyMap<string, readonly string[]>;
}

/** The `.tag` of a union value (a dotted path cannot name it). */
function tagOf(at: AnswerAt, item: Obj, what: string): string {
  const tag = item['.tag'];
  if (typeof tag === 'string' && tag !== '') return tag;
  throw invalidAnswer(at, `${what} without .tag`);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The members matching any of the external ids or emails (removed ones included, as Dropbox answers them). */
export async function lookupMembers(client: Dropbox, lookup: MemberLookup, retry: RetryContext = {}): Promise<MembersFound> {
  const selectors = [
    ...[...new Set(lookup.externalIds)].map((external_id): team.UserSelectorArg => ({ '.tag': 'external_id', external_id })),
    ...[...new Set(lookup.emails.map((e) => emailKey(e)))].map((email): team.UserSelectorArg => ({ '.tag': 'email', email })),
  ];
  const members = new Map<string, DropboxMember>();
  const groupsOf = new Map<string, string[]>();
  const pages = await Promise.all(
    chunks(selectors, LOOKUP_BATCH).map((batch) =>
      callWithRetry('team/members/get_info_v2', () => client.teamMembersGetInfoV2({ members: batch }), retry),
    ),
  );
  // MembersGetInfoV2Result.members_info (team.stone:1737) is required: a body without it is not
  // "nobody found" (which would read as everybody in the lookup gone), it fails the read.
  const at: AnswerAt = { service: 'dropbox', route: 'team/members/get_info_v2' };
  for (const page of pages) {
    for (const entry of requireField<unknown[]>(at, requireObj(at, page.result, 'a body'), 'members_info', 'array', 'a body')) {
      const item = requireObj(at, entry, 'a members_info item');
      if (tagOf(at, item, 'a members_info item') !== 'member_info') continue;
      const member = toDropboxMember(item, 'team/members/get_info_v2');
      if (members.has(member.teamMemberId)) continue;
      members.set(member.teamMemberId, member);
      groupsOf.set(member.teamMemberId, member.status === 'removed' ? [] : profileGroupIds(item['profile']));
    }
  }
  return { members: [...members.values()], groupsOf };
}

/** Groups by id and by external id; unknown ones are left out. Members are not filled here. */
export async function lookupGroups(client: Dropbox, by: { readonly groupIds: readonly string[]; readonly externalIds: readonly string[] }, retry: RetryContext = {}): Promise<DropboxGroup[]> {
  const calls = [
    ...chunks([...new Set(by.groupIds)], LOOKUP_BATCH).map((group_ids): team.GroupsSelector => ({ '.tag': 'group_ids', group_ids })),
    ...chunks([...new Set(by.externalIds)], LOOKUP_BATCH).map((group_external_ids): team.GroupsSelector => ({ '.tag': 'group_external_ids', group_external_ids })),
  ];
  const pages = await Promise.all(calls.map((arg) => callWithRetry('team/groups/get_info', () => client.teamGroupsGetInfo(arg), retry)));
  const groups = new Map<string, DropboxGroup>();
  // GroupsGetInfoResult is a list of GroupsGetInfoItem (team.stone:2233): id_not_found or
  // group_info, a GroupFullInfo whose group_id and group_name are required (team_common.stone).
  const at: AnswerAt = { service: 'dropbox', route: 'team/groups/get_info' };
  for (const page of pages) {
    if (!Array.isArray(page.result)) throw invalidAnswer(at, `a body that is ${page.result === null ? 'null' : typeof page.result}, not a list`);
    for (const item of page.result as unknown[]) {
      const g = requireObj(at, item, 'a group');
      if (tagOf(at, g, 'a group') !== 'group_info') continue;
      const groupId = requireString(at, g, 'group_id', 'a group');
      groups.set(groupId, {
        groupId,
        name: requireString(at, g, 'group_name', `group ${groupId}`),
        externalId: typeof g['group_external_id'] === 'string' && g['group_external_id'] !== '' ? g['group_external_id'] : null,
        managementType: managementTypeOf(g),
        memberIds: [],
      });
    }
  }
  return [...groups.values()];
}

/**
 * Every member of one group (groups/members/list + /continue): profiles without roles or groups. A
 * cursor already followed, or more pages than `bound`, stops the read (as the full reader does).
 */
export async function listGroupMembers(client: Dropbox, groupId: string, bound: PageBound, retry: RetryContext = {}): Promise<{ teamMemberId: string; externalId: string | null; email: string }[]> {
  const guard = new PageGuard('dropbox', 'team/groups/members/list', 'cursor');
  const out: { teamMemberId: string; externalId: string | null; email: string }[] = [];
  // GroupsMembersListResult (team.stone:2485): members, cursor and has_more are all required;
  // each GroupMemberInfo has a MemberProfile with team_member_id and email (team.stone:44).
  const take = (result: unknown, route: string): { more: boolean; cursor: string } => {
    const at: AnswerAt = { service: 'dropbox', route };
    const page = requireObj(at, result, 'a body');
    for (const m of requireField<unknown[]>(at, page, 'members', 'array', 'a page')) {
      const p = requireField<Obj>(at, requireObj(at, m, 'a group member'), 'profile', 'object', 'a group member');
      const teamMemberId = requireString(at, p, 'team_member_id', `a member of group ${groupId}`);
      out.push({ teamMemberId, externalId: typeof p['external_id'] === 'string' && p['external_id'] !== '' ? p['external_id'] : null, email: requireField<string>(at, p, 'email', 'string', `member ${teamMemberId}`) });
    }
    const more = requireField<boolean>(at, page, 'has_more', 'boolean', 'a page');
    return { more, cursor: more ? requireString(at, page, 'cursor', 'a page with has_more') : '' };
  };
  const selector: team.GroupSelector = { '.tag': 'group_id', group_id: groupId };
  let page = take((await callWithRetry('team/groups/members/list', () => client.teamGroupsMembersList({ group: selector, limit: 1000 }), retry)).result, 'team/groups/members/list');
  while (page.more) {
    const cursor = page.cursor;
    guard.follow(cursor, bound);
    page = take((await callWithRetry('team/groups/members/list/continue', () => client.teamGroupsMembersListContinue({ cursor }), retry)).result, 'team/groups/members/list/continue');
  }
  return out;
}

export interface TeamFacts {
  readonly teamName: string;
  /** num_provisioned_users: invited and active members. */
  readonly provisioned: number;
  readonly authenticatedAdminId: string | null;
}

export async function readTeamFacts(client: Dropbox, retry: RetryContext = {}): Promise<TeamFacts> {
  const [team, admin] = await Promise.all([callWithRetry('team/get_info', () => client.teamGetInfo(), retry), readAuthenticatedAdmin(client, retry)]);
  // TeamGetInfoResult (team.stone:2103): name and num_provisioned_users are required; a team size
  // of 0 read from a missing field would make any removal percentage look small.
  const at: AnswerAt = { service: 'dropbox', route: 'team/get_info' };
  const info = requireObj(at, team.result, 'a body');
  return {
    teamName: requireField<string>(at, info, 'name', 'string', 'a team'),
    provisioned: requireField<number>(at, info, 'num_provisioned_users', 'number', 'a team'),
    authenticatedAdminId: admin,
  };
}

/** The pages a group listing may take: ten times what the team fills, plus ten (as the full reader). */
export function groupPageBound(facts: TeamFacts): PageBound {
  const pages = 10 + 10 * Math.ceil(facts.provisioned / 1000);
  return { pages, why: `ten times the pages of the ${facts.provisioned} members team/get_info reports, plus 10` };
}
