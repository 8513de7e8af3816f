import t from 'tap';
import { planDropboxChanges } from '../../src/plan/index.js';
import { oktaUser, team } from '../helpers/builders.js';
import { actionsOf, kinds, runCases, type Case } from './plan-helpers.js';

const cases: Case[] = [
  {
    name: 'matched by external id although the emails differ: the email is updated, never removed and re-added',
    team: () => team().person('ada', { okta: { email: 'ada.king@acme.example' } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.update_profile']);
      t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { email: { from: 'ada@acme.example', to: 'ada.king@acme.example' } });
    },
  },
  {
    name: 'matched by email, case-insensitively, with an empty external id: adopted (external id set to the Okta id)',
    team: () => team().person('ada', { dropbox: { externalId: null, email: 'Ada@ACME.example' } }),
    expect: (t, plan) => {
      const [update] = actionsOf(plan, 'member.update_profile');
      t.same(update?.changes, { externalId: { from: null, to: '00uada' } });
      t.match(update?.reason, /matched by email with an empty external id: adopted/);
      t.same(actionsOf(plan, 'member.add'), []);
    },
  },
  {
    name: 'an empty-string external id counts as empty: adopted',
    team: () => team().person('ada', { dropbox: { externalId: '' } }),
    expect: (t, plan) => t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { externalId: { from: null, to: '00uada' } }),
  },
  {
    name: 'matched by email while the external id names no Okta user: the external id is replaced, and the reason says so',
    team: () => team().person('ada', { dropbox: { externalId: '00uformer' } }),
    expect: (t, plan) => {
      const [update] = actionsOf(plan, 'member.update_profile');
      t.same(update?.changes, { externalId: { from: '00uformer', to: '00uada' } });
      t.match(update?.reason, /external id 00uformer names no Okta user/);
    },
  },
  {
    name: 'two Okta users carry the email of one member: an ambiguous_identity violation, nothing planned for either',
    team: () => {
      const b = team().person('ada', { dropbox: { externalId: null } });
      b.person('ada.twin', { okta: { email: 'ada@acme.example' }, dropbox: false });
      return b;
    },
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.safety.violations, [{ rule: 'ambiguous_identity', message: /dbmid:ada.*matches 2 Okta users by email \(00uada, 00uadatwin\)/ }]);
    },
  },
  {
    name: 'an Okta user matched by external id to one member and by email to another: the second is reported and left alone',
    team: () =>
      team()
        .person('ada', { okta: { email: 'ada.new@acme.example' } })
        .person('ada.new', { okta: false, dropbox: { externalId: null, email: 'ada.new@acme.example', teamMemberId: 'dbmid:second' } }),
    expect: (t, plan) => {
      t.match(plan.reports.find((r) => r.teamMemberId === 'dbmid:second'), { kind: 'ambiguous_match', oktaUserId: '00uada', message: /left alone/ });
      t.match(plan.reports.find((r) => r.teamMemberId === 'dbmid:ada'), { kind: 'ambiguous_match', message: /already holds; email not updated|dbmid:second already holds/ });
      t.same(actionsOf(plan, 'member.suspend'), []);
      t.same(actionsOf(plan, 'member.remove'), []);
    },
  },
  {
    name: 'a removed account and a live account of the same person: the live one is managed, the removed one ignored',
    team: () =>
      team()
        .person('ada')
        .person('ada', { okta: false, dropbox: { teamMemberId: 'dbmid:oldada', status: 'removed', isRecoverable: true } }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
];

runCases(t, cases);

t.test('an Okta user whose email is held by a member matched to someone else is not added; a report says why', async (t) => {
  // ada is protected, so her member keeps shared@ (no email change frees it in this plan).
  const input = team()
    .person('ada', { okta: { email: 'ada.old@acme.example' }, dropbox: { email: 'shared@acme.example' } })
    .settings({ provisioning: { protectedMembers: ['shared@acme.example'] } })
    .build();
  const newcomer = oktaUser('newcomer', { email: 'shared@acme.example' });
  const plan = planDropboxChanges({
    ...input,
    okta: { ...input.okta, users: [...input.okta.users, newcomer], assignments: [...input.okta.assignments, { userId: newcomer.id, scope: 'USER' }] },
  });
  t.same(actionsOf(plan, 'member.add'), []);
  t.match(plan.reports, [{ kind: 'ambiguous_match', oktaUserId: '00unewcomer', message: /already holds shared@acme\.example/ }]);
});

t.test('two live members carrying the same Okta id as external id: an ambiguous_identity violation, nothing planned for them', async (t) => {
  const input = team()
    .person('ada', { okta: { status: 'DEPROVISIONED' } })
    .person('ada2', { okta: false, dropbox: { externalId: '00uada' } })
    .build();
  const plan = planDropboxChanges(input);
  t.same(plan.actions, []);
  t.match(plan.safety.violations, [{ rule: 'ambiguous_identity', message: /Okta user ada@acme\.example \(00uada\) matches 2 Dropbox members \(dbmid:ada, dbmid:ada2\)/ }]);
});

t.test('an address freed by an email change in the same plan goes to the new hire at once: the update first, the add waits for it', async (t) => {
  // alex's Okta email moved from alex@ to alex.kim@ and a new hire B was given alex@. Dropbox's
  // set_profile_v2 (team_members.stone MembersSetProfileArg.new_email) changes the member's email, after
  // which the old address belongs to nobody on the team; members/add_v2 then accepts it. Without the
  // ordering, B would be reported as "already held" and wait one more run.
  const input = team()
    .person('alex', { okta: { email: 'alex.kim@acme.example' }, dropbox: { email: 'alex@acme.example' } })
    .build();
  const hire = oktaUser('hire', { email: 'alex@acme.example' });
  const plan = planDropboxChanges({
    ...input,
    okta: { ...input.okta, users: [...input.okta.users, hire], assignments: [...input.okta.assignments, { userId: hire.id, scope: 'USER' }] },
  });
  const update = actionsOf(plan, 'member.update_profile')[0];
  const add = actionsOf(plan, 'member.add')[0];
  t.match(update, { member: { teamMemberId: 'dbmid:alex' }, changes: { email: { from: 'alex@acme.example', to: 'alex.kim@acme.example' } } });
  t.match(add, { member: { email: 'alex@acme.example', oktaUserId: '00uhire' }, reason: /alex@acme\.example is released by dbmid:alex's email change in this plan/ });
  t.same(add?.dependsOn, [update?.id], 'the add waits for the email change');
  t.same(plan.reports.filter((r) => r.kind === 'ambiguous_match'), []);
});
