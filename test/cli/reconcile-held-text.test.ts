/**
 * The held-changes text of reconcile (stderr, and the body of the held-changes issue) shows Okta
 * names through the one sanitiser (text/display-text.ts): a right-to-left override or an isolate
 * could make "evil" read as another person in the issue a human approves from (issue 12 item 8).
 */
import t from 'tap';
import { subjectOfAction } from '../../src/cli/reconcile-run.js';
import { groupAdd, groupRef, person, suspend } from '../apply/fakes/plan-builder.js';

t.test('controls and bidi formatting characters in a held subject are shown as U+FFFD', async (t) => {
  const cases: readonly [string, string, string][] = [
    ['right-to-left override in an email', 'moc.live\u202e@evil.example', 'moc.live\ufffd@evil.example'],
    ['an isolate pair', 'a\u2066b\u2069c@x.example', 'a\ufffdb\ufffdc@x.example'],
    ['ESC and a colour', 'x\u001b[31m@x.example', 'x\ufffd[31m@x.example'],
    ['right-to-left mark', 'y\u200f@x.example', 'y\ufffd@x.example'],
  ];
  for (const [what, email, shown] of cases) t.equal(subjectOfAction(suspend(person(email, 'dbmid:1'))), shown, what);
  t.equal(subjectOfAction(groupAdd(groupRef('Sales\u202eselaS', 'g:1'), [person('a@x.example', 'dbmid:a')])), '"Sales\ufffdselaS"', 'a group name');
});
