/**
 * The audit log: one JSON line per action outcome, appended as each action settles, so that a run
 * cut short still leaves the record of what it did. Every line goes through `redact`: no secret is
 * ever written, even when an error message carried one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Action } from '../domain/plan.js';
import type { Redactor } from '../text/redact.js';
import { UsageError } from '../domain/errors.js';
import type { ActionOutcome, ActionStatus, ApplyEvent, Interruption } from './outcome.js';

/** One line of the audit log (JSON, keys in this order). */
export interface AuditEntry {
  /** ISO time the outcome was settled. */
  readonly time: string;
  readonly planFingerprint: string;
  readonly actionId: string;
  readonly kind: Action['kind'];
  /** The member's email or the group's name. */
  readonly target: string;
  readonly outcome: ActionStatus;
  readonly attempts: number;
  readonly requestId: string | null;
  /** Dropbox error tag (or dbxsync code) of a failure. */
  readonly errorTag: string | null;
  /** The error of a failure, the reason of a skip, a note on an applied action; null otherwise. */
  readonly message: string | null;
}

export function auditEntry(planFingerprint: string, action: Action, outcome: ActionOutcome): AuditEntry {
  const target = 'member' in action ? action.member.email : action.group.name;
  return {
    time: outcome.finishedAt,
    planFingerprint,
    actionId: action.id,
    kind: action.kind,
    target,
    outcome: outcome.status,
    attempts: outcome.attempts,
    requestId: outcome.requestId,
    errorTag: outcome.error?.code ?? null,
    message: outcome.error?.message ?? outcome.skipReason ?? outcome.note ?? (outcome.alreadyDone ? 'already so' : null),
  };
}

/**
 * The line an interrupted run ends its log with (no action line has an `event` key): when and why
 * it stopped, and what was left.
 */
export interface InterruptedEntry {
  readonly time: string;
  readonly planFingerprint: string;
  readonly event: 'interrupted';
  readonly signal: string;
  readonly applied: number;
  readonly failed: number;
  readonly skipped: number;
  readonly notStarted: number;
  readonly message: string;
}

export function interruptedEntry(planFingerprint: string, i: Interruption): InterruptedEntry {
  const { applied, failed, skipped } = i.counts;
  const abandoned = i.abandoned > 0 ? `, ${i.abandoned} still in flight when the grace ran out` : '';
  return {
    time: i.at,
    planFingerprint,
    event: 'interrupted',
    signal: i.reason,
    applied,
    failed,
    skipped,
    notStarted: i.notStarted,
    message: `interrupted by ${i.reason}: ${applied} applied, ${failed} failed, ${i.notStarted} not started${abandoned}; running apply again converges`,
  };
}

/** The line as written: compact JSON, redacted of the run's secrets. */
export function auditLine(entry: AuditEntry | InterruptedEntry, redactor: Redactor): string {
  return redactor.redact(JSON.stringify(entry));
}

export interface AuditLog {
  /** Pass to applyPlan's onEvent (or call from yours): writes a line per finished action. */
  onEvent(event: ApplyEvent): void;
  /** Lines written so far. */
  readonly count: number;
}

/**
 * An audit log over any line sink (a file, stdout, an array in tests). The plan fingerprint is
 * taken from the `apply.started` event unless given.
 */
export function createAuditLog(write: (line: string) => void, options: { readonly redactor: Redactor; readonly planFingerprint?: string }): AuditLog {
  let fingerprint = options.planFingerprint ?? '';
  let count = 0;
  return {
    onEvent(event) {
      if (event.type === 'apply.started' && options.planFingerprint === undefined) fingerprint = event.planFingerprint;
      if (event.type === 'apply.interrupted') {
        write(auditLine(interruptedEntry(fingerprint, event.interruption), options.redactor));
        count++;
        return;
      }
      if (event.type !== 'action.finished') return;
      write(auditLine(auditEntry(fingerprint, event.action, event.outcome), options.redactor));
      count++;
    },
    get count() {
      return count;
    },
  };
}

/** Where the audit log goes when --audit-log is not given, relative to the working directory. */
export function defaultAuditLogPath(cwd: string, planFingerprint: string, now: Date): string {
  const date = now.toISOString().slice(0, 10);
  const prefix = planFingerprint.replace(/^sha256:/, '').slice(0, 12) || 'unknown';
  return path.join(cwd, '.dbxsync', 'audit', `${date}-${prefix}.jsonl`);
}

export interface AuditSink {
  /** Appends one line (a newline is added). */
  write(line: string): void;
  close(): void;
  /** The file written, or "-" for stdout. */
  readonly location: string;
}

/**
 * Open the audit log for appending: `file` as given (relative to cwd), "-" for stdout, or the
 * default `.dbxsync/audit/<date>-<fingerprint prefix>.jsonl` under cwd. Lines are written
 * synchronously, one at a time, so a crash loses none that were reported.
 */
export function openAuditLog(file: string | undefined, context: { cwd: string; planFingerprint: string; now: Date; stdout: { write(text: string): void } }): AuditSink {
  if (file === '-') {
    return { write: (line) => context.stdout.write(`${line}\n`), close: () => {}, location: '-' };
  }
  const target = file === undefined ? defaultAuditLogPath(context.cwd, context.planFingerprint, context.now) : path.resolve(context.cwd, file);
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fd = fs.openSync(target, 'a', 0o600);
  } catch (err) {
    throw new UsageError(`cannot open the audit log ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
  let open = true;
  return {
    write(line) {
      if (open) fs.writeSync(fd, `${line}\n`);
    },
    close() {
      if (!open) return;
      open = false;
      fs.closeSync(fd);
    },
    location: target,
  };
}
