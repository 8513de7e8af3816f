/**
 * The end-of-apply summary: failures and skips one line each with their reason, notes on applied
 * actions worth knowing (a fallback transfer destination used), and the final count line.
 */
import { displaySafe } from '../text/display-text.js';
import type { Action, Plan } from '../domain/plan.js';
import type { ApplyResult } from './outcome.js';
import { styler } from '../render/ansi.js';

export function renderApplySummary(result: ApplyResult, plan: Plan, options: { color: boolean }): string {
  const style = styler(options.color === true);
  const byId = new Map(plan.actions.map((a) => [a.id, a] as const));
  const label = (id: string): string => {
    const a = byId.get(id);
    return a ? `${a.kind} ${target(a)}` : id;
  };
  const lines: string[] = [];
  const failed = result.outcomes.filter((o) => o.status === 'failed');
  const skipped = result.outcomes.filter((o) => o.status === 'skipped');
  const noted = result.outcomes.filter((o) => o.status === 'applied' && o.note !== null);
  const already = result.outcomes.filter((o) => o.status === 'applied' && o.alreadyDone).length;

  if (failed.length > 0) {
    lines.push(style.red(`Failed (${failed.length}):`));
    for (const o of failed) {
      const e = o.error;
      const code = e?.code ? `${e.code}: ` : '';
      const extra = [e?.retryable ? 'retryable' : null, o.requestId ? `request id ${o.requestId}` : null].filter((x) => x !== null);
      lines.push(`  ${label(o.actionId)}: ${displaySafe(`${code}${e?.message ?? 'failed'}`)}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`);
    }
  }
  if (skipped.length > 0) {
    lines.push(style.yellow(`Skipped (${skipped.length}):`));
    for (const o of skipped) lines.push(`  ${label(o.actionId)}: ${displaySafe(o.skipReason ?? 'skipped')}`);
  }
  if (noted.length > 0) {
    lines.push(`Notes (${noted.length}):`);
    for (const o of noted) lines.push(`  ${label(o.actionId)}: ${displaySafe(o.note ?? '')}`);
  }
  if (already > 0) lines.push(`${already} of the applied actions were already so in Dropbox.`);
  if (failed.some((o) => o.error?.retryable)) lines.push('Some failures were temporary (rate limits, server errors): running apply again picks up what is left.');
  const { applied, failed: nFailed, skipped: nSkipped } = result.counts;
  if (result.interrupted !== undefined) {
    const notStarted = skipped.filter((o) => o.skipReason?.startsWith('apply was interrupted') === true).length;
    lines.push(
      style.yellow(`Interrupted by ${result.interrupted}: ${applied + nFailed} finished (${applied} applied, ${nFailed} failed), ${notStarted} not started (skipped above).`),
      'Nothing half-done is left behind: run apply again (plan first to see what is left); it reads live state and does only what remains, so a rerun converges.',
    );
  }
  const final = `${result.interrupted !== undefined ? 'Apply interrupted' : 'Apply complete'}: ${applied} applied, ${nFailed} failed, ${nSkipped} skipped.`;
  lines.push((nFailed > 0 ? style.red : nSkipped > 0 ? style.yellow : style.green)(final));
  return `${lines.join('\n')}\n`;
}

function target(a: Action): string {
  return displaySafe('member' in a ? a.member.email : `"${a.group.name}"`);
}
