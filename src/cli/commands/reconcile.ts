/**
 * `dbxsync reconcile`: apply lifecycle changes (hires, leavers, suspensions, profile and group
 * membership changes) under the merged policy, without a pull request; what the policy holds or a
 * safety rule refuses is listed and not applied (design.md "Lifecycle changes").
 */
import { requireDesiredState } from '../../config/index.js';
import { formatIssue } from '../../config/issue.js';
import { UsageError } from '../../domain/errors.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { guarded } from '../interrupts.js';
import { liveClientsFromEnv } from '../live.js';
import { OKTA_READ_SCOPES } from '../../okta/client.js';
import { OKTA_LOG_SCOPE } from '../../okta/system-log.js';
import { DEFAULT_SINCE, parseDuration, reconcileIncremental } from '../reconcile-incremental.js';
import { reconcileFull, type ReconcileOptions } from '../reconcile-run.js';
import { parseConcurrency } from './apply.js';

export function parseReconcileFormat(value: string | undefined): 'text' | 'json' {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format "${format}" (expected text or json)`);
  return format;
}

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'Apply lifecycle changes from Okta under the merged policy; hold the rest',
  usage: 'dbxsync reconcile [--dir D] [--since 15m | --full] [--auto-approve] [--dry-run] [--format text|json]',
  options: {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    since: { type: 'string', value: 'DURATION', description: 'incremental: the Okta System Log window to read (default: 15m)' },
    full: { type: 'boolean', description: 'read and plan everything, like apply, then apply the allowed classes' },
    'auto-approve': { type: 'boolean', description: 'apply without asking (required when not on a terminal)' },
    'dry-run': { type: 'boolean', description: 'change nothing; exit 2 when changes are pending' },
    format: { type: 'string', value: 'text|json', description: 'output format (default: text)' },
    'audit-log': { type: 'string', value: 'FILE', description: 'append one JSON line per action to FILE (- for stdout; default .dbxsync/audit/)' },
    concurrency: { type: 'string', value: 'N', description: 'parallel Dropbox calls (default: 4)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const format = parseReconcileFormat(stringOpt(args, 'format'));
    const concurrency = parseConcurrency(stringOpt(args, 'concurrency'));
    const full = boolOpt(args, 'full');
    const since = stringOpt(args, 'since');
    if (full && since !== undefined) throw new UsageError('--since and --full exclude each other');
    const sinceMs = full ? 0 : parseDuration(since ?? DEFAULT_SINCE);
    const dryRun = boolOpt(args, 'dry-run');
    const ask = !dryRun && !boolOpt(args, 'auto-approve');
    if (ask && !(io.stdout.isTTY && io.stderr.isTTY)) {
      throw new UsageError('not a terminal: pass --auto-approve to apply lifecycle changes, or --dry-run to see them');
    }
    const now = io.now();
    const { state: desired, warnings } = await requireDesiredState(stringOpt(args, 'dir') ?? 'desired-state', { now, cwd: io.cwd });
    for (const w of warnings) io.stderr.write(`${formatIssue(w)}\n`);
    // The incremental run reads the System Log: an OAuth token needs okta.logs.read besides the read scopes.
    const clients = liveClientsFromEnv(io, full ? {} : { oktaScopes: [...OKTA_READ_SCOPES, OKTA_LOG_SCOPE] });
    const auditLog = stringOpt(args, 'audit-log');
    const options: ReconcileOptions = {
      dryRun,
      format,
      quiet: boolOpt(args, 'quiet'),
      ...(ask ? { confirm: (n: number) => io.confirm(`Apply these ${n} lifecycle changes to Dropbox?`) } : {}),
      ...(auditLog !== undefined ? { auditLog } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
    };
    // SIGINT / SIGTERM stop the cycle's apply cleanly (exit 130 / 143).
    const { exitCode } = await guarded(io, (signal) => {
      const run = signal === undefined ? options : { ...options, signal };
      return full ? reconcileFull(desired, clients, io, run) : reconcileIncremental(desired, clients, io, { ...run, sinceMs });
    });
    return exitCode;
  },
};
