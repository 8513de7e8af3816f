/** OAuth private-key JWT (OKTA_CLIENT_ID + OKTA_PRIVATE_KEY) through the SDK against the sandbox's token endpoint. */
import { generateKeyPairSync } from 'node:crypto';
import t from 'tap';
import { RemoteError } from '../../src/domain/errors.js';
import { createOktaClient, OKTA_IMPORT_SCOPES } from '../../src/okta/client.js';
import { readOktaState } from '../../src/okta/reader.js';
import { createOktaWriter } from '../../src/okta/writer.js';
import { createOktaApi } from '../../src/sandbox/okta/api.js';
import { SandboxHttp } from '../../src/sandbox/http.js';
import { APP_ID, desired, fakeClock, generatedOrg, TOKEN, userId } from './fixtures.js';

const CLIENT_ID = '0oaservice1app2dbxsync';

function keyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

t.test('private-key JWT', async (t) => {
  const { publicKey, privateKey } = keyPair();
  const clock = fakeClock();
  const { api, oauthApi } = createOktaApi(generatedOrg(40, 5), {
    token: TOKEN,
    clock: clock.date,
    serviceApp: { clientId: CLIENT_ID, publicKey, grantedScopes: OKTA_IMPORT_SCOPES },
  });
  const http = new SandboxHttp([api, oauthApi]);
  const url = await http.listen();
  t.teardown(() => http.close());
  const options = { sleep: clock.sleep, now: clock.now };

  const reader = createOktaClient({ orgUrl: url, clientId: CLIENT_ID, privateKey, keyId: 'key-1' }, options);
  const state = await readOktaState(reader, desired(), { dropboxMembers: [] });
  t.equal(state.assignments.length, 40, 'reads with the default read-only scopes');
  t.equal(http.calls('okta POST /oauth2/v1/token'), 1, 'one token for the whole read');

  const readOnlyWriter = createOktaWriter(reader);
  const refused = await readOnlyWriter.updateUserProfile(userId(1), { nickName: 'x' }).then(
    () => null,
    (e: unknown) => e,
  );
  t.type(refused, RemoteError);
  t.match(refused, { status: 403, code: 'E0000006' }, 'read scopes cannot write');

  const importer = createOktaClient({ orgUrl: url, clientId: CLIENT_ID, privateKey, scopes: OKTA_IMPORT_SCOPES }, options);
  const { user } = await createOktaWriter(importer).updateUserProfile(userId(1), { nickName: 'Ok' });
  t.equal(user.profile['nickName'], 'Ok', 'import scopes can write');
  await createOktaWriter(importer).assignUserToApp(APP_ID, userId(2), 'user2@acme-robotics.example');
});

t.test('a key the app does not have: 401, and the key is in no error', async (t) => {
  const registered = keyPair();
  const other = keyPair();
  const clock = fakeClock();
  const { api, oauthApi } = createOktaApi(generatedOrg(5, 5), { token: TOKEN, clock: clock.date, serviceApp: { clientId: CLIENT_ID, publicKey: registered.publicKey } });
  const http = new SandboxHttp([api, oauthApi]);
  const url = await http.listen();
  t.teardown(() => http.close());
  const client = createOktaClient({ orgUrl: url, clientId: CLIENT_ID, privateKey: other.privateKey }, { sleep: clock.sleep, now: clock.now });
  const err = await readOktaState(client, desired(), { dropboxMembers: [] }).then(
    () => null,
    (e: unknown) => e,
  );
  t.type(err, RemoteError);
  // G12: the SDK would swallow the token endpoint's error; the client surfaces Okta's OAuth error instead.
  t.match(err, { code: 'invalid_client', route: 'POST /oauth2/v1/token', message: /signature is invalid/ });
  t.equal(http.calls(/okta GET/), 0, 'no API call went out with "Bearer undefined"');
  const keyLine = other.privateKey.split('\n')[1]!;
  const e = err as Error & { cause?: Error };
  for (const text of [String(err), e.message, JSON.stringify(err), String(e.stack), String(e.cause?.stack)]) t.notOk(text.includes(keyLine), 'no key material');
});
