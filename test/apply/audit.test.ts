import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import { applyPlan } from '../../src/apply/execute.js';
import { auditEntry, createAuditLog, defaultAuditLogPath, openAuditLog } from '../../src/apply/audit.js';
import { Redactor } from '../../src/text/redact.js';
import { FakeWriter, remoteError } from './fakes/fake-writer.js';
import { addMember, groupAdd, groupRef, person, plan, removeMember, suspend } from './fakes/plan-builder.js';

const SECRET = 'sl.u.TOPSECRET-team-token-1234567890';

t.test('one JSON line per action outcome, with the fields of the contract and no secret', async (t) => {
  const redactor = new Redactor();
  redactor.register(SECRET);
  const w = new FakeWriter();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
  w.member({ email: 'bob@acme.example', teamMemberId: 'dbmid:bob' });
  w.group({ name: 'Sales', groupId: 'g:sales' });
  w.failOn('suspend', () => remoteError('internal_error', `upstream said Authorization: Bearer ${SECRET} was slow`, true, 'req-9'));
  w.failAdd('zed@acme.example', 'team_license_limit');
  const p = plan(
    [
      addMember('zed@acme.example', '00uzed'),
      suspend(person('ann@acme.example', 'dbmid:ann')),
      groupAdd(groupRef('Sales', 'g:sales'), [person('zed@acme.example', null, '00uzed')], { dependsOn: ['member.add:okta:00uzed'] }),
      removeMember(person('bob@acme.example', 'dbmid:bob')),
    ],
    { fingerprint: 'sha256:feedface0123456789' },
  );
  const lines: string[] = [];
  const log = createAuditLog((line) => lines.push(line), { redactor });
  await applyPlan(p, w, { onEvent: (e) => log.onEvent(e), now: () => new Date('2026-11-28T20:00:00Z') });
  t.equal(lines.length, 4);
  t.equal(log.count, 4);
  t.notOk(lines.join('\n').includes(SECRET), 'the secret never reaches the log');
  t.notOk(lines.join('\n').includes('TOPSECRET'));
  const entries = lines.map((l) => JSON.parse(l));
  for (const e of entries) {
    t.same(Object.keys(e), ['time', 'planFingerprint', 'actionId', 'kind', 'target', 'outcome', 'attempts', 'requestId', 'errorTag', 'message']);
    t.equal(e.planFingerprint, 'sha256:feedface0123456789');
    t.equal(e.time, '2026-11-28T20:00:00.000Z');
  }
  const byKind = Object.fromEntries(entries.map((e) => [e.kind, e]));
  t.match(byKind['member.add'], { target: 'zed@acme.example', outcome: 'failed', errorTag: 'team_license_limit' });
  t.match(byKind['member.suspend'], { target: 'ann@acme.example', outcome: 'failed', errorTag: 'internal_error', requestId: 'req-9' });
  t.match(byKind['member.suspend'].message, /\[REDACTED\]/);
  t.match(byKind['group.members.add'], { target: 'Sales', outcome: 'skipped', attempts: 0, message: /its dependency member\.add zed@acme\.example failed/ });
  t.match(byKind['member.remove'], { target: 'bob@acme.example', outcome: 'applied', errorTag: null, attempts: 1, requestId: /^req-/ });
});

t.test('an idempotent answer is logged as applied, "already so"', async (t) => {
  const a = suspend(person('ann@acme.example', 'dbmid:ann'));
  const e = auditEntry('sha256:x', a, {
    actionId: a.id, kind: a.kind, status: 'applied', attempts: 1, ms: 3, requestId: 'r', alreadyDone: true, finishedAt: 'T', error: null, skipReason: null, note: null,
  });
  t.equal(e.outcome, 'applied');
  t.equal(e.message, 'already so');
});

t.test('the audit file: default location under cwd, appended, "-" is stdout', async (t) => {
  const dir = t.testdir({});
  const now = new Date('2026-11-28T21:00:00Z');
  const fp = 'sha256:abcdef0123456789abcdef';
  t.equal(defaultAuditLogPath(dir, fp, now), path.join(dir, '.dbxsync', 'audit', '2026-11-28-abcdef012345.jsonl'));
  const out = { text: '', write(s: string) { this.text += s; } };
  for (const run of [1, 2]) {
    const sink = openAuditLog(undefined, { cwd: dir, planFingerprint: fp, now, stdout: out });
    sink.write(`{"run":${run}}`);
    sink.close();
    sink.write('after close is ignored');
  }
  const file = path.join(dir, '.dbxsync', 'audit', '2026-11-28-abcdef012345.jsonl');
  t.equal(fs.readFileSync(file, 'utf8'), '{"run":1}\n{"run":2}\n', 'a second run appends');
  const named = openAuditLog('logs/audit.jsonl', { cwd: dir, planFingerprint: fp, now, stdout: out });
  t.equal(named.location, path.join(dir, 'logs', 'audit.jsonl'));
  named.write('x');
  named.close();
  t.equal(fs.readFileSync(path.join(dir, 'logs', 'audit.jsonl'), 'utf8'), 'x\n');
  const std = openAuditLog('-', { cwd: dir, planFingerprint: fp, now, stdout: out });
  std.write('{"a":1}');
  t.equal(out.text, '{"a":1}\n');
  t.equal(std.location, '-');
  fs.writeFileSync(path.join(dir, 'blocker'), '');
  t.throws(() => openAuditLog('blocker/audit.jsonl', { cwd: dir, planFingerprint: fp, now, stdout: out }), { name: 'UsageError', message: /^cannot open the audit log .*blocker/ });
});
