/**
 * The member and team routes (ref §2, §3, §5): argument parsing and answer encoding; the rules
 * themselves live in DropboxSandbox.
 */
import { decodeCursor, encodeCursor } from './cursor.js';
import { memberInfoV2, teamMemberProfile } from './encode.js';
import type { RouteTable } from './route.js';
import { SANDBOX_ROLES, type AdminTier } from './roles.js';
import type { AddRequest, DropboxSandbox, RemoveRequest } from './state.js';
import {
  BadRequest,
  EMAIL_RULE,
  EXTERNAL_ID_RULE,
  OPTIONAL_NAME_RULE,
  ROLE_ID_RULE,
  RouteError,
  asList,
  asObject,
  optBool,
  optString,
  optUInt,
  reqString,
  userSelector,
  voidUnion,
} from './wire.js';

/** ref §2.4: at most 20 new members per members/add_v2 call. */
export const MAX_ADD_PER_CALL = 20;
/** ref §2.1: limit 1..1000, default 1000. */
export const MAX_PAGE = 1000;
/** Above this many members an add runs as a job even without force_async (the real threshold is not documented). */
export const ADD_ASYNC_OVER = 10;

function listPage(state: DropboxSandbox, after: number, limit: number, includeRemoved: boolean) {
  const page = state.pageMembers(after, limit, includeRemoved);
  return {
    members: page.items.map((m) => memberInfoV2(state, m)),
    cursor: encodeCursor({ k: 'm', s: page.lastSeq, l: limit, r: includeRemoved }),
    has_more: page.hasMore,
  };
}

function pollArg(arg: unknown): string {
  return reqString(asObject(arg, 'request body'), 'async_job_id', 'request body', { min: 1 });
}

function parseAdd(v: unknown, path: string): AddRequest {
  const o = asObject(v, path);
  const roleIds = o['role_ids'] === undefined || o['role_ids'] === null ? [] : asList(o['role_ids'], `${path}.role_ids`);
  // ref §2.4: role_ids max 1.
  if (roleIds.length > 1) throw new BadRequest(`${path}.role_ids: list has more than 1 items`);
  return {
    email: reqString(o, 'member_email', path, EMAIL_RULE),
    givenName: optString(o, 'member_given_name', path, OPTIONAL_NAME_RULE) ?? '',
    surname: optString(o, 'member_surname', path, OPTIONAL_NAME_RULE) ?? '',
    externalId: optString(o, 'member_external_id', path, EXTERNAL_ID_RULE) ?? null,
    roleIds: roleIds.map((r, i) => {
      if (typeof r !== 'string' || !ROLE_ID_RULE.pattern!.test(r)) throw new BadRequest(`${path}.role_ids[${i}]: invalid role id`);
      return r;
    }),
    // ref §2.4: send_welcome_email defaults to true.
    sendWelcomeEmail: optBool(o, 'send_welcome_email', path, true),
  };
}

function encodeAddResults(state: DropboxSandbox, requests: readonly AddRequest[]): unknown[] {
  return requests.map((r) => {
    const res = state.addMember(r);
    if (res.tag === 'success') return { '.tag': 'success', ...memberInfoV2(state, res.member) };
    // ref §2.4: per-member failures carry the offending email under the tag's key.
    return { '.tag': res.tag, [res.tag]: res.email };
  });
}

function parseRemove(arg: unknown): RemoveRequest {
  const o = asObject(arg, 'request body');
  const p = 'request body';
  return {
    user: userSelector(o['user'], `${p}.user`),
    // ref §2.10: wipe_data defaults to true.
    wipeData: optBool(o, 'wipe_data', p, true),
    transferDest: o['transfer_dest_id'] == null ? null : userSelector(o['transfer_dest_id'], `${p}.transfer_dest_id`),
    transferAdmin: o['transfer_admin_id'] == null ? null : userSelector(o['transfer_admin_id'], `${p}.transfer_admin_id`),
    keepAccount: optBool(o, 'keep_account', p, false),
    retainTeamShares: optBool(o, 'retain_team_shares', p, false),
    permanentlyDeleteFiles: optBool(o, 'permanently_delete_files', p, false),
  };
}

export function memberRoutes(state: DropboxSandbox): RouteTable {
  const body = 'request body';
  return {
    'team/members/list_v2': {
      handle(arg) {
        const o = asObject(arg ?? {}, body);
        const limit = optUInt(o, 'limit', body, { min: 1, max: MAX_PAGE, fallback: MAX_PAGE });
        return listPage(state, 0, limit, optBool(o, 'include_removed', body, false));
      },
    },
    'team/members/list/continue_v2': {
      handle(arg) {
        const c = decodeCursor(reqString(asObject(arg, body), 'cursor', body), 'm');
        return listPage(state, c.s, c.l, c.r === true);
      },
    },
    'team/members/get_info_v2': {
      handle(arg) {
        const sels = asList(asObject(arg, body)['members'], `${body}.members`).map((v, i) => userSelector(v, `${body}.members[${i}]`));
        return {
          // ref §2.3: unknown ids come back as id_not_found items, not as an error.
          members_info: sels.map((sel) => {
            const m = state.resolve(sel);
            return m ? { '.tag': 'member_info', ...memberInfoV2(state, m) } : { '.tag': 'id_not_found', id_not_found: sel.value };
          }),
        };
      },
    },
    'team/members/add_v2': {
      handle(arg) {
        const o = asObject(arg, body);
        const list = asList(o['new_members'], `${body}.new_members`);
        // ref §2.4: max 20 per call.
        if (list.length > MAX_ADD_PER_CALL) throw new BadRequest(`${body}.new_members: list has more than ${MAX_ADD_PER_CALL} items`);
        const requests = list.map((v, i) => parseAdd(v, `${body}.new_members[${i}]`));
        const forceAsync = optBool(o, 'force_async', body, false);
        const asyncRun = state.asyncMode === 'always' || forceAsync || (state.asyncMode === 'auto' && requests.length > ADD_ASYNC_OVER);
        if (!asyncRun) return { '.tag': 'complete', complete: encodeAddResults(state, requests) };
        return { '.tag': 'async_job_id', async_job_id: state.launch('members_add', () => encodeAddResults(state, requests)) };
      },
    },
    'team/members/add/job_status/get_v2': {
      handle(arg) {
        const r = state.poll('members_add', pollArg(arg));
        if (r.state === 'in_progress') return { '.tag': 'in_progress' };
        // ref §2.5: failed carries a message string.
        if (r.state === 'failed') return { '.tag': 'failed', failed: 'The job failed; no member was added (injected fault).' };
        return { '.tag': 'complete', complete: r.value };
      },
    },
    'team/members/set_profile_v2': {
      handle(arg) {
        const o = asObject(arg, body);
        const user = userSelector(o['user'], `${body}.user`);
        const email = optString(o, 'new_email', body, { max: 255 });
        if (email !== undefined && email !== '' && !EMAIL_RULE.pattern!.test(email)) throw new BadRequest(`${body}.new_email: '${email}' did not match pattern`);
        const update = {
          ...(email !== undefined ? { email } : {}),
          ...(o['new_external_id'] != null ? { externalId: optString(o, 'new_external_id', body, EXTERNAL_ID_RULE)! } : {}),
          // team.stone:1876-1878: new_given_name / new_surname are OptionalNamePart (no minimum length).
          ...(o['new_given_name'] != null ? { givenName: optString(o, 'new_given_name', body, OPTIONAL_NAME_RULE)! } : {}),
          ...(o['new_surname'] != null ? { surname: optString(o, 'new_surname', body, OPTIONAL_NAME_RULE)! } : {}),
        };
        return { member_info: memberInfoV2(state, state.setProfile(user, update)) };
      },
    },
    'team/members/suspend': {
      handle(arg) {
        const o = asObject(arg, body);
        // ref §2.7: wipe_data defaults to true.
        state.suspend(userSelector(o['user'], `${body}.user`), optBool(o, 'wipe_data', body, true));
        return null;
      },
    },
    'team/members/unsuspend': {
      handle(arg) {
        state.unsuspend(userSelector(asObject(arg, body)['user'], `${body}.user`));
        return null;
      },
    },
    'team/members/remove': {
      handle(arg) {
        const { jobId } = state.remove(parseRemove(arg));
        // ref §2.10: LaunchEmptyResult, complete or async_job_id.
        return jobId === null ? { '.tag': 'complete' } : { '.tag': 'async_job_id', async_job_id: jobId };
      },
    },
    'team/members/remove/job_status/get': {
      handle(arg) {
        const r = state.poll('members_remove', pollArg(arg));
        if (r.state === 'in_progress') return { '.tag': 'in_progress' };
        // ref §2.11: internal_error — verify state then retry.
        if (r.state === 'failed') throw new RouteError('internal_error');
        return { '.tag': 'complete' };
      },
    },
    'team/members/recover': {
      handle(arg) {
        state.recover(userSelector(asObject(arg, body)['user'], `${body}.user`));
        return null;
      },
    },
    'team/members/move_former_member_files': {
      handle(arg) {
        const o = asObject(arg, body);
        // ref §2.13: transfer_dest_id and transfer_admin_id are both required.
        const { jobId } = state.moveFormerMemberFiles(
          userSelector(o['user'], `${body}.user`),
          userSelector(o['transfer_dest_id'], `${body}.transfer_dest_id`),
          userSelector(o['transfer_admin_id'], `${body}.transfer_admin_id`),
        );
        return jobId === null ? { '.tag': 'complete' } : { '.tag': 'async_job_id', async_job_id: jobId };
      },
    },
    'team/members/move_former_member_files/job_status/check': {
      handle(arg) {
        const r = state.poll('move_former_member_files', pollArg(arg));
        if (r.state === 'in_progress') return { '.tag': 'in_progress' };
        if (r.state === 'failed') throw new RouteError('internal_error');
        return { '.tag': 'complete' };
      },
    },
    'team/members/set_admin_permissions_v2': {
      handle(arg) {
        const o = asObject(arg, body);
        const user = userSelector(o['user'], `${body}.user`);
        const list = o['new_roles'] == null ? [] : asList(o['new_roles'], `${body}.new_roles`);
        // ref §3: new_roles max 1; empty list = member only.
        if (list.length > 1) throw new BadRequest(`${body}.new_roles: list has more than 1 items`);
        const ids = list.map((r, i) => {
          if (typeof r !== 'string' || !ROLE_ID_RULE.pattern!.test(r)) throw new BadRequest(`${body}.new_roles[${i}]: invalid role id`);
          return r;
        });
        const m = state.setRoles(user, ids);
        const info = memberInfoV2(state, m);
        return { team_member_id: m.teamMemberId, roles: info['roles'] };
      },
    },
    'team/members/set_admin_permissions': {
      handle(arg) {
        const o = asObject(arg, body);
        const user = userSelector(o['user'], `${body}.user`);
        const tier = voidUnion<AdminTier>(o['new_role'], `${body}.new_role`, ['team_admin', 'user_management_admin', 'support_admin', 'member_only']);
        const m = state.setTier(user, tier);
        return { team_member_id: m.teamMemberId, role: { '.tag': tier } };
      },
    },
    'team/members/get_available_team_member_roles': {
      voidArg: true,
      handle() {
        return { roles: SANDBOX_ROLES.map((r) => ({ role_id: r.role_id, name: r.name, description: r.description })) };
      },
    },
    'team/get_info': {
      voidArg: true,
      handle() {
        return {
          name: state.teamName,
          team_id: state.teamId,
          num_licensed_users: state.numLicensedUsers,
          num_provisioned_users: state.numProvisioned(),
          num_used_licenses: state.numProvisioned(),
          policies: {
            sharing: {
              shared_folder_member_policy: { '.tag': 'anyone' },
              shared_folder_join_policy: { '.tag': 'from_anyone' },
              shared_link_create_policy: { '.tag': 'default_public' },
            },
            emm_state: { '.tag': 'disabled' },
            office_addin: { '.tag': 'disabled' },
            suggest_members_policy: { '.tag': 'enabled' },
            top_level_content_policy: { '.tag': 'admin_only' },
          },
        };
      },
    },
    'team/token/get_authenticated_admin': {
      voidArg: true,
      handle() {
        const m = state.member(state.authenticatedAdminId);
        // ref §5: mapping_not_found / admin_not_active.
        if (!m) throw new RouteError('mapping_not_found');
        if (m.status !== 'active' || m.roleIds.length === 0) throw new RouteError('admin_not_active');
        return { admin_profile: teamMemberProfile(state, m) };
      },
    },
  };
}

