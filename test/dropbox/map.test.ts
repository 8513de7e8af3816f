import t from 'tap';
import { roleOfName, toDropboxMember } from '../../src/dropbox/map.js';
import { emailKey } from '../../src/domain/live.js';

t.test('role names map loosely to the four roles dbxsync manages; others are left alone', async (t) => {
  for (const [name, role] of [
    ['Team admin', 'team_admin'],
    ['Team Admin', 'team_admin'],
    ['team_admin', 'team_admin'],
    [' User management admin ', 'user_management_admin'],
    ['user-management-admin', 'user_management_admin'],
    ['Support admin', 'support_admin'],
    ['Billing admin', null],
    ['Team', null],
  ] as const) {
    t.equal(roleOfName(name), role, name);
  }
});

t.test('a member keeps the email as Dropbox spells it for display and carries its comparison key', async (t) => {
  // TeamMemberInfoV2 {profile: TeamMemberProfile, roles} (team.stone): MemberProfile.email is the
  // primary address as the member typed it; Dropbox itself matches addresses case-insensitively.
  const member = toDropboxMember({
    profile: {
      team_member_id: 'dbmid:ada',
      email: 'Ada.Lovelace@ACME.example',
      email_verified: true,
      status: { '.tag': 'active' },
      name: { given_name: 'Ada', surname: 'Lovelace' },
    },
    roles: [],
  });
  t.equal(member.email, 'Ada.Lovelace@ACME.example', 'the original spelling, for display and writes');
  t.equal(member.emailKey, 'ada.lovelace@acme.example', 'the key every comparison uses');
  t.equal(member.emailKey, emailKey(member.email), 'built by the one normalisation');
});
