/**
 * What every Dropbox write shares (src/dropbox/writer.ts builds one per writer): the SDK client, the
 * retry policy every call runs under, the polling of async jobs, the role ids, and the small rules
 * around them (a failed job is checked, then run again; an "already so" answer is looked up).
 */
import type { Dropbox, DropboxResponse, team } from 'dropbox';
import type { Role } from '../domain/desired.js';
import { assertNever, RemoteError } from '../domain/errors.js';
import type { DropboxMember } from '../domain/live.js';
import type { MemberSelector, WriteReceipt } from '../domain/ports.js';
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
export class Deadline {
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

export function userArg(sel: MemberSelector): team.UserSelectorArg {
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

export function byId(teamMemberId: string): team.UserSelectorArgTeamMemberId {
  return { '.tag': 'team_member_id', team_member_id: teamMemberId };
}

export function groupArg(groupId: string): team.GroupSelectorGroupId {
  return { '.tag': 'group_id', group_id: groupId };
}

export function isCode(err: unknown, ...codes: string[]): err is RemoteError {
  return err instanceof RemoteError && err.code !== null && codes.includes(err.code);
}


/** Sums attempts over the calls one write makes. */
export class Tally {
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

export class WriteSession {
  readonly policy: DropboxRetryPolicy;
  readonly sleep: Sleep;
  readonly pollInterval: number;
  readonly jobTimeout: number;
  readonly groupBatch: number;
  readonly #retry: ReturnType<typeof retryContextOf>;
  #rolesCache: Promise<Map<Role, string>> | null = null;

  constructor(
    readonly client: Dropbox,
    options: DropboxWriterOptions,
  ) {
    this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? realSleep;
    this.pollInterval = options.pollIntervalMs ?? 1000;
    this.jobTimeout = options.jobTimeoutMs ?? 600_000;
    this.groupBatch = Math.max(1, options.groupBatchSize ?? 100);
    this.#retry = retryContextOf(client, {
      policy: this.policy,
      sleep: this.sleep,
      ...(options.random ? { random: options.random } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });
  }

  /**
   * One call under the retry policy. Arguments are the SDK's types (a renamed method or field fails
   * to compile); answers are read as untrusted JSON (a server may leave out what its types
   * promise), hence `T = Obj`.
   */
  call<T = Obj>(route: string, send: () => Promise<DropboxResponse<unknown>>): Promise<CallResult<T>> {
    return callWithRetry<T>(route, send as () => Promise<DropboxResponse<T>>, this.#retry);
  }

  /** The waiting budget of one write (a transfer still running): the job timeout. */
  deadline(): Deadline {
    return new Deadline(this.jobTimeout, this.pollInterval);
  }

  /** Polls a job until it leaves in_progress; returns the final result. */
  async poll(route: string, check: (arg: { async_job_id: string }) => Promise<DropboxResponse<unknown>>, jobId: string, tally: Tally): Promise<Obj> {
    let waited = 0;
    let interval = this.pollInterval;
    for (;;) {
      if (waited >= this.jobTimeout) {
        throw new RemoteError({
          service: 'dropbox',
          route,
          message: `Dropbox ${route}: job did not finish within ${Math.round(this.jobTimeout / 1000)} s`,
          code: 'job_timeout',
          retryable: true,
        });
      }
      await this.sleep(interval);
      waited += interval;
      interval = Math.min(interval * 1.5, Math.max(this.pollInterval, 5_000));
      const result = tally.add(await this.call(route, () => check.call(this.client, { async_job_id: jobId })));
      if (result['.tag'] !== 'in_progress') return result;
    }
  }

  #roleIds(tally: Tally): Promise<Map<Role, string>> {
    this.#rolesCache ??= this.call<Obj>('team/members/get_available_team_member_roles', () => this.client.teamMembersGetAvailableTeamMemberRoles()).then((r) => {
      tally.add(r);
      const map = new Map<Role, string>();
      for (const role of (r.result['roles'] as Obj[] | undefined) ?? []) {
        const mapped = roleOfName(String(role['name'] ?? ''));
        if (mapped && !map.has(mapped)) map.set(mapped, String(role['role_id']));
      }
      return map;
    });
    this.#rolesCache.catch(() => {
      this.#rolesCache = null;
    });
    return this.#rolesCache;
  }

  /** The role ids a member of `role` holds (none for member_only); the roles are read once per writer. */
  async roleIdList(role: Role, tally: Tally, route: string): Promise<string[]> {
    if (role === 'member_only') return [];
    const id = (await this.#roleIds(tally)).get(role);
    if (!id) throw new RemoteError({ service: 'dropbox', route, message: `Dropbox offers no role named like ${role}`, code: 'role_not_found' });
    return [id];
  }

  async getMember(sel: MemberSelector, tally: Tally): Promise<DropboxMember | null> {
    const res = tally.add(await this.call<Obj>('team/members/get_info_v2', () => this.client.teamMembersGetInfoV2({ members: [userArg(sel)] })));
    const item = ((res['members_info'] as Obj[] | undefined) ?? [])[0];
    if (!item || item['.tag'] !== 'member_info') return null;
    return toDropboxMember(item, 'team/members/get_info_v2');
  }

  /** Runs a launch that may return a job, re-launching when the job fails (a failed job applied nothing or is verified first). */
  async launchAndWait(
    route: string,
    launch: () => Promise<DropboxResponse<unknown>>,
    pollRoute: string,
    check: (arg: { async_job_id: string }) => Promise<DropboxResponse<unknown>>,
    tally: Tally,
    isDone: () => Promise<boolean>,
  ): Promise<void> {
    for (let run = 1; ; run++) {
      const launched = tally.add(await this.call<Obj>(route, launch));
      if (launched['.tag'] !== 'async_job_id') return;
      try {
        await this.poll(pollRoute, check, String(launched['async_job_id']), tally);
        return;
      } catch (err) {
        // ref §6: treat internal_error as "check state, then retry".
        if (!isCode(err, 'internal_error') || run >= this.policy.maxAttempts) throw err;
        if (await isDone()) return;
      }
    }
  }

  /** Runs a write whose refusal `codes` may mean "already so": then the member is looked up and `isAlready` decides. */
  async withAlreadyDone(
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
      if (isAlready(await this.getMember(sel, tally))) return tally.receipt(true);
      throw err;
    }
  }
}
