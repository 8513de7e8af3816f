/** `dbxsync validate`: check the desired-state YAML, report every problem at once, exit 0 or 1. */
import { loadDesiredState } from '../../config/load-desired-state.js';
import { formatIssue, type ConfigIssue } from '../../config/issue.js';
import { UsageError } from '../../domain/errors.js';
import { stringOpt, type Command } from '../command.js';
import { plural } from '../../text/words.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check the desired-state YAML against the schemas and rules',
  usage: `dbxsync validate [--dir desired-state] [--format text|json] [--now DATE]`,
  options: {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    format: { type: 'string', value: 'text|json', description: 'output format (default: text)' },
    now: { type: 'string', value: 'DATE', description: 'the date to check exception expiry against (default: today)' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const dir = stringOpt(args, 'dir') ?? 'desired-state';
    const format = stringOpt(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format "${format}" (expected text or json)`);
    const nowText = stringOpt(args, 'now');
    const now = nowText === undefined ? io.now() : parseDate(nowText);

    const result = await loadDesiredState(dir, { now, cwd: io.cwd });
    const problems = result.ok ? result.warnings : result.issues;
    if (format === 'json') {
      const document = { ok: result.ok, files: result.files, problems: problems.map(({ file, line, col, message, severity }) => ({ file, line, col, message, severity })) };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return result.ok ? 0 : 1;
    }
    for (const issue of problems) io.stderr.write(`${formatIssue(issue)}\n`);
    const files = plural(result.files, 'file');
    const warnings = count(problems, 'warning');
    if (result.ok) {
      io.stdout.write(`✓ ${files}, ${warnings === 0 ? 'no problems' : plural(warnings, 'warning')}\n`);
      return 0;
    }
    const errors = count(problems, 'error');
    io.stderr.write(`✗ ${plural(errors, 'problem')} in ${files}${warnings > 0 ? ` (and ${plural(warnings, 'warning')})` : ''}\n`);
    return 1;
  },
};

function count(issues: readonly ConfigIssue[], severity: ConfigIssue['severity']): number {
  return issues.filter((i) => i.severity === severity).length;
}

/** --now: a date (YYYY-MM-DD) or a full ISO timestamp. */
function parseDate(text: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now must be a date (YYYY-MM-DD) or an ISO timestamp, got "${text}"`);
  }
  return date;
}
