import t from 'tap';
import { Redactor, redactCredentials } from '../../src/text/redact.js';
import { RemoteError } from '../../src/domain/errors.js';
import { describeError } from '../../src/cli/run.js';

/** A fresh Redactor per test: no module state to clear between them. */
function redactorWith(...secrets: string[]): Redactor {
  const r = new Redactor();
  for (const s of secrets) r.register(s);
  return r;
}

t.test('registered secrets are replaced wherever they appear', async (t) => {
  const redact = (text: string) => redactorWith('sl.SECRET-dropbox-TOKEN-42').redact(text);
  t.equal(redact('a sl.SECRET-dropbox-TOKEN-42 b sl.SECRET-dropbox-TOKEN-42'), 'a [REDACTED] b [REDACTED]');
});

t.test('short values are not registered (they would mangle ordinary text)', async (t) => {
  t.equal(redactorWith('abc').redact('abc abc'), 'abc abc');
});

t.test('auth header values are redacted even when not registered', async (t) => {
  const redact = (text: string) => new Redactor().redact(text);
  t.equal(redact('Authorization: SSWS 00abcdefghijklmnop'), 'Authorization: SSWS [REDACTED]');
  t.equal(redact('authorization: Bearer eyJhbGciOi.payload.sig'), 'authorization: Bearer [REDACTED]');
  t.equal(redact('{"access_token":"sl.verysecretvalue"}'), '{"access_token":"[REDACTED]"}');
});

t.test('a remote error is described on one line without the secret', async (t) => {
  const redactor = redactorWith('okta-SECRET-token-999');
  const err = new RemoteError({
    service: 'okta',
    route: 'GET /api/v1/apps/{id}/users',
    message: 'Okta HTTP 401 E0000011 Invalid token provided (SSWS okta-SECRET-token-999)',
    status: 401,
    code: 'E0000011',
    requestId: 'req-1',
  });
  const line = describeError('plan', err, { redactor });
  t.notMatch(line, 'okta-SECRET-token-999');
  t.match(line, /^dbxsync plan: okta GET \/api\/v1\/apps\/\{id\}\/users: .*\(HTTP 401, E0000011, request id req-1\)$/);
  t.equal(line.split('\n').length, 1);
});

t.test('encoded forms of a secret are redacted: base64 at any alignment, base64url, URL-encoded (issue 12 item 7)', async (t) => {
  const token = '00Ab+cd/EF-okta_SECRET=token~42';
  const redact = (text: string) => redactorWith(token).redact(text);
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
  const redactor = new Redactor();
  const redact = (text: string) => redactor.redact(text);
  const assertion = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIwb2ExIiwiYXVkIjoiaHR0cHM6Ly94In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
  t.equal(redact(`token endpoint said: invalid_client for ${assertion}`), 'token endpoint said: invalid_client for [REDACTED]');
  t.equal(redact(`client_assertion_type=jwt-bearer&client_assertion=${assertion}&scope=okta.users.read`), 'client_assertion_type=jwt-bearer&client_assertion=[REDACTED]&scope=okta.users.read');
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n';
  redactor.register(pem);
  t.equal(redact('echo: BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj'), 'echo: [REDACTED]', 'one line of the key body');
});

t.test('a Redactor is one run\'s: two share nothing, and nothing is left behind to clear (issue 13)', async (t) => {
  const first = redactorWith('first-run-SECRET-1');
  const second = redactorWith('second-run-SECRET-2');
  t.equal(first.redact('first-run-SECRET-1 second-run-SECRET-2'), '[REDACTED] second-run-SECRET-2');
  t.equal(second.redact('first-run-SECRET-1 second-run-SECRET-2'), 'first-run-SECRET-1 [REDACTED]');
  t.equal(new Redactor().redact('first-run-SECRET-1'), 'first-run-SECRET-1', 'a new Redactor knows no earlier secret');
});

t.test('a public value survives the credential patterns; a registered secret never does', async (t) => {
  const r = new Redactor();
  r.allowPublic('sandbox-okta-token');
  t.equal(r.redact('export OKTA_API_TOKEN=sandbox-okta-token'), 'export OKTA_API_TOKEN=sandbox-okta-token');
  t.equal(r.redact('export OKTA_API_TOKEN=another-token-value'), 'export OKTA_API_TOKEN=[REDACTED]');
  r.register('sandbox-okta-token');
  t.equal(r.redact('export OKTA_API_TOKEN=sandbox-okta-token'), 'export OKTA_API_TOKEN=[REDACTED]');
});

t.test('redactCredentials needs no Redactor: it scrubs what looks like a credential, and only that', async (t) => {
  t.equal(redactCredentials('Authorization: SSWS 00abcdefghijklmnop'), 'Authorization: SSWS [REDACTED]');
  t.equal(redactCredentials('{"refresh_token":"abcdefgh"}'), '{"refresh_token":"[REDACTED]"}');
  t.equal(redactCredentials('plain words stay'), 'plain words stay');
});
