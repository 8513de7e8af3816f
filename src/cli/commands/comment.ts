/**
 * `dbxsync comment`: create or update the one plan comment on a GitHub pull request, and append
 * the same text to the job summary. With a failing `--validation` report it posts the problems,
 * linked to the lines of the head commit, instead of a plan.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../domain/errors.js';
import { readPlanFile } from '../../apply/plan-file.js';
import { readActionsContext, type ActionsContext } from '../../github/actions-context.js';
import { createGitHubClient } from '../../github/client.js';
import { PLAN_MARKER, planCommentBody, validationCommentBody, type CommentContext } from '../../github/comment-body.js';
import { resolveAuthor, upsertMarkerComment } from '../../github/marker-comment.js';
import { appendStepSummary } from '../../github/step-summary.js';
import { parseValidationReport, type ValidationReport } from '../../github/validation-report.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import type { CommandIO } from '../io.js';
import { VERSION } from '../version.js';

/** Read a plan or validation report, secrets redacted before rendering (escaping would hide them from a later redact). */
async function readInput(io: CommandIO, file: string, what: string): Promise<string> {
  try {
    return io.redactor.redact(await readFile(path.resolve(io.cwd, file), 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read the ${what} ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
}

/** Problem files as paths inside the checkout, so that they link into the head commit. */
function relativeToWorkspace(report: ValidationReport, io: CommandIO, context: ActionsContext): ValidationReport {
  return {
    ...report,
    problems: report.problems.map((p) => ({ ...p, file: path.relative(context.workspace, path.resolve(io.cwd, p.file)).split(path.sep).join('/') })),
  };
}

async function commentBody(args: Parameters<Command['run']>[0], io: CommandIO, context: ActionsContext, headSha: string | null): Promise<string> {
  const planFile = stringOpt(args, 'plan');
  const validationFile = stringOpt(args, 'validation');
  const bodyContext: CommentContext = {
    headSha,
    runUrl: context.runUrl,
    repoUrl: `${context.serverUrl}/${context.owner}/${context.repo}`,
    toolVersion: VERSION,
    redactEmails: boolOpt(args, 'redact-emails'),
  };
  const report = validationFile === undefined ? null : parseValidationReport(await readInput(io, validationFile, 'validation report'), validationFile);
  if (report !== null && (!report.ok || planFile === undefined)) return validationCommentBody(relativeToWorkspace(report, io, context), bodyContext);
  if (planFile === undefined) throw new UsageError('--plan FILE or --validation FILE is required (see dbxsync comment --help)');
  return planCommentBody(readPlanFile(await readInput(io, planFile, 'plan file'), planFile), bodyContext);
}

export const commentCommand: Command = {
  name: 'comment',
  summary: 'Create or update the one plan comment on a GitHub pull request',
  usage: `dbxsync comment --plan plan.json [--validation FILE] [--pr N] [--redact-emails] [--author LOGIN] [--summary-only]`,
  options: {
    plan: { type: 'string', value: 'FILE', description: 'the plan JSON written by plan --out' },
    validation: { type: 'string', value: 'FILE', description: 'validation output (validate --format json): its problems are posted instead of a plan when it is not ok' },
    pr: { type: 'string', value: 'N', description: 'pull request number (default: from GITHUB_EVENT_PATH)' },
    'redact-emails': { type: 'boolean', description: 'show stable hashes instead of email addresses (public repositories)' },
    author: { type: 'string', value: 'LOGIN', description: 'login whose marked comment is updated (default: the token\'s user, else github-actions[bot])' },
    'summary-only': { type: 'boolean', description: 'post nothing: write the job summary only, or print the comment when GITHUB_STEP_SUMMARY is unset (pull requests from forks)' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const summaryOnly = boolOpt(args, 'summary-only');
    if (stringOpt(args, 'plan') === undefined && stringOpt(args, 'validation') === undefined) {
      throw new UsageError('--plan FILE or --validation FILE is required (see dbxsync comment --help)');
    }
    const context = await readActionsContext(io.env, io.cwd, stringOpt(args, 'pr'));
    if (summaryOnly) {
      const body = io.redactor.redact(await commentBody(args, io, context, context.headSha));
      if (context.stepSummaryFile === null) io.stdout.write(body);
      else {
        await appendStepSummary(context.stepSummaryFile, body);
        io.stdout.write('wrote the comment text to the job summary (no comment posted: --summary-only)\n');
      }
      return 0;
    }

    const token = io.env.GITHUB_TOKEN?.trim();
    if (!token) throw new UsageError('GITHUB_TOKEN is not set (in a workflow: env: GITHUB_TOKEN: ${{ github.token }})');
    const pr = context.pr;
    if (pr === null) throw new UsageError('no pull request number: pass --pr N, or run on a pull_request event (GITHUB_EVENT_PATH)');
    const client = createGitHubClient({ token, apiUrl: context.apiUrl, owner: context.owner, repo: context.repo, userAgent: `dbxsync/${VERSION}` });
    const headSha = context.headSha ?? (await client.pullRequestHeadSha(pr));
    const body = io.redactor.redact(await commentBody(args, io, context, headSha));
    if (context.stepSummaryFile !== null) await appendStepSummary(context.stepSummaryFile, body);
    const author = await resolveAuthor(client, stringOpt(args, 'author'));
    const outcome = await upsertMarkerComment(client, { issue: pr, marker: PLAN_MARKER, author, body });
    const said = outcome.action === 'unchanged' ? `the plan comment on pull request #${pr} is already current` : `${outcome.action} the plan comment on pull request #${pr}`;
    io.stdout.write(`${said}: ${outcome.comment.url}\n`);
    return 0;
  },
};
