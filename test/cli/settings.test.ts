import t from 'tap';
import { dropboxSettingsFromEnv, oktaSettingsFromEnv, registerEnvSecrets } from '../../src/cli/settings.js';
import { Redactor } from '../../src/text/redact.js';

t.test('okta: an API token wins', async (t) => {
  const s = oktaSettingsFromEnv({ OKTA_ORG_URL: 'https://acme.okta.com', OKTA_API_TOKEN: '00-secret-okta-token-xyz' });
  t.same(s, { orgUrl: 'https://acme.okta.com', apiToken: '00-secret-okta-token-xyz' });
});

t.test('every secret variable of the environment is registered with the run\'s Redactor, used or not', async (t) => {
  const env = {
    OKTA_API_TOKEN: '00-secret-okta-token-xyz',
    OKTA_PRIVATE_KEY: 'private-key-body-123',
    DROPBOX_TEAM_TOKEN: 'sl.team-token-456',
    DROPBOX_REFRESH_TOKEN: 'refresh-token-789',
    DROPBOX_APP_SECRET: 'app-secret-abc',
    GITHUB_TOKEN: 'ghp_github-token-def',
    OKTA_ORG_URL: 'https://acme.okta.com',
  };
  const redactor = new Redactor();
  registerEnvSecrets(env, redactor);
  const said = Object.values(env).join(' ');
  t.equal(redactor.redact(said), `${'[REDACTED] '.repeat(6)}https://acme.okta.com`);
});

t.test('okta: private key JWT needs client id and key', async (t) => {
  t.same(oktaSettingsFromEnv({ OKTA_ORG_URL: 'https://a.okta.com', OKTA_CLIENT_ID: '0oaclient', OKTA_PRIVATE_KEY: 'PEMDATA123', OKTA_KEY_ID: 'kid1' }), {
    orgUrl: 'https://a.okta.com',
    clientId: '0oaclient',
    privateKey: 'PEMDATA123',
    keyId: 'kid1',
  });
  t.throws(() => oktaSettingsFromEnv({ OKTA_ORG_URL: 'https://a.okta.com', OKTA_CLIENT_ID: '0oaclient' }), /OKTA_PRIVATE_KEY is not/);
});

t.test('okta: missing org url or credentials is one clear line', async (t) => {
  t.throws(() => oktaSettingsFromEnv({}), /OKTA_ORG_URL is not set/);
  t.throws(() => oktaSettingsFromEnv({ OKTA_ORG_URL: 'https://a.okta.com' }), /no Okta credentials/);
});

t.test('dropbox: team token, or the full refresh-token triple', async (t) => {
  t.same(dropboxSettingsFromEnv({ DROPBOX_TEAM_TOKEN: 'sl.team-token-123' }), { accessToken: 'sl.team-token-123' });
  t.same(dropboxSettingsFromEnv({ DROPBOX_API_URL: 'http://127.0.0.1:1', DROPBOX_REFRESH_TOKEN: 'rt-123456', DROPBOX_APP_KEY: 'key', DROPBOX_APP_SECRET: 'secret-123456' }), {
    apiUrl: 'http://127.0.0.1:1',
    refreshToken: 'rt-123456',
    appKey: 'key',
    appSecret: 'secret-123456',
  });
  t.throws(() => dropboxSettingsFromEnv({ DROPBOX_REFRESH_TOKEN: 'rt-123456' }), /DROPBOX_APP_KEY, DROPBOX_APP_SECRET not set/);
  t.throws(() => dropboxSettingsFromEnv({}), /no Dropbox credentials/);
});
