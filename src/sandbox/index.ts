/**
 * The sandbox, composed: one loopback HTTP server answering both emulated APIs (Okta under
 * /api/v1/, Dropbox under /2/), seeded from a {@link SandboxSeed}. Tests, benchmarks, `dbxsync
 * sandbox` and `dbxsync demo` all start it here.
 */
import { createDropboxApi, type DropboxSandbox } from './dropbox/index.js';
import { createDropboxOAuthApi, type DropboxAppCredentials } from './dropbox/oauth.js';
import type { HostileRule } from './hostile.js';
import { SandboxHttp, type FaultConfig } from './http.js';
import { createOktaAdminApi } from './okta/admin-api.js';
import { createOktaApi } from './okta/api.js';
import type { OktaSandbox } from './okta/state.js';
import { DEFAULT_SANDBOX_TOKENS, type SandboxSeed } from './seed.js';

export interface SandboxOptions {
  readonly seed: SandboxSeed;
  /** Port on 127.0.0.1; default a free port. */
  readonly port?: number;
  /** Simulated latency added to every response, in ms. */
  readonly latencyMs?: number;
  readonly faults?: FaultConfig;
  /** Hostile-server faults by route (hostile.ts); also settable later on `http.hostile`. */
  readonly hostile?: readonly HostileRule[];
  /** Keep the request log (default true; turn off for big benchmarks). */
  readonly keepLog?: boolean;
  /** Tokens the APIs accept (default {@link DEFAULT_SANDBOX_TOKENS}). */
  readonly tokens?: { readonly okta: string; readonly dropbox: string };
  /** The sandbox's clock (statusChanged, joined_on, the 7-day recovery window...); default the wall clock. */
  readonly clock?: () => Date;
  /** Dropbox async jobs answer in_progress this many times before complete. */
  readonly asyncPolls?: number;
  /** The Dropbox app credentials its /oauth2/token accepts (default {@link DEFAULT_DROPBOX_APP}). */
  readonly dropboxApp?: DropboxAppCredentials;
  /** Okta rate limits per bucket (requests per minute), overriding the defaults. */
  readonly oktaRateLimits?: Partial<Record<string, number>>;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** The HTTP core: request log, counters, latency and faults, changeable while running. */
  readonly http: SandboxHttp;
  /** Live Okta state (inspect or change it between calls). */
  readonly okta: OktaSandbox;
  /** Live Dropbox state. */
  readonly dropbox: DropboxSandbox;
  /** The environment dbxsync needs to talk to this sandbox: OKTA_ORG_URL, OKTA_API_TOKEN, DROPBOX_API_URL, DROPBOX_TEAM_TOKEN. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** The refresh-token login the sandbox accepts unless told otherwise (public values, like its tokens). */
export const DEFAULT_DROPBOX_APP: DropboxAppCredentials = {
  refreshToken: 'sandbox-dropbox-refresh-token',
  appKey: 'sandbox-app-key',
  appSecret: 'sandbox-app-secret',
};

/** Start a sandbox serving both APIs on one loopback port. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const tokens = options.tokens ?? DEFAULT_SANDBOX_TOKENS;
  const clock = options.clock ?? (() => new Date());
  const okta = createOktaApi(options.seed.okta, {
    token: tokens.okta,
    clock,
    ...(options.oktaRateLimits ? { rateLimits: options.oktaRateLimits } : {}),
  });
  const dropbox = createDropboxApi(options.seed.dropbox, {
    token: tokens.dropbox,
    clock,
    ...(options.asyncPolls !== undefined ? { asyncPolls: options.asyncPolls } : {}),
  });
  const dropboxOAuth = createDropboxOAuthApi(options.dropboxApp ?? DEFAULT_DROPBOX_APP, tokens.dropbox);
  const http = new SandboxHttp([okta.api, okta.oauthApi, dropbox.api, dropboxOAuth, createOktaAdminApi(okta.state, tokens.okta)], {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.hostile ? { hostile: options.hostile } : {}),
    ...(options.keepLog !== undefined ? { keepLog: options.keepLog } : {}),
  });
  const url = await http.listen();
  return {
    url,
    http,
    okta: okta.state,
    dropbox: dropbox.state,
    env: () => ({
      OKTA_ORG_URL: url,
      OKTA_API_TOKEN: tokens.okta,
      DROPBOX_API_URL: url,
      DROPBOX_TEAM_TOKEN: tokens.dropbox,
    }),
    close: () => http.close(),
  };
}
