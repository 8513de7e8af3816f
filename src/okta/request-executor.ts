/**
 * The request executor handed to the Okta SDK. It keeps the SDK's own 429 handling (retry after
 * X-Rate-Limit-Reset, reference okta-api.md §4.2) and adds, around every single HTTP attempt:
 * pacing against the rate-limit buckets and a cap on requests in flight (RateBudget), our retry of
 * 5xx answers and dropped connections on reads (OktaRetryPolicy), call counting per route, and an
 * injectable sleep so tests never wait on real timers.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import okta from '@okta/okta-sdk-nodejs';
import { timedExchange } from '../transport/http-timeouts.js';
import { assertSameOrigin } from '../transport/origin.js';
import { oktaBucket, oktaRoute, type RateBudget } from './rate-budget.js';
import { isNetworkError, isRetryableMethod, retryDelayMs, type OktaRetryPolicy } from './retry-policy.js';

/** What one logical call (with its retries) did, collected while `track` runs. */
export interface CallTrace {
  attempts: number;
  requestId: string | null;
}

/** A request field that lowers the retry policy's attempts for this request (a listing that retries with a smaller page itself). */
export const MAX_ATTEMPTS_KEY = 'dbxsyncMaxAttempts';

interface FetchRequest {
  url?: string;
  method?: string;
  startTime?: Date;
  timeout?: number;
  [key: string]: unknown;
}

interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

export class PacedRequestExecutor extends okta.DefaultRequestExecutor {
  /** HTTP attempts per route ("GET /api/v1/apps/{id}/users"), retries included. */
  readonly calls = new Map<string, number>();
  private readonly traces = new AsyncLocalStorage<CallTrace>();

  constructor(
    /** The org's origin: no request (and no token) goes anywhere else. */
    readonly origin: string,
    readonly budget: RateBudget,
    readonly retryPolicy: OktaRetryPolicy,
    private readonly sleep: (ms: number) => Promise<void>,
    maxRetries: number,
  ) {
    super({ maxRetries, requestTimeout: 0 });
  }

  /** Run `fn`, collecting the attempts and last request id of the calls it makes. */
  async track<T>(fn: () => Promise<T>): Promise<{ result: T; trace: CallTrace }> {
    const trace: CallTrace = { attempts: 0, requestId: null };
    const result = await this.traces.run(trace, fn);
    return { result, trace };
  }

  override fetch(request: FetchRequest): Promise<never> {
    if (!request.startTime) {
      request.startTime = new Date();
      request.timeout = this.requestTimeout;
    }
    // Same as the SDK's DefaultRequestExecutor.fetch, with one paced, retried attempt inside.
    return this.attempt(request).then((response) => this.parseResponse(request as never, response as never)) as Promise<never>;
  }

  /** The SDK's 429 retry, waiting with our sleep instead of a bare setTimeout. */
  override retryRequest(request: never, response: never, delayMs: number): Promise<never> {
    const requestId = this.getOktaRequestId(response);
    this.emit('backoff', request, response, requestId, delayMs);
    return this.sleep(Math.max(0, delayMs)).then(() => {
      const newRequest = this.buildRetryRequest(request, requestId, delayMs);
      this.emit('resume', newRequest, requestId);
      return this.fetch(newRequest as FetchRequest);
    });
  }

  private async attempt(request: FetchRequest): Promise<FetchResponse> {
    const method = String(request.method ?? 'GET').toUpperCase();
    const url = String(request.url ?? '');
    const bucket = oktaBucket(method, url);
    const route = oktaRoute(method, url);
    const retryable = isRetryableMethod(this.retryPolicy, method);
    const own = request[MAX_ATTEMPTS_KEY];
    const maxAttempts = typeof own === 'number' ? Math.min(own, this.retryPolicy.maxAttempts) : this.retryPolicy.maxAttempts;
    // A `next` link the SDK's Collection or our raw listing follows may name any host.
    assertSameOrigin('okta', route, url, this.origin, 'OKTA_ORG_URL');
    // A redirect would be followed to wherever it points, the Authorization header with it.
    request['redirect'] = 'manual';
    for (let attempt = 1; ; attempt++) {
      await this.budget.acquire(bucket);
      this.calls.set(route, (this.calls.get(route) ?? 0) + 1);
      const trace = this.traces.getStore();
      if (trace) trace.attempts++;
      let response: FetchRequest | FetchResponse;
      try {
        // Under the request timeouts and the command's deadline (http-timeouts.ts), body read to the end.
        response = await timedExchange('okta', route, (signal) => {
          request['signal'] = signal;
          return okta.RequestExecutor.prototype.fetch.call(this, request as never) as unknown as Promise<FetchResponse & { statusText: string; url: string; body: unknown }>;
        });
      } catch (err) {
        this.budget.release(bucket);
        if (retryable && this.retryPolicy.retryNetworkErrors && isNetworkError(err) && attempt < maxAttempts) {
          await this.sleep(retryDelayMs(this.retryPolicy, attempt, null));
          continue;
        }
        throw err;
      }
      this.budget.observe(bucket, response.headers);
      this.budget.release(bucket);
      if (trace) trace.requestId = response.headers.get('x-okta-request-id') ?? trace.requestId;
      if (retryable && this.retryPolicy.retryStatuses.includes(response.status) && attempt < maxAttempts) {
        await response.arrayBuffer().catch(() => undefined);
        await this.sleep(retryDelayMs(this.retryPolicy, attempt, response.headers.get('retry-after')));
        continue;
      }
      return response;
    }
  }
}
