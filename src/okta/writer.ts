/**
 * The Okta writes `dbxsync import --apply` makes (design.md "Import new users / profile updates"):
 * assign an existing Okta user to the Dropbox app, write Dropbox-mastered attributes back to the
 * Okta profile (partial update, never PUT — reference okta-api.md §1.7), create a STAGED user.
 * These are not retried on 5xx or dropped connections (the write may have been applied); the SDK
 * still retries 429, which Okta answers before doing anything. The port it implements, OktaWriter,
 * is in domain/ports.ts beside the Dropbox one.
 */
import type { UserProfile } from '@okta/okta-sdk-nodejs';
import type { OktaUser } from '../domain/live.js';
import type { OktaWriter } from '../domain/ports.js';
import type { OktaClient } from './client.js';
import { toOktaUser } from './convert.js';
import { toRemoteError } from './errors.js';

function userOrThrow(source: unknown, route: string): OktaUser {
  const user = toOktaUser(source);
  if (!user) throw toRemoteError(new Error('Okta answered without a user id'), route);
  return user;
}

export function createOktaWriter(client: OktaClient): OktaWriter {
  const call = async <T>(route: string, fn: () => Promise<T>): Promise<{ result: T; attempts: number; requestId: string | null }> => {
    try {
      const { result, trace } = await client.track(fn);
      return { result, attempts: trace.attempts, requestId: trace.requestId };
    } catch (err) {
      throw toRemoteError(err, route);
    }
  };

  return {
    async assignUserToApp(appId, userId, userName) {
      const route = 'POST /api/v1/apps/{id}/users';
      const { result, attempts, requestId } = await call(route, () =>
        client.sdk.applicationApi.assignUserToApplication({
          appId,
          appUser: { id: userId, scope: 'USER', credentials: { userName } },
        }),
      );
      return {
        userId: result.id ?? userId,
        scope: result.scope === 'GROUP' ? 'GROUP' : 'USER',
        userName: result.credentials?.userName ?? userName,
        attempts,
        requestId,
      };
    },

    async updateUserProfile(userId, partialProfile) {
      const route = 'POST /api/v1/users/{id}';
      const { result, attempts, requestId } = await call(route, () =>
        client.sdk.userApi.updateUser({ userId, user: { profile: { ...partialProfile } as unknown as UserProfile } }),
      );
      return { user: userOrThrow(result, route), attempts, requestId };
    },

    async createStagedUser(profile) {
      const route = 'POST /api/v1/users';
      const { result, attempts, requestId } = await call(route, () =>
        client.sdk.userApi.createUser({ body: { profile: { ...profile } as UserProfile }, activate: false }),
      );
      return { user: userOrThrow(result, route), attempts, requestId };
    },
  };
}
