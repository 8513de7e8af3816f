/** Writing a plan the way `plan`, `apply` and `demo` show it: one format to stdout, JSON to --out. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import type { Plan } from '../domain/plan.js';
import { redact } from '../domain/redact.js';
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

export function renderPlan(plan: Plan, format: PlanFormat, io: CommandIO, options: { redactEmails?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return renderJson(plan);
    case 'markdown':
      return renderMarkdown(plan, { redactEmails: options.redactEmails ?? false });
    case 'text':
      return renderText(plan, { color: useColor(io.stdout, io.env), redactEmails: options.redactEmails ?? false });
  }
}

/** Write the plan JSON (never a secret: it is redacted like every other output). */
export async function writePlanFile(plan: Plan, file: string, io: CommandIO): Promise<void> {
  await writeFile(path.resolve(io.cwd, file), redact(renderJson(plan)), 'utf8');
}

/** True when the plan would change something (reports and waiting states are not changes). */
export function hasChanges(plan: Plan): boolean {
  return plan.actions.length > 0;
}
