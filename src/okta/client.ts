/**
 * The one place that builds the Okta SDK client, following reference okta-api.md §7.1: every
 * config key passed explicitly (so OKTA_CLIENT_* variables and okta.yaml files cannot change what
 * dbxsync talks to, G13), no trailing slash (G8), no cache (G4), an explicit executor with paced,
 * counted, retried requests (G5, G6, G14, G15), and no proxy picked up from HTTPS_PROXY.
 */
import okta from '@okta/okta-sdk-nodejs';
import { RemoteError, UsageError } from '../domain/errors.js';
import { redactCredentials, type SecretSink } from '../text/redact.js';
import { DEFAULT_BUDGET_SHARE, RateBudget } from './rate-budget.js';
import { PacedRequestExecutor, type CallTrace } from './request-executor.js';
import { DEFAULT_OKTA_RETRY_POLICY, type OktaRetryPolicy } from './retry-policy.js';

/** Least-privilege OAuth scopes for reading (plan, apply, explain, dump). */
export const OKTA_READ_SCOPES: readonly string[] = ['okta.users.read', 'okta.groups.read', 'okta.apps.read'];
/** Scopes for `import --apply` (assign users, create users, write profiles). */
export const OKTA_IMPORT_SCOPES: readonly string[] = [...OKTA_READ_SCOPES, 'okta.users.manage', 'okta.apps.manage'];

export interface OktaClientSettings {
  /** https://acme.okta.com; http:// only for loopback hosts. */
  readonly orgUrl: string;
  /** SSWS API token. Takes precedence over OAuth settings. */
  readonly apiToken?: string;
  /** OAuth service app client id (private-key JWT). */
  readonly clientId?: string;
  /** PEM or JWK (JSON text) private key of the service app. */
  readonly privateKey?: string;
  readonly keyId?: string;
  /** OAuth scopes to request (default OKTA_READ_SCOPES). */
  readonly scopes?: readonly string[];
}

export interface OktaClientOptions {
  /** Where the credentials are registered for redaction (the run's Redactor). */
  readonly secrets?: SecretSink;
  /** Requests in flight at most. Default 4. */
  readonly concurrency?: number;
  /** Share of each rate-limit bucket's reported ceiling (already this token's) dbxsync may use per window. Default 1. */
  readonly budgetShare?: number;
  /** Our retries of 5xx and dropped connections on reads. */
  readonly retryPolicy?: OktaRetryPolicy;
  /** The SDK's retries of HTTP 429. Default 5. */
  readonly maxRetries429?: number;
  /**
   * An HTTPS proxy for a remote org. HTTPS_PROXY in the environment is never used implicitly (the
   * SDK would send even loopback traffic through it, §5.1); loopback orgs never use a proxy.
   */
  readonly httpsProxy?: string;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

type SdkClient = InstanceType<typeof okta.Client>;

/** The SDK client with dbxsync's executor; pass it to readOktaState / createOktaWriter. */
export interface OktaClient {
  readonly sdk: SdkClient;
  readonly orgUrl: string;
  readonly authMode: 'SSWS' | 'PrivateKey';
  readonly budget: RateBudget;
  readonly executor: PacedRequestExecutor;
  /** HTTP attempts so far per route, retries included. */
  calls(): Record<string, number>;
  /** Run calls and report how many attempts they took and the last Okta request id. */
  track<T>(fn: () => Promise<T>): Promise<{ result: T; trace: CallTrace }>;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The org URL without trailing slashes; https required except for loopback hosts. */
export function normaliseOrgUrl(orgUrl: string): string {
  let url: URL;
  try {
    url = new URL(orgUrl.trim());
  } catch {
    throw new UsageError(`OKTA_ORG_URL is not a URL: ${orgUrl.trim().slice(0, 80)}`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError(`OKTA_ORG_URL must use https:// (http:// is accepted only for loopback hosts): ${url.host}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`OKTA_ORG_URL must use https://: ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError('OKTA_ORG_URL must be a plain org URL such as https://acme.okta.com');
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function registerKey(secrets: SecretSink, key: string): void {
  secrets.register(key);
  for (const line of key.split(/\r?\n/)) {
    if (!line.startsWith('-----')) secrets.register(line.trim());
  }
}

interface SdkOAuth {
  accessToken: unknown;
  getAccessToken(nonce?: string | null): Promise<{ access_token?: string; error?: string; error_description?: string }>;
  clearCachedAccessToken(): void;
}

/**
 * Two fixes around the SDK's token request (§5.3): concurrent first calls share one token request
 * instead of each fetching its own, and a refused request (G12: the SDK swallows it and goes on
 * with "Bearer undefined") fails at once with Okta's OAuth error instead of a misleading 401.
 */
function guardTokenRequests(sdk: SdkClient): void {
  const oauth = (sdk as unknown as { oauth?: SdkOAuth }).oauth;
  if (!oauth) return;
  const original = oauth.getAccessToken.bind(oauth);
  let inflight: ReturnType<SdkOAuth['getAccessToken']> | null = null;
  oauth.getAccessToken = (nonce?: string | null) => {
    if (nonce) return original(nonce);
    inflight ??= original()
      .then((token) => {
        if (!token || typeof token.access_token !== 'string') {
          oauth.clearCachedAccessToken();
          const code = typeof token?.error === 'string' ? token.error : 'no_access_token';
          throw new RemoteError({
            service: 'okta',
            route: 'POST /oauth2/v1/token',
            code,
            // The code and a short description only: an auth endpoint (or a proxy before it) may echo
            // the request, and the request holds the signed client assertion (issue 12 item 7).
            message: redactCredentials(`Okta refused the OAuth token request: ${code}${token?.error_description ? `: ${shortDescription(token.error_description)}` : ''}`),
          });
        }
        return token;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };
}

/** An OAuth error_description as shown: one line of at most 160 characters, never an echoed assertion. */
function shortDescription(text: string): string {
  const line = text.split(/\r?\n/)[0]!.replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]*/g, '[REDACTED]');
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

export function createOktaClient(settings: OktaClientSettings, options: OktaClientOptions = {}): OktaClient {
  const orgUrl = normaliseOrgUrl(settings.orgUrl);
  const loopback = isLoopbackHost(new URL(orgUrl).hostname);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const budget = new RateBudget({
    share: options.budgetShare ?? DEFAULT_BUDGET_SHARE,
    concurrency: options.concurrency ?? 4,
    sleep,
    ...(options.now ? { now: options.now } : {}),
  });
  const executor = new PacedRequestExecutor(new URL(orgUrl).origin, budget, options.retryPolicy ?? DEFAULT_OKTA_RETRY_POLICY, sleep, options.maxRetries429 ?? 5);

  let authMode: 'SSWS' | 'PrivateKey';
  const apiToken = settings.apiToken?.trim() ?? '';
  if (apiToken !== '') {
    authMode = 'SSWS';
    options.secrets?.register(apiToken);
  } else if (settings.clientId && settings.privateKey) {
    authMode = 'PrivateKey';
    if (options.secrets) registerKey(options.secrets, settings.privateKey);
  } else {
    throw new UsageError('no Okta credentials: set OKTA_API_TOKEN, or OKTA_CLIENT_ID and OKTA_PRIVATE_KEY');
  }

  // Every key the SDK's ConfigLoader knows is given a value ('' when unused): an explicit value
  // overrides okta.yaml and OKTA_CLIENT_* (§5.1), an omitted one would let them leak in.
  const config: Record<string, unknown> = {
    orgUrl,
    authorizationMode: authMode,
    token: authMode === 'SSWS' ? apiToken : '',
    clientId: authMode === 'PrivateKey' ? settings.clientId : '',
    scopes: authMode === 'PrivateKey' ? [...(settings.scopes ?? OKTA_READ_SCOPES)] : '',
    privateKey: authMode === 'PrivateKey' ? settings.privateKey : '',
    keyId: authMode === 'PrivateKey' ? (settings.keyId ?? '') : '',
    userAgent: 'dbxsync',
    requestExecutor: executor,
    cacheMiddleware: null,
    ...(options.httpsProxy && !loopback ? { httpsProxy: options.httpsProxy } : {}),
  };
  let sdk: SdkClient;
  try {
    sdk = new okta.Client(config as ConstructorParameters<typeof okta.Client>[0]);
  } catch (err) {
    throw new UsageError(`invalid Okta settings: ${String((err as Error).message).split('\n').slice(1, 2).join('') || 'rejected by the SDK'}`, { cause: err });
  }
  // The SDK falls back to HTTPS_PROXY / https_proxy on its own (§5.1); keep only a proxy we chose.
  const http = sdk.http as unknown as { agent?: unknown };
  if (!(options.httpsProxy && !loopback)) delete http.agent;
  if (authMode === 'PrivateKey') guardTokenRequests(sdk);

  return {
    sdk,
    orgUrl,
    authMode,
    budget,
    executor,
    calls: () => Object.fromEntries(executor.calls),
    track: (fn) => executor.track(fn),
  };
}
