/**
 * Runs a workflow step's shell the way GitHub runs it (bash --noprofile --norc -eo pipefail), with
 * a stand-in `npx` that exits as dbxsync would and other stubbed commands, and returns the step's
 * outputs, summary and exit status. Used for .github/workflows and templates/workflows.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Test } from 'tap';
import { parse } from 'yaml';
import { REPO } from './repo-root.js';

export function repoRoot(): string {
  return REPO;
}

interface Step {
  name?: string;
  run?: string;
}
/** The `run:` of the step called `name` in a workflow file (a path under the repository root). */
export function stepScript(file: string, name: string): string {
  const workflow = parse(readFileSync(path.join(repoRoot(), file), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const step = Object.values(workflow.jobs).flatMap((j) => j.steps).find((s) => s.name === name);
  if (step?.run === undefined) throw new Error(`${file}: no step "${name}"`);
  return step.run;
}

export interface StepRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly outputs: Record<string, string>;
  /** The arguments of each npx call, one line per call. */
  readonly npx: string[];
  readonly summary: string;
  /** The arguments of each call to a stubbed command. */
  readonly calls: string[];
}

export interface StepOptions {
  env?: Record<string, string>;
  npxExit?: number;
  files?: string[];
  stubs?: Record<string, string>;
  /** The working directory (default: an empty one). */
  cwd?: string;
}

/** Run a step's script (see stepScript) with stubs on PATH. */
export function runScript(t: Test, script: string, options: StepOptions = {}): StepRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'dbxsync-step-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const bin = path.join(dir, 'bin');
  const work = options.cwd ?? path.join(dir, 'work');
  for (const d of [bin, work]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(bin, 'npx'), `#!/usr/bin/env bash\necho "$*" >> "${dir}/npx.log"\necho "dbxsync output"\nexit ${options.npxExit ?? 0}\n`);
  chmodSync(path.join(bin, 'npx'), 0o755);
  for (const [command, body] of Object.entries(options.stubs ?? {})) {
    writeFileSync(path.join(bin, command), `#!/usr/bin/env bash\necho "${command} $*" >> "${dir}/calls.log"\n${body}\n`);
    chmodSync(path.join(bin, command), 0o755);
  }
  for (const f of options.files ?? []) writeFileSync(path.join(work, f), '{}');
  const outputs = path.join(dir, 'outputs');
  const summary = path.join(dir, 'summary.md');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd: work,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary, ...options.env },
    encoding: 'utf8',
  });
  const log = path.join(dir, 'npx.log');
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: Object.fromEntries(readFileSync(outputs, 'utf8').split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string])),
    npx: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [],
    summary: readFileSync(summary, 'utf8'),
    calls: existsSync(path.join(dir, 'calls.log')) ? readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n') : [],
  };
}

