import t from 'tap';
import { diffMembership } from '../../src/plan/diff-membership.js';

const cases: { name: string; desired: string[]; live: string[]; add: string[]; remove: string[] }[] = [
  { name: 'nobody desired, nobody live: no change', desired: [], live: [], add: [], remove: [] },
  { name: 'the same people on both sides: no change', desired: ['dbmid:a', 'dbmid:b'], live: ['dbmid:b', 'dbmid:a'], add: [], remove: [] },
  { name: 'desired and not live: added', desired: ['dbmid:a', 'dbmid:b'], live: ['dbmid:a'], add: ['dbmid:b'], remove: [] },
  { name: 'an empty group: every desired member added', desired: ['dbmid:b', 'dbmid:a'], live: [], add: ['dbmid:a', 'dbmid:b'], remove: [] },
  { name: 'live and not desired: removed', desired: ['dbmid:a'], live: ['dbmid:a', 'dbmid:b'], add: [], remove: ['dbmid:b'] },
  { name: 'nobody desired: every live member removed', desired: [], live: ['dbmid:b', 'dbmid:a'], add: [], remove: ['dbmid:a', 'dbmid:b'] },
  { name: 'both at once: adds and removes, the shared member untouched', desired: ['dbmid:c', 'dbmid:a'], live: ['dbmid:b', 'dbmid:a'], add: ['dbmid:c'], remove: ['dbmid:b'] },
  { name: 'duplicates on either side count once', desired: ['dbmid:c', 'dbmid:a', 'dbmid:c', 'dbmid:a'], live: ['dbmid:b', 'dbmid:b', 'dbmid:a'], add: ['dbmid:c'], remove: ['dbmid:b'] },
  { name: 'keys are compared exactly: team member ids are not case-folded', desired: ['dbmid:AbC'], live: ['dbmid:abc'], add: ['dbmid:AbC'], remove: ['dbmid:abc'] },
  { name: 'sorted by code unit, not by locale', desired: ['dbmid:b', 'dbmid:B', 'dbmid:a', 'dbmid:A'], live: [], add: ['dbmid:A', 'dbmid:B', 'dbmid:a', 'dbmid:b'], remove: [] },
];

t.test('diffMembership: desired set against live set', async (t) => {
  for (const c of cases) t.same(diffMembership(c.desired, c.live), { add: c.add, remove: c.remove }, c.name);
});

t.test('the same sets in any order give the same difference', async (t) => {
  const desired = ['dbmid:e', 'dbmid:a', 'dbmid:c', 'dbmid:d'];
  const live = ['dbmid:b', 'dbmid:d', 'dbmid:f', 'dbmid:a'];
  const expected = { add: ['dbmid:c', 'dbmid:e'], remove: ['dbmid:b', 'dbmid:f'] };
  for (const [d, l] of [
    [desired, live],
    [[...desired].reverse(), [...live].reverse()],
    [[...desired].sort(), [...live].sort()],
    [[desired[2]!, desired[0]!, desired[3]!, desired[1]!], [live[3]!, live[1]!, live[0]!, live[2]!]],
  ] as const) {
    t.same(diffMembership(d, l), expected, `desired ${d.join(' ')}, live ${l.join(' ')}`);
  }
});

t.test('takes any iterable and leaves its inputs as they were', async (t) => {
  const desired = ['dbmid:b', 'dbmid:a'];
  const live = new Set(['dbmid:c']);
  t.same(diffMembership(new Map(desired.map((k) => [k, 1])).keys(), live), { add: ['dbmid:a', 'dbmid:b'], remove: ['dbmid:c'] });
  t.same(desired, ['dbmid:b', 'dbmid:a']);
  t.same([...live], ['dbmid:c']);
});
