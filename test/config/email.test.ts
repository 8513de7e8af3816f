import t from 'tap';
import { emailProblem, isEmail, isOktaUserId } from '../../src/config/email.js';

t.test('emails as Dropbox accepts them (EmailAddress: 255 characters, 2-15 letter top-level domain)', async (t) => {
  const valid = ['it-admin@acme-robotics.example', "o'brien@acme.io", 'a.b+tag@sub.acme.co.uk', 'x@y.museum'];
  const invalid = ['it-admin', 'it-admin@acme', 'it-admin@acme.c', 'it admin@acme.com', 'it-admin@@acme.com', 'it-admin@acme.verylongtldnamexx', '@acme.com'];
  for (const e of valid) t.ok(isEmail(e), `valid: ${e}`);
  for (const e of invalid) t.notOk(isEmail(e), `invalid: ${e}`);
  t.equal(emailProblem(`${'a'.repeat(250)}@acme.example`), 'email is longer than 255 characters (263)');
  t.equal(emailProblem('nobody'), '"nobody" is not a valid email address');
});

t.test('Okta user ids start with 00u', async (t) => {
  t.ok(isOktaUserId('00u1abcDEF2'));
  t.notOk(isOktaUserId('00g1abc'));
  t.notOk(isOktaUserId('cto'));
});
