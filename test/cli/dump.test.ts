/**
 * `dbxsync dump` end to end, in-process, against the sandbox through the real SDKs: the files it
 * writes validate, and the first plan on them holds no destructive change (the demo company and a
 * generated org); it refuses to overwrite without --force and says which files it wrote.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { loadDesiredState, formatIssue } from '../../src/config/index.js';
import type { Plan } from '../../src/domain/plan.js';
import { DEMO_APP_ID, demoSeed } from '../../src/sandbox/demo-seed.js';
import { GENERATED_APP_ID, generateOrg } from '../../src/sandbox/generate.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed.js';
import { harmIn } from '../dump/round-trip.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';

const NOW = '2026-11-28T12:00:00.000Z';
const FILES = ['settings.yaml', 'groups.yaml', 'roles.yaml', 'offboarding.yaml'];

async function withSandbox(t: Test, seed: SandboxSeed = demoSeed(new Date(NOW))): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed, clock: () => new Date(NOW), keepLog: false });
  t.teardown(() => sandbox.close());
  return sandbox;
}

async function cli(argv: string[], sandbox: Sandbox, cwd: string, env: Record<string, string> = {}) {
  const io = captureIO({ env: { ...sandbox.env(), ...env }, cwd, now: NOW });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function workdir(t: Test): string {
  return scratchDir(t, 'dbxsync-dump-cli-');
}

/** dump, validate, plan: the dump's promise on a live team. */
async function dumpThenPlan(t: Test, sandbox: Sandbox, appId: string): Promise<{ plan: Plan; dir: string; out: string }> {
  const cwd = workdir(t);
  const dumped = await cli(['dump', '--out', 'adopted', '--app-id', appId, '--quiet'], sandbox, cwd);
  t.equal(dumped.code, 0, dumped.err);
  t.equal(dumped.err, '', 'nothing on stderr');
  const dir = path.join(cwd, 'adopted');
  const loaded = await loadDesiredState(dir, { now: new Date(NOW), cwd });
  t.ok(loaded.ok, loaded.ok ? 'the dump validates' : loaded.issues.map(formatIssue).join('\n'));
  if (loaded.ok) t.same(loaded.warnings.map(formatIssue), [], 'without a warning');
  const planned = await cli(['plan', '--dir', 'adopted', '--format', 'json', '--quiet'], sandbox, cwd);
  t.equal(planned.code, 0, `plan exits 0 (the safety checks pass): ${planned.err}`);
  const plan = JSON.parse(planned.out) as Plan;
  t.same(harmIn(plan), [], 'the first plan: no removal, suspension, role change, group member removal or group deletion');
  return { plan, dir, out: dumped.out };
}

t.test('demo company: the dump validates and the first plan changes nothing destructive', async (t) => {
  const sandbox = await withSandbox(t);
  const { plan, dir, out } = await dumpThenPlan(t, sandbox, DEMO_APP_ID);
  for (const f of FILES) t.match(out, new RegExp(`^Wrote adopted/${f.replace('.', '\\.')}: `, 'm'), `names ${f}`);
  t.match(out, /^Review the files, then run: dbxsync plan --dir adopted$/m);
  t.ok(plan.actions.length > 0, 'new hires and profile updates still go through');
  const groups = readFileSync(path.join(dir, 'groups.yaml'), 'utf8');
  t.match(groups, /- oktaGroup: Sales\n    dropboxGroup: Sales Team/, 'the marker group under its Dropbox name');
  t.match(groups, /#   - Engineering: pushing Okta group Engineering would remove 1 member/, 'the drifted group is left alone, and says why');
  const settings = readFileSync(path.join(dir, 'settings.yaml'), 'utf8');
  t.match(settings, /appId: 0oa1dropbox2bus3ness/);
  t.match(settings, /- it-admin@acme-robotics\.example/, "the token's admin is protected");
  t.ok(plan.reports.some((r) => r.kind === 'protected_member'), 'leavers held back show as reports, not suspensions');
});

t.test('generated org of 2,000 people: the dump validates and the first plan changes nothing destructive', async (t) => {
  const sandbox = await withSandbox(t, generateOrg({ people: 2000, now: new Date(NOW) }));
  const { dir } = await dumpThenPlan(t, sandbox, GENERATED_APP_ID);
  const groups = readFileSync(path.join(dir, 'groups.yaml'), 'utf8');
  t.match(groups, /- oktaGroup: dbx-team-/, 'the generated teams are pushed');
});

t.test('existing files: refused without --force (one line, exit 1, nothing written, no API call); --force overwrites', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  mkdirSync(path.join(cwd, 'desired-state'));
  writeFileSync(path.join(cwd, 'desired-state', 'roles.yaml'), 'roles: []\n');
  sandbox.http.resetCounters();
  const refused = await cli(['dump', '--app-id', DEMO_APP_ID], sandbox, cwd);
  t.equal(refused.code, 1);
  t.equal(refused.err, 'dbxsync dump: desired-state/roles.yaml already exists; nothing written (pass --force to overwrite)\n');
  t.equal(refused.out, '');
  t.equal(readFileSync(path.join(cwd, 'desired-state', 'roles.yaml'), 'utf8'), 'roles: []\n', 'untouched');
  t.notOk(existsSync(path.join(cwd, 'desired-state', 'settings.yaml')), 'no other file written');
  t.equal(sandbox.http.calls(), 0, 'no API call made');

  const forced = await cli(['dump', '--app-id', DEMO_APP_ID, '--force', '--quiet'], sandbox, cwd);
  t.equal(forced.code, 0, forced.err);
  t.match(readFileSync(path.join(cwd, 'desired-state', 'roles.yaml'), 'utf8'), /- role: team_admin/);
  for (const f of FILES) t.ok(existsSync(path.join(cwd, 'desired-state', f)), `${f} written`);

  const again = await cli(['dump', '--force', '--quiet'], sandbox, cwd);
  t.equal(again.code, 0, `dumping over a dump again takes the app id from its settings.yaml: ${again.err}`);
  t.match(again.out, /okta\.appId 0oa1dropbox2bus3ness/);
});

t.test('the app id: --app-id wins over OKTA_APP_ID; without either, the one Dropbox app Okta lists', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const found = await cli(['dump', '--out', 'x', '--quiet'], sandbox, cwd);
  t.equal(found.code, 0, `dbxsync dump [--out DIR] works as design.md states it: ${found.err}`);
  t.match(readFileSync(path.join(cwd, 'x', 'settings.yaml'), 'utf8'), /appId: 0oa1dropbox2bus3ness/);

  const fromEnv = await cli(['dump', '--out', 'env', '--quiet'], sandbox, cwd, { OKTA_APP_ID: DEMO_APP_ID });
  t.equal(fromEnv.code, 0, fromEnv.err);
  t.match(readFileSync(path.join(cwd, 'env', 'settings.yaml'), 'utf8'), /appId: 0oa1dropbox2bus3ness/);

  const wrong = await cli(['dump', '--out', 'wrong', '--quiet', '--app-id', '0oaNOSUCHAPP'], sandbox, cwd, { OKTA_APP_ID: DEMO_APP_ID });
  t.equal(wrong.code, 1, '--app-id is used (and Okta has no such app)');
  t.equal(wrong.err.trim().split('\n').length, 1, 'one error line');
  t.notOk(existsSync(path.join(cwd, 'wrong')), 'nothing written when the read fails');
});

t.test('a missing directory is created; other YAML files there are pointed out', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const nested = await cli(['dump', '--out', 'repo/idp/dropbox', '--app-id', DEMO_APP_ID, '--quiet'], sandbox, cwd);
  t.equal(nested.code, 0, nested.err);
  for (const f of FILES) t.ok(existsSync(path.join(cwd, 'repo/idp/dropbox', f)), `${f} written`);

  mkdirSync(path.join(cwd, 'mixed'));
  writeFileSync(path.join(cwd, 'mixed', 'import.yaml'), 'import:\n  createUsers: false\n');
  const mixed = await cli(['dump', '--out', 'mixed', '--app-id', DEMO_APP_ID, '--quiet'], sandbox, cwd);
  t.equal(mixed.code, 0, mixed.err);
  t.equal(mixed.err, 'dbxsync dump: mixed/import.yaml is merged with the dumped files: run dbxsync validate --dir mixed\n');
  const loaded = await loadDesiredState(path.join(cwd, 'mixed'), { now: new Date(NOW), cwd });
  t.ok(loaded.ok, 'an import section merges cleanly');
});

t.test('an identity the planner refuses to guess is pointed out on stderr (the files are still written)', async (t) => {
  const seed = demoSeed(new Date(NOW));
  const pedro = seed.okta.users.find((u) => u.profile.email.startsWith('pedro.alves@'))!;
  seed.okta.users.push({ ...pedro, id: '00upedrotwin', profile: { ...pedro.profile, login: 'pedro.twin@acme-robotics.example' } });
  seed.okta.appUserIds.push('00upedrotwin');
  const sandbox = await withSandbox(t, seed);
  const cwd = workdir(t);
  const res = await cli(['dump', '--app-id', DEMO_APP_ID, '--quiet'], sandbox, cwd);
  t.equal(res.code, 0, res.err);
  t.match(res.err, /^dbxsync dump: plans will be refused until this is resolved: Dropbox member pedro\.alves@acme-robotics\.example matches 2 Okta users by email \(00u\w+, 00u\w+\): set its external id to the right Okta id$/m);
  for (const f of FILES) t.ok(existsSync(path.join(cwd, 'desired-state', f)), `${f} written`);
});
