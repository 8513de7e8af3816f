/**
 * `dbxsync apply`: plan afresh against live state and execute it. With --plan, the reviewed-plan
 * guard runs first: every destructive action of the fresh plan must be in the reviewed plan, else
 * nothing is changed (exit 1). Without --plan, the plan is shown and confirmed on a terminal, or
 * needs --auto-approve elsewhere. A plan refused by the safety checks is never applied.
 */
import { currentDeadline } from '../../transport/http-timeouts.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkReviewedPlan, reviewedPlanDefect, withDependents } from '../../apply/guard.js';
import { readPlanFile } from '../../apply/plan-file.js';
import { runApply } from '../../apply/run-apply.js';
import { withRunLock } from '../../apply/run-lock.js';
import { requireDesiredState } from '../../config/index.js';
import { formatIssue } from '../../config/issue.js';
import { UsageError } from '../../domain/errors.js';
import type { ActionOutcome } from '../../apply/outcome.js';
import type { Plan } from '../../domain/plan.js';
import { createDropboxWriter } from '../../dropbox/writer.js';
import { desiredDigest, planContentDigest, planDropboxChanges } from '../../plan/index.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { guarded, reportInterruption } from '../interrupts.js';
import { recordedRunIO, runLockOptions, type CommandIO } from '../io.js';
import { liveClientsFromEnv, readLiveState } from '../live.js';
import { renderPlan } from '../plan-output.js';
import { VERSION } from '../version.js';
import { plural } from '../../text/words.js';

export function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${value}"`);
  return n;
}

async function readReviewedPlan(file: string, io: CommandIO): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the reviewed plan ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
  return readPlanFile(text, file);
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a plan to Dropbox (re-planned and checked against the reviewed plan)',
  usage: `dbxsync apply [--dir desired-state] [--plan reviewed-plan.json] [--auto-approve] [--audit-log FILE] [--concurrency N]`,
  options: {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    plan: { type: 'string', value: 'FILE', description: 'the reviewed plan JSON: refuse destructive actions it does not hold' },
    'auto-approve': { type: 'boolean', description: 'do not ask for confirmation (required when not on a terminal)' },
    'audit-log': { type: 'string', value: 'FILE', description: 'append one JSON line per action to FILE (- for stdout; default .dbxsync/audit/)' },
    concurrency: { type: 'string', value: 'N', description: 'parallel Dropbox calls (default: 4)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const concurrency = parseConcurrency(stringOpt(args, 'concurrency'));
    const quiet = boolOpt(args, 'quiet');
    const planFile = stringOpt(args, 'plan');
    const reviewed = planFile === undefined ? null : await readReviewedPlan(planFile, io);
    const now = io.now();
    const { state: desired, warnings } = await requireDesiredState(stringOpt(args, 'dir') ?? 'desired-state', { now, cwd: io.cwd });
    for (const w of warnings) io.stderr.write(`${formatIssue(w)}\n`);
    if (reviewed !== null) {
      // Before any API call: the file must be the unedited, unrefused plan of this desired state.
      const defect = reviewedPlanDefect(reviewed, { desiredDigest: desiredDigest(desired), contentDigest: planContentDigest(reviewed) });
      if (defect !== null) throw new UsageError(`${planFile}: ${defect}; nothing was changed`);
    }
    const clients = liveClientsFromEnv(io);
    const live = await readLiveState(desired, clients, io, { quiet });
    // One apply or reconcile at a time per team (a lock file next to .dbxsync/audit/; in CI, the workflows' concurrency group).
    return withRunLock(runLockOptions(io, live.dropbox.teamName, 'apply'), async () => {
      const plan = planDropboxChanges({ desired, okta: live.okta, dropbox: live.dropbox, now: now.toISOString(), toolVersion: VERSION });
      const auditOut = stringOpt(args, 'audit-log');
      // With the audit log on stdout, stdout carries only JSON lines: everything else goes to stderr.
      const say = auditOut === '-' ? io.stderr : io.stdout;
      /** Admin grants the reviewed plan did not hold: skipped (with what depends on them), not refused. */
      const hold = new Map<string, string>();

      if (!plan.safety.ok) {
        say.write(renderPlan(plan, 'text', io));
        io.stderr.write('dbxsync apply: refused by the safety checks; nothing was changed\n');
        return 1;
      }
      if (reviewed !== null) {
        const check = checkReviewedPlan(reviewed, plan);
        if (!check.ok) {
          io.stderr.write(check.text);
          io.stderr.write('dbxsync apply: refused as stale: the fresh plan holds destructive changes nobody reviewed; nothing was changed\n');
          return 1;
        }
        if (!quiet) io.stderr.write(check.text);
        for (const grant of check.unreviewedPrivileged) {
          const reason = `not reviewed: ${grant.why}; skipped, the next plan shows it for review`;
          hold.set(grant.action.id, reason);
          io.stderr.write(`dbxsync apply: ${reason}\n`);
        }
      } else {
        say.write(renderPlan(plan, 'text', io));
      }
      if (plan.actions.length === 0) {
        if (reviewed !== null) say.write('No changes. Dropbox matches the desired state.\n');
        return 0;
      }
      if (reviewed === null && !boolOpt(args, 'auto-approve')) {
        if (!io.stdout.isTTY || !io.stderr.isTTY) {
          throw new UsageError('not a terminal: review the plan and pass --auto-approve, or apply a reviewed plan with --plan FILE');
        }
        if (!(await io.confirm(`Apply these ${plan.actions.length} changes to the Dropbox team "${live.dropbox.teamName}"?`))) {
          io.stderr.write('Nothing applied.\n');
          return 1;
        }
      }
      const writer = createDropboxWriter(clients.dropbox);
      const deadline = currentDeadline();
      if (deadline) deadline.phase = 'applying the plan';
      const { exitCode, result } = await guarded(io, (signal) =>
        runApply(plan, writer, {
          ...recordedRunIO(io, auditOut),
          ...(concurrency !== undefined ? { concurrency } : {}),
          ...(hold.size > 0 ? { hold } : {}),
          ...(signal !== undefined ? { signal } : {}),
          quiet,
        }),
      );
      const stopped = reportInterruption(result, 'apply', io.stderr);
      if (stopped !== null) return stopped;
      if (exitCode !== 0 && hold.size > 0 && onlyHeldSkipped(plan, result.outcomes, hold)) {
        const n = result.counts.skipped;
        io.stderr.write(
          `dbxsync apply: warning: ${plural(n, 'action was', 'actions were')} not applied because ${hold.size === 1 ? 'an admin grant was' : `${hold.size} admin grants were`} not in the reviewed plan (or depend on one); plan again and review ${n === 1 ? 'it' : 'them'}\n`,
        );
        return 0;
      }
      if (exitCode !== 0) {
        const { failed, skipped } = result.counts;
        io.stderr.write(`dbxsync apply: ${plural(failed, 'action')} failed, ${skipped} skipped (see the summary and the audit log); run plan and apply again once the cause is fixed\n`);
      }
      return exitCode;
    });
  },
};

/** True when nothing failed and every skipped action is a held grant or depends on one. */
function onlyHeldSkipped(plan: Plan, outcomes: readonly ActionOutcome[], hold: ReadonlyMap<string, string>): boolean {
  const excused = withDependents(plan, hold.keys());
  return outcomes.every((o) => o.status === 'applied' || (o.status === 'skipped' && excused.has(o.actionId)));
}
