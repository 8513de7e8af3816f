import t from 'tap';
import { removalTerms, wipeNote } from '../../src/plan/member-actions.js';

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
