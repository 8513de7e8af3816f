/**
 * The watch loop in-process (src/cli/watch-run.ts), against the sandbox through the real SDKs, with
 * short intervals and an AbortController for SIGTERM: a failed cycle is one line and the loop goes
 * on with a growing pause, the events it read are not lost; a full reconcile every --full-every and
 * when the desired state on disk changed; a bad desired state mid-run is a failed cycle, at start
 * an exit 1; flags are checked before anything is read. The built CLI in a child process, with
 * SIGTERM and the deactivation → removal latency, is in watch-process.test.ts.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { liveClientsFromEnv } from '../../src/cli/live.js';
import { run } from '../../src/cli/run.js';
import { backoffMs, humanLine, runWatch, type WatchCycleLine, type WatchOptions } from '../../src/cli/watch-run.js';
import { requireDesiredState } from '../../src/config/index.js';
import { DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { playAdminAction } from '../../src/sandbox/okta/admin-api.js';
import { captureIO, type CapturedIO } from '../helpers/io.js';
import { until } from '../helpers/until.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const REPO = REPO_ROOT;
const at = (name: string) => `${name}@${DEMO_DOMAIN}`;

/** A sandbox with the demo team and a working directory with this repository's desired state. */
async function fresh(t: Test): Promise<{ sandbox: Sandbox; cwd: string }> {
  const sandbox = await startSandbox({ seed: demoSeed(new Date()) });
  t.teardown(() => sandbox.close());
  const cwd = scratchDir(t, 'dbxsync-watch-');
  cpSync(path.join(REPO, 'desired-state'), path.join(cwd, 'desired-state'), { recursive: true });
  return { sandbox, cwd };
}

interface Running {
  readonly sandbox: Sandbox;
  readonly cwd: string;
  readonly io: CapturedIO;
  readonly lines: () => WatchCycleLine[];
  /** SIGTERM: resolves with runWatch's exit code. */
  stop(): Promise<number>;
}

/** A synced demo team and the watch loop running against it every 50 ms. */
async function watching(t: Test, options: Partial<WatchOptions> = {}): Promise<Running> {
  const { sandbox, cwd } = await fresh(t);
  const applyIO = captureIO({ env: sandbox.env(), cwd, now: new Date().toISOString() });
  t.equal(await run(['apply', '--auto-approve', '--quiet'], applyIO), 0, applyIO.err());
  const io: CapturedIO = { ...captureIO({ env: sandbox.env(), cwd }), now: () => new Date() };
  const dir = path.join(cwd, 'desired-state');
  const { state } = await requireDesiredState(dir, { now: new Date(), cwd });
  const controller = new AbortController();
  const done = runWatch(state, liveClientsFromEnv(io), io, { dir, intervalMs: 50, fullEveryMs: 3_600_000, format: 'json', quiet: true, signal: controller.signal, ...options });
  t.teardown(() => controller.abort());
  const lines = () =>
    io
      .out()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as WatchCycleLine);
  await until('the start cycle', () => lines().length > 0);
  return {
    sandbox,
    cwd,
    io,
    lines,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

t.test('a cycle that fails is one line; the loop goes on with a growing pause and loses no event', async (t) => {
  const w = await watching(t);
  t.match(w.lines()[0], { kind: 'start', error: null });
  // The System Log answers with a redirect (never followed): the poll fails, the cursor stays.
  w.sandbox.http.hostile = [{ routes: /^okta GET \/api\/v1\/logs$/, redirectTo: 'http://127.0.0.1:9' }];
  const leaver = at('carla.mendes');
  playAdminAction(w.sandbox.okta, { action: 'deactivate', user: leaver });
  const failed = await until('two failed cycles', () => {
    const f = w.lines().filter((l) => l.error !== null);
    return f.length >= 2 ? f : null;
  });
  t.match(failed[0]!.error, /^dbxsync watch: okta GET \/api\/v1\/logs: .*HTTP 307/);
  t.same(
    failed.slice(0, 2).map((l) => l.retryInMs),
    [backoffMs(50, 1), backoffMs(50, 2)],
    'twice the interval, then four times',
  );
  t.same([backoffMs(50, 1), backoffMs(50, 2), backoffMs(30_000, 30), backoffMs(3_600_000, 3)], [100, 200, 300_000, 3_600_000], 'the pause: doubling, at most 5 minutes (or the interval)');
  t.match(w.io.err(), /dbxsync watch: okta GET \/api\/v1\/logs: /, 'said on stderr too');
  t.equal(w.sandbox.dropbox.memberByEmail(leaver)?.status, 'active');

  // The log answers again; the reconcile fails this time (Dropbox redirects): the events read are kept.
  w.sandbox.http.hostile = [{ routes: /^dropbox team\/members\/get_info_v2$/, redirectTo: 'http://127.0.0.1:9' }];
  const seen = w.lines().length;
  const afterPoll = await until('a cycle that read the event and failed', () => w.lines().slice(seen).find((l) => l.events > 0 && l.error !== null));
  t.match(afterPoll.error, /get_info_v2/);
  w.sandbox.http.hostile = [];
  await until('the leaver removed once both answer', () => w.sandbox.dropbox.memberByEmail(leaver)?.status === 'removed');
  const applied = await until('the cycle line', () => w.lines().find((l) => l.applied > 0));
  t.match(applied, { kind: 'poll', events: 0, affected: 1, applied: 1, error: null }, 'the kept event, with no new one');
  t.equal(await w.stop(), 0);
});

t.test('a full reconcile every --full-every, and when the desired state changed; a broken one fails the cycle only', async (t) => {
  const w = await watching(t, { fullEveryMs: 400 });
  const periodic = await until('a periodic full cycle', () => w.lines().find((l) => l.kind === 'full'));
  t.match(periodic, { kind: 'full', reason: '--full-every', affected: null, error: null });
  t.ok(w.lines().some((l) => l.kind === 'poll'), 'polls in between');
  t.equal(await w.stop(), 0);

  const v = await watching(t);
  const settings = path.join(v.cwd, 'desired-state', 'settings.yaml');
  const text = readFileSync(settings, 'utf8');
  let seen = v.lines().length;
  writeFileSync(settings, text.replace('maxRemovals: 25', 'maxRemovals: ['));
  const broken = await until('a cycle refused by the broken YAML', () => v.lines().slice(seen).find((l) => l.error !== null));
  t.match(broken.error, /settings\.yaml:\d+:\d+/, 'file:line:col');
  seen = v.lines().length;
  writeFileSync(settings, text.replace('maxRemovals: 25', 'maxRemovals: 24'));
  const changed = await until('a full cycle for the new policy', () => v.lines().slice(seen).find((l) => l.kind === 'full'));
  t.match(changed, { reason: 'the desired state changed', error: null });
  t.equal(await v.stop(), 0);
});

t.test('the human line says the same facts', async (t) => {
  const base: WatchCycleLine = {
    command: 'watch', cycle: 3, kind: 'poll', reason: null, started: '2026-12-04T12:00:00.000Z', events: 2, affected: 1, escalated: null,
    planned: 1, applied: 1, held: 0, failed: 0, skipped: 0, refusals: [], calls: 9, ms: 120, error: null, retryInMs: null,
  };
  t.equal(humanLine(base), 'dbxsync watch: cycle 3 (poll): 2 events, 1 person affected; 1 applied, 0 held, 0 failed; 9 calls, 120 ms');
  t.equal(
    humanLine({ ...base, affected: 2, escalated: 'a team admin would be removed', refusals: ['max_removals_per_day'] }),
    'dbxsync watch: cycle 3 (poll): 2 events, 2 people affected (ran as a full reconcile: a team admin would be removed); 1 applied, 0 held, 0 failed; refused: max_removals_per_day; 9 calls, 120 ms',
  );
  t.equal(humanLine({ ...base, kind: 'full', reason: '--full-every', affected: null, events: 1, calls: 1 }), 'dbxsync watch: cycle 3 (full: --full-every): 1 event; 1 applied, 0 held, 0 failed; 1 call, 120 ms');
  t.equal(humanLine({ ...base, error: 'dbxsync watch: boom', retryInMs: 4000 }), 'dbxsync watch: cycle 3 (poll) failed after 120 ms; next attempt in 4 s');
});

t.test('dbxsync watch: flags and a bad desired state at start are one line and exit 1, before any call', async (t) => {
  const { sandbox, cwd } = await fresh(t);
  const cases: [string[], RegExp][] = [
    [['--interval', '30'], /^dbxsync watch: --interval "30" is not a duration/],
    [['--full-every', 'daily'], /^dbxsync watch: --full-every "daily" is not a duration/],
    [['--interval', '1h', '--full-every', '30m'], /--full-every must not be shorter than --interval/],
    [['--format', 'yaml'], /unknown --format "yaml"/],
    [['--audit-log', '-', '--format', 'json'], /--audit-log - would mix/],
  ];
  for (const [args, message] of cases) {
    const io = captureIO({ env: sandbox.env(), cwd });
    t.equal(await run(['watch', ...args], io), 1, args.join(' '));
    t.match(io.err(), message);
    t.equal(io.err().trim().split('\n').length, 1, 'one line');
  }
  writeFileSync(path.join(cwd, 'desired-state', 'roles.yaml'), 'roles:\n  - role: emperor\n');
  const io = captureIO({ env: sandbox.env(), cwd });
  t.equal(await run(['watch'], io), 1, 'a bad desired state at start exits 1');
  t.match(io.err(), /roles\.yaml:2:\d+/);
  t.equal(sandbox.http.calls(), 0, 'no API call');
});

t.test('dbxsync watch in-process: SIGTERM after the start cycle returns 0', async (t) => {
  const { sandbox, cwd } = await fresh(t);
  const io: CapturedIO = { ...captureIO({ env: sandbox.env(), cwd }), now: () => new Date() };
  const listeners = process.listenerCount('SIGTERM');
  const running = run(['watch', '--interval', '1s', '--quiet'], io);
  await until('the start cycle line', () => /cycle 1 \(start\)/.test(io.out()));
  // What the process's SIGTERM handler receives (no real signal is sent to the test runner).
  process.emit('SIGTERM', 'SIGTERM');
  t.equal(await running, 0);
  t.match(io.out(), /^dbxsync watch: cycle 1 \(start\): 0 events; \d+ applied, \d+ held, 0 failed; \d+ calls, \d+ ms$/m);
  t.match(io.err(), /SIGTERM: finishing the action in flight/);
  t.equal(process.listenerCount('SIGTERM'), listeners, 'its signal handlers are gone');
});

t.test('a failed cycle says what to check, as the other commands do: a 401 from Okta names OKTA_API_TOKEN', async (t) => {
  const { sandbox, cwd } = await fresh(t);
  const io: CapturedIO = { ...captureIO({ env: { ...sandbox.env(), OKTA_API_TOKEN: 'not-the-sandbox-token' }, cwd }), now: () => new Date() };
  const dir = path.join(cwd, 'desired-state');
  const { state } = await requireDesiredState(dir, { now: new Date(), cwd });
  const controller = new AbortController();
  t.teardown(() => controller.abort());
  const done = runWatch(state, liveClientsFromEnv(io), io, { dir, intervalMs: 50, fullEveryMs: 3_600_000, format: 'json', quiet: true, signal: controller.signal });
  const line = await until('a failed start cycle', () =>
    io
      .out()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as WatchCycleLine)
      .find((l) => l.error !== null),
  );
  t.match(line.error, /^dbxsync watch: okta .*HTTP 401.*; check OKTA_API_TOKEN: Okta does not accept it/);
  t.notMatch(io.out() + io.err(), /not-the-sandbox-token/, 'the token itself is never printed');
  controller.abort();
  t.equal(await done, 0);
});
