/**
 * Tools for the hostile-server tests (issue 12): a trap listener on another port that records
 * every request that reaches it (and its Authorization header), and a way to run a command
 * in-process against a sandbox with the repository's desired state.
 */
import { cpSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import root, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { captureIO } from './io.js';
import { scratchDir } from './scratch.js';
import { REPO } from './sandbox-process.js';

export const NOW = '2026-11-28T12:00:00.000Z';

export interface Trap {
  readonly origin: string;
  readonly requests: { readonly method: string; readonly url: string; readonly authorization: string | null }[];
}

/** A listener on another port that answers every request with an empty list, recording it. */
export async function startTrap(t: Test): Promise<Trap> {
  const requests: Trap['requests'] = [];
  const server: Server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = req.headers;
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: headers.authorization ?? null });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A sandbox seeded with the demo org, closed (and the secrets it registered forgotten) at teardown. */
export async function demoSandbox(t: Test, options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(NOW), ...options });
  t.teardown(() => sandbox.close());
  owners.set(sandbox, t);
  return sandbox;
}

/** The test each sandbox of demoSandbox belongs to: cli's working directories are removed when it ends. */
const owners = new WeakMap<Sandbox, Test>();

/** A working directory holding a copy of the repository's desired-state/, removed when `t` ends. */
export function workdir(t: Test): string {
  const dir = scratchDir(t, 'dbxsync-hostile-');
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  return dir;
}

/**
 * Run a command in-process against the sandbox (its environment plus `env`), in a working
 * directory of its own, removed when the sandbox's test ends (the file's end for a sandbox not
 * made by demoSandbox).
 */
export async function cli(argv: readonly string[], sandbox: Sandbox, env: Readonly<Record<string, string>> = {}) {
  const io = captureIO({ env: { ...sandbox.env(), ...env }, cwd: workdir(owners.get(sandbox) ?? root), now: NOW });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Every wait has its own deadline: a command that never stops fails the test instead of hanging it. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not stop within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
