/**
 * Every kind of Okta failure, produced by the real SDK against the sandbox, becomes a RemoteError
 * with the right status, code, retryability and request id — and never carries a secret.
 */
import t from 'tap';
import { RemoteError } from '../../src/domain/errors.js';
import { createOktaClient } from '../../src/okta/client.js';
import { toRemoteError } from '../../src/okta/errors.js';
import { readOktaState } from '../../src/okta/reader.js';
import { desired, fakeClock, generatedOrg, startOkta, TOKEN } from './fixtures.js';

function assertNoSecret(t: { notMatch(a: string, b: RegExp, m: string): void }, err: unknown, secret: string, name: string): void {
  const re = new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const e = err as Error & { cause?: Error };
  t.notMatch(String(err), re, `${name}: String(err)`);
  t.notMatch(e.message, re, `${name}: message`);
  t.notMatch(JSON.stringify(err), re, `${name}: JSON`);
  t.notMatch(String(e.stack), re, `${name}: stack`);
  t.notMatch(`${String(e.cause?.message)} ${String(e.cause?.stack)}`, re, `${name}: cause`);
}

async function failure(fn: () => Promise<unknown>): Promise<RemoteError> {
  try {
    await fn();
  } catch (err) {
    return toRemoteError(err);
  }
  throw new Error('expected a failure');
}

t.test('Okta API errors map to RemoteError', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  const cases: [string, () => Promise<unknown>, { status: number; code: string; retryable: boolean }][] = [
    ['unknown user: 404 E0000007', () => h.client.sdk.userApi.getUser({ userId: 'nobody' }), { status: 404, code: 'E0000007', retryable: false }],
    [
      'invalid filter: 400 E0000031',
      async () => {
        for await (const u of await h.client.sdk.userApi.listUsers({ filter: 'profile.city eq "x"' })) void u;
      },
      { status: 400, code: 'E0000031', retryable: false },
    ],
    [
      'invalid profile: 400 E0000001',
      () => h.client.sdk.userApi.createUser({ body: { profile: { email: 'a@b.example' } as never }, activate: false }),
      { status: 400, code: 'E0000001', retryable: false },
    ],
  ];
  for (const [name, fn, expected] of cases) {
    const err = await failure(fn);
    t.type(err, RemoteError, name);
    t.match({ service: err.service, status: err.status, code: err.code, retryable: err.retryable }, { service: 'okta', ...expected }, name);
    t.match(err.requestId, /^oae/, `${name}: Okta errorId kept as request id`);
    t.notMatch(err.message, /\n/, `${name}: one line`);
    assertNoSecret(t, err, TOKEN, name);
  }
});

t.test('a wrong token: 401 E0000011, and the token is nowhere in the error', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  const wrong = 'WRONG-token-value-7c1d5e0f';
  const client = createOktaClient({ orgUrl: h.url, apiToken: wrong }, { sleep: h.clock.sleep, now: h.clock.now });
  const err = await readOktaState(client, desired(), { dropboxMembers: [] }).then(
    () => null,
    (e: unknown) => e,
  );
  t.type(err, RemoteError);
  t.match(err, { status: 401, code: 'E0000011', retryable: false });
  assertNoSecret(t, err, wrong, '401');
  assertNoSecret(t, err, TOKEN, '401 (sandbox token)');
});

t.test('429 after the SDK gave up: retryable, with retryAfterMs from X-Rate-Limit-Reset − Date', async (t) => {
  const h = await startOkta(generatedOrg(5, 5), { client: { maxRetries429: 2 } });
  t.teardown(() => h.close());
  h.http.setFaults({ rate429: 1, retryAfterSeconds: 3 });
  const err = await failure(() => h.client.sdk.userApi.getUser({ userId: '00u00000000000000001' }));
  t.match(err, { status: 429, code: 'E0000047', retryable: true, retryAfterMs: 3000 });
  t.equal(h.http.calls(/okta GET \/api\/v1\/users\/\{id\}/), 3, 'the SDK tried 1 + maxRetries times');
  t.ok(h.clock.slept() >= 2 * 3000, 'and waited (on the injected clock) before each retry');
});

t.test('5xx that outlasts our retries: HttpError becomes a retryable RemoteError', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  for (const [name, faults] of [
    ['500', { rate500: 1 }],
    ['503', { rate503: 1 }],
  ] as const) {
    h.http.resetCounters();
    h.http.setFaults(faults);
    const err = await failure(() => h.client.sdk.userApi.getUser({ userId: '00u00000000000000001' }));
    t.match(err, { status: Number(name), retryable: true, code: null }, name);
    t.equal(h.http.calls(), 5, `${name}: five attempts (the policy's maxAttempts)`);
    t.match(err.message, new RegExp(`Okta HTTP ${name}`), `${name}: message`);
  }
});

t.test('connection failures become retryable RemoteErrors', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  h.http.setFaults({ rateDrop: 1 });
  const dropped = await failure(() => h.client.sdk.userApi.getUser({ userId: '00u00000000000000001' }));
  t.match(dropped, { retryable: true, status: null });
  t.match(dropped.message, /cannot reach Okta/);
  t.equal(h.http.calls(), 5, 'dropped connections retried up to maxAttempts');

  const clock = fakeClock();
  const refused = createOktaClient({ orgUrl: 'http://127.0.0.1:9', apiToken: TOKEN }, { sleep: clock.sleep, now: clock.now });
  const err = await readOktaState(refused, desired(), { dropboxMembers: [] }).then(
    () => null,
    (e: unknown) => e,
  );
  t.type(err, RemoteError);
  t.match(err, { retryable: true, status: null, message: /cannot reach Okta.*ECONNREFUSED/ });
  assertNoSecret(t, err, TOKEN, 'refused');
});

t.test('writes are not retried on 5xx', async (t) => {
  const h = await startOkta(generatedOrg(5, 5));
  t.teardown(() => h.close());
  h.http.setFaults({ rate500: 1, routes: /POST/ });
  const err = await failure(() =>
    h.client.sdk.userApi.updateUser({ userId: '00u00000000000000001', user: { profile: { nickName: 'x' } as never } }),
  );
  t.match(err, { status: 500 });
  t.equal(h.http.calls(/POST/), 1, 'one attempt only');
});
