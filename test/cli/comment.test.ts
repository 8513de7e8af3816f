import { cpSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { renderJson } from '../../src/render/json.js';
import { PLAN_MARKER } from '../../src/github/comment-body.js';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { mixedPlan, oversizedPlan } from '../fixtures/plans/index.js';
import { FakeGitHub, type FakeGitHubOptions } from '../github/fake-github.js';
import { captureIO } from '../helpers/io.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const TOKEN = 'ghs_RecognisableTestToken0123456789abcdef';
const SECOND = `sha256:${'5e'.repeat(32)}`;
const HEAD = '0123456789abcdef0123456789abcdef01234567';
const PR = 7;
const REPO = REPO_ROOT;

interface Setup {
  readonly github: FakeGitHub;
  readonly dir: string;
  readonly env: Record<string, string>;
  comment(...args: string[]): Promise<{ code: number; out: string; err: string }>;
}

async function setup(t: Test, options: Partial<FakeGitHubOptions> = {}, event: unknown = null): Promise<Setup> {
  const github = await new FakeGitHub({ token: TOKEN, ...options }).start();
  const dir = await mkdtemp(path.join(tmpdir(), 'dbxsync-comment-'));
  t.teardown(async () => {
    await github.stop();
    await rm(dir, { recursive: true, force: true });
  });
  await writeFile(path.join(dir, 'plan.json'), renderJson(mixedPlan));
  const pullRequestEvent = event ?? {
    pull_request: { number: PR, head: { sha: HEAD, repo: { full_name: 'acme/dstate' } }, base: { repo: { full_name: 'acme/dstate' } } },
  };
  await writeFile(path.join(dir, 'event.json'), JSON.stringify(pullRequestEvent));
  const env = {
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: 'acme/dstate',
    GITHUB_API_URL: github.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: dir,
  };
  return {
    github,
    dir,
    env,
    async comment(...args) {
      const io = captureIO({ env, cwd: dir });
      const code = await run(['comment', ...args], io);
      return { code, out: io.out(), err: io.err() };
    },
  };
}

function bodies(github: FakeGitHub): string[] {
  return (github.comments.get(PR) ?? []).map((c) => c.body);
}

t.test('first run creates the comment, the second updates the same one', async (t) => {
  const s = await setup(t);
  const first = await s.comment('--plan', 'plan.json');
  t.equal(first.code, 0, first.err);
  t.match(first.out, /^created the plan comment on pull request #7: https:\/\/github\.example\/acme\/dstate\/pull\/7#issuecomment-\d+\n$/);
  t.equal(bodies(s.github).length, 1);
  const body = bodies(s.github)[0]!;
  t.ok(body.startsWith(`${PLAN_MARKER}\n`), 'the marker comes first');
  t.match(body, mixedPlan.fingerprint, 'the fingerprint');
  t.match(body, `head ${HEAD}`, 'the head commit');
  t.match(body, '[workflow run](https://github.example/acme/dstate/actions/runs/4242)', 'a link to the run');

  await writeFile(path.join(s.dir, 'plan.json'), renderJson({ ...mixedPlan, fingerprint: SECOND }));
  const second = await s.comment('--plan', 'plan.json');
  t.equal(second.code, 0, second.err);
  t.match(second.out, /^updated the plan comment on pull request #7/);
  t.equal(bodies(s.github).length, 1, 'still one comment');
  t.match(bodies(s.github)[0], SECOND);
  t.same(
    s.github.requests.filter((r) => r.method !== 'GET').map((r) => r.method),
    ['POST', 'PATCH'],
  );

  const third = await s.comment('--plan', 'plan.json');
  t.match(third.out, /^the plan comment on pull request #7 is already current: https:/, 'the same body is not written again');
  t.equal(s.github.requests.filter((r) => r.method === 'PATCH').length, 1);
});

t.test('other people and other bots keep their comments, marked or not', async (t) => {
  const s = await setup(t);
  const [human, otherBot, quoting] = s.github.seed(
    PR,
    { body: 'looks good', user: { login: 'octocat', type: 'User' } },
    { body: `${PLAN_MARKER}\nanother tool's plan`, user: { login: 'other-app[bot]', type: 'Bot' } },
    { body: `> ${PLAN_MARKER}\n> quoted`, user: { login: 'octocat', type: 'User' } },
  );
  t.equal((await s.comment('--plan', 'plan.json')).code, 0);
  t.equal((await s.comment('--plan', 'plan.json', '--redact-emails')).code, 0);
  const list = s.github.comments.get(PR)!;
  t.equal(list.length, 4, 'exactly one comment added');
  t.equal(list[0]!.body, human!.body);
  t.equal(list[1]!.body, `${PLAN_MARKER}\nanother tool's plan`);
  t.equal(list[2]!.body, quoting!.body);
  t.equal(list[3]!.user.login, 'github-actions[bot]');
  t.notMatch(list[3]!.body, /@acme-robotics|@example/, 'the second run redacted the emails');
  t.equal(otherBot!.user.login, 'other-app[bot]');
});

t.test('the marked comment is found past the first page of comments', async (t) => {
  const s = await setup(t, { perPage: 100 });
  s.github.seed(PR, ...Array.from({ length: 230 }, (_, i) => ({ body: `chatter ${i}`, user: { login: 'octocat', type: 'User' as const } })));
  t.equal((await s.comment('--plan', 'plan.json')).code, 0);
  t.equal((await s.comment('--plan', 'plan.json', '--pr', String(PR))).code, 0);
  const ours = s.github.comments.get(PR)!.filter((c) => c.body.startsWith(PLAN_MARKER));
  t.equal(ours.length, 1, 'updated, not duplicated');
  const pages = s.github.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).map((r) => new URLSearchParams(r.query).get('page') ?? '1');
  t.same(pages, ['1', '2', '3', '1', '2', '3']);
});

t.test('a personal token: its own login is the author, read from GET /user', async (t) => {
  const s = await setup(t, { login: 'release-robot', userEndpoint: 'login' });
  s.github.seed(PR, { body: `${PLAN_MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' } });
  t.equal((await s.comment('--plan', 'plan.json')).code, 0);
  t.equal((await s.comment('--plan', 'plan.json')).code, 0);
  const list = s.github.comments.get(PR)!;
  t.equal(list.length, 2);
  t.equal(list[0]!.body, `${PLAN_MARKER}\nold`, "the Actions bot's comment is not this token's");
  t.equal(list[1]!.user.login, 'release-robot');
});

t.test('--author names the GitHub App identity whose comment is updated', async (t) => {
  const s = await setup(t, { login: 'dbxsync-app[bot]' });
  s.github.seed(PR, { body: `${PLAN_MARKER}\nold`, user: { login: 'dbxsync-app[bot]', type: 'Bot' } });
  const result = await s.comment('--plan', 'plan.json', '--author', 'dbxsync-app[bot]');
  t.equal(result.code, 0, result.err);
  t.equal(s.github.comments.get(PR)!.length, 1);
  t.notOk(s.github.requests.some((r) => r.path === '/user'), 'no identity lookup when --author is given');
});

t.test('GitHub Enterprise Server: GITHUB_API_URL with its /api/v3 prefix is honoured', async (t) => {
  const s = await setup(t, { prefix: '/api/v3' });
  t.match(s.github.apiUrl, /\/api\/v3$/);
  t.equal((await s.comment('--plan', 'plan.json')).code, 0, 'the fake answers 404 outside /api/v3');
  t.equal(bodies(s.github).length, 1);
  s.env.GITHUB_API_URL = s.github.apiUrl.replace(/\/api\/v3$/, '');
  const wrong = await s.comment('--plan', 'plan.json');
  t.equal(wrong.code, 1, 'without the prefix the calls miss the API');
});

t.test('errors are one clear line, exit 1, and never show the token', async (t) => {
  const cases: { name: string; fault: { method: string; path: RegExp; status: number; message?: string }; expect: RegExp }[] = [
    {
      name: 'a pull request from a fork: the token is read-only (403)',
      fault: { method: 'POST', path: /\/comments$/, status: 403, message: 'Resource not accessible by integration' },
      expect: /^dbxsync comment: github POST \/repos\/acme\/dstate\/issues\/7\/comments: the token may not comment on pull request #7 of acme\/dstate \(HTTP 403: Resource not accessible by integration\); pull requests from forks get a read-only GITHUB_TOKEN.*\(HTTP 403, request id REQ-\d+\)\n$/,
    },
    {
      name: 'a pull request or repository that does not exist (404)',
      fault: { method: 'GET', path: /\/comments$/, status: 404, message: 'Not Found' },
      expect: /^dbxsync comment: github GET \/repos\/acme\/dstate\/issues\/7\/comments: pull request #7 or repository acme\/dstate not found, or the token cannot see it \(HTTP 404\)/,
    },
    {
      name: 'GitHub keeps failing (502): retried, then given up',
      fault: { method: 'GET', path: /\/comments$/, status: 502, message: 'Server Error' },
      expect: /^dbxsync comment: github GET .*: GitHub answered with a server error after retries \(HTTP 502: Server Error\); try again later/,
    },
    {
      name: 'a token GitHub refuses (401)',
      fault: { method: 'GET', path: /\/comments$/, status: 401, message: 'Bad credentials' },
      expect: /GitHub refused the token \(HTTP 401: Bad credentials\); check GITHUB_TOKEN/,
    },
    {
      name: 'comment editing forbidden (403 on update)',
      fault: { method: 'PATCH', path: /\/comments\/\d+$/, status: 403 },
      expect: /^dbxsync comment: github PATCH \/repos\/acme\/dstate\/issues\/comments\/\d+: the token may not edit comment/,
    },
  ];
  for (const c of cases) {
    const s = await setup(t);
    if (c.fault.method === 'PATCH') s.github.seed(PR, { body: `${PLAN_MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' } });
    s.github.faults.push({ ...c.fault, headers: { 'retry-after': '0' } });
    const result = await s.comment('--plan', 'plan.json');
    t.equal(result.code, 1, c.name);
    t.match(result.err, c.expect, c.name);
    t.equal(result.err.split('\n').length, 2, `${c.name}: one line`);
    t.notMatch(result.err + result.out, TOKEN, `${c.name}: no token`);
  }
});

t.test('a passing server error (503) is retried and the comment posted', async (t) => {
  const s = await setup(t);
  s.github.faults.push({ method: 'POST', path: /\/comments$/, status: 503, times: 2, headers: { 'retry-after': '0' } });
  const result = await s.comment('--plan', 'plan.json');
  t.equal(result.code, 0, result.err);
  t.equal(bodies(s.github).length, 1);
  t.equal(s.github.requests.filter((r) => r.method === 'POST').length, 3);
});

t.test('GitHub unreachable: a clear line naming the API URL', async (t) => {
  const s = await setup(t);
  await s.github.stop();
  s.env.GITHUB_API_URL = 'http://127.0.0.1:9';
  const io = captureIO({ env: { ...s.env, GITHUB_API_URL: 'http://127.0.0.1:9' }, cwd: s.dir });
  t.equal(await run(['comment', '--plan', 'plan.json', '--author', 'x[bot]'], io), 1);
  t.match(io.err(), /could not reach GitHub at http:\/\/127\.0\.0\.1:9/);
});

t.test('every connection dropped without an answer: two retries, then the clear line, nothing posted', async (t) => {
  const s = await setup(t);
  s.github.faults.push({ method: 'GET', path: /\/comments$/, status: 'drop' });
  const result = await s.comment('--plan', 'plan.json', '--author', 'x[bot]');
  t.equal(result.code, 1);
  t.match(result.err, new RegExp(`^dbxsync comment: github GET .*: could not reach GitHub at ${s.github.apiUrl.replace(/\./g, '\\.')} `));
  t.same(
    s.github.requests.map((r) => `${r.method} ${r.path}`),
    Array(3).fill(`GET /repos/acme/dstate/issues/${PR}/comments`),
    'the listing tried once and retried twice (DEFAULT_RETRY_SCHEDULE), no more',
  );
  t.equal(bodies(s.github).length, 0);
});

t.test('the job summary gets the same text as the comment', async (t) => {
  const s = await setup(t);
  const summary = path.join(s.dir, 'summary.md');
  await writeFile(summary, '## earlier step\n');
  s.env.GITHUB_STEP_SUMMARY = summary;
  t.equal((await s.comment('--plan', 'plan.json')).code, 0);
  const written = await readFile(summary, 'utf8');
  t.ok(written.startsWith('## earlier step\n'), 'appended, not overwritten');
  t.equal(written.slice('## earlier step\n'.length), bodies(s.github)[0]!.endsWith('\n') ? bodies(s.github)[0] : `${bodies(s.github)[0]}\n`);
});

t.test('a fork: the summary is written even though the comment is refused', async (t) => {
  const s = await setup(t, {}, {
    pull_request: { number: PR, head: { sha: HEAD, repo: { full_name: 'stranger/dstate' } }, base: { repo: { full_name: 'acme/dstate' } } },
  });
  s.env.GITHUB_STEP_SUMMARY = path.join(s.dir, 'summary.md');
  s.github.faults.push({ method: 'POST', path: /\/comments$/, status: 403, message: 'Resource not accessible by integration' });
  const result = await s.comment('--plan', 'plan.json');
  t.equal(result.code, 1);
  t.match(result.err, /pull requests from forks get a read-only GITHUB_TOKEN/);
  t.match(await readFile(s.env.GITHUB_STEP_SUMMARY, 'utf8'), mixedPlan.fingerprint);
});

t.test('--summary-only posts nothing: the job summary, or stdout without one', async (t) => {
  const s = await setup(t);
  delete (s.env as Record<string, string | undefined>).GITHUB_TOKEN;
  const printed = await s.comment('--plan', 'plan.json', '--summary-only');
  t.equal(printed.code, 0, printed.err);
  t.ok(printed.out.startsWith(PLAN_MARKER), 'the comment text on stdout');
  s.env.GITHUB_STEP_SUMMARY = path.join(s.dir, 'summary.md');
  const summarised = await s.comment('--plan', 'plan.json', '--summary-only');
  t.equal(summarised.out, 'wrote the comment text to the job summary (no comment posted: --summary-only)\n');
  t.match(await readFile(s.env.GITHUB_STEP_SUMMARY, 'utf8'), mixedPlan.fingerprint);
  t.equal(s.github.requests.length, 0, 'no call to GitHub');
});

t.test('a huge plan fits in one comment and says what it cut', async (t) => {
  const s = await setup(t);
  await writeFile(path.join(s.dir, 'plan.json'), renderJson(oversizedPlan));
  t.equal((await s.comment('--plan', 'plan.json')).code, 0);
  const body = bodies(s.github)[0]!;
  t.ok(body.length <= 65_536, `${body.length} characters`);
  t.ok(Buffer.byteLength(body) <= 65_536, 'in bytes too');
  t.match(body, /not shown; the full plan is in the plan\.json artifact/);
  t.match(body, oversizedPlan.fingerprint);
  t.match(body, 'actions/runs/4242', 'the run that holds the artifact is linked');
});

t.test('invalid YAML: the problems, linked to the head commit, instead of a plan', async (t) => {
  const s = await setup(t);
  const report = {
    ok: false,
    files: 5,
    problems: [
      { file: 'desired-state/roles.yaml', line: 21, col: 11, message: 'roles[3].role: must be one of team_admin, ...', severity: 'error' },
      { file: path.join(s.dir, 'desired-state/settings.yaml'), line: 4, col: 3, message: 'protectedMembers: breakglass@acme-robotics.example is listed twice', severity: 'warning' },
    ],
  };
  await writeFile(path.join(s.dir, 'validation.json'), JSON.stringify(report));
  const result = await s.comment('--validation', 'validation.json', '--redact-emails');
  t.equal(result.code, 0, result.err);
  const body = bodies(s.github)[0]!;
  t.ok(body.startsWith(PLAN_MARKER));
  t.match(body, '### dbxsync: the desired state is invalid');
  t.match(body, `[\`desired-state/roles.yaml:21:11\`](https://github.example/acme/dstate/blob/${HEAD}/desired-state/roles.yaml#L21)`);
  t.match(body, `[\`desired-state/settings.yaml:4:3\`](https://github.example/acme/dstate/blob/${HEAD}/desired-state/settings.yaml#L4)`, 'absolute paths made relative to the checkout');
  t.notMatch(body, 'breakglass@', 'emails redacted');
  t.notMatch(body, 'Fingerprint', 'no plan');

  const withPlan = await s.comment('--validation', 'validation.json', '--plan', 'plan.json');
  t.equal(withPlan.code, 0);
  t.match(bodies(s.github)[0], 'the desired state is invalid', 'an invalid report wins over a plan');
  t.equal(bodies(s.github).length, 1);

  await writeFile(path.join(s.dir, 'validation.json'), JSON.stringify({ ok: true, files: 5, problems: [] }));
  t.equal((await s.comment('--validation', 'validation.json', '--plan', 'plan.json')).code, 0);
  t.match(bodies(s.github)[0], mixedPlan.fingerprint, 'a valid report: the plan');
  t.equal((await s.comment('--validation', 'validation.json')).code, 0);
  t.match(bodies(s.github)[0], /valid \(5 files\), but \*\*no plan was made\*\*: the \[workflow run\]/, 'valid but no plan: says so');
});

t.test('--pr without a pull_request event: the head commit is read from the pull request', async (t) => {
  const s = await setup(t, { headSha: 'a'.repeat(40) }, { push: {} });
  const result = await s.comment('--plan', 'plan.json', '--pr', '12');
  t.equal(result.code, 0, result.err);
  t.match(s.github.comments.get(12)![0]!.body, `head ${'a'.repeat(40)}`);
  t.ok(s.github.requests.some((r) => r.path === '/repos/acme/dstate/pulls/12'));
});

t.test('usage errors are one clear line', async (t) => {
  const s = await setup(t);
  const cases: [string, string[], Record<string, string | undefined>, RegExp][] = [
    ['neither plan nor validation', [], {}, /--plan FILE or --validation FILE is required/],
    ['no token', ['--plan', 'plan.json'], { GITHUB_TOKEN: undefined }, /GITHUB_TOKEN is not set/],
    ['no repository', ['--plan', 'plan.json'], { GITHUB_REPOSITORY: undefined }, /GITHUB_REPOSITORY is not set/],
    ['a malformed repository', ['--plan', 'plan.json'], { GITHUB_REPOSITORY: 'acme' }, /GITHUB_REPOSITORY must be owner\/name/],
    ['no pull request', ['--plan', 'plan.json'], { GITHUB_EVENT_PATH: undefined }, /no pull request number: pass --pr N/],
    ['a bad --pr', ['--plan', 'plan.json', '--pr', 'seven'], {}, /--pr must be a pull request number, got "seven"/],
    ['a plain-http API that is not loopback', ['--plan', 'plan.json'], { GITHUB_API_URL: 'http://ghe.example.com/api/v3' }, /GITHUB_API_URL must be an https:\/\/ URL/],
    ['an API URL that is no URL', ['--plan', 'plan.json'], { GITHUB_API_URL: 'not a url' }, /GITHUB_API_URL is not a URL/],
    ['a missing plan file', ['--plan', 'nope.json'], {}, /cannot read the plan file nope\.json \(ENOENT\)/],
    ['a missing event file', ['--plan', 'plan.json'], { GITHUB_EVENT_PATH: '/nonexistent/event.json' }, /GITHUB_EVENT_PATH \/nonexistent\/event\.json cannot be read/],
    ['a missing validation file', ['--validation', 'nope.json'], {}, /cannot read the validation report nope\.json/],
    ['an unwritable summary', ['--plan', 'plan.json'], { GITHUB_STEP_SUMMARY: '/nonexistent/dir/summary.md' }, /cannot write the job summary/],
  ];
  for (const [name, args, envChanges, expect] of cases) {
    const env = { ...s.env, ...envChanges };
    const io = captureIO({ env, cwd: s.dir });
    t.equal(await run(['comment', ...args], io), 1, name);
    t.match(io.err(), expect, name);
    t.equal(io.err().split('\n').length, 2, `${name}: one line`);
  }
  await writeFile(path.join(s.dir, 'event.json'), '{not json');
  const io = captureIO({ env: s.env, cwd: s.dir });
  t.equal(await run(['comment', '--plan', 'plan.json'], io), 1);
  t.match(io.err(), /is not valid JSON/);
});

t.test('the token never reaches stdout, stderr, the comment or the summary', async (t) => {
  const s = await setup(t);
  s.env.GITHUB_STEP_SUMMARY = path.join(s.dir, 'summary.md');
  await writeFile(path.join(s.dir, 'plan.json'), renderJson({ ...mixedPlan, warnings: [{ code: 'x', message: `echo ${TOKEN}`, source: null }] } as typeof mixedPlan));
  const result = await s.comment('--plan', 'plan.json', '--debug');
  t.equal(result.code, 0, result.err);
  for (const [where, text] of [['stdout', result.out], ['stderr', result.err], ['comment', bodies(s.github)[0]!], ['summary', await readFile(s.env.GITHUB_STEP_SUMMARY, 'utf8')]] as const) {
    t.notMatch(text, 'RecognisableTestToken', where);
  }
  t.match(bodies(s.github)[0], 'REDACTED', 'a token inside plan text is redacted before posting');
});

t.test('the demo company end to end, as plan.yml runs it: validate, plan, comment; then a typo', async (t) => {
  const NOW = '2026-11-28T12:00:00.000Z';
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), tokens: { okta: 'OKTA-SECRET-comment-e2e', dropbox: 'DBX-SECRET-comment-e2e' }, clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  const s = await setup(t);
  cpSync(path.join(REPO, 'desired-state'), path.join(s.dir, 'desired-state'), { recursive: true });
  const step = async (...argv: string[]) => {
    const io = captureIO({ env: { ...sandbox.env(), ...s.env }, cwd: s.dir, now: NOW });
    const code = await run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  const validate = await step('validate', '--format', 'json');
  t.equal(validate.code, 0, validate.err);
  await writeFile(path.join(s.dir, 'validation.json'), validate.out);
  const plan = await step('plan', '--detailed-exitcode', '--out', 'plan.json', '--quiet');
  t.equal(plan.code, 2, 'changes pending');
  const planned = JSON.parse(await readFile(path.join(s.dir, 'plan.json'), 'utf8')) as { fingerprint: string };
  const posted = await step('comment', '--validation', 'validation.json', '--plan', 'plan.json');
  t.equal(posted.code, 0, posted.err);
  t.match(bodies(s.github)[0], `Fingerprint \`${planned.fingerprint}\``);
  t.match(bodies(s.github)[0], /\*\*Plan: \d+ to add/);

  const roles = path.join(s.dir, 'desired-state', 'roles.yaml');
  await writeFile(roles, (await readFile(roles, 'utf8')).replace('role: team_admin', 'role: team_admn'));
  const invalid = await step('validate', '--format', 'json');
  t.equal(invalid.code, 1);
  await writeFile(path.join(s.dir, 'validation.json'), invalid.out);
  t.equal((await step('comment', '--validation', 'validation.json')).code, 0);
  t.equal(bodies(s.github).length, 1, 'the same comment, updated');
  t.match(bodies(s.github)[0], `(https://github.example/acme/dstate/blob/${HEAD}/desired-state/roles.yaml#L`);
  t.match(bodies(s.github)[0], /roles\.yaml#L\d+\) \| roles\\\[0\\\]\.role: must be one of/, 'the link, then the problem');
  t.notMatch(bodies(s.github)[0], 'SECRET');
});
