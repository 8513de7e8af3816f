/**
 * `dbxsync reconcile` / `reconcile --since DURATION` end to end, in-process, against the sandbox
 * through the real SDKs (design.md "Lifecycle changes: reconcile and watch"): the System Log
 * window and the safety net name the people Okta moved; only they are read (never the app users'
 * or the team's whole listing: asserted on the sandbox's request log) and planned; the rest of the
 * team is left as it is. Okta changes are played between runs through the sandbox's admin control
 * route (POST /_sandbox/okta/admin) or its state.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { parseDuration } from '../../src/cli/reconcile-incremental.js';
import { run } from '../../src/cli/run.js';
import { DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { OktaAdminAction } from '../../src/sandbox/okta/admin-api.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;
const at = (name: string) => `${name}@${DEMO_DOMAIN}`;

let clock = Date.parse(NOW);

async function cli(argv: string[], sandbox: Sandbox, cwd: string) {
  const io = captureIO({ env: sandbox.env(), cwd, now: new Date(clock).toISOString() });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function workdir(t: Test, settings?: (text: string) => string): string {
  const dir = scratchDir(t, 'dbxsync-incremental-');
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  if (settings !== undefined) {
    const file = path.join(dir, 'desired-state', 'settings.yaml');
    writeFileSync(file, settings(readFileSync(file, 'utf8')));
  }
  return dir;
}

/** A demo team brought in line by a full apply, half an hour ago: the window starts quiet. */
async function synced(t: Test, settings?: (text: string) => string): Promise<{ sandbox: Sandbox; cwd: string }> {
  clock = Date.parse(NOW);
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(clock) });
  t.teardown(() => sandbox.close());
  const cwd = workdir(t, settings);
  const applied = await cli(['apply', '--auto-approve', '--quiet'], sandbox, cwd);
  t.equal(applied.code, 0, `the full apply brings the team in line: ${applied.err}`);
  clock += 30 * 60_000;
  sandbox.http.resetCounters();
  return { sandbox, cwd };
}

/** Okta changes played through the sandbox's control route, as an admin in the console would. */
async function admin(sandbox: Sandbox, actions: OktaAdminAction[]): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox/okta/admin`, {
    method: 'POST',
    headers: { Authorization: `SSWS ${sandbox.env()['OKTA_API_TOKEN']}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ actions }),
  });
  if (response.status !== 200) throw new Error(`admin route: ${response.status} ${await response.text()}`);
  clock += 60_000;
  sandbox.http.resetCounters();
}

const listings = (s: Sandbox) => s.http.log.filter((e) => /team\/members\/list|\/apps\/[^/]+\/users$|groups\/list$/.test(e.route)).map((e) => e.route);
const writes = (s: Sandbox) => s.http.log.filter((e) => !/job_status/.test(e.route) && /dropbox team\/(members\/(add|remove|suspend|unsuspend|set_profile|set_admin|recover)|groups\/(create|update|delete|members\/(add|remove)))/.test(e.route));
const status = (s: Sandbox, email: string) => s.dropbox.memberByEmail(email)?.status ?? 'absent';
const snapshot = (s: Sandbox) => JSON.stringify([s.dropbox.members(), s.dropbox.groups()]);

t.test('--since: 30s, 15m, 2h and 1d; anything else is one usage line and changes nothing', async (t) => {
  t.same(['30s', '15m', '2h', '1d'].map(parseDuration), [30_000, 900_000, 7_200_000, 86_400_000]);
  const { sandbox, cwd } = await synced(t);
  const before = snapshot(sandbox);
  for (const bad of ['15', '1.5h', '0m', '15 m', 'soon', '2w']) {
    const r = await cli(['reconcile', '--since', bad, '--dry-run'], sandbox, cwd);
    t.equal(r.code, 1, bad);
    t.match(r.err, /^dbxsync reconcile: --since ".*" is not a duration/);
    t.equal(r.err.trim().split('\n').length, 1, 'one line');
  }
  t.equal(snapshot(sandbox), before);
});

t.test('a quiet window: no Dropbox writes, no whole listing, a handful of calls', async (t) => {
  const { sandbox, cwd } = await synced(t);
  const before = snapshot(sandbox);
  const r = await cli(['reconcile', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { mode: 'incremental', escalated: null, planned: 0, applied: 0 });
  t.equal(snapshot(sandbox), before);
  t.same(writes(sandbox), []);
  t.same(listings(sandbox), [], 'no members/list, no /apps/{id}/users listing');
  t.same(
    sandbox.http.log.map((e) => e.route).sort(),
    ['okta GET /api/v1/groups', 'okta GET /api/v1/logs', 'okta GET /api/v1/users'],
    'the System Log window and the two safety-net filters',
  );
});

t.test('a leaver deactivated in Okta is removed by reconcile --since 15m, files to the manager', async (t) => {
  const { sandbox, cwd } = await synced(t);
  const leaver = at('carla.mendes');
  const before = sandbox.dropbox.memberByEmail(leaver)!;
  const manager = sandbox.dropbox.memberByEmail(at('daniel.okafor'))!;
  const managerFiles = manager.files;
  t.ok(before.files > 0, 'the leaver has files');
  await admin(sandbox, [{ action: 'deactivate', user: leaver }]);
  const r = await cli(['reconcile', '--since', '15m', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  t.match(report, { mode: 'incremental', escalated: null, applied: 1, failed: 0 });
  t.equal(status(sandbox, leaver), 'removed');
  t.match(sandbox.dropbox.members().find((m) => m.teamMemberId === before.teamMemberId), { filesFate: 'transferred' });
  t.equal(sandbox.dropbox.memberByEmail(at('daniel.okafor'))!.files, managerFiles + before.files, 'the files went to her manager');
  t.same(listings(sandbox), [], 'no whole listing');
  t.same(
    writes(sandbox).map((e) => e.route),
    ['dropbox team/members/remove'],
    'one write: the removal (with its transfer)',
  );
});

const groupMembers = (s: Sandbox, name: string) => {
  const g = s.dropbox.groups().find((x) => x.name === name);
  return g === undefined ? [] : g.memberIds.map((id) => s.dropbox.members().find((m) => m.teamMemberId === id)?.email).sort();
};

t.test('a hire, a suspension and a group move: each applied, nobody else touched, no whole listing', async (t) => {
  const { sandbox, cwd } = await synced(t);
  const before = new Map(sandbox.dropbox.members().map((m) => [m.teamMemberId, JSON.stringify(m)]));
  // ana.costa was STAGED (starts next week): activated today. jonas.berg goes on leave. mei.lin moves from Sales to Engineering.
  await admin(sandbox, [
    { action: 'reactivate', user: at('ana.costa') },
    { action: 'suspend', user: at('jonas.berg') },
    { action: 'removeFromGroup', user: at('mei.lin'), group: 'Sales' },
    { action: 'addToGroup', user: at('mei.lin'), group: 'Engineering' },
  ]);
  const r = await cli(['reconcile', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  t.match(report, { mode: 'incremental', escalated: null, failed: 0, scope: { people: 3 } });
  t.equal(status(sandbox, at('ana.costa')), 'invited', 'the hire is added');
  t.ok(groupMembers(sandbox, 'Engineering').includes(at('ana.costa')), 'and put in her pushed group');
  t.equal(status(sandbox, at('jonas.berg')), 'suspended', 'the suspension');
  t.ok(groupMembers(sandbox, 'Engineering').includes(at('mei.lin')), 'the move: into Engineering');
  t.notOk(groupMembers(sandbox, 'Sales Team').includes(at('mei.lin')), 'and out of Sales Team');
  const touched = new Set(['ana.costa', 'jonas.berg', 'mei.lin'].map((p) => sandbox.dropbox.memberByEmail(at(p))?.teamMemberId));
  for (const m of sandbox.dropbox.members()) {
    if (touched.has(m.teamMemberId)) continue;
    // Group member lists move with the people added and removed; nothing else about anyone else.
    t.equal(JSON.stringify({ ...m, groups: [] }), JSON.stringify({ ...JSON.parse(before.get(m.teamMemberId) ?? '{}'), groups: [] }), `${m.email} untouched`);
  }
  t.same(listings(sandbox), [], 'no members/list, no /apps/{id}/users listing');
  const full = await cli(['reconcile', '--full', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.equal(JSON.parse(full.out).pending.length, 0, 'a full reconcile finds nothing more to do');
});

t.test('a promotion is held and listed, not applied; --dry-run exits 2 and changes nothing', async (t) => {
  const { sandbox, cwd } = await synced(t);
  await admin(sandbox, [
    { action: 'addToGroup', user: at('kenji.watanabe'), group: 'IT Helpdesk' },
    { action: 'deactivate', user: at('ryan.obrien') },
  ]);
  const before = snapshot(sandbox);
  const dry = await cli(['reconcile', '--dry-run'], sandbox, cwd);
  t.equal(dry.code, 2, 'changes pending');
  t.match(dry.out, /Held, not applied \(1\)/);
  t.match(dry.out, new RegExp(`member\\.set_role ${at('kenji.watanabe')}: class rolePromotion is held by reconcile\\.hold`));
  t.match(dry.out, new RegExp(`Would apply 1 lifecycle change \\(--dry-run\\):\\n  member\\.remove ${at('ryan.obrien')}`));
  t.equal(snapshot(sandbox), before, '--dry-run changes nothing');
  const r = await cli(['reconcile', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, 'a held change does not fail the run');
  t.match(JSON.parse(r.out), { applied: 1, held: [{ kind: 'member.set_role', class: 'rolePromotion' }] });
  t.equal(sandbox.dropbox.memberByEmail(at('kenji.watanabe'))?.tier, 'member_only', 'the promotion was not applied');
  t.equal(status(sandbox, at('ryan.obrien')), 'removed', 'the held promotion does not block the leaver');
});

t.test('people outside the window are untouched, even under unmanagedMembers: remove', async (t) => {
  const { sandbox, cwd } = await synced(t);
  const file = path.join(cwd, 'desired-state', 'settings.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('unmanagedMembers: report', 'unmanagedMembers: remove'));
  const unmanaged = at('jordan.blake');
  t.equal(status(sandbox, unmanaged), 'active', 'an account nobody in Okta knows');
  // Somebody put it into the pushed Engineering group by hand.
  const engineering = sandbox.dropbox.groups().find((g) => g.name === 'Engineering')!;
  sandbox.dropbox.addGroupMembers({ by: 'group_id', value: engineering.groupId }, [{ user: { by: 'email', value: unmanaged }, access: 'member' }]);
  t.ok(groupMembers(sandbox, 'Engineering').includes(unmanaged), 'in a pushed group');
  const full = await cli(['reconcile', '--full', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.ok(JSON.parse(full.out).pending.some((p: { kind: string; target: string }) => p.kind === 'member.remove' && p.target === unmanaged), 'a full reconcile would remove it');
  // An engineer leaves Engineering: the incremental run reads that group's people it needs, not jordan.
  await admin(sandbox, [{ action: 'removeFromGroup', user: at('kenji.watanabe'), group: 'Engineering' }]);
  const r = await cli(['reconcile', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { mode: 'incremental', escalated: null, applied: 1 });
  t.notOk(groupMembers(sandbox, 'Engineering').includes(at('kenji.watanabe')), 'the leaver of the group is taken out');
  t.equal(status(sandbox, unmanaged), 'active', 'the unmanaged account outside the window stays');
  t.ok(groupMembers(sandbox, 'Engineering').includes(unmanaged), 'and stays in the group');
});

t.test('escalation: a team admin leaving, or a group assigned to the app, runs a full reconcile and says why', async (t) => {
  const { sandbox, cwd } = await synced(t);
  await admin(sandbox, [{ action: 'deactivate', user: at('dana.whitfield') }]);
  const r = await cli(['reconcile', '--auto-approve', '--format', 'json'], sandbox, cwd);
  const report = JSON.parse(r.out);
  t.match(report, { mode: 'full', escalated: /a team admin would be removed, suspended or demoted \(member\.remove:/ });
  t.match(r.err, /^dbxsync reconcile: escalated to a full reconcile: a team admin would be removed/m);
  t.equal(r.code, 0, 'minTeamAdmins counted on the whole team: 3 admins stay');
  t.equal(status(sandbox, at('dana.whitfield')), 'removed');

  sandbox.http.resetCounters();
  await admin(sandbox, [{ action: 'assignGroup', group: 'Sales' }]);
  const g = await cli(['reconcile', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.match(JSON.parse(g.out), { mode: 'full', escalated: /an Okta group was assigned to or unassigned from the app/ });
  t.ok(sandbox.http.calls(/members\/list_v2/) > 0, 'the full read lists the team');
});

t.test('escalation: a pushed group renamed in Okta, and a window older than the System Log keeps', async (t) => {
  const { sandbox, cwd } = await synced(t);
  await admin(sandbox, [{ action: 'renameGroup', group: 'Sales', name: 'Sales EMEA' }]);
  const renamed = await cli(['reconcile', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.match(JSON.parse(renamed.out), { mode: 'full', escalated: /^Okta group \S+ was renamed or deleted$/ });
  const old = await cli(['reconcile', '--since', '91d', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.match(JSON.parse(old.out), { mode: 'full', escalated: 'the window starts before the System Log retention (90 days)' });
  t.match(old.err, /escalated to a full reconcile: the window starts before the System Log retention/);
});

t.test('a missed event: a pushed group whose membership moved with no event naming the person is listed on both sides, and the difference applied', async (t) => {
  const { sandbox, cwd } = await synced(t);
  const engineering = [...sandbox.okta.groups.values()].find((g) => g.name === 'Engineering')!;
  const mei = sandbox.okta.userByIdOrLogin(at('mei.lin'))!;
  // As if Okta's bounded query missed the event: the membership and lastMembershipUpdated move, no LogEvent.
  engineering.members.add(mei.id);
  engineering.lastMembershipUpdated = new Date(clock).toISOString();
  (sandbox.okta as unknown as { touch(): void }).touch();
  clock += 60_000;
  sandbox.http.resetCounters();
  const r = await cli(['reconcile', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  t.match(report, { mode: 'incremental', escalated: null, applied: 1 });
  t.ok(report.scope.people >= 1, 'the people who differ between the two sides are read (some are not in Dropbox at all)');
  t.ok(groupMembers(sandbox, 'Engineering').includes(at('mei.lin')), 'the person the safety net found is added');
  t.ok(sandbox.http.calls('okta GET /api/v1/groups/{id}/users') > 0 && sandbox.http.calls('dropbox team/groups/members/list') > 0, 'both sides of that group were listed');
  t.same(listings(sandbox), [], 'but never the team or the app users');
});

t.test('k leavers with managers cost at most 4 + 2k calls: read once by the safety net, managers and members batched (issue 11 call goal)', async (t) => {
  const { sandbox, cwd } = await synced(t);
  // Eight account executives of Ryan O'Brien's team (managerId: him), plain members with files.
  const ryan = sandbox.okta.userByIdOrLogin(at('ryan.obrien'))!;
  const team = [...sandbox.okta.users.values()].filter((u) => u.profile['managerId'] === ryan.id && u.status === 'ACTIVE' && sandbox.dropbox.memberByEmail(u.profile.email)?.status === 'active');
  const leavers = team.slice(0, 8).map((u) => u.profile.email);
  t.equal(leavers.length, 8);
  const expected = sandbox.dropbox.memberByEmail(at('ryan.obrien'))!.files + leavers.reduce((n, e) => n + sandbox.dropbox.memberByEmail(e)!.files, 0);
  await admin(sandbox, leavers.map((user) => ({ action: 'deactivate', user })));
  // The cycle's reads, as the bench counts them (--dry-run: the executor's own checks left out).
  const dry = await cli(['reconcile', '--since', '15m', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.equal(dry.code, 2, dry.err);
  const k = leavers.length;
  const reads = sandbox.http.log.map((e) => e.route);
  t.ok(reads.length <= 4 + 2 * k, `${reads.length} calls for ${k} leavers, goal ≤ ${4 + 2 * k}: ${reads.join(', ')}`);
  // okta-mgmt.yaml listUsers :24678-24689: `filter` on lastUpdated (the safety net) returns the
  // deactivated users themselves, and `id eq … or …` finds the manager; no GET /users/{id} each.
  t.equal(sandbox.http.calls('okta GET /api/v1/users/{id}'), 0, 'no leaver or manager read again by id');
  t.equal(sandbox.http.calls('okta GET /api/v1/users'), 2, 'the safety net, then one filtered listing of the managers');
  t.equal(sandbox.http.calls('okta GET /api/v1/groups'), 1, 'the group listing, which also answers the groups safety net');
  // team.stone:1081 members/get_info_v2 takes a list of selectors: people, managers and destinations at once.
  t.equal(sandbox.http.calls('dropbox team/members/get_info_v2'), 1, 'one members/get_info_v2 batch');
  t.equal(sandbox.http.calls('dropbox team/groups/get_info'), 1, 'their Dropbox groups by id carry the markers asked');
  const r = await cli(['reconcile', '--since', '15m', '--auto-approve', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { mode: 'incremental', escalated: null, applied: 8, failed: 0 });
  for (const email of leavers) t.equal(status(sandbox, email), 'removed', email);
  t.equal(sandbox.dropbox.memberByEmail(at('ryan.obrien'))!.files, expected, 'their files went to their manager');
});

t.test('the first run right after a sandbox start is incremental: seeded groups are as old as their members, not dated to the start', async (t) => {
  clock = Date.parse(NOW);
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(clock) });
  t.teardown(() => sandbox.close());
  const cwd = workdir(t);
  clock += 60_000;
  const r = await cli(['reconcile', '--since', '15m', '--dry-run', '--format', 'json'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { mode: 'incremental', escalated: null, planned: 0 });
  t.notMatch(r.err, /escalated/);
  const admins = [...sandbox.okta.groups.values()].find((g) => g.name === 'Dropbox Admins' || g.members.size > 0)!;
  t.ok(Date.parse(admins.lastMembershipUpdated) < Date.parse(NOW), 'a seeded group is dated before the start');
});
