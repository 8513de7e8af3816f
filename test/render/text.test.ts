import t from 'tap';
import { ACTION_KINDS, isPrivileged } from '../../src/domain/plan.js';
import { useColor } from '../../src/cli/io.js';
import { emailLabel } from '../../src/render/redact-emails.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { PLAN_CATALOGUE, addsOnlyPlan, emptyPlan, mixedPlan, oversizedPlan, refusedPlan } from '../fixtures/plans/index.js';
import { buildPlan, person, base, memberKey } from '../fixtures/plans/build.js';
import { emailsIn, frozenCopy, showEscapes } from './plan-helpers.js';
import path from 'node:path';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

t.snapshotFile = path.join(REPO_ROOT, 'test/render/snapshots/text.snapshot.cjs');

const SNAPSHOTTED = Object.entries(PLAN_CATALOGUE).filter(([name]) => name !== 'oversized');

t.test('the catalogue exercises every action kind, reversibility, waiting state and report kind', async (t) => {
  const plans = Object.values(PLAN_CATALOGUE);
  const actions = plans.flatMap((p) => p.actions);
  t.same(new Set(actions.map((a) => a.kind)), new Set(ACTION_KINDS));
  t.same(new Set(actions.map((a) => a.reversibility)), new Set(['reversible', 'recoverable', 'irreversible']));
  t.same(new Set(plans.flatMap((p) => p.waiting.map((w) => w.kind))), new Set(['pending_invite', 'awaiting_activation', 'grace_period']));
  t.same(new Set(plans.flatMap((p) => p.reports.map((r) => r.kind))), new Set(['unmanaged_member', 'unassigned_member', 'ambiguous_match', 'protected_member']));
});

t.test('snapshots of the catalogue', async (t) => {
  for (const [name, plan] of SNAPSHOTTED) {
    t.matchSnapshot(renderText(plan, { color: false }), `${name}, no colour`);
    t.matchSnapshot(showEscapes(renderText(plan, { color: true })), `${name}, colour`);
  }
  t.matchSnapshot(renderText(mixedPlan, { color: false, redactEmails: true }), 'mixed, emails redacted');
  t.matchSnapshot(renderText(refusedPlan, { color: false, redactEmails: true }), 'refused, emails redacted');
});

t.test('colour off: no ANSI escape anywhere, whatever the plan', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) {
    t.notOk(renderText(plan, { color: false }).includes('\x1b['), name);
    t.notOk(renderText(plan, { color: false, redactEmails: true }).includes('\x1b['), `${name}, redacted`);
  }
});

t.test('NO_COLOR, a pipe or TERM=dumb: the colour decision the CLI passes in gives plain text', async (t) => {
  const cases: [string, boolean, Record<string, string>][] = [
    ['NO_COLOR set on a terminal', true, { NO_COLOR: '1' }],
    ['piped to a file', false, {}],
    ['a dumb terminal', true, { TERM: 'dumb' }],
  ];
  for (const [name, isTTY, env] of cases) {
    const color = useColor({ isTTY, write: () => undefined }, env);
    t.equal(color, false, name);
    t.notOk(renderText(mixedPlan, { color }).includes('\x1b['), name);
  }
  t.ok(renderText(mixedPlan, { color: useColor({ isTTY: true, write: () => undefined }, {}) }).includes('\x1b['), 'a plain terminal gets colour');
});

t.test('colour on: green adds, yellow changes, red removals and suspensions, bold headers', async (t) => {
  const text = renderText(mixedPlan, { color: true });
  t.match(text, '\x1b[32m+ nina.patel@acme-robotics.example\x1b[39m');
  t.match(text, '\x1b[33m~ jordan.lee@acme-robotics.example\x1b[39m');
  t.match(text, '\x1b[31m- mark.chen@acme-robotics.example\x1b[39m');
  t.match(text, '\x1b[31m! sam.okafor@acme-robotics.example\x1b[39m');
  t.match(text, '\x1b[1mPeople\x1b[22m');
});

function actionLineIndexes(text: string): number[] {
  return text
    .split('\n')
    .map((line, i) => (/^ {2}[+~!-] /.test(line) ? i : -1))
    .filter((i) => i >= 0);
}

t.test('privileged changes come first', async (t) => {
  for (const plan of [mixedPlan, refusedPlan, oversizedPlan]) {
    const text = renderText(plan, { color: false });
    const lines = text.split('\n');
    const privileged = plan.actions.filter(isPrivileged).map((a) => ('member' in a ? a.member.email : ''));
    t.ok(privileged.length > 0, 'the plan has privileged changes');
    const subjects = actionLineIndexes(text).map((i) => (lines[i] ?? '').slice(4).split(':')[0]);
    t.same(subjects.slice(0, privileged.length), privileged, 'the first action lines are the admin role changes');
    t.notOk(subjects.slice(0, privileged.length).some((s) => s === undefined || s.startsWith('group ')));
    t.ok(lines.indexOf('Admin roles (privileged changes, listed first)') < lines.indexOf('People'));
  }
});

t.test('the last line is the summary', async (t) => {
  const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? '';
  t.equal(lastLine(renderText(mixedPlan, { color: false })), 'Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove.');
  t.equal(lastLine(renderText(addsOnlyPlan, { color: false })), 'Plan: 5 to add, 0 to change, 0 to suspend, 0 to remove.');
  t.equal(lastLine(renderText(emptyPlan, { color: false })), 'No changes. Dropbox matches the desired state.');
  t.equal(lastLine(renderText(oversizedPlan, { color: false })), 'Plan: 8,000 to add, 512 to change, 200 to suspend, 40 to remove.');
  t.ok(renderText(mixedPlan, { color: false }).endsWith('.\n'), 'ends with one newline');
});

t.test('a refused plan says so on top, with every violation and its numbers, and again above the summary', async (t) => {
  const text = renderText(refusedPlan, { color: false });
  const lines = text.split('\n');
  t.equal(lines[0], 'Refused: this plan breaks 4 safety rules; apply will change nothing.');
  for (const v of refusedPlan.safety.violations) {
    const i = lines.findIndex((l) => l.startsWith(`  ✗ ${v.rule}: ${v.message}`));
    t.ok(i > 0 && i < 5, `${v.rule} is listed at the top`);
    if (v.limit !== null) t.match(lines[i] ?? '', `(limit ${v.limit}, this plan ${v.value})`, `${v.rule} shows its numbers`);
  }
  t.equal(lines.at(-3), 'Refused by 4 safety rules (listed at the top): apply will change nothing.');
});

t.test('every action shows its reason on the line below it', async (t) => {
  const lines = renderText(mixedPlan, { color: false }).split('\n');
  for (const action of mixedPlan.actions) {
    const i = lines.indexOf(`      ${action.reason}`);
    t.ok(i > 0, `${action.id} has its reason`);
    // A group membership action's heading names the group; its people carry the symbol below.
    const head = action.kind === 'group.members.add' || action.kind === 'group.members.remove' ? /^ {4}group "/ : /^ {2}[+~!-] /;
    t.match(lines[i - 1] ?? '', head, `${action.id}: the reason follows its action line`);
  }
});

t.test('reversibility is marked on recoverable and irreversible actions only', async (t) => {
  const lines = renderText(mixedPlan, { color: false }).split('\n');
  const line = (start: string): string => lines.find((l) => l.startsWith(start)) ?? '';
  t.match(line('  - mark.chen@'), /\[irreversible\]$/);
  t.match(line('  - group "dbx-Events"'), /\[irreversible\]$/);
  t.match(line('  - hannah.scott@'), /\[recoverable\]$/);
  t.notMatch(line('  ! sam.okafor@'), /\[(recoverable|irreversible)\]/);
  t.match(lines.find((l) => l.startsWith('Symbols:')) ?? '', '[irreversible] cannot be undone');
});

t.test('actions are grouped by person and by group, sorted', async (t) => {
  const jane = person('jane.roe');
  const plan = buildPlan({
    name: 'one person, two changes',
    actions: [
      { ...base('member.unsuspend', memberKey(jane), 'Okta ACTIVE again'), kind: 'member.unsuspend', member: jane },
      { ...base('member.add', memberKey(person('abe.zed')), 'new hire'), kind: 'member.add', member: person('abe.zed'), givenName: 'Abe', surname: 'Zed', externalId: 'x', sendWelcomeEmail: false, role: 'member_only' },
      { ...base('member.update_profile', memberKey(jane), 'Okta surname changed'), kind: 'member.update_profile', member: jane, changes: { surname: { from: 'Roe', to: 'Doe' } } },
    ],
  });
  const subjects = renderText(plan, { color: false })
    .split('\n')
    .filter((l) => /^ {2}[+~!-] /.test(l))
    .map((l) => l.slice(4, l.indexOf(':')));
  t.same(subjects, ['abe.zed@acme-robotics.example', 'jane.roe@acme-robotics.example', 'jane.roe@acme-robotics.example']);
});

t.test('waiting states, reports and warnings have their own sections', async (t) => {
  const text = renderText(mixedPlan, { color: false });
  t.match(text, /\nWaiting \(not changes\)\n {2}pending invite {7}lena\.fischer@acme-robotics\.example: .* — 12 days, since 2026-11-16\n/);
  t.match(text, /grace period {9}derek\.olsen@.*removal due 2026-11-30\n/);
  t.match(text, /\nReports \(left alone\)\n {2}unmanaged member {2}freelance\.designer@/);
  t.match(text, /\nWarnings\n {2}warning groups\.yaml:6:5: Okta group Contractors .* \[group_push_assigns_app\]/);
  t.match(text, `Fingerprint: ${mixedPlan.fingerprint}`);
});

t.test('control characters in user data cannot forge terminal output', async (t) => {
  const evil = person('evil');
  const plan = buildPlan({
    name: 'control characters',
    actions: [
      {
        ...base('member.update_profile', memberKey(evil), 'line one\nPlan: 0 to add, 0 to change, 0 to suspend, 0 to remove.'),
        kind: 'member.update_profile',
        member: evil,
        changes: { givenName: { from: 'Eve', to: '\x1b[32mEve\x1b[0m' } },
      },
    ],
  });
  const text = renderText(plan, { color: false });
  t.notOk(text.includes('\x1b'), 'no escape character');
  t.equal(text.split('\n').filter((l) => l.startsWith('Plan:')).length, 1, 'the forged summary stays inside its line');
});

t.test('bidi controls cannot make a name read as another one, in the terminal or the PR comment (issue 12 item 8)', async (t) => {
  const evil = person('evil');
  // U+202E turns what follows around: "Mallory\u202Enimda" reads "Malloryadmin" reversed; isolates and marks likewise.
  const names = ['Mallory\u202Enimda', 'Eve\u2066x\u2069', 'Trudy\u200F', 'Oscar\u2028Plan: 0 to add'];
  const plan = buildPlan({
    name: 'bidi',
    actions: names.map((to, i) => ({
      ...base('member.update_profile', `${memberKey(evil)}-${i}`, `reason ${to}`),
      kind: 'member.update_profile' as const,
      member: evil,
      changes: { givenName: { from: 'Eve', to } },
    })),
  });
  const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
  const text = renderText(plan, { color: false });
  t.notOk(BIDI.test(text), 'no bidi control or line separator reaches the terminal');
  t.match(text, 'Mallory\ufffdnimda', 'shown as a visible replacement character');
  const md = renderMarkdown(plan, { redactEmails: false });
  t.notOk(BIDI.test(md), 'nor the PR comment');
  t.match(md, 'Mallory\ufffdnimda');
});

t.test('redacted: no email address of the company is left, and one person keeps one label', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) {
    const text = renderText(plan, { color: true, redactEmails: true });
    t.notOk(text.includes('@acme-robotics.example'), name);
    t.notOk(/@[a-z0-9-]+\.[a-z]/i.test(text.replace(/\x1b\[[0-9;]*m/g, '')), `${name}: no address of any domain`);
  }
  const text = renderText(mixedPlan, { color: false, redactEmails: true });
  const label = emailLabel('mark.chen@acme-robotics.example');
  t.ok(text.includes(`  - ${label}: remove`), 'the label stands for the person');
  const laura = emailLabel('laura.kim@acme-robotics.example');
  t.equal(text.split(laura).length - 1, 3, 'the manager is the same label in the action, the reason and the group');
  t.same(emailsIn(mixedPlan).length > 10, true, 'the fixture holds many addresses');
});

t.test('deterministic and pure: same text every time, input untouched', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) {
    const frozen = frozenCopy(plan);
    const first = renderText(frozen, { color: true, redactEmails: true });
    t.equal(renderText(structuredClone(plan), { color: true, redactEmails: true }), first, name);
    t.same(frozen, plan, `${name}: the plan is unchanged`);
  }
});
