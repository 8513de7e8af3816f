/**
 * Servers that never answer (issue 12 item 4): a listener that accepts and stays silent, one that
 * trickles a byte at a time, one that stalls mid-body; each ends the command with one line naming
 * the route and what timed out, within the request timeouts (DBXSYNC_HTTP_TIMEOUTS, short here)
 * or the command's --timeout. No wall-clock assertion: each run has its own deadline.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { Deadline, parseHttpTimeouts, runWithLimits } from '../../src/transport/http-timeouts.js';
import { createGitHubClient } from '../../src/github/client.js';
import { cli, demoSandbox, within } from '../helpers/hostile.js';


// Short enough to keep the file quick, long enough for a loaded machine's sandbox to answer in time.
const SHORT = { DBXSYNC_HTTP_TIMEOUTS: 'headers=3s,idle=2s,total=4s' };

const CASES = [
  {
    name: 'an Okta server that accepts and stays silent',
    rule: { routes: /^okta GET \/api\/v1\/groups$/, silent: true },
    env: SHORT,
    line: /^dbxsync plan: okta GET \/api\/v1\/groups: no answer within 3 s \(connecting and waiting for the headers\); see DBXSYNC_HTTP_TIMEOUTS \(timeout\)$/,
  },
  {
    name: 'a Dropbox server that trickles a byte every 200 ms',
    rule: { routes: /^dropbox team\/members\/list_v2$/, trickleMs: 200 },
    env: SHORT,
    line: /^dbxsync plan: dropbox team\/members\/list_v2: the answer took longer than 4 s \(it was still arriving\); see DBXSYNC_HTTP_TIMEOUTS \(timeout\)$/,
  },
  {
    name: 'a Dropbox server that stalls after its headers',
    rule: { routes: /^dropbox team\/groups\/list$/, trickleMs: 20_000 },
    env: SHORT,
    line: /^dbxsync plan: dropbox team\/groups\/list: the answer stalled: nothing for 2 s while reading the body; see DBXSYNC_HTTP_TIMEOUTS \(timeout\)$/,
  },
  {
    name: 'a silent Okta server, under --timeout with the default request timeouts',
    rule: { routes: /^okta GET \/api\/v1\/apps\/\{id\}\/users$/, silent: true },
    env: {},
    args: ['--timeout', '1s'],
    line: /^dbxsync plan: okta GET \/api\/v1\/apps\/\{id\}\/users: stopped after 1 s \(--timeout 1s\) while reading live state \(Okta and Dropbox\), at okta GET \/api\/v1\/apps\/\{id\}\/users \(deadline\)$/,
  },
];

for (const c of CASES) {
  t.test(`plan ends on ${c.name}, in one line`, async (t) => {
    const sandbox = await demoSandbox(t, { hostile: [c.rule] });
    const { code, out, err } = await within(20_000, 'plan', cli(['plan', ...(c.args ?? [])], sandbox, c.env));
    t.equal(code, 1);
    t.equal(out, '');
    t.equal(err.trimEnd().split('\n').length, 1, err);
    t.match(err.trimEnd(), c.line);
  });
}

t.test('apply stops at its --timeout while applying, saying so, and the next plan still shows what is left', async (t) => {
  const sandbox = await demoSandbox(t, { hostile: [{ routes: /^dropbox team\/members\/add_v2$/, silent: true }] });
  const { code, out, err } = await within(30_000, 'apply', cli(['apply', '--auto-approve', '--timeout', '2s'], sandbox));
  t.equal(code, 1);
  t.match(out, /member\.add \S+: deadline: stopped after 2 s \(--timeout 2s\) while applying the plan, at dropbox team\/members\/add_v2\n/);
  t.match(out, /Apply complete: \d+ applied, \d+ failed/, 'the summary is written');
  t.match(err, /actions failed/);
  sandbox.http.hostile = [];
  const again = await within(20_000, 'plan', cli(['plan', '--format', 'json'], sandbox));
  t.ok((JSON.parse(again.out) as { summary: Record<string, number> }).summary['member.add']! > 0, 'the adds are still planned');
});

t.test('--timeout is read as a duration and shown in --help of the commands that talk to the APIs', async (t) => {
  const sandbox = await demoSandbox(t);
  const bad = await cli(['plan', '--timeout', 'soon'], sandbox);
  t.equal(bad.code, 1);
  t.equal(bad.err, 'dbxsync plan: --timeout must be a duration such as 90s, 30m or 2h: "soon"\n');
  for (const [command, fallback] of [['plan', '15m'], ['apply', '2h'], ['reconcile', '1h'], ['import', '1h'], ['dump', '15m'], ['explain', '15m']]) {
    const help = await cli([command!, '--help'], sandbox);
    t.match(help.out, `--timeout DURATION`, command);
    t.match(help.out, `(default ${fallback};`, command);
  }
  const env = await cli(['plan'], sandbox, { DBXSYNC_HTTP_TIMEOUTS: 'headers=fast' });
  t.match(env.err, /^dbxsync plan: DBXSYNC_HTTP_TIMEOUTS must read like headers=60s,idle=30s,total=5m: "headers=fast"\n$/);
  t.same(parseHttpTimeouts('idle=2s'), { headersMs: 60_000, idleMs: 2_000, totalMs: 300_000 });
});

t.test('GitHub: a silent server ends the call with one line, and so does the deadline', async (t) => {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createGitHubClient({ token: 'ghp_timeoutTest000111222', apiUrl, owner: 'acme', repo: 'dstate', userAgent: 'test', retry: { delaysMs: [], maxRetryAfterMs: 1 } });
  const timeouts = { headersMs: 300, idleMs: 300, totalMs: 1000 };
  await t.rejects(within(10_000, 'GET pull', runWithLimits({ deadline: null, timeouts }, () => client.pullRequestHeadSha(3))), {
    name: 'RemoteError',
    service: 'github',
    code: 'timeout',
    message: 'no answer within 300 ms (connecting and waiting for the headers); see DBXSYNC_HTTP_TIMEOUTS',
  });
  const deadline = new Deadline(300, '--timeout 300ms', 'posting the comment');
  t.teardown(() => deadline.dispose());
  await t.rejects(within(10_000, 'GET pull', runWithLimits({ deadline, timeouts: { headersMs: 60_000, idleMs: 60_000, totalMs: 60_000 } }, () => client.pullRequestHeadSha(3))), {
    code: 'deadline',
    message: /^stopped after 300 ms \(--timeout 300ms\) while posting the comment, at github GET \/repos\/acme\/dstate\/pulls\/3$/,
  });
});
