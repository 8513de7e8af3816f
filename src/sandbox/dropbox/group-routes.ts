/** The group routes (ref §4): argument parsing and answer encoding; rules live in DropboxSandbox. */
import { decodeCursor, encodeCursor } from './cursor.js';
import { groupFullInfo, groupSummary, memberProfile } from './encode.js';
import type { RouteTable } from './route.js';
import type { DropboxSandbox, GroupAccessType, GroupManagementType } from './state.js';
import { BadRequest, RouteError, asList, asObject, groupSelector, optBool, optString, optUInt, reqString, userSelector, voidUnion } from './wire.js';
import { MAX_PAGE } from './member-routes.js';

const MANAGEMENT_TYPES = ['company_managed', 'user_managed', 'system_managed'] as const;

function groupsPage(state: DropboxSandbox, after: number, limit: number) {
  const page = state.pageGroups(after, limit);
  return { groups: page.items.map(groupSummary), cursor: encodeCursor({ k: 'g', s: page.lastSeq, l: limit }), has_more: page.hasMore };
}

function groupMembersPage(state: DropboxSandbox, groupId: string, after: number, limit: number) {
  const g = state.resolveGroup({ by: 'group_id', value: groupId });
  // ref §4: group_not_found (also for a cursor whose group was deleted meanwhile).
  if (!g) throw new RouteError('group_not_found');
  const page = g.members.pageEntries(after, limit);
  const members: unknown[] = [];
  for (const [id, access] of page.items) {
    const m = state.member(id);
    if (m) members.push({ profile: memberProfile(state, m), access_type: { '.tag': access } });
  }
  return { members, cursor: encodeCursor({ k: 'gm', s: page.lastSeq, l: limit, g: groupId }), has_more: page.hasMore };
}

export function groupRoutes(state: DropboxSandbox): RouteTable {
  const body = 'request body';
  return {
    'team/groups/list': {
      handle(arg) {
        const o = asObject(arg ?? {}, body);
        // ref §4: limit 1..1000 = 1000.
        return groupsPage(state, 0, optUInt(o, 'limit', body, { min: 1, max: MAX_PAGE, fallback: MAX_PAGE }));
      },
    },
    'team/groups/list/continue': {
      handle(arg) {
        const c = decodeCursor(reqString(asObject(arg, body), 'cursor', body), 'g');
        return groupsPage(state, c.s, c.l);
      },
    },
    'team/groups/get_info': {
      handle(arg) {
        // ref §4: GroupsSelector (group_ids | group_external_ids) → bare array.
        const o = asObject(arg, body);
        const tag = voidUnion(o['.tag'], `${body}..tag`, ['group_ids', 'group_external_ids'] as const);
        const ids = asList(o[tag], `${body}.${tag}`).map((v, i) => {
          if (typeof v !== 'string') throw new BadRequest(`${body}.${tag}[${i}]: expected string`);
          return v;
        });
        if (tag === 'group_ids' && state.deletedGroupInfo === 'group_not_on_team' && ids.some((id) => state.wasDeleted(id))) {
          throw new RouteError('group_not_on_team');
        }
        return ids.map((id) => {
          const g = state.resolveGroup(tag === 'group_ids' ? { by: 'group_id', value: id } : { by: 'group_external_id', value: id });
          return g ? { '.tag': 'group_info', ...groupFullInfo(state, g, true) } : { '.tag': 'id_not_found', id_not_found: id };
        });
      },
    },
    'team/groups/create': {
      handle(arg) {
        const o = asObject(arg, body);
        const type = o['group_management_type'] == null ? null : voidUnion<GroupManagementType>(o['group_management_type'], `${body}.group_management_type`, MANAGEMENT_TYPES);
        const g = state.createGroup({
          name: reqString(o, 'group_name', body),
          externalId: optString(o, 'group_external_id', body) ?? null,
          managementType: type,
        });
        return groupFullInfo(state, g, true);
      },
    },
    'team/groups/update': {
      handle(arg) {
        const o = asObject(arg, body);
        const sel = groupSelector(o['group'], `${body}.group`);
        const name = optString(o, 'new_group_name', body);
        const externalId = optString(o, 'new_group_external_id', body);
        const type = o['new_group_management_type'] == null ? undefined : voidUnion<GroupManagementType>(o['new_group_management_type'], `${body}.new_group_management_type`, MANAGEMENT_TYPES);
        const g = state.updateGroup(sel, {
          ...(name !== undefined ? { name } : {}),
          ...(externalId !== undefined ? { externalId } : {}),
          ...(type !== undefined ? { managementType: type } : {}),
        });
        // ref §4: return_members defaults to true.
        return groupFullInfo(state, g, optBool(o, 'return_members', body, true));
      },
    },
    'team/groups/delete': {
      handle(arg) {
        // ref §4: the argument is a bare GroupSelector.
        const { jobId } = state.deleteGroup(groupSelector(arg, body));
        return jobId === null ? { '.tag': 'complete' } : { '.tag': 'async_job_id', async_job_id: jobId };
      },
    },
    'team/groups/job_status/get': {
      handle(arg) {
        const r = state.poll('groups_delete', reqString(asObject(arg, body), 'async_job_id', body, { min: 1 }));
        if (r.state === 'in_progress') return { '.tag': 'in_progress' };
        // ref §4 table: internal_error.
        if (r.state === 'failed') throw new RouteError('internal_error');
        return { '.tag': 'complete' };
      },
    },
    'team/groups/members/add': {
      handle(arg) {
        const o = asObject(arg, body);
        const sel = groupSelector(o['group'], `${body}.group`);
        const entries = asList(o['members'], `${body}.members`).map((v, i) => {
          const e = asObject(v, `${body}.members[${i}]`);
          return {
            user: userSelector(e['user'], `${body}.members[${i}].user`),
            access: voidUnion<GroupAccessType>(e['access_type'], `${body}.members[${i}].access_type`, ['member', 'owner']),
          };
        });
        const g = state.addGroupMembers(sel, entries);
        // ref §4: the deprecated async_job_id is always a single space.
        return { group_info: groupFullInfo(state, g, optBool(o, 'return_members', body, true)), async_job_id: ' ' };
      },
    },
    'team/groups/members/remove': {
      handle(arg) {
        const o = asObject(arg, body);
        const sel = groupSelector(o['group'], `${body}.group`);
        const users = asList(o['users'], `${body}.users`).map((v, i) => userSelector(v, `${body}.users[${i}]`));
        const g = state.removeGroupMembers(sel, users);
        return { group_info: groupFullInfo(state, g, optBool(o, 'return_members', body, true)), async_job_id: ' ' };
      },
    },
    'team/groups/members/list': {
      handle(arg) {
        const o = asObject(arg, body);
        const g = state.requireGroup(groupSelector(o['group'], `${body}.group`));
        return groupMembersPage(state, g.groupId, 0, optUInt(o, 'limit', body, { min: 1, max: MAX_PAGE, fallback: MAX_PAGE }));
      },
    },
    'team/groups/members/list/continue': {
      handle(arg) {
        const c = decodeCursor(reqString(asObject(arg, body), 'cursor', body), 'gm');
        return groupMembersPage(state, c.g ?? '', c.s, c.l);
      },
    },
  };
}

