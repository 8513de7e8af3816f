/** Problems found in the desired-state YAML, with the position of the node that causes them. */
import { formatSource } from '../text/words.js';

/** `error` makes the desired state unusable; `warning` is printed but does not fail validation. */
export type Severity = 'error' | 'warning';

/**
 * One problem. `file` is the path shown to the user (relative to the working directory when the
 * desired-state directory is under it). `line` and `col` are 1-based; both are 0 when the problem
 * concerns a whole directory rather than a place in a file.
 */
export interface ConfigIssue {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly severity: Severity;
}

/** `file:line:col: message` (or `file: message` for a directory-level problem). */
export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line > 0 ? formatSource(issue) : issue.file;
  return `${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

/** Sorted by file, then position, so that output is stable and reads top to bottom. */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.col - b.col || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
