/** `dbxsync validate`, in-process through run() and end to end as the built executable. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { run } from '../../src/cli/run.js';
import { captureIO } from '../helpers/io.js';
import { SETTINGS, writeDir } from './helpers.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const repo = REPO_ROOT;
const main = path.join(repo, 'dist/src/cli/main.js');

const BROKEN = {
  'settings.yaml': SETTINGS,
  'roles.yaml': 'roles:\n  - role: admin\n    users: [cto@acme.example]\n',
  'groups.yaml': 'pruneGroup: true\n',
};

t.test('a valid directory: one line on stdout, nothing on stderr, exit 0', async (t) => {
  const io = captureIO({ cwd: repo });
  t.equal(await run(['validate'], io), 0);
  t.equal(io.out(), '✓ 5 files, no problems\n');
  t.equal(io.err(), '');
});

t.test('problems: one line each on stderr, then the count; exit 1', async (t) => {
  const root = t.testdir({});
  writeDir(root, BROKEN);
  const io = captureIO({ cwd: root });
  t.equal(await run(['validate', '--dir', 'desired-state'], io), 1);
  t.equal(io.out(), '');
  t.equal(
    io.err(),
    [
      'desired-state/groups.yaml:1:1: unknown top-level key "pruneGroup"; did you mean "pruneGroups"?',
      'desired-state/roles.yaml:2:11: roles[0].role: must be one of team_admin, user_management_admin, support_admin, member_only, got the text "admin"',
      '✗ 2 problems in 3 files',
      '',
    ].join('\n'),
  );
});

t.test('warnings are printed but pass', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'settings.yaml': SETTINGS, 'later.yaml': '# nothing yet\n' });
  const io = captureIO({ cwd: root });
  t.equal(await run(['validate'], io), 0);
  t.equal(io.err(), 'desired-state/later.yaml:1:1: warning: file has no settings, only comments\n');
  t.equal(io.out(), '✓ 2 files, 1 warning\n');
});

t.test('--format json: one document on stdout, exit code as in text', async (t) => {
  const root = t.testdir({});
  writeDir(root, BROKEN);
  const io = captureIO({ cwd: root });
  t.equal(await run(['validate', '--format', 'json'], io), 1);
  t.equal(io.err(), '');
  t.strictSame(JSON.parse(io.out()), {
    ok: false,
    files: 3,
    problems: [
      { file: 'desired-state/groups.yaml', line: 1, col: 1, message: 'unknown top-level key "pruneGroup"; did you mean "pruneGroups"?', severity: 'error' },
      {
        file: 'desired-state/roles.yaml',
        line: 2,
        col: 11,
        message: 'roles[0].role: must be one of team_admin, user_management_admin, support_admin, member_only, got the text "admin"',
        severity: 'error',
      },
    ],
  });
  const okIo = captureIO({ cwd: repo });
  t.equal(await run(['validate', '--format', 'json'], okIo), 0);
  t.strictSame(JSON.parse(okIo.out()), { ok: true, files: 5, problems: [] });
});

t.test('--now decides whether an exception has expired; the default is the clock', async (t) => {
  const before = captureIO({ cwd: repo });
  t.equal(await run(['validate', '--now', '2027-06-30'], before), 0);
  const after = captureIO({ cwd: repo });
  t.equal(await run(['validate', '--now', '2027-07-01'], after), 1);
  t.match(after.err(), /^desired-state\/settings\.yaml:\d+:\d+: safety\.exceptions\[0\]\.expires: exception .* expired on 2027-06-30 \(today is 2027-07-01\)/);
  const clock = captureIO({ cwd: repo, now: '2027-08-01T00:00:00Z' });
  t.equal(await run(['validate'], clock), 1);
});

t.test('bad options are one usage line and exit 1', async (t) => {
  const cases: [string[], string][] = [
    [['validate', '--format', 'yaml'], 'dbxsync validate: unknown --format "yaml" (expected text or json)\n'],
    [['validate', '--now', 'tomorrow'], 'dbxsync validate: --now must be a date (YYYY-MM-DD) or an ISO timestamp, got "tomorrow"\n'],
    [['validate', 'desired-state'], 'dbxsync validate: unexpected argument "desired-state" (see dbxsync validate --help)\n'],
  ];
  for (const [argv, expected] of cases) {
    const io = captureIO({ cwd: repo });
    t.equal(await run(argv, io), 1, argv.join(' '));
    t.equal(io.err(), expected);
    t.equal(io.out(), '');
  }
});

t.test('a missing directory is one line', async (t) => {
  const io = captureIO({ cwd: repo });
  t.equal(await run(['validate', '--dir', 'no-such-dir'], io), 1);
  t.equal(io.err(), 'no-such-dir: no such directory (name the desired-state directory with --dir, or make one: dbxsync init, or dbxsync dump --out DIR from the live team)\n✗ 1 problem in 0 files\n');
});

t.test('end to end: the built executable', { skip: existsSync(main) ? false : 'build first (npm test builds)' }, async (t) => {
  const exec = promisify(execFile);
  const runCli = async (args: string[], cwd: string) =>
    exec(process.execPath, [main, ...args], { cwd }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );
  const root = t.testdir({});
  writeDir(root, BROKEN);
  // --now: the example's safety exception expires on 2027-06-30.
  const [ok, bad] = await Promise.all([runCli(['validate', '--now', '2026-11-28'], repo), runCli(['validate', '--dir', 'desired-state'], root)]);
  t.strictSame(ok, { code: 0, stdout: '✓ 5 files, no problems\n', stderr: '' });
  t.equal(bad.code, 1);
  t.equal(bad.stdout, '');
  t.equal(bad.stderr.split('\n').length, 4, 'two problems, the count, the final newline');
  t.match(bad.stderr, /✗ 2 problems in 3 files\n$/);
});
