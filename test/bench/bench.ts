/**
 * `npm run bench`: read, plan and apply phases on generated orgs against the sandbox, reported as
 * ratios and counts (these machines are noisy): API calls next to their lower bound, wall time
 * next to calls × latency / concurrency, peak RSS. Each measurement runs in a fresh process, with
 * the sandbox in another, so RSS is dbxsync's own.
 *
 *   npm run bench                     every phase, default sizes
 *   npm run bench -- read 1000,10000  one phase, chosen sizes
 *   npm run bench -- reconcile        incremental reconcile cycles (quiet, k changed people)
 *   npm run bench -- startup          CPU time of dbxsync --version / --help / show vs node -e 0
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPlan } from '../../src/apply/execute.js';
import { requireDesiredState } from '../../src/config/index.js';
import { createDropboxClient, dropboxCallCounter } from '../../src/dropbox/client.js';
import { Redactor } from '../../src/text/redact.js';
import { readDropboxState } from '../../src/dropbox/reader.js';
import { createDropboxWriter } from '../../src/dropbox/writer.js';
import { createOktaClient } from '../../src/okta/client.js';
import { DEFAULT_OKTA_CONCURRENCY, OKTA_PAGE_SIZES, readOktaState } from '../../src/okta/reader.js';
import { reconcileIncremental } from '../../src/cli/reconcile-incremental.js';
import { planDropboxChanges } from '../../src/plan/index.js';
import { DEFAULT_SANDBOX_TOKENS } from '../../src/sandbox/seed.js';
import { bucketMinutes } from './okta-buckets.js';
import { generateDesiredStateYaml } from '../../src/sandbox/generate.js';
import { reportPlanBench, runPlanBench } from './plan-bench.js';
import type { BenchScenario } from './scenario.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LATENCY_MS = 20;
const NOW = '2026-11-28T12:00:00.000Z';

interface ChildSandbox {
  url: string;
  stop(): Promise<void>;
}

async function startChildSandbox(scenario: BenchScenario): Promise<ChildSandbox> {
  const child = spawn(process.execPath, [path.join(HERE, 'sandbox-child.js'), JSON.stringify(scenario)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

async function desiredFor(people: number, patch: (files: Record<string, string>) => void = () => {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dbxsync-bench-'));
  const files = generateDesiredStateYaml({ people });
  patch(files);
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return (await requireDesiredState(dir, { now: new Date(NOW) })).state;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function clients(url: string) {
  return {
    dropbox: createDropboxClient({ apiUrl: url, accessToken: DEFAULT_SANDBOX_TOKENS.dropbox }),
    okta: createOktaClient({ orgUrl: url, apiToken: DEFAULT_SANDBOX_TOKENS.okta }),
  };
}

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** One measurement, run in this (fresh) process; prints one JSON line. */
async function measure(phase: string, size: number): Promise<unknown> {
  if (phase === 'read') {
    const groups = size >= 100_000 ? 2000 : Math.max(20, Math.round(size / 50));
    const sandbox = await startChildSandbox({ people: size, groups, latencyMs: LATENCY_MS });
    try {
      const desired = await desiredFor(size);
      const c = clients(sandbox.url);
      // As `dbxsync plan` does (src/cli/live.ts): both reads at once.
      const t0 = performance.now();
      let dropboxDone = 0;
      const dropboxRead = readDropboxState(c.dropbox).then((d) => {
        dropboxDone = performance.now();
        return d;
      });
      const [dropbox, okta] = await Promise.all([dropboxRead, readOktaState(c.okta, desired, { dropboxMembers: dropboxRead.then((d) => d.members) })]);
      const t2 = performance.now();
      const t1 = dropboxDone;
      const dbxCalls = Object.fromEntries(dropboxCallCounter(c.dropbox).entries());
      const assigned = okta.assignments.length;
      const readGroups = okta.groups.filter((g) => g.memberIds !== null);
      const bounds: Record<string, number> = {
        'dropbox team/members/list_v2 (+continue)': Math.ceil(dropbox.members.length / 1000),
        'dropbox team/groups/list (+continue)': Math.ceil(dropbox.groups.length / 1000),
        'okta GET /api/v1/apps/{id}/users': Math.ceil(assigned / OKTA_PAGE_SIZES.appUsers),
        'okta GET /api/v1/groups': Math.ceil(okta.groups.length / OKTA_PAGE_SIZES.groups),
        'okta GET /api/v1/groups/{id}/users': readGroups.reduce((n, g) => n + Math.max(1, Math.ceil(g.memberIds!.length / OKTA_PAGE_SIZES.groupMembers)), 0),
      };
      const actual: Record<string, number> = {
        'dropbox team/members/list_v2 (+continue)': (dbxCalls['team/members/list_v2'] ?? 0) + (dbxCalls['team/members/list/continue_v2'] ?? 0),
        'dropbox team/groups/list (+continue)': (dbxCalls['team/groups/list'] ?? 0) + (dbxCalls['team/groups/list/continue'] ?? 0),
        'okta GET /api/v1/apps/{id}/users': okta.calls['GET /api/v1/apps/{id}/users'] ?? 0,
        'okta GET /api/v1/groups': okta.calls['GET /api/v1/groups'] ?? 0,
        'okta GET /api/v1/groups/{id}/users': okta.calls['GET /api/v1/groups/{id}/users'] ?? 0,
      };
      const totalCalls = Object.values(dbxCalls).reduce((a, b) => a + b, 0) + Object.values(okta.calls).reduce((a, b) => a + b, 0);
      return {
        phase,
        size,
        members: dropbox.members.length,
        groups: dropbox.groups.length,
        assigned,
        bounds,
        actual,
        dropboxCalls: dbxCalls,
        oktaCalls: okta.calls,
        totalCalls,
        dropboxMs: Math.round(t1 - t0),
        totalMs: Math.round(t2 - t0),
        concurrencyBoundMs: Math.round((totalCalls * LATENCY_MS) / (DEFAULT_OKTA_CONCURRENCY + 1)),
        // The longest sequential chain bounds the wall time: cursor pages cannot be fetched in parallel.
        sequentialChainMs: Math.max(bounds['dropbox team/members/list_v2 (+continue)']!, bounds['okta GET /api/v1/apps/{id}/users']!) * LATENCY_MS,
        rssMb: rssMb(),
      };
    } finally {
      await sandbox.stop();
    }
  }
  if (phase === 'apply') {
    const mix = { adds: 10_000, groupChanges: 2000, removals: 500 };
    const people = size;
    const sandbox = await startChildSandbox({ people, groups: 400, latencyMs: LATENCY_MS, changeRate: 0, apply: mix });
    try {
      const desired = await desiredFor(people, (files) => {
        files['settings.yaml'] = files['settings.yaml']!.replace(/maxRemovals: \d+/, 'maxRemovals: 1000').replace(/maxRemovalPercent: \d+/, 'maxRemovalPercent: 50')
          // The mix takes people out of groups by the thousand; the brake (default 100) would refuse the plan.
          .replace(/maxGroupMemberRemovals: \d+/, 'maxGroupMemberRemovals: 10000');
      });
      const c = clients(sandbox.url);
      const dropbox = await readDropboxState(c.dropbox);
      const okta = await readOktaState(c.okta, desired, { dropboxMembers: dropbox.members });
      const plan = planDropboxChanges({ desired, okta, dropbox, now: NOW, toolVersion: 'bench' });
      const counter = dropboxCallCounter(c.dropbox);
      counter.reset();
      const concurrency = 8;
      const writer = createDropboxWriter(c.dropbox, { pollIntervalMs: 50 });
      const t0 = performance.now();
      const result = await applyPlan(plan, writer, { concurrency });
      const ms = performance.now() - t0;
      const calls = Object.fromEntries(counter.entries());
      const kinds = plan.summary;
      const adds = kinds['member.add'] ?? 0;
      const groupEntries = plan.actions.reduce((n, a) => n + (a.kind === 'group.members.add' || a.kind === 'group.members.remove' ? a.members.length : 0), 0);
      const groupActions = plan.actions.filter((a) => a.kind === 'group.members.add' || a.kind === 'group.members.remove').length;
      const removals = kinds['member.remove'] ?? 0;
      const other = plan.actions.length - adds - groupActions - removals;
      const minimum = Math.ceil(adds / 20) + groupActions + removals + other;
      const baseline = adds + groupEntries + removals + other;
      const total = Object.values(calls).reduce((a, b) => a + b, 0);
      const writes = total - (calls['team/members/remove/job_status/get'] ?? 0) - (calls['team/members/add/job_status/get_v2'] ?? 0) - (calls['team/members/get_info_v2'] ?? 0) - (calls['team/get_available_team_member_roles'] ?? 0);
      return {
        phase,
        size: people,
        summary: kinds,
        applied: result.counts,
        groupEntries,
        calls,
        totalCalls: total,
        writeCalls: writes,
        minimumCalls: minimum,
        baselineCalls: baseline,
        ms: Math.round(ms),
        boundMs: Math.round((total * LATENCY_MS) / concurrency),
        baselineBoundMs: Math.round((baseline * LATENCY_MS) / concurrency),
        rssMb: rssMb(),
      };
    } finally {
      await sandbox.stop();
    }
  }
  if (phase === 'reconcile') return measureReconcile(size);
  throw new Error(`unknown phase ${phase}`);
}

/**
 * `reconcile`: the calls of incremental cycles (reconcile --since 15m, --dry-run) at a generated
 * org: a quiet window, then windows holding k deactivated people (played through the sandbox's
 * admin route), k cumulative. Okta calls count attempts per route (client side), Dropbox calls
 * per route; the goals are issue 11's: quiet ≤ 10, k people ≤ 4 + 2k.
 */
async function measureReconcile(size: number): Promise<unknown> {
  const groups = size >= 100_000 ? 2000 : Math.max(20, Math.round(size / 50));
  const sandbox = await startChildSandbox({ people: size, groups, latencyMs: LATENCY_MS, changeRate: 0, settled: true });
  try {
    const desired = await desiredFor(size);
    const c = clients(sandbox.url);
    const counter = dropboxCallCounter(c.dropbox);
    const sink = { write: () => undefined, isTTY: false };
    const io = { stdout: sink, stderr: sink, env: {}, cwd: tmpdir(), now: () => new Date(), confirm: async () => false, redactor: new Redactor() };
    const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
    const cycle = async (k: number) => {
      const okta0 = c.okta.calls();
      counter.reset();
      const t0 = performance.now();
      const { report } = await reconcileIncremental(desired, c, io, { dryRun: true, format: 'json', quiet: true, sinceMs: 15 * 60_000 });
      const ms = Math.round(performance.now() - t0);
      const okta = Object.fromEntries(Object.entries(c.okta.calls()).map(([r, n]) => [r, n - (okta0[r] ?? 0)]).filter(([, n]) => (n as number) > 0));
      const dropbox = Object.fromEntries(counter.entries());
      return { k, okta, dropbox, oktaCalls: total(okta), dropboxCalls: total(dropbox), escalated: report.escalated ?? null, planned: report.planned, ms };
    };
    const headers = { Authorization: `SSWS ${DEFAULT_SANDBOX_TOKENS.okta}`, 'Content-Type': 'application/json' };
    const active = (await (await fetch(`${sandbox.url}/api/v1/users?filter=${encodeURIComponent('status eq "ACTIVE"')}&limit=200`, { headers })).json()) as { id: string }[];
    // Plain people far from the generated admins (the first accounts): a team admin leaving escalates.
    const leavers = active.slice(50).map((u) => u.id);
    const rows = [await cycle(0)];
    let played = 0;
    for (const k of [1, 10, 50]) {
      const actions = leavers.slice(played, k).map((user) => ({ action: 'deactivate', user }));
      const r = await fetch(`${sandbox.url}/_sandbox/okta/admin`, { method: 'POST', headers, body: JSON.stringify({ actions }) });
      if (r.status !== 200) throw new Error(`admin route ${r.status}: ${await r.text()}`);
      played = k;
      rows.push(await cycle(k));
    }
    return { phase: 'reconcile', size, groups, rows, rssMb: rssMb() };
  } finally {
    await sandbox.stop();
  }
}

function runOne(phase: string, size: number): Record<string, any> {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--one', phase, String(size)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${phase} ${size} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    process.stdout.write(`${JSON.stringify(await measure(args[1]!, Number(args[2])))}\n`);
    return;
  }
  const phases = args[0] ? [args[0]] : ['read', 'plan', 'apply'];
  const sizesArg = args[1]?.split(',').map(Number);
  const log = (l = '') => process.stdout.write(`${l}\n`);
  let ok = true;
  for (const phase of phases) {
    if (phase === 'read') {
      log(`## read phase: generated orgs, ${LATENCY_MS} ms simulated latency per call`);
      for (const size of sizesArg ?? [1000, 10_000, 100_000]) {
        const r = runOne('read', size);
        log(`\n${size.toLocaleString('en-US')} people: ${r.members} Dropbox member records, ${r.groups} groups, ${r.assigned} app users; peak RSS ${r.rssMb} MB`);
        for (const [k, bound] of Object.entries(r.bounds as Record<string, number>)) {
          const actual = (r.actual as Record<string, number>)[k]!;
          log(`  ${k.padEnd(44)} ${String(actual).padStart(5)} calls, lower bound ${String(bound).padStart(5)}  (${ratio(actual, bound)}×)`);
          if (actual > bound * 1.05 + 1) ok = false;
        }
        log(`  all calls: ${r.totalCalls} (dropbox ${JSON.stringify(r.dropboxCalls)}, okta ${JSON.stringify(r.oktaCalls)})`);
        const bound = Math.max(r.sequentialChainMs, r.concurrencyBoundMs);
        const wallOk = r.totalMs <= bound * 1.5;
        log(`  wall ${r.totalMs} ms (Dropbox done after ${r.dropboxMs} ms); bound max(longest cursor chain ${r.sequentialChainMs} ms, calls × latency / concurrency ${r.concurrencyBoundMs} ms) = ${bound} ms: ${ratio(r.totalMs, bound)}× ${wallOk ? 'ok' : 'MISSED'} (goal ≤ 1.5×; sandbox and client share this machine's cores)`);
        const rssOk = r.rssMb < 1024;
        if (!rssOk) log(`  peak RSS ${r.rssMb} MB: MISSED (goal < 1024 MB)`);
        ok = ok && wallOk && rssOk;
        const appPages = (r.bounds as Record<string, number>)['okta GET /api/v1/apps/{id}/users']!;
        log(`  under Okta's Workforce limit for /api/v1/apps/* (100/min, 50% per token): the app-user pages alone need ≥ ${Math.max(0, Math.ceil(appPages / 50) - 1)} min of pacing`);
      }
    } else if (phase === 'plan') {
      log('\n## plan phase: planDropboxChanges on synthetic live state, ~10% changes');
      const rows = await runPlanBench(sizesArg ?? [1000, 10_000, 100_000]);
      ok = reportPlanBench(rows, log) && ok;
    } else if (phase === 'apply') {
      log(`\n## apply phase: 10k adds + 2k group membership changes + 500 removals, ${LATENCY_MS} ms latency, concurrency 8`);
      for (const size of sizesArg ?? [20_000]) {
        const r = runOne('apply', size);
        log(`  plan: ${JSON.stringify(r.summary)} (${r.groupEntries} group membership entries)`);
        log(`  applied ${r.applied.applied}, failed ${r.applied.failed}, skipped ${r.applied.skipped}`);
        log(`  write calls ${r.writeCalls} vs batching minimum ${r.minimumCalls} (${ratio(r.writeCalls, r.minimumCalls)}×); all calls incl. job polls and lookups ${r.totalCalls}: ${JSON.stringify(r.calls)}`);
        log(`  one-call-per-change baseline: ${r.baselineCalls} calls (${ratio(r.baselineCalls, r.totalCalls)}× ours)`);
        log(`  wall ${r.ms} ms vs calls × latency / concurrency = ${r.boundMs} ms (${ratio(r.ms, r.boundMs)}×); the baseline's bound is ${r.baselineBoundMs} ms; peak RSS ${r.rssMb} MB`);
        if (r.applied.failed > 0) ok = false;
      }
    } else if (phase === 'reconcile') {
      log(`\n## reconcile phase: incremental cycles (--since 15m, --dry-run), ${LATENCY_MS} ms latency; goals: quiet ≤ 10 calls, k changed people ≤ 4 + 2k`);
      for (const size of sizesArg ?? [10_000, 100_000]) {
        const r = runOne('reconcile', size);
        log(`\n${size.toLocaleString('en-US')} people, ${r.groups} groups; peak RSS ${r.rssMb} MB`);
        for (const row of r.rows as Record<string, any>[]) {
          const calls = row.oktaCalls + row.dropboxCalls;
          const goal = row.k === 0 ? 10 : 4 + 2 * row.k;
          log(`  k=${String(row.k).padStart(3)}: ${String(calls).padStart(4)} calls (okta ${row.oktaCalls}, dropbox ${row.dropboxCalls}), goal ≤ ${goal}: ${calls <= goal ? 'ok' : 'MISSED'}; ${row.planned} planned; ${row.escalated === null ? 'incremental' : `ESCALATED: ${row.escalated}`}; ${row.ms} ms`);
          log(`         okta ${JSON.stringify(row.okta)}`);
          const buckets = bucketMinutes(row.okta as Record<string, number>);
          const worst = Math.max(...buckets.map((b) => b.share));
          log(`         okta bucket-minutes (calls / the token's 50 % ceiling per minute): ${buckets.map((b) => `${b.bucket} ${b.calls}/${b.ceiling} (${(100 * b.share).toFixed(1)} %)`).join(', ')}; busiest ${(100 * worst).toFixed(1)} %: at most ${Math.floor(1 / worst)} such cycles a minute`);
          log(`         dropbox ${JSON.stringify(row.dropbox)}`);
          if (row.escalated !== null || calls > goal) ok = false;
        }
      }
    } else if (phase === 'startup') {
      log('\n## startup: CPU time (user + system) of the CLI vs node -e 0, median of 7 runs');
      const cli = path.resolve(HERE, '../../src/cli/main.js');
      // The child reports its own CPU time (process.cpuUsage at exit: start-up included) on stderr.
      const report = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('CPU '+(u.user+u.system)+'\\n')})`;
      const cpu = (args: string[]): number => {
        const times: number[] = [];
        for (let i = 0; i < 7; i++) {
          const r = spawnSync(process.execPath, ['--import', report, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
          const m = /CPU (\d+)/.exec(r.stderr);
          if (!m) throw new Error(`no CPU report from ${args.join(' ')}: ${r.stderr.slice(0, 200)}`);
          times.push(Number(m[1]) / 1000);
        }
        return times.sort((x, y) => x - y)[3]!;
      };
      const base = cpu(['-e', '0']);
      log(`  node -e 0: ${base.toFixed(0)} ms CPU`);
      for (const args of [['--version'], ['--help'], ['validate', '--help']]) {
        const ms = cpu([cli, ...args]);
        log(`  dbxsync ${args.join(' ').padEnd(16)} ${ms.toFixed(0)} ms CPU (${ratio(ms, base)}× node -e 0)`);
        if (args[0] === '--version' && ms > base * 3) ok = false;
      }
    } else {
      throw new Error(`unknown phase "${phase}" (read, plan, apply, reconcile, startup)`);
    }
  }
  log(ok ? '\nall goals met' : '\nSOME GOALS MISSED (see above)');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
