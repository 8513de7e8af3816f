/** Helpers for the config tests: write a desired-state directory and load it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDesiredState, type ConfigResult } from '../../src/config/load-desired-state.js';
import { formatIssue } from '../../src/config/issue.js';

/** A settings file that makes a directory valid on its own (version and okta.appId). */
export const SETTINGS = 'version: 1\nokta:\n  appId: 0oa1dropbox2bus3ness\n';

/** The date every test validates against, unless it says otherwise. */
export const NOW = new Date('2026-11-28T12:00:00Z');

/** Writes `files` (path -> text or bytes) under `root/desired-state`. */
export function writeDir(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  const dir = path.join(root, 'desired-state');
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** Loads `root/desired-state` as if run from `root`, so that messages read `desired-state/x.yaml:1:1: ...`. */
export async function load(root: string, now: Date = NOW): Promise<ConfigResult> {
  return loadDesiredState('desired-state', { now, cwd: root });
}

/** Every problem, formatted as validate prints it. */
export function lines(result: ConfigResult): string[] {
  return (result.ok ? result.warnings : result.issues).map(formatIssue);
}
