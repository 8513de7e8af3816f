/**
 * No token off-origin (issue 12 item 2): a `next` link or a redirect that names another host or
 * port is refused with one line, and nothing — no request, no Authorization header — reaches the
 * other listener. Okta paginates with the Link header's cursor (/tmp/okta-mgmt.yaml:60335
 * queryAfter, used by /api/v1/groups at :12757); Dropbox has no
 * links, but the SDK knows other hosts than DROPBOX_API_URL and fetch follows redirects; GitHub
 * paginates with Link headers too.
 */
import t from 'tap';
import { createDropboxClient } from '../../src/dropbox/client.js';
import { createGitHubClient } from '../../src/github/client.js';
import { FakeGitHub } from '../github/fake-github.js';
import { cli, demoSandbox, startTrap } from '../helpers/hostile.js';

const OKTA_LISTINGS = [
  ['the SDK listing of groups', /^okta GET \/api\/v1\/groups$/],
  ["the SDK listing of the app's groups", /^okta GET \/api\/v1\/apps\/\{id\}\/groups$/],
  ["the raw listing of the app's users", /^okta GET \/api\/v1\/apps\/\{id\}\/users$/],
  ["the raw listing of a group's members", /^okta GET \/api\/v1\/groups\/\{id\}\/users$/],
] as const;

for (const [name, routes] of OKTA_LISTINGS) {
  t.test(`plan refuses a next link to another port in ${name}, and sends it nothing`, async (t) => {
    const trap = await startTrap(t);
    const sandbox = await demoSandbox(t, { hostile: [{ routes, nextLinkOrigin: trap.origin }] });
    const { code, out, err } = await cli(['plan'], sandbox);
    t.equal(code, 1);
    t.equal(out, '');
    const lines = err.trimEnd().split('\n');
    t.equal(lines.length, 1, err);
    t.match(lines[0], `refused to follow GET `);
    t.match(lines[0], `to ${trap.origin}: dbxsync sends requests and its credentials only to OKTA_ORG_URL (${sandbox.url})`);
    t.match(lines[0], 'foreign_origin');
    t.same(trap.requests, [], 'no request reached the other listener');
  });
}

t.test('an Okta redirect to another port is not followed', async (t) => {
  const trap = await startTrap(t);
  const sandbox = await demoSandbox(t, { hostile: [{ routes: /^okta GET \/api\/v1\/groups$/, redirectTo: trap.origin }] });
  const { code, err } = await cli(['plan'], sandbox);
  t.equal(code, 1);
  t.equal(err.trimEnd().split('\n').length, 1, err);
  t.match(err, 'HTTP 307');
  t.same(trap.requests, []);
});

t.test('Dropbox: a redirect to another port is not followed, and no other host is called', async (t) => {
  const trap = await startTrap(t);
  const sandbox = await demoSandbox(t, { hostile: [{ routes: /^dropbox team\/groups\/list$/, redirectTo: trap.origin }] });
  const { code, err } = await cli(['plan'], sandbox);
  t.equal(code, 1);
  t.equal(err.trimEnd().split('\n').length, 1, err);
  t.match(err, `team/groups/list with a redirect to ${trap.origin}, which dbxsync does not follow`);
  t.same(trap.requests, [], 'the redirect was an answer, not a request to the trap');

  // The SDK sends files/download to content.dropboxapi.com: not DROPBOX_API_URL, so never called.
  const client = createDropboxClient({ apiUrl: sandbox.url, accessToken: sandbox.env().DROPBOX_TEAM_TOKEN! });
  await t.rejects(client.filesDownload({ path: '/x' }), {
    name: 'RemoteError',
    code: 'foreign_origin',
    message: `refused to follow files/download to https://content.dropboxapi.com: dbxsync sends requests and its credentials only to DROPBOX_API_URL (${sandbox.url})`,
  });
});

t.test('GitHub: a next link to another port is refused at once (no retry), and the other port sees nothing', async (t) => {
  const trap = await startTrap(t);
  const token = 'ghp_originTestToken0001112';
  const github = await new FakeGitHub({ token, perPage: 1, linkOrigin: trap.origin }).start();
  t.teardown(() => github.stop());
  github.seed(5, { body: 'one', user: { login: 'a', type: 'User' } }, { body: 'two', user: { login: 'b', type: 'User' } });
  const slept: number[] = [];
  const client = createGitHubClient({ token, apiUrl: github.apiUrl, owner: 'acme', repo: 'dstate', userAgent: 'test', retry: { delaysMs: [1, 1], maxRetryAfterMs: 1 }, sleep: async (ms) => void slept.push(ms) });
  const read: string[] = [];
  await t.rejects(
    (async () => {
      for await (const c of client.issueComments(5)) read.push(c.body);
    })(),
    { name: 'RemoteError', service: 'github', code: 'foreign_origin', message: new RegExp(`to ${trap.origin}: dbxsync sends requests and its credentials only to GITHUB_API_URL`) },
  );
  t.same(read, ['one'], 'the first page, on the API origin, was read');
  t.same(slept, [], 'a refusal is not retried');
  t.same(trap.requests, []);
});
