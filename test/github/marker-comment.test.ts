import t, { type Test } from 'tap';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { ACTIONS_BOT_LOGIN, findMarkerComment, resolveAuthor, upsertMarkerComment } from '../../src/github/marker-comment.js';
import { FakeGitHub } from './fake-github.js';

const TOKEN = 'ghp_markerTestToken000111';
const MARK = '<!-- test:mark -->';

async function start(t: Test, options: Partial<ConstructorParameters<typeof FakeGitHub>[0]> = {}): Promise<{ github: FakeGitHub; client: GitHubClient; slept: number[] }> {
  const github = await new FakeGitHub({ token: TOKEN, ...options }).start();
  t.teardown(() => github.stop());
  const slept: number[] = [];
  const client = createGitHubClient({
    token: TOKEN,
    apiUrl: `${github.apiUrl}/`,
    owner: 'acme',
    repo: 'dstate',
    userAgent: 'dbxsync-test',
    retry: { delaysMs: [5, 10], maxRetryAfterMs: 50 },
    sleep: async (ms) => void slept.push(ms),
  });
  return { github, client, slept };
}

t.test('the marked comment is the oldest one by the author; a ghost author never matches', async (t) => {
  const { github, client } = await start(t);
  const [, first, second] = github.seed(
    3,
    { body: `${MARK} by a deleted account`, user: { login: 'ghost', type: 'User' } },
    { body: `${MARK} first`, user: { login: 'Robot[bot]', type: 'Bot' } },
    { body: `${MARK} second`, user: { login: 'robot[bot]', type: 'Bot' } },
  );
  t.equal((await findMarkerComment(client, 3, MARK, 'robot[bot]'))?.id, first!.id, 'logins compare case-insensitively; the oldest wins');
  t.equal(await findMarkerComment(client, 3, MARK, 'someone-else'), null);
  t.equal(await findMarkerComment(client, 4, MARK, 'robot[bot]'), null, 'a pull request without comments');
  t.ok(second);
});

t.test('who posts: --author, else GET /user, else the Actions bot', async (t) => {
  const installation = await start(t);
  t.equal(await resolveAuthor(installation.client, undefined), ACTIONS_BOT_LOGIN, 'GET /user is 403 for installation tokens');
  t.equal(await resolveAuthor(installation.client, '  my-app[bot] '), 'my-app[bot]');
  t.equal(await resolveAuthor(installation.client, ''), ACTIONS_BOT_LOGIN, 'an empty --author is no override');
  const personal = await start(t, { login: 'octo-robot', userEndpoint: 'login' });
  t.equal(await resolveAuthor(personal.client, undefined), 'octo-robot');
});

t.test('a server error on GET /user is retried, then reported', async (t) => {
  const { github, client, slept } = await start(t);
  github.faults.push({ method: 'GET', path: /^\/user$/, status: 500 });
  await t.rejects(client.authenticatedLogin(), { name: 'RemoteError', service: 'github', status: 500, route: 'GET /user', retryable: true });
  t.same(slept, [5, 10]);
});

t.test('upsert: create, update, unchanged', async (t) => {
  const { github, client } = await start(t);
  const request = { issue: 9, marker: MARK, author: ACTIONS_BOT_LOGIN };
  t.equal((await upsertMarkerComment(client, { ...request, body: `${MARK} one` })).action, 'created');
  t.equal((await upsertMarkerComment(client, { ...request, body: `${MARK} two` })).action, 'updated');
  t.equal((await upsertMarkerComment(client, { ...request, body: `${MARK} two` })).action, 'unchanged');
  t.same(github.comments.get(9)!.map((c) => c.body), [`${MARK} two`]);
});

t.test('errors of the other calls', async (t) => {
  const { github, client } = await start(t);
  github.faults.push({ method: 'GET', path: /\/pulls\/5$/, status: 404, times: 1 });
  await t.rejects(client.pullRequestHeadSha(5), { status: 404, message: /pull request #5 of acme\/dstate not found/ });
  github.faults.push({ method: 'GET', path: /\/pulls\/5$/, status: 422, message: 'Validation Failed' });
  await t.rejects(client.pullRequestHeadSha(5), { status: 422, message: 'GitHub answered HTTP 422: Validation Failed', requestId: /^REQ-/ });
  github.faults.push({ method: 'GET', path: /\/comments$/, status: 403, message: 'Resource not accessible by integration' });
  await t.rejects(findMarkerComment(client, 1, MARK, 'x'), { status: 403, message: /may not read the comments of pull request #1/ });
  await t.rejects(client.updateIssueComment(123456, 'x'), { status: 404, message: 'comment 123456 of acme/dstate not found (HTTP 404)' });
  github.faults.push({ method: 'POST', path: /\/comments$/, status: 404, times: 1 });
  await t.rejects(client.createIssueComment(1, 'x'), { status: 404, message: /pull request #1 or repository acme\/dstate not found/ });
  github.faults.push({ method: 'POST', path: /\/comments$/, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' } });
  await t.rejects(client.createIssueComment(1, 'x'), { status: 403, message: "GitHub's API rate limit for this token is used up (HTTP 403); it resets at 2027-01-15T08:00:00.000Z" });
});
