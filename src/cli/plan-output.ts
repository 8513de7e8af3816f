/** Writing a plan the way `plan`, `apply` and `demo` show it: one format to stdout, JSON to --out. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { writePlanFile as writePlanFileAt } from '../apply/plan-file.js';
import { UsageError } from '../domain/errors.js';
import type { Plan, PlanDirection } from '../domain/plan.js';
import { plural } from '../text/words.js';
import { renderJson, renderMarkdown, renderText } from '../render/index.js';
import { useColor, type CommandIO } from './io.js';

export type PlanFormat = 'text' | 'markdown' | 'json';

export function parseFormat(value: string | undefined): PlanFormat {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`unknown --format "${format}" (expected text, markdown or json)`);
  }
  return format;
}

/**
 * --redact-emails hides addresses in what people read (text, markdown); a JSON plan is data that
 * apply and comment read back, so it keeps them: refused there rather than silently ignored.
 */
export function redactEmailsFor(format: PlanFormat, redactEmails: boolean): boolean {
  if (redactEmails && format === 'json') {
    throw new UsageError('--redact-emails applies to --format text and markdown; a JSON plan keeps the addresses (apply --plan and comment read them back)');
  }
  return redactEmails;
}

export interface RenderPlanOptions {
  readonly redactEmails?: boolean;
  /** Which way the plan writes (default sync; `import` for dbxsync import). */
  readonly direction?: PlanDirection;
}

export function renderPlan(plan: Plan, format: PlanFormat, io: CommandIO, options: RenderPlanOptions = {}): string {
  const redactEmails = options.redactEmails ?? false;
  const direction = options.direction ?? 'sync';
  switch (format) {
    case 'json':
      return renderJson(plan);
    case 'markdown':
      return renderMarkdown(plan, { redactEmails, direction });
    case 'text':
      return renderText(plan, { color: useColor(io.stdout, io.env), redactEmails, direction });
  }
}

/** The one stderr line of a command whose plan the safety rules refused (exit 1). */
export function refusedLine(command: string, plan: Plan): string {
  const violations = plan.safety.violations;
  const more = violations.length > 1 ? '; ...' : '';
  return `dbxsync ${command}: refused: ${plural(violations.length, 'safety check')} failed (${violations[0]?.message ?? 'no rule named'}${more})`;
}

/**
 * Before any API call: --out must name a file in a directory that exists (a plan read for minutes
 * from a 100k team and then lost to a typo in the path helps nobody).
 */
export function assertWritableTarget(file: string, io: CommandIO): void {
  const target = path.resolve(io.cwd, file);
  const dir = path.dirname(target);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`--out ${file}: the directory ${path.relative(io.cwd, dir) || '.'} does not exist; create it first (nothing was read or changed)`);
  try {
    if (statSync(target).isDirectory()) throw new UsageError(`--out ${file} is a directory; name a file, e.g. ${path.join(file, 'plan.json')}`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
}

/** Write the plan JSON (never a secret: it is redacted like every other output). */
export async function writePlanFile(plan: Plan, file: string, io: CommandIO): Promise<void> {
  await writePlanFileAt(plan, path.resolve(io.cwd, file), io.redactor);
}

/** True when the plan would change something (reports and waiting states are not changes). */
export function hasChanges(plan: Plan): boolean {
  return plan.actions.length > 0;
}
