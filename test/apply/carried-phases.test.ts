/**
 * The plan carries its own order (issue 13, "The plan says what it is"): each action's phase is
 * data written by the planner, and apply runs a plan by the phases it carries, never by this
 * version's rule; a plan without phases is refused ("plan again"), not ordered by a guess.
 */
import t from 'tap';
import { applyPlan } from '../../src/apply/execute.js';
import { splitPhases } from '../../src/apply/phases.js';
import type { Plan } from '../../src/domain/plan.js';
import { FakeWriter } from './fakes/fake-writer.js';
import { person, plan, setRole, suspend } from './fakes/plan-builder.js';

function team(): FakeWriter {
  const w = new FakeWriter();
  w.member({ email: 'it-admin@acme.example', teamMemberId: 'dbmid:admin', role: 'team_admin' });
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann', role: 'team_admin' });
  w.member({ email: 'bob@acme.example', teamMemberId: 'dbmid:bob' });
  return w;
}

const promote = setRole(person('bob@acme.example', 'dbmid:bob'), 'member_only', 'team_admin');
const demote = setRole(person('ann@acme.example', 'dbmid:ann'), 'team_admin', 'member_only');

t.test('phases are read from the plan, not recomputed from the kinds', async (t) => {
  // This version's rule puts a promotion and a demotion in two phases; a plan that says one phase is run as one.
  t.equal(splitPhases([{ ...promote, phase: 4 }, { ...demote, phase: 4 }]).length, 1);
  // Two suspensions are one phase by the rule; a plan that gives them two is run in two.
  const a = suspend(person('a@acme.example', 'dbmid:a'));
  const b = suspend(person('b@acme.example', 'dbmid:b'));
  t.same(
    splitPhases([{ ...a, phase: 8 }, { ...b, phase: 9 }]).map((p) => p.map((x) => x.id)),
    [[a.id], [b.id]],
  );
});

t.test('the executor follows the phases the plan carries: a later phase starts after the earlier settled', async (t) => {
  const w = team();
  w.delayMs = 2;
  w.member({ email: 'cat@acme.example', teamMemberId: 'dbmid:cat' });
  // This version's rule runs two suspensions in one phase, concurrently; this plan gives them two.
  const first = suspend(person('bob@acme.example', 'dbmid:bob'));
  const second = suspend(person('cat@acme.example', 'dbmid:cat'));
  const result = await applyPlan({ ...plan([]), actions: [{ ...first, phase: 8 }, { ...second, phase: 9 }] }, w);
  t.equal(result.counts.applied, 2);
  const [a, b] = w.callsOf('suspend');
  t.equal((a!.args[0] as { value: string }).value, 'dbmid:bob', 'the phase the plan puts first runs first');
  t.ok(a!.end < b!.start, 'and has settled before the next phase starts');
});

t.test('a plan whose actions carry no phase is refused before any call, with one line saying plan again', async (t) => {
  const w = team();
  const built = plan([promote, demote]);
  const unphased = { ...built, actions: built.actions.map(({ phase: _p, ...rest }) => rest) } as unknown as Plan;
  await t.rejects(applyPlan(unphased, w), { name: 'UsageError', message: /^actions\[0\] \(member\.set_role:dbmid:bob\) has no execution phase: .*older dbxsync.*plan again with this version; nothing was applied$/ });
  const half = { ...built, actions: [built.actions[0], { ...built.actions[1]!, phase: 'late' }] } as unknown as Plan;
  await t.rejects(applyPlan(half, w), { message: /actions\[1\] .* has no execution phase/ });
  t.equal(w.calls.length, 0, 'no Dropbox call');
});
