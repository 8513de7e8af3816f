/**
 * `dbxsync reconcile --full` end to end, in-process, against the sandbox through the real SDKs:
 * lifecycle classes applied, policy-like classes held and listed (text and `--format json` field
 * `held`), a removal brake that holds removals and suspensions while the rest applies, and the
 * exit codes of design.md "Lifecycle changes: reconcile and watch".
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;
const TARIQ = `tariq.hassan@${DEMO_DOMAIN}`;

let clock = Date.parse(NOW);

async function withSandbox(t: Test): Promise<Sandbox> {
  clock = Date.parse(NOW);
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(clock) });
  t.teardown(() => sandbox.close());
  return sandbox;
}

function workdir(t: Test, settings?: (text: string) => string): string {
  const dir = scratchDir(t, 'dbxsync-reconcile-');
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  if (settings !== undefined) {
    const file = path.join(dir, 'desired-state', 'settings.yaml');
    writeFileSync(file, settings(readFileSync(file, 'utf8')));
  }
  return dir;
}

async function cli(argv: string[], sandbox: Sandbox, cwd: string) {
  const io = captureIO({ env: sandbox.env(), cwd, now: new Date(clock).toISOString() });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const snapshot = (s: Sandbox) => JSON.stringify([s.dropbox.members(), s.dropbox.groups()]);

t.test('reconcile --full applies the lifecycle changes and holds the others, with their reasons', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const before = snapshot(sandbox);
  const dry = await cli(['reconcile', '--full', '--dry-run', '--quiet'], sandbox, cwd);
  t.equal(dry.code, 2, '--dry-run with changes pending exits 2');
  t.equal(snapshot(sandbox), before, '--dry-run changes nothing');
  t.match(dry.out, /Held, not applied \(4\)/);
  t.match(dry.out, new RegExp(`member\\.set_role ${TARIQ}: class rolePromotion is held by reconcile\\.hold \\(default\\)`));
  t.match(dry.out, /Would apply 15 lifecycle changes/);

  const applied = await cli(['reconcile', '--full', '--auto-approve', '--format', 'json', '--audit-log', path.join(cwd, 'audit.jsonl')], sandbox, cwd);
  t.equal(applied.code, 0, 'held changes do not make the run fail');
  const report = JSON.parse(applied.out.trim());
  t.match(report, { command: 'reconcile', mode: 'full', dryRun: false, planned: 19, applied: 15, failed: 0, skipped: 0, exitCode: 0 });
  t.same(
    report.held.map((h: { kind: string; class: string }) => [h.kind, h.class]),
    [
      ['group.create', 'groupCreate'],
      ['group.rename', 'groupRename'],
      ['member.set_role', 'rolePromotion'],
      ['group.members.add', 'groupMembership'],
    ],
    'the json field held lists every held change with its class',
  );
  const audit = readFileSync(path.join(cwd, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  t.equal(audit.length, 15, 'an audit line per applied action');
  t.ok(audit.every((e) => e.outcome === 'applied'));
  t.equal(sandbox.dropbox.memberByEmail(TARIQ)?.tier, 'member_only', 'the held promotion was not applied');
  t.notOk(sandbox.dropbox.groups().some((g) => g.name === 'dbx-Legal'), 'the held group was not created');
  t.equal(sandbox.dropbox.memberByEmail(`tom.becker@${DEMO_DOMAIN}`)?.status, 'removed', 'the leaver is removed');

  const again = await cli(['reconcile', '--full', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.equal(again.code, 0, 'only held changes left: nothing pending');
  t.equal(JSON.parse(again.out).held.length, 4, 'still listed');
});

t.test('a removal brake holds every removal and suspension; the rest applies; the run exits 1', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t, (text) => text.replace(/maxRemovals: \d+/g, 'maxRemovals: 3'));
  const r = await cli(['reconcile', '--full', '--auto-approve', '--quiet'], sandbox, cwd);
  t.equal(r.code, 1, 'a refusal exits 1');
  t.match(r.out, /Refused: max_removals: 4 removals/);
  t.match(r.out, /member\.remove tom\.becker@acme-robotics\.example: removal brake max_removals/);
  t.match(r.err, /refused by the safety checks \(max_removals[,)]/);
  t.equal(sandbox.dropbox.memberByEmail(`tom.becker@${DEMO_DOMAIN}`)?.status, 'active', 'the removal was held');
  t.equal(sandbox.dropbox.memberByEmail(`victor.hale@${DEMO_DOMAIN}`)?.status, 'active', 'the suspension was held');
  t.ok(sandbox.dropbox.memberByEmail(`lena.fischer@${DEMO_DOMAIN}`), 'the new hire joined all the same');
});

t.test('usage: not a terminal needs --auto-approve or --dry-run; --since and --full exclude each other; bad --format', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const before = snapshot(sandbox);
  const noApprove = await cli(['reconcile', '--full'], sandbox, cwd);
  t.equal(noApprove.code, 1);
  t.match(noApprove.err, /not a terminal: pass --auto-approve/);
  const both = await cli(['reconcile', '--full', '--since', '15m', '--dry-run'], sandbox, cwd);
  t.equal(both.code, 1);
  t.match(both.err, /--since and --full exclude each other/);
  const format = await cli(['reconcile', '--full', '--dry-run', '--format', 'markdown'], sandbox, cwd);
  t.equal(format.code, 1);
  t.match(format.err, /unknown --format "markdown"/);
  t.equal(snapshot(sandbox), before, 'nothing changed');
});

t.test('on a terminal without --auto-approve it asks; a no applies nothing and exits 1', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const before = snapshot(sandbox);
  const io = captureIO({ env: sandbox.env(), cwd, now: NOW, tty: true, answer: false });
  t.equal(await run(['reconcile', '--full', '--quiet'], io), 1);
  t.match(io.err(), /Nothing applied/);
  t.equal(snapshot(sandbox), before);
});

t.test('the rolling brake: the 26th removal by this admin in 24 hours is refused across separate runs, and allowed once the window moves on', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const admin = sandbox.dropbox.authenticatedAdminId;
  // 21 removals this admin made in earlier runs today, one 25 hours ago and one by another actor.
  const earlier = (hoursAgo: number, actor: string | null) =>
    sandbox.dropbox.teamLog.record({ time: new Date(clock - hoursAgo * 3600_000), actorTeamMemberId: actor, actorEmail: null, targetTeamMemberId: 'dbmid:gone', targetEmail: 'gone@example.com', targetExternalId: null, previous: 'active', next: 'removed', removeAction: 'delete' });
  for (let i = 0; i < 21; i++) earlier(20, admin);
  earlier(25, admin);
  earlier(1, 'dbmid:someone-else');

  const first = await cli(['reconcile', '--full', '--auto-approve', '--quiet'], sandbox, cwd);
  t.equal(first.code, 0, 'run 1: 21 + 4 = 25 removals and suspensions, at the limit');
  t.equal(sandbox.dropbox.memberByEmail(`tom.becker@${DEMO_DOMAIN}`)?.status, 'removed');

  clock += 10 * 60_000;
  const leaver = [...sandbox.okta.users.values()].find((u) => String(u.profile.email) === `mei.lin@${DEMO_DOMAIN}`)!;
  sandbox.okta.setUserStatus(leaver.id, 'DEPROVISIONED');
  const second = await cli(['reconcile', '--full', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(second.code, 1, 'run 2: the 26th is refused');
  const report = JSON.parse(second.out);
  t.match(report.refusals, [{ rule: 'max_removals_per_day', limit: 25, value: 26 }]);
  t.match(
    report.held.filter((h: { kind: string }) => h.kind === 'member.remove'),
    [{ target: `mei.lin@${DEMO_DOMAIN}`, reason: /removal brake max_removals_per_day: 25 removals and suspensions by this admin in the last 24 hours/ }],
  );
  t.equal(sandbox.dropbox.memberByEmail(`mei.lin@${DEMO_DOMAIN}`)?.status, 'active', 'not removed');

  clock += 20 * 3600_000;
  const third = await cli(['reconcile', '--full', '--auto-approve', '--quiet'], sandbox, cwd);
  t.equal(third.code, 0, 'run 3: the 21 earlier removals left the window');
  t.equal(sandbox.dropbox.memberByEmail(`mei.lin@${DEMO_DOMAIN}`)?.status, 'removed');
});
