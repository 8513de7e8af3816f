import t from 'tap';
import { evaluate, parseExpression } from '../../../src/sandbox/okta/filter-expression.js';

const user: Record<string, unknown> = {
  id: '00u1',
  status: 'ACTIVE',
  'profile.email': 'Ada@Example.com',
  'profile.login': 'ada@example.com',
  lastUpdated: '2026-01-02T00:00:00.000Z',
};
const get = (attr: string) => user[attr];

t.test('matches', async (t) => {
  const cases: [string, string, boolean][] = [
    ['eq on an id', 'id eq "00u1"', true],
    ['eq is case-insensitive on values', 'profile.email eq "ada@example.COM"', true],
    ['operators are case-insensitive', 'status EQ "active"', true],
    ['or of two terms', 'id eq "x" or id eq "00u1"', true],
    ['and binds tighter than or', 'id eq "x" and status eq "ACTIVE" or id eq "y"', false],
    ['parentheses', '(id eq "x" or id eq "00u1") and status eq "ACTIVE"', true],
    ['sw', 'profile.login sw "ada@"', true],
    ['gt on dates', 'lastUpdated gt "2026-01-01T00:00:00.000Z"', true],
    ['pr on a missing attribute', 'profile.city pr', false],
    ['escaped quote in a value', 'id eq "a\\"b"', false],
  ];
  for (const [name, text, expected] of cases) t.equal(evaluate(parseExpression(text), get), expected, name);
});

t.test('refuses malformed expressions', async (t) => {
  const cases: [string, string][] = [
    ['unterminated string', 'id eq "x'],
    ['unknown operator', 'id ne "x"'],
    ['missing value', 'id eq'],
    ['dangling or', 'id eq "x" or'],
    ['unbalanced parenthesis', '(id eq "x"'],
  ];
  for (const [name, text] of cases) t.throws(() => parseExpression(text), { name: 'InvalidExpression' }, name);
});
