/**
 * SIGINT and SIGTERM while dbxsync changes the team: the first one stops the executor cleanly (no
 * new action starts, the calls in flight finish, the summary and the audit log say what was left)
 * and the command exits 130 / 143; a second one ends the process at once. Outside a guarded run
 * the signals keep Node's default (the process ends: nothing was being changed).
 */
import { DEFAULT_STOP_GRACE_MS } from '../apply/execute.js';
import type { ApplyResult } from '../apply/outcome.js';
import type { Output } from './io.js';

export interface Interrupts {
  /** Runs `work` with SIGINT / SIGTERM turned into an abort of its signal (the reason is the signal's name). */
  guard<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Whether a signal arrived during a guarded run (the process then exits without waiting for stray calls). */
  readonly interrupted: boolean;
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGINT: 2, SIGTERM: 15 };

/** 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as shells report a process ended by it; 1 for a stop of another cause. */
export function interruptExitCode(reason: string): number {
  const n = SIGNAL_NUMBERS[reason];
  return n === undefined ? 1 : 128 + n;
}

/**
 * After an apply that a signal stopped: one line on stderr (what was left, that a rerun converges)
 * and the exit code; null when the run was not interrupted.
 */
export function reportInterruption(result: ApplyResult, command: string, stderr: Output): number | null {
  if (result.interrupted === undefined) return null;
  const notStarted = result.outcomes.filter((o) => o.status === 'skipped' && o.skipReason?.startsWith('apply was interrupted') === true).length;
  const { applied, failed } = result.counts;
  stderr.write(
    `dbxsync ${command}: interrupted by ${result.interrupted}: ${applied} applied, ${failed} failed, ${notStarted} not started; run dbxsync ${command} again: it reads live state and does only what is left\n`,
  );
  return interruptExitCode(result.interrupted);
}

/** Runs `work` under the process's signals when there are any (the CLI), else without (in-process callers). */
export function guarded<T>(io: { readonly interrupts?: Interrupts }, work: (signal?: AbortSignal) => Promise<T>): Promise<T> {
  return io.interrupts === undefined ? work() : io.interrupts.guard(work);
}

/** The real process's signals. */
export function processInterrupts(stderr: Output): Interrupts {
  let interrupted = false;
  return {
    get interrupted() {
      return interrupted;
    },
    async guard(work) {
      const controller = new AbortController();
      const onSignal = (name: NodeJS.Signals): void => {
        interrupted = true;
        if (controller.signal.aborted) {
          stderr.write(`dbxsync: ${name} again: stopping at once; calls in flight may or may not have been made (the next plan shows)\n`);
          process.exit(128 + (SIGNAL_NUMBERS[name] ?? 0));
        }
        stderr.write(
          `dbxsync: ${name}: stopping: no new change starts, the calls in flight finish (at most ${DEFAULT_STOP_GRACE_MS / 1000} s); ${name === 'SIGINT' ? 'Ctrl-C' : name} again stops at once\n`,
        );
        controller.abort(name);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        return await work(controller.signal);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    },
  };
}
