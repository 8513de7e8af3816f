import { join } from 'node:path';
import t from 'tap';
import { stringify as toYaml } from 'yaml';
import { UsageError } from '../../src/domain/errors.js';
import { loadSeed, validateSeed } from '../../src/sandbox/load-seed.js';
import type { SandboxSeed } from '../../src/sandbox/seed.js';

function smallSeed(): SandboxSeed {
  return {
    okta: {
      appId: '0oa1app',
      users: [
        { id: '00u1', status: 'ACTIVE', profile: { login: 'ada@x.example', email: 'ada@x.example', firstName: 'Ada', lastName: 'Lovelace' } },
        { id: '00u2', status: 'DEPROVISIONED', statusChanged: '2026-11-01T00:00:00.000Z', profile: { login: 'bob@x.example', email: 'bob@x.example', firstName: 'Bob', lastName: 'Byte', managerId: '00u1' } },
      ],
      groups: [{ id: '00g1', name: 'Dropbox Users', members: ['00u1', '00u2'] }],
      appUserIds: ['00u1'],
      appGroupIds: ['00g1'],
    },
    dropbox: {
      teamName: 'X',
      authenticatedAdminId: 'dbmid:1',
      members: [
        { teamMemberId: 'dbmid:1', email: 'ada@x.example', givenName: 'Ada', surname: 'Lovelace', externalId: '00u1', status: 'active', role: 'team_admin', files: 3 },
        { teamMemberId: 'dbmid:2', email: 'bob@x.example', givenName: 'Bob', surname: 'Byte', status: 'active' },
      ],
      groups: [{ groupId: 'g:1', name: 'Engineering', externalId: null, members: ['dbmid:2'] }],
    },
  };
}

t.test('a JSON seed and the same seed in YAML load alike', async (t) => {
  const dir = t.testdir({ 'seed.json': JSON.stringify(smallSeed()), 'seed.yaml': toYaml(smallSeed()), 'seed.yml': toYaml(smallSeed()), 'seed.txt': toYaml(smallSeed()) });
  const fromJson = await loadSeed(join(dir, 'seed.json'));
  t.same(fromJson, smallSeed());
  t.same(await loadSeed(join(dir, 'seed.yaml')), fromJson);
  t.same(await loadSeed(join(dir, 'seed.yml')), fromJson);
  t.same(await loadSeed(join(dir, 'seed.txt')), fromJson, 'another extension: JSON, else YAML');
});

t.test('an unreadable or unparsable file is one line naming the file', async (t) => {
  const dir = t.testdir({ 'bad.json': '{"okta": ', 'bad.yaml': 'okta: [\n', 'bad.txt': '{ nope: [' });
  const cases: [string, string, RegExp][] = [
    ['a missing file', 'absent.json', /^cannot read seed file .*absent\.json: no such file$/],
    ['broken JSON', 'bad.json', /bad\.json: not valid JSON: /],
    ['broken YAML', 'bad.yaml', /bad\.yaml: not valid YAML: /],
    ['neither', 'bad.txt', /bad\.txt: neither JSON nor YAML: /],
  ];
  for (const [name, file, message] of cases) {
    const err = await loadSeed(join(dir, file)).then(
      () => null,
      (e: unknown) => e,
    );
    t.type(err, UsageError, name);
    t.match((err as Error).message, message, name);
    t.equal((err as Error).message.split('\n').length, 1, `${name}: one line`);
  }
});

t.test('a bad seed names the file and the field', async (t) => {
  const cases: [string, (s: any) => void, string][] = [
    ['no okta section', (s) => delete s.okta, 'okta: must be an object'],
    ['no app id', (s) => delete s.okta.appId, 'okta.appId: must be a non-empty string'],
    ['users not a list', (s) => (s.okta.users = {}), 'okta.users: must be a list'],
    ['an unknown Okta status', (s) => (s.okta.users[1].status = 'GONE'), 'okta.users[1].status: must be one of STAGED, PROVISIONED, ACTIVE'],
    ['a user without an email', (s) => delete s.okta.users[0].profile.email, 'okta.users[0].profile.email: must be a non-empty string'],
    ['a duplicate Okta user id', (s) => (s.okta.users[1].id = '00u1'), 'okta.users[1].id: duplicate id 00u1'],
    ['a duplicate login', (s) => (s.okta.users[1].profile.login = 'ADA@x.example'), 'okta.users[1].profile.login: duplicate login ada@x.example'],
    ['a bad timestamp', (s) => (s.okta.users[1].statusChanged = 'last tuesday'), 'okta.users[1].statusChanged: not an ISO-8601 time'],
    ['a group member that does not exist', (s) => s.okta.groups[0].members.push('00u9'), 'okta.groups[0].members[2]: no Okta user with id 00u9'],
    ['a member listed twice', (s) => s.okta.groups[0].members.push('00u1'), 'okta.groups[0].members[2]: 00u1 is listed twice'],
    ['an app user that does not exist', (s) => (s.okta.appUserIds = ['00u7']), 'okta.appUserIds[0]: no Okta user with id 00u7'],
    ['an app group that does not exist', (s) => (s.okta.appGroupIds = ['00g7']), 'okta.appGroupIds[0]: no Okta group with id 00g7'],
    ['an unknown group type', (s) => (s.okta.groups[0].type = 'TEAM'), 'okta.groups[0].type: must be one of OKTA_GROUP'],
    ['no team name', (s) => (s.dropbox.teamName = ''), 'dropbox.teamName: must be a non-empty string'],
    ['an unknown member status', (s) => (s.dropbox.members[1].status = 'gone'), 'dropbox.members[1].status: must be one of active, invited, suspended, removed'],
    ['an unknown role', (s) => (s.dropbox.members[1].role = 'owner'), 'dropbox.members[1].role: must be one of team_admin'],
    ['a negative files count', (s) => (s.dropbox.members[1].files = -1), 'dropbox.members[1].files: must be a whole number'],
    ['a non-boolean flag', (s) => (s.dropbox.members[1].isRecoverable = 'yes'), 'dropbox.members[1].isRecoverable: must be true or false'],
    ['two members with one email', (s) => (s.dropbox.members[1].email = 'ADA@x.example'), 'dropbox.members[1].email: ada@x.example belongs to another member'],
    ['an other-team email that is not an address', (s) => (s.dropbox.otherTeamEmails = ['nobody']), 'dropbox.otherTeamEmails[0]: not an email address'],
    ['an other-team email a member holds', (s) => (s.dropbox.otherTeamEmails = ['ADA@x.example']), 'dropbox.otherTeamEmails[0]: ADA@x.example belongs to a member of this team'],
    ['a duplicate team member id', (s) => (s.dropbox.members[1].teamMemberId = 'dbmid:1'), 'dropbox.members[1].teamMemberId: duplicate id dbmid:1'],
    ['a Dropbox group member that does not exist', (s) => (s.dropbox.groups[0].members = ['dbmid:9']), 'dropbox.groups[0].members[0]: no team member with id dbmid:9'],
    ['an unknown management type', (s) => (s.dropbox.groups[0].managementType = 'okta'), 'dropbox.groups[0].managementType: must be one of company_managed'],
    ['an authenticated admin that does not exist', (s) => (s.dropbox.authenticatedAdminId = 'dbmid:7'), 'dropbox.authenticatedAdminId: no team member with id dbmid:7'],
    ['an authenticated admin without the role', (s) => (s.dropbox.authenticatedAdminId = 'dbmid:2'), 'dropbox.authenticatedAdminId: dbmid:2 must be an active team_admin (is active member_only)'],
    ['a suspended authenticated admin', (s) => (s.dropbox.members[0].status = 'suspended'), 'dropbox.authenticatedAdminId: dbmid:1 must be an active team_admin (is suspended team_admin)'],
  ];
  for (const [name, change, message] of cases) {
    const seed = smallSeed();
    change(seed);
    t.throws(() => validateSeed(seed, 'org.yaml'), { name: 'UsageError', message: `org.yaml: ${message}` }, name);
  }
});

t.test('a removed member gives its email back to the team', async (t) => {
  const seed = smallSeed();
  seed.dropbox.members.push({ teamMemberId: 'dbmid:3', email: 'bob@x.example', givenName: 'Bob', surname: 'Byte', status: 'removed', removedAt: '2026-10-01T00:00:00Z' });
  t.doesNotThrow(() => validateSeed(seed, 'org.json'));
});
