/**
 * The terminal view of a plan (`dbxsync plan`, `apply` before it asks), in the manner of
 * `terraform plan`: refusal on top, a legend, privileged changes first, then changes by person and
 * by group, each with its reason under it; waiting states, reports, warnings, the fingerprint and
 * a final summary line. Pure: colour is an option, never read from the environment.
 */
import { displaySafe } from '../text/display-text.js';
import { assertNever } from '../domain/errors.js';
import type { Action, Plan, PlanDirection } from '../domain/plan.js';
import { styler, type Styler } from './ansi.js';
import { isMembership, planSummaryLine } from './change-counts.js';
import { LEGEND, describeAction, markerOf, membersOf, reversibilityTag, subjectOf, type Marker } from './describe-action.js';
import { mapPlanStrings } from './map-plan-strings.js';
import { redactPlanEmails } from './redact-emails.js';
import { reportLabel, viewOf, violationNumbers, waitingLabel, waitingTiming } from './plan-view.js';
import { plural } from '../text/words.js';

export interface TextOptions {
  /** ANSI colour; the caller decides (a terminal, and NO_COLOR unset). */
  readonly color: boolean;
  /** Replace every email address by a stable label (see redact-emails.ts). */
  readonly redactEmails?: boolean;
  /** Which way the plan writes (default sync): an empty import plan ends with its own line. */
  readonly direction?: PlanDirection;
}

function paint(s: Styler, marker: Marker, text: string): string {
  switch (marker) {
    case '+':
      return s.green(text);
    case '~':
      return s.yellow(text);
    case '!':
    case '-':
      return s.red(text);
    default:
      return assertNever(marker, 'marker');
  }
}

function subjectText(action: Action): string {
  const subject = subjectOf(action);
  return subject.type === 'person' ? subject.email : `group "${subject.name}"`;
}

/**
 * The action's line under its symbol, its reason, and for a group membership action one line per
 * person under the symbol instead (the heading line names the group without one): each line that
 * carries a symbol is one change of the summary line (change-counts.ts).
 */
function actionLines(action: Action, s: Styler): string[] {
  const marker = markerOf(action.kind);
  const tag = reversibilityTag(action);
  const styledTag = tag === null ? '' : `  ${action.reversibility === 'irreversible' ? s.bold(s.red(tag)) : s.yellow(tag)}`;
  const head = isMembership(action) ? `  ${subjectText(action)}` : paint(s, marker, `${marker} ${subjectText(action)}`);
  const lines = [`  ${head}: ${describeAction(action)}${styledTag}`];
  lines.push(`      ${s.dim(action.reason)}`);
  for (const member of membersOf(action)) lines.push(`      ${paint(s, marker, `${marker} ${member.email}`)}`);
  return lines;
}

/** User data reaches a terminal: one sanitiser for all of it (control and bidi characters). */
const terminalSafe = displaySafe;

export function renderText(input: Plan, options: TextOptions): string {
  const plan = mapPlanStrings(options.redactEmails ? redactPlanEmails(input) : input, terminalSafe);
  const s = styler(options.color);
  const blocks: string[][] = [];

  if (!plan.safety.ok) {
    const n = plan.safety.violations.length;
    const block = [s.bold(s.red(`Refused: this plan breaks ${plural(n, 'safety rule', 'safety rules')}; apply will change nothing.`))];
    for (const v of plan.safety.violations) {
      const numbers = violationNumbers(v.limit, v.value);
      block.push(`  ${s.red('✗')} ${s.bold(v.rule)}: ${v.message}${numbers ? ` ${numbers}` : ''}`);
    }
    blocks.push(block);
  }

  if (plan.actions.length > 0) {
    blocks.push([s.dim(LEGEND)]);
    const view = viewOf(plan);
    if (view.privileged.length > 0) {
      blocks.push([s.bold('Admin roles (privileged changes, listed first)'), ...view.privileged.flatMap((a) => actionLines(a, s))]);
    }
    if (view.people.length > 0) {
      blocks.push([s.bold('People'), ...view.people.flatMap((p) => p.actions.flatMap((a) => actionLines(a, s)))]);
    }
    if (view.groups.length > 0) {
      blocks.push([s.bold('Groups'), ...view.groups.flatMap((g) => g.actions.flatMap((a) => actionLines(a, s)))]);
    }
  }

  if (plan.waiting.length > 0) {
    const width = Math.max(...plan.waiting.map((w) => waitingLabel(w.kind).length));
    blocks.push([
      s.bold('Waiting (not changes)'),
      ...plan.waiting.map((w) => {
        const timing = waitingTiming(w);
        return `  ${s.cyan(waitingLabel(w.kind).padEnd(width))}  ${w.email}: ${w.message}${timing ? ` — ${timing}` : ''}`;
      }),
    ]);
  }

  if (plan.reports.length > 0) {
    const width = Math.max(...plan.reports.map((r) => reportLabel(r.kind).length));
    blocks.push([s.bold('Reports (left alone)'), ...plan.reports.map((r) => `  ${s.cyan(reportLabel(r.kind).padEnd(width))}  ${r.email}: ${r.message}`)]);
  }

  if (plan.warnings.length > 0) {
    blocks.push([
      s.bold('Warnings'),
      ...plan.warnings.map((w) => `  ${s.yellow('warning')} ${w.source ? `${w.source}: ` : ''}${w.message} [${w.code}]`),
    ]);
  }

  const footer = [`Fingerprint: ${plan.fingerprint} (dbxsync ${plan.toolVersion}${plan.generatedAt ? `, planned at ${plan.generatedAt}` : ''})`];
  if (!plan.safety.ok) {
    footer.push(s.bold(s.red(`Refused by ${plural(plan.safety.violations.length, 'safety rule', 'safety rules')} (listed at the top): apply will change nothing.`)));
  }
  const summary = planSummaryLine(plan, options.direction ?? 'sync');
  footer.push(s.bold(plan.actions.length === 0 ? s.green(summary) : summary));
  blocks.push(footer);

  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
