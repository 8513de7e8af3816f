/**
 * The executor: turns a Plan into Dropbox writes through the DropboxWriter port, in the plan's
 * order, with bounded concurrency, and records one outcome per action. It never throws for a failed
 * action: the failure is recorded, the actions that depend on it are skipped, and independent
 * actions carry on. It throws only for a plan it must not run at all (Okta writes, a refused plan).
 */
import { directionOf, isSyncAction, type Action, type GroupRef, type MemberAddAction, type MemberMoveFormerFilesAction, type MemberRemoveAction, type PersonRef, type Plan } from '../domain/plan.js';
import type { DropboxWriter, MemberSelector, WriteReceipt } from '../domain/ports.js';
import { assertNever, InternalError, RemoteError, UsageError } from '../domain/errors.js';
import { ActionRefused, assertRunnableBy, attemptsOf, stamp, toActionError, errorLine, type Settled } from './executor-core.js';
import { KeyLock } from './key-lock.js';
import { missingPhase, splitPhases } from './phases.js';
import type { ActionError, ActionOutcome, ApplyCounts, ApplyEvent, ApplyResult } from './outcome.js';
import { emailKey } from '../domain/live.js';

export interface ApplyOptions {
  /** Units of work in flight at once (a batch of up to 20 adds is one unit). Default 4. */
  readonly concurrency?: number;
  readonly onEvent?: (event: ApplyEvent) => void;
  /** The clock, for outcome times and durations. Default: the system clock. */
  readonly now?: () => Date;
  /**
   * When aborted (reason: the signal's name, e.g. "SIGINT"), actions not yet started are skipped;
   * those in flight finish, for at most `stopGraceMs`.
   */
  readonly signal?: AbortSignal;
  /**
   * Actions not to run, by id, with the reason (e.g. an admin grant the reviewed plan did not
   * hold): each is recorded as skipped before anything starts, and what depends on it is skipped.
   */
  readonly hold?: ReadonlyMap<string, string>;
  /**
   * How long the calls in flight may still take once the signal is aborted; what is still running
   * then is recorded as failed (code `interrupted`) and the run returns. Default 30 s.
   */
  readonly stopGraceMs?: number;
}

/** members/add_v2 takes at most 20 new members per call. */
export const ADD_BATCH_SIZE = 20;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_STOP_GRACE_MS = 30_000;

interface Done {
  readonly attempts: number;
  readonly requestId: string | null;
  readonly alreadyDone: boolean;
  readonly note: string | null;
}

export async function applyPlan(plan: Plan, writer: DropboxWriter, options: ApplyOptions = {}): Promise<ApplyResult> {
  assertRunnable(plan);
  const run = new Run(plan, writer, options);
  return run.execute();
}

/**
 * Throws a UsageError (one line) for a plan apply must not run at all: Okta writes in it, refused
 * by the safety guard, or an action id twice. applyPlan calls it first; callers may call it before
 * opening anything.
 */
export function assertRunnable(plan: Plan): void {
  assertRunnableBy(plan, {
    runs: (kind) => directionOf(kind) === 'sync',
    foreign: (n, kinds) => `this plan holds Okta writes (${n}: ${kinds}); apply runs Dropbox actions only — Okta writes are run by dbxsync import --apply`,
    refused: (rules) => `the plan is refused by the safety guard (${rules}); nothing was applied`,
    extra: (p) => {
      const unphased = missingPhase(p.actions);
      return unphased === null ? null : `${unphased}; nothing was applied`;
    },
    duplicateId: (id) => `the plan holds action id "${id}" twice; nothing was applied`,
  });
}

/** A unit of work: one action, or a batch of member adds sent in one members/add_v2 call. */
type Unit = { readonly kind: 'single'; readonly action: Action; readonly leftOut: readonly PersonRef[] } | { readonly kind: 'add-batch'; readonly actions: readonly MemberAddAction[] };

class Run {
  private readonly outcomes = new Map<string, ActionOutcome>();
  private readonly index = new Map<string, number>();
  private readonly counts = { applied: 0, failed: 0, skipped: 0 };
  /** team_member_ids learnt during this run: `okta:<okta user id>` and `email:<email>` → id. */
  private readonly memberIds = new Map<string, string>();
  /** group ids of groups created during this run, by external id and by name. */
  private readonly groupIds = new Map<string, string>();
  private readonly locks = new KeyLock();
  /**
   * Recipients whose transfer job outlived the writer's job timeout: Dropbox is still moving files
   * to them (one transfer at a time per recipient), so their lock is held for the rest of the run.
   * Value: the member whose files they are receiving.
   */
  private readonly unfinishedTransfers = new Map<string, string>();
  private readonly concurrency: number;
  private readonly now: () => Date;
  /** Started and not settled yet. */
  private readonly running = new Set<Action>();
  /** Recorded as failed when the stop grace ran out: their late outcomes are dropped. */
  private readonly abandoned = new Set<string>();
  private notStarted = 0;
  /** Settles when the stop grace has run out (never without an abort). */
  private graceOver: Promise<void> = new Promise(() => {});
  private graceExpired = false;
  private graceTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly plan: Plan,
    private readonly writer: DropboxWriter,
    private readonly options: ApplyOptions,
  ) {
    const c = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(c) || c < 1) throw new UsageError(`concurrency must be a whole number of at least 1 (got ${c})`);
    this.concurrency = c;
    this.now = options.now ?? (() => new Date());
    plan.actions.forEach((a, i) => this.index.set(a.id, i));
    const signal = options.signal;
    if (signal !== undefined) {
      const startGrace = (): void => {
        this.graceOver = new Promise((resolve) => {
          this.graceTimer = setTimeout(() => {
            this.graceExpired = true;
            resolve();
          }, options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
        });
      };
      if (signal.aborted) startGrace();
      else signal.addEventListener('abort', startGrace, { once: true });
    }
  }

  private get stopReason(): string | null {
    const signal = this.options.signal;
    if (signal === undefined || !signal.aborted) return null;
    return typeof signal.reason === 'string' ? signal.reason : 'a stop request';
  }

  async execute(): Promise<ApplyResult> {
    this.emit({ type: 'apply.started', total: this.plan.actions.length, planFingerprint: this.plan.fingerprint });
    const hold = this.options.hold;
    if (hold !== undefined) {
      for (const a of this.plan.actions) {
        const reason = hold.get(a.id);
        if (reason !== undefined) this.skip(a, reason);
      }
    }
    try {
      for (const phase of splitPhases(this.plan.actions)) await this.runPhase(phase);
    } finally {
      if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    }
    const outcomes = this.plan.actions.map((a) => {
      const o = this.outcomes.get(a.id);
      if (!o) throw new InternalError(`no outcome recorded for ${a.id}`);
      return o;
    });
    const counts: ApplyCounts = { ...this.counts };
    const reason = this.stopReason;
    const result: ApplyResult = { outcomes, counts, ok: counts.failed === 0 && counts.skipped === 0, ...(reason !== null ? { interrupted: reason } : {}) };
    if (reason !== null) this.emit({ type: 'apply.interrupted', interruption: { at: this.now().toISOString(), reason, counts, notStarted: this.notStarted, abandoned: this.abandoned.size } });
    this.emit({ type: 'apply.finished', result });
    return result;
  }

  private emit(event: ApplyEvent): void {
    this.options.onEvent?.(event);
  }

  private async runPhase(phase: readonly Action[]): Promise<void> {
    // Settled or started actions leave a hole rather than being spliced out: at 100k actions,
    // splicing the front of the list would cost more than the calls themselves.
    const pending: (Action | null)[] = phase.map((a) => (this.outcomes.has(a.id) ? null : a));
    let head = 0;
    let remaining = pending.filter((a) => a !== null).length;
    const take = (j: number): void => {
      pending[j] = null;
      remaining--;
    };
    const inPhase = new Set(phase.map((a) => a.id));
    const busyKeys = new Set<string>();
    const inFlight = new Set<Promise<void>>();

    while (remaining > 0 || inFlight.size > 0) {
      const reason = this.stopReason;
      if (reason !== null) {
        for (let j = head; j < pending.length; j++) {
          const a = pending[j];
          if (!a) continue;
          take(j);
          this.notStarted++;
          this.skip(a, `apply was interrupted (${reason}) before this action started`);
        }
      }
      while (head < pending.length && pending[head] === null) head++;
      for (let i = head; i < pending.length && inFlight.size < this.concurrency; i++) {
        const action = pending[i];
        if (!action) continue;
        const verdict = this.readiness(action, inPhase);
        if (verdict.state === 'skip') {
          take(i);
          this.skip(action, verdict.reason);
          continue;
        }
        if (verdict.state === 'wait' || (action.serialKey !== null && busyKeys.has(action.serialKey))) continue;
        let unit: Unit;
        if (action.kind === 'member.add') {
          const batch = this.addBatchAt(pending, i, inPhase, busyKeys);
          for (const j of batch) take(j);
          unit = { kind: 'add-batch', actions: batch.map((j) => phase[j] as MemberAddAction) };
        } else {
          take(i);
          unit = { kind: 'single', action, leftOut: verdict.leftOut };
        }
        const keys = unitActions(unit)
          .map((a) => a.serialKey)
          .filter((k): k is string => k !== null);
        for (const k of keys) busyKeys.add(k);
        const p: Promise<void> = this.runUnit(unit).finally(() => {
          for (const k of keys) busyKeys.delete(k);
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
      if (inFlight.size === 0) {
        if (remaining > 0) {
          // Nothing runs and nothing can start: the remaining actions wait on each other.
          for (let j = head; j < pending.length; j++) {
            const a = pending[j];
            if (!a) continue;
            take(j);
            this.skip(a, `its dependencies form a cycle (${a.dependsOn.join(', ')})`);
          }
        }
        break;
      }
      await Promise.race(this.stopReason === null ? inFlight : [...inFlight, this.graceOver]);
      if (this.graceExpired && this.running.size > 0) {
        this.abandonRunning();
        return;
      }
    }
  }

  /** The stop grace ran out: what is still in flight is recorded as failed; the calls may still land. */
  private abandonRunning(): void {
    const ms = this.options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
    const grace = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
    for (const a of [...this.running]) {
      this.settle(a, {
        ...failedWith(0, { code: 'interrupted', message: `still in flight ${grace} after apply was interrupted (${this.stopReason}); the next plan shows whether Dropbox made this change`, retryable: true }),
        attempts: 0,
      });
      this.abandoned.add(a.id);
    }
  }

  /** Indexes of the ready member adds from `from` on, in plan order, up to one batch. */
  private addBatchAt(pending: readonly (Action | null)[], from: number, inPhase: ReadonlySet<string>, busyKeys: ReadonlySet<string>): number[] {
    const batch: number[] = [];
    const keys = new Set<string>();
    for (let j = from; j < pending.length && batch.length < ADD_BATCH_SIZE; j++) {
      const a = pending[j];
      if (!a || a.kind !== 'member.add') continue;
      const key = a.serialKey;
      if (this.readiness(a, inPhase).state !== 'ready' || (key !== null && (busyKeys.has(key) || keys.has(key)))) continue;
      if (key !== null) keys.add(key);
      batch.push(j);
    }
    return batch;
  }

  private readiness(action: Action, inPhase: ReadonlySet<string>): { state: 'ready'; leftOut: PersonRef[] } | { state: 'wait' } | { state: 'skip'; reason: string } {
    const failedDeps: Action[] = [];
    for (const dep of action.dependsOn) {
      const at = this.index.get(dep);
      if (at === undefined) return { state: 'skip', reason: `it depends on ${dep}, which is not in the plan` };
      const outcome = this.outcomes.get(dep);
      if (outcome === undefined) {
        if (inPhase.has(dep)) return { state: 'wait' };
        return { state: 'skip', reason: `it depends on ${dep}, which comes later in the plan` };
      }
      if (outcome.status !== 'applied') failedDeps.push(this.plan.actions[at]!);
    }
    if (failedDeps.length === 0) return { state: 'ready', leftOut: [] };
    // A group change for several people need not wait for the one whose own add failed: the
    // others join now, and that person joins on the run that adds them.
    if (action.kind === 'group.members.add') {
      const leftOut: PersonRef[] = [];
      const allAdds = failedDeps.every((d) => {
        if (d.kind !== 'member.add') return false;
        const person = action.members.find((m) => samePerson(m, d.member));
        if (person) leftOut.push(person);
        return person !== undefined;
      });
      if (allAdds && leftOut.length < action.members.length) return { state: 'ready', leftOut };
    }
    const first = failedDeps[0]!;
    const status = this.outcomes.get(first.id)!.status;
    const more = failedDeps.length > 1 ? ` (and ${failedDeps.length - 1} more)` : '';
    return { state: 'skip', reason: `its dependency ${first.kind} ${targetOf(first)} ${status === 'failed' ? 'failed' : 'was skipped'}${more}` };
  }

  private async runUnit(unit: Unit): Promise<void> {
    for (const a of unitActions(unit)) {
      this.running.add(a);
      this.emit({ type: 'action.started', action: a });
    }
    if (unit.kind === 'add-batch') {
      await this.runAddBatch(unit.actions);
      return;
    }
    const { action, leftOut } = unit;
    const started = this.now().getTime();
    let outcome: Settled;
    try {
      const done = await this.perform(action, leftOut);
      outcome = {
        status: 'applied',
        attempts: done.attempts,
        ms: this.now().getTime() - started,
        requestId: done.requestId,
        alreadyDone: done.alreadyDone,
        error: null,
        skipReason: null,
        note: done.note,
      };
    } catch (err) {
      outcome = {
        status: 'failed',
        attempts: attemptsOf(err),
        ms: this.now().getTime() - started,
        requestId: err instanceof RemoteError ? err.requestId : null,
        alreadyDone: false,
        error: toActionError(err),
        skipReason: null,
        note: null,
      };
    }
    // Settled outside the try: a failing listener (the audit log) must not turn into a second outcome.
    this.settle(action, outcome);
  }

  private async runAddBatch(actions: readonly MemberAddAction[]): Promise<void> {
    const started = this.now().getTime();
    let settled: Settled[];
    try {
      const results = await this.writer.addMembers(
        actions.map((a) => ({
          email: a.member.email,
          givenName: a.givenName,
          surname: a.surname,
          externalId: a.externalId,
          sendWelcomeEmail: a.sendWelcomeEmail,
          role: a.role,
        })),
      );
      const ms = this.now().getTime() - started;
      settled = actions.map((a, i): Settled => {
        const r = results[i];
        if (r === undefined || emailKey(r.email) !== emailKey(a.member.email)) {
          return failedWith(ms, { code: null, message: `members/add_v2 answered no outcome for ${a.member.email}`, retryable: true });
        }
        if (!r.ok) return failedWith(ms, { code: r.tag, message: errorLine(r.message), retryable: false });
        this.rememberMember(a.member, r.teamMemberId, a.externalId);
        return { status: 'applied', attempts: 1, ms, requestId: null, alreadyDone: r.alreadyMember, error: null, skipReason: null, note: null };
      });
    } catch (err) {
      const ms = this.now().getTime() - started;
      const failed: Settled = { ...failedWith(ms, toActionError(err)), attempts: attemptsOf(err), requestId: err instanceof RemoteError ? err.requestId : null };
      settled = actions.map(() => failed);
    }
    actions.forEach((a, i) => this.settle(a, settled[i]!));
  }

  private async perform(action: Action, leftOut: readonly PersonRef[]): Promise<Done> {
    // Only the sync plan's own kinds below: assertRunnable refused any other before the run began.
    if (!isSyncAction(action)) throw new InternalError(`${action.kind} is an Okta write; apply refuses such plans before it starts`);
    const w = this.writer;
    switch (action.kind) {
      case 'member.add': {
        throw new InternalError('member.add runs in batches');
      }
      case 'member.update_profile': {
        const c = action.changes;
        const update = {
          ...(c.email ? { email: c.email.to } : {}),
          ...(c.givenName ? { givenName: c.givenName.to } : {}),
          ...(c.surname ? { surname: c.surname.to } : {}),
          ...(c.externalId ? { externalId: c.externalId.to } : {}),
        };
        // Never select by external_id here: Dropbox refuses to select by external_id and change it
        // in one call (external_id_and_new_external_id_unsafe); by email, the old address still names them.
        const tmid = this.memberIdOf(action.member);
        const selector: MemberSelector = tmid !== null ? { by: 'team_member_id', value: tmid } : { by: 'email', value: c.email?.from ?? action.member.email };
        return receipt(await w.setProfile(selector, update));
      }
      case 'member.set_role':
        return receipt(await w.setRole(this.selector(action.member), action.to));
      case 'member.suspend':
        return receipt(await w.suspend(this.selector(action.member), action.wipeData));
      case 'member.unsuspend':
        return receipt(await w.unsuspend(this.selector(action.member)));
      case 'member.recover':
        return receipt(await w.recover(this.selector(action.member)));
      case 'member.remove':
        return this.remove(action);
      case 'member.move_former_files':
        return this.moveFormerFiles(action);
      case 'group.create': {
        const externalId = action.group.externalId ?? `okta:${action.oktaGroupId}`;
        const r = await w.createGroup(action.group.name, externalId);
        this.groupIds.set(`ext:${externalId}`, r.groupId);
        this.groupIds.set(`name:${action.group.name}`, r.groupId);
        return receipt(r);
      }
      case 'group.rename': {
        const update = {
          ...(action.from !== action.to ? { name: action.to } : {}),
          ...(action.newExternalId !== null ? { externalId: action.newExternalId } : {}),
        };
        return receipt(await w.updateGroup(this.groupIdOf(action.group), update));
      }
      case 'group.members.add':
      case 'group.members.remove': {
        const groupId = this.groupIdOf(action.group);
        const people = action.members.filter((m) => !leftOut.includes(m));
        const ids: string[] = [];
        const unknown: PersonRef[] = [];
        for (const p of people) {
          const id = this.memberIdOf(p);
          if (id === null) unknown.push(p);
          else ids.push(id);
        }
        if (ids.length === 0) {
          throw new ActionRefused('member_id_unknown', `no Dropbox team_member_id known for ${unknown.map((p) => p.email).join(', ')} (not added by this run)`);
        }
        const r = action.kind === 'group.members.add' ? await w.addGroupMembers(groupId, ids) : await w.removeGroupMembers(groupId, ids);
        const emailsOf = (refused: readonly string[]) => people.filter((p) => refused.includes(this.memberIdOf(p) ?? '')).map((p) => p.email).join(', ');
        const notes: string[] = [];
        if (leftOut.length > 0) notes.push(`left out ${leftOut.map((p) => p.email).join(', ')} (their member.add did not succeed)`);
        if (unknown.length > 0) notes.push(`left out ${unknown.map((p) => p.email).join(', ')} (no team_member_id known)`);
        if (r.notInTeam.length > 0) notes.push(`left out ${emailsOf(r.notInTeam)} (no longer on the Dropbox team: members_not_in_team)`);
        if (r.notFound.length > 0) notes.push(`left out ${emailsOf(r.notFound)} (not found in Dropbox: users_not_found)`);
        return { ...receipt(r), note: notes.length > 0 ? notes.join('; ') : null };
      }
      case 'group.delete':
        return receipt(await w.deleteGroup(this.groupIdOf(action.group)));
      default:
        return assertNever(action, 'action kind');
    }
  }

  /**
   * Removal with a transfer: the destination is checked at apply time, because it may have left
   * since the plan was made; the fallbacks are tried in order. A removal never goes ahead without
   * the transfer the plan asked for: that would leave the files to expire with the account.
   * Transfers to one person run one at a time (Dropbox lets a recipient take one deleted user's
   * files at a time), and a member is not removed while it receives a transfer.
   */
  private async remove(action: MemberRemoveAction): Promise<Done> {
    const subject = this.selector(action.member);
    const options = {
      wipeData: action.wipeData,
      keepAccount: action.keepAccount,
      retainTeamShares: action.retainTeamShares,
      transferAdmin: action.transferAdmin ? this.selector(action.transferAdmin) : null,
    };
    if (action.transferTo === null) {
      const r = await this.locks.with([lockKey(subject)], () => this.writer.remove(subject, { ...options, transferDest: null }));
      return receipt(r);
    }
    return this.transfer(action, action.transferTo, 'not removed', (dest) => this.writer.remove(subject, { ...options, transferDest: dest }));
  }

  /**
   * The files of a member already removed (the removal's transfer did not happen) go where a
   * removal's would: members/move_former_member_files (team.stone:1125) with the same destination
   * check and fallbacks; files already transferred (user_data_already_transferred) are done.
   */
  private async moveFormerFiles(action: MemberMoveFormerFilesAction): Promise<Done> {
    const admin = action.transferAdmin;
    if (admin === null) throw new ActionRefused('unspecified_transfer_admin_id', `no transfer admin for the files of ${action.member.email} (offboarding.onDeactivated.transferAdmin); not moved`);
    const subject = this.selector(action.member);
    return this.transfer(action, action.transferTo, 'not moved', (dest) => this.writer.moveFormerMemberFiles(subject, dest, this.selector(admin)));
  }

  /**
   * Sends `send(destination)` to the planned destination, else to the fallbacks in order: each is
   * checked at apply time (it may have left since the plan was made), under its lock and the
   * subject's, so that its own removal cannot slip in between.
   */
  private async transfer(
    action: MemberRemoveAction | MemberMoveFormerFilesAction,
    planned: PersonRef,
    undone: string,
    send: (dest: MemberSelector) => Promise<WriteReceipt>,
  ): Promise<Done> {
    const subject = this.selector(action.member);
    const candidates = [planned, ...action.transferFallbacks].filter((p) => !samePerson(p, action.member));
    const unverified: string[] = [];
    const busy: string[] = [];
    for (const candidate of candidates) {
      // Checked while holding the candidate's lock: its own removal cannot slip in between.
      const candidateSelector = this.selector(candidate);
      const r = await this.locks.with([lockKey(subject), lockKey(candidateSelector)], async () => {
        const busyWith = this.unfinishedTransfers.get(lockKey(candidateSelector));
        if (busyWith !== undefined) {
          busy.push(`${candidate.email} (still receiving ${busyWith}'s files)`);
          return null;
        }
        const live = await this.writer.getMember(candidateSelector);
        if (live === null || live.status !== 'active') return null;
        if (!live.emailVerified) {
          unverified.push(candidate.email);
          return null;
        }
        try {
          return await send({ by: 'team_member_id', value: live.teamMemberId });
        } catch (err) {
          // The removal job outlived the job timeout: Dropbox is still transferring to this
          // recipient, and a second transfer to it would collide (transfer_in_progress), so it takes
          // no other transfer this run; the next run finds the member (still being removed, or
          // removed) and finishes the work (writer: transfer_in_progress, move_former_member_files).
          if (err instanceof RemoteError && err.code === 'job_timeout') this.unfinishedTransfers.set(lockKey(candidateSelector), action.member.email);
          // team.stone MembersTransferFilesError.recipient_not_verified: the destination cannot take
          // the files, and nothing was removed, so the next configured destination is tried.
          if (!(err instanceof RemoteError && err.code === 'recipient_not_verified')) throw err;
          unverified.push(candidate.email);
          return null;
        }
      });
      if (r === null) continue;
      const why = busy.some((b) => b.startsWith(`${planned.email} `))
        ? 'is still receiving files from a removal whose job did not finish'
        : unverified.includes(planned.email)
          ? 'has an unverified email'
          : 'is no longer an active member';
      const note = candidate === planned ? null : `files transferred to fallback ${candidate.email} (${planned.email} ${why})`;
      return { ...receipt(r), note };
    }
    const tried = candidates.length > 1 ? ` (nor is any fallback: ${candidates.slice(1).map((p) => p.email).join(', ')})` : '';
    const unverifiedNote = unverified.length > 0 ? `; unverified email: ${unverified.join(', ')}` : '';
    if (busy.length > 0) {
      throw new ActionRefused(
        'transfer_destination_busy',
        `no transfer destination is free: ${busy.join(', ')} — Dropbox takes one transfer at a time per recipient${unverifiedNote}; ${undone} (the next run does it)`,
      );
    }
    throw new ActionRefused(
      'transfer_destination_inactive',
      `transfer destination ${planned.email} is no longer an active member with a verified email${tried}${unverifiedNote}; ${undone}`,
    );
  }

  private rememberMember(person: PersonRef, teamMemberId: string, externalId: string): void {
    if (person.oktaUserId !== null) this.memberIds.set(`okta:${person.oktaUserId}`, teamMemberId);
    this.memberIds.set(`okta:${externalId}`, teamMemberId);
    this.memberIds.set(`email:${emailKey(person.email)}`, teamMemberId);
  }

  private memberIdOf(person: PersonRef): string | null {
    if (person.teamMemberId !== null) return person.teamMemberId;
    if (person.oktaUserId !== null) {
      const id = this.memberIds.get(`okta:${person.oktaUserId}`);
      if (id !== undefined) return id;
    }
    return this.memberIds.get(`email:${emailKey(person.email)}`) ?? null;
  }

  private selector(person: PersonRef): MemberSelector {
    const id = this.memberIdOf(person);
    return id !== null ? { by: 'team_member_id', value: id } : { by: 'email', value: person.email };
  }

  private groupIdOf(group: GroupRef): string {
    if (group.groupId !== null) return group.groupId;
    const id = (group.externalId !== null ? this.groupIds.get(`ext:${group.externalId}`) : undefined) ?? this.groupIds.get(`name:${group.name}`);
    if (id === undefined) throw new ActionRefused('group_id_unknown', `group "${group.name}" has no Dropbox group id (its group.create did not run)`);
    return id;
  }

  private skip(action: Action, reason: string): void {
    this.settle(action, { status: 'skipped', attempts: 0, ms: 0, requestId: null, alreadyDone: false, error: null, skipReason: reason, note: null });
  }

  private settle(action: Action, o: Settled): void {
    // A call that lands after the stop grace ran out: its action is already recorded as interrupted.
    if (this.abandoned.has(action.id)) return;
    this.running.delete(action);
    if (this.outcomes.has(action.id)) throw new InternalError(`outcome of ${action.id} settled twice`);
    const outcome = stamp(action, o, this.now());
    this.outcomes.set(action.id, outcome);
    this.counts[outcome.status]++;
    this.emit({ type: 'action.finished', action, outcome, counts: { ...this.counts } });
  }
}

function unitActions(unit: Unit): readonly Action[] {
  return unit.kind === 'single' ? [unit.action] : unit.actions;
}

function failedWith(ms: number, error: ActionError): Settled {
  return { status: 'failed', attempts: 1, ms, requestId: null, alreadyDone: false, error, skipReason: null, note: null };
}

function receipt(r: WriteReceipt): Done {
  return { attempts: r.attempts, requestId: r.requestId, alreadyDone: r.alreadyDone, note: r.note ?? null };
}

function lockKey(selector: MemberSelector): string {
  return `member:${selector.by}:${selector.value.toLowerCase()}`;
}

function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.teamMemberId !== null && b.teamMemberId !== null) return a.teamMemberId === b.teamMemberId;
  if (a.oktaUserId !== null && b.oktaUserId !== null) return a.oktaUserId === b.oktaUserId;
  return emailKey(a.email) === emailKey(b.email);
}

/** Who or what an action touches, for messages: an email or a quoted group name. */
export function targetOf(action: Action): string {
  return 'member' in action ? action.member.email : `"${action.group.name}"`;
}
