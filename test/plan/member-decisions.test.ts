import t from 'tap';
import { changeNote, removalTerms, wipeNote } from '../../src/plan/member-actions.js';

// How a member.remove treats the account. The flags are members/remove's arguments
// (team.stone MembersRemoveArg: keep_account, retain_team_shares; MembersDeactivateArg: wipe_data);
// an invited member who never joined has no data, devices or account to keep, so the invite is
// simply withdrawn whatever the policy says.
const WIPE = 'devices wiped (wipeData: true)';
const KEEP = 'the account is kept as a personal account (keepAccount: true)';
const cases: {
  name: string;
  invited: boolean;
  policy: { wipeData: boolean; keepAccount: boolean; retainTeamShares: boolean };
  terms: { wipeData: boolean; keepAccount: boolean; retainTeamShares: boolean; note: string };
}[] = [
  { name: 'the default policy: nothing wiped, nothing kept, nothing said', invited: false, policy: { wipeData: false, keepAccount: false, retainTeamShares: false }, terms: { wipeData: false, keepAccount: false, retainTeamShares: false, note: '' } },
  { name: 'wipeData: the devices are wiped and the reason says so', invited: false, policy: { wipeData: true, keepAccount: false, retainTeamShares: false }, terms: { wipeData: true, keepAccount: false, retainTeamShares: false, note: `; ${WIPE}` } },
  { name: 'keepAccount: the account stays as a personal one and the reason says so', invited: false, policy: { wipeData: false, keepAccount: true, retainTeamShares: false }, terms: { wipeData: false, keepAccount: true, retainTeamShares: false, note: `; ${KEEP}` } },
  { name: 'retainTeamShares is passed on and not spelled in the reason', invited: false, policy: { wipeData: false, keepAccount: false, retainTeamShares: true }, terms: { wipeData: false, keepAccount: false, retainTeamShares: true, note: '' } },
  { name: 'everything at once: wipe first, then keep', invited: false, policy: { wipeData: true, keepAccount: true, retainTeamShares: true }, terms: { wipeData: true, keepAccount: true, retainTeamShares: true, note: `; ${WIPE}; ${KEEP}` } },
  { name: 'an invite is withdrawn: the policy does not apply', invited: true, policy: { wipeData: true, keepAccount: true, retainTeamShares: true }, terms: { wipeData: false, keepAccount: false, retainTeamShares: false, note: '' } },
  { name: 'an invite under the default policy: the same', invited: true, policy: { wipeData: false, keepAccount: false, retainTeamShares: false }, terms: { wipeData: false, keepAccount: false, retainTeamShares: false, note: '' } },
];

t.test('removalTerms: the off-boarding policy applied to one removal', async (t) => {
  for (const c of cases) t.same(removalTerms(c.invited, c.policy), c.terms, c.name);
});

t.test('wipeNote: a suspension says what happens to the devices', async (t) => {
  t.equal(wipeNote(true), WIPE);
  t.equal(wipeNote(false), 'data kept (wipeData: false)');
});

t.test('changeNote: what a profile update says about one field', async (t) => {
  const rows: { name: string; args: Parameters<typeof changeNote>; note: string }[] = [
    { name: 'a name change quotes both values', args: ['givenName', 'external_id', 'Ada', 'Adah'], note: 'given name "Ada" → "Adah"' },
    { name: 'the surname, quoted as JSON (so an odd value stays visible)', args: ['surname', 'external_id', 'Lovelace', 'Love "lace"'], note: 'surname "Lovelace" → "Love \\"lace\\""' },
    { name: 'an email change', args: ['email', 'email', 'ada@old.example', 'ada@acme.example'], note: 'email "ada@old.example" → "ada@acme.example"' },
    { name: 'adopted: matched by email with no external id', args: ['externalId', 'adopted', '', '00uada'], note: 'matched by email with an empty external id: adopted (external id set to the Okta id)' },
    { name: 'matched by email over a stale external id', args: ['externalId', 'email', 'legacy-7', '00uada'], note: 'matched by email; external id legacy-7 names no Okta user, so it is set to the Okta id' },
    { name: 'otherwise the external id is just set', args: ['externalId', 'external_id', 'x', '00uada'], note: 'external id set to the Okta id' },
    { name: 'no match kind: the same', args: ['externalId', null, 'x', '00uada'], note: 'external id set to the Okta id' },
  ];
  for (const r of rows) t.equal(changeNote(...r.args), r.note, r.name);
});
