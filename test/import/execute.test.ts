/**
 * Executing an import plan (src/apply/import-execute.ts) against a stateful fake Okta writer:
 * every action reaches Okta once, a failure stops nothing else, a created user is assigned, the
 * audit log has a line per action, and plans import must not run are refused before any write.
 */
import t from 'tap';
import { executeImport, renderImportSummary, runImport } from '../../src/apply/import-execute.js';
import { RemoteError } from '../../src/domain/errors.js';
import type { OktaUser } from '../../src/domain/live.js';
import type { Plan } from '../../src/domain/plan.js';
import { Redactor } from '../../src/text/redact.js';
import { planImport } from '../../src/import/index.js';
import type { NewOktaUserProfile, OktaWriter } from '../../src/domain/ports.js';
import { APP_ID, src, team, type PlanInputData, type TeamBuilder } from '../helpers/builders.js';

function withImport(builder: TeamBuilder, createUsers = true): PlanInputData {
  const input = builder.build();
  return {
    ...input,
    desired: { ...input.desired, import: { ...input.desired.import, createUsers, profile: { firstName: 'givenName' }, source: src('import.yaml', 5, 1) } },
  };
}

/** A small Okta: users by id, direct assignments, and scripted failures per call. */
class FakeOkta implements OktaWriter {
  readonly users = new Map<string, OktaUser>();
  readonly assigned = new Map<string, string>();
  readonly calls: string[] = [];
  /** "assign:<userId>" / "create:<login>" / "update:<userId>" → the error to throw. */
  readonly failures = new Map<string, Error>();
  private next = 1;

  private fail(key: string): void {
    const err = this.failures.get(key);
    if (err) throw err;
  }

  async assignUserToApp(appId: string, userId: string, userName: string) {
    this.calls.push(`assign ${appId} ${userId} ${userName}`);
    this.fail(`assign:${userId}`);
    this.assigned.set(userId, userName);
    return { userId, scope: 'USER' as const, userName, attempts: 1, requestId: `req-assign-${userId}` };
  }

  async updateUserProfile(userId: string, partialProfile: Readonly<Record<string, unknown>>) {
    this.calls.push(`update ${userId} ${JSON.stringify(partialProfile)}`);
    this.fail(`update:${userId}`);
    const user = this.users.get(userId) ?? { id: userId, status: 'ACTIVE' as const, login: '', email: '', profile: {}, created: null, activated: null, statusChanged: null, lastUpdated: null };
    const next = { ...user, profile: { ...user.profile, ...partialProfile } };
    this.users.set(userId, next);
    return { user: next, attempts: 1, requestId: null };
  }

  async createStagedUser(profile: NewOktaUserProfile) {
    this.calls.push(`create ${profile.login}`);
    this.fail(`create:${profile.login}`);
    const user: OktaUser = { id: `00unew${this.next++}`, status: 'STAGED', login: profile.login, email: profile.email, profile: { ...profile }, created: null, activated: null, statusChanged: null, lastUpdated: null };
    this.users.set(user.id, user);
    return { user, attempts: 2, requestId: 'req-create' };
  }
}

const mixed = (): Plan =>
  planImport(
    withImport(
      team()
        .person('ada', { okta: { assigned: false }, dropbox: { externalId: null } })
        .person('bob', { okta: { assigned: false }, dropbox: { externalId: null } })
        .person('jordan', { okta: false })
        .person('grace', { dropbox: { givenName: 'Gracie' } }),
    ),
  );

const clock = () => new Date('2026-11-28T12:00:00.000Z');

t.test('every action reaches Okta once: links, a STAGED user created then assigned, a profile written back', async (t) => {
  const plan = mixed();
  t.same(plan.summary, { 'okta.assign': 2, 'okta.create_user': 1, 'okta.update_profile': 1 });
  const okta = new FakeOkta();
  const result = await executeImport(plan, okta, { appId: APP_ID, now: clock });
  t.equal(result.ok, true);
  t.same(result.counts, { applied: 4, failed: 0, skipped: 0 });
  t.same([...okta.assigned].sort(), [
    ['00uada', 'ada@acme.example'],
    ['00ubob', 'bob@acme.example'],
    ['00unew1', 'jordan@acme.example'],
  ]);
  t.same(okta.users.get('00unew1')?.profile, { login: 'jordan@acme.example', email: 'jordan@acme.example', firstName: 'Jordan', lastName: 'Example' });
  t.same(okta.users.get('00ugrace')?.profile, { firstName: 'Gracie' });
  t.equal(okta.calls.length, 5, 'four actions, five calls (create + assign)');
  const created = result.outcomes.find((o) => o.kind === 'okta.create_user')!;
  t.match(created, { status: 'applied', attempts: 3, note: 'Okta user 00unew1 (STAGED)' });
  t.same(
    result.outcomes.map((o) => o.actionId),
    plan.actions.map((a) => a.id),
    'outcomes in plan order',
  );
});

t.test('a failed action does not stop the others; a create whose assignment fails says the user exists', async (t) => {
  const plan = mixed();
  const okta = new FakeOkta();
  okta.failures.set('assign:00uada', new RemoteError({ service: 'okta', route: 'POST /api/v1/apps/{id}/users', message: 'Okta: 403 E0000038 not allowed', status: 403, code: 'E0000038', requestId: 'req-x' }));
  okta.failures.set('assign:00unew1', new RemoteError({ service: 'okta', route: 'POST /api/v1/apps/{id}/users', message: 'Okta: 503 unavailable', status: 503, code: null, retryable: true }));
  const result = await executeImport(plan, okta, { appId: APP_ID, now: clock, concurrency: 1 });
  t.equal(result.ok, false);
  t.same(result.counts, { applied: 2, failed: 2, skipped: 0 });
  t.ok(okta.assigned.has('00ubob'), 'the next link still ran');
  t.equal(okta.users.get('00ugrace')?.profile['firstName'], 'Gracie', 'the write-back still ran');
  const byKind = Object.fromEntries(result.outcomes.map((o) => [o.actionId, o]));
  t.match(byKind['okta.assign:dbmid:ada'], { status: 'failed', requestId: 'req-x', error: { code: 'E0000038', retryable: false } });
  t.match(byKind['okta.create_user:dbmid:jordan'], {
    status: 'failed',
    error: { retryable: true, message: /^created STAGED Okta user 00unew1, but assigning it to the app failed: Okta: 503 unavailable/ },
  });
  const summary = renderImportSummary(result, plan);
  t.match(summary, 'Failed (2):');
  t.match(summary, 'okta.assign ada@acme.example: E0000038: Okta: 403 E0000038 not allowed (request id req-x)');
  t.match(summary, 'running dbxsync import --apply again picks up what is left');
  t.match(summary, 'Import complete: 2 applied, 2 failed.');
});

t.test('runImport: one audit line per action (JSON, no secret), the summary, exit 1 when something failed', async (t) => {
  const plan = mixed();
  const okta = new FakeOkta();
  okta.failures.set('update:00ugrace', new Error('boom with SECRET-TOKEN-123 inside'));
  const redactor = new Redactor();
  redactor.register('SECRET-TOKEN-123');
  let out = '';
  let err = '';
  const { exitCode, auditLocation } = await runImport(plan, okta, {
    appId: APP_ID,
    redactor,
    // stdout raw: the audit lines are redacted by the audit log itself; stderr as every CommandIO
    // stream is (through the run's Redactor), which is what keeps the summary's error text clean.
    stdout: { write: (s) => void (out += s), isTTY: false },
    stderr: { write: (s) => void (err += redactor.redact(s)), isTTY: false },
    env: {},
    cwd: process.cwd(),
    now: clock,
    auditLog: '-',
  });
  t.equal(exitCode, 1);
  t.equal(auditLocation, '-');
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  t.equal(lines.length, 4, 'stdout holds only the audit lines');
  t.same(lines.map((l) => l.planFingerprint), Array(4).fill(plan.fingerprint));
  t.match(lines.find((l) => l.kind === 'okta.update_profile'), { target: 'grace@acme.example', outcome: 'failed', message: 'boom with [REDACTED] inside' });
  t.notMatch(out + err, 'SECRET-TOKEN-123');
  t.match(err, 'Import complete: 3 applied, 1 failed.');
});

t.test('refused before any write: a refused plan, a plan holding Dropbox actions, an action id twice', async (t) => {
  const plan = mixed();
  const cases: { name: string; plan: Plan; message: RegExp }[] = [
    { name: 'refused by import.maxWrites', plan: { ...plan, safety: { ok: false, violations: [{ rule: 'max_writes', message: 'too many', limit: 1, value: 4 }] } }, message: /refused by the safety checks \(max_writes\); nothing was written to Okta/ },
    {
      name: 'a Dropbox action',
      plan: { ...plan, actions: [...plan.actions, { kind: 'member.unsuspend', id: 'member.unsuspend:x', reason: 'r', reversibility: 'reversible', dependsOn: [], serialKey: null, phase: 2, member: { email: 'x@acme.example', teamMemberId: 'dbmid:x', oktaUserId: null } }] },
      message: /holds Dropbox actions \(1: member\.unsuspend\)/,
    },
    { name: 'an id twice', plan: { ...plan, actions: [...plan.actions, plan.actions[0]!] }, message: /holds action id "okta\.assign:dbmid:ada" twice/ },
  ];
  for (const c of cases) {
    const okta = new FakeOkta();
    await t.rejects(executeImport(c.plan, okta, { appId: APP_ID }), c.message, c.name);
    t.same(okta.calls, [], `${c.name}: no call made`);
  }
});

t.test('an empty plan: nothing called, ok', async (t) => {
  const okta = new FakeOkta();
  const result = await executeImport(planImport(withImport(team().person('ada'), false)), okta, { appId: APP_ID });
  t.same(result, { outcomes: [], counts: { applied: 0, failed: 0, skipped: 0 }, ok: true });
  t.same(okta.calls, []);
});
