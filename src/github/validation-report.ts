/** The output of `dbxsync validate --format json`, read back by `dbxsync comment --validation FILE`. */
import { UsageError } from '../domain/errors.js';

export interface ValidationProblem {
  /** As validate wrote it: relative to the working directory it ran in, or absolute. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** `{ok, files, problems}`: problems are the errors when not ok, the warnings when ok. */
export interface ValidationReport {
  readonly ok: boolean;
  readonly files: number;
  readonly problems: readonly ValidationProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseValidationReport(json: string, source: string): ValidationReport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new UsageError(`${source}: not valid JSON (expected the output of dbxsync validate --format json)`, { cause: err });
  }
  const fail = (what: string): never => {
    throw new UsageError(`${source}: not the output of dbxsync validate --format json: ${what}`);
  };
  if (!isRecord(data)) return fail('expected a JSON object');
  if (typeof data.ok !== 'boolean') return fail('ok missing');
  if (typeof data.files !== 'number') return fail('files missing');
  if (!Array.isArray(data.problems)) return fail('problems is not a list');
  const problems = data.problems.map((p: unknown, i: number): ValidationProblem => {
    if (!isRecord(p) || typeof p.file !== 'string' || typeof p.message !== 'string') return fail(`problems[${i}] has no file or message`);
    const line = typeof p.line === 'number' && p.line > 0 ? Math.floor(p.line) : 0;
    const col = typeof p.col === 'number' && p.col > 0 ? Math.floor(p.col) : 0;
    return { file: p.file, line, col, message: p.message, severity: p.severity === 'warning' ? 'warning' : 'error' };
  });
  return { ok: data.ok, files: data.files, problems };
}
