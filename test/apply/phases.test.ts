import t from 'tap';
import { phaseRank, splitPhases } from '../../src/apply/phases.js';
import { phase as plannerPhase } from '../../src/plan/ordering.js';
import type { Action } from '../../src/domain/plan.js';
import { ACTION_KINDS } from '../../src/domain/plan.js';
import { addMember, createGroup, deleteGroup, groupAdd, groupRef, groupRemove, person, recover, removeMember, renameGroup, setRole, suspend, unsuspend, updateProfile } from './fakes/plan-builder.js';

const ANN = person('ann@acme.example', 'dbmid:ann');
const G = groupRef('G', 'g:1');
const okta: Action = { id: 'okta.assign:1', kind: 'okta.assign', reason: 'r', reversibility: 'reversible', dependsOn: [], serialKey: null, member: ANN };
const oneOfEach: Action[] = [
  createGroup('G', '00g1'),
  renameGroup(G, 'H'),
  addMember('new@acme.example', '00unew'),
  recover(ANN),
  unsuspend(ANN),
  updateProfile(ANN, { surname: { from: 'a', to: 'b' } }),
  setRole(ANN, 'member_only', 'team_admin'),
  setRole(ANN, 'team_admin', 'member_only', { id: 'demote' }),
  groupAdd(G, [ANN]),
  groupRemove(G, [ANN]),
  suspend(ANN),
  removeMember(ANN),
  deleteGroup(G),
  okta,
  { ...okta, id: 'okta.create_user:1', kind: 'okta.create_user', profile: {} },
  { ...okta, id: 'okta.update_profile:1', kind: 'okta.update_profile', changes: {} },
];

t.test("the executor's phases are the planner's", async (t) => {
  t.same(new Set(oneOfEach.map((a) => a.kind)), new Set(ACTION_KINDS), 'every kind covered');
  for (const a of oneOfEach) t.equal(phaseRank(a), plannerPhase(a), `${a.kind} ${a.id}`);
});

t.test('phases are runs of consecutive actions of one rank; the order is kept', async (t) => {
  const a = suspend(person('a@acme.example', 'dbmid:a'));
  const b = suspend(person('b@acme.example', 'dbmid:b'));
  const c = createGroup('G', '00g1');
  const d = suspend(person('d@acme.example', 'dbmid:d'));
  t.same(splitPhases([a, b, c, d]).map((p) => p.map((x) => x.id)), [[a.id, b.id], [c.id], [d.id]]);
  t.same(splitPhases([]), []);
});
