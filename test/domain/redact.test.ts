import t from 'tap';
import { clearSecrets, redact, registerSecret } from '../../src/domain/redact.js';
import { RemoteError } from '../../src/domain/errors.js';
import { describeError } from '../../src/cli/run.js';

t.afterEach(() => clearSecrets());

t.test('registered secrets are replaced wherever they appear', async (t) => {
  registerSecret('sl.SECRET-dropbox-TOKEN-42');
  t.equal(redact('a sl.SECRET-dropbox-TOKEN-42 b sl.SECRET-dropbox-TOKEN-42'), 'a [REDACTED] b [REDACTED]');
});

t.test('short values are not registered (they would mangle ordinary text)', async (t) => {
  registerSecret('abc');
  t.equal(redact('abc abc'), 'abc abc');
});

t.test('auth header values are redacted even when not registered', async (t) => {
  t.equal(redact('Authorization: SSWS 00abcdefghijklmnop'), 'Authorization: SSWS [REDACTED]');
  t.equal(redact('authorization: Bearer eyJhbGciOi.payload.sig'), 'authorization: Bearer [REDACTED]');
  t.equal(redact('{"access_token":"sl.verysecretvalue"}'), '{"access_token":"[REDACTED]"}');
});

t.test('a remote error is described on one line without the secret', async (t) => {
  registerSecret('okta-SECRET-token-999');
  const err = new RemoteError({
    service: 'okta',
    route: 'GET /api/v1/apps/{id}/users',
    message: 'Okta HTTP 401 E0000011 Invalid token provided (SSWS okta-SECRET-token-999)',
    status: 401,
    code: 'E0000011',
    requestId: 'req-1',
  });
  const line = describeError('plan', err);
  t.notMatch(line, 'okta-SECRET-token-999');
  t.match(line, /^dbxsync plan: okta GET \/api\/v1\/apps\/\{id\}\/users: .*\(HTTP 401, E0000011, request id req-1\)$/);
  t.equal(line.split('\n').length, 1);
});
