/**
 * `dbxsync watch`: reconcile continuously from the Okta System Log (design.md "Lifecycle changes:
 * reconcile and watch"). Unattended, so it applies what the policy allows without asking (as
 * `reconcile --auto-approve`); what the policy holds or a safety rule refuses is never applied.
 * SIGTERM / SIGINT finish the action in flight and exit 0; a second signal stops at once.
 */
import { requireDesiredState } from '../../config/index.js';
import { formatIssue } from '../../config/issue.js';
import { UsageError } from '../../domain/errors.js';
import { OKTA_READ_SCOPES } from '../../okta/client.js';
import { OKTA_LOG_SCOPE } from '../../okta/system-log.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { liveClientsFromEnv } from '../live.js';
import { parseFlagDuration } from '../reconcile-incremental.js';
import { runWatch } from '../watch-run.js';
import { parseConcurrency } from './apply.js';
import { parseReconcileFormat, reconcileCommand } from './reconcile.js';

export const DEFAULT_INTERVAL = '30s';
export const DEFAULT_FULL_EVERY = '24h';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'Reconcile continuously: poll the Okta System Log, apply lifecycle changes unattended',
  usage: 'dbxsync watch [--dir D] [--interval 30s] [--full-every 24h] [--format text|json]\n\nApplies without asking, as reconcile --auto-approve does (it runs unattended); held changes and safety refusals are never applied.\nSIGTERM or SIGINT: the action in flight finishes, then exit 0.',
  options: {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state), read again every cycle' },
    interval: { type: 'string', value: 'DURATION', description: 'how often the System Log is polled (default: 30s)' },
    'full-every': { type: 'string', value: 'DURATION', description: 'a full reconcile this often, besides the one at start (default: 24h)' },
    format: { type: 'string', value: 'text|json', description: 'one line per cycle on stdout: human text or JSON (default: text)' },
    'audit-log': { type: 'string', value: 'FILE', description: 'append one JSON line per action to FILE (default .dbxsync/audit/)' },
    concurrency: reconcileCommand.options['concurrency']!,
    quiet: reconcileCommand.options['quiet']!,
  },
  maxPositionals: 0,
  async run(args, io) {
    const format = parseReconcileFormat(stringOpt(args, 'format'));
    const concurrency = parseConcurrency(stringOpt(args, 'concurrency'));
    const intervalMs = parseFlagDuration('--interval', stringOpt(args, 'interval') ?? DEFAULT_INTERVAL);
    const fullEveryMs = parseFlagDuration('--full-every', stringOpt(args, 'full-every') ?? DEFAULT_FULL_EVERY);
    if (fullEveryMs < intervalMs) throw new UsageError('--full-every must not be shorter than --interval');
    const auditLog = stringOpt(args, 'audit-log');
    if (auditLog === '-') throw new UsageError('--audit-log - would mix audit lines into the cycle lines on stdout: name a file');
    const dir = stringOpt(args, 'dir') ?? 'desired-state';
    // A bad desired state at start is an error (exit 1); later, a cycle that cannot read it waits.
    const { state: desired, warnings } = await requireDesiredState(dir, { now: io.now(), cwd: io.cwd });
    for (const w of warnings) io.stderr.write(`${formatIssue(w)}\n`);
    let cycleStart = io.now().getTime();
    const clients = liveClientsFromEnv(io, { oktaScopes: [...OKTA_READ_SCOPES, OKTA_LOG_SCOPE], retryFrom: () => cycleStart });
    const controller = new AbortController();
    const stop = (signal: NodeJS.Signals): void => {
      io.stderr.write(`dbxsync watch: ${signal}: finishing the action in flight, then exiting\n`);
      controller.abort();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    try {
      return await runWatch(desired, clients, io, {
        dir,
        intervalMs,
        fullEveryMs,
        format,
        quiet: boolOpt(args, 'quiet'),
        signal: controller.signal,
        onCycleStart: (at) => (cycleStart = at),
        ...(auditLog !== undefined ? { auditLog } : {}),
        ...(concurrency !== undefined ? { concurrency } : {}),
      });
    } finally {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    }
  },
};
