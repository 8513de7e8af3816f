/**
 * The DropboxWriter (src/domain/ports.ts) over the SDK. Every call runs under the retry policy;
 * async jobs are polled with a growing interval up to a timeout; answers that mean "already so"
 * count as success, so re-running an interrupted apply converges (ref §10).
 */
import type { Dropbox, DropboxResponse, team } from 'dropbox';
import type { Role } from '../domain/desired.js';
import { assertNever, RemoteError } from '../domain/errors.js';
import type { DropboxMember } from '../domain/live.js';
import type {
  DropboxWriter,
  GroupMembersReceipt,
  MemberAddInput,
  MemberAddOutcome,
  MemberSelector,
  ProfileUpdate,
  RemoveOptions,
  WriteReceipt,
} from '../domain/ports.js';
import { roleOfName, toDropboxMember } from './map.js';
import { retryContextOf } from './reader.js';
import { callWithRetry, DEFAULT_RETRY_POLICY, realSleep, type CallResult, type RetryInfo, type DropboxRetryPolicy, type Sleep } from './retry.js';
import type { Obj } from '../transport/shape.js';

export interface DropboxWriterOptions {
  readonly retry?: DropboxRetryPolicy;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /** First wait before polling an async job (default 1000 ms); grows ×1.5 up to 5 s. */
  readonly pollIntervalMs?: number;
  /** Give up on a job after this much waiting (default 10 minutes). */
  readonly jobTimeoutMs?: number;
  /** Members per groups/members/add|remove call (default 100; the API states no cap, ref §4). */
  readonly groupBatchSize?: number;
  readonly onRetry?: (info: RetryInfo) => void;
}

/** One write's budget for waiting on Dropbox (a transfer still running): the job timeout. */
class Deadline {
  private waited = 0;
  private interval = 0;

  constructor(
    private readonly budgetMs: number,
    private readonly firstMs: number,
  ) {}

  async wait(sleep: Sleep, route: string, what: string): Promise<void> {
    if (this.waited >= this.budgetMs) {
      throw new RemoteError({ service: 'dropbox', route, message: `Dropbox ${route}: ${what} within ${Math.round(this.budgetMs / 1000)} s`, code: 'job_timeout', retryable: true });
    }
    this.interval = this.interval === 0 ? this.firstMs : Math.min(this.interval * 1.5, Math.max(this.firstMs, 5000));
    await sleep(this.interval);
    this.waited += this.interval;
  }
}

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

function userArg(sel: MemberSelector): team.UserSelectorArg {
  switch (sel.by) {
    case 'team_member_id':
      return byId(sel.value);
    case 'email':
      return { '.tag': 'email', email: sel.value };
    case 'external_id':
      return { '.tag': 'external_id', external_id: sel.value };
    default:
      return assertNever(sel, 'member selector');
  }
}

function byId(teamMemberId: string): team.UserSelectorArgTeamMemberId {
  return { '.tag': 'team_member_id', team_member_id: teamMemberId };
}

function groupArg(groupId: string): team.GroupSelectorGroupId {
  return { '.tag': 'group_id', group_id: groupId };
}

function isCode(err: unknown, ...codes: string[]): err is RemoteError {
  return err instanceof RemoteError && err.code !== null && codes.includes(err.code);
}

/** Sums attempts over the calls one write makes. */
class Tally {
  attempts = 0;
  requestId: string | null = null;

  add<T>(r: CallResult<T>): T {
    this.attempts += r.attempts;
    this.requestId = r.requestId ?? this.requestId;
    return r.result;
  }

  receipt(alreadyDone: boolean): WriteReceipt {
    return { attempts: this.attempts, requestId: this.requestId, alreadyDone };
  }
}

export function createDropboxWriter(client: Dropbox, options: DropboxWriterOptions = {}): DropboxWriter {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  const pollInterval = options.pollIntervalMs ?? 1000;
  const jobTimeout = options.jobTimeoutMs ?? 600_000;
  const groupBatch = Math.max(1, options.groupBatchSize ?? 100);
  const ctx = retryContextOf(client, {
    policy,
    sleep,
    ...(options.random ? { random: options.random } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  // Arguments are the SDK's types (a renamed method or field fails to compile); answers are read
  // as untrusted JSON (a server may leave out what its types promise), hence `answer`.
  const call = <T = Obj>(route: string, send: () => Promise<DropboxResponse<unknown>>): Promise<CallResult<T>> =>
    callWithRetry<T>(route, send as () => Promise<DropboxResponse<T>>, ctx);

  /** Polls a job until it leaves in_progress; returns the final result. */
  async function poll(route: string, check: (arg: { async_job_id: string }) => Promise<DropboxResponse<unknown>>, jobId: string, tally: Tally): Promise<Obj> {
    let waited = 0;
    let interval = pollInterval;
    for (;;) {
      if (waited >= jobTimeout) {
        throw new RemoteError({
          service: 'dropbox',
          route,
          message: `Dropbox ${route}: job did not finish within ${Math.round(jobTimeout / 1000)} s`,
          code: 'job_timeout',
          retryable: true,
        });
      }
      await sleep(interval);
      waited += interval;
      interval = Math.min(interval * 1.5, Math.max(pollInterval, 5_000));
      const result = tally.add(await call(route, () => check.call(client, { async_job_id: jobId })));
      if (result['.tag'] !== 'in_progress') return result;
    }
  }

  let rolesCache: Promise<Map<Role, string>> | null = null;
  function roleIds(tally: Tally): Promise<Map<Role, string>> {
    rolesCache ??= call<Obj>('team/members/get_available_team_member_roles', () => client.teamMembersGetAvailableTeamMemberRoles()).then((r) => {
      tally.add(r);
      const map = new Map<Role, string>();
      for (const role of (r.result['roles'] as Obj[] | undefined) ?? []) {
        const mapped = roleOfName(String(role['name'] ?? ''));
        if (mapped && !map.has(mapped)) map.set(mapped, String(role['role_id']));
      }
      return map;
    });
    rolesCache.catch(() => {
      rolesCache = null;
    });
    return rolesCache;
  }

  async function roleIdList(role: Role, tally: Tally, route: string): Promise<string[]> {
    if (role === 'member_only') return [];
    const id = (await roleIds(tally)).get(role);
    if (!id) throw new RemoteError({ service: 'dropbox', route, message: `Dropbox offers no role named like ${role}`, code: 'role_not_found' });
    return [id];
  }

  async function getMemberWith(sel: MemberSelector, tally: Tally): Promise<DropboxMember | null> {
    const res = tally.add(await call<Obj>('team/members/get_info_v2', () => client.teamMembersGetInfoV2({ members: [userArg(sel)] })));
    const item = ((res['members_info'] as Obj[] | undefined) ?? [])[0];
    if (!item || item['.tag'] !== 'member_info') return null;
    return toDropboxMember(item, 'team/members/get_info_v2');
  }

  /** Runs a launch that may return a job, re-launching when the job fails (a failed job applied nothing or is verified first). */
  async function launchAndWait(
    route: string,
    launch: () => Promise<DropboxResponse<unknown>>,
    pollRoute: string,
    check: (arg: { async_job_id: string }) => Promise<DropboxResponse<unknown>>,
    tally: Tally,
    isDone: () => Promise<boolean>,
  ): Promise<void> {
    for (let run = 1; ; run++) {
      const launched = tally.add(await call<Obj>(route, launch));
      if (launched['.tag'] !== 'async_job_id') return;
      try {
        await poll(pollRoute, check, String(launched['async_job_id']), tally);
        return;
      } catch (err) {
        // ref §6: treat internal_error as "check state, then retry".
        if (!isCode(err, 'internal_error') || run >= policy.maxAttempts) throw err;
        if (await isDone()) return;
      }
    }
  }

  async function addBatch(batch: readonly MemberAddInput[], tally: Tally): Promise<Obj[]> {
    const newMembers: team.MemberAddV2Arg[] = [];
    for (const m of batch) {
      newMembers.push({
        member_email: m.email,
        member_given_name: m.givenName,
        member_surname: m.surname,
        member_external_id: m.externalId,
        send_welcome_email: m.sendWelcomeEmail,
        ...(m.role !== 'member_only' ? { role_ids: await roleIdList(m.role, tally, 'team/members/add_v2') } : {}),
      });
    }
    for (let run = 1; ; run++) {
      const launched = tally.add(await call<Obj>('team/members/add_v2', () => client.teamMembersAddV2({ new_members: newMembers, force_async: false })));
      let final = launched;
      if (launched['.tag'] === 'async_job_id') {
        final = await poll('team/members/add/job_status/get_v2', client.teamMembersAddJobStatusGetV2, String(launched['async_job_id']), tally);
      }
      if (final['.tag'] === 'complete') return (final['complete'] as Obj[] | undefined) ?? [];
      // ref §2.5: a failed job; re-running the batch converges (members added meanwhile answer user_already_on_team).
      if (run >= policy.maxAttempts) {
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

  async function addMembers(inputs: readonly MemberAddInput[]): Promise<readonly MemberAddOutcome[]> {
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
      const results = await addBatch(batch, tally);
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
          await call<Obj>('team/members/get_info_v2', () =>
            client.teamMembersGetInfoV2({ members: already.map((j): team.UserSelectorArg => ({ '.tag': 'email', email: batch[j]!.email })) }),
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

  async function withAlreadyDone(
    tally: Tally,
    run: () => Promise<void>,
    codes: readonly string[],
    isAlready: (m: DropboxMember | null) => boolean,
    sel: MemberSelector,
  ): Promise<WriteReceipt> {
    try {
      await run();
      return tally.receipt(false);
    } catch (err) {
      if (!isCode(err, ...codes)) throw err;
      if (isAlready(await getMemberWith(sel, tally))) return tally.receipt(true);
      throw err;
    }
  }

  /**
   * members/move_former_member_files (team.stone:1125) until the files are with `dest`: 'moved' by
   * this call, or 'already' transferred (MembersTransferFormerMembersFilesError.user_data_already_transferred,
   * team.stone:1605, is the state we want). A transfer still running (user_data_is_being_transferred)
   * is waited for; a job that fails (internal_error) is checked by asking again.
   */
  async function moveFiles(member: MemberSelector, dest: MemberSelector, admin: MemberSelector, tally: Tally, deadline: Deadline): Promise<'moved' | 'already'> {
    const route = 'team/members/move_former_member_files';
    const arg: team.MembersDataTransferArg = { user: userArg(member), transfer_dest_id: userArg(dest), transfer_admin_id: userArg(admin) };
    for (let run = 1; ; ) {
      let launched: Obj;
      try {
        launched = tally.add(await call<Obj>(route, () => client.teamMembersMoveFormerMemberFiles(arg)));
      } catch (err) {
        if (isCode(err, 'user_data_already_transferred')) return 'already';
        if (isCode(err, 'user_data_is_being_transferred')) {
          await deadline.wait(sleep, route, 'the transfer of these files did not finish');
          continue;
        }
        throw err;
      }
      if (launched['.tag'] !== 'async_job_id') return 'moved';
      try {
        await poll(`${route}/job_status/check`, client.teamMembersMoveFormerMemberFilesJobStatusCheck, String(launched['async_job_id']), tally);
        return 'moved';
      } catch (err) {
        if (!isCode(err, 'internal_error') || run >= policy.maxAttempts) throw err;
        run++;
      }
    }
  }

  /**
   * groups/members/add|remove with bisection on the all-or-nothing conflict (ref §4). The whole-batch
   * errors members_not_in_team / users_not_found carry the refused ids (team.stone GroupMembersAddError,
   * GroupMembersRemoveError): those are left out and the rest of the batch is sent again.
   */
  async function changeGroup(
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
        tally.add(await call(route, () => change(part)));
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
    for (let i = 0; i < unique.length; i += groupBatch) await send(unique.slice(i, i + groupBatch));
    const notInTeam = [...refused.members_not_in_team];
    const notFound = [...refused.users_not_found];
    return { ...tally.receipt(alreadyThere === unique.length - notInTeam.length - notFound.length), notInTeam, notFound };
  }

  return {
    addMembers,

    async setProfile(member: MemberSelector, update: ProfileUpdate): Promise<WriteReceipt> {
      const tally = new Tally();
      if (update.email === undefined && update.givenName === undefined && update.surname === undefined && update.externalId === undefined) {
        return tally.receipt(true);
      }
      let user = userArg(member);
      // ref §2.6: selecting by external_id while changing it is refused; select by team_member_id instead.
      if (member.by === 'external_id' && update.externalId !== undefined) {
        const found = await getMemberWith(member, tally);
        if (!found) throw new RemoteError({ service: 'dropbox', route: 'team/members/set_profile_v2', message: `Dropbox member with external id ${member.value} not found`, code: 'user_not_found' });
        user = byId(found.teamMemberId);
      }
      try {
        tally.add(
          await call('team/members/set_profile_v2', () =>
            client.teamMembersSetProfileV2({
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
    },

    async suspend(member, wipeData) {
      const tally = new Tally();
      return withAlreadyDone(
        tally,
        async () => {
          // ref §2.7: wipe_data defaults to true, so it is always sent.
          tally.add(await call('team/members/suspend', () => client.teamMembersSuspend({ user: userArg(member), wipe_data: wipeData })));
        },
        ['suspend_inactive_user'],
        (m) => m?.status === 'suspended',
        member,
      );
    },

    async unsuspend(member) {
      const tally = new Tally();
      return withAlreadyDone(
        tally,
        async () => {
          tally.add(await call('team/members/unsuspend', () => client.teamMembersUnsuspend({ user: userArg(member) })));
        },
        ['unsuspend_non_suspended_member'],
        (m) => m?.status === 'active',
        member,
      );
    },

    async remove(member: MemberSelector, opts: RemoveOptions) {
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
      const deadline = new Deadline(jobTimeout, pollInterval);
      let jobFailed = false;
      for (let run = 1; ; ) {
        let launched: Obj;
        try {
          launched = tally.add(await call<Obj>('team/members/remove', () => client.teamMembersRemove(arg)));
        } catch (err) {
          if (isCode(err, 'transfer_in_progress')) {
            // team.stone MembersPermanentlyDeleteFilesError.transfer_in_progress: a removal (an earlier
            // run's job) is still transferring this member's files: wait for it, then look again.
            await deadline.wait(sleep, 'team/members/remove', 'the transfer of this member\'s files did not finish');
            continue;
          }
          // Not (or no longer) in the team: removed by an earlier run or by the job that failed. The
          // removal is then done, but a transfer it carried must be verified (and finished) apart.
          if (!isCode(err, 'user_not_in_team')) throw err;
          if (transfer === null) return tally.receipt(run === 1 && !jobFailed);
          const moved = await moveFiles(member, transfer.dest, transfer.admin, tally, deadline);
          if (moved === 'already') return tally.receipt(run === 1 && !jobFailed);
          return { ...tally.receipt(false), note: `files moved with members/move_former_member_files (${jobFailed ? 'the removal job failed after removing' : 'the member was removed without them'})` };
        }
        if (launched['.tag'] !== 'async_job_id') return tally.receipt(false);
        try {
          await poll('team/members/remove/job_status/get', client.teamMembersRemoveJobStatusGet, String(launched['async_job_id']), tally);
          return tally.receipt(false);
        } catch (err) {
          // async.stone PollError.internal_error: "verify that the action you were taking succeeded,
          // and if not, try again". Sending the removal again is that check: user_not_in_team means
          // the member was removed (then the transfer is verified above), anything else re-runs it.
          if (!isCode(err, 'internal_error') || run >= policy.maxAttempts) throw err;
          jobFailed = true;
          run++;
        }
      }
    },

    moveFormerMemberFiles(member, dest, admin) {
      const tally = new Tally();
      return moveFiles(member, dest, admin, tally, new Deadline(jobTimeout, pollInterval)).then((moved) => tally.receipt(moved === 'already'));
    },

    async recover(member) {
      const tally = new Tally();
      return withAlreadyDone(
        tally,
        async () => {
          tally.add(await call('team/members/recover', () => client.teamMembersRecover({ user: userArg(member) })));
        },
        ['user_unrecoverable'],
        (m) => m !== null && m.status !== 'removed',
        member,
      );
    },

    async setRole(member, role) {
      const tally = new Tally();
      const newRoles = await roleIdList(role, tally, 'team/members/set_admin_permissions_v2');
      tally.add(await call('team/members/set_admin_permissions_v2', () => client.teamMembersSetAdminPermissionsV2({ user: userArg(member), new_roles: newRoles })));
      return tally.receipt(false);
    },

    async createGroup(name, externalId) {
      const tally = new Tally();
      try {
        const g = tally.add(
          await call<Obj>('team/groups/create', () =>
            client.teamGroupsCreate({
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
        const found = tally.add(await call<Obj[]>('team/groups/get_info', () => client.teamGroupsGetInfo({ '.tag': 'group_external_ids', group_external_ids: [externalId] })));
        const info = found[0];
        if (!info || info['.tag'] !== 'group_info' || info['group_name'] !== name) throw err;
        return { ...tally.receipt(true), groupId: String(info['group_id']) };
      }
    },

    async updateGroup(groupId, update) {
      const tally = new Tally();
      if (update.name === undefined && update.externalId === undefined) return tally.receipt(true);
      tally.add(
        await call('team/groups/update', () =>
          client.teamGroupsUpdate({
            group: groupArg(groupId),
            return_members: false,
            ...(update.name !== undefined ? { new_group_name: update.name } : {}),
            ...(update.externalId !== undefined ? { new_group_external_id: update.externalId } : {}),
          }),
        ),
      );
      return tally.receipt(false);
    },

    async deleteGroup(groupId) {
      const tally = new Tally();
      const gone = async () => {
        try {
          const res = tally.add(await call<Obj[]>('team/groups/get_info', () => client.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: [groupId] })));
          return res[0]?.['.tag'] !== 'group_info';
        } catch (err) {
          // team.stone:2245 GroupsGetInfoError.group_not_on_team: the group is not (any more) on the team.
          if (isCode(err, 'group_not_on_team')) return true;
          throw err;
        }
      };
      try {
        // ref §4: the argument is a bare GroupSelector.
        await launchAndWait('team/groups/delete', () => client.teamGroupsDelete(groupArg(groupId)), 'team/groups/job_status/get', client.teamGroupsJobStatusGet, tally, gone);
        return tally.receipt(false);
      } catch (err) {
        if (isCode(err, 'group_not_found', 'group_already_deleted', 'group_not_on_team')) return tally.receipt(true);
        throw err;
      }
    },

    addGroupMembers(groupId, teamMemberIds) {
      const send = (ids: readonly string[]) =>
        client.teamGroupsMembersAdd({ group: groupArg(groupId), members: ids.map((id) => ({ user: byId(id), access_type: { '.tag': 'member' } })), return_members: false });
      return changeGroup('team/groups/members/add', send, teamMemberIds, 'duplicate_user');
    },

    removeGroupMembers(groupId, teamMemberIds) {
      const send = (ids: readonly string[]) => client.teamGroupsMembersRemove({ group: groupArg(groupId), users: ids.map(byId), return_members: false });
      return changeGroup('team/groups/members/remove', send, teamMemberIds, 'member_not_in_group');
    },

    getMember(member) {
      return getMemberWith(member, new Tally());
    },
  };
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
