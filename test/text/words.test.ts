import t from 'tap';
import { oneLine } from '../../src/text/redact.js';
import { formatSource, groupDigits, plural, pluralGrouped } from '../../src/text/words.js';

t.test('plural: one, many, the default -s, and grouped digits', async (t) => {
  t.equal(plural(1, 'member', 'members'), '1 member');
  t.equal(plural(0, 'member'), '0 members');
  t.equal(plural(2, 'person', 'people'), '2 people');
  t.equal(plural(1204, 'member'), '1204 members', 'plain by default');
  t.equal(pluralGrouped(1204, 'group push', 'group pushes'), '1,204 group pushes');
  t.equal(groupDigits(1234567), '1,234,567');
});

t.test('formatSource: file:line:col, or file:line for the planner reasons', async (t) => {
  const ref = { file: 'roles.yaml', line: 12, col: 5 };
  t.equal(formatSource(ref), 'roles.yaml:12:5');
  t.equal(formatSource(ref, 'line'), 'roles.yaml:12');
});

t.test('oneLine folds white space, cuts at max with …, and scrubs credentials', async (t) => {
  t.equal(oneLine('a\n  b\tc '), 'a b c');
  t.equal(oneLine('x'.repeat(20), 10), `${'x'.repeat(9)}…`);
  t.equal(oneLine('Authorization: Bearer s3cr3t-token-value'), 'Authorization: Bearer [REDACTED]');
});
