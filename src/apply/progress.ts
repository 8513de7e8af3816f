/**
 * Progress of an apply on stderr: a bar and counts redrawn in place, only on a terminal, at most
 * about ten times a second (a redraw per action would cost more than the action at scale).
 */
import { assertNever } from '../domain/errors.js';
import type { ApplyEvent } from './outcome.js';
import { styler } from '../render/ansi.js';

export interface ProgressState {
  readonly total: number;
  readonly applied: number;
  readonly failed: number;
  readonly skipped: number;
}

/** `[#####.....] 120/300 applied, 2 failed` — the bar fills with every settled action. */
export function formatProgress(state: ProgressState, options: { width?: number; color?: boolean } = {}): string {
  const width = options.width ?? 20;
  const settled = state.applied + state.failed + state.skipped;
  const filled = state.total === 0 ? width : Math.min(width, Math.floor((settled / state.total) * width));
  const style = styler(options.color === true);
  const parts = [`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${state.applied}/${state.total} applied`];
  if (state.failed > 0) parts.push(style.red(`${state.failed} failed`));
  if (state.skipped > 0) parts.push(style.yellow(`${state.skipped} skipped`));
  return parts.join(', ');
}

/** Colour unless NO_COLOR is set (https://no-color.org) or the terminal is dumb. */
export function colorAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  return !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

export interface ProgressOptions {
  /** --quiet: draw nothing. */
  readonly quiet?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds between redraws (default 100). */
  readonly intervalMs?: number;
  /** Monotonic milliseconds; injected in tests. */
  readonly clock?: () => number;
  readonly width?: number;
}

export interface Progress {
  /** Pass to applyPlan's onEvent. */
  onEvent(event: ApplyEvent): void;
}

/** A progress line on `out` (stderr) when it is a terminal; a no-op otherwise. */
export function createProgress(out: { write(text: string): void; readonly isTTY: boolean }, options: ProgressOptions = {}): Progress {
  if (!out.isTTY || options.quiet) return { onEvent: () => {} };
  const color = colorAllowed(options.env ?? {});
  const interval = options.intervalMs ?? 100;
  const clock = options.clock ?? (() => performance.now());
  let state: ProgressState = { total: 0, applied: 0, failed: 0, skipped: 0 };
  let last = -Infinity;
  const draw = () => {
    last = clock();
    // \r returns to the line start, ESC[K clears what a longer previous line left behind.
    out.write(`\r${formatProgress(state, { color, width: options.width })}\u001b[K`);
  };
  return {
    onEvent(event) {
      switch (event.type) {
        case 'apply.started':
          state = { ...state, total: event.total };
          draw();
          return;
        case 'action.started':
        case 'apply.interrupted':
          return;
        case 'action.finished':
          state = { total: state.total, ...event.counts };
          if (clock() - last >= interval) draw();
          return;
        case 'apply.finished':
          state = { total: state.total, ...event.result.counts };
          draw();
          out.write('\n');
          return;
        default:
          assertNever(event, 'apply event');
      }
    },
  };
}
