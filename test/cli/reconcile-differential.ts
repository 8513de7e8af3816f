/**
 * The differential check of issue 11: on a generated small org, a random sequence of Okta changes;
 * after each, the incremental reconcile (`reconcile --since 15m`) must leave Dropbox exactly as a
 * full plan + apply would, which is checked by asking a full reconcile what it would still do:
 * nothing (every class is applied here, so nothing may be held either). Shared by the
 * reconcile-differential-*.test.ts files, each a slice of the seeds (DBXSYNC_DIFF_SEQUENCES runs
 * more, DBXSYNC_DIFF_SEED starts elsewhere).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { seededRandom } from '../../src/sandbox/http.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { playAdminAction, type OktaAdminAction } from '../../src/sandbox/okta/admin-api.js';
import type { SandboxSeed, SeedDropboxMember, SeedOktaUser } from '../../src/sandbox/seed.js';
import { captureIO } from '../helpers/io.js';

const APP = '0oadiffapp';
const DOMAIN = 'diff.example';
const GROUPS = ['Dropbox Users', 'Engineering', 'Sales', 'Support'] as const;
const groupId = (name: string) => `00g${name.replace(/\W/g, '').toLowerCase()}`;
const START = Date.parse('2026-11-28T12:00:00.000Z');

const FILES: Record<string, string> = {
  'settings.yaml': `version: 1
okta:
  appId: ${APP}
provisioning:
  sendWelcomeEmail: false
  unassigned: suspend
  unmanagedMembers: report
safety:
  maxRemovals: 1000
  maxRemovalPercent: 100
  minTeamAdmins: 1
  maxRemovalsPerDay: 10000
reconcile:
  apply: [join, leave, suspend, reactivate, profile, groupMembership, rolePromotion, groupCreate, groupRename, groupDelete]
  hold: []
`,
  'groups.yaml': `groupPushes:
  - oktaGroup: Engineering
  - oktaGroup: Sales
pruneGroups: false
`,
  'roles.yaml': `roles:
  - role: team_admin
    users: [admin@${DOMAIN}]
  - role: support_admin
    oktaGroups: [Support]
`,
  'offboarding.yaml': `offboarding:
  onSuspended:
    action: suspend
    wipeData: false
  onDeactivated:
    action: remove
    graceDays: 0
    transferTo: manager
    fallbackTransferTo: archive@${DOMAIN}
    transferAdmin: admin@${DOMAIN}
    keepAccount: false
    retainTeamShares: false
    wipeData: false
  managerAttribute: managerId
`,
};

/** A small org: an operator and an archive account (direct), people through Dropbox Users or directly, some STAGED. */
export function generateOrg(random: () => number): SandboxSeed {
  const n = 10 + Math.floor(random() * 10);
  const users: SeedOktaUser[] = [];
  const members = new Map<string, string[]>(GROUPS.map((g) => [g, []]));
  const direct: string[] = [];
  const person = (id: string, local: string, first: string, status: string, manager: string | null) => {
    users.push({ id, status, profile: { login: `${local}@${DOMAIN}`, email: `${local}@${DOMAIN}`, firstName: first, lastName: 'Diff', ...(manager ? { managerId: manager } : {}) } });
  };
  person('00uop', 'admin', 'Operator', 'ACTIVE', null);
  person('00uarch', 'archive', 'Archive', 'ACTIVE', null);
  direct.push('00uop', '00uarch');
  for (let i = 0; i < n; i++) {
    const id = `00up${i}`;
    person(id, `p${i}`, `P${i}`, random() < 0.15 ? 'STAGED' : 'ACTIVE', i > 0 && random() < 0.8 ? `00up${Math.floor(random() * i)}` : null);
    if (random() < 0.8) members.get('Dropbox Users')!.push(id);
    else direct.push(id);
    for (const g of ['Engineering', 'Sales', 'Support'] as const) if (random() < (g === 'Support' ? 0.15 : 0.4)) members.get(g)!.push(id);
  }
  const dropboxMembers: SeedDropboxMember[] = [
    { teamMemberId: 'dbmid:op', email: `admin@${DOMAIN}`, givenName: 'Operator', surname: 'Diff', externalId: '00uop', status: 'active', role: 'team_admin', files: 5 },
    { teamMemberId: 'dbmid:arch', email: `archive@${DOMAIN}`, givenName: 'Archive', surname: 'Diff', externalId: '00uarch', status: 'active', files: 5 },
  ];
  return {
    okta: { appId: APP, users, groups: GROUPS.map((g) => ({ id: groupId(g), name: g, members: members.get(g)! })), appUserIds: direct, appGroupIds: [groupId('Dropbox Users')] },
    dropbox: { teamName: 'Diff', authenticatedAdminId: 'dbmid:op', members: dropboxMembers, groups: [] },
  };
}

/** One random admin action on the org, or null when the one drawn does not apply. */
function randomAction(sandbox: Sandbox, random: () => number): OktaAdminAction | null {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const people = [...sandbox.okta.users.values()].filter((u) => u.id.startsWith('00up'));
  const withStatus = (...s: string[]) => people.filter((u) => s.includes(u.status));
  const user = (list: readonly { id: string }[]) => pick(list)?.id;
  const r = random();
  // Rarely, a change the incremental run escalates on: a group assigned to or unassigned from the app.
  if (r < 0.03) return { action: random() < 0.5 ? 'assignGroup' : 'unassignGroup', group: pick(['Engineering', 'Sales'])! };
  let a: OktaAdminAction | null = null;
  if (r < 0.15) a = { action: 'deactivate', user: user(withStatus('ACTIVE', 'SUSPENDED', 'STAGED'))! };
  else if (r < 0.25) a = { action: 'suspend', user: user(withStatus('ACTIVE'))! };
  else if (r < 0.33) a = { action: 'unsuspend', user: user(withStatus('SUSPENDED'))! };
  else if (r < 0.43) a = { action: 'reactivate', user: user(withStatus('DEPROVISIONED', 'STAGED'))! };
  else if (r < 0.5) a = { action: random() < 0.5 ? 'assign' : 'unassign', user: user(people)! };
  else if (r < 0.8) a = { action: random() < 0.5 ? 'addToGroup' : 'removeFromGroup', user: user(people)!, group: pick(GROUPS)! };
  else if (r < 0.9) a = { action: 'setProfile', user: user(people)!, profile: { lastName: `Diff${Math.floor(random() * 100)}` } };
  else {
    const u = pick(people);
    if (u) a = { action: 'setProfile', user: u.id, profile: { email: `${String(u.profile.login).split('@')[0]}.${Math.floor(random() * 100)}@${DOMAIN}` } };
  }
  return a !== null && a.user !== undefined ? a : null;
}

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the sequences `first` .. `first + count - 1`, each its own org and sandbox. */
export async function differential(t: Test, first: number, count: number, steps = 4): Promise<{ escalated: number; incremental: number }> {
  const tally = { escalated: 0, incremental: 0 };
  const base = Number(process.env['DBXSYNC_DIFF_SEED'] ?? 1);
  for (let s = first; s < first + count; s++) {
    const seed = base + s;
    const random = seededRandom(seed);
    let clock = START;
    const sandbox = await startSandbox({ seed: generateOrg(random), clock: () => new Date(clock), keepLog: false });
    const dir = mkdtempSync(path.join(tmpdir(), 'dbxsync-diff-'));
    try {
      mkdirSync(path.join(dir, 'desired-state'));
      for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(dir, 'desired-state', file), text);
      const cli = async (argv: string[]): Promise<Run> => {
        const io = captureIO({ env: sandbox.env(), cwd: dir, now: new Date(clock).toISOString() });
        const code = await run(argv, io);
        return { code, out: io.out(), err: io.err() };
      };
      const initial = await cli(['apply', '--auto-approve', '--quiet']);
      if (initial.code !== 0) t.fail(`seed ${seed}: the initial apply failed: ${initial.err}`);
      clock += 30 * 60_000;
      const played: OktaAdminAction[] = [];
      for (let step = 0; step < steps; step++) {
        const actions = Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomAction(sandbox, random)).filter((a): a is OktaAdminAction => a !== null);
        for (const a of actions) playAdminAction(sandbox.okta, a);
        played.push(...actions);
        clock += 60_000;
        const where = `seed ${seed} step ${step} after ${JSON.stringify(played)}`;
        const incremental = await cli(['reconcile', '--since', '15m', '--auto-approve', '--quiet', '--format', 'json']);
        const report = JSON.parse(incremental.out) as { escalated: string | null; exitCode: number };
        if (report.escalated === null) tally.incremental++;
        else tally.escalated++;
        if (incremental.code !== 0) t.fail(`${where}: the incremental reconcile exited ${incremental.code}: ${incremental.err} ${incremental.out}`);
        clock += 1000;
        const full = await cli(['reconcile', '--full', '--dry-run', '--quiet', '--format', 'json']);
        const left = JSON.parse(full.out) as { pending: unknown[]; held: unknown[]; refusals: unknown[] };
        if (left.pending.length + left.held.length + left.refusals.length > 0) {
          t.fail(`${where}: a full reconcile would still do ${JSON.stringify({ pending: left.pending, held: left.held, refusals: left.refusals })}`);
          break;
        }
        clock += 60_000;
      }
    } finally {
      await sandbox.close();
        rmSync(dir, { recursive: true, force: true });
    }
  }
  t.pass(`${count} sequences of ${steps} steps: ${tally.incremental} incremental runs, ${tally.escalated} escalated`);
  return tally;
}
