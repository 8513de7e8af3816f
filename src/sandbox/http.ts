/**
 * The sandbox's HTTP core: one loopback server for both emulated APIs. It owns what is common to
 * every route — the request log, per-route call counters, simulated latency and deterministic fault
 * injection — and hands each request to the API module whose prefix matches (/2/ Dropbox,
 * /api/v1/ Okta). The API modules return plain responses; this file writes them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyHostile, hostileDelivery, hostileRequest, type HostileRule } from './hostile.js';

export interface SandboxRequest {
  readonly method: string;
  /** Path without query string, e.g. /2/team/members/list_v2 or /api/v1/users/00u1. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  /** Raw body text ('' when none). */
  readonly body: string;
  /** http://HOST:PORT as the client called it (Host header), like Okta's links — for absolute Link URLs. */
  readonly baseUrl: string;
}

export interface SandboxResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is; anything else as JSON. undefined = empty body. */
  readonly body?: unknown;
}

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** An API module: answers the requests under its prefix, and names the route for counters. */
export interface SandboxApi {
  readonly prefix: string;
  /** A stable route name for counters and fault targeting, e.g. "dropbox team/members/list_v2", "okta GET /api/v1/apps/{id}/users". */
  routeName(req: SandboxRequest): string;
  handle: RouteHandler;
  /** The response for an injected 429 (each API has its own shape and headers). */
  rateLimited(req: SandboxRequest, retryAfterSeconds: number): SandboxResponse;
  /**
   * A cap on this API's requests in flight (from arrival to answer, latency included) and the
   * answer to one over it; read on every request, so it can change while serving.
   */
  concurrency?(): { readonly limit: number | null; refused(req: SandboxRequest): SandboxResponse };
}

export interface FaultConfig {
  /** Seed of the deterministic pseudo-random sequence. */
  readonly seed?: number;
  /** Probabilities in [0, 1] per request. */
  readonly rate429?: number;
  readonly rate500?: number;
  readonly rate503?: number;
  /** Close the socket without an answer. */
  readonly rateDrop?: number;
  /** Only requests whose route name matches are faulted (default: all). */
  readonly routes?: RegExp;
  /** Retry-After seconds sent with injected 429s (default 1). */
  readonly retryAfterSeconds?: number;
}

export interface RequestLogEntry {
  readonly seq: number;
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly status: number | 'dropped';
  readonly fault: string | null;
}

/** mulberry32: a tiny deterministic PRNG, so a fault run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HttpCoreOptions {
  readonly port?: number;
  /** Simulated latency added to every response, in ms. */
  readonly latencyMs?: number;
  readonly faults?: FaultConfig;
  /** Keep the request log (counters are always kept). Default true; off for big benchmarks. */
  readonly keepLog?: boolean;
  /** Hostile-server faults (hostile.ts), by route. */
  readonly hostile?: readonly HostileRule[];
}

/** The base URL the client used (localhost or 127.0.0.1, this port), else the listening address. */
function calledAs(host: string | undefined, baseUrl: string): string {
  const port = new URL(baseUrl).port;
  return host !== undefined && /^(localhost|127\.0\.0\.1|\[::1\]):\d+$/.test(host) && host.endsWith(`:${port}`) ? `http://${host}` : baseUrl;
}

export class SandboxHttp {
  private server: http.Server | null = null;
  private readonly apis: SandboxApi[];
  private random: () => number;
  private faults: FaultConfig;
  /** Hostile-server faults (hostile.ts); change them at any time. */
  hostile: readonly HostileRule[];
  latencyMs: number;
  readonly keepLog: boolean;
  readonly log: RequestLogEntry[] = [];
  readonly counters = new Map<string, number>();
  /** Requests in flight per API, for an API's concurrency cap. */
  private readonly inflight = new Map<SandboxApi, number>();
  private seq = 0;
  baseUrl = '';

  constructor(apis: readonly SandboxApi[], private readonly options: HttpCoreOptions = {}) {
    this.apis = [...apis];
    this.faults = options.faults ?? {};
    this.random = seededRandom(this.faults.seed ?? 1);
    this.latencyMs = options.latencyMs ?? 0;
    this.hostile = options.hostile ?? [];
    this.keepLog = options.keepLog ?? true;
  }

  /** Replace the fault configuration (and restart its random sequence from its seed). */
  setFaults(faults: FaultConfig): void {
    this.faults = faults;
    this.random = seededRandom(faults.seed ?? 1);
  }

  resetCounters(): void {
    this.counters.clear();
    this.log.length = 0;
  }

  /** Total calls whose route name matches. */
  calls(match?: RegExp | string): number {
    let n = 0;
    for (const [route, count] of this.counters) {
      if (match === undefined || (typeof match === 'string' ? route === match : match.test(route))) n += count;
    }
    return n;
  }

  async listen(): Promise<string> {
    this.server = http.createServer((req, res) => {
      void this.dispatch(req, res);
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private pickFault(route: string): '429' | '500' | '503' | 'drop' | null {
    const f = this.faults;
    if (f.routes && !f.routes.test(route)) return null;
    const total = (f.rate429 ?? 0) + (f.rate500 ?? 0) + (f.rate503 ?? 0) + (f.rateDrop ?? 0);
    if (total <= 0) return null;
    const r = this.random();
    let edge = f.rate429 ?? 0;
    if (r < edge) return '429';
    edge += f.rate500 ?? 0;
    if (r < edge) return '500';
    edge += f.rate503 ?? 0;
    if (r < edge) return '503';
    edge += f.rateDrop ?? 0;
    if (r < edge) return 'drop';
    return null;
  }

  private async dispatch(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const sreq: SandboxRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      baseUrl: calledAs(req.headers.host, this.baseUrl),
    };
    const api = this.apis.find((a) => sreq.path.startsWith(a.prefix));
    const route = api ? api.routeName(sreq) : `unknown ${sreq.method} ${sreq.path}`;
    this.counters.set(route, (this.counters.get(route) ?? 0) + 1);
    const seq = ++this.seq;
    const cap = api?.concurrency?.() ?? null;
    const inflight = api ? (this.inflight.get(api) ?? 0) + 1 : 0;
    if (api) this.inflight.set(api, inflight);
    try {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      if (api && cap && cap.limit !== null && inflight > cap.limit) {
        this.finish(res, seq, route, sreq, cap.refused(sreq), 'concurrency');
        return;
      }
      await this.answer(req, res, seq, route, sreq, api);
    } finally {
      if (api) this.inflight.set(api, (this.inflight.get(api) ?? 1) - 1);
    }
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, seq: number, route: string, sreq: SandboxRequest, api: SandboxApi | undefined): Promise<void> {
    const delivery = hostileDelivery(this.hostile, route);
    if (delivery !== null) {
      this.record(seq, route, sreq, 'dropped', 'silent' in delivery ? 'silent' : 'trickle');
      if ('trickleMs' in delivery) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.flushHeaders();
        const timer = setInterval(() => res.write(' '), delivery.trickleMs);
        res.on('close', () => clearInterval(timer));
      }
      return;
    }
    let response: SandboxResponse;
    let faultName: string | null = null;
    if (!api) {
      response = { status: 404, body: `no such route: ${sreq.path}` };
    } else {
      const fault = this.pickFault(route);
      faultName = fault;
      if (fault === 'drop') {
        this.record(seq, route, sreq, 'dropped', fault);
        req.socket.destroy();
        return;
      }
      if (fault === '429') response = api.rateLimited(sreq, this.faults.retryAfterSeconds ?? 1);
      else if (fault === '500') response = { status: 500, body: 'Internal Server Error (injected)' };
      else if (fault === '503') response = { status: 503, headers: { 'Retry-After': '1' }, body: 'Service Unavailable (injected)' };
      else {
        try {
          const handled = hostileRequest(this.hostile, route, sreq);
          response = applyHostile(this.hostile, route, handled, await api.handle(handled));
        } catch (err) {
          response = { status: 500, body: `sandbox bug: ${(err as Error).stack ?? String(err)}` };
        }
      }
    }
    this.finish(res, seq, route, sreq, response, faultName);
  }

  private finish(res: http.ServerResponse, seq: number, route: string, sreq: SandboxRequest, response: SandboxResponse, faultName: string | null): void {
    this.record(seq, route, sreq, response.status, faultName);
    const headers: Record<string, string> = { ...(response.headers ?? {}) };
    let payload = '';
    if (typeof response.body === 'string') {
      payload = response.body;
      headers['Content-Type'] ??= 'text/plain; charset=utf-8';
    } else if (response.body !== undefined) {
      payload = JSON.stringify(response.body);
      headers['Content-Type'] ??= 'application/json';
    }
    headers['Date'] ??= new Date().toUTCString();
    res.writeHead(response.status, headers);
    res.end(payload);
  }

  private record(seq: number, route: string, req: SandboxRequest, status: number | 'dropped', fault: string | null): void {
    if (!this.keepLog) return;
    this.log.push({ seq, route, method: req.method, path: req.path, status, fault });
  }
}
