/**
 * Planner benchmark: synthetic orgs of N members and 2,000 pushed groups with about 10% of the
 * people changing (hires, leavers, suspensions, reactivations, profile edits, role changes, group
 * moves, unmanaged members), timed through planDropboxChanges. Goals: 100k members under 2 s, time(100k) /
 * time(10k) ≤ 12 (O(n log n)), RSS under 1 GB.
 *
 *   node dist/test/bench/plan-bench.js [sizes...]      (default 1000 10000 100000)
 */
import { pathToFileURL } from 'node:url';
import { emailKey, type DropboxGroup, type DropboxMember, type OktaAssignment, type OktaGroup, type OktaUser } from '../../src/domain/live.js';
import { planDropboxChanges, type PlanInput } from '../../src/plan/index.js';
import { desiredState, groupPush, roleRule, safetyException } from '../helpers/builders.js';

export interface BenchRow {
  /** Members in the synthetic team. */
  readonly size: number;
  readonly groups: number;
  /** Actions in the plan. */
  readonly actions: number;
  /** Median planDropboxChanges wall time over the runs, in milliseconds. */
  readonly medianMs: number;
  readonly runs: number;
  /** Resident set size after the runs, in MiB. */
  readonly rssMb: number;
  /**
   * Median time of a trivially linear workload on the same data (index the Okta users by id in a
   * Map, look every member up in it), in milliseconds: what this machine's caches make of "linear".
   */
  readonly baselineMs: number;
}

const GROUPS = 2_000;
const NOW = '2026-11-28T12:00:00.000Z';

/** A deterministic synthetic org; `i % 100` decides who changes, so about 10% do at every size. */
export function syntheticInput(size: number, groupCount = GROUPS): PlanInput {
  const users: OktaUser[] = [];
  const assignments: OktaAssignment[] = [];
  const members: DropboxMember[] = [];
  const oktaMembers: string[][] = Array.from({ length: groupCount }, () => []);
  const dropboxMembers: string[][] = Array.from({ length: groupCount }, () => []);
  const admins: string[] = [];
  const everyone: string[] = [];

  for (let i = 0; i < size; i++) {
    const id = `00u${i.toString(36).padStart(8, '0')}`;
    const email = `user${i}@acme.example`;
    const slot = i % 100;
    const status = slot === 1 || slot === 2 ? 'DEPROVISIONED' : slot === 3 ? 'SUSPENDED' : slot === 4 ? 'STAGED' : 'ACTIVE';
    const manager = i >= 10 ? `00u${Math.floor(i / 10).toString(36).padStart(8, '0')}` : undefined;
    users.push({
      id,
      status,
      login: email,
      email,
      profile: { firstName: `Given${i}`, lastName: slot === 5 ? `Renamed${i}` : `Surname${i}`, email, login: email, ...(manager === undefined ? {} : { managerId: manager }) },
      created: '2025-01-01T00:00:00.000Z',
      activated: '2025-01-01T00:00:00.000Z',
      statusChanged: status === 'ACTIVE' ? '2025-01-01T00:00:00.000Z' : '2026-11-01T00:00:00.000Z',
      lastUpdated: '2026-11-01T00:00:00.000Z',
    });
    const assigned = slot !== 6 && status !== 'DEPROVISIONED';
    if (assigned) {
      if (i % 7 === 0) assignments.push({ userId: id, scope: 'USER' });
      else {
        assignments.push({ userId: id, scope: 'GROUP' });
        everyone.push(id);
      }
    }
    const groupsOf = [i % groupCount, (i * 7 + 3) % groupCount, (i * 13 + 5) % groupCount];
    for (const g of groupsOf) oktaMembers[g]!.push(id);
    if (i < 8 || slot === 8) admins.push(id);

    const teamMemberId = `dbmid:${i.toString(36).padStart(8, '0')}`;
    const newHire = slot === 0 || status === 'STAGED';
    if (!newHire) {
      members.push({
        teamMemberId,
        accountId: `dbid:${i}`,
        email: slot === 9 ? `old.user${i}@acme.example` : email,
        emailKey: emailKey(slot === 9 ? `old.user${i}@acme.example` : email),
        emailVerified: true,
        externalId: slot === 10 ? null : id,
        givenName: `Given${i}`,
        surname: `Surname${i}`,
        status: slot === 11 ? 'suspended' : slot === 12 ? 'invited' : 'active',
        isRecoverable: false,
        isDisconnected: false,
        role: i < 8 ? 'team_admin' : 'member_only',
        otherRoles: [],
        invitedOn: '2025-01-01T00:00:00.000Z',
        joinedOn: slot === 12 ? null : '2025-01-02T00:00:00.000Z',
        suspendedOn: slot === 11 ? '2026-10-01T00:00:00.000Z' : null,
      });
      const kept = slot === 13 ? groupsOf.slice(1) : groupsOf;
      for (const g of kept) dropboxMembers[g]!.push(teamMemberId);
      if (slot === 14) dropboxMembers[(i * 17 + 11) % groupCount]!.push(teamMemberId);
    }
    if (slot === 15) {
      members.push({
        teamMemberId: `dbmid:x${i.toString(36)}`,
        accountId: null,
        email: `contractor${i}@partner.example`,
        emailKey: `contractor${i}@partner.example`,
        emailVerified: true,
        externalId: null,
        givenName: 'Outside',
        surname: `Person${i}`,
        status: 'active',
        isRecoverable: false,
        isDisconnected: false,
        role: 'member_only',
        otherRoles: [],
        invitedOn: null,
        joinedOn: '2025-01-02T00:00:00.000Z',
        suspendedOn: null,
      });
    }
  }

  const groups: OktaGroup[] = oktaMembers.map((memberIds, g) => ({ id: `00g${g.toString(36).padStart(6, '0')}`, name: `dept-${g}`, type: 'OKTA_GROUP', memberIds }));
  groups.push({ id: '00gusers', name: 'Dropbox Users', type: 'OKTA_GROUP', memberIds: everyone });
  groups.push({ id: '00gadmins', name: 'Dropbox Admins', type: 'OKTA_GROUP', memberIds: admins });
  const dropboxGroups: DropboxGroup[] = [];
  for (let g = 0; g < groupCount; g++) {
    if (g % 200 === 0) continue;
    dropboxGroups.push({
      groupId: `g:${g.toString(36)}`,
      name: g % 250 === 1 ? `old-dept-${g}` : `dept-${g}`,
      externalId: `okta:${groups[g]!.id}`,
      managementType: 'company_managed',
      memberIds: dropboxMembers[g]!,
    });
  }

  const desired = desiredState({
    groupPushes: [groupPush({ pattern: '^dept-' })],
    roles: [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'] })],
    safety: { maxRemovals: 25, exceptions: [safetyException({ reason: 'benchmark', maxRemovals: size, maxRemovalPercent: 100 })] },
    offboarding: { onDeactivated: { action: 'remove', transferTo: 'manager', fallbackTransferTo: 'user0@acme.example', transferAdmin: 'user1@acme.example' } },
  });
  return {
    desired,
    okta: { appId: desired.okta.appId, users, assignments, appGroupIds: ['00gusers'], groups },
    dropbox: { teamName: 'Bench', members, groups: dropboxGroups, authenticatedAdminId: 'dbmid:00000000' },
    now: NOW,
    toolVersion: 'bench',
  };
}

/** A deliberately linear pass over the same data: one Map of the users, one lookup per member. */
function baseline(input: PlanInput): number {
  const byId = new Map<string, OktaUser>();
  for (const user of input.okta.users) byId.set(user.id, user);
  let differing = 0;
  for (const member of input.dropbox.members) {
    const user = byId.get(member.externalId ?? '');
    if (user !== undefined && user.profile['lastName'] !== member.surname) differing++;
  }
  return differing;
}

function timeMedian(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function runPlanBench(sizes: number[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const input = syntheticInput(size);
    const runs = size >= 100_000 ? 5 : 9;
    // timeMedian runs once untimed first, so every size is measured with JIT-optimised code.
    let actions = 0;
    const medianMs = timeMedian(runs, () => {
      actions = planDropboxChanges(input).actions.length;
    });
    const baselineMs = timeMedian(runs, () => baseline(input));
    rows.push({
      size,
      groups: GROUPS,
      actions,
      medianMs: Math.round(medianMs),
      runs,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      baselineMs: Math.round(baselineMs * 10) / 10,
    });
    // Let the event loop breathe between sizes (and GC reclaim the previous org).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}

/**
 * Prints the rows and whether the goals hold. Returns false when a hard goal (100k under 2 s, RSS
 * under 1 GiB) is missed. The growth ratio is printed next to the machine's own ratio for a purely
 * linear workload: once 100k members no longer fit in the CPU caches that 10k fit in, even a
 * single Map pass grows by far more than 10×, so the ratio is reported, not enforced.
 */
export function reportPlanBench(rows: readonly BenchRow[], write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): boolean {
  write('planDropboxChanges benchmark (2,000 pushed groups, ~10% of people changing)');
  write('   members    actions   median ms   RSS MiB   linear baseline ms');
  for (const r of rows) {
    write(`${String(r.size).padStart(10)} ${String(r.actions).padStart(10)} ${String(r.medianMs).padStart(11)} ${String(r.rssMb).padStart(9)} ${String(r.baselineMs).padStart(20)}`);
  }
  let ok = true;
  const at = (n: number) => rows.find((r) => r.size === n);
  const big = at(100_000);
  const mid = at(10_000);
  if (big !== undefined) {
    const fast = big.medianMs < 2_000;
    write(`100k members in ${big.medianMs} ms: ${fast ? 'ok' : 'MISSED'} (goal < 2000 ms)`);
    ok &&= fast;
  }
  if (big !== undefined && mid !== undefined) {
    const ratio = big.medianMs / Math.max(1, mid.medianMs);
    const linear = big.baselineMs / Math.max(0.1, mid.baselineMs);
    write(
      `time(100k) / time(10k) = ${ratio.toFixed(1)}: ${ratio <= 12 ? 'ok' : 'above 12'} (goal ≤ 12; a purely linear Map pass on this machine: ${linear.toFixed(1)})`,
    );
  }
  const rss = Math.max(...rows.map((r) => r.rssMb));
  write(`peak RSS ${rss} MiB: ${rss < 1024 ? 'ok' : 'MISSED'} (goal < 1024 MiB)`);
  return ok && rss < 1024;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const rows = await runPlanBench(sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]);
  if (!reportPlanBench(rows)) process.exitCode = 1;
}
