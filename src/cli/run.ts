/**
 * The composition root's front door: parse argv, dispatch to a command, and the one catch that
 * maps every error to design.md's exit codes (0 success, 2 changes pending with
 * --detailed-exitcode, 1 any error) and one clear line on stderr. No stack trace unless --debug.
 */
import { parseArgs } from 'node:util';
import { ConfigError, DbxsyncError, RemoteError, UsageError } from '../domain/errors.js';
import { redact } from '../domain/redact.js';
import type { Command, OptionSpec } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CommandIO } from './io.js';
import { VERSION } from './version.js';

const GLOBAL_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  debug: { type: 'boolean', description: 'print stack traces of errors (secrets redacted)' },
};

function parseOptions(spec: OptionSpec): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const out: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, def] of Object.entries(spec)) out[name] = def.short ? { type: def.type, short: def.short } : { type: def.type };
  return out;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `dbxsync ${VERSION} — Okta → Dropbox Business provisioning as code`,
    '',
    'Usage: dbxsync <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --help. Exit codes: 0 success, 2 changes pending (plan --detailed-exitcode), 1 error.',
    '',
  ].join('\n');
}

function commandHelp(cmd: Command): string {
  const all = Object.entries({ ...cmd.options, ...GLOBAL_OPTIONS });
  const flags = all.map(([name, def]) => (def.type === 'string' ? `--${name} ${def.value ?? 'VALUE'}` : `--${name}`));
  const width = Math.max(...flags.map((f) => f.length));
  const lines = all.map(([, def], i) => `  ${flags[i]!.padEnd(width)}  ${def.description}`);
  return `${cmd.summary}\n\nUsage: ${cmd.usage}\n\nOptions:\n${lines.join('\n')}\n`;
}

export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`dbxsync: unknown command "${name}" (see dbxsync --help)\n`);
    return 1;
  }
  const debug = rest.includes('--debug');
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: parseOptions({ ...GLOBAL_OPTIONS, ...cmd.options }),
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      throw new UsageError(`${(err as Error).message.split('\n')[0]} (see dbxsync ${cmd.name} --help)`);
    }
    if (parsed.values.help) {
      io.stdout.write(commandHelp(cmd));
      return 0;
    }
    if (parsed.positionals.length > (cmd.maxPositionals ?? 0)) {
      throw new UsageError(`unexpected argument "${parsed.positionals[cmd.maxPositionals ?? 0]}" (see dbxsync ${cmd.name} --help)`);
    }
    return await cmd.run(parsed, io);
  } catch (err) {
    io.stderr.write(`${describeError(cmd.name, err)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${redact(err.stack)}\n`);
    return 1;
  }
}

/** One line, never a secret. */
export function describeError(command: string, err: unknown): string {
  if (err instanceof ConfigError) return err.problems.map((p) => redact(p)).join('\n');
  if (err instanceof RemoteError) {
    const bits = [err.status !== null ? `HTTP ${err.status}` : null, err.code, err.requestId ? `request id ${err.requestId}` : null]
      .filter(Boolean)
      .join(', ');
    return redact(`dbxsync ${command}: ${err.service} ${err.route}: ${err.message}${bits ? ` (${bits})` : ''}`);
  }
  if (err instanceof DbxsyncError) return redact(`dbxsync ${command}: ${err.message}`);
  const message = err instanceof Error ? err.message : String(err);
  return redact(`dbxsync ${command}: ${message.split('\n')[0]}`);
}
