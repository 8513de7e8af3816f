/**
 * The terminal view of `dbxsync explain`: the whole chain for one person, in the order a reviewer
 * asks the questions — who is this in Okta, which Dropbox account is theirs and how we know, what
 * role and groups they should have and why, what happens when they leave, and what the plan does.
 * Pure: colour is an option.
 */
import type { Explanation } from '../plan/index.js';
import { styler } from '../render/ansi.js';
import { displaySafe } from '../text/display-text.js';
import { describeAction } from '../render/describe-action.js';
import { mapStrings } from '../render/map-plan-strings.js';

export function renderExplanation(input: Explanation, options: { color: boolean }): string {
  // Names, logins and reasons come from Okta and Dropbox: no escape sequence, CR or bidi control reaches the terminal.
  const e = mapStrings(input, displaySafe);
  const s = styler(options.color);
  const lines: string[] = [];
  const head = (title: string) => lines.push('', s.bold(title));
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(12)} ${text}`);

  if (!e.found) {
    return `No Okta user and no Dropbox member is known by "${e.query}".\n`;
  }
  lines.push(s.bold(`Explain ${e.query}`));

  head('Okta');
  if (e.okta) {
    row('user', `${e.okta.login} (${e.okta.id}), ${e.okta.status}${e.okta.statusChanged ? ` since ${e.okta.statusChanged.slice(0, 10)}` : ''}`);
    row('assignment', e.okta.summary);
  } else {
    row('user', 'no Okta user matches');
  }

  head('Dropbox');
  if (e.dropbox) {
    const m = e.dropbox;
    row('member', `${m.email} (${m.teamMemberId}), ${m.status}${m.removed ? (m.isRecoverable ? ', recoverable' : ', not recoverable') : ''}`);
    row('name', `${m.givenName} ${m.surname}`.trim());
    row('external id', m.externalId ?? '(none)');
    row('role', m.role + (m.otherRoles.length ? ` (also ${m.otherRoles.join(', ')}: left alone)` : ''));
  } else {
    row('member', 'not a Dropbox member');
  }
  row('match', e.match.detail);

  head('Decision');
  row('lifecycle', e.decision.detail);
  if (e.protectedBy) row('protected', e.protectedBy);
  row('role', e.role.managed ? e.role.detail : 'roles are not managed (no `roles` key in the desired state)');
  row('offboarding', e.offboarding.detail);

  head('Pushed groups');
  if (e.groups.length === 0) lines.push('  (none)');
  for (const g of e.groups) {
    const mark = g.change === 'add' ? s.green('+') : g.change === 'remove' ? s.red('-') : ' ';
    lines.push(`  ${mark} ${g.dropboxGroup} (Okta ${g.oktaGroupName}, ${g.push}): ${g.detail}`);
  }

  head('This plan');
  if (e.actions.length === 0) lines.push('  no change for this person');
  for (const a of e.actions) lines.push(`  ${describeAction(a)}`, `      ${a.reason}`);
  for (const w of e.waiting) lines.push(`  waiting: ${w.message}`);
  for (const r of e.reports) lines.push(`  report: ${r.message}`);
  for (const v of e.violations) lines.push(`  ${s.red('refused')}: ${v.message}`);
  return `${lines.join('\n')}\n`;
}
