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
    // common.stone:7 OptionalNamePart: pattern [^\/:?*<>"|]*, max_length=50.
    name: 'an Okta name Dropbox would refuse: that change is skipped with an invalid_value warning naming the person; the plan is not refused',
    team: () => team().person('ada', { okta: { lastName: 'Love/lace' } }).person('bob', { okta: { firstName: 'Robert' } }).person('new.hire', { dropbox: false }),
    expect: (t, plan) => {
      t.same(kinds(plan).sort(), ['member.add', 'member.update_profile'], "bob's update and the new hire proceed; ada's update is skipped");
      t.equal(actionsOf(plan, 'member.update_profile')[0]?.member.teamMemberId, 'dbmid:bob');
      t.match(plan.warnings, [{ code: 'invalid_value', message: 'Ada Love/lace <ada@acme.example> (Okta 00uada): surname "Love/lace" contains "/", which Dropbox refuses; surname not updated (Dropbox would refuse the value: fix it in Okta)' }]);
      t.same(plan.safety, { ok: true, violations: [] });
    },
  },
  {
    name: 'one invalid field does not hold back the valid ones',
    team: () => team().person('ada', { okta: { lastName: 'Love|lace', firstName: 'Augusta' } }),
    expect: (t, plan) => {
      t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { givenName: { from: 'Ada', to: 'Augusta' } });
      t.match(plan.warnings, [{ code: 'invalid_value' }]);
      t.equal(plan.safety.ok, true);
    },
  },
  {
    name: 'a new hire with an invalid email is not added; the warning names them, and the others are added',
    team: () => team().person('new', { dropbox: false, okta: { email: 'new@acme.x' } }).person('other', { dropbox: false }),
    expect: (t, plan) => {
      t.same(actionsOf(plan, 'member.add').map((a) => a.member.oktaUserId), ['00uother']);
      t.match(plan.warnings, [{ code: 'invalid_value', message: /00unew.*not an address Dropbox accepts; not added/ }]);
      t.equal(plan.safety.ok, true);
    },
  },
  {
    // team.stone:1876-1878 MembersSetProfileArg.new_given_name / new_surname and team.stone:1625-1627
    // MemberAddArgBase: common.OptionalNamePart, which has no minimum length (common.stone:7).
    name: 'an empty Okta surname is sent, on an update and on an add; no violation, no warning',
    team: () => team().person('ada', { okta: { lastName: '' } }).person('bob', { dropbox: false, okta: { firstName: '', lastName: '' } }),
    expect: (t, plan) => {
      t.same(kinds(plan).sort(), ['member.add', 'member.update_profile']);
      t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { surname: { from: 'Example', to: '' } });
      t.match(actionsOf(plan, 'member.add')[0], { givenName: '', surname: '' });
      t.same(plan.safety, { ok: true, violations: [] });
      t.same(plan.warnings.filter((w) => w.code !== 'silent_add_without_sso'), [], 'no warning about the name (the silent add has its own)');
    },
  },
  {
    name: 'a 50-character name of emoji (100 UTF-16 units) is within Dropbox\'s 50 characters',
    team: () => team().person('ada', { okta: { firstName: '\u{1F600}'.repeat(50) } }),
    expect: (t, plan) => {
      t.same(actionsOf(plan, 'member.update_profile')[0]?.changes, { givenName: { from: 'Ada', to: '\u{1F600}'.repeat(50) } });
      t.same(plan.warnings, []);
    },
  },
];

runCases(t, cases);

t.test('Dropbox field limits, walked across their boundaries', async (t) => {
  const rows: [string, Parameters<typeof refusal>[0], string, boolean][] = [
    ['a 50-character name is accepted', 'givenName', 'a'.repeat(50), true],
    ['a 51-character name is refused', 'givenName', 'a'.repeat(51), false],
    ['an empty name is accepted (OptionalNamePart)', 'surname', '', true],
    ['51 emoji are refused', 'givenName', '\u{1F600}'.repeat(51), false],
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
  for (const [name, field, value, accepted] of rows) t.equal(refusal(field, value) === null, accepted, name);
});
