/**
 * The executors' shared core (src/apply/executor-core.ts) and the plan direction (domain/plan.ts):
 * each executor runs only its own direction's kinds, and both word a failed action alike.
 */
import t from 'tap';
import { assertImportRunnable } from '../../src/apply/import-execute.js';
import { assertRunnable } from '../../src/apply/execute.js';
import { ActionRefused, attemptsOf, errorLine, toActionError } from '../../src/apply/executor-core.js';
import { RemoteError, UsageError } from '../../src/domain/errors.js';
import { ACTION_KINDS, directionOf, isImportAction, isSyncAction, type Action, type PlannedAction } from '../../src/domain/plan.js';
import { person, plan, suspend } from './fakes/plan-builder.js';

t.test('every kind has one direction: the okta.* kinds are the import plan, the rest the sync plan', async (t) => {
  for (const kind of ACTION_KINDS) t.equal(directionOf(kind), kind.startsWith('okta.') ? 'import' : 'sync', kind);
  const s = suspend(person('a@x.example', 'dbmid:a'));
  t.ok(isSyncAction(s));
  t.notOk(isImportAction(s));
});

t.test('a thrown error as the outcome records it: first line, credentials scrubbed, the API code and retryability', async (t) => {
  const remote = new RemoteError({ service: 'dropbox', route: 'team/members/remove', message: 'too many\nsecond line', code: 'too_many_requests', retryable: true });
  const cases: readonly [string, unknown, unknown][] = [
    ['a remote error', remote, { code: 'too_many_requests', message: 'too many', retryable: true }],
    ['a refusal of the executor', new ActionRefused('transfer_dest_gone', 'the destination left'), { code: 'transfer_dest_gone', message: 'the destination left', retryable: false }],
    ['any error, secret redacted', new Error('Bearer s3cr3t-token-value rejected'), { code: null, retryable: false }],
    ['not an Error', 'just text\nmore', { code: null, message: 'just text', retryable: false }],
  ];
  for (const [what, err, want] of cases) t.match(toActionError(err), want, what);
  t.notMatch(toActionError(new Error('Bearer s3cr3t-token-value rejected')).message, /s3cr3t/, 'the secret is not in the message');
  t.equal(errorLine('  one  \ntwo'), 'one');
  t.same([attemptsOf(Object.assign(new Error('x'), { attempts: 3 })), attemptsOf(new Error('x')), attemptsOf(null), attemptsOf({ attempts: 0 })], [3, 1, 1, 1]);
});

t.test('each executor refuses the other direction, a refused plan and a doubled id, with its own line', async (t) => {
  const okta = { kind: 'okta.assign', id: 'okta.assign:00u1', reason: 'r', reversibility: 'reversible', dependsOn: [], serialKey: null, phase: 0, member: person('a@x.example', null, '00u1') } as unknown as Action;
  const dbx = suspend(person('b@x.example', 'dbmid:b'));
  t.throws(() => assertRunnable(plan([dbx, okta])), new UsageError('this plan holds Okta writes (1: okta.assign); apply runs Dropbox actions only — Okta writes are run by dbxsync import --apply'));
  t.throws(() => assertImportRunnable(plan([okta, dbx])), new UsageError('this plan holds Dropbox actions (1: member.suspend); import --apply runs Okta writes only — Dropbox actions are run by dbxsync apply'));
  // A kind this version does not know, as a plan file of another tool could hold (the builder gives it no phase).
  const unknownKind = { ...plan([dbx]), actions: [{ ...dbx, kind: 'member.wipe_devices', phase: 0 } as unknown as PlannedAction] };
  t.throws(() => assertRunnable(unknownKind), /this plan holds Okta writes \(1: member\.wipe_devices\)/, 'a kind of neither direction is refused by apply');
  t.throws(() => assertImportRunnable(unknownKind), /this plan holds Dropbox actions \(1: member\.wipe_devices\)/, 'and by import --apply');
  const refused = plan([dbx], { violations: [{ rule: 'maxRemovalPercent', message: 'too many' } as never] });
  t.throws(() => assertRunnable(refused), /refused by the safety guard \(maxRemovalPercent\); nothing was applied/);
  t.throws(() => assertRunnable(plan([dbx, dbx])), /holds action id "member\.suspend:.*" twice; nothing was applied/);
  t.throws(() => assertImportRunnable(plan([okta, okta])), /the import plan holds action id "okta\.assign:00u1" twice; nothing was written to Okta/);
});
