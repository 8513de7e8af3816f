/**
 * One person's data never blocks everybody: values at the edge of what Dropbox accepts, through the
 * real writer and SDK against the Dropbox sandbox.
 */
import t from 'tap';
import { applyPlan } from '../../../src/apply/execute.js';
import { createDropboxWriter } from '../../../src/dropbox/writer.js';
import { email, seedTeam, startDropbox } from '../../dropbox/fixture.js';
import { addMember, person, plan, updateProfile } from '../fakes/plan-builder.js';

const instant = async (): Promise<void> => {};
const who = (id: string) => person(email(id), `dbmid:${id}`, `okta-${id}`);

t.test('empty names are sent and accepted, on an update and on an add', async (t) => {
  // team.stone:1876-1878 (set_profile_v2 new_given_name / new_surname) and team.stone:1625-1627
  // (add_v2 member_given_name / member_surname) are common.OptionalNamePart: no minimum length.
  const h = await startDropbox(seedTeam());
  t.teardown(() => h.close());
  const writer = createDropboxWriter(h.client, { sleep: instant, pollIntervalMs: 1 });
  const result = await applyPlan(
    plan([updateProfile(who('alice'), { givenName: { from: 'Alice', to: '' }, surname: { from: 'Tester', to: '' } }), { ...addMember(email('nameless'), 'okta-nameless'), givenName: '', surname: '' }]),
    writer,
  );
  t.same(result.outcomes.filter((o) => o.status !== 'applied'), [], 'both applied');
  t.match(h.state.memberByEmail(email('alice')), { givenName: '', surname: '' });
  t.match(h.state.memberByEmail(email('nameless')), { givenName: '', surname: '', status: 'invited' });
});
