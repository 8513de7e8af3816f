/**
 * Every request of every client stays on the origin the user configured (OKTA_ORG_URL,
 * DROPBOX_API_URL, GITHUB_API_URL): the token goes with each request, so a `next` link or a
 * redirect that names another host, port or scheme is refused before anything is sent there.
 */
import { RemoteError } from '../domain/errors.js';

export type Service = 'okta' | 'dropbox' | 'github';

/** The origin of `url` (resolved against `base` when relative), or null when it is not a URL. */
export function originOf(url: string, base?: string): string | null {
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}

/**
 * Throws the one-line refusal when `url` is not on `allowed` (an origin such as
 * https://acme.okta.com). `setting` names where the allowed origin comes from.
 */
export function assertSameOrigin(service: Service, route: string, url: string, allowed: string, setting: string): void {
  const origin = originOf(url);
  if (origin === allowed) return;
  throw new RemoteError({
    service,
    route,
    code: 'foreign_origin',
    message: `refused to follow ${route} to ${origin ?? 'a malformed URL'}: dbxsync sends requests and its credentials only to ${setting} (${allowed})`,
  });
}
