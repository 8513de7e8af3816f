/** What a command may touch of the process, passed in so that tests run commands in-process. */
import type { Redactor } from '../text/redact.js';
import type { RunLockOptions } from '../apply/run-lock.js';
import type { Interrupts } from './interrupts.js';

export interface Output {
  write(text: string): void;
  /** True when the stream is a terminal (progress, colour, prompts). */
  readonly isTTY: boolean;
}

export interface CommandIO {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock: read here, at the edge, and passed into pure code as a parameter. */
  now(): Date;
  /** Ask a yes/no question on a terminal; resolves false when there is no terminal. */
  confirm(question: string): Promise<boolean>;
  /** SIGINT / SIGTERM during a run that changes the team (absent in-process: no signal handling). */
  readonly interrupts?: Interrupts;
  /** This run's secrets: every output above writes through it (main.ts, test/helpers/io.ts). */
  readonly redactor: Redactor;
}

/** What a recorded run (apply, import, reconcile's apply) takes of the command's IO, with --audit-log when given. */
export function recordedRunIO(io: CommandIO, auditLog: string | undefined) {
  return { stdout: io.stdout, stderr: io.stderr, env: io.env, cwd: io.cwd, now: () => io.now(), redactor: io.redactor, ...(auditLog !== undefined ? { auditLog } : {}) };
}

/** The per-team run lock of apply and reconcile, for the team just read (src/apply/run-lock.ts). */
export function runLockOptions(io: CommandIO, team: string, command: string): RunLockOptions {
  return { cwd: io.cwd, team, api: io.env.DROPBOX_API_URL ?? 'https://api.dropboxapi.com', command, now: io.now(), warn: (line) => io.stderr.write(`${line}\n`) };
}

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function useColor(out: Output, env: Readonly<Record<string, string | undefined>>): boolean {
  return out.isTTY && !('NO_COLOR' in env && env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

/** Wrap a Node stream so that everything written is redacted of the run's secrets. */
export function outputOf(stream: NodeJS.WriteStream, redactor: Redactor): Output {
  return {
    write: (text: string) => {
      stream.write(redactor.redact(text));
    },
    isTTY: Boolean(stream.isTTY),
  };
}
