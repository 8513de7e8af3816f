/** The in-process CLI against a sandbox seeded with the demo team, in a scratch copy of desired-state/. */
import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { captureIO } from './io.js';
import { scratchDir } from './scratch.js';
import { REPO as REPO_ROOT } from './repo-root.js';

export const DEMO_NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;

/** A demo sandbox with these tokens, closed (and the secret registry cleared) at the end of the test. */
export async function demoSandbox(t: Test, tokens: { okta: string; dropbox: string }): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed: demoSeed(new Date(DEMO_NOW)), tokens, clock: () => new Date(DEMO_NOW) });
  t.teardown(() => sandbox.close());
  return sandbox;
}

/** A fresh directory holding a copy of the repository's desired-state/, removed when `t` ends. */
export function desiredStateWorkdir(t: Test, prefix: string): string {
  const dir = scratchDir(t, prefix);
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  return dir;
}

/** Runs one command against the sandbox in `cwd`: exit code, stdout, stderr. */
export async function demoCli(argv: string[], sandbox: Sandbox, cwd: string): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO({ env: sandbox.env(), cwd, now: DEMO_NOW });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}
