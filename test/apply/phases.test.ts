import t from 'tap';
import { splitPhases } from '../../src/apply/phases.js';
import { createGroup, person, setRole, suspend, withPhases } from './fakes/plan-builder.js';

t.test('phases are runs of consecutive actions of one planner phase; the order is kept', async (t) => {
  const a = suspend(person('a@acme.example', 'dbmid:a'));
  const b = suspend(person('b@acme.example', 'dbmid:b'));
  const c = createGroup('G', '00g1');
  const d = suspend(person('d@acme.example', 'dbmid:d'));
  t.same(
    splitPhases(withPhases([a, b, c, d])).map((p) => p.map((x) => x.id)),
    [[a.id, b.id], [c.id], [d.id]],
    'a plan out of phase order is run in its own order',
  );
  t.same(splitPhases([]), []);
});

t.test('promotions and demotions are different phases', async (t) => {
  const promote = setRole(person('a@acme.example', 'dbmid:a'), 'member_only', 'team_admin');
  const demote = setRole(person('b@acme.example', 'dbmid:b'), 'team_admin', 'member_only');
  t.equal(splitPhases(withPhases([promote, demote])).length, 2);
});
