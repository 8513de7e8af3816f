/**
 * Group patterns are user input matched against names any Okta admin can create (issue 12 item 1):
 * they run on re2js (RE2 semantics, linear time), so a pattern that backtracks exponentially in
 * JavaScript's RegExp (`^(a+)+$` against 40 a's and a "!") completes. The cases here assert on the
 * result only; under JavaScript's RegExp each of them would run for minutes.
 */
import t from 'tap';
import { compileGroupPattern, groupPatternError } from '../../src/domain/group-pattern.js';

const BOMBS = ['^(a+)+$', '^(a|aa)+$', '^(a|a?)+$', '^(.*a){20}$', '(x+x+)+y'];
const VICTIM = `${'a'.repeat(40)}!`;

t.test('regex bombs complete: linear-time matching', { timeout: 20_000 }, async (t) => {
  for (const bomb of BOMBS) {
    t.equal(groupPatternError(bomb), null, `${bomb} compiles`);
    const p = compileGroupPattern(bomb);
    t.equal(p.test(VICTIM), false, `${bomb} does not match a 41-character name ending in "!"`);
    t.equal(p.test('x'.repeat(5000)), false, `${bomb} does not match 5000 x's`);
  }
  t.equal(compileGroupPattern('^(a+)+$').test('aaaa'), true, 'and still matches what it should');
});

t.test('search semantics as JavaScript test(): a match anywhere in the name', async (t) => {
  const p = compileGroupPattern('^dbx-');
  t.equal(p.source, '^dbx-');
  t.equal(p.test('dbx-Finance'), true);
  t.equal(p.test('old-dbx-Finance'), false);
  t.equal(compileGroupPattern('Sales').test('EMEA Sales Team'), true);
  t.equal(compileGroupPattern('(?i)^eng').test('ENGINEERING'), true, 'RE2 flags');
  t.equal(compileGroupPattern('^\\p{Lu}').test('Équipe'), true, 'Unicode classes');
});

t.test('what RE2 cannot compile is refused with the reason', async (t) => {
  t.match(groupPatternError('(?=eng)'), /invalid or unsupported Perl syntax: `\(\?=`/, 'lookahead');
  t.match(groupPatternError('(?<!x)y'), /./, 'lookbehind');
  t.match(groupPatternError('(a)\\1'), /invalid escape sequence: `\\1`/, 'backreference');
  t.match(groupPatternError('^dbx-('), /missing closing \)/, 'unbalanced');
  t.throws(() => compileGroupPattern('[a-'), /missing closing \]/);
});
