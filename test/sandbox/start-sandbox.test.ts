import t from 'tap';
import { demoSeed, DEMO_ACCOUNTS, DEMO_APP_ID } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { DEFAULT_SANDBOX_TOKENS } from '../../src/sandbox/seed.js';

const NOW = new Date('2026-11-28T12:00:00Z');

t.test('one server answers both APIs, and env() tells dbxsync where', async (t) => {
  const sandbox = await startSandbox({ seed: demoSeed(NOW), clock: () => NOW });
  t.teardown(() => sandbox.close());
  t.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  t.same(sandbox.env(), {
    OKTA_ORG_URL: sandbox.url,
    OKTA_API_TOKEN: DEFAULT_SANDBOX_TOKENS.okta,
    DROPBOX_API_URL: sandbox.url,
    DROPBOX_TEAM_TOKEN: DEFAULT_SANDBOX_TOKENS.dropbox,
  });
  const env = sandbox.env();

  const okta = await fetch(`${env.OKTA_ORG_URL}/api/v1/apps/${DEMO_APP_ID}/users?limit=2`, {
    headers: { Authorization: `SSWS ${env.OKTA_API_TOKEN}`, Accept: 'application/json' },
  });
  t.equal(okta.status, 200, 'Okta: app users with the token');
  t.equal(((await okta.json()) as unknown[]).length, 2);

  const dropbox = await fetch(`${env.DROPBOX_API_URL}/2/team/token/get_authenticated_admin`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.DROPBOX_TEAM_TOKEN}` },
  });
  t.equal(dropbox.status, 200, 'Dropbox: the authenticated admin');
  t.match(await dropbox.json(), { admin_profile: { email: DEMO_ACCOUNTS.itAdmin } });

  t.equal(sandbox.http.calls(), 2, 'both calls counted by the one server');
  t.ok(sandbox.okta.users.size > 200, 'the Okta state is exposed');
});

t.test('tokens of its own, and a wrong token refused by each API', async (t) => {
  const tokens = { okta: 'test-okta-token-1234', dropbox: 'test-dropbox-token-5678' };
  const sandbox = await startSandbox({ seed: demoSeed(NOW), tokens, keepLog: true });
  t.teardown(() => sandbox.close());
  t.equal(sandbox.env().OKTA_API_TOKEN, tokens.okta);
  const okta = await fetch(`${sandbox.url}/api/v1/groups`, { headers: { Authorization: `SSWS ${DEFAULT_SANDBOX_TOKENS.okta}` } });
  t.equal(okta.status, 401);
  const dropbox = await fetch(`${sandbox.url}/2/team/token/get_authenticated_admin`, { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_SANDBOX_TOKENS.dropbox}` } });
  t.equal(dropbox.status, 401);
  t.same(
    sandbox.http.log.map((e) => e.status),
    [401, 401],
  );
});

t.test('faults and latency pass through to the HTTP core', async (t) => {
  const sandbox = await startSandbox({ seed: demoSeed(NOW), faults: { rate500: 1, routes: /^okta / }, latencyMs: 20 });
  t.teardown(() => sandbox.close());
  const started = Date.now();
  const okta = await fetch(`${sandbox.url}/api/v1/groups`, { headers: { Authorization: `SSWS ${DEFAULT_SANDBOX_TOKENS.okta}` } });
  t.equal(okta.status, 500, 'Okta routes faulted');
  t.ok(Date.now() - started >= 15, 'latency applied');
  const dropbox = await fetch(`${sandbox.url}/2/team/token/get_authenticated_admin`, { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_SANDBOX_TOKENS.dropbox}` } });
  t.equal(dropbox.status, 200, 'Dropbox routes not faulted');
});

t.test('a fixed port, and close() frees it', async (t) => {
  const first = await startSandbox({ seed: demoSeed(NOW) });
  const port = Number(new URL(first.url).port);
  await first.close();
  const second = await startSandbox({ seed: demoSeed(NOW), port });
  t.equal(second.url, `http://127.0.0.1:${port}`);
  await second.close();
  await t.rejects(fetch(`${second.url}/api/v1/groups`), 'nothing listens after close');
});
