import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { loadDesiredState } from '../../src/config/index.js';
import type { DesiredState } from '../../src/domain/desired.js';
import { compileGroupPattern } from '../../src/domain/group-pattern.js';
import { emailKey, type DropboxState, type OktaState } from '../../src/domain/live.js';
import type { Action, Plan } from '../../src/domain/plan.js';
import { planDropboxChanges } from '../../src/plan/plan-dropbox-changes.js';
import { createDropboxClient } from '../../src/dropbox/client.js';
import { readDropboxState } from '../../src/dropbox/reader.js';
import { createOktaClient } from '../../src/okta/client.js';
import { readOktaState } from '../../src/okta/reader.js';
import { DEMO_ACCOUNTS, DEMO_APP_ID, DEMO_GROUPS, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { generateDesiredStateYaml, generateOrg } from '../../src/sandbox/generate.js';
import { validateSeed } from '../../src/sandbox/load-seed.js';
import type { SandboxSeed } from '../../src/sandbox/seed.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const REPO = REPO_ROOT;
const NOW = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;

/**
 * The live state dbxsync's readers would build from a sandbox with this seed: app assignments
 * without DEPROVISIONED users (Okta drops their assignments), every group with its members.
 */
function liveOf(seed: SandboxSeed, now: Date): { okta: OktaState; dropbox: DropboxState } {
  const status = new Map(seed.okta.users.map((u) => [u.id, u.status]));
  const scope = new Map<string, 'USER' | 'GROUP'>();
  for (const g of seed.okta.groups) if (seed.okta.appGroupIds.includes(g.id)) for (const id of g.members) scope.set(id, 'GROUP');
  for (const id of seed.okta.appUserIds) scope.set(id, 'USER');
  const okta: OktaState = {
    appId: seed.okta.appId,
    users: seed.okta.users.map((u) => ({
      id: u.id,
      status: u.status as OktaState['users'][number]['status'],
      login: u.profile.login,
      email: u.profile.email.toLowerCase(),
      profile: u.profile,
      created: u.created ?? null,
      activated: u.activated ?? null,
      statusChanged: u.statusChanged ?? null,
      lastUpdated: u.lastUpdated ?? null,
    })),
    assignments: [...scope].filter(([id]) => status.get(id) !== 'DEPROVISIONED').map(([userId, s]) => ({ userId, scope: s })),
    appGroupIds: seed.okta.appGroupIds,
    groups: seed.okta.groups.map((g) => ({ id: g.id, name: g.name, type: g.type ?? 'OKTA_GROUP', memberIds: g.members })),
  };
  const dropbox: DropboxState = {
    teamName: seed.dropbox.teamName,
    authenticatedAdminId: seed.dropbox.authenticatedAdminId,
    members: seed.dropbox.members.map((m) => ({
      teamMemberId: m.teamMemberId,
      accountId: m.accountId ?? null,
      email: m.email,
      emailKey: emailKey(m.email),
      emailVerified: m.emailVerified ?? m.status !== 'invited',
      externalId: m.externalId ?? null,
      givenName: m.givenName,
      surname: m.surname,
      status: m.status as DropboxState['members'][number]['status'],
      isRecoverable: m.status === 'removed' && (m.isRecoverable ?? now.getTime() - Date.parse(m.removedAt ?? '1970-01-01') < 7 * DAY),
      isDisconnected: m.isDisconnected ?? false,
      role: (m.role ?? 'member_only') as DropboxState['members'][number]['role'],
      otherRoles: [],
      invitedOn: m.invitedOn ?? null,
      joinedOn: m.joinedOn ?? null,
      suspendedOn: m.suspendedOn ?? null,
    })),
    groups: seed.dropbox.groups.map((g) => ({
      groupId: g.groupId,
      name: g.name,
      externalId: g.externalId ?? null,
      managementType: (g.managementType ?? 'company_managed') as DropboxState['groups'][number]['managementType'],
      memberIds: g.managementType === 'system_managed' ? [] : g.members,
    })),
  };
  return { okta, dropbox };
}

async function desiredFrom(dir: string, cwd: string): Promise<DesiredState> {
  const result = await loadDesiredState(dir, { now: NOW, cwd });
  if (!result.ok) throw new Error(result.issues.map((i) => JSON.stringify(i)).join('\n'));
  return result.state;
}

function plan(seed: SandboxSeed, desired: DesiredState, now: Date): Plan {
  return planDropboxChanges({ desired, ...liveOf(seed, now), now: now.toISOString(), toolVersion: 'test' });
}

/** Active team admins once the plan has run. */
function teamAdminsAfter(seed: SandboxSeed, p: Plan): number {
  const role = new Map(seed.dropbox.members.filter((m) => m.status === 'active').map((m) => [m.teamMemberId, m.role ?? 'member_only']));
  for (const a of p.actions) {
    const id = 'member' in a ? a.member.teamMemberId : null;
    if (!id) continue;
    if (a.kind === 'member.set_role') role.set(id, a.to);
    if (a.kind === 'member.remove' || a.kind === 'member.suspend') role.delete(id);
  }
  return [...role.values()].filter((r) => r === 'team_admin').length;
}

const emailsOf = (p: Plan, kind: Action['kind']) =>
  p.actions
    .filter((a) => a.kind === kind)
    .map((a) => ('member' in a ? a.member.email : a.group.name))
    .sort();

t.test('the demo seed is a valid seed of a few hundred people', async (t) => {
  const seed = demoSeed(NOW);
  t.doesNotThrow(() => validateSeed(seed, 'demo'));
  t.ok(seed.okta.users.length >= 200 && seed.okta.users.length <= 400, `${seed.okta.users.length} people`);
  t.equal(seed.okta.appId, DEMO_APP_ID);
});

t.test('the demo tells the same story any day: only timestamps move with `now`', async (t) => {
  t.equal(JSON.stringify(demoSeed(NOW)), JSON.stringify(demoSeed(new Date(NOW))), 'same day, same seed');
  const later = new Date(NOW.getTime() + 400 * DAY);
  const strip = (s: SandboxSeed) => JSON.stringify(s).replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"T"');
  t.equal(strip(demoSeed(later)), strip(demoSeed(NOW)));
  const tom = (s: SandboxSeed) => s.okta.users.find((u) => u.profile.login.startsWith('tom.becker'))!;
  t.equal(Date.parse(tom(demoSeed(later)).statusChanged!) - Date.parse(tom(demoSeed(NOW)).statusChanged!), 400 * DAY);
  for (const hour of [0, 5, 23]) {
    const early = new Date(Date.UTC(2026, 10, 28, hour, 30));
    const seed = demoSeed(early);
    const latest = Math.max(...seed.okta.users.flatMap((u) => [u.created, u.activated, u.statusChanged, u.lastUpdated]).filter((x): x is string => !!x).map(Date.parse));
    t.ok(latest <= early.getTime(), `at ${hour}:30 UTC no timestamp is in the future`);
  }
});

t.test('every name desired-state/ uses exists in the demo org', async (t) => {
  const seed = demoSeed(NOW);
  const desired = await desiredFrom('desired-state', REPO);
  t.equal(desired.okta.appId, seed.okta.appId, 'app id');
  const groupNames = new Set(seed.okta.groups.map((g) => g.name));
  for (const name of Object.values(DEMO_GROUPS)) t.ok(groupNames.has(name), `Okta group ${name}`);
  for (const push of desired.groupPushes) {
    if (push.oktaGroup) t.ok(groupNames.has(push.oktaGroup), `pushed group ${push.oktaGroup}`);
    if (push.oktaGroupPattern) {
      const matched = [...groupNames].filter((n) => compileGroupPattern(push.oktaGroupPattern!).test(n)).sort();
      t.same(matched, ['dbx-Finance', 'dbx-Legal', 'dbx-Marketing'], `pattern ${push.oktaGroupPattern}`);
    }
  }
  for (const rule of desired.roles ?? []) for (const g of rule.oktaGroups) t.ok(groupNames.has(g), `role group ${g}`);
  for (const o of desired.offboarding.overrides) t.ok(groupNames.has(o.oktaGroup), `override group ${o.oktaGroup}`);
  const active = new Set(seed.dropbox.members.filter((m) => m.status === 'active').map((m) => m.email));
  const oktaEmails = new Set(seed.okta.users.map((u) => u.profile.email));
  for (const email of Object.values(DEMO_ACCOUNTS)) t.ok(active.has(email) && oktaEmails.has(email), `${email} is an Okta user and an active member`);
  for (const rule of desired.roles ?? []) for (const u of rule.users) t.ok(oktaEmails.has(u), `role user ${u}`);
  for (const p of desired.provisioning.protectedMembers) t.ok(active.has(p.email), `protected ${p.email}`);
  t.ok(active.has(desired.offboarding.onDeactivated.fallbackTransferTo!), 'fallback is an active member');
  t.ok(active.has(desired.offboarding.onDeactivated.transferAdmin!), 'transfer admin is an active member');
  const admin = seed.dropbox.members.find((m) => m.teamMemberId === seed.dropbox.authenticatedAdminId)!;
  t.equal(admin.email, DEMO_ACCOUNTS.itAdmin, 'the token belongs to it-admin@');
});

t.test('the demo plans a clean, safe plan with one of each case', async (t) => {
  const seed = demoSeed(NOW);
  const p = plan(seed, await desiredFrom('desired-state', REPO), NOW);
  t.ok(p.safety.ok, `safe: ${JSON.stringify(p.safety.violations)}`);
  const removals = p.actions.filter((a) => a.kind === 'member.remove' || a.kind === 'member.suspend').length;
  const activeMembers = seed.dropbox.members.filter((m) => m.status === 'active').length;
  t.ok(removals <= 25 && removals / activeMembers <= 0.1, `${removals} removals of ${activeMembers} active members`);
  t.ok(teamAdminsAfter(seed, p) >= 2, 'at least two active team admins after the plan');
  const at = (local: string) => `${local}@acme-robotics.example`;
  t.same(emailsOf(p, 'member.add'), [at('lena.fischer'), at('omar.farouk'), at('yuki.tanaka')], 'new hires added');
  t.same(emailsOf(p, 'member.remove'), [at('rita.sousa'), at('tom.becker')], 'leavers removed');
  t.same(emailsOf(p, 'member.suspend'), [at('kai.lindqvist'), at('victor.hale')], 'the suspended contractor and the legal-hold leaver are suspended');
  t.same(emailsOf(p, 'member.unsuspend'), [at('ines.moreau')], 'the reactivated person is unsuspended');
  t.same(emailsOf(p, 'member.set_role'), [at('tariq.hassan')], 'the new helpdesk member becomes support admin');
  const removeOf = (local: string) => p.actions.find((a) => a.kind === 'member.remove' && a.member.email === at(local));
  const transferOf = (local: string) => {
    const a = removeOf(local);
    return a?.kind === 'member.remove' ? a.transferTo?.email : undefined;
  };
  t.equal(transferOf('tom.becker'), at('kenji.watanabe'), "files go to the leaver's manager");
  t.equal(transferOf('rita.sousa'), DEMO_ACCOUNTS.itArchive, 'no manager: files go to the archive');
  const profile = p.actions.filter((a) => a.kind === 'member.update_profile');
  t.same(profile.map((a) => (a.kind === 'member.update_profile' ? Object.keys(a.changes).sort().join('+') : '')).sort(), ['email+surname', 'externalId', 'givenName']);
  const rename = p.actions.find((a) => a.kind === 'group.rename');
  t.match(rename, { from: 'dbx-Brand', to: 'dbx-Marketing' }, 'the Okta rename is a Dropbox rename');
  t.same(emailsOf(p, 'group.create'), ['dbx-Legal'], 'the newly pushed group is created');
  t.ok(emailsOf(p, 'group.members.remove').includes('Engineering') && emailsOf(p, 'group.members.add').includes('Engineering'), 'Engineering drift');
  t.notOk(p.actions.some((a) => a.kind === 'group.delete' || a.kind === 'member.recover'), 'nothing deleted, nothing recovered');
  t.same(p.reports.filter((r) => r.kind === 'unmanaged_member').map((r) => r.email), [at('jordan.blake')], 'the unmanaged member is reported');
  const waiting = (kind: string) => p.waiting.filter((w) => w.kind === kind).map((w) => w.email).sort();
  t.same(waiting('pending_invite'), [at('grace.kim')], 'the invited member is pending');
  t.same(waiting('awaiting_activation'), [at('ana.costa'), at('ben.adeyemi'), at('felix.wagner')], 'STAGED and PROVISIONED people await activation');
});

t.test('a generated org plans end to end with its generated desired state', async (t) => {
  const options = { people: 3000, seed: 5, now: NOW };
  const dir = t.testdir({});
  await mkdir(join(dir, 'desired-state'));
  for (const [name, text] of Object.entries(generateDesiredStateYaml(options))) await writeFile(join(dir, 'desired-state', name), text);
  const seed = generateOrg(options);
  const p = plan(seed, await desiredFrom('desired-state', dir), NOW);
  t.ok(p.safety.ok, `safe: ${JSON.stringify(p.safety.violations)}`);
  for (const kind of ['member.add', 'member.update_profile', 'member.remove', 'member.suspend', 'member.unsuspend', 'member.set_role', 'group.create', 'group.rename', 'group.members.add', 'group.members.remove'] as const) {
    t.ok((p.summary[kind] ?? 0) > 0, `${kind}: ${p.summary[kind] ?? 0}`);
  }
  t.ok(teamAdminsAfter(seed, p) >= 2);
  t.ok(p.reports.some((r) => r.kind === 'unmanaged_member'));
  t.ok(p.waiting.some((w) => w.kind === 'pending_invite') && p.waiting.some((w) => w.kind === 'awaiting_activation'));
  const later = plan(seed, await desiredFrom('desired-state', dir), new Date(NOW.getTime() + 30 * DAY));
  t.ok(later.safety.ok, 'still within the limits when planned a month later (grace periods over)');
});

t.test('through the real readers, the demo sandbox plans the same as its seed', async (t) => {
  const seed = demoSeed(NOW);
  const desired = await desiredFrom('desired-state', REPO);
  const sandbox = await startSandbox({ seed, clock: () => NOW });
  t.teardown(() => sandbox.close());
  const env = sandbox.env();
  const dropboxClient = createDropboxClient({ apiUrl: env.DROPBOX_API_URL!, accessToken: env.DROPBOX_TEAM_TOKEN! });
  const dropbox = await readDropboxState(dropboxClient);
  const oktaClient = createOktaClient({ orgUrl: env.OKTA_ORG_URL!, apiToken: env.OKTA_API_TOKEN! });
  const { calls: _calls, ...okta } = await readOktaState(oktaClient, desired, { dropboxMembers: dropbox.members });
  const live = planDropboxChanges({ desired, okta, dropbox, now: NOW.toISOString(), toolVersion: 'test' });
  const fromSeed = plan(seed, desired, NOW);
  const shape = (p: Plan) => p.actions.map((a) => `${a.kind} ${'member' in a ? a.member.email : a.group.name}`).sort();
  t.same(shape(live), shape(fromSeed));
  t.ok(live.safety.ok);
  t.same(live.waiting.map((w) => w.email).sort(), fromSeed.waiting.map((w) => w.email).sort());
  t.same(live.reports.map((r) => r.email).sort(), fromSeed.reports.map((r) => r.email).sort());
});

t.test('through the real readers, a generated org plans the same as its seed', async (t) => {
  const options = { people: 1500, seed: 9, now: NOW };
  const dir = t.testdir({});
  await mkdir(join(dir, 'desired-state'));
  for (const [name, text] of Object.entries(generateDesiredStateYaml(options))) await writeFile(join(dir, 'desired-state', name), text);
  const desired = await desiredFrom('desired-state', dir);
  const seed = generateOrg(options);
  const sandbox = await startSandbox({ seed, clock: () => NOW, keepLog: false });
  t.teardown(() => sandbox.close());
  const env = sandbox.env();
  const dropbox = await readDropboxState(createDropboxClient({ apiUrl: env.DROPBOX_API_URL!, accessToken: env.DROPBOX_TEAM_TOKEN! }));
  const { calls: _calls, ...okta } = await readOktaState(createOktaClient({ orgUrl: env.OKTA_ORG_URL!, apiToken: env.OKTA_API_TOKEN! }), desired, {
    dropboxMembers: dropbox.members,
  });
  const live = planDropboxChanges({ desired, okta, dropbox, now: NOW.toISOString(), toolVersion: 'test' });
  const fromSeed = plan(seed, desired, NOW);
  t.same(live.summary, fromSeed.summary);
  t.equal(live.actions.length, fromSeed.actions.length);
  t.ok(live.safety.ok);
});
