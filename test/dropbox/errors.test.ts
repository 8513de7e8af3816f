import t from 'tap';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { RemoteError, UsageError } from '../../src/domain/errors.js';
import { Redactor } from '../../src/text/redact.js';
import { createDropboxClient, dropboxCallCounter } from '../../src/dropbox/client.js';
import { callWithRetry } from '../../src/dropbox/retry.js';
import { createDropboxWriter } from '../../src/dropbox/writer.js';
import { byEmail, recordingSleep, startDropbox, TOKEN, type Harness } from './fixture.js';

let h: Harness;
t.before(async () => {
  h = await startDropbox();
});
t.teardown(() => h.close());

function noSecret(t: { notMatch(found: unknown, pattern: string, message: string): unknown }, err: unknown, secret: string, name: string) {
  t.notMatch(String(err), secret, `${name}: not in String(err)`);
  t.notMatch((err as Error).message, secret, `${name}: not in the message`);
  t.notMatch(JSON.stringify(err), secret, `${name}: not in JSON`);
  t.notMatch(JSON.stringify((err as Error).cause ?? null), secret, `${name}: not in the cause`);
  t.notMatch(String((err as Error).cause ?? ''), secret, `${name}: not in String(cause)`);
}

t.test('each Dropbox failure becomes a RemoteError with route, status, tag, retryable, request id', async (t) => {
  const sleep = recordingSleep().sleep;
  const cases: [string, () => Promise<unknown>, Partial<RemoteError>][] = [
    [
      '409 route error',
      () => h.client.teamMembersSuspend({ user: byEmail('ivy'), wipe_data: false }),
      { route: 'team/members/suspend', status: 409, code: 'suspend_inactive_user', retryable: false },
    ],
    ['400 plain text', () => h.client.teamMembersListV2({ limit: 5000 }), { route: 'team/members/list_v2', status: 400, code: null, retryable: false }],
    [
      '401 with a wrong token',
      () => createDropboxClient({ apiUrl: h.baseUrl, accessToken: 'wrong-token-123' }).teamGetInfo(),
      { route: 'team/get_info', status: 401, code: 'invalid_access_token', retryable: false },
    ],
  ];
  for (const [name, call, expected] of cases) {
    const err = await callWithRetry(expected.route!, call as never, { sleep }).catch((e: unknown) => e);
    t.ok(err instanceof RemoteError, name);
    t.match(err, { service: 'dropbox', ...expected }, name);
    t.match((err as RemoteError).requestId, /^[0-9a-f]{32}$/, `${name}: request id`);
    t.match((err as RemoteError).message, new RegExp(`^Dropbox ${expected.route} failed: HTTP ${expected.status}`), `${name}: one clear line`);
    noSecret(t, err, TOKEN, name);
  }
  h.http.setFaults({ rate429: 1, retryAfterSeconds: 0 });
  const limited = (await callWithRetry('team/get_info', () => h.client.teamGetInfo(), { sleep, policy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 10 } }).catch((e: unknown) => e)) as RemoteError;
  h.http.setFaults({});
  t.match(limited, { status: 429, code: 'too_many_requests', retryable: true, retryAfterMs: 0 });
  noSecret(t, limited, TOKEN, '429');
});

t.test('a network failure is a retryable RemoteError without status', async (t) => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const dead = createDropboxClient({ apiUrl: `http://127.0.0.1:${port}`, accessToken: TOKEN });
  const err = (await callWithRetry('team/get_info', () => dead.teamGetInfo(), { sleep: recordingSleep().sleep, policy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 10 } }).catch(
    (e: unknown) => e,
  )) as RemoteError;
  t.match(err, { status: null, retryable: true, code: null });
  t.match(err.message, /network error \(ECONNREFUSED\)/);
  noSecret(t, err, TOKEN, 'network');
});

t.test('writer errors carry no secret either', async (t) => {
  const writer = createDropboxWriter(h.client, { sleep: recordingSleep().sleep });
  const err = await writer
    .remove(byEmailSel('alice'), { wipeData: false, keepAccount: false, retainTeamShares: false, transferDest: byEmailSel('ghost'), transferAdmin: byEmailSel('it-admin') })
    .catch((e: unknown) => e);
  t.match(err, { code: 'transfer_dest_user_not_found', status: 409 });
  noSecret(t, err, TOKEN, 'writer');
});

function byEmailSel(local: string) {
  return { by: 'email' as const, value: `${local}@acme-robotics.example` };
}

t.test('client settings', async (t) => {
  t.throws(() => createDropboxClient({ apiUrl: 'http://api.example.com', accessToken: TOKEN }), UsageError, 'http only for loopback');
  t.throws(() => createDropboxClient({ apiUrl: 'not a url', accessToken: TOKEN }), UsageError);
  t.throws(() => createDropboxClient({ apiUrl: 'https://user:pw@api.example.com', accessToken: TOKEN }), UsageError);
  t.throws(() => createDropboxClient({}), UsageError, 'credentials are required');
  t.throws(() => createDropboxClient({ refreshToken: 'refresh-token-1' }), UsageError, 'a refresh token needs the app key');
  t.doesNotThrow(() => createDropboxClient({ apiUrl: 'http://localhost:1234', accessToken: TOKEN }));
  t.doesNotThrow(() => createDropboxClient({ refreshToken: 'refresh-token-1', appKey: 'key', appSecret: 'app-secret-xyz' }));
  const redactor = new Redactor();
  createDropboxClient({ apiUrl: h.baseUrl, secrets: redactor, accessToken: 'tok-registered-1', refreshToken: 'ref-registered-2', appKey: 'k', appSecret: 'sec-registered-3' });
  t.equal(redactor.redact('a tok-registered-1 b ref-registered-2 c sec-registered-3'), 'a [REDACTED] b [REDACTED] c [REDACTED]', 'tokens are registered as secrets');

  const client = createDropboxClient({ apiUrl: `${h.baseUrl}/`, accessToken: TOKEN });
  await client.teamGetInfo();
  await client.teamMembersListV2({ limit: 1 });
  await client.teamMembersListV2({ limit: 1 });
  t.same(dropboxCallCounter(client).entries(), [
    ['team/get_info', 1],
    ['team/members/list_v2', 2],
  ], 'calls are counted per route (and a trailing slash in the URL is fine)');
  t.equal(dropboxCallCounter(client).total(), 3);
});
