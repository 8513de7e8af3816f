/**
 * The entry point of src/config: read every YAML file under a directory, validate each against the
 * schema, merge, check the semantic rules, and return either the DesiredState or every problem at
 * once (never only the first).
 */
import type { DesiredState } from '../domain/desired.js';
import { ConfigError } from '../domain/errors.js';
import { formatIssue, sortIssues, type ConfigIssue } from './issue.js';
import { mergeFiles } from './merge.js';
import { normalise } from './normalise.js';
import { ruleIssues } from './rules.js';
import { schemaIssues } from './schema.js';
import { displayPathOf, readSourceFiles } from './source-files.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

export interface LoadOptions {
  /** Today, for exception expiry; passed in so that validation never reads the clock. */
  readonly now: Date;
  /** Base for a relative `dir` and for the paths in messages (default: process.cwd()). */
  readonly cwd?: string;
}

/** The outcome of loading: the state with its warnings, or every problem found. */
export type ConfigResult =
  | { readonly ok: true; readonly state: DesiredState; readonly warnings: readonly ConfigIssue[]; readonly files: number }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[]; readonly files: number };

export async function loadDesiredState(dir: string, options: LoadOptions): Promise<ConfigResult> {
  const cwd = options.cwd ?? process.cwd();
  const sources = await readSourceFiles(dir, cwd);
  const issues: ConfigIssue[] = [...sources.issues];
  const parsed: YamlFile[] = [];
  let unreadable = sources.issues.some((i) => i.severity === 'error');
  for (const source of sources.files) {
    const result = parseYamlFile(source);
    issues.push(...result.issues);
    if (result.file) {
      parsed.push(result.file);
      issues.push(...schemaIssues(result.file));
    } else if (result.issues.some((i) => i.severity === 'error')) {
      unreadable = true;
    }
  }
  const { merged, issues: mergeIssues } = mergeFiles(parsed, displayPathOf(dir, cwd)(''));
  issues.push(...mergeIssues);
  issues.push(...ruleIssues(merged, { now: options.now, partial: unreadable }));

  const files = sources.names.length;
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: sortIssues(issues), files };
  return { ok: true, state: normalise(merged, sources.names), warnings: sortIssues(issues), files };
}

/**
 * For commands that need a valid desired state (plan, apply, import, explain): the state and its
 * warnings, or a ConfigError whose problems are the formatted `file:line:col: message` lines.
 */
export async function requireDesiredState(
  dir: string,
  options: LoadOptions,
): Promise<{ readonly state: DesiredState; readonly warnings: readonly ConfigIssue[] }> {
  const result = await loadDesiredState(dir, options);
  if (!result.ok) throw new ConfigError(result.issues.map(formatIssue));
  return { state: result.state, warnings: result.warnings };
}
