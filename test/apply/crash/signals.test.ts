/**
 * Signals (issue 12 item 10, issue 14 item 3's Ctrl-C). The real CLI (dist/src/cli/main.js, skipped
 * when not built) runs as a child process against a sandbox served by this test process, with
 * latency on every request and --concurrency 1, so that apply is mid-run when the signal comes: the
 * signal is sent once the audit log shows progress (polled, with a deadline), never after a fixed
 * delay.
 *
 * Checked: SIGINT during apply exits 130 and SIGTERM during reconcile's apply 143; no action starts
 * after the signal (those not started are skipped with the reason), the summary says what finished,
 * what did not and that a rerun converges; the audit log ends with an "interrupted" line; the lock
 * file is gone; a rerun converges. The two cases run at once, each with its own sandbox.
 */
import path from 'node:path';
import t from 'tap';
import { runCli, startCli } from '../../helpers/sandbox-process.js';
import { auditLines, auditShows, lockFiles, sandbox, skip, workdir } from './signal-helpers.js';

const cases = [
  { name: 'SIGINT during apply', signal: 'SIGINT', code: 130, command: 'apply', args: ['apply', '--auto-approve'] },
  { name: 'SIGTERM during reconcile --full', signal: 'SIGTERM', code: 143, command: 'reconcile', args: ['reconcile', '--full', '--auto-approve'] },
] as const;

t.jobs = 2;
for (const c of cases) {
  t.test(`${c.name}: in-flight calls finish, nothing new starts, summary and audit say so, exit ${c.code}; a rerun converges`, { skip }, async (t) => {
    const box = await sandbox(t);
    const cwd = workdir(t);
    const env = box.env();
    const audit = path.join(cwd, 'interrupted.jsonl');
    const run = startCli([...c.args, '--concurrency', '1', '--quiet', '--audit-log', audit], { env, cwd });
    await auditShows(audit, 2);
    run.signal(c.signal);
    const res = await run.exited;

    t.equal(res.code, c.code, `exit ${c.code}${res.code === c.code ? '' : `: ${res.stderr}`}`);
    const lines = auditLines(audit);
    const last = lines.at(-1)!;
    t.match(last, { event: 'interrupted', signal: c.signal, message: /running apply again converges/ }, 'the audit log ends with the interrupted line');
    const actions = lines.slice(0, -1);
    t.ok(actions.every((l) => ['applied', 'failed', 'skipped'].includes(String(l.outcome))), 'every other line is an action outcome');
    const notStarted = actions.filter((l) => l.outcome === 'skipped' && String(l.message).startsWith(`apply was interrupted (${c.signal})`));
    t.ok(notStarted.length > 0, `actions not started after the signal are skipped (${notStarted.length})`);
    t.equal(last.notStarted, notStarted.length, 'the interrupted line counts them');
    t.equal(actions.filter((l) => l.outcome === 'failed').length, 0, 'the calls in flight finished: none failed');
    const summary = res.stdout;
    t.match(summary, new RegExp(`Interrupted by ${c.signal}: \\d+ finished \\(\\d+ applied, 0 failed\\), ${notStarted.length} not started`), 'the summary says what finished and what did not');
    t.match(summary, /a rerun converges/);
    t.match(summary, /^Apply interrupted: \d+ applied, 0 failed, \d+ skipped\.$/m);
    t.match(res.stderr, new RegExp(`^dbxsync ${c.command}: interrupted by ${c.signal}: .* run dbxsync ${c.command} again`, 'm'));
    t.same(lockFiles(cwd), [], 'the run lock is removed');

    const rerun = await runCli([...c.args, '--quiet', '--audit-log', path.join(cwd, 'rerun.jsonl')], { env, cwd });
    t.equal(rerun.code, 0, `the rerun succeeds${rerun.code === 0 ? '' : `: ${rerun.stderr}`}`);
    const check = c.command === 'apply' ? ['plan', '--quiet', '--detailed-exitcode'] : ['reconcile', '--full', '--dry-run', '--quiet'];
    t.equal((await runCli(check, { env, cwd })).code, 0, `${check.join(' ')}: nothing left, it converged`);
  });
}

