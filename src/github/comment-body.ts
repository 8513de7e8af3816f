/**
 * The text of the pull-request comment (and of the job summary): a hidden marker that finds the
 * comment again, then either the plan as the markdown renderer draws it, or, when the YAML is
 * invalid, its problems with links to the lines in the pull request's head commit. Pure, and
 * always within GitHub's comment limit.
 */
import type { Plan } from '../domain/plan.js';
import { groupDigits } from '../render/change-counts.js';
import { fitToLength, utf8Length, type FoldableSection } from '../render/fit-to-length.js';
import { codeSpan, escapeMarkdown, escapeUrl } from '../render/markdown-escape.js';
import { DEFAULT_MAX_MARKDOWN_LENGTH, renderMarkdown } from '../render/markdown.js';
import { redactEmailsInText } from '../render/redact-emails.js';
import type { ValidationProblem, ValidationReport } from './validation-report.js';
import { formatSource, pluralGrouped } from '../text/words.js';

/** The hidden first line by which dbxsync finds its own comment on a pull request. */
export const PLAN_MARKER = '<!-- dbxsync:plan -->';

export interface CommentContext {
  /** The pull request's head commit. */
  readonly headSha: string | null;
  /** Link to the workflow run whose artifacts hold the full plan. */
  readonly runUrl: string | null;
  /** `{server}/{owner}/{repo}`: file links are `{repoUrl}/blob/{headSha}/{file}#L{line}`. */
  readonly repoUrl: string;
  readonly toolVersion: string;
  readonly redactEmails: boolean;
  /** Longest body in UTF-8 bytes (default 65,000; GitHub allows 65,536 characters). */
  readonly maxLength?: number;
}

const PLAN_TITLE = '### dbxsync plan\n\n';

function limit(context: CommentContext): number {
  return context.maxLength ?? DEFAULT_MAX_MARKDOWN_LENGTH;
}

/** The plan comment: marker, title, the markdown renderer's output with head, fingerprint and run link. */
export function planCommentBody(plan: Plan, context: CommentContext): string {
  const head = `${PLAN_MARKER}\n${PLAN_TITLE}`;
  const markdown = renderMarkdown(plan, {
    redactEmails: context.redactEmails,
    maxLength: limit(context) - utf8Length(head),
    ...(context.headSha ? { headSha: context.headSha } : {}),
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
  });
  return head + markdown;
}

/** `path/to/file.yaml`, each segment URL-encoded, or null for a file outside the repository. */
function repoPath(file: string): string | null {
  const posix = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (posix.startsWith('/') || posix.startsWith('../') || posix === '..' || posix === '') return null;
  return posix.split('/').map(encodeURIComponent).join('/');
}

function where(problem: ValidationProblem, context: CommentContext): string {
  const position = problem.line > 0 ? formatSource(problem, problem.col > 0 ? 'column' : 'line') : problem.file;
  const target = repoPath(problem.file);
  if (target === null || !context.headSha) return codeSpan(position);
  const anchor = problem.line > 0 ? `#L${problem.line}` : '';
  return `[${codeSpan(position)}](${escapeUrl(`${context.repoUrl}/blob/${context.headSha}/${target}${anchor}`)})`;
}

function footer(context: CommentContext): string {
  const parts: string[] = [];
  if (context.headSha) parts.push(`head ${escapeMarkdown(context.headSha)}`);
  if (context.runUrl) parts.push(`[workflow run](${escapeUrl(context.runUrl)})`);
  parts.push(`dbxsync ${escapeMarkdown(context.toolVersion)}`);
  return `<sub>${parts.join(' · ')}</sub>\n`;
}

function problemSection(title: string, problems: readonly ValidationProblem[], context: CommentContext, what: string): FoldableSection {
  const labels = new Map<string, string>();
  const message = (text: string): string => escapeMarkdown(context.redactEmails ? redactEmailsInText(text, labels) : text);
  return {
    head: `${title}\n\n| Where | Problem |\n| --- | --- |\n`,
    emptyHead: `${title}\n`,
    rows: problems.map((p) => `| ${where(p, context)} | ${message(p.message)} |\n`),
    tail: '',
    note: (hidden, shown) => `\n… ${groupDigits(hidden)} ${shown > 0 ? 'more ' : ''}${what} not shown; run \`dbxsync validate\` to see them all\n`,
  };
}

/** Validation problems instead of a plan: the YAML is invalid, so there is nothing to plan. */
export function validationCommentBody(report: ValidationReport, context: CommentContext): string {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  const why = context.runUrl ? `: the [workflow run](${escapeUrl(context.runUrl)}) says why` : '';
  const lead = report.ok
    ? `The desired state is valid (${pluralGrouped(report.files, 'file', 'files')}), but **no plan was made**${why}.`
    : `**${pluralGrouped(errors.length, 'problem', 'problems')} in the desired state** (${pluralGrouped(report.files, 'file', 'files')} read): no plan was made. Fix ${errors.length === 1 ? 'it' : 'them'} and push again.`;
  const title = report.ok ? PLAN_TITLE : '### dbxsync: the desired state is invalid\n\n';
  const parts = [`${PLAN_MARKER}\n${title}${lead}\n`];
  const sections: FoldableSection[] = [];
  if (errors.length > 0) sections.push(problemSection(`#### Errors (${groupDigits(errors.length)})`, errors, context, 'errors'));
  if (warnings.length > 0) sections.push(problemSection(`#### Warnings (${groupDigits(warnings.length)})`, warnings, context, 'warnings'));
  return fitToLength([...parts, ...sections, footer(context)], limit(context), "\n\n… the rest of this comment is cut to fit GitHub's size limit\n").text;
}
