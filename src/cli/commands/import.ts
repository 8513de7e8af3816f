/**
 * `dbxsync import`: read live Okta and Dropbox, plan the Okta-side import (links, new STAGED users,
 * profile write-backs) and print it. Report only by default; with --apply the Okta writes are made
 * through the Okta SDK, with the audit log. Exit 0 on success, 1 on any error, refusal or failed write.
 */
import { runImport } from '../../apply/import-execute.js';
import { requireDesiredState } from '../../config/index.js';
import { formatIssue } from '../../config/issue.js';
import { planImport } from '../../import/index.js';
import { createOktaClient, OKTA_IMPORT_SCOPES } from '../../okta/client.js';
import { createOktaWriter } from '../../okta/writer.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { dropboxClientFromEnv, liveClientsFromEnv, readLiveState, type LiveClients } from '../live.js';
import { parseFormat, refusedLine, renderPlan, writePlanFile } from '../plan-output.js';
import { oktaSettingsFromEnv } from '../settings.js';
import { VERSION } from '../version.js';
import { recordedRunIO, type CommandIO } from '../io.js';

/** For --apply, the Okta client asks for the write scopes too (OAuth); otherwise only read scopes. */
function clientsFor(apply: boolean, io: CommandIO): LiveClients {
  if (!apply) return liveClientsFromEnv(io);
  const dropbox = dropboxClientFromEnv(io);
  return { dropbox, okta: createOktaClient({ ...oktaSettingsFromEnv(io.env), scopes: OKTA_IMPORT_SCOPES }, { secrets: io.redactor }) };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Plan (and with --apply, make) Okta-side changes from the Dropbox team',
  usage: `dbxsync import [--dir desired-state] [--out import-plan.json] [--format text|markdown|json] [--apply] [--audit-log FILE]`,
  options: {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    out: { type: 'string', value: 'FILE', description: 'also write the import plan as JSON to FILE' },
    format: { type: 'string', value: 'text|markdown|json', description: 'output format (default: text)' },
    apply: { type: 'boolean', description: 'make the Okta changes (default: report only)' },
    'audit-log': { type: 'string', value: 'FILE', description: 'with --apply: append one JSON line per Okta write to FILE (- for stdout; default .dbxsync/audit/)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'));
    const apply = boolOpt(args, 'apply');
    const quiet = boolOpt(args, 'quiet');
    const now = io.now();
    const { state: desired, warnings } = await requireDesiredState(stringOpt(args, 'dir') ?? 'desired-state', { now, cwd: io.cwd });
    for (const w of warnings) io.stderr.write(`${formatIssue(w)}\n`);
    const clients = clientsFor(apply, io);
    const live = await readLiveState(desired, clients, io, { quiet });
    const plan = planImport({ desired, okta: live.okta, dropbox: live.dropbox, now: now.toISOString(), toolVersion: VERSION });

    const auditOut = apply ? stringOpt(args, 'audit-log') : undefined;
    if (!apply && stringOpt(args, 'audit-log') !== undefined) io.stderr.write('dbxsync import: --audit-log is ignored without --apply (nothing is written)\n');
    // With the audit log on stdout, stdout carries only JSON lines: the plan goes to stderr.
    const say = auditOut === '-' ? io.stderr : io.stdout;
    say.write(renderPlan(plan, format, io, { direction: 'import' }));
    const out = stringOpt(args, 'out');
    if (out !== undefined) await writePlanFile(plan, out, io);

    if (!plan.safety.ok) {
      io.stderr.write(`${refusedLine('import', plan)}\n`);
      return 1;
    }
    if (!apply) {
      if (plan.actions.length > 0 && !quiet) io.stderr.write('Report only: nothing was written to Okta. Run dbxsync import --apply to make these changes.\n');
      return 0;
    }
    if (plan.actions.length === 0) return 0;
    const { exitCode } = await runImport(plan, createOktaWriter(clients.okta), {
      appId: desired.okta.appId,
      ...recordedRunIO(io, auditOut),
      quiet,
      summaryToStderr: format === 'json',
    });
    return exitCode;
  },
};
