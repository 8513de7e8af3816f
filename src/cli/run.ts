/**
 * The composition root's front door: parse argv, dispatch to a command, and the one catch that
 * maps every error to design.md's exit codes (0 success, 2 changes pending with
 * --detailed-exitcode, 1 any error) and one clear line on stderr. No stack trace unless --debug.
 */
import { parseArgs } from 'node:util';
import { ConfigError, DbxsyncError, RemoteError, UsageError } from '../domain/errors.js';
import { Deadline, DEFAULT_HTTP_TIMEOUTS, parseDuration, parseHttpTimeouts, runWithLimits, type HttpTimeouts } from '../transport/http-timeouts.js';
import type { Redactor } from '../text/redact.js';
import { registerEnvSecrets } from './settings.js';
import type { Command, OptionSpec } from './command.js';
import { closest } from '../config/suggest.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import type { CommandIO } from './io.js';
import { VERSION } from './version.js';

const GLOBAL_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  'no-color': { type: 'boolean', description: 'no colours (as NO_COLOR=1 does)' },
  debug: { type: 'boolean', description: 'print stack traces of errors (secrets redacted)' },
};

/**
 * The overall deadline of the commands that talk to the APIs (issue 12 item 4, docs/timeouts.md):
 * long enough for a 100k-member team, short enough that a server that never answers ends the run.
 */
export const DEFAULT_TIMEOUTS: Readonly<Record<string, string>> = {
  plan: '15m',
  explain: '15m',
  dump: '15m',
  import: '1h',
  reconcile: '1h',
  apply: '2h',
};

/** After the deadline, how long a command may take to wind down (write its summary) before it is ended. */
const WIND_DOWN_MS = 10_000;

function timeoutOption(name: string): OptionSpec {
  const fallback = DEFAULT_TIMEOUTS[name];
  if (fallback === undefined) return {};
  return { timeout: { type: 'string', value: 'DURATION', description: `stop after this long, saying where (default ${fallback}; e.g. 90s, 30m, 2h)` } };
}

/** DBXSYNC_HTTP_TIMEOUTS ("headers=60s,idle=30s,total=5m", any subset) or the defaults. */
function httpTimeoutsFromEnv(env: Readonly<Record<string, string | undefined>>): HttpTimeouts {
  const text = env['DBXSYNC_HTTP_TIMEOUTS']?.trim();
  if (!text) return DEFAULT_HTTP_TIMEOUTS;
  const parsed = parseHttpTimeouts(text);
  if (parsed === null) throw new UsageError(`DBXSYNC_HTTP_TIMEOUTS must read like headers=60s,idle=30s,total=5m: ${JSON.stringify(text.slice(0, 80))}`);
  return parsed;
}

function deadlineFor(name: string, value: unknown): Deadline | null {
  const fallback = DEFAULT_TIMEOUTS[name];
  if (fallback === undefined) return null;
  const text = typeof value === 'string' ? value : fallback;
  const ms = parseDuration(text);
  if (ms === null) throw new UsageError(`--timeout must be a duration such as 90s, 30m or 2h: ${JSON.stringify(text.slice(0, 40))}`);
  return new Deadline(ms, typeof value === 'string' ? `--timeout ${text}` : `the default --timeout ${text}`, `running ${name}`);
}

/** The command's run, ended at the deadline plus a short wind-down if it has not stopped on its own. */
async function runLimited(run: () => Promise<number>, deadline: Deadline | null, timeouts: HttpTimeouts): Promise<number> {
  if (deadline === null) return runWithLimits({ deadline, timeouts }, run);
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<never>((_, reject) => {
    const fire = () => {
      timer = setTimeout(() => reject(deadline.error(null, null)), WIND_DOWN_MS);
      timer.unref();
    };
    if (deadline.passed) fire();
    else deadline.signal.addEventListener('abort', fire, { once: true });
  });
  ended.catch(() => undefined);
  try {
    return await Promise.race([runWithLimits({ deadline, timeouts }, run), ended]);
  } finally {
    clearTimeout(timer);
    deadline.dispose();
  }
}

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
    '       dbxsync help <command>    dbxsync --version (-v)',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --help, --no-color and --debug. Exit codes: 0 success, 2 changes pending (plan --detailed-exitcode), 1 error.',
    '',
  ].join('\n');
}

function commandHelp(cmd: Command, entry: CommandEntry): string {
  const all = Object.entries({ ...cmd.options, ...timeoutOption(cmd.name), ...GLOBAL_OPTIONS });
  const flags = all.map(([name, def]) => (def.type === 'string' ? `--${name} ${def.value ?? 'VALUE'}` : `--${name}`));
  const width = Math.max(...flags.map((f) => f.length));
  const lines = all.map(([, def], i) => `  ${flags[i]!.padEnd(width)}  ${def.description}`);
  const env = entry.env.length === 0 ? 'Environment: none needed.' : `Environment:\n${entry.env.map((e) => `  ${e}`).join('\n')}`;
  return `${cmd.summary}\n\nUsage: ${cmd.usage}\n\nOptions:\n${lines.join('\n')}\n\n${env}\n`;
}

function unknownCommand(name: string): string {
  const guess = closest(name, COMMANDS.map((c) => c.name));
  return `dbxsync: unknown command "${name}"${guess === null ? '' : ` (did you mean "${guess}"?)`}; see dbxsync --help`;
}

/**
 * parseArgs' own message for an unknown flag, with a did-you-mean: `--formt` → `--format`, and a
 * single-dash long flag (`-out`, which parseArgs reads as -o -u -t) → `--out`.
 */
function flagError(err: Error, args: readonly string[], spec: OptionSpec, command: string): UsageError {
  const names = Object.keys(spec);
  const first = err.message.split('\n')[0] ?? err.message;
  const code = (err as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    for (const arg of args) {
      if (arg === '--') break;
      const single = /^-([a-z][a-z-]+)(=.*)?$/i.exec(arg);
      if (single && names.includes(single[1]!)) return new UsageError(`unknown option "${arg}": long options take two dashes: --${single[1]} (see dbxsync ${command} --help)`);
      const long = /^--([^=]+)/.exec(arg);
      if (long && !names.includes(long[1]!)) {
        const guess = closest(long[1]!, names);
        return new UsageError(`unknown option "--${long[1]}"${guess === null ? '' : ` (did you mean --${guess}?)`}; see dbxsync ${command} --help`);
      }
    }
  }
  return new UsageError(`${first} (see dbxsync ${command} --help)`);
}

export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  // Every secret the environment holds is this run's before anything is written.
  registerEnvSecrets(io.env, io.redactor);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(mainHelp());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(mainHelp());
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === topic);
    if (!entry) {
      io.stderr.write(`${unknownCommand(topic)}\n`);
      return 1;
    }
    io.stdout.write(commandHelp(await entry.load(), entry));
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`${unknownCommand(name)}\n`);
    return 1;
  }
  const cmd = await entry.load();
  const debug = rest.includes('--debug');
  try {
    const spec = { ...GLOBAL_OPTIONS, ...cmd.options, ...timeoutOption(cmd.name) };
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: parseOptions(spec), allowPositionals: true, strict: true });
    } catch (err) {
      throw flagError(err as Error, rest, spec, cmd.name);
    }
    if (parsed.values.help) {
      io.stdout.write(commandHelp(cmd, entry));
      return 0;
    }
    if (parsed.positionals.length > (cmd.maxPositionals ?? 0)) {
      throw new UsageError(`unexpected argument "${parsed.positionals[cmd.maxPositionals ?? 0]}" (see dbxsync ${cmd.name} --help)`);
    }
    // --no-color is NO_COLOR for everything the command renders (https://no-color.org).
    const commandIO: CommandIO = parsed.values['no-color'] === true ? { ...io, env: { ...io.env, NO_COLOR: '1' } } : io;
    const deadline = deadlineFor(cmd.name, parsed.values.timeout);
    const args = parsed;
    return await runLimited(() => cmd.run(args, commandIO), deadline, httpTimeoutsFromEnv(io.env));
  } catch (err) {
    io.stderr.write(`${describeError(cmd.name, err, io)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${io.redactor.redact(err.stack)}\n`);
    return 1;
  }
}

/**
 * One line, never a secret. With the environment, a remote error that points at set-up says what
 * to check (issue 14 item 4): the host and the variable that named it when nothing answered, the
 * variable holding the credentials on a 401.
 */
export function describeError(command: string, err: unknown, io: { readonly env?: Readonly<Record<string, string | undefined>>; readonly redactor: Redactor }): string {
  const { env } = io;
  const redact = (text: string): string => io.redactor.redact(text);
  if (err instanceof ConfigError) return err.problems.map((p) => redact(p)).join('\n');
  if (err instanceof RemoteError) {
    const bits = [err.status !== null ? `HTTP ${err.status}` : null, err.code, err.requestId ? `request id ${err.requestId}` : null]
      .filter(Boolean)
      .join(', ');
    const hint = err.hint ?? (env === undefined ? null : setupHint(err, env));
    return redact(`dbxsync ${command}: ${err.service} ${err.route}: ${err.message}${bits ? ` (${bits})` : ''}${hint === null ? '' : `; ${hint}`}`);
  }
  if (err instanceof DbxsyncError) return redact(`dbxsync ${command}: ${err.message}`);
  const message = err instanceof Error ? err.message : String(err);
  return redact(`dbxsync ${command}: ${message.split('\n')[0]}`);
}

/** What to check when a remote error is about set-up rather than data, or null. */
function setupHint(err: RemoteError, env: Readonly<Record<string, string | undefined>>): string | null {
  // Not a timeout (a server that answers slowly is reachable; DBXSYNC_HTTP_TIMEOUTS is named already).
  const unreachable = err.status === null && err.code !== 'timeout' && /network|fetch|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|getaddrinfo|ECONNRESET|socket/i.test(`${err.code ?? ''} ${err.message}`);
  if (err.service === 'okta') {
    if (unreachable) return `check OKTA_ORG_URL=${env.OKTA_ORG_URL ?? '(not set)'}: the host did not answer (not found, refused or unreachable)`;
    if (err.status === 401) return env.OKTA_API_TOKEN ? 'check OKTA_API_TOKEN: Okta does not accept it (revoked, expired, or of another org)' : 'check OKTA_CLIENT_ID, OKTA_PRIVATE_KEY and OKTA_KEY_ID: Okta does not accept the OAuth client';
    if (err.status === 403) return 'the Okta token lacks a permission or scope this read needs (docs/okta.md lists them)';
  }
  if (err.service === 'dropbox') {
    if (unreachable) return `check DROPBOX_API_URL=${env.DROPBOX_API_URL ?? 'https://api.dropboxapi.com (the default)'}: the host did not answer (not found, refused or unreachable)`;
    if (err.status === 401) return env.DROPBOX_TEAM_TOKEN ? 'check DROPBOX_TEAM_TOKEN: Dropbox does not accept it (expired or revoked)' : 'check DROPBOX_REFRESH_TOKEN, DROPBOX_APP_KEY and DROPBOX_APP_SECRET: Dropbox does not accept them';
  }
  if (err.service === 'github') {
    if (unreachable) return `check GITHUB_API_URL=${env.GITHUB_API_URL ?? 'https://api.github.com (the default)'}: the host did not answer`;
    if (err.status === 401) return 'check GITHUB_TOKEN: GitHub does not accept it';
  }
  return null;
}
