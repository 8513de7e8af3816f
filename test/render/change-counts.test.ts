import t from 'tap';
import { ACTION_KINDS, type ActionKind } from '../../src/domain/plan.js';
import { bucketOf, countChanges, groupDigits, summaryLine, type ChangeBucket } from '../../src/render/change-counts.js';
import { emptyPlan, mixedPlan, oversizedPlan, refusedPlan } from '../fixtures/plans/index.js';

t.test('each action kind counts under one word of the summary line', async (t) => {
  const cases: [ActionKind, ChangeBucket][] = [
    ['member.add', 'add'],
    ['member.recover', 'add'],
    ['member.unsuspend', 'add'],
    ['group.create', 'add'],
    ['okta.assign', 'add'],
    ['okta.create_user', 'add'],
    ['member.update_profile', 'change'],
    ['member.set_role', 'change'],
    ['group.rename', 'change'],
    ['group.members.add', 'change'],
    ['group.members.remove', 'change'],
    ['okta.update_profile', 'change'],
    ['member.suspend', 'suspend'],
    ['member.remove', 'remove'],
    ['group.delete', 'remove'],
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
    ['the mixed day counts every action once', 'Plan: 5 to add, 10 to change, 2 to suspend, 3 to remove.'],
    ['a refused plan still counts what it would do', 'Plan: 0 to add, 1 to change, 7 to suspend, 24 to remove.'],
    ['thousands are written with separators', 'Plan: 4,000 to add, 516 to change, 200 to suspend, 40 to remove.'],
  ];
  const plans = [emptyPlan, mixedPlan, refusedPlan, oversizedPlan];
  cases.forEach(([name, line], i) => t.equal(summaryLine(plans[i]?.actions ?? []), line, name));
});

t.test('counts add up to the number of actions', async (t) => {
  const c = countChanges(mixedPlan.actions);
  t.equal(c.add + c.change + c.suspend + c.remove, mixedPlan.actions.length);
});

t.test('digit grouping does not depend on the locale', async (t) => {
  t.equal(groupDigits(0), '0');
  t.equal(groupDigits(999), '999');
  t.equal(groupDigits(1000), '1,000');
  t.equal(groupDigits(1234567), '1,234,567');
  t.equal(groupDigits(12.4), '12.4');
});
