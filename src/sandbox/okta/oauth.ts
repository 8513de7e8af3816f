/**
 * The OAuth 2.0 token endpoint of the emulated org, for service apps using private-key JWT
 * (reference okta-api.md §5.3): `POST /oauth2/v1/token` with grant_type client_credentials and a
 * client_assertion signed by the app's key (aud = the token URL, iss = sub = client id). Tokens it
 * issues are accepted by the management API as `Bearer` (or `DPoP`), limited to their scopes.
 */
import { createPublicKey, verify, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { SandboxApi, SandboxRequest, SandboxResponse } from '../http.js';
import { bucketFor } from './rate-limiter.js';
import type { OktaSandbox } from './state.js';

export interface OktaServiceApp {
  readonly clientId: string;
  /** The public half of the app's key: PEM text or a JWK. */
  readonly publicKey: string | JsonWebKey;
  /** Scopes granted to the app (default: every scope the sandbox knows). */
  readonly grantedScopes?: readonly string[];
}

export const OKTA_SCOPES = ['okta.users.read', 'okta.users.manage', 'okta.groups.read', 'okta.groups.manage', 'okta.apps.read', 'okta.apps.manage'] as const;

interface IssuedToken {
  readonly scopes: ReadonlySet<string>;
  readonly expiresAt: number;
}

/** Access tokens issued by the sandbox's token endpoint, shared with the management API. */
export class OktaTokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(scopes: readonly string[], expiresAt: number): string {
    const token = `sbx-at-${randomBytes(18).toString('base64url')}`;
    this.tokens.set(token, { scopes: new Set(scopes), expiresAt });
    return token;
  }

  /** The scopes of a live token, or null when unknown or expired. */
  scopes(token: string, now: number): ReadonlySet<string> | null {
    const t = this.tokens.get(token);
    return t && t.expiresAt > now ? t.scopes : null;
  }
}

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return { status, headers: { 'Cache-Control': 'no-store' }, body: { error, error_description: description } };
}

function b64json(part: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function createOktaOAuthApi(
  state: OktaSandbox,
  tokens: OktaTokenStore,
  app: OktaServiceApp | undefined,
  clock: () => Date,
): SandboxApi {
  let key: KeyObject | null = null;
  if (app) key = typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : createPublicKey({ key: app.publicKey, format: 'jwk' });

  const token = (req: SandboxRequest): SandboxResponse => {
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported.');
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return oauthError(401, 'invalid_client', 'client_assertion_type is missing or wrong.');
    }
    const assertion = form.get('client_assertion') ?? '';
    const [h, p, s] = assertion.split('.');
    const header = h ? b64json(h) : null;
    const claims = p ? b64json(p) : null;
    if (!app || !key || !header || !claims || !s) return oauthError(401, 'invalid_client', 'Client authentication failed.');
    // §5.3: RS256 for RSA keys; the signature must verify with the app's registered key.
    const signed = header['alg'] === 'RS256' && verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
    const now = clock().getTime();
    const audience = `${req.baseUrl}/oauth2/v1/token`;
    if (!signed) return oauthError(401, 'invalid_client', 'The client_assertion signature is invalid.');
    if (claims['iss'] !== app.clientId || claims['sub'] !== app.clientId) return oauthError(401, 'invalid_client', 'The client_assertion iss/sub must be the client id.');
    if (claims['aud'] !== audience) return oauthError(401, 'invalid_client', 'The audience claim for client_assertion must be the endpoint invoked.');
    if (typeof claims['exp'] !== 'number' || claims['exp'] * 1000 <= now) return oauthError(401, 'invalid_client', 'The client_assertion token is expired.');
    const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const granted = new Set(app.grantedScopes ?? OKTA_SCOPES);
    const refused = requested.filter((sc) => !granted.has(sc));
    if (requested.length === 0 || refused.length > 0) {
      return oauthError(400, 'invalid_scope', `The following scopes are not allowed: ${refused.join(' ') || '(none requested)'}`);
    }
    // §5.3: Okta access tokens for service apps live one hour.
    const accessToken = tokens.issue(requested, now + 3_600_000);
    return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { token_type: 'Bearer', expires_in: 3600, access_token: accessToken, scope: requested.join(' ') } };
  };

  return {
    prefix: '/oauth2/v1/',
    routeName: (req) => `okta ${req.method} ${req.path}`,
    handle: (req) => {
      const headers = { Date: clock().toUTCString(), ...state.limiter.peek(bucketFor(req.method, req.path)) };
      const response = req.method === 'POST' && req.path === '/oauth2/v1/token' ? token(req) : oauthError(404, 'not_found', 'No such endpoint.');
      return { ...response, headers: { ...headers, ...(response.headers ?? {}) } };
    },
    rateLimited: () => ({ status: 429, headers: { Date: clock().toUTCString() }, body: { error: 'too_many_requests', error_description: 'Rate limit exceeded.' } }),
  };
}
