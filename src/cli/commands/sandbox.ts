/**
 * `dbxsync sandbox`: serve the emulated Okta and Dropbox APIs on loopback so that every other
 * command can be tried by hand. Prints shell-ready `export` lines (stdout is a valid shell script:
 * narration lines are comments), then serves until SIGINT or SIGTERM.
 */
import { resolve } from 'node:path';
import { DbxsyncError, UsageError } from '../../domain/errors.js';
import { demoSeed, DEMO_TEAM_NAME } from '../../sandbox/demo-seed.js';
import {
  GENERATED_APP_ID,
  GENERATED_GROUP_NAMES,
  generatedAccounts,
  generateOrg,
  MAX_GENERATED_PEOPLE,
  MIN_GENERATED_PEOPLE,
} from '../../sandbox/generate.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { loadSeed } from '../../sandbox/load-seed.js';
import type { FaultConfig } from '../../sandbox/http.js';
import type { SandboxSeed } from '../../sandbox/seed.js';
import { stringOpt, type Command, type ParsedArgs } from '../command.js';
import type { CommandIO } from '../io.js';
import { plural } from '../../text/words.js';

const OPTIONS = {
  port: { type: 'string', value: 'N', description: 'port on 127.0.0.1 (default: a free port)' },
  seed: { type: 'string', value: 'FILE', description: 'seed the org from a JSON or YAML snapshot' },
  generate: { type: 'string', value: 'N', description: 'seed a generated org of N people' },
  latency: { type: 'string', value: 'MS', description: 'delay every response by MS milliseconds' },
  faults: {
    type: 'string',
    value: 'SPEC',
    description: 'inject faults, e.g. 429=0.05,500=0.01,503=0.01,drop=0.01,seed=7,retry-after=2 (rates per request)',
  },
} as const;

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`--port must be a port number from 0 to 65535 (0: any free port), got "${text}"`);
  }
  return Number(text);
}

function parseLatency(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text)) throw new UsageError(`--latency must be a number of milliseconds, got "${text}"`);
  return Number(text);
}

const FAULT_RATES = { '429': 'rate429', '500': 'rate500', '503': 'rate503', drop: 'rateDrop' } as const;

/** `429=0.05,500=0.01,drop=0.01,seed=7,retry-after=2` → FaultConfig. */
export function parseFaults(spec: string | undefined): FaultConfig | undefined {
  if (spec === undefined) return undefined;
  const faults: { -readonly [K in keyof FaultConfig]: FaultConfig[K] } = {};
  const bad = (why: string) => new UsageError(`--faults ${JSON.stringify(spec)}: ${why} (e.g. 429=0.05,500=0.01,drop=0.01,seed=7)`);
  for (const part of spec.split(',')) {
    const [key, value, extra] = part.trim().split('=');
    if (!key || value === undefined || extra !== undefined) throw bad(`"${part}" is not key=value`);
    const n = Number(value);
    if (Object.hasOwn(FAULT_RATES, key)) {
      if (value === '' || !(n >= 0 && n <= 1)) throw bad(`the rate of ${key} must be from 0 to 1`);
      faults[FAULT_RATES[key as keyof typeof FAULT_RATES]] = n;
    } else if (key === 'seed' || key === 'retry-after') {
      if (!/^\d+$/.test(value)) throw bad(`${key} must be a whole number`);
      if (key === 'seed') faults.seed = n;
      else faults.retryAfterSeconds = n;
    } else {
      throw bad(`unknown key "${key}"; known: 429, 500, 503, drop, seed, retry-after`);
    }
  }
  const total = (faults.rate429 ?? 0) + (faults.rate500 ?? 0) + (faults.rate503 ?? 0) + (faults.rateDrop ?? 0);
  if (total > 1) throw bad('the rates add up to more than 1');
  return faults;
}

function parsePeople(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= MIN_GENERATED_PEOPLE && n <= MAX_GENERATED_PEOPLE)) {
    throw new UsageError(`--generate must be a number of people from ${MIN_GENERATED_PEOPLE} to ${MAX_GENERATED_PEOPLE}, got "${text}"`);
  }
  return n;
}

interface ChosenSeed {
  readonly seed: SandboxSeed;
  readonly description: string;
  readonly hint: string;
}

async function chooseSeed(args: ParsedArgs, io: CommandIO): Promise<ChosenSeed> {
  const seedFile = stringOpt(args, 'seed');
  const generate = stringOpt(args, 'generate');
  if (seedFile !== undefined && generate !== undefined) {
    throw new UsageError('--seed and --generate cannot be used together (see dbxsync sandbox --help)');
  }
  if (seedFile !== undefined) {
    const seed = await loadSeed(resolve(io.cwd, seedFile));
    return { seed, description: `seeded from ${seedFile}`, hint: '# Try: dbxsync plan --dir <your desired-state directory>' };
  }
  if (generate !== undefined) {
    const people = parsePeople(generate);
    const accounts = generatedAccounts();
    return {
      seed: generateOrg({ people, now: io.now() }),
      description: `a generated org of ${people} people`,
      hint: [
        `# Desired state that fits: okta.appId ${GENERATED_APP_ID}, groupPushes oktaGroupPattern "^dbx-",`,
        `#   roles from the Okta groups ${Object.values(GENERATED_GROUP_NAMES).slice(1).join(', ')},`,
        `#   fallbackTransferTo ${accounts.archive}, transferAdmin ${accounts.admin}; then try: dbxsync plan --dir <that directory>`,
      ].join('\n'),
    };
  }
  return {
    seed: demoSeed(io.now()),
    description: `the ${DEMO_TEAM_NAME} demo company`,
    hint: '# Try: dbxsync plan   (from the dbxsync repository: its desired-state/ describes this company)',
  };
}

/**
 * The command's body, with the moment to stop passed in: `untilStop` is called once the sandbox
 * serves (signals in the CLI, a promise in tests). Resolves 0 once stopped and the server closed.
 */
export async function serveSandbox(args: ParsedArgs, io: CommandIO, untilStop: () => Promise<unknown>): Promise<number> {
  const port = parsePort(stringOpt(args, 'port'));
  const latencyMs = parseLatency(stringOpt(args, 'latency'));
  const faults = parseFaults(stringOpt(args, 'faults'));
  const { seed, description, hint } = await chooseSeed(args, io);
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      seed,
      ...(port !== undefined ? { port } : {}),
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      ...(faults ? { faults } : {}),
      keepLog: false,
      clock: () => io.now(),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on 127.0.0.1 is already in use (try another --port, or 0)`, { cause: err });
    if (code === 'EACCES') throw new UsageError(`not allowed to listen on port ${port} (try a port above 1023)`, { cause: err });
    throw new DbxsyncError(`cannot start the sandbox: ${(err as Error).message}`, { cause: err });
  }
  const env = sandbox.env();
  // These tokens are the sandbox's well-known values, printed on purpose for the user to export.
  io.redactor.allowPublic(env.OKTA_API_TOKEN!);
  io.redactor.allowPublic(env.DROPBOX_TEAM_TOKEN!);
  const people = seed.okta.users.length;
  const members = seed.dropbox.members.filter((m) => m.status !== 'removed').length;
  io.stdout.write(
    [
      `# dbxsync sandbox: emulated Okta and Dropbox APIs on ${sandbox.url}`,
      `# Org: ${description} (${people} Okta users, ${seed.okta.groups.length} Okta groups, ${members} Dropbox members, ${seed.dropbox.groups.length} Dropbox groups)`,
      `# Okta app id: ${seed.okta.appId}`,
      ...(latencyMs || faults ? [`# Latency ${latencyMs ?? 0} ms; faults ${stringOpt(args, 'faults') ?? 'none'}`] : []),
      ...Object.entries(env).map(([name, value]) => `export ${name}=${value}`),
      hint,
      '# Then: dbxsync apply, dbxsync explain <email>, dbxsync import, dbxsync dump. Serving until Ctrl-C.',
      '',
    ].join('\n'),
  );
  await untilStop();
  const served = sandbox.http.calls();
  await sandbox.close();
  io.stderr.write(`dbxsync sandbox: stopped after ${plural(served, 'request')}\n`);
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM, then stops listening for them. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'Serve emulated Okta and Dropbox APIs on loopback to try dbxsync by hand',
  usage: 'dbxsync sandbox [--port N] [--seed FILE | --generate N] [--latency MS] [--faults SPEC]',
  options: OPTIONS,
  maxPositionals: 0,
  run: (args, io) => serveSandbox(args, io, untilSignal),
};
