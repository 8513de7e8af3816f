/**
 * The member writes of the DropboxWriter (src/domain/ports.ts): add in batches, profile, role,
 * suspend, unsuspend, remove with its file transfer, move a former member's files, recover. Answers
 * that mean "already so" count as success, so re-running an interrupted apply converges (ref §10).
 */
import type { DropboxResponse, team } from 'dropbox';
import type { Role } from '../domain/desired.js';
import { RemoteError } from '../domain/errors.js';
import type { DropboxMember } from '../domain/live.js';
import type { MemberAddInput, MemberAddOutcome, MemberSelector, ProfileUpdate, RemoveOptions, WriteReceipt } from '../domain/ports.js';
import { toDropboxMember } from './map.js';
import type { Obj } from '../transport/shape.js';
import { byId, isCode, Tally, userArg, type Deadline, type WriteSession } from './write-session.js';

/** ref §2.4: at most 20 new members per members/add_v2 call. */
export const ADD_BATCH = 20;

/** Field rules checked before sending, so one bad name does not fail a whole batch with a 400 (ref §0). */
const EMAIL_RE = /^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/;
const NAME_RE = /^[^/:?*<>"|]*$/;

function invalidAddInput(m: MemberAddInput): string | null {
  if (m.email.length > 255 || !EMAIL_RE.test(m.email)) return `email ${JSON.stringify(m.email)} is not a valid Dropbox email address`;
  for (const [field, value] of [['given name', m.givenName], ['surname', m.surname]] as const) {
    if ([...value].length > 50) return `${field} is longer than 50 characters`;
    if (!NAME_RE.test(value)) return `${field} ${JSON.stringify(value)} contains a character Dropbox refuses (/ : ? * < > " |)`;
  }
  if (m.externalId.length > 64) return 'external id is longer than 64 characters';
  return null;
}


async function addBatch(s: WriteSession, batch: readonly MemberAddInput[], tally: Tally): Promise<Obj[]> {
  const newMembers: team.MemberAddV2Arg[] = [];
  for (const m of batch) {
    newMembers.push({
      member_email: m.email,
      member_given_name: m.givenName,
      member_surname: m.surname,
      member_external_id: m.externalId,
      send_welcome_email: m.sendWelcomeEmail,
      ...(m.role !== 'member_only' ? { role_ids: await s.roleIdList(m.role, tally, 'team/members/add_v2') } : {}),
    });
  }
  for (let run = 1; ; run++) {
    const launched = tally.add(await s.call<Obj>('team/members/add_v2', () => s.client.teamMembersAddV2({ new_members: newMembers, force_async: false })));
    let final = launched;
    if (launched['.tag'] === 'async_job_id') {
      final = await s.poll('team/members/add/job_status/get_v2', s.client.teamMembersAddJobStatusGetV2, String(launched['async_job_id']), tally);
    }
    if (final['.tag'] === 'complete') return (final['complete'] as Obj[] | undefined) ?? [];
    // ref §2.5: a failed job; re-running the batch converges (members added meanwhile answer user_already_on_team).
    if (run >= s.policy.maxAttempts) {
      throw new RemoteError({
        service: 'dropbox',
        route: 'team/members/add/job_status/get_v2',
        message: `Dropbox team/members/add_v2 job ${String(final['.tag'])}: ${typeof final['failed'] === 'string' ? final['failed'] : 'no result'}`,
        code: String(final['.tag']),
        retryable: true,
      });
    }
  }
}

export async function addMembers(s: WriteSession, inputs: readonly MemberAddInput[]): Promise<readonly MemberAddOutcome[]> {
  const outcomes: MemberAddOutcome[] = new Array(inputs.length);
  const valid: number[] = [];
  inputs.forEach((m, i) => {
    const problem = invalidAddInput(m);
    if (problem) outcomes[i] = { email: m.email, ok: false, tag: 'invalid_argument', message: problem };
    else valid.push(i);
  });
  const tally = new Tally();
  for (let start = 0; start < valid.length; start += ADD_BATCH) {
    const idx = valid.slice(start, start + ADD_BATCH);
    const batch = idx.map((i) => inputs[i]!);
    const results = await addBatch(s, batch, tally);
    const already: number[] = [];
    batch.forEach((m, j) => {
      const r = results[j] ?? { '.tag': 'other' };
      const tag = String(r['.tag']);
      const i = idx[j]!;
      if (tag === 'success') {
        outcomes[i] = { email: m.email, ok: true, teamMemberId: String((r['profile'] as Obj)['team_member_id']), alreadyMember: false };
      } else if (tag === 'user_already_on_team') {
        already.push(j);
      } else {
        outcomes[i] = { email: m.email, ok: false, tag, message: addFailureMessage(tag, m) };
      }
    });
    if (already.length > 0) {
      // ref §10 rule 2: user_already_on_team → look the member up.
      const res = tally.add(
        await s.call<Obj>('team/members/get_info_v2', () =>
          s.client.teamMembersGetInfoV2({ members: already.map((j): team.UserSelectorArg => ({ '.tag': 'email', email: batch[j]!.email })) }),
        ),
      );
      const infos = (res['members_info'] as Obj[] | undefined) ?? [];
      already.forEach((j, k) => {
        const m = batch[j]!;
        const info = infos[k];
        const found = info && info['.tag'] === 'member_info' ? toDropboxMember(info, 'team/members/get_info_v2') : null;
        const i = idx[j]!;
        if (found && found.status !== 'removed' && found.externalId === m.externalId) {
          outcomes[i] = { email: m.email, ok: true, teamMemberId: found.teamMemberId, alreadyMember: true };
        } else {
          outcomes[i] = { email: m.email, ok: false, tag: 'user_already_on_team', message: alreadyOnTeamMessage(found, m) };
        }
      });
    }
  }
  return outcomes;
}

/**
 * members/move_former_member_files (team.stone:1125) until the files are with `dest`: 'moved' by
 * this call, or 'already' transferred (MembersTransferFormerMembersFilesError.user_data_already_transferred,
 * team.stone:1605, is the state we want). A transfer still running (user_data_is_being_transferred)
 * is waited for; a job that fails (internal_error) is checked by asking again.
 */
async function moveFiles(s: WriteSession, member: MemberSelector, dest: MemberSelector, admin: MemberSelector, tally: Tally, deadline: Deadline): Promise<'moved' | 'already'> {
  const route = 'team/members/move_former_member_files';
  const arg: team.MembersDataTransferArg = { user: userArg(member), transfer_dest_id: userArg(dest), transfer_admin_id: userArg(admin) };
  for (let run = 1; ; ) {
    let launched: Obj;
    try {
      launched = tally.add(await s.call<Obj>(route, () => s.client.teamMembersMoveFormerMemberFiles(arg)));
    } catch (err) {
      if (isCode(err, 'user_data_already_transferred')) return 'already';
      if (isCode(err, 'user_data_is_being_transferred')) {
        await deadline.wait(s.sleep, route, 'the transfer of these files did not finish');
        continue;
      }
      throw err;
    }
    if (launched['.tag'] !== 'async_job_id') return 'moved';
    try {
      await s.poll(`${route}/job_status/check`, s.client.teamMembersMoveFormerMemberFilesJobStatusCheck, String(launched['async_job_id']), tally);
      return 'moved';
    } catch (err) {
      if (!isCode(err, 'internal_error') || run >= s.policy.maxAttempts) throw err;
      run++;
    }
  }
}

export async function setProfile(s: WriteSession, member: MemberSelector, update: ProfileUpdate): Promise<WriteReceipt> {
  const tally = new Tally();
  if (update.email === undefined && update.givenName === undefined && update.surname === undefined && update.externalId === undefined) {
    return tally.receipt(true);
  }
  let user = userArg(member);
  // ref §2.6: selecting by external_id while changing it is refused; select by team_member_id instead.
  if (member.by === 'external_id' && update.externalId !== undefined) {
    const found = await s.getMember(member, tally);
    if (!found) throw new RemoteError({ service: 'dropbox', route: 'team/members/set_profile_v2', message: `Dropbox member with external id ${member.value} not found`, code: 'user_not_found' });
    user = byId(found.teamMemberId);
  }
  try {
    tally.add(
      await s.call('team/members/set_profile_v2', () =>
        s.client.teamMembersSetProfileV2({
          user,
          ...(update.email !== undefined ? { new_email: update.email } : {}),
          ...(update.givenName !== undefined ? { new_given_name: update.givenName } : {}),
          ...(update.surname !== undefined ? { new_surname: update.surname } : {}),
          ...(update.externalId !== undefined ? { new_external_id: update.externalId } : {}),
        }),
      ),
    );
  } catch (err) {
    throw profileRefusal(err, update);
  }
  return tally.receipt(false);
}

/**
 * One call about one member whose refusal `codes` may mean "already so": the member is then looked
 * up and `isAlready` decides (suspend, unsuspend, recover).
 */
function memberWrite(
  s: WriteSession,
  member: MemberSelector,
  route: string,
  send: () => Promise<DropboxResponse<unknown>>,
  codes: readonly string[],
  isAlready: (m: DropboxMember | null) => boolean,
): Promise<WriteReceipt> {
  const tally = new Tally();
  return s.withAlreadyDone(tally, async () => void tally.add(await s.call(route, send)), codes, isAlready, member);
}

export function suspend(s: WriteSession, member: MemberSelector, wipeData: boolean): Promise<WriteReceipt> {
  // ref §2.7: wipe_data defaults to true, so it is always sent.
  const send = () => s.client.teamMembersSuspend({ user: userArg(member), wipe_data: wipeData });
  return memberWrite(s, member, 'team/members/suspend', send, ['suspend_inactive_user'], (m) => m?.status === 'suspended');
}

export function unsuspend(s: WriteSession, member: MemberSelector): Promise<WriteReceipt> {
  const send = () => s.client.teamMembersUnsuspend({ user: userArg(member) });
  return memberWrite(s, member, 'team/members/unsuspend', send, ['unsuspend_non_suspended_member'], (m) => m?.status === 'active');
}

export async function removeMember(s: WriteSession, member: MemberSelector, opts: RemoveOptions): Promise<WriteReceipt> {
  const tally = new Tally();
  const arg: team.MembersRemoveArg = {
    user: userArg(member),
    wipe_data: opts.wipeData,
    keep_account: opts.keepAccount,
    retain_team_shares: opts.retainTeamShares,
    ...(opts.transferDest ? { transfer_dest_id: userArg(opts.transferDest) } : {}),
    ...(opts.transferAdmin ? { transfer_admin_id: userArg(opts.transferAdmin) } : {}),
  };
  const transfer = opts.transferDest && opts.transferAdmin ? { dest: opts.transferDest, admin: opts.transferAdmin } : null;
  const deadline = s.deadline();
  let jobFailed = false;
  for (let run = 1; ; ) {
    let launched: Obj;
    try {
      launched = tally.add(await s.call<Obj>('team/members/remove', () => s.client.teamMembersRemove(arg)));
    } catch (err) {
      if (isCode(err, 'transfer_in_progress')) {
        // team.stone MembersPermanentlyDeleteFilesError.transfer_in_progress: a removal (an earlier
        // run's job) is still transferring this member's files: wait for it, then look again.
        await deadline.wait(s.sleep, 'team/members/remove', 'the transfer of this member\'s files did not finish');
        continue;
      }
      // Not (or no longer) in the team: removed by an earlier run or by the job that failed. The
      // removal is then done, but a transfer it carried must be verified (and finished) apart.
      if (!isCode(err, 'user_not_in_team')) throw err;
      if (transfer === null) return tally.receipt(run === 1 && !jobFailed);
      const moved = await moveFiles(s, member, transfer.dest, transfer.admin, tally, deadline);
      if (moved === 'already') return tally.receipt(run === 1 && !jobFailed);
      return { ...tally.receipt(false), note: `files moved with members/move_former_member_files (${jobFailed ? 'the removal job failed after removing' : 'the member was removed without them'})` };
    }
    if (launched['.tag'] !== 'async_job_id') return tally.receipt(false);
    try {
      await s.poll('team/members/remove/job_status/get', s.client.teamMembersRemoveJobStatusGet, String(launched['async_job_id']), tally);
      return tally.receipt(false);
    } catch (err) {
      // async.stone PollError.internal_error: "verify that the action you were taking succeeded,
      // and if not, try again". Sending the removal again is that check: user_not_in_team means
      // the member was removed (then the transfer is verified above), anything else re-runs it.
      if (!isCode(err, 'internal_error') || run >= s.policy.maxAttempts) throw err;
      jobFailed = true;
      run++;
    }
  }
}

export function moveFormerMemberFiles(s: WriteSession, member: MemberSelector, dest: MemberSelector, admin: MemberSelector): Promise<WriteReceipt> {
  const tally = new Tally();
  return moveFiles(s, member, dest, admin, tally, s.deadline()).then((moved) => tally.receipt(moved === 'already'));
}

export function recover(s: WriteSession, member: MemberSelector): Promise<WriteReceipt> {
  const send = () => s.client.teamMembersRecover({ user: userArg(member) });
  return memberWrite(s, member, 'team/members/recover', send, ['user_unrecoverable'], (m) => m !== null && m.status !== 'removed');
}

export async function setRole(s: WriteSession, member: MemberSelector, role: Role): Promise<WriteReceipt> {
  const tally = new Tally();
  const newRoles = await s.roleIdList(role, tally, 'team/members/set_admin_permissions_v2');
  tally.add(await s.call('team/members/set_admin_permissions_v2', () => s.client.teamMembersSetAdminPermissionsV2({ user: userArg(member), new_roles: newRoles })));
  return tally.receipt(false);
}

/**
 * A refusal of set_profile_v2 that is about this one member's data (team.stone
 * MembersSetProfileError), said in words: this person's update is not made, the rest of the plan goes on.
 */
function profileRefusal(err: unknown, update: ProfileUpdate): unknown {
  if (!(err instanceof RemoteError)) return err;
  let why: string | null = null;
  if (err.code === 'email_reserved_for_other_user') {
    why = `${update.email ?? 'the new email'} is already held by another Dropbox user (outside the team, or a removed member still recoverable)`;
  } else if (err.code === 'external_id_used_by_other_user') {
    why = `external id ${update.externalId ?? ''} is already used by another member`;
  }
  if (why === null) return err;
  return new RemoteError({
    service: 'dropbox',
    route: err.route,
    message: `Dropbox refused this member's profile update: ${why}; nothing of the update was made (the next plan shows it again)`,
    status: err.status,
    code: err.code,
    retryable: false,
    requestId: err.requestId,
    cause: err,
  });
}

function addFailureMessage(tag: string, m: MemberAddInput): string {
  switch (tag) {
    case 'duplicate_external_member_id':
      return `external id ${m.externalId} is already used by another member (possibly a removed one still recoverable)`;
    case 'team_license_limit':
      return 'the team has no free licence';
    case 'free_team_member_limit_reached':
      return 'the free team member limit is reached';
    case 'user_on_another_team':
      return `${m.email} belongs to a user on another Dropbox team (not added; the next plan shows it again)`;
    default:
      return `Dropbox refused the member (${tag})`;
  }
}

function alreadyOnTeamMessage(found: DropboxMember | null, m: MemberAddInput): string {
  if (!found) return `${m.email} is already on the team but could not be looked up`;
  if (found.status === 'removed') return `${m.email} is a removed member still recoverable: recover it instead of adding`;
  return `${m.email} is already a member (${found.teamMemberId}) with external id ${found.externalId ?? '(none)'}, not ${m.externalId}`;
}
