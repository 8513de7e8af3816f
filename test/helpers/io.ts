/** An in-memory CommandIO for running commands in-process. */
import type { CommandIO } from '../../src/cli/io.js';
import { redact } from '../../src/text/redact.js';

export interface CapturedIO extends CommandIO {
  out(): string;
  err(): string;
}

export function captureIO(options: { env?: Record<string, string | undefined>; cwd?: string; now?: string; tty?: boolean; answer?: boolean } = {}): CapturedIO {
  let out = '';
  let err = '';
  const now = options.now ? new Date(options.now) : new Date('2026-11-28T12:00:00Z');
  return {
    stdout: { write: (t) => void (out += redact(t)), isTTY: options.tty ?? false },
    stderr: { write: (t) => void (err += redact(t)), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => now,
    confirm: async () => options.answer ?? false,
    out: () => out,
    err: () => err,
  };
}
