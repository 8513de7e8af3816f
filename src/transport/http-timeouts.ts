/**
 * Servers that never answer (issue 12 item 4). Every HTTP exchange of every client has three
 * timeouts: until the status and headers arrive (connecting included), between two chunks of the
 * body (a server that stalls), and for the whole exchange (a server that trickles a byte every
 * few seconds). Every command has an overall deadline (`--timeout`): once it passes, requests in
 * flight are aborted and no new one is sent. Either way the error is one line naming the route.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { RemoteError } from '../domain/errors.js';
import type { Service } from './origin.js';

export interface HttpTimeouts {
  /** From sending the request to its status and headers (connect and TLS included). */
  readonly headersMs: number;
  /** The longest pause between two chunks of the body. */
  readonly idleMs: number;
  /** The whole exchange, headers and body. */
  readonly totalMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 60_000, idleMs: 30_000, totalMs: 300_000 };

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "90s", "15m", "2h", "500ms" → milliseconds, or null. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * UNITS[m[2]!]!);
  return ms > 0 ? ms : null;
}

/** A duration for messages: 90 s, 15 min, 2 h. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 6000) / 10} min`;
  return `${Math.round(ms / 360_000) / 10} h`;
}

/** "headers=60s,idle=30s,total=5m" (any subset) → timeouts; null for text it cannot read. */
export function parseHttpTimeouts(text: string, base: HttpTimeouts = DEFAULT_HTTP_TIMEOUTS): HttpTimeouts | null {
  const out = { ...base };
  const keys: Readonly<Record<string, keyof HttpTimeouts>> = { headers: 'headersMs', idle: 'idleMs', total: 'totalMs' };
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const key = keys[name ?? ''];
    const ms = parseDuration(value ?? '');
    if (key === undefined || ms === null) return null;
    out[key] = ms;
  }
  return out;
}

/** The command's overall deadline, and what it was doing (said when it passes). */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  /** What the command is doing now, e.g. "reading live state", "applying". */
  phase: string;
  /** The last route a request was sent to. */
  lastRoute: string | null = null;
  /** Requests in flight, oldest first: the oldest is where the command was waiting. */
  readonly inFlight = new Set<string>();

  constructor(
    readonly ms: number,
    /** How the limit was set, for the message: "--timeout 15m", "the default --timeout 15m". */
    readonly setting: string,
    phase = 'starting',
  ) {
    this.phase = phase;
    // Every request in flight listens to this one signal (and removes itself when it ends): more
    // than Node's default 10 at once is normal here, not a leak, and the warning must not reach stderr.
    setMaxListeners(0, this.controller.signal);
    this.timer = setTimeout(() => this.controller.abort(), ms);
    this.timer.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get passed(): boolean {
    return this.controller.signal.aborted;
  }

  /** The one line for a command stopped by its deadline, at `route` (or the last route sent). */
  error(service: Service | null, route: string | null): RemoteError {
    const oldest = (this.inFlight.values().next().value as string | undefined)?.split('\u0000')[0];
    const where = oldest ?? (route === null ? this.lastRoute : `${service ?? 'okta'} ${route}`);
    const [whereService, ...rest] = (where ?? '').split(' ');
    return new RemoteError({
      service: (where === null ? (service ?? 'okta') : whereService) as Service,
      route: where === null ? 'none' : rest.join(' '),
      code: 'deadline',
      message: `stopped after ${formatDuration(this.ms)} (${this.setting}) while ${this.phase}${where ? `, at ${where}` : ''}`,
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

const current = new AsyncLocalStorage<{ deadline: Deadline | null; timeouts: HttpTimeouts }>();

/** Run a command under its deadline and request timeouts (read by every client's HTTP layer). */
export function runWithLimits<T>(limits: { readonly deadline: Deadline | null; readonly timeouts: HttpTimeouts }, fn: () => Promise<T>): Promise<T> {
  return current.run({ ...limits }, fn);
}

export function currentDeadline(): Deadline | null {
  return current.getStore()?.deadline ?? null;
}

export function currentTimeouts(): HttpTimeouts {
  return current.getStore()?.timeouts ?? DEFAULT_HTTP_TIMEOUTS;
}

interface ResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: unknown;
  readonly url: string;
  readonly body: unknown;
}

/**
 * One HTTP exchange under the timeouts and the deadline: `send(signal)` sends the request (global
 * fetch or node-fetch); the body is read here, chunk by chunk, and handed back as a response of
 * the same class, already complete, so whoever parses it cannot hang on it.
 */
export async function timedExchange<R extends ResponseLike>(service: Service, route: string, send: (signal: AbortSignal) => Promise<R>, timeouts: HttpTimeouts = currentTimeouts()): Promise<R> {
  const deadline = currentDeadline();
  if (deadline?.passed) throw deadline.error(service, route);
  // A token per exchange, so two requests to one route are told apart.
  const token = `${service} ${route}\u0000${Math.random()}`;
  if (deadline) {
    deadline.lastRoute = `${service} ${route}`;
    deadline.inFlight.add(token);
  }
  const controller = new AbortController();
  let phase: 'headers' | 'idle' | 'total' | 'deadline' | null = null;
  const stop = (why: typeof phase) => () => {
    phase ??= why;
    controller.abort();
  };
  let idle: NodeJS.Timeout = setTimeout(stop('headers'), timeouts.headersMs);
  const total = setTimeout(stop('total'), timeouts.totalMs);
  const onDeadline = stop('deadline');
  deadline?.signal.addEventListener('abort', onDeadline);
  const seconds = (ms: number) => formatDuration(ms);
  try {
    const response = await send(controller.signal);
    clearTimeout(idle);
    idle = setTimeout(stop('idle'), timeouts.idleMs);
    const chunks: Uint8Array[] = [];
    if (response.body !== null && response.body !== undefined) {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        chunks.push(chunk);
        clearTimeout(idle);
        idle = setTimeout(stop('idle'), timeouts.idleMs);
      }
    }
    if (phase !== null) throw new Error('aborted');
    const body = chunks.length === 0 ? null : Buffer.concat(chunks);
    const Ctor = response.constructor as new (body: Buffer | null, init: object) => R;
    return new Ctor(body, { status: response.status, statusText: response.statusText, headers: response.headers, url: response.url });
  } catch (err) {
    if (phase === null) throw err;
    if (phase === 'deadline') throw deadline!.error(service, route);
    const what =
      phase === 'headers'
        ? `no answer within ${seconds(timeouts.headersMs)} (connecting and waiting for the headers)`
        : phase === 'idle'
          ? `the answer stalled: nothing for ${seconds(timeouts.idleMs)} while reading the body`
          : `the answer took longer than ${seconds(timeouts.totalMs)} (it was still arriving)`;
    throw new RemoteError({ service, route, code: 'timeout', retryable: true, message: `${what}; see DBXSYNC_HTTP_TIMEOUTS`, cause: err });
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    deadline?.signal.removeEventListener('abort', onDeadline);
    deadline?.inFlight.delete(token);
  }
}
