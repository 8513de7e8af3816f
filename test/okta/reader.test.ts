import t from 'tap';
import { readOktaState } from '../../src/okta/reader.js';
import { desired, generatedOrg, push, startOkta } from './fixtures.js';

t.test('smoke', async (t) => {
  const h = await startOkta(generatedOrg(1200, 10));
  t.teardown(() => h.close());
  const state = await readOktaState(h.client, desired({ groupPushes: [push('Engineering')] }), { dropboxMembers: [] });
  t.equal(state.assignments.length, 1200);
  t.equal(state.users.length, 1200);
  t.same(state.calls, {});
  console.log(state.calls, state.groups.map((g) => [g.name, g.memberIds?.length]));
});
