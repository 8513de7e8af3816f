/**
 * The dump's promise, checked: the files it writes load without a problem, and planning them
 * against the same live states holds no destructive action, no role change and no group deletion.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { formatIssue, loadDesiredState } from '../../src/config/index.js';
import type { DropboxState, OktaState } from '../../src/domain/live.js';
import { isDestructive, type Plan } from '../../src/domain/plan.js';
import { dumpDesiredState } from '../../src/dump/index.js';
import { planDropboxChanges } from '../../src/plan/index.js';

export interface RoundTrip {
  readonly files: Record<string, string>;
  /** Every file parsed and merged (top-level keys are unique across files). */
  readonly yaml: Record<string, unknown>;
  readonly warnings: readonly string[];
  readonly plan: Plan;
  /** "member.suspend a@x" for each destructive or role action, and each safety violation. */
  readonly harm: readonly string[];
}

/** Write files into a fresh directory under the OS temp dir; returns its path (the caller removes it). */
export function writeDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dbxsync-dump-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** What in a plan breaks the dump's promise. */
export function harmIn(plan: Plan): string[] {
  const out: string[] = [];
  for (const a of plan.actions) {
    if (isDestructive(a) || a.kind === 'member.set_role' || a.kind === 'group.delete') {
      const who = 'member' in a ? a.member.email : 'group' in a ? a.group.name : '';
      out.push(`${a.kind} ${who}`.trim());
    }
  }
  for (const v of plan.safety.violations) out.push(`safety: ${v.message}`);
  return out;
}

export async function roundTrip(input: { okta: OktaState; dropbox: DropboxState; appId?: string; now?: string }): Promise<RoundTrip> {
  const now = input.now ?? '2026-11-28T12:00:00.000Z';
  const files = dumpDesiredState({ okta: input.okta, dropbox: input.dropbox, appId: input.appId ?? input.okta.appId });
  const dir = writeDir(files);
  let loaded: Awaited<ReturnType<typeof loadDesiredState>>;
  try {
    loaded = await loadDesiredState(dir, { now: new Date(now), cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!loaded.ok) throw new Error(`the dump does not load:\n${loaded.issues.map(formatIssue).join('\n')}\n${Object.values(files).join('\n')}`);
  const plan = planDropboxChanges({ desired: loaded.state, okta: input.okta, dropbox: input.dropbox, now, toolVersion: '0.0.0-test' });
  const yaml: Record<string, unknown> = {};
  for (const text of Object.values(files)) Object.assign(yaml, parse(text));
  return { files, yaml, warnings: loaded.warnings.map(formatIssue), plan, harm: harmIn(plan) };
}
