/**
 * Scratch directories for tests: a fresh directory under the OS temp dir, removed when the test
 * ends. A directory under the temp dir rather than t.testdir() (which lives in .tap/fixtures inside
 * the repository): commands that look upwards from their working directory (init's templates/,
 * desired-state/) must not find this repository, and some tests need several directories.
 *
 * tap runs teardowns last-registered first, so whatever a test registers after taking the
 * directory (closing a sandbox, ending a child process that writes into it) happens before the
 * directory is removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Test } from 'tap';

/** A fresh directory named `prefix` + random under the OS temp dir, removed at `t`'s teardown. */
export function scratchDir(t: Pick<Test, 'teardown'>, prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
