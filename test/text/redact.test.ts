import t from 'tap';
import { clearSecrets, redact, registerSecret } from '../../src/text/redact.js';
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

t.test('encoded forms of a secret are redacted: base64 at any alignment, base64url, URL-encoded (issue 12 item 7)', async (t) => {
  const token = '00Ab+cd/EF-okta_SECRET=token~42';
  registerSecret(token);
  // A gateway that echoes the whole header in base64: the token sits at an offset of the encoded text.
  for (const header of [`SSWS ${token}`, `Authorization: SSWS ${token}`, `x${token}`, `${token}`]) {
    const echoed = Buffer.from(header).toString('base64');
    t.notOk(redact(`echo: ${echoed}`).includes(echoed.slice(8, 30)), `base64 of "${header.slice(0, 16)}…" is redacted`);
    const url = Buffer.from(header).toString('base64url');
    t.match(redact(`echo: ${url}`), /\[REDACTED\]/, `base64url of "${header.slice(0, 16)}…"`);
  }
  t.equal(redact(`q=${encodeURIComponent(token)}`), 'q=[REDACTED]', 'URL-encoded');
  t.equal(redact('an ordinary sentence about base64 and tokens'), 'an ordinary sentence about base64 and tokens', 'ordinary text untouched');
});

t.test('a signed client assertion (a JWT) and a PEM key line are never printed', async (t) => {
  const assertion = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIwb2ExIiwiYXVkIjoiaHR0cHM6Ly94In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
  t.equal(redact(`token endpoint said: invalid_client for ${assertion}`), 'token endpoint said: invalid_client for [REDACTED]');
  t.equal(redact(`client_assertion_type=jwt-bearer&client_assertion=${assertion}&scope=okta.users.read`), 'client_assertion_type=jwt-bearer&client_assertion=[REDACTED]&scope=okta.users.read');
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n';
  registerSecret(pem);
  t.equal(redact('echo: BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj'), 'echo: [REDACTED]', 'one line of the key body');
});
