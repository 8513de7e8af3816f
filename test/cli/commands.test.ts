/**
 * The commands end to end, in-process, against the sandbox through the real SDKs over HTTP: the
 * exit codes and outputs of design.md, the reviewed-plan guard, and secrets that never leak.
 */
import { readFileSync, writeFileSync, cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;
const TOKENS = { okta: 'OKTA-SECRET-e2e-4f1c9a', dropbox: 'DBX-SECRET-e2e-77b2d0' };

async function withSandbox(t: Test, seed: SandboxSeed = demoSeed(new Date(NOW))): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed, tokens: TOKENS, clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  return sandbox;
}

function workdir(t: Test): string {
  const dir = scratchDir(t, 'dbxsync-cli-');
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  return dir;
}

async function cli(argv: string[], sandbox: Sandbox, cwd: string, extra: { tty?: boolean } = {}) {
  const io = captureIO({ env: sandbox.env(), cwd, now: NOW, ...(extra.tty ? { tty: true } : {}) });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

t.test('plan prints the demo plan; --detailed-exitcode exits 2 while changes are pending', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const plain = await cli(['plan'], sandbox, cwd);
  t.equal(plain.code, 0, plain.err);
  t.match(plain.out, /^Plan: \d+ to add, \d+ to change, \d+ to suspend, \d+ to remove\.$/m);
  const detailed = await cli(['plan', '--detailed-exitcode', '--format', 'json', '--out', 'plan.json'], sandbox, cwd);
  t.equal(detailed.code, 2);
  const json = JSON.parse(detailed.out);
  t.equal(json.formatVersion, 1);
  t.same(JSON.parse(readFileSync(path.join(cwd, 'plan.json'), 'utf8')).actions, json.actions, '--out holds the same plan');
  const md = await cli(['plan', '--format', 'markdown'], sandbox, cwd);
  t.equal(md.code, 0);
  t.match(md.out, /<details>/);
});

t.test('apply --plan applies a reviewed plan; the next plan has no changes (exit 0 with --detailed-exitcode)', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const filesBefore = sandbox.dropbox.totalFiles();
  const applied = await cli(['apply', '--plan', 'plan.json', '--audit-log', 'audit.jsonl'], sandbox, cwd);
  t.equal(applied.code, 0, applied.err);
  t.match(applied.out, /Apply complete: \d+ applied, 0 failed, 0 skipped\./);
  t.equal(sandbox.dropbox.totalFiles(), filesBefore, 'no file lost');
  const lines = readFileSync(path.join(cwd, 'audit.jsonl'), 'utf8').trim().split('\n');
  t.ok(lines.length > 5);
  for (const line of lines) t.equal(JSON.parse(line).outcome, 'applied');
  const again = await cli(['plan', '--detailed-exitcode'], sandbox, cwd);
  t.equal(again.code, 0);
  t.match(again.out, 'No changes.');
});

t.test('apply --plan refuses a destructive action nobody reviewed, and changes nothing', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  // After review, someone else is deactivated in Okta.
  const member = sandbox.dropbox.members().find((m) => m.status === 'active' && m.email.startsWith('a') && m.tier === 'member_only')!;
  const user = [...sandbox.okta.users.values()].find((u) => u.id === member.externalId)!;
  sandbox.okta.setUserStatus(user.id, 'DEPROVISIONED');
  const before = JSON.stringify(sandbox.dropbox.members());
  const res = await cli(['apply', '--plan', 'plan.json'], sandbox, cwd);
  t.equal(res.code, 1);
  t.match(res.err, /refused as stale/);
  t.match(res.err, member.email.toLowerCase());
  t.equal(JSON.stringify(sandbox.dropbox.members()), before, 'nothing changed');
});

t.test('apply --plan lets a new hire through that the reviewed plan did not hold', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const staged = [...sandbox.okta.users.values()].find((u) => u.status === 'STAGED')!;
  sandbox.okta.setUserStatus(staged.id, 'ACTIVE');
  const res = await cli(['apply', '--plan', 'plan.json'], sandbox, cwd);
  t.equal(res.code, 0, res.err);
  t.ok(sandbox.dropbox.memberByEmail(String(staged.profile.email)), 'the new hire is a member');
});

t.test('apply without --plan needs --auto-approve when not on a terminal', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const res = await cli(['apply'], sandbox, cwd);
  t.equal(res.code, 1);
  t.match(res.err, /not a terminal: .*--auto-approve/);
  const approved = await cli(['apply', '--auto-approve', '--audit-log', '-'], sandbox, cwd);
  t.equal(approved.code, 0, approved.err);
  for (const line of approved.out.trim().split('\n')) t.doesNotThrow(() => JSON.parse(line), 'stdout holds only audit JSON lines');
});

t.test('a plan refused by the safety checks is printed in full and exits 1; apply changes nothing', async (t) => {
  const seed = demoSeed(new Date(NOW));
  // 40 people leave at once: more than maxRemovals (25).
  const leavers = seed.okta.users.filter((u) => u.status === 'ACTIVE' && !/breakglass|it-|cto/.test(u.profile.email)).slice(0, 40);
  for (const u of leavers) {
    u.status = 'DEPROVISIONED';
    u.statusChanged = '2026-11-27T10:00:00.000Z';
  }
  const sandbox = await withSandbox(t, seed);
  const cwd = workdir(t);
  const res = await cli(['plan'], sandbox, cwd);
  t.equal(res.code, 1);
  t.match(res.out, /max_removals|maxRemovals|removals/i);
  t.match(res.out, /^Plan: /m, 'the refused plan is still shown in full');
  t.match(res.err, /^dbxsync plan: refused/m);
  const before = JSON.stringify(sandbox.dropbox.members());
  const applied = await cli(['apply', '--auto-approve'], sandbox, cwd);
  t.equal(applied.code, 1);
  t.equal(JSON.stringify(sandbox.dropbox.members()), before, 'nothing changed');
});

t.test('invalid YAML: one line per problem with file:line:col, exit 1, no API call', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  writeFileSync(path.join(cwd, 'desired-state', 'roles.yaml'), 'roles:\n  - role: team_boss\n    oktaGroups: [Dropbox Admins]\n');
  sandbox.http.resetCounters();
  const res = await cli(['plan'], sandbox, cwd);
  t.equal(res.code, 1);
  t.match(res.err, /^desired-state\/roles\.yaml:2:11: /m);
  t.equal(sandbox.http.calls(), 0, 'no API call made');
});

t.test('explain names the chain for a leaver; an unknown person exits 1', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const leaver = demoSeed(new Date(NOW)).okta.users.find((u) => u.status === 'DEPROVISIONED')!;
  const res = await cli(['explain', leaver.profile.email], sandbox, cwd);
  t.equal(res.code, 0, res.err);
  t.match(res.out, /DEPROVISIONED/);
  t.match(res.out, /offboarding\.yaml:\d+/);
  const unknown = await cli(['explain', 'nobody@nowhere.example'], sandbox, cwd);
  t.equal(unknown.code, 1);
  t.equal(unknown.out, '');
  t.equal(unknown.err, 'dbxsync explain: no Okta user and no Dropbox member is known by "nobody@nowhere.example"\n');
  const missing = await cli(['explain'], sandbox, cwd);
  t.equal(missing.code, 1);
  t.match(missing.err, /which person/);
});

t.test('explain prints no escape sequence, CR or bidi control from Okta profile data (issue 12 item 8)', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const user = [...sandbox.okta.users.values()].find((u) => u.status === 'ACTIVE' && u.profile.email.startsWith('a'))!;
  sandbox.okta.setProfile(user, { ...user.profile, firstName: '\x1b[2J\x1b[31mAda\r', lastName: 'Love\u202Ecalp' });
  const res = await cli(['explain', user.profile.email], sandbox, cwd);
  t.equal(res.code, 0, res.err);
  t.notMatch(res.out, /[\x1b\r\u202e]/, 'nothing that moves the cursor, clears the screen or reverses text');
  t.match(res.out, /\ufffd\[2J/, 'shown as visible replacement characters');
});

t.test('secrets never appear in output, plan files, audit logs or error messages', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const outputs: string[] = [];
  for (const argv of [
    ['plan', '--out', 'plan.json', '--format', 'json'],
    ['plan', '--format', 'markdown'],
    ['apply', '--plan', 'plan.json', '--audit-log', 'audit.jsonl', '--debug'],
    ['explain', 'cto@acme-robotics.example'],
  ]) {
    const r = await cli(argv, sandbox, cwd);
    outputs.push(r.out, r.err);
  }
  // A wrong token: the 401 error message must not echo what was sent.
  const bad = captureIO({ env: { ...sandbox.env(), DROPBOX_TEAM_TOKEN: 'DBX-WRONG-SECRET-123456' }, cwd, now: NOW });
  t.equal(await run(['plan', '--debug'], bad), 1);
  outputs.push(bad.out(), bad.err());
  t.match(bad.err(), /dropbox .*401/i);
  for (const f of readdirSync(cwd)) if (f.endsWith('.json') || f.endsWith('.jsonl')) outputs.push(readFileSync(path.join(cwd, f), 'utf8'));
  const all = outputs.join('\n');
  for (const secret of [TOKENS.okta, TOKENS.dropbox, 'DBX-WRONG-SECRET-123456']) t.notMatch(all, secret, `${secret} never printed`);
});

t.test('demo runs the whole loop and ends with no changes', async (t) => {
  const io = captureIO({ cwd: REPO, now: NOW });
  const code = await run(['demo'], io);
  // The demo keeps its audit log for the user to read (it prints the path); the test removes it.
  const audit = /Audit log: (\S+)/.exec(io.out() + io.err())?.[1];
  t.ok(audit !== undefined && readFileSync(audit, 'utf8').length > 0, 'the audit log it prints is there to read');
  if (audit !== undefined) rmSync(path.dirname(audit), { recursive: true, force: true });
  t.equal(code, 0, io.err());
  t.match(io.out(), /1\. Started emulated Okta and Dropbox APIs/);
  t.match(io.out(), /Apply complete: \d+ applied, 0 failed, 0 skipped\./);
  t.match(io.out(), /no file was lost/);
  t.match(io.out(), /No changes\. Dropbox matches the desired state\./);
  // issue 11: a leaver removed by reconcile minutes after Okta deactivates them, without a pull request.
  t.match(io.out(), /5\. Okta deactivates (\S+); `dbxsync reconcile`/);
  t.match(io.out(), /is now (removed|suspended) in Dropbox \(incremental reconcile, 1 applied\); files on the team: \d+, lost: 0\./);
});
