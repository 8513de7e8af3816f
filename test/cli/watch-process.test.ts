/**
 * `dbxsync watch` as it runs in production: the built CLI in a child process (real SDKs, real
 * HTTP), the sandbox in this process, Okta changed through the sandbox's admin control route
 * while watch runs (design.md "Lifecycle changes: reconcile and watch": "`watch` does a full
 * reconcile at start, then polls the System Log (Okta's polling pattern) every `--interval` and
 * reconciles the affected people ... SIGTERM finishes the action in flight and exits 0").
 * Every wait has its own deadline and polls state; no assertion on wall-clock time. The time from
 * the Okta deactivation to the Dropbox removal is measured and reported (t.comment), not asserted.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/run.js';
import type { WatchCycleLine } from '../../src/cli/watch-run.js';
import { DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { captureIO } from '../helpers/io.js';
import { oktaAdmin } from '../helpers/okta-admin.js';
import { cliBuilt, REPO, startCli, type CliProcess } from '../helpers/sandbox-process.js';
import { until } from '../helpers/until.js';
import { scratchDir } from '../helpers/scratch.js';

const at = (name: string) => `${name}@${DEMO_DOMAIN}`;

const linesOf = (p: CliProcess): WatchCycleLine[] =>
  p
    .stdout()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as WatchCycleLine);

t.test('watch: a leaver deactivated in Okta is removed from Dropbox by the next poll; a held promotion is never applied; SIGTERM exits 0', { skip: cliBuilt() ? false : 'dist/ not built (npm test builds first)' }, async (t) => {
  const sandbox = await startSandbox({ seed: demoSeed(new Date()) });
  t.teardown(() => sandbox.close());
  const cwd = scratchDir(t, 'dbxsync-watch-');
  cpSync(path.join(REPO, 'desired-state'), path.join(cwd, 'desired-state'), { recursive: true });
  // The team brought in line first, so that the start cycle has nothing held but what we play.
  const io = captureIO({ env: sandbox.env(), cwd, now: new Date().toISOString() });
  t.equal(await run(['apply', '--auto-approve', '--quiet'], io), 0, io.err());

  const watch = startCli(['watch', '--interval', '1s', '--format', 'json', '--quiet'], { env: sandbox.env(), cwd });
  // Killed and gone before the working directory it writes into is removed (teardowns run last first).
  let gone = false;
  void watch.exited.then(() => (gone = true));
  t.teardown(async () => {
    watch.kill();
    await until('the watch process to exit', () => gone);
  });
  const start = await until('the start cycle', () => linesOf(watch).find((l) => l.kind === 'start'));
  t.match(start, { command: 'watch', cycle: 1, kind: 'start', reason: 'start', error: null, failed: 0 }, 'a full reconcile at start');

  // A leaver: deactivated in Okta (user.lifecycle.deactivate in the System Log).
  const leaver = at('carla.mendes');
  t.equal(sandbox.dropbox.memberByEmail(leaver)?.status, 'active');
  const deactivated = performance.now();
  await oktaAdmin(sandbox, [{ action: 'deactivate', user: leaver }]);
  await until('the leaver removed in Dropbox', () => sandbox.dropbox.memberByEmail(leaver)?.status === 'removed');
  const latency = performance.now() - deactivated;
  t.comment(`Okta deactivation → Dropbox removal: ${Math.round(latency)} ms (--interval 1s)`);
  const removal = await until('the cycle line of the removal', () => linesOf(watch).find((l) => l.kind === 'poll' && l.applied > 0));
  t.match(removal, { kind: 'poll', affected: 1, applied: 1, held: 0, failed: 0, escalated: null, error: null }, 'an incremental cycle of the one person the events named');
  t.comment(`the removal's cycle: ${removal.ms} ms, ${removal.calls} calls, ${removal.events} events`);
  t.ok(removal.events >= 1 && removal.calls > 0 && removal.ms >= 0, 'events read, calls and time counted');

  // A promotion (IT Helpdesk gives support_admin): reconcile.hold holds rolePromotion by default.
  const promoted = at('mei.lin');
  const tier = sandbox.dropbox.memberByEmail(promoted)?.tier;
  const seen = linesOf(watch).length;
  await oktaAdmin(sandbox, [{ action: 'addToGroup', user: promoted, group: 'IT Helpdesk' }]);
  const held = await until('the cycle that holds the promotion', () => linesOf(watch).slice(seen).find((l) => l.held > 0));
  t.match(held, { kind: 'poll', affected: 1, applied: 0, held: 1, failed: 0, error: null });
  // More cycles run; none applies it.
  const later = linesOf(watch).length;
  await until('two more cycles', () => linesOf(watch).length >= later + 2);
  t.equal(sandbox.dropbox.memberByEmail(promoted)?.tier, tier, 'the held promotion was not applied');

  watch.signal('SIGTERM');
  const exit = await watch.exited;
  t.equal(exit.code, 0, `SIGTERM exits 0: ${exit.stderr}`);
  t.match(exit.stderr, /dbxsync watch: SIGTERM: finishing the action in flight, then exiting/);
  const lines = linesOf(watch);
  t.same(
    lines.map((l) => l.cycle),
    lines.map((_, i) => i + 1),
    'one line per cycle, numbered, every one of them JSON',
  );
  t.ok(
    lines.every((l) => l.error === null && typeof l.calls === 'number' && typeof l.ms === 'number'),
    'no cycle failed',
  );
  t.equal(sandbox.dropbox.memberByEmail(promoted)?.tier, tier, 'still not applied');
});
