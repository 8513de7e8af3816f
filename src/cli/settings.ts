/**
 * Connection settings from the environment (design.md "Environment"). The only place that knows
 * the variable names; run() registers every secret named here with the run's Redactor before
 * anything else runs.
 */
import { UsageError } from '../domain/errors.js';
import type { SecretSink } from '../text/redact.js';

export interface OktaSettings {
  readonly orgUrl: string;
  readonly apiToken?: string;
  readonly clientId?: string;
  readonly privateKey?: string;
  readonly keyId?: string;
}

export interface DropboxSettings {
  readonly apiUrl?: string;
  readonly accessToken?: string;
  readonly refreshToken?: string;
  readonly appKey?: string;
  readonly appSecret?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** Register every secret the environment holds, whether or not this command uses it. */
export function registerEnvSecrets(env: Env, secrets: SecretSink): void {
  for (const name of ['OKTA_API_TOKEN', 'OKTA_PRIVATE_KEY', 'DROPBOX_TEAM_TOKEN', 'DROPBOX_REFRESH_TOKEN', 'DROPBOX_APP_SECRET', 'GITHUB_TOKEN']) {
    secrets.register(value(env, name));
  }
}

export function oktaSettingsFromEnv(env: Env): OktaSettings {
  const orgUrl = value(env, 'OKTA_ORG_URL');
  if (!orgUrl) throw new UsageError('OKTA_ORG_URL is not set (e.g. https://acme.okta.com)');
  const apiToken = value(env, 'OKTA_API_TOKEN');
  const clientId = value(env, 'OKTA_CLIENT_ID');
  const privateKey = value(env, 'OKTA_PRIVATE_KEY');
  const keyId = value(env, 'OKTA_KEY_ID');
  if (apiToken) return { orgUrl, apiToken };
  if (clientId && privateKey) return keyId ? { orgUrl, clientId, privateKey, keyId } : { orgUrl, clientId, privateKey };
  if (clientId) throw new UsageError('OKTA_CLIENT_ID is set but OKTA_PRIVATE_KEY is not (OAuth private-key JWT needs both)');
  throw new UsageError('no Okta credentials: set OKTA_API_TOKEN, or OKTA_CLIENT_ID and OKTA_PRIVATE_KEY');
}

export function dropboxSettingsFromEnv(env: Env): DropboxSettings {
  const apiUrl = value(env, 'DROPBOX_API_URL');
  const base = apiUrl ? { apiUrl } : {};
  const accessToken = value(env, 'DROPBOX_TEAM_TOKEN');
  if (accessToken) return { ...base, accessToken };
  const refreshToken = value(env, 'DROPBOX_REFRESH_TOKEN');
  const appKey = value(env, 'DROPBOX_APP_KEY');
  const appSecret = value(env, 'DROPBOX_APP_SECRET');
  if (refreshToken && appKey && appSecret) return { ...base, refreshToken, appKey, appSecret };
  if (refreshToken || appKey || appSecret) {
    const missing = [['DROPBOX_REFRESH_TOKEN', refreshToken], ['DROPBOX_APP_KEY', appKey], ['DROPBOX_APP_SECRET', appSecret]]
      .filter(([, v]) => !v)
      .map(([n]) => n);
    throw new UsageError(`incomplete Dropbox refresh-token credentials: ${missing.join(', ')} not set`);
  }
  throw new UsageError('no Dropbox credentials: set DROPBOX_TEAM_TOKEN, or DROPBOX_REFRESH_TOKEN, DROPBOX_APP_KEY and DROPBOX_APP_SECRET');
}

/** DBXSYNC_RETRY_DEADLINE when unset: how long a command may keep waiting on Dropbox's rate limits. */
export const DEFAULT_RETRY_DEADLINE = '30m';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * DBXSYNC_RETRY_DEADLINE: the time from a command's start after which no retry wait may end
 * (e.g. 90s, 30m, 2h; a bare number is seconds). Dropbox's Retry-After is waited for within it.
 */
export function retryDeadlineFromEnv(env: Env): { readonly ms: number; readonly setting: string } {
  const raw = value(env, 'DBXSYNC_RETRY_DEADLINE');
  const text = raw ?? DEFAULT_RETRY_DEADLINE;
  const m = /^(\d+(?:\.\d+)?)\s*([smh]?)$/.exec(text);
  if (!m || Number(m[1]) <= 0) throw new UsageError(`DBXSYNC_RETRY_DEADLINE must be a duration such as 90s, 30m or 2h: ${JSON.stringify(text)}`);
  const ms = Math.round(Number(m[1]) * UNIT_MS[m[2] || 's']!);
  return { ms, setting: raw === undefined ? `the default; set DBXSYNC_RETRY_DEADLINE to wait longer` : `DBXSYNC_RETRY_DEADLINE=${text}` };
}
