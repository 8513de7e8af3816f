/**
 * Two applies on one team (issue 12 item 10): the second refuses with one line (exit 1) while the
 * first holds the per-team lock, and the first completes alone: the team sees exactly the writes
 * of one uninterrupted apply, counted in the sandbox's request log. The real CLI as a child process
 * (skipped when not built); the second apply starts once the first's audit log shows progress, and
 * the sandbox holds the first's next write until the second has ended, so the first is mid-run
 * whatever the machine's load.
 */
import path from 'node:path';
import t from 'tap';
import { runCli, startCli } from '../../helpers/sandbox-process.js';
import type { SandboxRequest, SandboxResponse } from '../../../src/sandbox/http.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { auditLines, auditShows, lockFiles, sandbox, skip, WRITE_ROUTE, workdir } from './signal-helpers.js';

/** Holds every Dropbox write the sandbox receives while closed (reads pass); the answers follow on open. */
function writeGate(box: Sandbox): { close(): void; open(): void } {
  type Api = { routeName(req: SandboxRequest): string; handle(req: SandboxRequest): Promise<SandboxResponse> };
  // The API list is private to the sandbox: the test wraps its handlers, it never changes their answers.
  const apis = (box.http as unknown as { apis: Api[] }).apis;
  let gate: Promise<void> | null = null;
  let release = (): void => {};
  for (const api of apis) {
    const handle = api.handle.bind(api);
    api.handle = async (req) => {
      if (gate !== null && WRITE_ROUTE.test(api.routeName(req))) await gate;
      return handle(req);
    };
  }
  return {
    close: () => {
      gate = new Promise((resolve) => (release = resolve));
    },
    open: () => {
      gate = null;
      release();
    },
  };
}

t.test('two applies on one team: the second refuses with one line while the first holds the lock; the first completes alone', { skip }, async (t) => {
  // The writes of one uninterrupted apply, on a sandbox of its own.
  const reference = await sandbox(t);
  const refDir = workdir(t);
  // Run beside the two applies below: the sandboxes are independent.
  const referenceRun = runCli(['apply', '--auto-approve', '--quiet', '--concurrency', '2'], { env: reference.env(), cwd: refDir });

  const box = await sandbox(t);
  const gate = writeGate(box);
  const env = box.env();
  const cwd = workdir(t);
  const audit = path.join(cwd, 'first.jsonl');
  const first = startCli(['apply', '--auto-approve', '--quiet', '--concurrency', '2', '--audit-log', audit], { env, cwd });
  await auditShows(audit, 2);
  gate.close();
  const second = await runCli(['apply', '--auto-approve', '--quiet', '--concurrency', '2', '--audit-log', path.join(cwd, 'second.jsonl')], { env, cwd });
  gate.open();
  const done = await first.exited;
  const whole = await referenceRun;
  t.equal(whole.code, 0, `the reference apply succeeds${whole.code === 0 ? '' : `: ${whole.stderr}`}`);
  const writes = reference.http.calls(WRITE_ROUTE);

  t.equal(second.code, 1, 'the second apply exits 1');
  t.match(second.stderr, /^dbxsync apply: another dbxsync apply \(pid \d+, started [^)]+\) is changing the Dropbox team "[^"]+"; wait for it to finish \(lock \.dbxsync\/[^)]+\.lock\)\n$/, 'in one line');
  t.equal(auditLines(path.join(cwd, 'second.jsonl')).length, 0, 'the second apply wrote nothing');
  t.equal(done.code, 0, `the first apply completes${done.code === 0 ? '' : `: ${done.stderr}`}`);
  t.equal(box.http.calls(WRITE_ROUTE), writes, `the team saw the writes of one apply (${writes})`);
  t.same(lockFiles(cwd), [], 'the lock is removed');
  t.equal((await runCli(['plan', '--quiet', '--detailed-exitcode'], { env, cwd })).code, 0, 'and the team converged');
});
