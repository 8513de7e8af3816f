import path from 'node:path';
import t from 'tap';
import type { DesiredState } from '../../src/domain/desired.js';
import { loadDesiredState, requireDesiredState } from '../../src/config/load-desired-state.js';
import { ConfigError } from '../../src/domain/errors.js';
import { lines, load, NOW, SETTINGS, writeDir } from './helpers.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const repo = REPO_ROOT;

t.test('the shipped example (Acme Robotics) validates with no problem and no warning', async (t) => {
  const result = await loadDesiredState('desired-state', { now: NOW, cwd: repo });
  t.same(lines(result), []);
  t.equal(result.ok, true);
  t.equal(result.files, 5);
  if (!result.ok) return;
  const s = result.state;
  t.same(s.files, ['groups.yaml', 'import.yaml', 'offboarding.yaml', 'roles.yaml', 'settings.yaml']);
  t.equal(s.okta.appId, '0oa1dropbox2bus3ness');
  t.same(s.groupPushes.map((p) => [p.oktaGroup, p.oktaGroupPattern, p.dropboxGroup]), [
    ['Engineering', null, null],
    ['Sales', null, 'Sales Team'],
    [null, '^dbx-', null],
  ]);
  t.same(s.roles?.map((r) => [r.role, r.oktaGroups]), [
    ['team_admin', ['Dropbox Admins']],
    ['user_management_admin', ['IT User Admins']],
    ['support_admin', ['IT Helpdesk']],
  ]);
  t.same(s.offboarding.overrides.map((o) => [o.oktaGroup, o.action]), [['Legal Hold', 'suspend']]);
  t.equal(s.offboarding.onDeactivated.fallbackTransferTo, 'it-archive@acme-robotics.example');
  t.equal(s.offboarding.onDeactivated.transferAdmin, 'it-admin@acme-robotics.example');
  t.same(s.provisioning.protectedMembers.map((m) => m.email), ['breakglass@acme-robotics.example']);
  t.same([s.safety.maxRemovals, s.safety.maxRemovalPercent, s.safety.minTeamAdmins], [25, 10, 2]);
  t.equal(s.safety.exceptions[0]?.expires, '2027-06-30');
});

t.test('the smallest valid directory gets every default of design.md', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'settings.yaml': SETTINGS });
  const result = await load(root);
  t.same(lines(result), []);
  if (!result.ok) return t.fail('refused');
  const expected: DesiredState = {
    version: 1,
    files: ['settings.yaml'],
    okta: { appId: '0oa1dropbox2bus3ness', source: { file: 'settings.yaml', line: 3, col: 10 } },
    provisioning: {
      sendWelcomeEmail: false,
      ssoRequired: false,
      profile: { givenName: 'firstName', surname: 'lastName', email: 'email' },
      unassigned: 'suspend',
      unmanagedMembers: 'report',
      protectedMembers: [],
      source: null,
    },
    safety: { maxRemovals: 25, maxRemovalPercent: 10, minMembersForPercent: 10, minTeamAdmins: 1, maxGroupMemberRemovals: 100, maxRoleDemotions: 5, maxGroupDeletions: 5, exceptions: [], source: null },
    groupPushes: [],
    pruneGroups: false,
    roles: null,
    offboarding: {
      onSuspended: { action: 'suspend', wipeData: false, source: null },
      onDeactivated: {
        action: 'suspend',
        graceDays: 0,
        transferTo: 'manager',
        fallbackTransferTo: null,
        transferAdmin: null,
        keepAccount: false,
        retainTeamShares: false,
        wipeData: false,
        source: null,
      },
      managerAttribute: 'managerId',
      overrides: [],
    },
    import: { linkMatchingUsers: true, createUsers: false, profile: {}, maxWrites: 50, source: null, keySources: {} },
    reconcile: {
      apply: ['join', 'leave', 'suspend', 'reactivate', 'profile', 'groupMembership'],
      hold: ['rolePromotion', 'groupCreate', 'groupRename', 'groupDelete'],
      maxRemovalsPerDay: 25,
      source: null,
    },
  };
  t.strictSame(result.state, expected);
});

t.test('a full directory: values kept, emails lower-cased, partial sections merged with defaults', async (t) => {
  const root = t.testdir({});
  writeDir(root, {
    'settings.yml': [
      'version: 1',
      'okta: {appId: 0oaABC123}',
      'provisioning:',
      '  profile: {givenName: preferredName}',
      '  protectedMembers: [BreakGlass@Example.com]',
      'safety:',
      '  minTeamAdmins: 3',
      '  exceptions:',
      '    - reason: Lyon office closes (TICKET-123)',
      '      maxRemovals: 180',
      '      maxGroupDeletions: 12',
      '      expires: 2026-11-28',
      '  maxRoleDemotions: 2',
      '  minMembersForPercent: 30',
      '',
    ].join('\n'),
    'teams/roles.yaml': 'roles:\n  - role: support_admin\n    users: [Help@Example.com, 00uAbC123]\n',
    'teams/groups.yaml': 'groupPushes:\n  - oktaGroup: 00g1abc\n    dropboxGroup: Everyone\npruneGroups: true\n',
    'offboarding.yaml': [
      'offboarding:',
      '  onDeactivated:',
      '    action: remove',
      '    graceDays: 7',
      '    transferTo: Archive@Example.com',
      '    transferAdmin: Admin@Example.com',
      '  overrides:',
      '    - {oktaGroup: Legal Hold, action: suspend}',
      '',
    ].join('\n'),
    'import.yaml': 'import:\n  createUsers: true\n  profile: {nickName: givenName}\n',
    '.hidden/ignored.yaml': 'not: [valid',
    'notes.txt': 'not YAML',
  });
  const result = await load(root);
  t.same(lines(result), []);
  if (!result.ok) return t.fail('refused');
  const s = result.state;
  t.equal(result.files, 5);
  t.same(s.files, ['import.yaml', 'offboarding.yaml', 'settings.yml', 'teams/groups.yaml', 'teams/roles.yaml']);
  t.strictSame(s.provisioning.profile, { givenName: 'preferredName', surname: 'lastName', email: 'email' });
  t.strictSame(s.provisioning.protectedMembers, [{ email: 'breakglass@example.com', source: { file: 'settings.yml', line: 5, col: 22 } }]);
  t.strictSame(s.provisioning.source, { file: 'settings.yml', line: 3, col: 1 });
  t.strictSame(s.safety, {
    maxRemovals: 25,
    maxRemovalPercent: 10,
    minMembersForPercent: 30,
    minTeamAdmins: 3,
    maxGroupMemberRemovals: 100,
    maxRoleDemotions: 2,
    maxGroupDeletions: 5,
    exceptions: [
      {
        reason: 'Lyon office closes (TICKET-123)',
        maxRemovals: 180,
        maxRemovalPercent: null,
        minTeamAdmins: null,
        maxGroupMemberRemovals: null,
        maxRoleDemotions: null,
        maxGroupDeletions: 12,
        expires: '2026-11-28',
        source: { file: 'settings.yml', line: 9, col: 7 },
      },
    ],
    source: { file: 'settings.yml', line: 6, col: 1 },
  });
  t.strictSame(s.roles, [
    { role: 'support_admin', oktaGroups: [], users: ['help@example.com', '00uAbC123'], source: { file: 'teams/roles.yaml', line: 2, col: 5 } },
  ]);
  t.strictSame(s.groupPushes, [
    { oktaGroup: '00g1abc', oktaGroupPattern: null, dropboxGroup: 'Everyone', source: { file: 'teams/groups.yaml', line: 2, col: 5 } },
  ]);
  t.equal(s.pruneGroups, true);
  t.strictSame(s.offboarding.onDeactivated, {
    action: 'remove',
    graceDays: 7,
    transferTo: 'archive@example.com',
    fallbackTransferTo: null,
    transferAdmin: 'admin@example.com',
    keepAccount: false,
    retainTeamShares: false,
    wipeData: false,
    source: { file: 'offboarding.yaml', line: 2, col: 3 },
  });
  t.strictSame(s.offboarding.overrides, [{ oktaGroup: 'Legal Hold', action: 'suspend', source: { file: 'offboarding.yaml', line: 8, col: 7 } }]);
  t.strictSame(s.import, { linkMatchingUsers: true, createUsers: true, profile: { nickName: 'givenName' }, maxWrites: 50, source: { file: 'import.yaml', line: 1, col: 1 }, keySources: { createUsers: { file: 'import.yaml', line: 2, col: 3 }, profile: { file: 'import.yaml', line: 3, col: 3 } } });
});

t.test('roles: [] manages roles (everyone member_only); no roles key leaves them alone', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'settings.yaml': SETTINGS, 'roles.yaml': 'roles: []\n' });
  const result = await load(root);
  t.ok(result.ok && result.state.roles !== null && result.state.roles.length === 0);
});

t.test('keepAccount without a transfer is what Dropbox accepts', async (t) => {
  const root = t.testdir({});
  writeDir(root, {
    'settings.yaml': SETTINGS,
    'o.yaml': 'offboarding:\n  onDeactivated:\n    action: remove\n    transferTo: none\n    keepAccount: true\n    retainTeamShares: true\n',
  });
  const result = await load(root);
  t.same(lines(result), []);
  t.equal(result.ok, true);
});

t.test('aliases reuse values, and positions inside them still resolve', async (t) => {
  const root = t.testdir({});
  writeDir(root, {
    'settings.yaml': SETTINGS,
    'roles.yaml': 'x-admins: &admins [cto@acme.example]\n',
    'r.yaml': 'roles:\n  - role: team_admin\n    users: &people [cto@acme.example, bad]\n',
  });
  const result = await load(root);
  t.same(lines(result), [
    'desired-state/r.yaml:3:39: roles[0].users[1]: "bad" is neither an email nor an Okta user id (00u...)',
    'desired-state/roles.yaml:1:1: unknown top-level key "x-admins"',
  ]);
});

t.test('warnings do not fail validation', async (t) => {
  const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
    {
      name: 'a file with only comments',
      files: { 'later.yaml': '# roles will live here\n' },
      expected: ['desired-state/later.yaml:1:1: warning: file has no settings, only comments'],
    },
    {
      name: 'a member_only rule',
      files: { 'r.yaml': 'roles:\n  - role: member_only\n    users: [intern@acme.example]\n' },
      expected: ['desired-state/r.yaml:2:11: warning: roles[0].role: a member_only rule has no effect: everyone without a higher role is member_only'],
    },
    {
      name: 'a grace period with action suspend',
      files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    graceDays: 7\n' },
      expected: ['desired-state/o.yaml:3:16: warning: offboarding.onDeactivated.graceDays: has no effect unless action is remove (members are only suspended)'],
    },
    {
      name: 'a fallback with transferTo none',
      files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    transferTo: none\n    fallbackTransferTo: it-archive@acme.example\n' },
      expected: ['desired-state/o.yaml:4:25: warning: offboarding.onDeactivated.fallbackTransferTo: has no effect with transferTo: none'],
    },
    {
      name: 'a group pushed by name and by pattern under the same name',
      files: { 'g.yaml': 'groupPushes:\n  - oktaGroupPattern: "^dbx-"\n  - oktaGroup: dbx-Legal\n' },
      expected: [
        'desired-state/g.yaml:3:16: warning: groupPushes[1].oktaGroup: Okta group "dbx-Legal" is also matched by oktaGroupPattern "^dbx-" at desired-state/g.yaml:2:5; one of the two entries is enough',
      ],
    },
    {
      name: 'an unknown YAML tag',
      files: { 'o.yaml': 'offboarding:\n  managerAttribute: !attr managerId\n' },
      expected: ['desired-state/o.yaml:2:21: warning: unresolved tag: !attr'],
    },
  ];
  for (const c of cases) {
    const root = t.testdir({});
    writeDir(root, { 'settings.yaml': SETTINGS, ...c.files });
    const result = await load(root);
    t.equal(result.ok, true, c.name);
    t.same(lines(result), c.expected, c.name);
  }
});

t.test('an exception is valid through its expiry day and refused the day after', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'settings.yaml': SETTINGS, 's.yaml': 'safety:\n  exceptions:\n    - {reason: move, maxRemovals: 40, expires: 2026-12-31}\n' });
  t.equal((await load(root, new Date('2026-12-31T23:59:59Z'))).ok, true);
  t.equal((await load(root, new Date('2027-01-01T00:00:00Z'))).ok, false);
});

t.test('paths in messages: relative to the working directory when the directory is under it, else as given', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'bad.yaml': 'version: 3\nokta: {appId: 0oa1}\n' });
  const inside = await loadDesiredState('./desired-state/', { now: NOW, cwd: root });
  t.same(lines(inside), ['desired-state/bad.yaml:1:10: unsupported version 3; this dbxsync reads version 1']);
  const fromWithin = await loadDesiredState('.', { now: NOW, cwd: path.join(root, 'desired-state') });
  t.same(lines(fromWithin), ['bad.yaml:1:10: unsupported version 3; this dbxsync reads version 1']);
  const absolute = path.join(root, 'desired-state');
  const outside = await loadDesiredState(absolute, { now: NOW, cwd: path.join(root, 'elsewhere') });
  t.same(lines(outside), [`${absolute}/bad.yaml:1:10: unsupported version 3; this dbxsync reads version 1`]);
});

t.test('requireDesiredState: the state, or a ConfigError carrying every formatted line', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'settings.yaml': SETTINGS });
  const ok = await requireDesiredState('desired-state', { now: NOW, cwd: root });
  t.equal(ok.state.okta.appId, '0oa1dropbox2bus3ness');
  writeDir(root, { 'r.yaml': 'roles: [1]\n' });
  const err = await requireDesiredState('desired-state', { now: NOW, cwd: root }).catch((e: unknown) => e);
  t.ok(err instanceof ConfigError);
  t.same((err as ConfigError).problems, ['desired-state/r.yaml:1:9: roles[0]: must be a mapping (key: value lines), got the number 1']);
});

t.test('defaultDesiredState equals what a directory holding only the app id loads to', async (t) => {
  const { defaultDesiredState } = await import('../../src/config/index.js');
  const root = t.testdir({});
  writeDir(root, { 'settings.yaml': SETTINGS });
  const result = await load(root);
  if (!result.ok) return t.fail('refused');
  const { files: _files, import: { keySources: _keys, ...importRest }, ...loaded } = result.state;
  const { files: _f, ...defaults } = defaultDesiredState(result.state.okta.appId, result.state.okta.source);
  t.strictSame({ ...defaults }, { ...loaded, import: importRest });
});

t.test('reconcile classes and the daily removal brake: values kept, a class not applied is held, perDay defaults to maxRemovals', async (t) => {
  const root = t.testdir({});
  writeDir(root, {
    'settings.yaml': `${SETTINGS}safety:\n  maxRemovals: 7\nreconcile:\n  apply: [join, rolePromotion]\n  hold: [leave]\n`,
  });
  const result = await load(root);
  t.same(lines(result), []);
  if (!result.ok) return t.fail('refused');
  t.strictSame(result.state.reconcile, {
    apply: ['join', 'rolePromotion'],
    hold: ['leave', 'suspend', 'reactivate', 'profile', 'groupMembership', 'groupCreate', 'groupRename', 'groupDelete'],
    maxRemovalsPerDay: 7,
    source: { file: 'settings.yaml', line: 6, col: 1 },
  });
  const root2 = t.testdir({});
  writeDir(root2, { 'settings.yaml': `${SETTINGS}safety:\n  maxRemovalsPerDay: 3\nreconcile:\n  hold: [profile]\n` });
  const second = await load(root2);
  if (!second.ok) return t.fail('refused');
  t.equal(second.state.reconcile.maxRemovalsPerDay, 3);
  t.strictSame(second.state.reconcile.apply, ['join', 'leave', 'suspend', 'reactivate', 'groupMembership']);
});
