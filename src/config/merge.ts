/**
 * Merges the files of a desired-state directory: each top-level key comes from exactly one file,
 * and every position is still found through the file that defined the key.
 */
import type { SourceRef } from '../domain/desired.js';
import type { ConfigIssue, Severity } from './issue.js';
import type { DataPath, Position, Target, YamlFile } from './yaml-file.js';

/** The merged data, and where each part of it came from. */
export interface MergedConfig {
  readonly data: Readonly<Record<string, unknown>>;
  /** Position of `path` (whose first segment is a top-level key) in the file that defined it. */
  locate(path: DataPath, target?: Target): { readonly file: YamlFile; readonly pos: Position } | null;
  /** A SourceRef (file relative to the directory) for `path`; null when the top-level key is absent. */
  sourceRef(path: DataPath, target?: Target): SourceRef | null;
  /** An issue at `path`; a top-level key that no file defines yields a directory-level issue. */
  issue(path: DataPath, message: string, severity?: Severity, target?: Target): ConfigIssue;
}

export function mergeFiles(files: readonly YamlFile[], dirDisplay: string): { merged: MergedConfig; issues: ConfigIssue[] } {
  const data: Record<string, unknown> = {};
  const owner = new Map<string, YamlFile>();
  const issues: ConfigIssue[] = [];
  for (const file of files) {
    for (const [key, value] of Object.entries(file.data as Record<string, unknown>)) {
      const first = owner.get(key);
      if (first) {
        const pos = file.locate([key], 'key');
        const firstPos = first.locate([key], 'key');
        issues.push({
          file: file.display,
          line: pos.line,
          col: pos.col,
          message: `top-level key "${key}" is already defined in ${first.display}:${firstPos.line}:${firstPos.col}; a key may appear in one file only`,
          severity: 'error',
        });
        continue;
      }
      owner.set(key, file);
      data[key] = value;
    }
  }
  const locate = (path: DataPath, target: Target = 'value') => {
    const file = typeof path[0] === 'string' ? owner.get(path[0]) : undefined;
    return file ? { file, pos: file.locate(path, target) } : null;
  };
  const merged: MergedConfig = {
    data,
    locate,
    sourceRef(path, target = 'value') {
      const found = locate(path, target);
      return found ? { file: found.file.rel, line: found.pos.line, col: found.pos.col } : null;
    },
    issue(path, message, severity = 'error', target = 'value') {
      const found = locate(path, target);
      return found
        ? { file: found.file.display, line: found.pos.line, col: found.pos.col, message, severity }
        : { file: dirDisplay, line: 0, col: 0, message, severity };
    },
  };
  return { merged, issues };
}
