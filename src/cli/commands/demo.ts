/**
 * `dbxsync demo`: the whole loop against the built-in sandbox, with no credentials and no network.
 * It starts the sandbox seeded with the Acme Robotics demo company, plans against the repository's
 * desired-state/, applies the plan, and plans again to show that nothing is left to do; then Okta
 * deactivates someone and an incremental reconcile removes them without a pull request. Each step
 * is narrated in a line or two.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runApply } from '../../apply/run-apply.js';
import { requireDesiredState } from '../../config/index.js';
import { DbxsyncError } from '../../domain/errors.js';
import { createDropboxWriter } from '../../dropbox/writer.js';
import { planDropboxChanges } from '../../plan/index.js';
import { styler } from '../../render/ansi.js';
import { summaryLine } from '../../render/index.js';
import { demoSeed } from '../../sandbox/demo-seed.js';
import { startSandbox } from '../../sandbox/index.js';
import { boolOpt, type Command } from '../command.js';
import { useColor, type CommandIO } from '../io.js';
import { liveClientsFromEnv, readLiveState } from '../live.js';
import { renderPlan } from '../plan-output.js';
import { reconcileIncremental } from '../reconcile-incremental.js';
import { VERSION } from '../version.js';

/** The desired-state/ that ships with dbxsync (the demo company's), found from this file upwards. */
export function builtInDesiredStateDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'dbxsync') {
      return path.join(dir, 'desired-state');
    }
    dir = path.dirname(dir);
  }
  throw new DbxsyncError('cannot find the built-in desired-state/ directory next to the dbxsync package');
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the whole loop against the built-in sandbox; no credentials needed',
  usage: `dbxsync demo`,
  options: {
    quiet: { type: 'boolean', description: 'print only the plans and the apply summary' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const quiet = boolOpt(args, 'quiet');
    const bold = styler(useColor(io.stdout, io.env)).bold;
    const say = (text: string) => {
      if (!quiet) io.stdout.write(`${text}\n`);
    };
    const now = io.now();
    const dir = builtInDesiredStateDir();
    const { state: desired } = await requireDesiredState(dir, { now, cwd: io.cwd });
    const startedAt = Date.now();
    const sandbox = await startSandbox({ seed: demoSeed(now) });
    try {
      const env = sandbox.env();
      // The demo's own io: the sandbox's tokens in the environment, nothing of the caller's.
      const demoIO: CommandIO = { ...io, env: { ...env, ...(io.env.NO_COLOR !== undefined ? { NO_COLOR: io.env.NO_COLOR } : {}), TERM: io.env.TERM } };
      const clients = liveClientsFromEnv(demoIO);
      const team = sandbox.dropbox;
      say(bold('dbxsync demo: the whole loop on a built-in sandbox (no credentials, no network)'));
      say(`1. Started emulated Okta and Dropbox APIs on ${sandbox.url}, seeded with the Acme Robotics demo company.`);
      say(`   The desired state is ${path.relative(io.cwd, dir) || dir}/ (${desired.files.join(', ')}).`);

      const live = await readLiveState(desired, clients, demoIO, { quiet: true });
      const plan = planDropboxChanges({ desired, okta: live.okta, dropbox: live.dropbox, now: now.toISOString(), toolVersion: VERSION });
      say('');
      say(bold(`2. Plan: ${live.okta.assignments.length} people assigned in Okta, ${live.dropbox.members.length} Dropbox member records read.`));
      say('   This is what a pull request comment shows a reviewer: every change with its reason.');
      say('');
      io.stdout.write(renderPlan(plan, 'text', demoIO));
      if (!plan.safety.ok) {
        io.stderr.write('dbxsync demo: the demo plan was refused by the safety checks; nothing was applied\n');
        return 1;
      }
      const filesBefore = team.totalFiles();
      say('');
      say(bold(`3. Apply (what merging the pull request does), with an audit log:`));
      const auditDir = mkdtempSync(path.join(tmpdir(), 'dbxsync-demo-'));
      const { exitCode } = await runApply(plan, createDropboxWriter(clients.dropbox, { pollIntervalMs: 200 }), {
        stdout: io.stdout,
        stderr: io.stderr,
        redactor: io.redactor,
        env: demoIO.env,
        cwd: io.cwd,
        now: () => io.now(),
        auditLog: path.join(auditDir, 'audit.jsonl'),
        quiet,
      });
      const lost = filesBefore - team.totalFiles();
      say(`   Files on the team before and after: ${filesBefore} and ${team.totalFiles()}; ${lost === 0 ? 'no file was lost' : `${lost} files lost`} (leavers' files went to their managers or the archive).`);

      const again = await readLiveState(desired, clients, demoIO, { quiet: true });
      const second = planDropboxChanges({ desired, okta: again.okta, dropbox: again.dropbox, now: io.now().toISOString(), toolVersion: VERSION });
      say('');
      say(bold('4. Plan again: the team now matches the desired state.'));
      io.stdout.write(`${summaryLine(second.actions)}\n`);

      // 5. Continuity: Okta deactivates someone; reconcile removes them without a pull request.
      const leaver = team
        .members()
        .filter((m) => m.status === 'active' && m.tier === 'member_only' && m.externalId !== null)
        .map((m) => ({ member: m, user: sandbox.okta.users.get(m.externalId!) }))
        .find((p) => p.user !== undefined && p.user.status === 'ACTIVE' && typeof p.user.profile.managerId === 'string' && p.user.profile.managerId !== '');
      let reconciled = true;
      if (leaver !== undefined) {
        // The window starts after the sandbox was seeded, so it holds only what happens next.
        while (Date.now() < startedAt + 1500) await new Promise((resolve) => setTimeout(resolve, 100));
        const windowStart = Date.now() - 500;
        sandbox.okta.setUserStatus(leaver.user!.id, 'DEPROVISIONED');
        say('');
        say(bold(`5. Okta deactivates ${leaver.member.email}; \`dbxsync reconcile\` (run every few minutes, or \`dbxsync watch\`) follows without a pull request:`));
        say('   it reads the Okta System Log for the window, then only the people it names, and applies the lifecycle changes the merged policy allows.');
        // The sandbox's System Log runs on the wall clock (as Okta's does), so this step reads it on the wall clock too.
        const cycle = await reconcileIncremental(desired, clients, { ...demoIO, now: () => new Date() }, {
          sinceMs: Math.max(1000, Date.now() - windowStart),
          dryRun: false,
          format: 'text',
          quiet: true,
          auditLog: path.join(auditDir, 'reconcile.jsonl'),
        });
        const after = team.members().find((m) => m.teamMemberId === leaver.member.teamMemberId);
        reconciled = cycle.exitCode === 0 && after !== undefined && after.status !== 'active';
        say(`   ${leaver.member.email} is now ${after?.status ?? 'gone'} in Dropbox (${cycle.report.mode} reconcile, ${cycle.report.applied} applied); files on the team: ${team.totalFiles()}, lost: ${team.lostFiles()}.`);
      }
      say('');
      say('Next: `dbxsync sandbox` serves this company for you to try `plan`, `apply`, `reconcile`, `explain <email>` by hand.');
      return exitCode === 0 && second.actions.length === 0 && lost === 0 && reconciled ? 0 : 1;
    } finally {
      await sandbox.close();
    }
  },
};
