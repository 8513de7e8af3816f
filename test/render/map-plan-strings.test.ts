import t from 'tap';
import { mapPlanStrings } from '../../src/render/map-plan-strings.js';
import { mixedPlan } from '../fixtures/plans/index.js';
import { frozenCopy } from './plan-helpers.js';

t.test('every string at any depth is mapped, and the input is left as it was', async (t) => {
  const frozen = frozenCopy(mixedPlan);
  const upper = mapPlanStrings(frozen, (s) => s.toUpperCase());
  t.equal(upper.actions[0]?.reason, mixedPlan.actions[0]?.reason.toUpperCase());
  t.equal(upper.waiting[0]?.email, mixedPlan.waiting[0]?.email.toUpperCase());
  t.equal(upper.safety.ok, true, 'non-strings are kept');
  t.same(frozen, mixedPlan);
});

t.test('when nothing changes, nothing is copied', async (t) => {
  t.equal(mapPlanStrings(mixedPlan, (s) => s), mixedPlan);
  const one = mapPlanStrings(mixedPlan, (s) => (s === 'Lee' ? 'LEE' : s));
  t.not(one, mixedPlan);
  t.equal(one.waiting, mixedPlan.waiting, 'untouched branches are shared');
  t.not(one.actions, mixedPlan.actions);
});
