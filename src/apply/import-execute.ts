/**
 * Executing an import plan (`dbxsync import --apply`): each okta.* action through the Okta writer,
 * a few at a time, one outcome per action. A failed action never stops the others (import actions
 * are independent: each touches one person). Retries are the Okta client's policy: the SDK retries
 * HTTP 429, and writes are not repeated on 5xx or dropped connections, since Okta may have done them.
 */
import { assertNever, RemoteError, UsageError } from '../domain/errors.js';
import type { Action, OktaAssignAction, OktaCreateUserAction, OktaUpdateProfileAction, Plan } from '../domain/plan.js';
import { redact } from '../domain/redact.js';
import type { NewOktaUserProfile, OktaWriter } from '../domain/ports.js';
import type { ActionError, ActionOutcome, ApplyEvent, ApplyResult } from './outcome.js';
import { runRecorded, type RecordedRunOptions, type RunApplyResult } from './run-apply.js';

export interface ImportExecuteOptions {
  /** The Dropbox app instance in Okta (desired okta.appId): assignments go there. */
  readonly appId: string;
  /** Okta writes in flight at once. Default 4 (the Okta client paces them against its rate budget). */
  readonly concurrency?: number;
  readonly onEvent?: (event: ApplyEvent) => void;
  /** The clock, for outcome times and durations. Default: the system clock. */
  readonly now?: () => Date;
}

export const DEFAULT_IMPORT_CONCURRENCY = 4;

/**
 * Throws a UsageError (one line) for a plan import must not run: an action that is not an Okta
 * write, a plan refused by its safety checks (import.maxWrites), an action id twice.
 */
export function assertImportRunnable(plan: Plan): void {
  const other = plan.actions.filter((a) => !a.kind.startsWith('okta.'));
  if (other.length > 0) {
    const kinds = [...new Set(other.map((a) => a.kind))].sort().join(', ');
    throw new UsageError(`this plan holds Dropbox actions (${other.length}: ${kinds}); import --apply runs Okta writes only — Dropbox actions are run by dbxsync apply`);
  }
  if (!plan.safety.ok) {
    const rules = [...new Set(plan.safety.violations.map((v) => v.rule))].join(', ');
    throw new UsageError(`the import plan is refused by the safety checks (${rules || 'no reason given'}); nothing was written to Okta`);
  }
  const seen = new Set<string>();
  for (const a of plan.actions) {
    if (seen.has(a.id)) throw new UsageError(`the import plan holds action id "${a.id}" twice; nothing was written to Okta`);
    seen.add(a.id);
  }
}

interface Written {
  readonly attempts: number;
  readonly requestId: string | null;
  readonly note: string | null;
}

/** An error after some of an action's calls were made (a created user whose assignment failed). */
class PartlyDone extends Error {
  constructor(
    readonly error: unknown,
    readonly attempts: number,
    readonly requestId: string | null,
    message: string,
  ) {
    super(message, { cause: error });
  }
}

export async function executeImport(plan: Plan, writer: OktaWriter, options: ImportExecuteOptions): Promise<ApplyResult> {
  assertImportRunnable(plan);
  const now = options.now ?? (() => new Date());
  const emit = options.onEvent ?? (() => {});
  const outcomes: (ActionOutcome | undefined)[] = new Array<ActionOutcome | undefined>(plan.actions.length);
  const counts = { applied: 0, failed: 0, skipped: 0 };
  emit({ type: 'apply.started', total: plan.actions.length, planFingerprint: plan.fingerprint });

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.actions.length) {
      const i = next++;
      const action = plan.actions[i]!;
      emit({ type: 'action.started', action });
      const started = now().getTime();
      let outcome: ActionOutcome;
      try {
        const written = await perform(action, writer, options.appId);
        outcome = settle(action, now, started, { status: 'applied', attempts: written.attempts, requestId: written.requestId, error: null, note: written.note });
        counts.applied++;
      } catch (err) {
        const partly = err instanceof PartlyDone ? err : null;
        const cause = partly?.error ?? err;
        const error = toActionError(cause);
        outcome = settle(action, now, started, {
          status: 'failed',
          attempts: partly?.attempts ?? 1,
          requestId: partly?.requestId ?? (cause instanceof RemoteError ? cause.requestId : null),
          error: partly === null ? error : { ...error, message: oneLine(partly.message) },
          note: null,
        });
        counts.failed++;
      }
      outcomes[i] = outcome;
      emit({ type: 'action.finished', action, outcome, counts: { ...counts } });
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? DEFAULT_IMPORT_CONCURRENCY, plan.actions.length));
  await Promise.all(Array.from({ length: lanes }, () => worker()));

  const result: ApplyResult = { outcomes: outcomes as ActionOutcome[], counts: { ...counts }, ok: counts.failed === 0 && counts.skipped === 0 };
  emit({ type: 'apply.finished', result });
  return result;
}

function settle(
  action: Action,
  now: () => Date,
  started: number,
  s: { status: 'applied' | 'failed'; attempts: number; requestId: string | null; error: ActionError | null; note: string | null },
): ActionOutcome {
  const finished = now();
  return {
    actionId: action.id,
    kind: action.kind,
    status: s.status,
    attempts: s.attempts,
    ms: Math.max(0, finished.getTime() - started),
    requestId: s.requestId,
    alreadyDone: false,
    finishedAt: finished.toISOString(),
    error: s.error,
    skipReason: null,
    note: s.note,
  };
}

async function perform(action: Action, writer: OktaWriter, appId: string): Promise<Written> {
  switch (action.kind) {
    case 'okta.assign':
      return assign(action, writer, appId);
    case 'okta.create_user':
      return createUser(action, writer, appId);
    case 'okta.update_profile':
      return updateProfile(action, writer);
    case 'member.add':
    case 'member.update_profile':
    case 'member.set_role':
    case 'member.suspend':
    case 'member.unsuspend':
    case 'member.remove':
    case 'member.move_former_files':
    case 'member.recover':
    case 'group.create':
    case 'group.rename':
    case 'group.members.add':
    case 'group.members.remove':
    case 'group.delete':
      throw new UsageError(`${action.kind} is a Dropbox action: import --apply does not run it`);
    default:
      return assertNever(action, 'action kind');
  }
}

async function assign(action: OktaAssignAction, writer: OktaWriter, appId: string): Promise<Written> {
  const userId = action.member.oktaUserId;
  if (userId === null) throw new UsageError(`okta.assign for ${action.member.email} names no Okta user`);
  const r = await writer.assignUserToApp(appId, userId, action.member.email);
  return { attempts: r.attempts, requestId: r.requestId, note: null };
}

async function createUser(action: OktaCreateUserAction, writer: OktaWriter, appId: string): Promise<Written> {
  const { login, email, firstName, lastName, ...rest } = action.profile;
  const profile: NewOktaUserProfile = { ...rest, login: login ?? action.member.email, email: email ?? action.member.email, firstName: firstName ?? '', lastName: lastName ?? '' };
  const created = await writer.createStagedUser(profile);
  // The new user is assigned at once: an Okta user the app does not know would leave the member unmanaged.
  try {
    const assigned = await writer.assignUserToApp(appId, created.user.id, action.member.email);
    return { attempts: created.attempts + assigned.attempts, requestId: assigned.requestId, note: `Okta user ${created.user.id} (${created.user.status})` };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new PartlyDone(err, created.attempts + 1, err instanceof RemoteError ? err.requestId : created.requestId, `created STAGED Okta user ${created.user.id}, but assigning it to the app failed: ${message}`);
  }
}

async function updateProfile(action: OktaUpdateProfileAction, writer: OktaWriter): Promise<Written> {
  const userId = action.member.oktaUserId;
  if (userId === null) throw new UsageError(`okta.update_profile for ${action.member.email} names no Okta user`);
  const partial: Record<string, string> = {};
  for (const [attribute, change] of Object.entries(action.changes)) partial[attribute] = change.to;
  const r = await writer.updateUserProfile(userId, partial);
  return { attempts: r.attempts, requestId: r.requestId, note: null };
}

function toActionError(err: unknown): ActionError {
  if (err instanceof RemoteError) return { code: err.code, message: oneLine(err.message), retryable: err.retryable };
  if (err instanceof Error) return { code: null, message: oneLine(err.message), retryable: false };
  return { code: null, message: oneLine(String(err)), retryable: false };
}

function oneLine(text: string): string {
  return redact(text.split('\n')[0] ?? '').trim();
}

export interface RunImportOptions extends RecordedRunOptions {
  readonly appId: string;
  readonly concurrency?: number;
}

/** One import --apply: audit log, progress on stderr, the executor, the summary, the exit code. */
export async function runImport(plan: Plan, writer: OktaWriter, options: RunImportOptions): Promise<RunApplyResult> {
  assertImportRunnable(plan);
  return runRecorded(
    plan,
    options,
    (onEvent) =>
      executeImport(plan, writer, {
        appId: options.appId,
        now: options.now,
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        onEvent,
      }),
    (result) => renderImportSummary(result, plan),
  );
}

/** Failures one line each, notes on applied actions, and the count line. */
export function renderImportSummary(result: ApplyResult, plan: Plan): string {
  const byId = new Map(plan.actions.map((a) => [a.id, a] as const));
  const label = (id: string): string => {
    const a = byId.get(id);
    return a !== undefined && 'member' in a ? `${a.kind} ${a.member.email}` : id;
  };
  const lines: string[] = [];
  const failed = result.outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0) {
    lines.push(`Failed (${failed.length}):`);
    for (const o of failed) {
      const e = o.error;
      const extra = [e?.retryable ? 'retryable' : null, o.requestId ? `request id ${o.requestId}` : null].filter((x) => x !== null);
      lines.push(`  ${label(o.actionId)}: ${e?.code ? `${e.code}: ` : ''}${e?.message ?? 'failed'}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`);
    }
  }
  const noted = result.outcomes.filter((o) => o.status === 'applied' && o.note !== null);
  if (noted.length > 0) {
    lines.push(`Created (${noted.length}):`);
    for (const o of noted) lines.push(`  ${label(o.actionId)}: ${o.note}`);
  }
  if (failed.some((o) => o.error?.retryable)) lines.push('Some failures were temporary (rate limits, server errors): running dbxsync import --apply again picks up what is left.');
  lines.push(`Import complete: ${result.counts.applied} applied, ${result.counts.failed} failed.`);
  return `${lines.join('\n')}\n`;
}
