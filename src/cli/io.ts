/** What a command may touch of the process, passed in so that tests run commands in-process. */
import { redact } from '../domain/redact.js';

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
}

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function useColor(out: Output, env: Readonly<Record<string, string | undefined>>): boolean {
  return out.isTTY && !('NO_COLOR' in env && env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

/** Wrap a Node stream so that everything written is redacted of registered secrets. */
export function outputOf(stream: NodeJS.WriteStream): Output {
  return {
    write: (text: string) => {
      stream.write(redact(text));
    },
    isTTY: Boolean(stream.isTTY),
  };
}
