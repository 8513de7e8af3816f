/** The refresh-token login (DROPBOX_REFRESH_TOKEN + DROPBOX_APP_KEY + DROPBOX_APP_SECRET) works end to end. */
import t from 'tap';
import { run } from '../../src/cli/run.js';
import { createDropboxClient } from '../../src/dropbox/client.js';
import { readDropboxState } from '../../src/dropbox/reader.js';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { DEFAULT_DROPBOX_APP, startSandbox } from '../../src/sandbox/index.js';
import { captureIO } from '../helpers/io.js';

t.test('the SDK refreshes its token at /oauth2/token and reads the team', async (t) => {
  const sandbox = await startSandbox({ seed: demoSeed(new Date('2026-11-28T12:00:00Z')) });
  t.teardown(() => sandbox.close());
  const client = createDropboxClient({ apiUrl: sandbox.url, ...DEFAULT_DROPBOX_APP });
  const state = await readDropboxState(client);
  t.ok(state.members.length > 200);
  t.equal(sandbox.http.calls('dropbox oauth2/token'), 1, 'one refresh for the whole read');

  const bad = createDropboxClient({ apiUrl: sandbox.url, ...DEFAULT_DROPBOX_APP, refreshToken: 'WRONG-refresh-token-77' });
  await t.rejects(readDropboxState(bad));
});

t.test('plan with refresh-token credentials: works, and no credential is printed', async (t) => {
  const sandbox = await startSandbox({ seed: demoSeed(new Date('2026-11-28T12:00:00Z')) });
  t.teardown(() => sandbox.close());
  const { DROPBOX_TEAM_TOKEN: _unused, ...env } = sandbox.env();
  const io = captureIO({
    env: { ...env, DROPBOX_REFRESH_TOKEN: DEFAULT_DROPBOX_APP.refreshToken, DROPBOX_APP_KEY: DEFAULT_DROPBOX_APP.appKey, DROPBOX_APP_SECRET: DEFAULT_DROPBOX_APP.appSecret },
    now: '2026-11-28T12:00:00Z',
  });
  t.equal(await run(['plan', '--dir', 'desired-state'], io), 0, io.err());
  t.match(io.out(), /^Plan: /m);
  t.notMatch(io.out() + io.err(), DEFAULT_DROPBOX_APP.refreshToken);
  t.notMatch(io.out() + io.err(), DEFAULT_DROPBOX_APP.appSecret);
});
