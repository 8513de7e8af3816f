import t from 'tap';
import { RemoteError } from '../../src/domain/errors.js';
import { createOktaWriter } from '../../src/okta/writer.js';
import { APP_ID, generatedOrg, startOkta, userId } from './fixtures.js';

t.test('assign an existing Okta user to the app', async (t) => {
  const seed = generatedOrg(20, 5);
  seed.appGroupIds = [];
  const h = await startOkta(seed);
  t.teardown(() => h.close());
  const writer = createOktaWriter(h.client);
  const result = await writer.assignUserToApp(APP_ID, userId(12), 'user12@acme-robotics.example');
  t.match(result, { userId: userId(12), scope: 'USER', userName: 'user12@acme-robotics.example', attempts: 1 });
  t.match(result.requestId, /^sbx-okta-/, 'request id for the audit log');
  t.ok(h.state.appUsers().some((a) => a.userId === userId(12) && a.scope === 'USER'), 'assigned in Okta');
});

t.test('write Dropbox-mastered attributes back: a partial update', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  const writer = createOktaWriter(h.client);
  const { user } = await writer.updateUserProfile(userId(2), { lastName: 'Durand', nickName: 'Jo' });
  t.equal(user.profile['lastName'], 'Durand');
  t.equal(user.profile['nickName'], 'Jo');
  t.equal(user.profile['firstName'], 'First2', 'other attributes untouched');
  t.equal(h.state.users.get(userId(2))!.profile['lastName'], 'Durand');
  t.equal(h.http.calls(/okta POST \/api\/v1\/users\/\{id\}/), 1);
});

t.test('create a STAGED user', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  const writer = createOktaWriter(h.client);
  const { user } = await writer.createStagedUser({ login: 'new.hire@acme-robotics.example', email: 'New.Hire@acme-robotics.example', firstName: 'New', lastName: 'Hire' });
  t.equal(user.status, 'STAGED');
  t.equal(user.email, 'new.hire@acme-robotics.example', 'email lower-cased in the result');
  t.equal(h.state.users.get(user.id)?.status, 'STAGED');
});

t.test('refusals become RemoteErrors', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  h.state.setUserStatus(userId(3), 'DEPROVISIONED');
  const writer = createOktaWriter(h.client);
  const cases: [string, () => Promise<unknown>, Record<string, unknown>][] = [
    ['assigning a deactivated user', () => writer.assignUserToApp(APP_ID, userId(3), 'x'), { status: 403, code: 'E0000038', route: 'POST /api/v1/apps/{id}/users' }],
    ['assigning an unknown user', () => writer.assignUserToApp(APP_ID, '00uNOBODY', 'x'), { status: 404, code: 'E0000007' }],
    ['a login that is taken', () => writer.createStagedUser({ login: 'user1@acme-robotics.example', email: 'a@b.example', firstName: 'A', lastName: 'B' }), { status: 400, code: 'E0000001' }],
    ['updating an unknown user', () => writer.updateUserProfile('00uNOBODY', { nickName: 'x' }), { status: 404, code: 'E0000007' }],
  ];
  for (const [name, fn, expected] of cases) {
    const err = await fn().then(
      () => null,
      (e: unknown) => e,
    );
    t.type(err, RemoteError, name);
    t.match(err, { service: 'okta', retryable: false, ...expected }, name);
  }
});

t.test('a 429 on a write is retried by the SDK and counted in the receipt', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  h.http.setFaults({ seed: 3, rate429: 0.5, routes: /POST/, retryAfterSeconds: 1 });
  const writer = createOktaWriter(h.client);
  let maxAttempts = 0;
  for (let i = 0; i < 6; i++) {
    const r = await writer.updateUserProfile(userId(1), { nickName: `n${i}` });
    maxAttempts = Math.max(maxAttempts, r.attempts);
  }
  t.ok(maxAttempts > 1, 'some write needed a retry');
  t.equal(h.state.users.get(userId(1))!.profile['nickName'], 'n5');
});
