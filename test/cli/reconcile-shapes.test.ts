/**
 * The incremental reconcile's readers check the answers' shapes as the full reader does (issue 12
 * item 5; the full read's cases are in test/transport/shape.test.ts): a field the plan depends on
 * that is missing fails the run with one line naming the route and the field, and nothing is
 * written. Before, the scoped readers converted leniently: an Okta user without status was read
 * as PROVISIONED, a listing item without id was skipped (a person nobody read), a Dropbox group
 * without group_name became the group "undefined", a team/get_info without num_provisioned_users
 * a team of 0.
 *
 * Shapes, from the contracts: Okta User id, status, profile and AppUser id, status (okta-mgmt.yaml
 * User / AppUser schemas; getApplicationUser, getUser, listUserGroups); Dropbox
 * MembersGetInfoV2Result.members_info (team.stone:1737), GroupsGetInfoItem with GroupFullInfo
 * (team.stone:2233), GroupsMembersListResult members/cursor/has_more (team.stone:2485),
 * TeamGetInfoResult name and num_provisioned_users (team.stone:2103-2111).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import type { HostileRule } from '../../src/sandbox/hostile.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { playAdminAction, type OktaAdminAction } from '../../src/sandbox/okta/admin-api.js';
import { captureIO } from '../helpers/io.js';
import { REPO } from '../helpers/sandbox-process.js';

const NOW = Date.parse('2026-11-28T12:00:00.000Z');
const at = (name: string) => `${name}@${DEMO_DOMAIN}`;

interface Synced {
  readonly sandbox: Sandbox;
  readonly cwd: string;
  readonly clock: { now: number };
}

async function cli(argv: string[], s: Synced) {
  const io = captureIO({ env: s.sandbox.env(), cwd: s.cwd, now: new Date(s.clock.now).toISOString() });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** The demo team brought in line by a full apply half an hour ago, then `actions` played in Okta. */
async function synced(t: Test, actions: OktaAdminAction[]): Promise<Synced> {
  const clock = { now: NOW };
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(clock.now) });
  t.teardown(() => sandbox.close());
  const cwd = mkdtempSync(path.join(tmpdir(), 'dbxsync-reconcile-shapes-'));
  t.teardown(() => rmSync(cwd, { recursive: true, force: true }));
  cpSync(path.join(REPO, 'desired-state'), path.join(cwd, 'desired-state'), { recursive: true });
  const s = { sandbox, cwd, clock };
  const applied = await cli(['apply', '--auto-approve', '--quiet'], s);
  t.equal(applied.code, 0, `the full apply brings the team in line: ${applied.err}`);
  clock.now += 30 * 60_000;
  for (const a of actions) playAdminAction(sandbox.okta, a);
  clock.now += 60_000;
  return s;
}

const writes = (s: Sandbox) =>
  s.http.log.filter((e) => !/job_status/.test(e.route) && /dropbox team\/(members\/(add|remove|suspend|unsuspend|set_profile|set_admin|recover)|groups\/(create|update|delete|members\/(add|remove)))/.test(e.route)).length;

const LEAVER: OktaAdminAction[] = [{ action: 'deactivate', user: at('carla.mendes') }];
const MOVER: OktaAdminAction[] = [{ action: 'setProfile', user: at('carla.mendes'), profile: { lastName: 'Mendes-Silva' } }];

const CASES: readonly [string, OktaAdminAction[], HostileRule, RegExp][] = [
  ['a leaver listed by the safety net without status', LEAVER, { routes: /^okta GET \/api\/v1\/users$/, omit: ['status'] }, /okta GET \/api\/v1\/users: the answer has user 00u\w+ without status;/],
  ['a leaver listed by the safety net without profile', LEAVER, { routes: /^okta GET \/api\/v1\/users$/, omit: ['profile'] }, /okta GET \/api\/v1\/users: the answer has user 00u\w+ without profile;/],
  ['an app user without status', MOVER, { routes: /^okta GET \/api\/v1\/apps\/\{id\}\/users\/\{id\}$/, omit: ['status'] }, /okta GET \/api\/v1\/apps\/\{id\}\/users\/\{id\}: the answer has app user 00u\w+ without status;/],
  ['a user group without id', MOVER, { routes: /^okta GET \/api\/v1\/users\/\{id\}\/groups$/, omit: ['id'] }, /okta GET \/api\/v1\/users\/\{id\}\/groups: the answer has a group without id;/],
  ['a safety-net user without id', MOVER, { routes: /^okta GET \/api\/v1\/users$/, omit: ['id'] }, /okta GET \/api\/v1\/users: the answer has a user without id;/],
  ['a Dropbox get_info_v2 without members_info', MOVER, { routes: /^dropbox team\/members\/get_info_v2$/, omit: ['members_info'] }, /dropbox team\/members\/get_info_v2: the answer has a body without members_info;/],
  ['a Dropbox member without status', MOVER, { routes: /^dropbox team\/members\/get_info_v2$/, omit: ['profile.status'] }, /dropbox team\/members\/get_info_v2: the answer has member dbmid:\S+ without profile\.status;/],
  ['a Dropbox group without group_name', MOVER, { routes: /^dropbox team\/groups\/get_info$/, omit: ['group_name'] }, /dropbox team\/groups\/get_info: the answer has group g:\S+ without group_name;/],
  ['a Dropbox team/get_info without num_provisioned_users', MOVER, { routes: /^dropbox team\/get_info$/, omit: ['num_provisioned_users'] }, /dropbox team\/get_info: the answer has a team without num_provisioned_users;/],
];

for (const [name, actions, rule, message] of CASES) {
  t.test(`an incremental reconcile fails on ${name}, in one line naming route and field, writing nothing`, async (t) => {
    const s = await synced(t, actions);
    const before = JSON.stringify([s.sandbox.dropbox.members(), s.sandbox.dropbox.groups()]);
    s.sandbox.http.hostile = [rule];
    s.sandbox.http.resetCounters();
    const r = await cli(['reconcile', '--since', '15m', '--auto-approve'], s);
    t.equal(r.code, 1, r.out);
    const lines = r.err.trimEnd().split('\n');
    t.equal(lines.length, 1, r.err);
    t.match(lines[0], message);
    t.match(lines[0], 'invalid_response');
    t.notMatch(r.err, /Cannot read properties|undefined/);
    t.equal(writes(s.sandbox), 0, 'no Dropbox write');
    t.equal(JSON.stringify([s.sandbox.dropbox.members(), s.sandbox.dropbox.groups()]), before, 'the team is as it was');
  });
}

t.test('without the faults the same runs apply the change (the cases above fail for the shape alone)', async (t) => {
  for (const actions of [LEAVER, MOVER]) {
    const s = await synced(t, actions);
    const r = await cli(['reconcile', '--since', '15m', '--auto-approve', '--format', 'json'], s);
    t.equal(r.code, 0, r.err);
    t.match(JSON.parse(r.out), { mode: 'incremental', escalated: null, applied: 1, failed: 0 });
  }
});
