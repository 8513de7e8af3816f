/**
 * Executing an import plan (`dbxsync import --apply`): each okta.* action through the Okta writer,
 * a few at a time, one outcome per action. A failed action never stops the others (import actions
 * are independent: each touches one person). Retries are the Okta client's policy: the SDK retries
 * HTTP 429, and writes are not repeated on 5xx or dropped connections, since Okta may have done them.
 */
import { assertNever, RemoteError, UsageError } from '../domain/errors.js';
import { directionOf, isImportAction, type Action, type OktaAssignAction, type OktaCreateUserAction, type OktaUpdateProfileAction, type Plan } from '../domain/plan.js';
import { mapLimit } from '../transport/pool.js';
import type { NewOktaUserProfile, OktaWriter } from '../domain/ports.js';
import { assertRunnableBy, errorLine, stamp, toActionError } from './executor-core.js';
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
  assertRunnableBy(plan, {
    runs: (kind) => directionOf(kind) === 'import',
    foreign: (n, kinds) => `this plan holds Dropbox actions (${n}: ${kinds}); import --apply runs Okta writes only — Dropbox actions are run by dbxsync apply`,
    refused: (rules) => `the import plan is refused by the safety checks (${rules}); nothing was written to Okta`,
    duplicateId: (id) => `the import plan holds action id "${id}" twice; nothing was written to Okta`,
  });
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

  await mapLimit(plan.actions, options.concurrency ?? DEFAULT_IMPORT_CONCURRENCY, async (action, i) => {
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
        error: partly === null ? error : { ...error, message: errorLine(partly.message) },
        note: null,
      });
      counts.failed++;
    }
    outcomes[i] = outcome;
    emit({ type: 'action.finished', action, outcome, counts: { ...counts } });
  });

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
  return stamp(action, { ...s, ms: Math.max(0, finished.getTime() - started), alreadyDone: false, skipReason: null }, finished);
}

async function perform(action: Action, writer: OktaWriter, appId: string): Promise<Written> {
  // Only the import plan's own kinds below: assertImportRunnable refused any other before the run.
  if (!isImportAction(action)) throw new UsageError(`${action.kind} is a Dropbox action: import --apply does not run it`);
  switch (action.kind) {
    case 'okta.assign':
      return assign(action, writer, appId);
    case 'okta.create_user':
      return createUser(action, writer, appId);
    case 'okta.update_profile':
      return updateProfile(action, writer);
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
