/**
 * Shared by the signal and concurrent-apply tests: the real CLI against a sandbox with latency on
 * every request. The plan is the demo company with 40 surname changes in Okta (one
 * members/set_profile_v2 each) on top of the demo's own adds, suspensions, removals and group changes.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Test } from 'tap';
import { demoSeed } from '../../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { SandboxSeed } from '../../../src/sandbox/seed.js';
import { cliBuilt, REPO } from '../../helpers/sandbox-process.js';

export const SURNAME_CHANGES = 40;
export const LATENCY_MS = 15;
/** Dropbox calls that change the team (reads and job polls left out). */
export const WRITE_ROUTE =
  /^dropbox team\/(members\/(add_v2|set_profile_v2|suspend|unsuspend|remove|recover|set_admin_permissions_v2|move_former_member_files)|groups\/(create|update|delete|members\/add|members\/remove))$/;
const NOW = new Date();
export const skip = cliBuilt() ? false : 'build first (npm test builds)';

export function seed(): SandboxSeed {
  const s = demoSeed(NOW);
  const inSync = new Set(s.dropbox.members.filter((m) => m.status === 'active').map((m) => m.externalId));
  const people = s.okta.users.filter((u) => u.status === 'ACTIVE' && inSync.has(u.id)).slice(0, SURNAME_CHANGES);
  for (const u of people) u.profile.lastName = `${String(u.profile.lastName)}-Renamed`;
  return s;
}

export async function sandbox(t: Test): Promise<Sandbox> {
  const s = await startSandbox({ seed: seed(), latencyMs: LATENCY_MS });
  t.teardown(() => s.close());
  return s;
}

/** A working directory of its own with a copy of desired-state/ (the lock and audit logs go under it), removed at teardown. */
export function workdir(t: Test): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dbxsync-signals-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(REPO, 'desired-state'), path.join(root, 'desired-state'), { recursive: true });
  return root;
}

export function auditLines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Resolves once the audit log holds `n` lines; rejects after its own deadline. */
export async function auditShows(file: string, n: number, deadlineMs = 120_000): Promise<void> {
  const until = performance.now() + deadlineMs;
  while (auditLines(file).length < n) {
    if (performance.now() > until) throw new Error(`the audit log ${file} did not reach ${n} lines within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function lockFiles(cwd: string): string[] {
  const dir = path.join(cwd, '.dbxsync');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.lock')) : [];
}

