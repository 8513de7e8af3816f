/**
 * Runs the built CLI (dist/src/cli/main.js) as a child process against a sandbox served by the
 * test process, so the sandbox's state outlives a client that is killed. The child gets the
 * sandbox's environment and nothing of the parent's Okta, Dropbox, proxy or colour settings.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO as REPO_ROOT } from './repo-root.js';

export const REPO = REPO_ROOT;
export const CLI_MAIN = path.join(REPO, 'dist/src/cli/main.js');

/** Whether the CLI is built (tests that need it skip otherwise: `npm test` builds first). */
export function cliBuilt(): boolean {
  return existsSync(CLI_MAIN);
}

const DROPPED_ENV = /^(OKTA_|DROPBOX_|DBXSYNC_|GITHUB_|HTTPS?_PROXY$|NO_PROXY$|ALL_PROXY$|FORCE_COLOR$|NO_COLOR$|NODE_OPTIONS$)/i;

/** The parent's environment without anything that could steer the child elsewhere, plus `extra`. */
export function childEnv(extra: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !DROPPED_ENV.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

export interface CliRun {
  /** Exit code, or null when killed by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to exit, in ms. */
  readonly ms: number;
  /** Whether it was killed before it exited on its own. */
  readonly killed: boolean;
}

export interface CliOptions {
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** SIGKILL the process this many ms after spawning it (0: at once). */
  readonly killAfterMs?: number;
}

export interface CliProcess {
  /** SIGKILL the process now (no-op once it has exited). */
  kill(): void;
  /** Send another signal (SIGTERM, SIGINT) now; no-op once it has exited. */
  signal(name: NodeJS.Signals): void;
  /** What the process wrote to stdout so far. */
  stdout(): string;
  /** Settles when the process has exited and its output is read. */
  readonly exited: Promise<CliRun>;
}

/** Spawn `node dist/src/cli/main.js ...args` (no npm/npx in between); kill it whenever you like. */
export function startCli(args: readonly string[], options: CliOptions): CliProcess {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI_MAIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  let timer: NodeJS.Timeout | null = null;
  if (options.killAfterMs !== undefined) {
    if (options.killAfterMs <= 0) kill();
    else timer = setTimeout(kill, options.killAfterMs);
  }
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, killed });
    });
  });
  const signal = (name: NodeJS.Signals): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
  };
  return { kill, signal, stdout: () => stdout, exited };
}

/** Run the CLI to its end (or until `killAfterMs`). */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  return startCli(args, options).exited;
}
