/** An in-memory CommandIO for running commands in-process. */
import type { CommandIO } from '../../src/cli/io.js';
import { Redactor } from '../../src/text/redact.js';

export interface CapturedIO extends CommandIO {
  out(): string;
  err(): string;
}

export function captureIO(options: { env?: Record<string, string | undefined>; cwd?: string; now?: string; tty?: boolean; answer?: boolean } = {}): CapturedIO {
  let out = '';
  let err = '';
  const now = options.now ? new Date(options.now) : new Date('2026-11-28T12:00:00Z');
  // One Redactor per IO, as main.ts makes one per process: two runs in one test share no secrets.
  const redactor = new Redactor();
  return {
    stdout: { write: (t) => void (out += redactor.redact(t)), isTTY: options.tty ?? false },
    stderr: { write: (t) => void (err += redactor.redact(t)), isTTY: options.tty ?? false },
    redactor,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => now,
    confirm: async () => options.answer ?? false,
    out: () => out,
    err: () => err,
  };
}
