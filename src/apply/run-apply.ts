/**
 * One apply, wired the way the `apply` and `demo` commands need it: the audit log opened at the
 * edge, progress on stderr, the executor, the summary on stdout, and the exit code of design.md
 * (0 when everything applied, 1 when anything failed or was skipped).
 */
import type { Plan } from '../domain/plan.js';
import type { Redactor } from '../text/redact.js';
import type { DropboxWriter } from '../domain/ports.js';
import { createAuditLog, openAuditLog } from './audit.js';
import { applyPlan, assertRunnable } from './execute.js';
import type { ApplyEvent, ApplyResult } from './outcome.js';
import { colorAllowed, createProgress } from './progress.js';
import { renderApplySummary } from './summary.js';

export interface Out {
  write(text: string): void;
  readonly isTTY: boolean;
}

/** What running a plan for real needs of the process: output streams, environment, clock, audit log. */
export interface RecordedRunOptions {
  readonly stdout: Out;
  readonly stderr: Out;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly now: () => Date;
  /** The run's secrets: the audit log is redacted of them line by line. */
  readonly redactor: Redactor;
  /** --audit-log: a file (appended), "-" for stdout; default .dbxsync/audit/<date>-<fingerprint>.jsonl. */
  readonly auditLog?: string;
  readonly quiet?: boolean;
  /** Keep stdout for something else (e.g. --format json): the summary goes to stderr. */
  readonly summaryToStderr?: boolean;
}

export interface RunApplyOptions extends RecordedRunOptions {
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Actions skipped before anything starts, with their reason (see ApplyOptions.hold). */
  readonly hold?: ReadonlyMap<string, string>;
}

export interface RunApplyResult {
  readonly result: ApplyResult;
  readonly exitCode: 0 | 1;
  /** Where the audit log went ("-" for stdout). */
  readonly auditLocation: string;
}

/**
 * The wiring every executor shares (Dropbox apply, Okta import): the audit log opened at the edge
 * and fed with every event, progress on stderr, the summary, and the exit code.
 */
export async function runRecorded(
  plan: Plan,
  options: RecordedRunOptions,
  execute: (onEvent: (event: ApplyEvent) => void) => Promise<ApplyResult>,
  summary: (result: ApplyResult, out: Out) => string,
): Promise<RunApplyResult> {
  const sink = openAuditLog(options.auditLog, { cwd: options.cwd, planFingerprint: plan.fingerprint, now: options.now(), stdout: options.stdout });
  const audit = createAuditLog((line) => sink.write(line), { planFingerprint: plan.fingerprint, redactor: options.redactor });
  const progress = createProgress(options.stderr, { quiet: options.quiet, env: options.env });
  let result: ApplyResult;
  try {
    result = await execute((event) => {
      audit.onEvent(event);
      progress.onEvent(event);
    });
  } finally {
    sink.close();
  }
  // With the audit log on stdout, stdout stays pure JSON lines: the summary goes to stderr.
  const summaryOut = sink.location === '-' || options.summaryToStderr === true ? options.stderr : options.stdout;
  summaryOut.write(summary(result, summaryOut));
  if (sink.location !== '-' && !options.quiet) options.stderr.write(`Audit log: ${sink.location}\n`);
  return { result, exitCode: result.ok ? 0 : 1, auditLocation: sink.location };
}

export async function runApply(plan: Plan, writer: DropboxWriter, options: RunApplyOptions): Promise<RunApplyResult> {
  assertRunnable(plan);
  return runRecorded(
    plan,
    options,
    (onEvent) => applyPlan(plan, writer, { concurrency: options.concurrency, now: options.now, signal: options.signal, hold: options.hold, onEvent }),
    (result, out) => renderApplySummary(result, plan, { color: out.isTTY && colorAllowed(options.env) }),
  );
}
