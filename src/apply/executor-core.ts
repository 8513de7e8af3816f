/**
 * What the two executors share (apply's Dropbox writes in execute.ts, import --apply's Okta writes
 * in import-execute.ts): the checks that refuse a plan before anything is written, the error of a
 * failed action as the audit log records it, and the outcome stamped with its action and time.
 * Each executor keeps only its own action table and scheduling.
 */
import { RemoteError, UsageError } from '../domain/errors.js';
import type { Action, ActionKind, Plan } from '../domain/plan.js';
import { redactCredentials } from '../text/redact.js';
import type { ActionError, ActionOutcome } from './outcome.js';

/** A refusal decided by the executor itself (not by the API), e.g. a transfer destination gone. */
export class ActionRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The first line of an error's text, credentials scrubbed: what an outcome carries (the audit log
 * and every output redact the run's registered secrets on top).
 */
export function errorLine(text: string): string {
  return redactCredentials(text.split('\n')[0] ?? '').trim();
}

/** A thrown error as an outcome's error: the API's code and retryability, or the executor's refusal code. */
export function toActionError(err: unknown): ActionError {
  if (err instanceof RemoteError) return { code: err.code, message: errorLine(err.message), retryable: err.retryable };
  if (err instanceof ActionRefused) return { code: err.code, message: errorLine(err.message), retryable: false };
  if (err instanceof Error) return { code: null, message: errorLine(err.message), retryable: false };
  return { code: null, message: errorLine(String(err)), retryable: false };
}

/** HTTP attempts a failed call took, when the error says (the adapters' RemoteError does); else 1. */
export function attemptsOf(err: unknown): number {
  const n = (err as { attempts?: unknown } | null)?.attempts;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 1;
}

/** An outcome before the executor stamps it with the action and the time. */
export type Settled = Omit<ActionOutcome, 'actionId' | 'kind' | 'finishedAt'>;

export function stamp(action: Action, settled: Settled, finished: Date): ActionOutcome {
  return { actionId: action.id, kind: action.kind, finishedAt: finished.toISOString(), ...settled };
}

/** How an executor words the refusal of a plan it must not run (the one-line errors of the contract). */
export interface RunnableRules {
  /** The kinds this executor runs; any other kind in the plan refuses it. */
  readonly runs: (kind: ActionKind) => boolean;
  /** The refusal for the other kinds found: their count and their sorted, distinct names. */
  readonly foreign: (count: number, kinds: string) => string;
  /** The refusal of a plan its safety checks refused, given the rules that fired. */
  readonly refused: (rules: string) => string;
  /** The refusal of an action id found twice. */
  readonly duplicateId: (id: string) => string;
  /** A further check of the plan, or null (apply: every action carries its phase). */
  readonly extra?: (plan: Plan) => string | null;
}

/** Throws a UsageError (one line) for a plan the executor must not run at all. */
export function assertRunnableBy(plan: Plan, rules: RunnableRules): void {
  const foreign = plan.actions.filter((a) => !rules.runs(a.kind));
  if (foreign.length > 0) throw new UsageError(rules.foreign(foreign.length, [...new Set(foreign.map((a) => a.kind))].sort().join(', ')));
  if (!plan.safety.ok) throw new UsageError(rules.refused([...new Set(plan.safety.violations.map((v) => v.rule))].join(', ') || 'no reason given'));
  const extra = rules.extra?.(plan) ?? null;
  if (extra !== null) throw new UsageError(extra);
  const seen = new Set<string>();
  for (const a of plan.actions) {
    if (seen.has(a.id)) throw new UsageError(rules.duplicateId(a.id));
    seen.add(a.id);
  }
}
