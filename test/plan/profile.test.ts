import t from 'tap';
import { refusal } from '../../src/plan/profile.js';
import { team } from '../helpers/builders.js';
import { actionsOf, kinds, runCases, type Case } from './plan-helpers.js';

const cases: Case[] = [
  {
    name: 'a given name changed in Okta: member.update_profile with from and to',
    team: () => team().person('ada', { okta: { firstName: 'Augusta' } }),
    expect: (t, plan) => {
      const [u] = actionsOf(plan, 'member.update_profile');
      t.match(u, { id: 'member.update_profile:dbmid:ada', changes: { givenName: { from: 'Ada', to: 'Augusta' } }, reversibility: 'reversible' });
      t.match(u?.reason, /profile follows Okta \(settings\.yaml:4 provisioning\.profile\): given name "Ada" → "Augusta"/);
    },
  },
  {
    name: 'surname and email changed together: one update with both',
    team: () => team().person('ada', { okta: { lastName: 'King', email: 'ada.king@acme.example' } }),
    expect: (t, plan) => t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { email: { from: 'ada@acme.example', to: 'ada.king@acme.example' }, surname: { from: 'Example', to: 'King' } }),
  },
  {
    name: 'an email differing only by case is not a change',
    team: () => team().person('ada', { dropbox: { email: 'ADA@acme.example' } }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'provisioning.profile maps other Okta attributes (givenName from nickName)',
    team: () => team().person('ada', { okta: { profile: { nickName: 'Countess' } } }).settings({ provisioning: { profile: { givenName: 'nickName', surname: 'lastName', email: 'email' } } }),
    expect: (t, plan) => t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { givenName: { from: 'Ada', to: 'Countess' } }),
  },
  {
    name: 'a new member gets the mapped profile',
    team: () => team().person('ada', { dropbox: false, okta: { profile: { nickName: 'Countess' } } }).settings({ provisioning: { profile: { givenName: 'nickName', surname: 'lastName', email: 'email' } } }),
    expect: (t, plan) => t.match(actionsOf(plan, 'member.add')[0], { givenName: 'Countess', surname: 'Example' }),
  },
  {
    name: 'an Okta name Dropbox would refuse: an invalid_value violation naming the person, not an action',
    team: () => team().person('ada', { okta: { lastName: 'Love/lace' } }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.safety.violations, [{ rule: 'invalid_value', message: /Ada Love\/lace <ada@acme\.example> \(Okta 00uada\): surname "Love\/lace" contains "\/"/ }]);
      t.equal(plan.safety.ok, false);
    },
  },
  {
    name: 'one invalid field does not hold back the valid ones',
    team: () => team().person('ada', { okta: { lastName: 'Love|lace', firstName: 'Augusta' } }),
    expect: (t, plan) => {
      t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { givenName: { from: 'Ada', to: 'Augusta' } });
      t.match(plan.safety.violations, [{ rule: 'invalid_value' }]);
    },
  },
  {
    name: 'a new hire with an invalid email is not added; the violation names them',
    team: () => team().person('new', { dropbox: false, okta: { email: 'new@acme.x' } }),
    expect: (t, plan) => {
      t.same(kinds(plan), []);
      t.match(plan.safety.violations, [{ rule: 'invalid_value', message: /00unew.*not an address Dropbox accepts; not added/ }]);
    },
  },
  {
    name: 'an empty surname is refused for an update (Dropbox NamePart) but accepted on add',
    team: () => team().person('ada', { okta: { lastName: '' } }).person('bob', { dropbox: false, okta: { lastName: '' } }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.add']);
      t.match(plan.safety.violations, [{ rule: 'invalid_value', message: /00uada\): surname is empty/ }]);
    },
  },
];

runCases(t, cases);

t.test('Dropbox field limits, walked across their boundaries', async (t) => {
  const rows: [string, Parameters<typeof refusal>[0], string, boolean][] = [
    ['a 50-character name is accepted', 'givenName', 'a'.repeat(50), true],
    ['a 51-character name is refused', 'givenName', 'a'.repeat(51), false],
    ...[...'/:?*<>"|'].map((c): [string, 'surname', string, boolean] => [`a surname with ${c} is refused`, 'surname', `a${c}b`, false]),
    ['a name with accents and an apostrophe is accepted', 'surname', "O'Brien-Ñúñez", true],
    ['an email with a 2-letter TLD is accepted', 'email', 'a@b.io', true],
    ['an email with a 15-letter TLD is accepted', 'email', `a@b.${'x'.repeat(15)}`, true],
    ['an email with a 16-letter TLD is refused', 'email', `a@b.${'x'.repeat(16)}`, false],
    ['an email with a 1-letter TLD is refused', 'email', 'a@b.c', false],
    ['a 255-character email is accepted', 'email', `${'a'.repeat(242)}@acme.example`, true],
    ['a 256-character email is refused', 'email', `${'a'.repeat(243)}@acme.example`, false],
    ['an email without @ is refused', 'email', 'acme.example', false],
    ['a 64-character external id is accepted', 'externalId', 'x'.repeat(64), true],
    ['a 65-character external id is refused', 'externalId', 'x'.repeat(65), false],
  ];
  for (const [name, field, value, accepted] of rows) t.equal(refusal(field, value, true) === null, accepted, name);
});
