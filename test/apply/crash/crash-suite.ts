/**
 * Crash safety: kill the apply process (SIGKILL) at seeded-random points of a mixed plan, 8 times
 * by default (DBXSYNC_CRASH_RUNS=20 for the full set);
 * after each kill, plan + apply converges to the same team as an uninterrupted apply, nothing lost.
 *
 * Set-up. The sandbox runs in this test process, so its state outlives the client; the client is
 * the real CLI (dist/src/cli/main.js: `npm test` builds it; skipped when not built) run as a child
 * process with `process.execPath` (no npm/npx), with the sandbox's environment and none of the
 * parent's Okta, Dropbox or proxy variables. The org is the demo company (adds, profile updates
 * with an email change and an external id adoption, a role grant, suspends, an unsuspend, removals
 * with transfers to a manager or the fallback archive, group create / rename / member add /
 * remove) made bigger so that kills land mid-apply: 40 new hires (two members/add_v2 batches,
 * pushed to Engineering), 6 leavers with a manager, a manager who leaves with one of their reports
 * and a suspended manager with a leaving report (those reports' files go to the archive), and two
 * members removed by mistake two days ago (recovered). The desired state is a temporary copy whose
 * removal limits do not depend on the dated exception in settings.yaml. Apply runs with
 * --concurrency 8 so that all removals wait for their job in one wave (the writer waits a second
 * before its first poll), 4 ms latency per request.
 *
 * Kill points. An uninterrupted reference apply is run first: its Dropbox writes W and its tail
 * (last write → exit, mostly waiting for removal jobs) place the kills. Run 1 is killed at spawn,
 * run 2 during the tail (0.8 of it after the last write: "just before the end"), runs 3-20 at a
 * seeded-random write k in 1..W plus 0-11 ms. Kills are anchored to the sandbox's n-th write, not
 * to wall-clock delays, because on a loaded two-core machine process start-up varies by seconds:
 * a millisecond delay measured once lands before any write most of the time. A kill 0 ms after
 * write k happens after Dropbox applied it and before the client heard of it.
 *
 * Orphan jobs. Dropbox runs a launched job (add batch, removal with transfer) whether or not anyone
 * polls it; the sandbox runs a job only when it is polled. The jobs the killed client left are, in
 * turn, never run (a job Dropbox lost), run at once (Dropbox finished it server side), or run in
 * the middle of the follow-up apply (which planned while they were in progress).
 *
 * Checked after each run: `apply --auto-approve` again (at most twice), then `plan
 * --detailed-exitcode` exits 0; no two live members share an email or an external id; no file is
 * lost and the team holds as many files as at the start; the final team equals the reference
 * (every member with status, role, profile, files and file fate; every group with its members), so
 * every leaver's files went where the uninterrupted run sent them.
 *
 * The killed run's audit log: every complete line must be an audit entry (JSON, known outcome).
 * Lines are written with one synchronous write each, so a kill leaves whole lines; a last line
 * without its newline would be a write cut short by the crash: it records nothing reliable (that
 * action may or may not have happened) and is tolerated. What a killed run did without logging it
 * (the calls in flight at the kill) is found by the next plan, which reads live state, not the log.
 *
 * The runs are split over test/apply/crash/sigkill-{1..4}.test.ts (every fourth each, two at a time,
 * each with its own sandbox; every file runs its own reference apply and derives the same kill
 * points from the same seed), so that no file comes near tap's per-file timeout on a loaded
 * machine (issue 12 item 11: the single file ran past 300 s after 14 of 20 runs).
 */
import t, { type Test } from 'tap';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoSeed, DEMO_DOMAIN, DEMO_GROUPS } from '../../../src/sandbox/demo-seed.js';
import { seededRandom } from '../../../src/sandbox/http.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { JobKind } from '../../../src/sandbox/dropbox/state.js';
import type { SandboxSeed } from '../../../src/sandbox/seed.js';
import { cliBuilt, REPO, runCli, startCli, type CliRun } from '../../helpers/sandbox-process.js';

export const PARTS = 4;
/**
 * Crashed runs in all (besides the uninterrupted reference run), over PARTS files: 8 by default
 * (two per file, one wave of LANES: at spawn, just before the end and six random writes), so that
 * `npm test` stays well inside tap's per-file timeout on a loaded machine; DBXSYNC_CRASH_RUNS=20
 * (or more) runs the full set, as the differential test's DBXSYNC_DIFF_SEQUENCES does.
 */
const RUNS = Math.max(PARTS, Number.parseInt(process.env['DBXSYNC_CRASH_RUNS'] ?? '', 10) || 8);
const LANES = 2;
const HIRES = 40;
const LEAVERS = 6;
const RETURNERS = 2;
const LATENCY_MS = 4;
/** Every removal in one wave: the writer waits a second before its first poll of each removal job. */
const CONCURRENCY = '8';
const AUDIT_OUTCOMES = new Set(['applied', 'failed', 'skipped']);
/** Dropbox calls that change the team (the reads and job polls are left out). */
const WRITE_ROUTE =
  /^dropbox team\/(members\/(add_v2|set_profile_v2|suspend|unsuspend|remove|recover|set_admin_permissions_v2)|groups\/(create|update|delete|members\/add|members\/remove))$/;

/** The demo company plus HIRES new hires (pushed to Engineering), LEAVERS leavers with a manager and RETURNERS to recover. */
function crashSeed(now: Date): SandboxSeed {
  const seed = demoSeed(now);
  const groupId = (name: string) => seed.okta.groups.find((g) => g.name === name)!.id;
  const usersGroup = seed.okta.groups.find((g) => g.id === groupId(DEMO_GROUPS.users))!;
  const engineering = seed.okta.groups.find((g) => g.id === groupId(DEMO_GROUPS.engineering))!;
  const at = new Date(now.getTime() - 3 * 86_400_000).toISOString();
  for (let i = 0; i < HIRES; i++) {
    const id = `00ucrash${String(i).padStart(12, '0')}`;
    const local = `new.hire${String(i).padStart(2, '0')}`;
    seed.okta.users.push({
      id,
      status: 'ACTIVE',
      created: at,
      activated: at,
      statusChanged: at,
      lastUpdated: at,
      profile: { login: `${local}@${DEMO_DOMAIN}`, email: `${local}@${DEMO_DOMAIN}`, firstName: 'New', lastName: `Hire ${i}`, title: 'Software Engineer' },
    });
    usersGroup.members.push(id);
    engineering.members.push(id);
  }
  // Leavers: rank-and-file engineers and account executives whose Dropbox account is in sync.
  const managers = new Set(seed.okta.users.map((u) => u.profile['managerId']).filter((m) => typeof m === 'string'));
  const inSync = new Set(seed.dropbox.members.filter((m) => m.status === 'active' && (m.role ?? 'member_only') === 'member_only').map((m) => m.externalId));
  const candidates = seed.okta.users.filter(
    (u) =>
      u.status === 'ACTIVE' &&
      (u.profile['title'] === 'Software Engineer' || u.profile['title'] === 'Account Executive') &&
      typeof u.profile['managerId'] === 'string' &&
      !managers.has(u.id) &&
      inSync.has(u.id),
  );
  const step = Math.floor(candidates.length / (LEAVERS + RETURNERS));
  for (let i = 0; i < LEAVERS; i++) {
    const u = candidates[i * step]!;
    u.status = 'DEPROVISIONED';
    u.statusChanged = at;
  }
  // Returners: removed from Dropbox two days ago by mistake, still recoverable, still assigned in Okta.
  for (let i = LEAVERS; i < LEAVERS + RETURNERS; i++) {
    const member = seed.dropbox.members.find((m) => m.externalId === candidates[i * step]!.id)!;
    member.status = 'removed';
    member.removedAt = at;
    member.isRecoverable = true;
  }
  // A manager who leaves too (reports' files must not follow theirs), and one suspended (not a destination).
  for (const [local, status] of [['jonas.berg', 'DEPROVISIONED'], ['aisha.bello', 'SUSPENDED']] as const) {
    const manager = seed.okta.users.find((u) => u.profile.login === `${local}@${DEMO_DOMAIN}`)!;
    manager.status = status;
    manager.statusChanged = at;
    const report = candidates.find(
      (u) => u.profile['managerId'] === manager.id && u.status === 'ACTIVE' && seed.dropbox.members.find((m) => m.externalId === u.id)?.status === 'active',
    )!;
    report.status = 'DEPROVISIONED';
    report.statusChanged = at;
  }
  for (const g of seed.dropbox.groups) g.members = g.members.filter((id) => seed.dropbox.members.find((m) => m.teamMemberId === id)?.status !== 'removed');
  return seed;
}

/** A copy of desired-state/ whose removal limits fit the bigger plan, independent of dated exceptions. */
function desiredStateCopy(root: string): string {
  const dir = path.join(root, 'desired-state');
  cpSync(path.join(REPO, 'desired-state'), dir, { recursive: true });
  const file = path.join(dir, 'settings.yaml');
  const text = readFileSync(file, 'utf8');
  const patched = text.replace(/^ {2}maxRemovals: 25$/m, '  maxRemovals: 60').replace(/^ {2}maxRemovalPercent: 10$/m, '  maxRemovalPercent: 30');
  if (patched === text) throw new Error('desired-state/settings.yaml: the safety limits moved; update desiredStateCopy');
  writeFileSync(file, patched);
  return dir;
}

/** Everything that must match the reference run, keyed by email (team member ids of new members differ run to run). */
function teamState(sandbox: Sandbox): { members: string[]; groups: string[] } {
  const members = sandbox.dropbox.members();
  const emailOf = new Map(members.map((m) => [m.teamMemberId, m.email.toLowerCase()]));
  return {
    members: members
      .map((m) => [m.email.toLowerCase(), m.externalId ?? '-', m.givenName, m.surname, m.status, m.tier, m.files, m.filesFate].join(' | '))
      .sort(),
    groups: sandbox.dropbox
      .groups()
      .map((g) => `${g.name} | ${g.externalId ?? '-'} | ${g.memberIds.map((id) => emailOf.get(id) ?? id).sort().join(', ')}`)
      .sort(),
  };
}

function noDuplicates(t: Test, sandbox: Sandbox, label: string): void {
  const live = sandbox.dropbox.members().filter((m) => m.status !== 'removed');
  const emails = live.map((m) => m.email.toLowerCase());
  const externalIds = live.map((m) => m.externalId).filter((x) => x !== null);
  t.equal(new Set(emails).size, emails.length, `${label}: no duplicate member by email`);
  t.equal(new Set(externalIds).size, externalIds.length, `${label}: no duplicate member by external id`);
}

/**
 * Complete lines must be audit entries, one per action at most, no more than the plan holds; a
 * last line without its newline is a write cut short by the kill. No file: killed before it opened.
 */
function checkAuditLog(t: Test, file: string, label: string, actions: number): { lines: number; partial: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, partial: false };
    throw err;
  }
  const parts = text.split('\n');
  const tail = parts.pop()!;
  const ids: string[] = [];
  const bad = parts.filter((line) => {
    try {
      const e = JSON.parse(line) as { outcome?: unknown; actionId?: unknown };
      if (typeof e.actionId === 'string') ids.push(e.actionId);
      return !AUDIT_OUTCOMES.has(String(e.outcome)) || typeof e.actionId !== 'string';
    } catch {
      return true;
    }
  });
  t.same(bad, [], `${label}: every complete audit line is a JSON audit entry`);
  t.ok(new Set(ids).size === ids.length && ids.length <= actions, `${label}: at most one audit line per planned action (${ids.length} of ${actions})`);
  return { lines: parts.length, partial: tail !== '' };
}

/**
 * Calls `onWrite(n)` as the sandbox records its n-th Dropbox write: synchronously, after the write
 * is applied and before it is answered, so a kill there is the "done but never heard of" case.
 * (The request log is the sandbox's only per-request hook; its entries are left unchanged.)
 */
function onWrites(sandbox: Sandbox, onWrite: (n: number) => void): void {
  const log = sandbox.http.log;
  const push = log.push.bind(log);
  let n = 0;
  log.push = (...entries) => {
    const length = push(...entries);
    for (const e of entries) if (WRITE_ROUTE.test(e.route)) onWrite(++n);
    return length;
  };
}

/**
 * Dropbox runs a launched job whether or not anyone polls it; the sandbox runs one only when it is
 * polled. The jobs a killed client left behind ("orphans") are, in turn: never run (a job Dropbox
 * lost), run at once after the kill (Dropbox finished it server side, e.g. a removal with its
 * transfer), or run in the middle of the follow-up apply (that apply planned while they were still
 * in progress). The job table is private to the sandbox: the test reads it, never changes it.
 */
const ORPHAN_MODES = ['never run', 'finished at once', 'finished mid follow-up'] as const;

type SandboxJobs = Map<string, { kind: JobKind; outcome: unknown }>;

function jobTable(sandbox: Sandbox): SandboxJobs {
  return (sandbox.dropbox as unknown as { jobs: SandboxJobs }).jobs;
}

/** Ids of the jobs launched and not settled yet. */
function pendingJobs(sandbox: Sandbox): string[] {
  return [...jobTable(sandbox)].filter(([, job]) => job.outcome === null).map(([id]) => id);
}

/** Runs the given jobs to their end, as Dropbox would without anyone polling; returns how many ran. */
function finishJobs(sandbox: Sandbox, ids: readonly string[]): number {
  const jobs = jobTable(sandbox);
  let finished = 0;
  for (const id of ids) {
    const job = jobs.get(id);
    if (!job || job.outcome !== null) continue;
    while (sandbox.dropbox.poll(job.kind, id).state === 'in_progress');
    finished++;
  }
  return finished;
}

function applyArgs(dir: string, audit: string): string[] {
  return ['apply', '--auto-approve', '--quiet', '--concurrency', CONCURRENCY, '--dir', dir, '--audit-log', audit];
}

const NOW = new Date();

function freshSandbox(): Promise<Sandbox> {
  return startSandbox({ seed: crashSeed(NOW), latencyMs: LATENCY_MS });
}

/** Where to kill: `afterWrite` 0 = this many ms after spawning; n > 0 = this many ms after the n-th write was applied. */
interface KillPoint {
  readonly afterWrite: number;
  readonly delayMs: number;
}

interface RunReport {
  readonly point: KillPoint;
  readonly writesAtKill: number;
  readonly killed: boolean;
  readonly followUps: number;
  /** Jobs of the killed client finished server side afterwards, and when. */
  readonly orphans: number;
  readonly orphanIds: number;
  readonly orphanMode: (typeof ORPHAN_MODES)[number];
  readonly auditLines: number;
  readonly partialAudit: boolean;
}

/** Part `part` (1..PARTS) of the crash runs: runs part, part + PARTS, part + 2·PARTS, ... */
export function crashSuite(part: number): void {
  t.test(`crash safety (part ${part} of ${PARTS}): SIGKILL apply at random points, then plan + apply converges with nothing lost`, { skip: cliBuilt() ? false : 'build first (npm test builds)' }, async (t) => {
    await crashRuns(t, part);
  });
}

async function crashRuns(t: Test, part: number): Promise<void> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const root = t.testdir({});
  const dir = desiredStateCopy(root);

  // The reference: one uninterrupted apply; its writes and its tail (last write → exit) place the kills.
  const reference = await freshSandbox();
  t.teardown(() => reference.close());
  const env = reference.env();
  const filesAtStart = reference.dropbox.totalFiles();
  t.equal(reference.dropbox.lostFiles(), 0, 'the seed loses no file');
  let lastWriteAt = 0;
  onWrites(reference, () => (lastWriteAt = performance.now()));
  const whole = await runCli(applyArgs(dir, path.join(root, 'reference.jsonl')), { env });
  const tailMs = performance.now() - lastWriteAt;
  t.equal(whole.code, 0, `the uninterrupted apply succeeds${whole.code === 0 ? '' : `: ${whole.stderr}`}`);
  const totalWrites = reference.http.calls(WRITE_ROUTE);
  const planned = /Plan: ([^\n]*)/.exec(whole.stdout)?.[1] ?? '?';
  t.match(whole.stdout, /Apply complete: \d+ applied, 0 failed, 0 skipped/);
  const actions = Number(/Apply complete: (\d+) applied/.exec(whole.stdout)?.[1] ?? 0);
  t.ok(actions >= 60 && totalWrites >= 20, `a big mixed plan (${actions} actions in ${totalWrites} writes: ${planned})`);
  for (const kind of ['add', 'change', 'suspend', 'remove']) t.match(planned, new RegExp(`[1-9]\\d* to ${kind}`), `the plan holds some to ${kind}`);
  t.match(whole.stdout, /recover/, 'the plan recovers the members removed by mistake');
  const settled = await runCli(['plan', '--quiet', '--detailed-exitcode', '--dir', dir], { env });
  t.equal(settled.code, 0, 'the reference run converged in one apply');
  t.equal(reference.dropbox.totalFiles(), filesAtStart, 'reference: no file lost');
  const expected = teamState(reference);
  t.comment(`reference apply: ${actions} actions, ${totalWrites} Dropbox writes, ${Math.round(whole.ms)} ms, ${Math.round(tailMs)} ms from the last write to exit`);

  // Kill points: at spawn, just before the end, and seeded-random among the writes (0-3 latencies after one).
  const random = seededRandom(5);
  const points: KillPoint[] = [
    { afterWrite: 0, delayMs: 0 },
    { afterWrite: totalWrites, delayMs: Math.round(tailMs * 0.8) },
    ...Array.from({ length: RUNS - 2 }, () => ({ afterWrite: 1 + Math.floor(random() * totalWrites), delayMs: Math.floor(random() * 3 * LATENCY_MS) })),
  ];

  const reports: RunReport[] = [];
  const crashRun = async (i: number): Promise<void> => {
    const point = points[i]!;
    const label = `run ${i + 1} (kill ${point.afterWrite === 0 ? 'at spawn' : `${point.delayMs} ms after write ${point.afterWrite}`})`;
    const sandbox = await freshSandbox();
    try {
      const env = sandbox.env();
      const audit = path.join(root, `killed-${i}.jsonl`);
      let writesAtKill = 0;
      const apply = startCli(applyArgs(dir, audit), { env, ...(point.afterWrite === 0 ? { killAfterMs: point.delayMs } : {}) });
      const kill = (): void => {
        writesAtKill = sandbox.http.calls(WRITE_ROUTE);
        apply.kill();
      };
      let onWrite = (n: number): void => {
        if (n !== point.afterWrite) return;
        if (point.delayMs === 0) kill();
        else setTimeout(kill, point.delayMs);
      };
      onWrites(sandbox, (n) => onWrite(n));
      const killedRun = await apply.exited;
      t.ok(killedRun.killed ? killedRun.signal === 'SIGKILL' : killedRun.code === 0, `${label}: killed, or finished first`);
      // Requests the killed client had in flight still land on the server, as they would on Dropbox.
      await new Promise((resolve) => setTimeout(resolve, 5 * LATENCY_MS));
      const log = checkAuditLog(t, audit, label, actions);
      const orphanMode = ORPHAN_MODES[i % ORPHAN_MODES.length]!;
      const orphanIds = pendingJobs(sandbox);
      let orphans = 0;
      onWrite = () => {};
      if (orphanMode === 'finished at once') orphans = finishJobs(sandbox, orphanIds);
      if (orphanMode === 'finished mid follow-up') {
        onWrite = () => {
          onWrite = () => {};
          orphans = finishJobs(sandbox, orphanIds);
        };
      }
      // At most two follow-up applies, each checked by a fresh `plan --detailed-exitcode`.
      let followUps = 0;
      let last: CliRun | null = null;
      for (let applies = 0; applies < 2 && last?.code !== 0; applies++) {
        const again = await runCli(applyArgs(dir, path.join(root, `again-${i}-${applies}.jsonl`)), { env });
        t.equal(again.code, 0, `${label}: follow-up apply ${applies + 1} succeeds${again.code === 0 ? '' : `: ${again.stderr}${again.stdout.slice(-2000)}`}`);
        if (/Apply complete/.test(again.stdout)) followUps++;
        last = await runCli(['plan', '--quiet', '--detailed-exitcode', '--dir', dir], { env });
      }
      t.equal(last?.code, 0, `${label}: converged: the final plan has no changes${last?.code === 0 ? '' : `\n${last?.stdout.slice(0, 3000)}${last?.stderr}`}`);
      noDuplicates(t, sandbox, label);
      t.equal(sandbox.dropbox.lostFiles(), 0, `${label}: no file lost`);
      t.equal(sandbox.dropbox.totalFiles(), filesAtStart, `${label}: the team holds every file it held`);
      t.strictSame(teamState(sandbox), expected, `${label}: the same team as the uninterrupted run (members, files, groups)`);
      reports[i] = { point, writesAtKill, killed: killedRun.killed, followUps, orphans, orphanIds: orphanIds.length, orphanMode, auditLines: log.lines, partialAudit: log.partial };
    } finally {
      await sandbox.close();
    }
  };
  // This file's share of the kill points: every PARTS-th, so that each part mixes early, late and spawn kills.
  const mine = points.map((_, i) => i).filter((i) => i % PARTS === part - 1);
  let next = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < mine.length) await crashRun(mine[next++]!);
    }),
  );

  const done = reports.filter((r) => r !== undefined);
  t.equal(done.length, mine.length, `${mine.length} crashed runs`);
  t.ok(done.filter((r) => r.killed).length >= mine.length - 1, 'every run but perhaps the last-moment one was killed');
  for (const [i, r] of reports.entries()) {
    if (r === undefined) continue;
    const where = r.point.afterWrite === 0 ? 'at spawn' : `${r.point.delayMs} ms after write ${r.point.afterWrite}/${totalWrites}`;
    t.comment(
      `run ${i + 1}: kill ${where}: ${r.killed ? `${r.writesAtKill} writes sent` : 'finished first'}, ${r.orphanMode === 'never run' ? `${r.orphanIds} orphan job(s) never run` : `${r.orphans} orphan job(s) ${r.orphanMode}`}, ${r.auditLines} audit lines${r.partialAudit ? ' + a partial one' : ''}, ${r.followUps} follow-up apply(ies) with changes`,
    );
  }
  const third = (r: RunReport) => Math.min(2, Math.floor(((r.point.afterWrite - 1) * 3) / totalWrites));
  const inWrites = done.filter((r) => r.point.afterWrite > 0 && r.point.delayMs < LATENCY_MS * 3);
  t.comment(
    `kill points: ${done.filter((r) => r.point.afterWrite === 0).length} at spawn, ${[0, 1, 2].map((k) => inWrites.filter((r) => third(r) === k).length).join(' / ')} in the first / middle / last third of the ${totalWrites} writes, ${done.length - inWrites.length - done.filter((r) => r.point.afterWrite === 0).length} in the tail`,
  );
  const byFollowUps = [0, 1, 2].map((n) => done.filter((r) => r.followUps === n).length);
  const cpu = process.cpuUsage(cpuAtStart);
  t.comment(
    `follow-up applies with changes: none ${byFollowUps[0]}, one ${byFollowUps[1]}, two ${byFollowUps[2]}; ${Math.round((performance.now() - started) / 1000)} s in all, ${Math.round((cpu.user + cpu.system) / 1e6)} s CPU in this process (sandboxes)`,
  );
}
