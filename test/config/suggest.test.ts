import t from 'tap';
import { closest, editDistance } from '../../src/config/suggest.js';

t.test('edit distance counts insertions, deletions, substitutions and swaps of neighbours', async (t) => {
  const table: [string, string, number][] = [
    ['roles', 'roles', 0],
    ['rolse', 'roles', 1],
    ['tranferTo', 'transferTo', 1],
    ['graceDay', 'graceDays', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ];
  for (const [a, b, d] of table) t.equal(editDistance(a, b), d, `${a} -> ${b}`);
});

t.test('a suggestion only when the word is a likely typo of a candidate', async (t) => {
  const keys = ['version', 'okta', 'provisioning', 'safety', 'groupPushes', 'pruneGroups', 'roles', 'offboarding', 'import'];
  t.equal(closest('rolse', keys), 'roles', 'swapped letters');
  t.equal(closest('grouppushes', keys), 'groupPushes', 'wrong case');
  t.equal(closest('offbording', keys), 'offboarding', 'missing letter');
  t.equal(closest('saftey', keys), 'safety', 'swap in a short word');
  t.equal(closest('teams', keys), null, 'nothing close');
  t.equal(closest('x', keys), null, 'one letter is close to nothing useful');
});
