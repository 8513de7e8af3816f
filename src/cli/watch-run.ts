/**
 * `dbxsync watch`: reconcile, continuously (design.md "Lifecycle changes: reconcile and watch").
 * A full reconcile at start; then, every interval, one poll of the Okta System Log with Okta's
 * polling pattern (ASCENDING, no `until`, the `next` link kept in memory: reference okta-api.md §6)
 * and, when events arrived, an incremental reconcile of the people they name; a full reconcile
 * every `fullEveryMs` (and when the desired state on disk changed). Cycles run one after the
 * other, never two at once: a cycle that runs longer than the interval delays the next one, and
 * missed ticks are not made up. A failed cycle is logged and retried after a growing pause; the
 * events it read are kept for the next one. When `signal` aborts, the cycle in flight finishes
 * (its apply starts no new action) and the loop returns 0.
 */
import { loadDesiredState } from '../config/index.js';
import { formatIssue } from '../config/issue.js';
import type { DesiredState } from '../domain/desired.js';
import { ConfigError } from '../domain/errors.js';
import { dropboxCallCounter } from '../dropbox/client.js';
import { toRemoteError } from '../okta/errors.js';
import { affectedBy, LOG_PAGE_SIZE, pollLogPage, type LifecycleEvent } from '../okta/system-log.js';
import { desiredDigest } from '../plan/index.js';
import type { CommandIO } from './io.js';
import type { LiveClients } from './live.js';
import { reconcileIncremental } from './reconcile-incremental.js';
import { reconcileFull, type CycleResult, type ReconcileOptions } from './reconcile-run.js';
import { describeError } from './run.js';
import { plural } from '../text/words.js';

/** Pages of one poll at most: a backlog beyond this makes the cycle a full one (and is read on later). */
export const MAX_POLL_PAGES = 10;
/** The longest pause after failed cycles (or the interval, when that is longer). */
export const MAX_BACKOFF_MS = 5 * 60_000;

export type CycleKind = 'start' | 'full' | 'poll';

/** One line per cycle (`--format json`), the same facts as the human line. */
export interface WatchCycleLine {
  readonly command: 'watch';
  readonly cycle: number;
  readonly kind: CycleKind;
  /** Why a full cycle ran: start, the --full-every period, a changed desired state, a retry; null for polls. */
  readonly reason: string | null;
  readonly started: string;
  /** System Log events this cycle's poll read. */
  readonly events: number;
  /** Okta people the events named (poll cycles; null for full ones, which read everybody). */
  readonly affected: number | null;
  /** A poll cycle that ran as a full reconcile: why (reconcile's `escalated`); else null. */
  readonly escalated: string | null;
  readonly planned: number;
  readonly applied: number;
  readonly held: number;
  readonly failed: number;
  readonly skipped: number;
  readonly refusals: readonly string[];
  /** HTTP attempts of the cycle, Okta and Dropbox. */
  readonly calls: number;
  readonly ms: number;
  /** The cycle's error, one line (the loop goes on), or null. */
  readonly error: string | null;
  /** When the cycle failed: the pause before the next attempt. */
  readonly retryInMs: number | null;
}

export interface WatchOptions {
  readonly dir: string;
  readonly intervalMs: number;
  readonly fullEveryMs: number;
  readonly format: 'text' | 'json';
  readonly quiet: boolean;
  /** Aborted by SIGTERM / SIGINT: finish the cycle in flight, then return. */
  readonly signal: AbortSignal;
  readonly auditLog?: string;
  readonly concurrency?: number;
  /** Called with each cycle's start, in epoch ms (the Dropbox retry deadline counts from it). */
  readonly onCycleStart?: (at: number) => void;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The pause after `failures` failed cycles in a row: twice the interval, doubling, at most MAX_BACKOFF_MS. */
export function backoffMs(intervalMs: number, failures: number): number {
  return Math.min(intervalMs * 2 ** Math.min(failures, 20), Math.max(intervalMs, MAX_BACKOFF_MS));
}

type Cursor = { readonly since: Date } | { readonly next: string };

const callsOf = (clients: LiveClients): number => Object.values(clients.okta.calls()).reduce((a, b) => a + b, 0) + dropboxCallCounter(clients.dropbox).total();

/** Nothing goes to stdout from a reconcile inside a JSON watch: the cycle line says it. */
const SINK = { write: (): void => undefined, isTTY: false };

export async function runWatch(initial: DesiredState, clients: LiveClients, io: CommandIO, options: WatchOptions): Promise<number> {
  const { signal } = options;
  const reconcileIO: CommandIO = options.format === 'json' ? { ...io, stdout: SINK } : io;
  const reconcileOptions: ReconcileOptions = {
    dryRun: false,
    format: options.format,
    quiet: options.quiet,
    signal,
    ...(options.auditLog !== undefined ? { auditLog: options.auditLog } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  };
  let desired = initial;
  let digest = desiredDigest(initial);
  // The poll starts before the start cycle's full read: what Okta changes during it is read next.
  let cursor: Cursor = { since: io.now() };
  let lastPoll = io.now().getTime();
  // Events read but not yet reconciled (a failed cycle keeps them for the next).
  let pending: LifecycleEvent[] = [];
  let nextFull = 0;
  let fullReason: string | null = 'start';
  let failures = 0;

  for (let cycle = 1; !signal.aborted; cycle++) {
    const started = io.now().getTime();
    options.onCycleStart?.(started);
    const callsBefore = callsOf(clients);
    let kind: CycleKind = cycle === 1 ? 'start' : 'poll';
    let reason: string | null = null;
    let events = 0;
    let result: CycleResult | null = null;
    let error: string | null = null;
    let affected: number | null = null;
    try {
      if (cycle > 1) {
        const loaded = await loadDesiredState(options.dir, { now: new Date(started), cwd: io.cwd });
        if (!loaded.ok) throw new ConfigError(loaded.issues.map(formatIssue));
        const now = desiredDigest(loaded.state);
        if (now !== digest) fullReason ??= 'the desired state changed';
        desired = loaded.state;
        digest = now;
      }
      if (fullReason === null && started >= nextFull) fullReason = '--full-every';
      const polled = await poll(clients, cursor);
      cursor = polled.cursor;
      pending = dedupe([...pending, ...polled.events]);
      events = polled.events.length;
      if (fullReason === null && polled.backlog) fullReason = `more than ${MAX_POLL_PAGES * LOG_PAGE_SIZE} events waiting`;
      const sinceMs = Math.max(1000, started - lastPoll);
      lastPoll = started;
      if (fullReason !== null) {
        if (kind === 'poll') kind = 'full';
        reason = fullReason;
        result = await reconcileFull(desired, clients, reconcileIO, reconcileOptions);
        fullReason = null;
        nextFull = started + options.fullEveryMs;
      } else {
        affected = affectedBy(pending, desired.okta.appId).userIds.size;
        if (pending.length > 0) {
          result = await reconcileIncremental(desired, clients, reconcileIO, {
            ...reconcileOptions,
            sinceMs,
            changes: { events: pending, updatedUserIds: [], updatedGroupIds: [] },
          });
          if (result.report.mode === 'full') nextFull = started + options.fullEveryMs;
        }
      }
      pending = [];
      failures = 0;
    } catch (err) {
      failures++;
      error = describeError('watch', err, io);
      // A full cycle that failed is tried again as a full one; a poll's events wait in `pending`.
      if (reason !== null || kind === 'start') fullReason = kind === 'start' ? 'start' : 'retry';
      io.stderr.write(`${error}\n`);
    }
    const retryInMs = error === null ? null : backoffMs(options.intervalMs, failures);
    const report = result?.report;
    const line: WatchCycleLine = {
      command: 'watch',
      cycle,
      kind,
      reason,
      started: new Date(started).toISOString(),
      events,
      affected,
      escalated: report?.mode === 'full' && kind === 'poll' ? (report.escalated ?? null) : null,
      planned: report?.planned ?? 0,
      applied: report?.applied ?? 0,
      held: report?.held.length ?? 0,
      failed: report?.failed ?? 0,
      skipped: report?.skipped ?? 0,
      refusals: [...new Set(report?.refusals.map((v) => v.rule) ?? [])],
      calls: callsOf(clients) - callsBefore,
      ms: io.now().getTime() - started,
      error,
      retryInMs,
    };
    io.stdout.write(options.format === 'json' ? `${JSON.stringify(line)}\n` : `${humanLine(line)}\n`);
    if (signal.aborted) break;
    // The next cycle starts an interval after this one started (at once when it overran), or a
    // backoff after it failed.
    await pause(retryInMs ?? Math.max(0, started + options.intervalMs - io.now().getTime()), signal);
  }
  return 0;
}

/** The events of one poll: pages of the polling query until one is not full (at most MAX_POLL_PAGES). */
async function poll(clients: LiveClients, from: Cursor): Promise<{ readonly events: LifecycleEvent[]; readonly cursor: Cursor; readonly backlog: boolean }> {
  const events: LifecycleEvent[] = [];
  let cursor = from;
  for (let page = 0; page < MAX_POLL_PAGES; page++) {
    let read;
    try {
      read = await pollLogPage(clients.okta, cursor);
    } catch (err) {
      // The pages already read are kept with the cursor after them; the rest waits for the next poll.
      if (events.length === 0) throw toRemoteError(err, 'GET /api/v1/logs');
      return { events, cursor, backlog: false };
    }
    events.push(...read.events);
    cursor = { next: read.next };
    if (read.events.length < LOG_PAGE_SIZE) return { events, cursor, backlog: false };
  }
  return { events, cursor, backlog: true };
}

function dedupe(events: readonly LifecycleEvent[]): LifecycleEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.uuid) && seen.add(e.uuid) !== undefined);
}

/** The human line of a cycle. */
export function humanLine(line: WatchCycleLine): string {
  const head = `dbxsync watch: cycle ${line.cycle} (${line.kind}${line.reason !== null && line.kind !== 'start' ? `: ${line.reason}` : ''})`;
  if (line.error !== null) return `${head} failed after ${line.ms} ms; next attempt in ${Math.round((line.retryInMs ?? 0) / 1000)} s`;
  const people = line.affected === null ? '' : `, ${plural(line.affected, 'person', 'people')} affected`;
  const escalated = line.escalated === null ? '' : ` (ran as a full reconcile: ${line.escalated})`;
  const refused = line.refusals.length === 0 ? '' : `; refused: ${line.refusals.join(', ')}`;
  return `${head}: ${plural(line.events, 'event')}${people}${escalated}; ${line.applied} applied, ${line.held} held, ${line.failed} failed${refused}; ${plural(line.calls, 'call')}, ${line.ms} ms`;
}
