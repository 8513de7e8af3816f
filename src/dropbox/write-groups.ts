/**
 * The group writes of the DropboxWriter (src/domain/ports.ts): create, rename, delete, and member
 * changes in batches that bisect on Dropbox's all-or-nothing conflicts (ref §4).
 */
import type { DropboxResponse } from 'dropbox';
import type { GroupMembersReceipt, WriteReceipt } from '../domain/ports.js';
import type { Obj } from '../transport/shape.js';
import { byId, groupArg, isCode, Tally, type WriteSession } from './write-session.js';

type GroupUpdate = { readonly name?: string; readonly externalId?: string };

/**
 * groups/members/add|remove with bisection on the all-or-nothing conflict (ref §4). The whole-batch
 * errors members_not_in_team / users_not_found carry the refused ids (team.stone GroupMembersAddError,
 * GroupMembersRemoveError): those are left out and the rest of the batch is sent again.
 */
async function changeGroup(
  s: WriteSession,
  route: string,
  change: (part: readonly string[]) => Promise<DropboxResponse<unknown>>,
  ids: readonly string[],
  conflictTag: string,
): Promise<GroupMembersReceipt> {
  const tally = new Tally();
  const unique = [...new Set(ids)];
  const refused = { members_not_in_team: new Set<string>(), users_not_found: new Set<string>() };
  let alreadyThere = 0;
  const send = async (part: readonly string[]): Promise<void> => {
    if (part.length === 0) return;
    try {
      tally.add(await s.call(route, () => change(part)));
    } catch (err) {
      if (isCode(err, 'members_not_in_team', 'users_not_found')) {
        const named = new Set(err.namedIds);
        const rest = part.filter((id) => !named.has(id));
        // Ids that are not ours would loop: fail as Dropbox answered.
        if (rest.length === part.length) throw err;
        for (const id of part) if (named.has(id)) refused[err.code as keyof typeof refused].add(id);
        await send(rest);
        return;
      }
      if (!isCode(err, conflictTag)) throw err;
      // A lone conflict is the state we want already (converge); otherwise split and retry both halves.
      if (part.length === 1) {
        alreadyThere++;
        return;
      }
      const mid = Math.ceil(part.length / 2);
      await send(part.slice(0, mid));
      await send(part.slice(mid));
    }
  };
  for (let i = 0; i < unique.length; i += s.groupBatch) await send(unique.slice(i, i + s.groupBatch));
  const notInTeam = [...refused.members_not_in_team];
  const notFound = [...refused.users_not_found];
  return { ...tally.receipt(alreadyThere === unique.length - notInTeam.length - notFound.length), notInTeam, notFound };
}

export async function createGroup(s: WriteSession, name: string, externalId: string): Promise<WriteReceipt & { readonly groupId: string }> {
  const tally = new Tally();
  try {
    const g = tally.add(
      await s.call<Obj>('team/groups/create', () =>
        s.client.teamGroupsCreate({
          group_name: name,
          group_external_id: externalId,
          // ref §4: the default management type is unconfirmed: send company_managed explicitly.
          group_management_type: { '.tag': 'company_managed' },
          add_creator_as_owner: false,
        }),
      ),
    );
    return { ...tally.receipt(false), groupId: String(g['group_id']) };
  } catch (err) {
    if (!isCode(err, 'external_id_already_in_use', 'group_name_already_used')) throw err;
    // A retried create that had succeeded: the group with our external id and this name is the one.
    const found = tally.add(await s.call<Obj[]>('team/groups/get_info', () => s.client.teamGroupsGetInfo({ '.tag': 'group_external_ids', group_external_ids: [externalId] })));
    const info = found[0];
    if (!info || info['.tag'] !== 'group_info' || info['group_name'] !== name) throw err;
    return { ...tally.receipt(true), groupId: String(info['group_id']) };
  }
}

export async function updateGroup(s: WriteSession, groupId: string, update: GroupUpdate): Promise<WriteReceipt> {
  const tally = new Tally();
  if (update.name === undefined && update.externalId === undefined) return tally.receipt(true);
  tally.add(
    await s.call('team/groups/update', () =>
      s.client.teamGroupsUpdate({
        group: groupArg(groupId),
        return_members: false,
        ...(update.name !== undefined ? { new_group_name: update.name } : {}),
        ...(update.externalId !== undefined ? { new_group_external_id: update.externalId } : {}),
      }),
    ),
  );
  return tally.receipt(false);
}

export async function deleteGroup(s: WriteSession, groupId: string): Promise<WriteReceipt> {
  const tally = new Tally();
  const gone = async () => {
    try {
      const res = tally.add(await s.call<Obj[]>('team/groups/get_info', () => s.client.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: [groupId] })));
      return res[0]?.['.tag'] !== 'group_info';
    } catch (err) {
      // team.stone:2245 GroupsGetInfoError.group_not_on_team: the group is not (any more) on the team.
      if (isCode(err, 'group_not_on_team')) return true;
      throw err;
    }
  };
  try {
    // ref §4: the argument is a bare GroupSelector.
    await s.launchAndWait('team/groups/delete', () => s.client.teamGroupsDelete(groupArg(groupId)), 'team/groups/job_status/get', s.client.teamGroupsJobStatusGet, tally, gone);
    return tally.receipt(false);
  } catch (err) {
    if (isCode(err, 'group_not_found', 'group_already_deleted', 'group_not_on_team')) return tally.receipt(true);
    throw err;
  }
}

export function addGroupMembers(s: WriteSession, groupId: string, teamMemberIds: readonly string[]): Promise<GroupMembersReceipt> {
  const send = (ids: readonly string[]) =>
    s.client.teamGroupsMembersAdd({ group: groupArg(groupId), members: ids.map((id) => ({ user: byId(id), access_type: { '.tag': 'member' } })), return_members: false });
  return changeGroup(s, 'team/groups/members/add', send, teamMemberIds, 'duplicate_user');
}

export function removeGroupMembers(s: WriteSession, groupId: string, teamMemberIds: readonly string[]): Promise<GroupMembersReceipt> {
  const send = (ids: readonly string[]) => s.client.teamGroupsMembersRemove({ group: groupArg(groupId), users: ids.map(byId), return_members: false });
  return changeGroup(s, 'team/groups/members/remove', send, teamMemberIds, 'member_not_in_group');
}
