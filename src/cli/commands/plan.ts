/** `dbxsync plan`: read live Okta and Dropbox, compute the plan, print it. */
import { requireDesiredState } from '../../config/index.js';
import { formatIssue } from '../../config/issue.js';
import { planDropboxChanges } from '../../plan/index.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { liveClientsFromEnv, readLiveState } from '../live.js';
import { assertWritableTarget, hasChanges, parseFormat, redactEmailsFor, refusedLine, renderPlan, writePlanFile } from '../plan-output.js';
import { VERSION } from '../version.js';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Read live Okta and Dropbox and print the changes that apply would make',
  usage: `dbxsync plan [--dir desired-state] [--out plan.json] [--format text|markdown|json] [--detailed-exitcode]`,
  options: {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    out: { type: 'string', value: 'FILE', description: 'also write the plan as JSON to FILE (for apply --plan and comment)' },
    format: { type: 'string', value: 'text|markdown|json', description: 'output format (default: text)' },
    'detailed-exitcode': { type: 'boolean', description: 'exit 2 when the plan has changes, 0 when it has none' },
    'redact-emails': { type: 'boolean', description: 'markdown/text: show stable hashes instead of email addresses (public repositories)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'));
    const redactEmails = redactEmailsFor(format, boolOpt(args, 'redact-emails'));
    const out = stringOpt(args, 'out');
    if (out !== undefined) assertWritableTarget(out, io);
    const now = io.now();
    const { state: desired, warnings } = await requireDesiredState(stringOpt(args, 'dir') ?? 'desired-state', { now, cwd: io.cwd });
    for (const w of warnings) io.stderr.write(`${formatIssue(w)}\n`);
    const clients = liveClientsFromEnv(io);
    const live = await readLiveState(desired, clients, io, { quiet: boolOpt(args, 'quiet') });
    const plan = planDropboxChanges({ desired, okta: live.okta, dropbox: live.dropbox, now: now.toISOString(), toolVersion: VERSION });
    io.stdout.write(renderPlan(plan, format, io, { redactEmails }));
    if (out !== undefined) await writePlanFile(plan, out, io);
    if (!plan.safety.ok) {
      io.stderr.write(`${refusedLine('plan', plan)}\n`);
      return 1;
    }
    return boolOpt(args, 'detailed-exitcode') && hasChanges(plan) ? 2 : 0;
  },
};
