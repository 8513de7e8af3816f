import type { CommandIO } from './io.js';

/** Option definitions in node:util parseArgs form. */
export interface OptionDef {
  readonly type: 'string' | 'boolean';
  /** One line for --help. */
  readonly description: string;
  /** Placeholder shown in --help for a string option, e.g. DIR. */
  readonly value?: string;
  readonly short?: string;
}
export type OptionSpec = Readonly<Record<string, OptionDef>>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** One `dbxsync <name>` command. `run` returns the exit code (design.md: 0, 1, 2). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage text printed by --help: synopsis, then one line per option. */
  readonly usage: string;
  readonly options: OptionSpec;
  /** Maximum positionals accepted (default 0). */
  readonly maxPositionals?: number;
  run(args: ParsedArgs, io: CommandIO): Promise<number>;
}

/** For commands of the contract that are not built yet: says so, exit 1, no fake output. */
export function notYetAvailable(name: string, summary: string, usage: string, options: OptionSpec, maxPositionals = 0): Command {
  return {
    name,
    summary,
    usage,
    options,
    maxPositionals,
    async run(_args, io) {
      io.stderr.write(`dbxsync ${name}: not available yet in this version of dbxsync\n`);
      return 1;
    },
  };
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolOpt(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
