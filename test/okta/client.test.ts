import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { UsageError } from '../../src/domain/errors.js';
import { Redactor } from '../../src/text/redact.js';
import { createOktaClient, normaliseOrgUrl } from '../../src/okta/client.js';
import { readOktaState } from '../../src/okta/reader.js';
import { desired, generatedOrg, startOkta, TOKEN } from './fixtures.js';
import { scratchDir } from '../helpers/scratch.js';

t.test('org URL: https, or http for loopback hosts only', async (t) => {
  const accepted: [string, string, string][] = [
    ['trailing slash stripped (G8)', 'https://acme.okta.com/', 'https://acme.okta.com'],
    ['several trailing slashes', 'https://acme.okta.com//', 'https://acme.okta.com'],
    ['loopback IPv4 over http', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['any 127/8 address', 'http://127.5.6.7:9', 'http://127.5.6.7:9'],
    ['localhost over http', 'http://localhost:3000', 'http://localhost:3000'],
    ['IPv6 loopback over http', 'http://[::1]:3000', 'http://[::1]:3000'],
  ];
  for (const [name, input, expected] of accepted) t.equal(normaliseOrgUrl(input), expected, name);
  const refused: [string, string][] = [
    ['a remote host over http', 'http://acme.okta.com'],
    ['a host that only starts like loopback', 'http://127.0.0.1.evil.example'],
    ['localhost as a subdomain', 'http://localhost.evil.example'],
    ['another scheme', 'ftp://acme.okta.com'],
    ['not a URL', 'acme.okta.com'],
    ['credentials in the URL', 'https://user:pw@acme.okta.com'],
  ];
  for (const [name, input] of refused) {
    t.throws(() => normaliseOrgUrl(input), UsageError, name);
    try {
      normaliseOrgUrl(input);
    } catch (err) {
      t.notMatch((err as Error).message, /\n/, `${name}: one line`);
    }
  }
});

t.test('credentials', async (t) => {
  t.throws(() => createOktaClient({ orgUrl: 'https://acme.okta.com' }), UsageError, 'none at all');
  const redactor = new Redactor();
  const redact = (text: string) => redactor.redact(text);
  const ssws = createOktaClient({ orgUrl: 'https://acme.okta.com', apiToken: 'ssws-secret-value-42' }, { secrets: redactor });
  t.equal(ssws.authMode, 'SSWS');
  t.equal(redact('token ssws-secret-value-42 here'), 'token [REDACTED] here', 'the token is registered for redaction');
  const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';
  const oauth = createOktaClient({ orgUrl: 'https://acme.okta.com', clientId: '0oaclient', privateKey: key, keyId: 'kid1' }, { secrets: redactor });
  t.equal(oauth.authMode, 'PrivateKey');
  t.notMatch(redact(`x ${key} y`), /MIIEvQIBADANBgkqhkiG9w0BAQEFAASC/, 'the key is registered for redaction');
  t.notMatch(redact('line MIIEvQIBADANBgkqhkiG9w0BAQEFAASC only'), /MIIEvQ/, 'and so is each line of it');
  const sdk = oauth.sdk as unknown as { scopes: string[]; keyId: string };
  t.same(sdk.scopes, ['okta.users.read', 'okta.groups.read', 'okta.apps.read'], 'least-privilege read scopes by default');
  t.equal(sdk.keyId, 'kid1');
});

t.test('OKTA_CLIENT_* variables, okta.yaml and HTTPS_PROXY change nothing', async (t) => {
  const h = await startOkta(generatedOrg(30, 5));
  t.teardown(() => h.close());
  const bogus: Record<string, string> = {
    OKTA_CLIENT_ORGURL: 'https://evil.example.com',
    OKTA_CLIENT_TOKEN: 'bogus-env-token',
    OKTA_CLIENT_AUTHORIZATIONMODE: 'PrivateKey',
    OKTA_CLIENT_CLIENTID: 'bogus-client',
    OKTA_CLIENT_SCOPES: 'okta.everything.manage',
    OKTA_CLIENT_PRIVATEKEY: 'bogus-key',
    OKTA_CLIENT_KEYID: 'bogus-kid',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
  };
  const saved = Object.fromEntries(Object.keys(bogus).map((k) => [k, process.env[k]]));
  const cwd = process.cwd();
  const dir = scratchDir(t, 'dbxsync-okta-yaml-');
  writeFileSync(join(dir, 'okta.yaml'), 'okta:\n  client:\n    orgUrl: https://yaml.example.com\n    token: yaml-token\n    userAgent: yaml-agent\n');
  t.teardown(() => {
    process.chdir(cwd);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  Object.assign(process.env, bogus);
  process.chdir(dir);

  const client = createOktaClient({ orgUrl: h.url, apiToken: TOKEN }, { sleep: h.clock.sleep, now: h.clock.now });
  const sdk = client.sdk as unknown as { baseUrl: string; authorizationMode: string; apiToken: string; http: { agent?: unknown; defaultHeaders: Record<string, string> } };
  t.equal(sdk.baseUrl, h.url, 'org URL as given');
  t.equal(sdk.authorizationMode, 'SSWS', 'auth mode as given');
  t.equal(sdk.apiToken, TOKEN, 'token as given');
  t.equal(sdk.http.agent, undefined, 'no proxy agent');
  t.notMatch(sdk.http.defaultHeaders['User-Agent'] ?? '', /yaml-agent/, 'okta.yaml user agent ignored');
  const state = await readOktaState(client, desired(), { dropboxMembers: [] });
  t.equal(state.assignments.length, 30, 'the read reached the sandbox directly');
  t.ok(h.http.calls(/okta GET/) > 0);
});

t.test('an explicit proxy is used for remote orgs only', async (t) => {
  const remote = createOktaClient({ orgUrl: 'https://acme.okta.com', apiToken: 'remote-token-123456' }, { httpsProxy: 'http://proxy.internal:3128' });
  t.ok((remote.sdk as unknown as { http: { agent?: unknown } }).http.agent, 'remote org: proxy agent set');
  const local = createOktaClient({ orgUrl: 'http://127.0.0.1:1', apiToken: 'local-token-123456' }, { httpsProxy: 'http://proxy.internal:3128' });
  t.equal((local.sdk as unknown as { http: { agent?: unknown } }).http.agent, undefined, 'loopback: never proxied');
});
