/**
 * Dropbox's OAuth token endpoint, for the refresh-token login (DROPBOX_REFRESH_TOKEN +
 * DROPBOX_APP_KEY + DROPBOX_APP_SECRET): POST /oauth2/token with grant_type=refresh_token, the
 * refresh token and the app's key and secret, as query parameters (what the SDK sends) or a form /
 * JSON body. Answers a short-lived access token that the Dropbox API of the sandbox accepts, or
 * `{error: "invalid_grant"}` (400) like Dropbox does for a bad refresh token.
 */
import type { SandboxApi, SandboxRequest, SandboxResponse } from '../http.js';

export interface DropboxAppCredentials {
  readonly refreshToken: string;
  readonly appKey: string;
  readonly appSecret: string;
}

function params(req: SandboxRequest): URLSearchParams {
  const out = new URLSearchParams(req.query);
  const body = req.body.trim();
  if (body.startsWith('{')) {
    try {
      for (const [k, v] of Object.entries(JSON.parse(body) as Record<string, unknown>)) if (typeof v === 'string') out.set(k, v);
    } catch {
      // a malformed body is answered below as a bad request
    }
  } else if (body !== '') {
    for (const [k, v] of new URLSearchParams(body)) out.set(k, v);
  }
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Basic ')) {
    const [key, secret] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    if (key) out.set('client_id', key);
    if (secret) out.set('client_secret', secret);
  }
  return out;
}

export function createDropboxOAuthApi(credentials: DropboxAppCredentials, accessToken: string): SandboxApi {
  const fail = (status: number, error: string, description: string): SandboxResponse => ({ status, body: { error, error_description: description } });
  return {
    prefix: '/oauth2/token',
    routeName: () => 'dropbox oauth2/token',
    rateLimited: (_req, retryAfterSeconds) => ({ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) }, body: { error: 'too_many_requests' } }),
    handle(req) {
      if (req.method !== 'POST') return { status: 405, body: 'POST only' };
      const p = params(req);
      if (p.get('grant_type') !== 'refresh_token') return fail(400, 'unsupported_grant_type', 'only refresh_token is supported here');
      if (p.get('client_id') !== credentials.appKey || p.get('client_secret') !== credentials.appSecret) {
        return fail(400, 'invalid_client', 'Invalid client_id or client_secret');
      }
      if (p.get('refresh_token') !== credentials.refreshToken) return fail(400, 'invalid_grant', 'refresh token is malformed');
      return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: 14400 } };
    },
  };
}
