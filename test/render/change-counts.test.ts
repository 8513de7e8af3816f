import t from 'tap';
import { ACTION_KINDS, type ActionKind } from '../../src/domain/plan.js';
import type { Action } from '../../src/domain/plan.js';
import { NO_CHANGES_LINE, bucketOf, countChanges, groupDigits, markerOf, planSummaryLine, summaryLine, type ChangeBucket } from '../../src/render/change-counts.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { buildPlan } from '../fixtures/plans/build.js';
import { PLAN_CATALOGUE, emptyPlan, mixedPlan, oversizedPlan, refusedPlan } from '../fixtures/plans/index.js';

t.test('each action kind counts under one word of the summary line', async (t) => {
  const cases: [ActionKind, ChangeBucket][] = [
    ['member.add', 'add'],
    ['member.recover', 'add'],
    ['group.create', 'add'],
    ['group.members.add', 'add'],
    ['okta.assign', 'add'],
    ['okta.create_user', 'add'],
    ['member.update_profile', 'change'],
    ['member.set_role', 'change'],
    ['member.move_former_files', 'change'],
    ['member.unsuspend', 'change'],
    ['group.rename', 'change'],
    ['okta.update_profile', 'change'],
    ['member.suspend', 'suspend'],
    ['member.remove', 'remove'],
    ['group.delete', 'remove'],
    ['group.members.remove', 'remove'],
  ];
  t.same(
    cases.map(([kind]) => kind).sort(),
    [...ACTION_KINDS].sort(),
    'the table covers every kind',
  );
  for (const [kind, bucket] of cases) t.equal(bucketOf(kind), bucket, kind);
});

t.test('summary line wording', async (t) => {
  const cases: [string, string][] = [
    ['an empty plan says Dropbox matches', 'No changes. Dropbox matches the desired state.'],
    ['the mixed day counts every change once, each group member too', 'Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove.'],
    ['a refused plan still counts what it would do', 'Plan: 0 to add, 1 to change, 7 to suspend, 24 to remove.'],
    ['thousands are written with separators', 'Plan: 8,000 to add, 512 to change, 200 to suspend, 40 to remove.'],
  ];
  const plans = [emptyPlan, mixedPlan, refusedPlan, oversizedPlan];
  cases.forEach(([name, line], i) => t.equal(summaryLine(plans[i]?.actions ?? []), line, name));
});

t.test('an empty plan says what matches, by the direction it writes; the import command no longer patches the text', async (t) => {
  const report = { kind: 'unmanaged_member' as const, email: 'x@example.com', teamMemberId: 'dbmid:x', oktaUserId: null, message: 'not in Okta' };
  const oneReport = buildPlan({ name: 'empty import, one report', reports: [report] });
  const manyReports = buildPlan({ name: 'empty import, 1,200 reports', reports: Array.from({ length: 1200 }, () => report) });
  const cases: [string, Parameters<typeof planSummaryLine>, string][] = [
    ['sync, empty', [emptyPlan, 'sync'], NO_CHANGES_LINE],
    ['import, empty, no reports', [emptyPlan, 'import'], 'No import changes: every Dropbox member is known to Okta.'],
    ['import, one report', [oneReport, 'import'], 'No import changes: 1 member is reported above and left alone.'],
    ['import, many reports, digits grouped', [manyReports, 'import'], 'No import changes: 1,200 members are reported above and left alone.'],
    ['a plan with actions counts them whatever its direction', [mixedPlan, 'import'], summaryLine(mixedPlan.actions)],
  ];
  for (const [name, args, line] of cases) t.equal(planSummaryLine(...args), line, name);

  for (const [format, shown] of [
    ['text', renderText(oneReport, { color: false, direction: 'import' })],
    ['markdown', renderMarkdown(oneReport, { direction: 'import' })],
  ] as const) {
    t.match(shown, 'No import changes: 1 member is reported above and left alone.', `${format}: the import line`);
    t.notMatch(shown, NO_CHANGES_LINE, `${format}: not the sync line`);
  }
  t.match(renderText(oneReport, { color: false }), NO_CHANGES_LINE, 'the default direction is sync');
});

t.test('counts add up to the actions, a group membership action once per person', async (t) => {
  const c = countChanges(mixedPlan.actions);
  const people = (a: Action): number => (a.kind === 'group.members.add' || a.kind === 'group.members.remove' ? a.members.length : 1);
  t.equal(c.add + c.change + c.suspend + c.remove, mixedPlan.actions.reduce((n, a) => n + people(a), 0));
});

t.test('the symbol of each kind is the one of its word of the summary line', async (t) => {
  const symbol: Record<ChangeBucket, string> = { add: '+', change: '~', suspend: '!', remove: '-' };
  for (const kind of ACTION_KINDS) t.equal(markerOf(kind), symbol[bucketOf(kind)], kind);
});

/** Every action kind in one plan: the whole catalogue but the oversized plan. */
const everyKind = buildPlan({
  name: 'every-kind',
  actions: Object.entries(PLAN_CATALOGUE)
    .filter(([name]) => name !== 'oversized')
    .flatMap(([, plan]) => plan.actions),
});

const BUCKET_OF_SYMBOL: Readonly<Record<string, ChangeBucket>> = { '+': 'add', '~': 'change', '!': 'suspend', '-': 'remove' };

function summaryCounts(line: string): Record<ChangeBucket, number> {
  const m = /Plan: ([\d,]+) to add, ([\d,]+) to change, ([\d,]+) to suspend, ([\d,]+) to remove\./.exec(line);
  if (m === null) throw new Error(`no summary line in ${line}`);
  const n = (i: number): number => Number((m[i] ?? '').replace(/,/g, ''));
  return { add: n(1), change: n(2), suspend: n(3), remove: n(4) };
}

/** The terminal lines under each symbol: action lines (indent 2) and group members (indent 6). */
function textSymbolCounts(text: string): Record<ChangeBucket, number> {
  const counts: Record<ChangeBucket, number> = { add: 0, change: 0, suspend: 0, remove: 0 };
  for (const line of text.split('\n')) {
    const m = /^(?: {2}| {6})([+~!-]) \S/.exec(line);
    if (m !== null && !(line.startsWith('      ') && !line.includes('@'))) counts[BUCKET_OF_SYMBOL[m[1]!]!] += 1;
  }
  return counts;
}

/**
 * The comment's rows under each symbol: a section of one kind says its symbol in its heading and
 * counts its table rows or listed members; the sections that mix kinds put the symbol in each row.
 */
function markdownSymbolCounts(markdown: string): Record<ChangeBucket, number> {
  const counts: Record<ChangeBucket, number> = { add: 0, change: 0, suspend: 0, remove: 0 };
  let section: string | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^<details><summary>([+~!-]) /.exec(line);
    if (heading !== null) section = heading[1]!;
    else if (line.startsWith('<details>') || line.startsWith('### ') || line === '</details>') section = null;
    const row = line.startsWith('| ') && !line.startsWith('| ---') && !/^\| (Who|Person|Group|State|Kind) \|/.test(line);
    const item = line.startsWith('- ') && section !== null;
    if (row && section === null) {
      const cell = /^\|[^|]*\| `([+~!-])` /.exec(line);
      if (cell !== null) counts[BUCKET_OF_SYMBOL[cell[1]!]!] += 1;
    } else if ((row || item) && section !== null) counts[BUCKET_OF_SYMBOL[section]!] += 1;
  }
  return counts;
}

t.test('a plan with every action kind: each count of the summary line is the number of lines under its symbol', async (t) => {
  t.same(new Set(everyKind.actions.map((a) => a.kind)), new Set(ACTION_KINDS), 'every kind is in the plan');
  const text = renderText(everyKind, { color: false });
  const counts = summaryCounts(text.trimEnd().split('\n').pop() ?? '');
  t.same(textSymbolCounts(text), counts, 'terminal: lines under + ~ ! - equal the summary line');
  t.same(counts, countChanges(everyKind.actions));
  const markdown = renderMarkdown(everyKind);
  t.same(summaryCounts(markdown.split('\n')[0] ?? ''), counts, 'the comment has the same summary line');
  t.same(markdownSymbolCounts(markdown), counts, 'comment: rows and members under each symbol equal the summary line');
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE).filter(([n]) => n !== 'oversized' && n !== 'empty')) {
    t.same(textSymbolCounts(renderText(plan, { color: false })), countChanges(plan.actions), `${name}: terminal`);
    t.same(markdownSymbolCounts(renderMarkdown(plan)), countChanges(plan.actions), `${name}: comment`);
  }
});

t.test('an unsuspension is a change and a group member removal a removal, in every view', async (t) => {
  const unsuspend = everyKind.actions.filter((a) => a.kind === 'member.unsuspend');
  const removal = everyKind.actions.filter((a) => a.kind === 'group.members.remove');
  t.ok(unsuspend.length > 0 && removal.length > 0);
  const plan = buildPlan({ name: 'two', actions: [...unsuspend.slice(0, 1), ...removal.slice(0, 1)] });
  const members = removal[0]!.kind === 'group.members.remove' ? removal[0]!.members.length : 0;
  const line = `Plan: 0 to add, 1 to change, 0 to suspend, ${members} to remove.`;
  t.equal(summaryLine(plan.actions), line);
  const text = renderText(plan, { color: false });
  t.match(text, /^ {2}~ \S+: unsuspend/m, 'the unsuspension is under ~');
  t.notMatch(text, /^ {2}\+ /m, 'nothing is under +');
  t.match(renderMarkdown(plan), /<summary>- Group [^<]*: \d+ members? to remove <code>group\.members\.remove<\/code>/, 'the comment heads the removal with -');
});

t.test('digit grouping does not depend on the locale', async (t) => {
  t.equal(groupDigits(0), '0');
  t.equal(groupDigits(999), '999');
  t.equal(groupDigits(1000), '1,000');
  t.equal(groupDigits(1234567), '1,234,567');
  t.equal(groupDigits(12.4), '12.4');
});
