/**
 * Plan files as apply and show read them (issue 13, "The plan says what it is"): every action
 * carries its phase; a plan file without phases (an older dbxsync wrote it) is refused with one
 * line saying plan again, exit 1, before any API call. In-process CLI against the sandbox.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { Plan } from '../../src/domain/plan.js';
import { planContentDigest } from '../../src/plan/index.js';
import { phase } from '../../src/plan/ordering.js';
import { demoCli as cli, demoSandbox, desiredStateWorkdir } from '../helpers/demo-cli.js';

const TOKENS = { okta: 'OKTA-SECRET-pf-71c2', dropbox: 'DBX-SECRET-pf-0d9e' };
const withSandbox = (t: Test): Promise<Sandbox> => demoSandbox(t, TOKENS);
const workdir = (t: Test) => desiredStateWorkdir(t, 'dbxsync-planfile-');

/** Re-seal an edited plan, so that only the edit under test is wrong. */
function reseal(plan: Record<string, unknown>): Record<string, unknown> {
  const { contentDigest: _old, ...rest } = plan;
  return { ...rest, contentDigest: planContentDigest(rest as unknown as Plan) };
}

t.test('plan --out writes each action with the phase the planner gave it', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const plan = JSON.parse(readFileSync(path.join(cwd, 'plan.json'), 'utf8')) as Plan;
  t.ok(plan.actions.length > 3, `${plan.actions.length} actions`);
  t.same(
    plan.actions.map((a) => a.phase),
    plan.actions.map((a) => phase(a)),
    'every action carries its phase',
  );
  const phases = plan.actions.map((a) => a.phase);
  t.same(phases, [...phases].sort((x, y) => x - y), 'in execution order');
});

t.test('a plan file without phases (an older dbxsync) is refused with one line, exit 1, no API call', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const plan = JSON.parse(readFileSync(path.join(cwd, 'plan.json'), 'utf8')) as Record<string, unknown> & { actions: Record<string, unknown>[] };
  const older = reseal({ ...plan, actions: plan.actions.map(({ phase: _p, ...rest }) => rest) });
  writeFileSync(path.join(cwd, 'older.json'), `${JSON.stringify(older, null, 2)}\n`);
  for (const argv of [
    ['apply', '--plan', 'older.json', '--auto-approve'],
    ['show', 'older.json'],
  ]) {
    const before = sandbox.http.calls();
    const res = await cli(argv, sandbox, cwd);
    t.equal(res.code, 1, `${argv[0]}: exit 1`);
    const lines = res.err.trim().split('\n');
    t.equal(lines.length, 1, `${argv[0]}: one line: ${res.err}`);
    t.match(lines[0], /older\.json: actions\[0\] \(.+\) has no execution phase: the plan was written by an older dbxsync \(or by hand\); plan again with this version/, argv[0]!);
    t.equal(res.out, '', `${argv[0]}: nothing on stdout`);
    t.equal(sandbox.http.calls(), before, `${argv[0]}: no API call`);
  }
});

t.test('corrupted plan files are refused against schemas/plan.schema.json: one line naming the JSON path, exit 1, no API call', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const plan = JSON.parse(readFileSync(path.join(cwd, 'plan.json'), 'utf8')) as Record<string, unknown> & { actions: Record<string, unknown>[] };
  const edit = (i: number, change: Record<string, unknown>) => ({ ...plan, actions: plan.actions.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  const cases: [string, unknown, RegExp][] = [
    ['a group without its name', edit(0, { group: { groupId: null, externalId: null } }), /actions\[0\]\.group has no name/],
    ['dependsOn not a list', edit(1, { dependsOn: 'everything' }), /actions\[1\]\.dependsOn must be array/],
    ['an unknown field', edit(2, { sudo: true }), /actions\[2\] has an unknown field "sudo"/],
    ['a phase that is not a number', edit(0, { phase: 'first' }), /actions\[0\]\.phase must be integer/],
    ['a bad reversibility', edit(0, { reversibility: 'maybe' }), /actions\[0\]\.reversibility must be one of "reversible", "recoverable", "irreversible"/],
    ['a summary that is not an object', { ...plan, summary: [] }, /not a dbxsync plan: summary must be object/],
  ];
  for (const [name, body, message] of cases) {
    writeFileSync(path.join(cwd, 'bad.json'), JSON.stringify(reseal(body as Record<string, unknown>)));
    const before = sandbox.http.calls();
    const res = await cli(['apply', '--plan', 'bad.json', '--auto-approve'], sandbox, cwd);
    t.equal(res.code, 1, `${name}: exit 1`);
    t.equal(res.err.trim().split('\n').length, 1, `${name}: one line: ${res.err}`);
    t.match(res.err, /bad\.json: not a dbxsync plan: /, name);
    t.match(res.err, message, name);
    t.equal(sandbox.http.calls(), before, `${name}: no API call`);
  }
});
