/**
 * `dbxsync import` end to end, in-process, against the sandbox through the real SDKs over HTTP:
 * report only by default, links, new STAGED users, profile write-back, what cannot be matched,
 * import.maxWrites, protected members, the round trip into `plan`, and secrets that never leak.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { OKTA_IMPORT_SCOPES, OKTA_READ_SCOPES } from '../../src/okta/client.js';
import { createDropboxApi } from '../../src/sandbox/dropbox/index.js';
import { SandboxHttp } from '../../src/sandbox/http.js';
import { createOktaApi } from '../../src/sandbox/okta/api.js';
import { DEMO_APP_ID, DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import { generateDesiredStateYaml, generateOrg } from '../../src/sandbox/generate.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { SandboxSeed, SeedOktaUser } from '../../src/sandbox/seed.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;
const TOKENS = { okta: 'OKTA-SECRET-import-5d2e8b', dropbox: 'DBX-SECRET-import-c41a7f' };
/** The demo's Dropbox member that Okta has never known. */
const JORDAN = `jordan.blake@${DEMO_DOMAIN}`;

async function withSandbox(t: Test, seed: SandboxSeed = demoSeed(new Date(NOW))): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed, tokens: TOKENS, clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  return sandbox;
}

/** A copy of the demo's desired-state/, with import.yaml replaced when `importYaml` is given. */
function workdir(t: Test, importYaml?: string, settings?: (text: string) => string): string {
  const dir = scratchDir(t, 'dbxsync-import-');
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  if (importYaml !== undefined) writeFileSync(path.join(dir, 'desired-state', 'import.yaml'), importYaml);
  if (settings !== undefined) {
    const file = path.join(dir, 'desired-state', 'settings.yaml');
    writeFileSync(file, settings(readFileSync(file, 'utf8')));
  }
  return dir;
}

function importYaml(fields: { linkMatchingUsers?: boolean; createUsers?: boolean; profile?: Record<string, string>; maxWrites?: number }): string {
  const profile = Object.entries(fields.profile ?? {});
  return [
    'import:',
    `  linkMatchingUsers: ${fields.linkMatchingUsers ?? true}`,
    `  createUsers: ${fields.createUsers ?? false}`,
    profile.length === 0 ? '  profile: {}' : `  profile:\n${profile.map(([k, v]) => `    ${k}: ${v}`).join('\n')}`,
    `  maxWrites: ${fields.maxWrites ?? 50}`,
    '',
  ].join('\n');
}

async function cli(argv: string[], sandbox: Sandbox, cwd: string) {
  const io = captureIO({ env: sandbox.env(), cwd, now: NOW });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** An Okta user for the seed (ACTIVE unless told), not assigned to the app. */
function seedUser(id: string, email: string, fields: Partial<SeedOktaUser> & { firstName?: string; lastName?: string } = {}): SeedOktaUser {
  const { firstName = 'Jordan', lastName = 'Blake', ...rest } = fields;
  return { id, status: 'ACTIVE', profile: { login: email, email, firstName, lastName }, ...rest };
}

function seedWith(...users: SeedOktaUser[]): SandboxSeed {
  const seed = demoSeed(new Date(NOW));
  seed.okta.users.push(...users);
  return seed;
}

/** What import --apply may change in Okta, as comparable text. */
function oktaSnapshot(sandbox: Sandbox): string {
  const users = [...sandbox.okta.users.values()].map((u) => [u.id, u.status, u.profile]).sort();
  const direct = [...sandbox.okta.directAssignments.entries()].map(([id, a]) => [id, a.userName]).sort();
  return JSON.stringify({ users, direct, app: sandbox.okta.appUsers() });
}

function oktaUsersWithEmail(sandbox: Sandbox, email: string) {
  return [...sandbox.okta.users.values()].filter((u) => String(u.profile.email).toLowerCase() === email);
}

t.test('on the demo company: the unknown member is reported, nothing is written, exit 0', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const before = oktaSnapshot(sandbox);
  const r = await cli(['import'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  t.match(r.out, /unmanaged member\s+jordan\.blake@acme-robotics\.example: active Dropbox member unknown to Okta/);
  t.match(r.out, /import\.yaml:\d+ import\.createUsers: false/);
  t.match(r.out, 'No import changes: 1 member is reported above and left alone.');
  t.notMatch(r.out, 'Dropbox matches the desired state');
  t.equal(oktaSnapshot(sandbox), before, 'Okta unchanged');
  const md = await cli(['import', '--format', 'markdown'], sandbox, cwd);
  t.equal(md.code, 0);
  t.match(md.out, 'jordan.blake@acme-robotics.example');
  t.match(md.out, 'No import changes: 1 member is reported above and left alone.');
  t.notMatch(md.out, 'Dropbox matches the desired state');
  const json = await cli(['import', '--format', 'json', '--out', 'import-plan.json'], sandbox, cwd);
  t.equal(json.code, 0);
  const plan = JSON.parse(json.out);
  t.equal(plan.formatVersion, 1);
  t.same(plan.actions, []);
  t.same(plan.safety, { ok: true, violations: [] });
  t.match(plan.fingerprint, /^sha256:[0-9a-f]{64}$/);
  t.same(JSON.parse(readFileSync(path.join(cwd, 'import-plan.json'), 'utf8')), plan, '--out holds the same plan');
});

t.test('a matching Okta user: report only by default, linked with --apply, then plan adopts the member (round trip)', async (t) => {
  const sandbox = await withSandbox(t, seedWith(seedUser('00uimportjordan01', JORDAN)));
  const cwd = workdir(t);
  const before = oktaSnapshot(sandbox);

  const report = await cli(['import'], sandbox, cwd);
  t.equal(report.code, 0, report.err);
  t.match(report.out, /Okta: assign to the Dropbox app/);
  t.match(report.out, /Okta user 00uimportjordan01 \(ACTIVE\) matches it by email/);
  t.match(report.out, /import\.yaml:\d+ import\.linkMatchingUsers: true/);
  t.match(report.out, /^Plan: 1 to add, 0 to change, 0 to suspend, 0 to remove\.$/m);
  t.match(report.err, 'Report only: nothing was written to Okta.');
  t.equal(oktaSnapshot(sandbox), before, 'report only: Okta unchanged');

  const applied = await cli(['import', '--apply', '--audit-log', 'import-audit.jsonl'], sandbox, cwd);
  t.equal(applied.code, 0, applied.err);
  t.match(applied.out, 'Import complete: 1 applied, 0 failed.');
  t.same(sandbox.okta.directAssignments.get('00uimportjordan01')?.userName, JORDAN, 'assigned with the Dropbox email as user name');
  const audit = readFileSync(path.join(cwd, 'import-audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  t.equal(audit.length, 1);
  t.match(audit[0], { kind: 'okta.assign', target: JORDAN, outcome: 'applied', attempts: 1 });

  // The next sync plan treats the member as managed: its external id is adopted, nothing else.
  const plan = JSON.parse((await cli(['plan', '--format', 'json'], sandbox, cwd)).out);
  const jordanActions = plan.actions.filter((a: { member?: { email: string } }) => a.member?.email === JORDAN);
  t.same(
    jordanActions.map((a: { kind: string; changes: unknown }) => [a.kind, a.changes]),
    [['member.update_profile', { externalId: { from: null, to: '00uimportjordan01' } }]],
  );
  t.notOk(plan.reports.some((r: { email: string }) => r.email === JORDAN), 'no longer reported as unmanaged');
  const apply = await cli(['apply', '--auto-approve', '--audit-log', 'apply-audit.jsonl'], sandbox, cwd);
  t.equal(apply.code, 0, apply.err);
  t.equal(sandbox.dropbox.memberByEmail(JORDAN)?.externalId, '00uimportjordan01');
  const again = await cli(['plan', '--detailed-exitcode'], sandbox, cwd);
  t.equal(again.code, 0, 'nothing left to do');
  const imported = await cli(['import'], sandbox, cwd);
  t.equal(imported.code, 0);
  t.match(imported.out, 'No import changes: every Dropbox member is known to Okta.');
});

t.test('createUsers: a STAGED Okta user is created from the Dropbox profile and assigned', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t, importYaml({ createUsers: true }));
  const report = await cli(['import'], sandbox, cwd);
  t.equal(report.code, 0, report.err);
  t.match(report.out, /Okta: create a STAGED user \(email "jordan\.blake@acme-robotics\.example", firstName "Jordan", lastName "Blake", login "jordan\.blake@acme-robotics\.example"\)/);
  t.same(oktaUsersWithEmail(sandbox, JORDAN), [], 'report only creates nothing');

  const applied = await cli(['import', '--apply', '--audit-log', 'audit.jsonl'], sandbox, cwd);
  t.equal(applied.code, 0, applied.err);
  const created = oktaUsersWithEmail(sandbox, JORDAN);
  t.equal(created.length, 1);
  t.match(created[0], { status: 'STAGED', profile: { login: JORDAN, email: JORDAN, firstName: 'Jordan', lastName: 'Blake' } });
  t.equal(sandbox.okta.directAssignments.get(created[0]!.id)?.userName, JORDAN);
  t.match(applied.out, new RegExp(`Created \\(1\\):\\n  okta\\.create_user ${JORDAN.replace(/\./g, '\\.')}: Okta user ${created[0]!.id} \\(STAGED\\)`));

  // Once created and assigned, the member is managed by the sync plan (adopted), and not shown as
  // waiting to be added: it is a Dropbox member already.
  const plan = JSON.parse((await cli(['plan', '--format', 'json'], sandbox, cwd)).out);
  t.notOk(plan.waiting.some((w: { email: string }) => w.email === JORDAN));
  t.ok(plan.actions.some((a: { kind: string; member?: { email: string } }) => a.kind === 'member.update_profile' && a.member?.email === JORDAN), 'adopted: external id set');
  t.notOk(plan.reports.some((r: { email: string }) => r.email === JORDAN));
  const again = await cli(['import'], sandbox, cwd);
  t.match(again.out, 'No import changes: every Dropbox member is known to Okta.');
});

t.test('profile write-back: Okta attributes Dropbox masters follow Dropbox; a protected member is left alone', async (t) => {
  const seed = demoSeed(new Date(NOW));
  const breakglass = seed.dropbox.members.find((m) => m.email.startsWith('breakglass@'))!;
  breakglass.givenName = 'Glass';
  const sandbox = await withSandbox(t, seed);
  const cwd = workdir(t, importYaml({ profile: { firstName: 'givenName', lastName: 'surname' } }));
  const plan = JSON.parse((await cli(['import', '--format', 'json'], sandbox, cwd)).out);
  const updates = plan.actions.filter((a: { kind: string }) => a.kind === 'okta.update_profile');
  t.ok(updates.length > 0, 'the demo has people whose Dropbox names differ from Okta');
  t.ok(
    plan.reports.some((r: { kind: string; email: string; message: string }) => r.kind === 'protected_member' && r.email.startsWith('breakglass@') && /firstName "Breakglass" in Okta, given name "Glass" in Dropbox/.test(r.message)),
    'protected member reported',
  );
  t.notOk(updates.some((a: { member: { email: string } }) => a.member.email.startsWith('breakglass@')));
  t.ok(plan.warnings.some((w: { code: string }) => w.code === 'profile_both_ways'));
  const breakglassUser = [...sandbox.okta.users.values()].find((u) => u.profile.login.startsWith('breakglass@'))!;

  const applied = await cli(['import', '--apply', '--audit-log', 'audit.jsonl'], sandbox, cwd);
  t.equal(applied.code, 0, applied.err);
  for (const a of updates) {
    const user = sandbox.okta.users.get(a.member.oktaUserId)!;
    for (const [attribute, change] of Object.entries(a.changes as Record<string, { to: string }>)) t.equal(user.profile[attribute], change.to, `${a.member.email} ${attribute}`);
  }
  t.equal(breakglassUser.profile['firstName'], 'Breakglass', 'the protected member\u2019s Okta user is untouched');
  const again = JSON.parse((await cli(['import', '--format', 'json'], sandbox, cwd)).out);
  t.same(again.actions, [], 'written back: nothing left');
});

t.test('what cannot be matched is reported, not written: two Okta users with one email, a DEPROVISIONED match', async (t) => {
  const cases = [
    {
      name: 'two Okta users with one email',
      users: [seedUser('00uimportdupe0001', JORDAN), seedUser('00uimportdupe0002', JORDAN.toUpperCase(), { profile: { login: 'jb2@elsewhere.example', email: JORDAN.toUpperCase(), firstName: 'J', lastName: 'B' } })],
      expect: /ambiguous match\s+jordan\.blake@acme-robotics\.example: matches 2 Okta users by email \(00uimportdupe0001 ACTIVE, 00uimportdupe0002 ACTIVE\); not linked/,
    },
    {
      name: 'a DEPROVISIONED match',
      users: [seedUser('00uimportgone0001', JORDAN, { status: 'DEPROVISIONED' })],
      expect: /jordan\.blake@acme-robotics\.example: matches Okta user 00uimportgone0001 \(DEPROVISIONED\) by email, and that user is DEPROVISIONED: not linked/,
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const sandbox = await withSandbox(t, seedWith(...c.users));
      const cwd = workdir(t, importYaml({ createUsers: true }));
      const before = oktaSnapshot(sandbox);
      const r = await cli(['import', '--apply'], sandbox, cwd);
      t.equal(r.code, 0, r.err);
      t.match(r.out, c.expect);
      t.match(r.out, 'No import changes: 1 member is reported above and left alone.');
      t.equal(oktaSnapshot(sandbox), before, 'Okta unchanged');
    });
  }
});

t.test('import.maxWrites: a larger plan is refused, shown in full, and nothing is written even with --apply', async (t) => {
  const sandbox = await withSandbox(t, seedWith(seedUser('00uimportjordan01', JORDAN)));
  const cwd = workdir(t, importYaml({ profile: { firstName: 'givenName' }, maxWrites: 1 }));
  const before = oktaSnapshot(sandbox);
  const r = await cli(['import', '--apply'], sandbox, cwd);
  t.equal(r.code, 1);
  t.match(r.out, /Refused: this plan breaks 1 safety rule/);
  t.match(r.out, /max_writes: \d+ Okta writes exceed import\.maxWrites 1 \(import\.yaml:\d+\)/);
  t.match(r.out, /Okta: assign to the Dropbox app/, 'the refused plan is printed in full');
  t.match(r.err, 'dbxsync import: refused');
  t.equal(oktaSnapshot(sandbox), before, 'Okta unchanged');
});

t.test('a protected member without an Okta user: reported, never created', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t, importYaml({ createUsers: true }), (text) => text.replace('    - breakglass@acme-robotics.example', `    - breakglass@acme-robotics.example\n    - ${JORDAN}`));
  const before = oktaSnapshot(sandbox);
  const r = await cli(['import', '--apply'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  t.match(r.out, /protected member\s+jordan\.blake@acme-robotics\.example: protected \(protectedMembers, settings\.yaml:\d+\)/);
  t.equal(oktaSnapshot(sandbox), before);
});

t.test('a failed write does not stop the others; exit 1; the audit log has a line per action; no secret anywhere', async (t) => {
  // Okta holds a login equal to Jordan's email under another email: the reader cannot see it, so the
  // create is planned and Okta refuses it. The link of the other member goes through regardless.
  const seed = seedWith(seedUser('00uimportlogin001', 'someone.else@elsewhere.example', { profile: { login: JORDAN, email: 'someone.else@elsewhere.example', firstName: 'S', lastName: 'E' } }));
  const extra = { ...seed.dropbox.members.find((m) => m.email === JORDAN)!, teamMemberId: 'dbmid:AAimportextra0000000000000000000001', accountId: 'dbid:AAimportextra000000000000000000001', email: `sam.rivers@${DEMO_DOMAIN}`, givenName: 'Sam', surname: 'Rivers' };
  seed.dropbox.members.push(extra);
  seed.okta.users.push(seedUser('00uimportsam00001', `sam.rivers@${DEMO_DOMAIN}`, { firstName: 'Sam', lastName: 'Rivers' }));
  const sandbox = await withSandbox(t, seed);
  const cwd = workdir(t, importYaml({ createUsers: true }));
  const r = await cli(['import', '--apply', '--audit-log', 'audit.jsonl', '--out', 'import-plan.json'], sandbox, cwd);
  t.equal(r.code, 1);
  t.match(r.out, /Failed \(1\):\n  okta\.create_user jordan\.blake@acme-robotics\.example: E0000001: /);
  t.match(r.out, 'Import complete: 1 applied, 1 failed.');
  t.equal(sandbox.okta.directAssignments.get('00uimportsam00001')?.userName, `sam.rivers@${DEMO_DOMAIN}`);
  const audit = readFileSync(path.join(cwd, 'audit.jsonl'), 'utf8');
  t.same(
    audit.trim().split('\n').map((l) => JSON.parse(l)).map((e) => [e.kind, e.outcome]).sort(),
    [['okta.assign', 'applied'], ['okta.create_user', 'failed']],
  );
  const planFile = readFileSync(path.join(cwd, 'import-plan.json'), 'utf8');
  for (const text of [r.out, r.err, audit, planFile]) {
    t.notMatch(text, TOKENS.okta);
    t.notMatch(text, TOKENS.dropbox);
  }
  t.equal(sandbox.okta.appId, DEMO_APP_ID);
});

t.test('usage errors: an unknown format; --help documents the options', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const bad = await cli(['import', '--format', 'yaml'], sandbox, cwd);
  t.equal(bad.code, 1);
  t.match(bad.err, 'unknown --format "yaml"');
  const ignored = await cli(['import', '--audit-log', 'audit.jsonl'], sandbox, cwd);
  t.equal(ignored.code, 0);
  t.match(ignored.err, '--audit-log is ignored without --apply');
  const help = await cli(['import', '--help'], sandbox, cwd);
  t.equal(help.code, 0);
  for (const option of ['--dir', '--out', '--format', '--apply', '--audit-log', '--quiet']) t.match(help.out + help.err, option);
});

t.test('OAuth: report only asks for read scopes; --apply asks for the import scopes and fails cleanly without them', async (t) => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const clientId = '0oaimport1service2app';
  const serve = async (grantedScopes: readonly string[]) => {
    const seed = demoSeed(new Date(NOW));
    const clock = () => new Date(NOW);
    const okta = createOktaApi(seed.okta, { token: TOKENS.okta, clock, serviceApp: { clientId, publicKey, grantedScopes } });
    const dropbox = createDropboxApi(seed.dropbox, { token: TOKENS.dropbox, clock });
    const http = new SandboxHttp([okta.api, okta.oauthApi, dropbox.api]);
    const url = await http.listen();
    t.teardown(() => http.close());
    const env = { OKTA_ORG_URL: url, OKTA_CLIENT_ID: clientId, OKTA_PRIVATE_KEY: privateKey, DROPBOX_API_URL: url, DROPBOX_TEAM_TOKEN: TOKENS.dropbox };
    return { okta: okta.state, env };
  };
  const cwd = workdir(t, importYaml({ createUsers: true }));
  const go = async (env: Record<string, string>, argv: string[]) => {
    const io = captureIO({ env, cwd, now: NOW });
    const code = await run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  const readOnly = await serve(OKTA_READ_SCOPES);
  const report = await go(readOnly.env, ['import']);
  t.equal(report.code, 0, report.err);
  t.match(report.out, 'Okta: create a STAGED user');
  const refused = await go(readOnly.env, ['import', '--apply']);
  t.equal(refused.code, 1);
  t.match(refused.err, /invalid_scope/);
  t.equal([...readOnly.okta.users.values()].filter((u) => u.profile.email === JORDAN).length, 0, 'nothing created');
  const keyLine = privateKey.split('\n')[1]!;
  for (const text of [report.out, report.err, refused.out, refused.err]) t.notMatch(text, keyLine, 'the private key is in no output');

  const granted = await serve(OKTA_IMPORT_SCOPES);
  const applied = await go(granted.env, ['import', '--apply', '--audit-log', 'oauth-audit.jsonl']);
  t.equal(applied.code, 0, applied.err);
  t.equal([...granted.okta.users.values()].filter((u) => u.profile.email === JORDAN && u.status === 'STAGED').length, 1);
});

t.test('a generated org: the members Okta does not know are created, then the next import and the next plan agree', async (t) => {
  const options = { people: 1000, now: new Date(NOW) };
  const sandbox = await withSandbox(t, generateOrg(options));
  const cwd = scratchDir(t, 'dbxsync-import-gen-');
  mkdirSync(path.join(cwd, 'desired-state'));
  for (const [file, text] of Object.entries(generateDesiredStateYaml(options))) writeFileSync(path.join(cwd, 'desired-state', file), text);
  writeFileSync(path.join(cwd, 'desired-state', 'import.yaml'), importYaml({ createUsers: true, maxWrites: 1000 }));

  const before = JSON.parse((await cli(['plan', '--format', 'json'], sandbox, cwd)).out);
  const unknown = before.reports.filter((r: { kind: string }) => r.kind === 'unmanaged_member').map((r: { email: string }) => r.email).sort();
  t.ok(unknown.length > 0, `${unknown.length} members unknown to Okta`);
  const plan = JSON.parse((await cli(['import', '--format', 'json'], sandbox, cwd)).out);
  t.same(plan.actions.filter((a: { kind: string }) => a.kind === 'okta.create_user').map((a: { member: { email: string } }) => a.member.email).sort(), unknown, 'import creates exactly whom plan reports as unknown');

  const applied = await cli(['import', '--apply', '--quiet', '--audit-log', 'audit.jsonl'], sandbox, cwd);
  t.equal(applied.code, 0, applied.err);
  const after = JSON.parse((await cli(['plan', '--format', 'json'], sandbox, cwd)).out);
  t.same(after.reports.filter((r: { kind: string }) => r.kind === 'unmanaged_member'), [], 'no member is unknown to Okta any more');
  const again = JSON.parse((await cli(['import', '--format', 'json'], sandbox, cwd)).out);
  t.same(again.actions, [], 'nothing left to import');
});

t.test('Okta answers 429 to an assignment: retried after Retry-After, applied, the audit log counts the attempts', async (t) => {
  const sandbox = await withSandbox(t, seedWith(seedUser('00uimportjordan01', JORDAN)));
  const cwd = workdir(t);
  sandbox.http.setFaults({ rate429: 0.5, seed: 9, routes: /POST \/api\/v1\/apps\/\{id\}\/users$/, retryAfterSeconds: 1 });
  const r = await cli(['import', '--apply', '--audit-log', 'audit.jsonl'], sandbox, cwd);
  t.equal(r.code, 0, r.err);
  t.equal(sandbox.okta.directAssignments.get('00uimportjordan01')?.userName, JORDAN);
  const [entry] = readFileSync(path.join(cwd, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  t.match(entry, { kind: 'okta.assign', outcome: 'applied' });
  t.equal(entry.attempts, 2, 'one 429, then applied');
  t.ok(sandbox.http.log.some((e) => e.fault === '429'), 'a 429 was answered');
});
