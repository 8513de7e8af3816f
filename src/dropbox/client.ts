/**
 * The Dropbox SDK client dbxsync uses: tokens registered as secrets, and a fetch that can point the
 * SDK at another base URL (the SDK always builds https://api.dropboxapi.com/2/..., ref §8), counts
 * every HTTP attempt per route, and sends nothing to any other origin than DROPBOX_API_URL. The
 * command's retry deadline and its stderr notice travel with the client, so every reader and
 * writer made from it waits within the same bound.
 */
import { Dropbox } from 'dropbox';
import { RemoteError, UsageError } from '../domain/errors.js';
import { timedExchange } from '../transport/http-timeouts.js';
import { assertSameOrigin, originOf } from '../transport/origin.js';
import type { SecretSink } from '../text/redact.js';
import { DropboxCallCounter } from './call-counter.js';
import type { RetryContext } from './retry.js';

export const DEFAULT_DROPBOX_API_URL = 'https://api.dropboxapi.com';

export interface DropboxClientSettings {
  /** Base URL of the API (default https://api.dropboxapi.com); http:// only for loopback hosts. */
  readonly apiUrl?: string;
  /** Where the credentials are registered for redaction (the run's Redactor). */
  readonly secrets?: SecretSink;
  readonly accessToken?: string;
  readonly refreshToken?: string;
  readonly appKey?: string;
  readonly appSecret?: string;
  /** The command's retry deadline and where long waits are said (stderr), for every call of this client. */
  readonly retry?: Pick<RetryContext, 'deadline' | 'notice'>;
}

const counters = new WeakMap<Dropbox, DropboxCallCounter>();

/** The per-route attempt counter of a client made by createDropboxClient. */
export function dropboxCallCounter(client: Dropbox): DropboxCallCounter {
  let c = counters.get(client);
  if (!c) {
    c = new DropboxCallCounter();
    counters.set(client, c);
  }
  return c;
}

const retryDefaults = new WeakMap<Dropbox, Pick<RetryContext, 'deadline' | 'notice'>>();

/** The retry deadline and notice a client was made with (none for a client made elsewhere). */
export function dropboxRetryDefaults(client: Dropbox): Pick<RetryContext, 'deadline' | 'notice'> {
  return retryDefaults.get(client) ?? {};
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function baseUrl(apiUrl: string | undefined): string {
  const raw = apiUrl ?? DEFAULT_DROPBOX_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new UsageError(`DROPBOX_API_URL is not a URL: ${raw}`, { cause: err });
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new UsageError(`DROPBOX_API_URL must use https:// (http:// is accepted only for loopback hosts): ${url.origin}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`DROPBOX_API_URL must be an http(s) URL: ${url.origin}`);
  if (url.username || url.password || url.search) throw new UsageError('DROPBOX_API_URL must not carry credentials or a query string');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Route name of an API URL: "team/members/list_v2" for .../2/team/members/list_v2; "oauth2/token" for refreshes. */
function routeOf(url: string): string {
  const path = new URL(url).pathname;
  const i = path.indexOf('/2/');
  if (i >= 0) return path.slice(i + 3);
  return path.replace(/^\/+/, '');
}

export function createDropboxClient(settings: DropboxClientSettings): Dropbox {
  const base = baseUrl(settings.apiUrl);
  const hasRefresh = Boolean(settings.refreshToken && settings.appKey);
  if (!settings.accessToken && !hasRefresh) {
    throw new UsageError('Dropbox credentials missing: set DROPBOX_TEAM_TOKEN, or DROPBOX_REFRESH_TOKEN with DROPBOX_APP_KEY and DROPBOX_APP_SECRET');
  }
  for (const secret of [settings.accessToken, settings.refreshToken, settings.appSecret]) settings.secrets?.register(secret);
  const counter = new DropboxCallCounter();
  const rewrite = (url: string): string => (url.startsWith(DEFAULT_DROPBOX_API_URL) ? base + url.slice(DEFAULT_DROPBOX_API_URL.length) : url);
  const origin = new URL(base).origin;
  const customFetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = rewrite(String(input));
    // The SDK knows other hosts (content., notify.); with the token, only DROPBOX_API_URL is called.
    assertSameOrigin('dropbox', routeOf(url), url, origin, 'DROPBOX_API_URL');
    counter.record(routeOf(url));
    // A redirect is an answer, never followed (it would take the Authorization header elsewhere).
    // Under the request timeouts and the command's deadline (http-timeouts.ts), body read to the end.
    const response = await timedExchange('dropbox', routeOf(url), (signal) => fetch(url, { ...init, redirect: 'manual', signal }));
    if (response.status >= 300 && response.status <= 399) {
      await response.body?.cancel();
      const to = originOf(response.headers.get('location') ?? '', url) ?? 'nowhere';
      throw new RemoteError({ service: 'dropbox', route: routeOf(url), status: response.status, code: 'redirect', message: `Dropbox answered ${routeOf(url)} with a redirect to ${to}, which dbxsync does not follow` });
    }
    return response;
  };
  const client = new Dropbox({
    ...(settings.accessToken ? { accessToken: settings.accessToken } : {}),
    ...(settings.refreshToken ? { refreshToken: settings.refreshToken } : {}),
    ...(settings.appKey ? { clientId: settings.appKey } : {}),
    ...(settings.appSecret ? { clientSecret: settings.appSecret } : {}),
    // A static team token has no expiry; without a date the SDK would try to refresh when it can.
    ...(settings.accessToken && !hasRefresh ? { accessTokenExpiresAt: new Date(8.64e15) } : {}),
    fetch: customFetch,
  });
  counters.set(client, counter);
  if (settings.retry) retryDefaults.set(client, settings.retry);
  if (hasRefresh) singleFlightRefresh(client);
  return client;
}

/**
 * The SDK refreshes the access token before a call whenever it has none (or it expires soon), and
 * does so once per call in flight: the reader's first parallel calls would each fetch a token.
 * One refresh at a time is enough; calls waiting on it share its result.
 */
function singleFlightRefresh(client: Dropbox): void {
  const auth = (client as unknown as { auth: { refreshAccessToken: (scope?: string[] | null) => Promise<void> } }).auth;
  const refresh = auth.refreshAccessToken.bind(auth);
  let inFlight: Promise<void> | null = null;
  auth.refreshAccessToken = (scope?: string[] | null) => {
    inFlight ??= refresh(scope ?? null).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
