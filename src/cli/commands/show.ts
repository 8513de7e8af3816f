/**
 * `dbxsync show plan.json [--format text|markdown|json]`: render a saved plan (the file `plan --out`
 * wrote, e.g. the pull request's dbxsync-plan artifact) without credentials and without any API
 * call, as `terraform show` does. A plan whose contentDigest does not match its content is shown
 * with a warning on stderr: it was edited after it was written, and apply --plan would refuse it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readPlanFile } from '../../apply/plan-file.js';
import { UsageError } from '../../domain/errors.js';
import { planContentDigest } from '../../plan/index.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { parseFormat, redactEmailsFor, renderPlan } from '../plan-output.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'Render a saved plan file as text, markdown or JSON; no credentials',
  usage: 'dbxsync show plan.json [--format text|markdown|json] [--redact-emails]',
  options: {
    format: { type: 'string', value: 'text|markdown|json', description: 'output format (default: text)' },
    'redact-emails': { type: 'boolean', description: 'text/markdown: show stable hashes instead of email addresses' },
  },
  maxPositionals: 1,
  async run(args, io) {
    const file = args.positionals[0];
    if (file === undefined) throw new UsageError('which plan? dbxsync show plan.json (the file plan --out wrote)');
    const format = parseFormat(stringOpt(args, 'format'));
    const redactEmails = redactEmailsFor(format, boolOpt(args, 'redact-emails'));
    let text: string;
    try {
      text = await readFile(path.resolve(io.cwd, file), 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
    }
    const plan = readPlanFile(text, file);
    if (plan.contentDigest !== undefined && plan.contentDigest !== planContentDigest(plan)) {
      io.stderr.write(`dbxsync show: warning: ${file} was edited after dbxsync plan wrote it (its contentDigest does not match its content); apply --plan refuses it\n`);
    }
    io.stdout.write(renderPlan(plan, format, io, { redactEmails }));
    return 0;
  },
};
