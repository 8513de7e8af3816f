/**
 * One reconcile cycle, shared by `reconcile` and `watch`: read, plan with the pure planner, sort
 * the plan into applied and held classes (src/plan/reconcile.ts), apply the allowed part through
 * the executor with its audit log, and say what was held and why.
 */
import { displaySafe } from '../text/display-text.js';
import { currentDeadline } from '../transport/http-timeouts.js';
import { runApply } from '../apply/run-apply.js';
import { withRunLock } from '../apply/run-lock.js';
import type { DesiredState } from '../domain/desired.js';
import type { Action, Plan, SafetyViolation } from '../domain/plan.js';
import { createDropboxWriter } from '../dropbox/writer.js';
import { countRemovalsBy } from '../dropbox/team-log.js';
import { dailyRemovalBrake, plannedRemovals, planDropboxChanges, selectForReconcile, type HeldChange, type ReconcileSelection } from '../plan/index.js';
import { subjectOf } from '../render/describe-action.js';
import { reportInterruption } from './interrupts.js';
import { recordedRunIO, runLockOptions, type CommandIO } from './io.js';
import type { LiveClients } from './live.js';
import { readLiveState } from './live.js';
import { VERSION } from './version.js';
import { plural } from '../text/words.js';

export interface ReconcileOptions {
  readonly dryRun: boolean;
  readonly format: 'text' | 'json';
  readonly quiet: boolean;
  readonly auditLog?: string;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Asked before applying (a terminal without --auto-approve); false applies nothing. */
  readonly confirm?: (count: number) => Promise<boolean>;
  /**
   * Set by an incremental invocation: why it escalated to a full reconcile, or null when it did
   * not (the JSON summary's `escalated`); absent for `--full`.
   */
  readonly escalated?: string | null;
  /** An incremental plan's scope, counted (the JSON summary's `scope`). */
  readonly scope?: ReconcileScopeCounts;
}

/** How many people, Dropbox members and pushed groups an incremental run read and planned. */
export interface ReconcileScopeCounts {
  readonly people: number;
  readonly members: number;
  readonly groups: number;
}

/** The JSON summary of one cycle (`--format json`). */
export interface ReconcileReport {
  readonly command: 'reconcile';
  readonly mode: 'full' | 'incremental';
  /** Incremental invocations only: the reason it ran as a full reconcile, or null. */
  readonly escalated?: string | null;
  readonly scope?: ReconcileScopeCounts;
  readonly dryRun: boolean;
  readonly fingerprint: string;
  readonly planned: number;
  readonly applied: number;
  readonly failed: number;
  readonly skipped: number;
  readonly pending: readonly { readonly id: string; readonly kind: string; readonly target: string }[];
  readonly held: readonly { readonly id: string; readonly kind: string; readonly class: string | null; readonly target: string; readonly reason: string }[];
  readonly refusals: readonly SafetyViolation[];
  readonly exitCode: number;
}

export interface CycleResult {
  readonly exitCode: number;
  readonly report: ReconcileReport;
  readonly selection: ReconcileSelection;
}

/** A full cycle: the whole read and plan of `plan`, then the reconcile rules. */
export async function reconcileFull(desired: DesiredState, clients: LiveClients, io: CommandIO, options: ReconcileOptions): Promise<CycleResult> {
  const live = await readLiveState(desired, clients, io, { quiet: options.quiet || options.format === 'json' });
  const plan = planDropboxChanges({ desired, okta: live.okta, dropbox: live.dropbox, now: io.now().toISOString(), toolVersion: VERSION });
  const cycle = () => reconcilePlan(plan, 'full', live.dropbox.authenticatedAdminId, desired, clients, io, options);
  if (options.dryRun) return cycle();
  // The same per-team lock as apply: a reconcile and an apply never change one team at once.
  return withRunLock(runLockOptions(io, live.dropbox.teamName, 'reconcile'), cycle);
}

/** The rules applied to a plan already made (full or scoped). */
export async function reconcilePlan(
  plan: Plan,
  mode: 'full' | 'incremental',
  adminId: string | null,
  desired: DesiredState,
  clients: LiveClients,
  io: CommandIO,
  options: ReconcileOptions,
): Promise<CycleResult> {
  const extra = await rollingBrake(plan, adminId, desired, clients, io);
  const selection = selectForReconcile(plan, desired.reconcile, extra);
  const runnable = selection.plan;
  const text = options.format === 'text';
  if (text) io.stdout.write(heldText(selection.held, selection.refusals));
  let counts = { applied: 0, failed: 0, skipped: 0 };
  let failed = false;
  let stopped: number | null = null;
  const declined = !options.dryRun && runnable.actions.length > 0 && options.confirm !== undefined && !(await options.confirm(runnable.actions.length));
  if (declined) {
    io.stderr.write('Nothing applied.\n');
  } else if (!options.dryRun && runnable.actions.length > 0) {
    if (text) io.stdout.write(`Applying ${plural(runnable.actions.length, 'lifecycle change')}:\n${runnable.actions.map((a) => `  ${a.kind} ${subjectOfAction(a)}`).join('\n')}\n`);
    const deadline = currentDeadline();
    if (deadline) deadline.phase = 'applying the plan';
    const { exitCode, result } = await runApply(runnable, createDropboxWriter(clients.dropbox), {
      ...recordedRunIO(io, options.auditLog),
      quiet: options.quiet,
      summaryToStderr: !text,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
    counts = { ...result.counts };
    failed = exitCode !== 0;
    stopped = reportInterruption(result, 'reconcile', io.stderr);
  } else if (text && runnable.actions.length > 0) {
    io.stdout.write(`Would apply ${plural(runnable.actions.length, 'lifecycle change')} (--dry-run):\n${runnable.actions.map((a) => `  ${a.kind} ${subjectOfAction(a)}`).join('\n')}\n`);
  } else if (text && selection.held.length === 0) {
    io.stdout.write('No lifecycle changes. Dropbox follows Okta under the merged policy.\n');
  }
  const exitCode = stopped ?? (failed || declined || selection.refusals.length > 0 ? 1 : options.dryRun && runnable.actions.length > 0 ? 2 : 0);
  if (selection.refusals.length > 0) {
    io.stderr.write(`dbxsync reconcile: refused by the safety checks (${[...new Set(selection.refusals.map((v) => v.rule))].join(', ')}): what they guard was held\n`);
  }
  const report: ReconcileReport = {
    command: 'reconcile',
    mode,
    ...(options.escalated !== undefined ? { escalated: options.escalated } : {}),
    ...(options.scope !== undefined ? { scope: options.scope } : {}),
    dryRun: options.dryRun,
    fingerprint: plan.fingerprint,
    planned: plan.actions.length,
    ...counts,
    pending: options.dryRun ? runnable.actions.map((a) => ({ id: a.id, kind: a.kind, target: subjectOfAction(a) })) : [],
    held: selection.held.map((h) => ({ id: h.action.id, kind: h.action.kind, class: h.class, target: subjectOfAction(h.action), reason: h.reason })),
    refusals: selection.refusals,
    exitCode,
  };
  if (!text) io.stdout.write(`${JSON.stringify(report)}\n`);
  return { exitCode, report, selection };
}

/** safety.maxRemovalsPerDay: the audit log is read only when the run would remove or suspend someone. */
async function rollingBrake(plan: Plan, adminId: string | null, desired: DesiredState, clients: LiveClients, io: CommandIO): Promise<SafetyViolation[]> {
  if (plannedRemovals(plan, desired.reconcile) === 0) return [];
  const end = io.now();
  const start = new Date(end.getTime() - DAY_MS);
  // end_time is exclusive and whole seconds: one second more keeps a removal made this second.
  const { count } = await countRemovalsBy(clients.dropbox, adminId, { start, end: new Date(end.getTime() + 1000) });
  return dailyRemovalBrake(plan, desired.reconcile, count, desired.safety.source);
}

const DAY_MS = 24 * 3600 * 1000;

/** The person's email or the group's name, control characters made visible (hostile Okta strings). */
export function subjectOfAction(action: Action): string {
  const subject = subjectOf(action);
  const text = subject.type === 'person' ? subject.email : `"${subject.name}"`;
  return safe(text);
}

/** Hostile Okta strings: one sanitiser for every rendered string (controls and bidi, text/display-text.ts). */
const safe = displaySafe;

function heldText(held: readonly HeldChange[], refusals: readonly SafetyViolation[]): string {
  const lines: string[] = [];
  for (const v of refusals) lines.push(`Refused: ${v.rule}: ${safe(v.message)}`);
  if (held.length > 0) {
    lines.push(`Held, not applied (${held.length}); approve them through a pull request or dbxsync apply --plan:`);
    for (const h of held) lines.push(`  ${h.action.kind} ${subjectOfAction(h.action)}: ${safe(h.reason)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
