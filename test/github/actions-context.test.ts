import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { readActionsContext } from '../../src/github/actions-context.js';

const event = (headRepo: string | null) => ({
  pull_request: { number: 7, head: { sha: 'abc1234', repo: headRepo === null ? null : { full_name: headRepo } }, base: { repo: { full_name: 'acme/dstate' } } },
});

t.test('the context GitHub Actions gives, and what each variable means', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'dbxsync-ctx-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'same.json'), JSON.stringify(event('acme/dstate')));
  await writeFile(path.join(dir, 'fork.json'), JSON.stringify(event('stranger/dstate')));
  await writeFile(path.join(dir, 'deleted-fork.json'), JSON.stringify(event(null)));
  await writeFile(path.join(dir, 'push.json'), JSON.stringify({ ref: 'refs/heads/main' }));
  await writeFile(path.join(dir, 'array.json'), '[]');
  const base = { GITHUB_REPOSITORY: 'acme/dstate' };

  const cases: [string, Record<string, string>, string | undefined, Record<string, unknown>][] = [
    [
      'defaults: github.com, no event, no run',
      base,
      undefined,
      { apiUrl: 'https://api.github.com', serverUrl: 'https://github.com', owner: 'acme', repo: 'dstate', pr: null, headSha: null, runUrl: null, fromFork: false, stepSummaryFile: null, workspace: dir },
    ],
    [
      'a pull_request event: number and head commit',
      { ...base, GITHUB_EVENT_PATH: 'same.json', GITHUB_RUN_ID: '99', GITHUB_STEP_SUMMARY: '/tmp/s.md' },
      undefined,
      { pr: 7, headSha: 'abc1234', runUrl: 'https://github.com/acme/dstate/actions/runs/99', fromFork: false, stepSummaryFile: '/tmp/s.md' },
    ],
    ['a pull request from a fork', { ...base, GITHUB_EVENT_PATH: 'fork.json' }, undefined, { pr: 7, fromFork: true }],
    ['a fork that was deleted is not known as a fork', { ...base, GITHUB_EVENT_PATH: 'deleted-fork.json' }, undefined, { pr: 7, fromFork: false }],
    ['--pr wins; the event head belongs to another pull request', { ...base, GITHUB_EVENT_PATH: 'same.json' }, '12', { pr: 12, headSha: null }],
    ['--pr equal to the event keeps its head', { ...base, GITHUB_EVENT_PATH: 'same.json' }, '7', { pr: 7, headSha: 'abc1234' }],
    ['a push event has no pull request', { ...base, GITHUB_EVENT_PATH: 'push.json' }, undefined, { pr: null }],
    ['an event that is not an object', { ...base, GITHUB_EVENT_PATH: 'array.json' }, undefined, { pr: null }],
    [
      'GitHub Enterprise Server: API and server URLs, trailing slashes dropped',
      { ...base, GITHUB_API_URL: 'https://ghe.acme.example/api/v3/', GITHUB_SERVER_URL: 'https://ghe.acme.example/', GITHUB_RUN_ID: '5' },
      undefined,
      { apiUrl: 'https://ghe.acme.example/api/v3', serverUrl: 'https://ghe.acme.example', runUrl: 'https://ghe.acme.example/acme/dstate/actions/runs/5' },
    ],
    ['a workspace elsewhere', { ...base, GITHUB_WORKSPACE: '/checkout' }, undefined, { workspace: '/checkout' }],
    ['http on loopback is accepted (tests)', { ...base, GITHUB_API_URL: 'http://localhost:8080' }, undefined, { apiUrl: 'http://localhost:8080' }],
  ];
  for (const [name, env, pr, expected] of cases) t.match(await readActionsContext(env, dir, pr), expected, name);
});
