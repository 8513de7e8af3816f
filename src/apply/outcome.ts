/**
 * What applying a plan produced: one outcome per action, in plan order, and the events the
 * executor emits while it runs (for progress and the audit log).
 */
import type { Action, ActionKind } from '../domain/plan.js';

export type ActionStatus = 'applied' | 'failed' | 'skipped';

/** Why an action failed, without a secret and without SDK shapes. */
export interface ActionError {
  /** The API's error tag (Dropbox `.tag`), or a dbxsync code such as `transfer_destination_inactive`. */
  readonly code: string | null;
  /** One line. */
  readonly message: string;
  /** True when the same call may succeed later (429, 5xx, network): a re-run is worth it. */
  readonly retryable: boolean;
}

export interface ActionOutcome {
  readonly actionId: string;
  readonly kind: ActionKind;
  readonly status: ActionStatus;
  /** HTTP attempts the write took (retries included); 0 when nothing was sent. */
  readonly attempts: number;
  /** Milliseconds from start to end of the action's own work (0 when skipped). */
  readonly ms: number;
  /** X-Dropbox-Request-Id of the last attempt, when known. */
  readonly requestId: string | null;
  /** Dropbox answered "already so": counted as applied. */
  readonly alreadyDone: boolean;
  /** ISO time the outcome was settled. */
  readonly finishedAt: string;
  /** Set when status is failed. */
  readonly error: ActionError | null;
  /** Set when status is skipped: why it did not run (a failed dependency, an interrupted apply). */
  readonly skipReason: string | null;
  /**
   * Something the reader should know about an applied action: a fallback transfer destination
   * used, members left out of a group change because their own add failed.
   */
  readonly note: string | null;
}

export interface ApplyCounts {
  readonly applied: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface ApplyResult {
  /** One per plan action, in plan order. */
  readonly outcomes: readonly ActionOutcome[];
  readonly counts: ApplyCounts;
  /** True when nothing failed and nothing was skipped. */
  readonly ok: boolean;
  /** Set when the run was stopped (SIGINT, SIGTERM): the abort reason, e.g. "SIGINT". */
  readonly interrupted?: string;
}

/** What an interrupted run left: counted when it stopped, after the calls in flight finished (or the grace ran out). */
export interface Interruption {
  /** ISO time the run stopped. */
  readonly at: string;
  readonly reason: string;
  readonly counts: ApplyCounts;
  /** Actions skipped because the run stopped before they started. */
  readonly notStarted: number;
  /** Actions still in flight when the grace ran out (recorded as failed, code `interrupted`). */
  readonly abandoned: number;
}

/** Emitted while applying; `action.finished` carries every outcome exactly once. */
export type ApplyEvent =
  | { readonly type: 'apply.started'; readonly total: number; readonly planFingerprint: string }
  | { readonly type: 'action.started'; readonly action: Action }
  | { readonly type: 'action.finished'; readonly action: Action; readonly outcome: ActionOutcome; readonly counts: ApplyCounts }
  | { readonly type: 'apply.interrupted'; readonly interruption: Interruption }
  | { readonly type: 'apply.finished'; readonly result: ApplyResult };
