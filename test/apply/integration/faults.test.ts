/**
 * The whole loop (desired state → real Okta and Dropbox reads → plan → apply through the real
 * writer) against the sandbox with injected faults: apply survives them, converges when run
 * again, and loses nothing.
 */
import t, { type Test } from 'tap';
import { applyPlan } from '../../../src/apply/execute.js';
import { createAuditLog } from '../../../src/apply/audit.js';
import { Redactor } from '../../../src/text/redact.js';
import { demoSeed } from '../../../src/sandbox/demo-seed.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { startLoop } from './loop.js';

function noDuplicates(t: Test, sandbox: Sandbox): void {
  const live = sandbox.dropbox.members().filter((m) => m.status !== 'removed');
  const emails = live.map((m) => m.email.toLowerCase());
  const externalIds = live.map((m) => m.externalId).filter((x) => x !== null);
  t.equal(new Set(emails).size, emails.length, 'no duplicate member by email');
  t.equal(new Set(externalIds).size, externalIds.length, 'no duplicate member by external id');
}

t.test('faults at 25% (429, 500, dropped connections) and failed async jobs: converges in at most two runs, nothing lost', async (t) => {
  const loop = await startLoop(demoSeed);
  t.teardown(() => loop.close());
  const { sandbox } = loop;
  const filesBefore = sandbox.dropbox.totalFiles();
  const lostBefore = sandbox.dropbox.lostFiles();
  sandbox.dropbox.asyncMode = 'always';
  sandbox.dropbox.failNextJobs(3);
  sandbox.http.setFaults({ seed: 11, rate429: 0.1, rate500: 0.08, rateDrop: 0.07, routes: /^dropbox / });

  const writer = loop.writer();
  let runs = 0;
  for (;;) {
    const p = await loop.plan();
    t.ok(p.safety.ok, `run ${runs + 1}: the plan is safe`);
    if (p.actions.length === 0) break;
    t.ok(runs < 2, `converged within two runs (now planning run ${runs + 1})`);
    if (runs >= 2) break;
    const result = await applyPlan(p, writer, { concurrency: 4 });
    runs++;
    t.comment(`run ${runs}: ${JSON.stringify(result.counts)}`);
  }
  t.ok(runs >= 1, 'something was applied');
  const injected = sandbox.http.log.filter((e) => e.fault !== null).length;
  t.ok(injected >= 5, `faults were injected (${injected})`);
  sandbox.http.setFaults({});
  t.equal((await loop.plan()).actions.length, 0, 'a fresh plan has nothing left to do');
  noDuplicates(t, sandbox);
  t.equal(sandbox.dropbox.totalFiles(), filesBefore, 'no file lost');
  t.equal(sandbox.dropbox.lostFiles(), lostBefore);
});

t.test('without retries a faulty run fails some actions and skips their dependents; the next run finishes the job', async (t) => {
  const loop = await startLoop(demoSeed);
  t.teardown(() => loop.close());
  const { sandbox } = loop;
  const filesBefore = sandbox.dropbox.totalFiles();
  const p1 = await loop.plan();
  sandbox.http.setFaults({ seed: 5, rate500: 0.2, rateDrop: 0.1, routes: /^dropbox team\/(members|groups)\/(add|remove|set|suspend|unsuspend|create|update|delete)/ });
  const lines: string[] = [];
  const audit = createAuditLog((l) => lines.push(l), { redactor: new Redactor() });
  const first = await applyPlan(p1, loop.writer({ retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 1 } }), { onEvent: (e) => audit.onEvent(e) });
  t.ok(first.counts.failed > 0, `run 1 failed some actions (${JSON.stringify(first.counts)})`);
  t.equal(first.ok, false);
  t.ok(
    first.outcomes.filter((o) => o.status === 'failed').every((o) => o.error?.retryable),
    'server errors and dropped connections are marked retryable',
  );
  t.equal(lines.length, p1.actions.length, 'one audit line per action');

  sandbox.http.setFaults({});
  const p2 = await loop.plan();
  t.ok(p2.actions.length > 0 && p2.actions.length < p1.actions.length, `run 2 plans only what is left (${p2.actions.length} of ${p1.actions.length})`);
  const second = await applyPlan(p2, loop.writer());
  t.same(second.counts, { applied: p2.actions.length, failed: 0, skipped: 0 });
  t.equal((await loop.plan()).actions.length, 0, 'converged');
  noDuplicates(t, sandbox);
  t.equal(sandbox.dropbox.totalFiles(), filesBefore, 'no file lost');
});
