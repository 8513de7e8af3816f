import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import { runApply } from '../../src/apply/run-apply.js';
import { Redactor } from '../../src/text/redact.js';
import { FakeWriter } from './fakes/fake-writer.js';
import { person, plan, suspend } from './fakes/plan-builder.js';

function outs(tty = false) {
  const o = { out: '', err: '' };
  return {
    o,
    redactor: new Redactor(),
    stdout: { write: (s: string) => void (o.out += s), isTTY: tty },
    stderr: { write: (s: string) => void (o.err += s), isTTY: tty },
  };
}

t.test('a clean apply: summary on stdout, audit log at the default place, exit 0', async (t) => {
  const dir = t.testdir({});
  const w = new FakeWriter();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
  const p = plan([suspend(person('ann@acme.example', 'dbmid:ann'))], { fingerprint: 'sha256:00aa11bb22cc33dd44' });
  const { o, stdout, stderr, redactor } = outs();
  const r = await runApply(p, w, { stdout, stderr, redactor, env: {}, cwd: dir, now: () => new Date('2026-11-28T21:00:00Z') });
  t.equal(r.exitCode, 0);
  t.equal(o.out, 'Apply complete: 1 applied, 0 failed, 0 skipped.\n');
  const file = path.join(dir, '.dbxsync/audit/2026-11-28-00aa11bb22cc.jsonl');
  t.equal(r.auditLocation, file);
  t.match(o.err, `Audit log: ${file}`);
  t.match(JSON.parse(fs.readFileSync(file, 'utf8').trim()), { actionId: 'member.suspend:dbmid:ann', outcome: 'applied' });
});

t.test('a failure exits 1; --audit-log - keeps stdout pure JSON lines', async (t) => {
  const w = new FakeWriter();
  const p = plan([suspend(person('gone@acme.example', 'dbmid:gone'))]);
  const { o, stdout, stderr, redactor } = outs();
  const r = await runApply(p, w, { stdout, stderr, redactor, env: {}, cwd: t.testdir({}), now: () => new Date(), auditLog: '-' });
  t.equal(r.exitCode, 1);
  t.match(JSON.parse(o.out.trim()), { outcome: 'failed', errorTag: 'user_not_found' });
  t.match(o.err, /Apply complete: 0 applied, 1 failed, 0 skipped\./);
});

t.test('on a terminal the progress line is drawn on stderr; --quiet draws nothing', async (t) => {
  const w = new FakeWriter();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
  const p = plan([suspend(person('ann@acme.example', 'dbmid:ann'))]);
  const a = outs(true);
  await runApply(p, w, { ...a, env: {}, cwd: t.testdir({}), now: () => new Date() });
  t.match(a.o.err, /\r\[#+\] 1\/1 applied/);
  const b = outs(true);
  await runApply(p, w, { ...b, env: {}, cwd: t.testdir({}), now: () => new Date(), quiet: true });
  t.equal(b.o.err, '');
});

t.test('a plan apply must not run opens no audit log and writes nothing', async (t) => {
  const dir = t.testdir({});
  const w = new FakeWriter();
  const p = plan([suspend(person('ann@acme.example', 'dbmid:ann'))], { violations: [{ rule: 'max_removals', message: 'too many', limit: 0, value: 1 }] });
  const { stdout, stderr, redactor } = outs();
  await t.rejects(runApply(p, w, { stdout, stderr, redactor, env: {}, cwd: dir, now: () => new Date() }), { name: 'UsageError' });
  t.equal(fs.existsSync(path.join(dir, '.dbxsync')), false);
  t.equal(w.calls.length, 0);
});
