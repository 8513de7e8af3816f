import t from 'tap';
import { emailLabel, redactEmailsInText, redactPlanEmails } from '../../src/render/redact-emails.js';
import { mixedPlan } from '../fixtures/plans/index.js';
import { emailsIn, frozenCopy } from './plan-helpers.js';

t.test('an email becomes a stable label', async (t) => {
  const cases: [string, string, string][] = [
    ['the same address gives the same label', 'mark.chen@acme-robotics.example', 'mark.chen@acme-robotics.example'],
    ['case does not matter', 'Mark.Chen@ACME-Robotics.example', 'mark.chen@acme-robotics.example'],
  ];
  for (const [name, a, b] of cases) t.equal(emailLabel(a), emailLabel(b), name);
  t.match(emailLabel('mark.chen@acme-robotics.example'), /^user-[0-9a-f]{8}@redacted$/);
  t.not(emailLabel('mark.chen@acme-robotics.example'), emailLabel('laura.kim@acme-robotics.example'), 'two people, two labels');
});

t.test('free text: every address is replaced, the words around it kept', async (t) => {
  const cases: [string, string, string][] = [
    ['inside a reason', 'files to the manager laura.kim@acme-robotics.example (Okta managerId)', `files to the manager ${emailLabel('laura.kim@acme-robotics.example')} (Okta managerId)`],
    ['at the end of a sentence', 'ask it-admin@acme-robotics.example.', `ask ${emailLabel('it-admin@acme-robotics.example')}.`],
    ['in a list', '[cto@acme-robotics.example, a+b@x.example]', `[${emailLabel('cto@acme-robotics.example')}, ${emailLabel('a+b@x.example')}]`],
    ['no address, no change', 'Okta status SUSPENDED since 2026-11-20', 'Okta status SUSPENDED since 2026-11-20'],
    ['a label is left alone', emailLabel('x@y.example'), emailLabel('x@y.example')],
  ];
  for (const [name, input, output] of cases) t.equal(redactEmailsInText(input), output, name);
});

t.test('a redacted plan holds no address in any field, and the original is untouched', async (t) => {
  const frozen = frozenCopy(mixedPlan);
  const redacted = redactPlanEmails(frozen);
  t.same(emailsIn(redacted).filter((e) => !e.endsWith('@redacted')), []);
  t.same(frozen, mixedPlan);
  t.equal(redacted.fingerprint, mixedPlan.fingerprint, 'non-email data is kept');
  t.equal(redacted.actions.length, mixedPlan.actions.length);
});
