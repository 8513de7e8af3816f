/**
 * The pull-request comment view of a plan: a one-line summary, then what a reviewer must not miss
 * (refusals, irreversible changes, admin roles), then one collapsed section per action kind (its
 * symbol and heading from change-counts.ts, which the summary line counts by), the
 * waiting states, reports and warnings, and the fingerprint. It stays within GitHub's comment
 * limit by folding its longest sections first, saying what it cut; refusals and irreversible
 * changes are never cut unless they alone exceed the limit. User data is escaped.
 */
import { ACTION_KINDS, isPrivileged, type Action, type ActionKind, type Plan, type PlanDirection } from '../domain/plan.js';
import { groupDigits, markerOf, planSummaryLine, sectionTitle } from './change-counts.js';
import { describeAction, membersOf, subjectOf } from './describe-action.js';
import { fitToLength, type DocumentPart, type FoldableSection } from './fit-to-length.js';
import { codeSpan, escapeHtml, escapeMarkdown, escapeUrl } from './markdown-escape.js';
import { compareText, reportLabel, violationNumbers, waitingLabel, waitingTiming } from './plan-view.js';
import { redactPlanEmails } from './redact-emails.js';
import { pluralGrouped } from '../text/words.js';

export interface MarkdownOptions {
  /** Replace every email address by a stable label (see redact-emails.ts). */
  readonly redactEmails?: boolean;
  /** Longest comment to produce, in UTF-8 bytes (so in characters too); default 65,000 (GitHub allows 65,536 characters). */
  readonly maxLength?: number;
  /** The commit the plan was made for. */
  readonly headSha?: string;
  /** The CI run that made the plan (link to its artifacts). */
  readonly runUrl?: string;
  /** Which way the plan writes (default sync): an empty import plan leads with its own line. */
  readonly direction?: PlanDirection;
}

export const DEFAULT_MAX_MARKDOWN_LENGTH = 65_000;

const ARTIFACT = 'the full plan is in the plan.json artifact';

const md = escapeMarkdown;

/** The person's email or the group's name; `group "name"` where people and groups share a column. */
function who(action: Action, mixed = false): string {
  const subject = subjectOf(action);
  if (subject.type === 'person') return md(subject.email);
  return mixed ? `group "${md(subject.name)}"` : md(subject.name);
}

/** What the action does; in the sections that mix kinds, after its symbol (change-counts.ts). */
function change(action: Action, mixed = false): string {
  const text = `${mixed ? `${codeSpan(markerOf(action.kind))} ` : ''}${md(describeAction(action))}`;
  return action.reversibility === 'recoverable' ? `${text} _(recoverable)_` : text;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

function tableHead(columns: readonly string[]): string {
  return `${row(columns)}${row(columns.map(() => '---'))}`;
}

/** "… 1,234 more member.add actions not shown; the full plan is in the plan.json artifact" */
function cutNote(what: string): (hidden: number, shown: number) => string {
  return (hidden, shown) => `\n… ${groupDigits(hidden)} ${shown > 0 ? 'more ' : ''}${what} not shown; ${ARTIFACT}\n`;
}

function detailsSection(summary: string, columns: readonly string[], rows: readonly string[], what: string): FoldableSection {
  const open = `<details><summary>${summary}</summary>\n\n`;
  return {
    head: `${open}${tableHead(columns)}`,
    emptyHead: open,
    rows,
    tail: '\n</details>\n',
    note: cutNote(what),
  };
}

function kindSection(kind: ActionKind, actions: readonly Action[]): FoldableSection {
  const title = `${markerOf(kind)} ${sectionTitle(kind)} (${groupDigits(actions.length)}) <code>${kind}</code>`;
  const subject = actions.some((a) => subjectOf(a).type === 'group') ? 'Group' : 'Person';
  const rows = actions.map((a) => row([who(a), change(a), md(a.reason)]));
  return detailsSection(title, [subject, 'Change', 'Reason'], rows, `${kind} actions`);
}

/** One section per group membership action: its reason once, then one list item per member. */
function membershipSection(action: Action): FoldableSection {
  const members = membersOf(action);
  const verb = action.kind === 'group.members.add' ? 'to add' : 'to remove';
  const subject = subjectOf(action);
  const name = subject.type === 'group' ? subject.name : '';
  const count = pluralGrouped(members.length, `member ${verb}`, `members ${verb}`);
  const open = `<details><summary>${markerOf(action.kind)} Group ${escapeHtml(name)}: ${count} <code>${action.kind}</code></summary>\n\nWhy: ${md(action.reason)}\n\n`;
  return {
    head: open,
    emptyHead: open,
    rows: members.map((m) => `- ${md(m.email)}\n`),
    tail: '\n</details>\n',
    note: cutNote(`${action.kind} memberships of ${md(name)}`),
  };
}

function refusal(plan: Plan): string {
  const n = plan.safety.violations.length;
  const lines = ['> [!CAUTION]', `> **Refused: this plan breaks ${pluralGrouped(n, 'safety rule', 'safety rules')}; apply will change nothing.**`, '>'];
  for (const v of plan.safety.violations) {
    const numbers = violationNumbers(v.limit, v.value);
    lines.push(`> - **${md(v.rule)}**: ${md(v.message)}${numbers ? ` ${numbers}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function headline(plan: Plan, direction: PlanDirection, irreversible: number, privileged: number): string {
  const summary = planSummaryLine(plan, direction);
  const extras: string[] = [];
  if (!plan.safety.ok) extras.push('**refused by the safety rules**');
  if (irreversible > 0) extras.push(pluralGrouped(irreversible, 'irreversible change', 'irreversible changes'));
  if (privileged > 0) extras.push(pluralGrouped(privileged, 'admin role change', 'admin role changes'));
  if (plan.waiting.length > 0) extras.push(`${groupDigits(plan.waiting.length)} waiting`);
  if (plan.reports.length > 0) extras.push(pluralGrouped(plan.reports.length, 'report', 'reports'));
  if (plan.warnings.length > 0) extras.push(pluralGrouped(plan.warnings.length, 'warning', 'warnings'));
  const lead = `**${summary}**`;
  return `${lead}${extras.length > 0 ? ` ${extras.join(' · ')}` : ''}\n`;
}

function footer(plan: Plan, options: MarkdownOptions): string {
  const parts = [`Fingerprint ${codeSpan(plan.fingerprint)}`];
  if (options.headSha) parts.push(`head ${md(options.headSha)}`);
  if (options.runUrl) parts.push(`[workflow run](${escapeUrl(options.runUrl)})`);
  parts.push(`dbxsync ${md(plan.toolVersion)}`);
  if (plan.generatedAt) parts.push(`planned at ${md(plan.generatedAt)}`);
  return `<sub>${parts.join(' · ')}</sub>\n`;
}

export function renderMarkdown(input: Plan, options: MarkdownOptions = {}): string {
  const plan = options.redactEmails ? redactPlanEmails(input) : input;
  const maxLength = options.maxLength ?? DEFAULT_MAX_MARKDOWN_LENGTH;
  const irreversible = plan.actions.filter((a) => a.reversibility === 'irreversible');
  const privileged = plan.actions.filter((a) => isPrivileged(a) && a.reversibility !== 'irreversible');
  const shownAbove = new Set<Action>([...irreversible, ...privileged]);

  const parts: DocumentPart[] = [headline(plan, options.direction ?? 'sync', irreversible.length, privileged.length)];
  parts.push({ whenFolded: `_This comment is shortened to fit GitHub's size limit: each cut section says what it leaves out; ${ARTIFACT}._\n` });
  if (!plan.safety.ok) parts.push(refusal(plan));

  if (irreversible.length > 0) {
    parts.push({
      head: `### Irreversible changes (${groupDigits(irreversible.length)})\n\n${tableHead(['Who', 'Change', 'Reason'])}`,
      emptyHead: `### Irreversible changes (${groupDigits(irreversible.length)})\n`,
      rows: irreversible.map((a) => row([who(a, true), change(a, true), md(a.reason)])),
      tail: '',
      note: (hidden, shown) =>
        `\n… ${groupDigits(hidden)} ${shown > 0 ? 'more ' : ''}irreversible changes not shown: they alone exceed the comment size limit; ${ARTIFACT}\n`,
      lastResort: true,
    });
  }

  if (privileged.length > 0) {
    parts.push({
      head: `### Admin roles (${groupDigits(privileged.length)})\n\n${tableHead(['Person', 'Change', 'Reason'])}`,
      emptyHead: `### Admin roles (${groupDigits(privileged.length)})\n`,
      rows: privileged.map((a) => row([who(a), change(a, true), md(a.reason)])),
      tail: '',
      note: cutNote('admin role changes'),
    });
  }

  for (const kind of ACTION_KINDS) {
    const actions = plan.actions.filter((a) => a.kind === kind && !shownAbove.has(a));
    if (kind === 'group.members.add' || kind === 'group.members.remove') parts.push(...actions.map(membershipSection));
    else if (actions.length > 0) parts.push(kindSection(kind, actions));
  }

  if (plan.waiting.length > 0) {
    parts.push(
      detailsSection(
        `Waiting (${groupDigits(plan.waiting.length)}): not changes`,
        ['State', 'Person', 'Since', 'Note'],
        plan.waiting.map((w) => row([waitingLabel(w.kind), md(w.email), md(waitingTiming(w)), md(w.message)])),
        'waiting states',
      ),
    );
  }

  if (plan.reports.length > 0) {
    const reports = [...plan.reports].sort((a, b) => compareText(a.kind, b.kind));
    parts.push(
      detailsSection(
        `Reports (${groupDigits(plan.reports.length)}): left alone`,
        ['Kind', 'Person', 'Note'],
        reports.map((r) => row([reportLabel(r.kind), md(r.email), md(r.message)])),
        'reports',
      ),
    );
  }

  if (plan.warnings.length > 0) {
    parts.push({
      head: `### Warnings (${groupDigits(plan.warnings.length)})\n\n`,
      emptyHead: `### Warnings (${groupDigits(plan.warnings.length)})\n`,
      rows: plan.warnings.map((w) => `- ${w.source ? `${codeSpan(w.source)} ` : ''}${md(w.message)} ${codeSpan(w.code)}\n`),
      tail: '',
      note: cutNote('warnings'),
    });
  }

  parts.push(footer(plan, options));
  return fitToLength(parts, maxLength, `\n\n… the rest of this comment is cut to fit GitHub's size limit; ${ARTIFACT}\n`).text;
}
