/**
 * The per-team run lock (issue 12 item 10): one apply or reconcile at a time per team, a lock file
 * next to .dbxsync/audit/ naming the holder's pid and start time; a lock whose process is gone is
 * taken over with a warning; released however the run ends.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { acquireRunLock, lockFileFor, withRunLock } from '../../src/apply/run-lock.js';

const NOW = new Date('2026-12-04T21:00:00.000Z');
const API = 'https://api.dropboxapi.com';

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

t.test('the lock file sits next to .dbxsync/audit/, one per team, and names the holder', async (t) => {
  const cwd = t.testdir({});
  const lock = acquireRunLock({ cwd, team: 'Acme Robotics', api: API, command: 'apply', now: NOW, warn: () => t.fail('no warning') });
  t.equal(path.dirname(lock.file), path.join(cwd, '.dbxsync'));
  t.match(path.basename(lock.file), /^acme-robotics-[0-9a-f]{8}\.lock$/);
  t.not(lockFileFor(cwd, 'Other team', API), lock.file, 'another team has another lock');
  t.not(lockFileFor(cwd, 'Acme Robotics', 'http://127.0.0.1:8787'), lock.file, 'a team of that name behind another API (a sandbox) too');
  t.same(JSON.parse(readFileSync(lock.file, 'utf8')), { pid: process.pid, startedAt: NOW.toISOString(), command: 'apply', team: 'Acme Robotics' });
  lock.release();
  t.notOk(existsSync(lock.file), 'released: the file is gone');
  lock.release();
});

t.test('a lock held by a running process refuses a second run with one line naming it', async (t) => {
  const cwd = t.testdir({});
  const lock = acquireRunLock({ cwd, team: 'Acme', api: API, command: 'apply', now: NOW, warn: () => {} });
  t.throws(() => acquireRunLock({ cwd, team: 'Acme', api: API, command: 'reconcile', now: NOW, warn: () => {} }), {
    name: 'UsageError',
    message: `another dbxsync apply (pid ${process.pid}, started ${NOW.toISOString()}) is changing the Dropbox team "Acme"; wait for it to finish (lock ${path.join('.dbxsync', path.basename(lock.file))})`,
  });
  t.ok(existsSync(lock.file), 'the holder keeps its lock');
  lock.release();
});

t.test('a stale lock (its process is gone) is taken over with a warning; an unreadable one too', async (t) => {
  const cwd = t.testdir({});
  const file = lockFileFor(cwd, 'Acme', API);
  mkdirSync(path.dirname(file), { recursive: true });
  const pid = deadPid();
  writeFileSync(file, JSON.stringify({ pid, startedAt: '2026-12-04T20:00:00.000Z', command: 'apply', team: 'Acme' }));
  const warnings: string[] = [];
  const lock = acquireRunLock({ cwd, team: 'Acme', api: API, command: 'apply', now: NOW, warn: (l) => warnings.push(l) });
  t.match(warnings, [new RegExp(`^dbxsync apply: taking over the stale run lock \\.dbxsync/acme-[0-9a-f]{8}\\.lock of pid ${pid} \\(started 2026-12-04T20:00:00.000Z\\), which no longer runs$`)]);
  t.equal(JSON.parse(readFileSync(file, 'utf8')).pid, process.pid);
  lock.release();

  writeFileSync(file, 'not json');
  const again: string[] = [];
  acquireRunLock({ cwd, team: 'Acme', api: API, command: 'apply', now: NOW, warn: (l) => again.push(l) }).release();
  t.match(again, [/taking over the unreadable run lock/]);
});

t.test('withRunLock releases the lock when the run throws', async (t) => {
  const cwd = t.testdir({});
  await t.rejects(withRunLock({ cwd, team: 'Acme', api: API, command: 'apply', now: NOW, warn: () => {} }, async () => Promise.reject(new Error('boom'))), { message: 'boom' });
  t.notOk(existsSync(lockFileFor(cwd, 'Acme', API)));
});

t.test('a lock taken over by another process is not removed by the first holder', async (t) => {
  const cwd = t.testdir({});
  const lock = acquireRunLock({ cwd, team: 'Acme', api: API, command: 'apply', now: NOW, warn: () => {} });
  writeFileSync(lock.file, JSON.stringify({ pid: deadPid(), startedAt: NOW.toISOString(), command: 'apply', team: 'Acme' }));
  lock.release();
  t.ok(existsSync(lock.file), 'not ours any more: left alone');
});
