/**
 * dumpDesiredState on plain data: which groups are pushed and which are left alone (and why), who
 * keeps which role, who is held back from offboarding, the settings, and for every case the round
 * trip: the files load cleanly and the plan against the same team holds nothing destructive.
 */
import t from 'tap';
import { parse } from 'yaml';
import { dumpContent, dumpDesiredState, DUMP_FILES } from '../../src/dump/index.js';
import { APP_ID, emailOf, oktaIdOf, shuffledInput, team, type TeamBuilder } from '../helpers/builders.js';
import { roundTrip } from './round-trip.js';

interface Expect {
  /** groupPushes as written. */
  readonly pushes?: readonly Record<string, string>[];
  /** Regular expressions the groups.yaml comments must hold (left-alone reasons, additions). */
  readonly groupsText?: readonly RegExp[];
  /** roles as written: role → users. */
  readonly roles?: Readonly<Record<string, readonly string[]>>;
  readonly rolesText?: readonly RegExp[];
  readonly protectedMembers?: readonly string[];
  readonly settingsText?: readonly RegExp[];
  /** Kinds the first plan holds (non-destructive ones the case is about). */
  readonly planHas?: readonly string[];
}

interface Case {
  readonly name: string;
  readonly team: () => TeamBuilder;
  readonly expect: Expect;
}

const base = (): TeamBuilder => team().person('it.admin', { dropbox: { role: 'team_admin' } }).authenticatedAdmin('it.admin');

const cases: Case[] = [
  {
    name: 'a Dropbox group named like an Okta group with the same members: pushed by name',
    team: () => base().person('ada', { okta: { groups: ['Engineering'] } }).person('bob', { okta: { groups: ['Engineering'] } }).dropboxGroup('Engineering', { members: ['ada', 'bob'] }),
    expect: { pushes: [{ oktaGroup: 'Engineering' }], groupsText: [/Engineering has the same name: adopted/], planHas: ['group.rename'] },
  },
  {
    name: 'a group holding a member outside the Okta group: left alone, naming whom a push would remove',
    team: () =>
      base()
        .person('ada', { okta: { groups: ['Engineering'] } })
        .person('bob')
        .dropboxGroup('Engineering', { members: ['ada', 'bob'] }),
    expect: { pushes: [], groupsText: [/#   - Engineering: pushing Okta group Engineering would remove 1 member who is not in it: bob@acme\.example/] },
  },
  {
    name: 'many would-be removals: the comment names five and counts the rest',
    team: () =>
      base()
        .people(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'])
        .group('Sales')
        .dropboxGroup('Sales', { members: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] }),
    expect: { pushes: [], groupsText: [/would remove 7 members who are not in it: p1@acme\.example, .*p5@acme\.example and 2 more/] },
  },
  {
    name: 'a group missing people of the Okta group: pushed, and the comment says the first plan adds them',
    team: () =>
      base()
        .person('ada', { okta: { groups: ['Engineering'] } })
        .person('bob', { okta: { groups: ['Engineering'] } })
        .dropboxGroup('Engineering', { members: ['ada'] }),
    expect: { pushes: [{ oktaGroup: 'Engineering' }], groupsText: [/the first plan adds 1 team member of the Okta group to it/], planHas: ['group.members.add'] },
  },
  {
    name: 'a group carrying okta:<id> under another name: pushed with dropboxGroup, not renamed',
    team: () => base().person('ada', { okta: { groups: ['Sales'] } }).dropboxGroup('Sales Team', { markerOf: 'Sales', members: ['ada'] }),
    expect: { pushes: [{ oktaGroup: 'Sales', dropboxGroup: 'Sales Team' }], groupsText: [/Sales Team carries this Okta group's id/] },
  },
  {
    name: 'an Okta group name that two groups share: a marker group is pushed by Okta id',
    team: () =>
      base()
        .person('ada', { okta: { groups: ['Sales'] } })
        .group('Sales (EMEA)', { id: '00gsalesemea' })
        .dropboxGroup('Sales', { externalId: 'okta:00gsales', members: ['ada'] })
        .dropboxGroup('Old Sales', { externalId: 'okta:00gsalesemea' }),
    expect: { pushes: [{ oktaGroup: 'Sales (EMEA)', dropboxGroup: 'Old Sales' }, { oktaGroup: 'Sales' }] },
  },
  {
    name: 'a marker whose Okta group was deleted, and the external id of another tool: both left alone',
    team: () => base().dropboxGroup('Gone', { externalId: 'okta:00gdeleted' }).dropboxGroup('Imported', { externalId: 'scim-42' }),
    expect: {
      pushes: [],
      groupsText: [/Gone: carries okta:00gdeleted, an Okta group that no longer exists/, /Imported: carries the external id "scim-42", which is not dbxsync's okta:<id> marker/],
    },
  },
  {
    name: 'no Okta group of that name, a system-managed group: left alone',
    team: () => base().dropboxGroup('Book Club', { members: ['it.admin'] }).dropboxGroup('Everyone at Acme', { managementType: 'system_managed' }),
    expect: { pushes: [], groupsText: [/Book Club: no Okta group has this name/, /Everyone at Acme: system-managed by Dropbox/] },
  },
  {
    name: 'an Okta group that assigns the app: not pushed too (Okta calls that unsupported)',
    team: () => base().person('ada', { okta: { assigned: 'Dropbox Users' } }).dropboxGroup('Dropbox Users', { members: ['ada'] }),
    expect: { pushes: [], groupsText: [/Dropbox Users: Okta group Dropbox Users assigns the Dropbox app/] },
  },
  {
    name: 'a member Okta does not know, in a pushed group: the push stays (unmanaged members keep their groups)',
    team: () => base().person('ada', { okta: { groups: ['Engineering'] } }).person('ghost', { okta: false }).dropboxGroup('Engineering', { members: ['ada', 'ghost'] }),
    expect: { pushes: [{ oktaGroup: 'Engineering' }], planHas: ['group.rename'] },
  },
  {
    name: 'Dropbox group names that differ only in case: neither is adopted by name',
    team: () => base().group('Legal').dropboxGroup('Legal').dropboxGroup('LEGAL', { groupId: 'g:legal2' }),
    expect: { pushes: [], groupsText: [/Legal: another Dropbox group has the same name apart from case/] },
  },
  {
    name: 'a group adopted by marker and one of the same Okta group by name: only the marker one is pushed',
    team: () => base().group('Ops').dropboxGroup('Ops Team', { markerOf: 'Ops' }).dropboxGroup('Ops'),
    expect: { pushes: [{ oktaGroup: 'Ops', dropboxGroup: 'Ops Team' }], groupsText: [/Ops: another Dropbox group carries okta:00gops, the marker of Okta group Ops/] },
  },
  {
    name: 'two marker groups whose names differ only in case: the second is left alone',
    team: () => base().group('Ops').group('Ops EU').dropboxGroup('OPS', { markerOf: 'Ops EU', groupId: 'g:ops-eu' }).dropboxGroup('Ops', { markerOf: 'Ops' }),
    expect: { pushes: [{ oktaGroup: 'Ops EU', dropboxGroup: 'OPS' }], groupsText: [/Ops: another Dropbox group of the same name apart from case is pushed already/] },
  },
  {
    name: 'an Okta group whose members were not read: left alone rather than guessed',
    team: () => base().group('Finance', { membersUnknown: true }).dropboxGroup('Finance'),
    expect: { pushes: [], groupsText: [/Finance: the members of Okta group Finance could not be compared/] },
  },
  {
    name: 'a team with no admin in the managed roles: roles: [] (nobody to keep)',
    team: () => team().person('ada').person('bob', { dropbox: { role: 'member_only', otherRoles: ['Billing admin'] } }),
    expect: { roles: {}, rolesText: [/^roles: \[\]$/m] },
  },
  {
    name: 'one Okta user behind two admin accounts: the account dbxsync manages keeps its role, the other is left alone',
    team: () =>
      base()
        .person('dual', { dropbox: { role: 'support_admin' } })
        .person('dual.alt', { okta: false, dropbox: { role: 'team_admin', email: 'dual@acme.example', teamMemberId: 'dbmid:dualalt', externalId: null } }),
    expect: { roles: { team_admin: [emailOf('it.admin')], support_admin: [emailOf('dual')] } },
  },
  {
    name: 'admins keep their roles, listed by Okta email under the role they hold',
    team: () =>
      base()
        .person('cto', { dropbox: { role: 'team_admin' } })
        .person('helpdesk', { dropbox: { role: 'support_admin' } })
        .person('hr', { dropbox: { role: 'user_management_admin', status: 'suspended' } })
        .person('ada'),
    expect: {
      roles: {
        team_admin: [emailOf('cto'), emailOf('it.admin')],
        user_management_admin: [emailOf('hr')],
        support_admin: [emailOf('helpdesk')],
      },
    },
  },
  {
    name: 'an admin whose Okta email differs from Dropbox: the Okta email, with a note',
    team: () => base().person('old.name', { okta: { email: 'new.name@acme.example' }, dropbox: { role: 'support_admin' } }),
    expect: { roles: { team_admin: [emailOf('it.admin')], support_admin: ['new.name@acme.example'] }, rolesText: [/# Okta user 00uoldname; Dropbox has old\.name@acme\.example/] },
  },
  {
    name: 'an admin whose Okta email another Okta user shares: listed by Okta id, nobody promoted',
    team: () =>
      base()
        .person('twin.a', { okta: { email: 'twin@acme.example' }, dropbox: { role: 'team_admin', email: 'twin.a@acme.example' } })
        .person('twin.b', { okta: { email: 'twin@acme.example' }, dropbox: { email: 'twin.b@acme.example' } }),
    expect: { roles: { team_admin: [oktaIdOf('twin.a'), emailOf('it.admin')] }, rolesText: [/another Okta user also answers to twin@acme\.example/] },
  },
  {
    name: 'an admin Okta does not know: listed by Dropbox email, so the role holds once Okta knows them',
    team: () => base().person('contractor', { okta: false, dropbox: { role: 'support_admin' } }),
    expect: { roles: { team_admin: [emailOf('it.admin')], support_admin: [emailOf('contractor')] }, rolesText: [/no Okta user matches this member yet/] },
  },
  {
    name: 'a leaver still active in Dropbox: held back under protectedMembers, not suspended',
    team: () => base().person('leaver', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-16T09:00:00.000Z' } }),
    expect: {
      protectedMembers: [emailOf('it.admin'), emailOf('leaver')],
      settingsText: [/Held back on adoption: DEPROVISIONED in Okta since 2026-11-16 \(00uleaver\)/],
    },
  },
  {
    name: 'Okta SUSPENDED with a pending invitation (offboarding would remove it): held back',
    team: () => base().person('paused', { okta: { status: 'SUSPENDED' }, dropbox: { status: 'invited' } }),
    expect: { protectedMembers: [emailOf('it.admin'), emailOf('paused')] },
  },
  {
    name: 'a leaver already suspended in Dropbox: nothing to hold back',
    team: () => base().person('gone', { okta: { status: 'DEPROVISIONED' }, dropbox: { status: 'suspended' } }),
    expect: { protectedMembers: [emailOf('it.admin')] },
  },
  {
    name: 'active in Okta but not assigned, and unknown to Okta: left alone (unassigned: ignore, unmanagedMembers: report)',
    team: () => base().person('unassigned', { okta: { assigned: false } }).person('stranger', { okta: false }),
    expect: { protectedMembers: [emailOf('it.admin')], settingsText: [/^  unassigned: ignore$/m, /^  unmanagedMembers: report$/m] },
  },
  {
    name: 'Okta people not in Dropbox yet: the first plan adds them (adoption is not destructive)',
    team: () => base().person('new.hire', { dropbox: false }),
    expect: { planHas: ['member.add'] },
  },
  {
    name: 'group and people names YAML would misread: quoted, and they round-trip',
    team: () =>
      base()
        .person('ada', { okta: { groups: ['R&D: #1'] } })
        .dropboxGroup('R&D: #1', { members: ['ada'] })
        .group('yes')
        .dropboxGroup('no', { markerOf: 'yes' }),
    expect: { pushes: [{ oktaGroup: 'R&D: #1' }, { oktaGroup: 'yes', dropboxGroup: 'no' }] },
  },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const input = c.team().build();
    const rt = await roundTrip({ okta: input.okta, dropbox: input.dropbox });
    t.same(rt.harm, [], 'the first plan holds nothing destructive, no role change, no safety refusal');
    t.same(rt.warnings, [], 'the files load without a warning');
    const e = c.expect;
    const pushes = (rt.yaml.groupPushes ?? []) as Record<string, string>[];
    if (e.pushes !== undefined) t.same(pushes, e.pushes, 'groupPushes');
    for (const re of e.groupsText ?? []) t.match(rt.files['groups.yaml'], re);
    if (e.roles !== undefined) {
      const roles = Object.fromEntries((rt.yaml.roles as { role: string; users: string[] }[]).map((r) => [r.role, r.users]));
      t.same(roles, e.roles, 'roles');
    }
    for (const re of e.rolesText ?? []) t.match(rt.files['roles.yaml'], re);
    const provisioning = rt.yaml.provisioning as { protectedMembers: string[] };
    if (e.protectedMembers !== undefined) t.same(provisioning.protectedMembers, e.protectedMembers, 'protectedMembers');
    for (const re of e.settingsText ?? []) t.match(rt.files['settings.yaml'], re);
    const kinds = new Set(rt.plan.actions.map((a) => a.kind));
    for (const k of e.planHas ?? []) t.ok(kinds.has(k as never), `the plan holds ${k}`);
    t.equal(rt.yaml.pruneGroups, false);
  });
}

t.test('a Dropbox group named like two Okta groups is left alone with both ids', async (t) => {
  const input = base().group('Design', { id: '00gdesign1' }).group('Design2', { id: '00gdesign2' }).dropboxGroup('Design').build();
  const okta = { ...input.okta, groups: input.okta.groups.map((g) => (g.id === '00gdesign2' ? { ...g, name: 'Design' } : g)) };
  const rt = await roundTrip({ okta, dropbox: input.dropbox });
  t.same(rt.yaml.groupPushes, []);
  t.match(rt.files['groups.yaml'], /Design: 2 Okta groups have this name \(00gdesign1, 00gdesign2\); push one by id if you mean to/);
  t.same(rt.harm, []);
});

t.test('settings: version, app id, safe provisioning and safety defaults; offboarding never removes', async (t) => {
  const input = base().person('cto', { dropbox: { role: 'team_admin' } }).build();
  const files = dumpDesiredState({ okta: input.okta, dropbox: input.dropbox, appId: '0oaOTHER' });
  t.same(Object.keys(files).sort(), [...DUMP_FILES].sort());
  for (const name of DUMP_FILES) t.match(files[name], /^# yaml-language-server: \$schema=\.\.\/node_modules\/dbxsync\/schemas\/desired-state\.schema\.json\n/, `${name} starts with the schema line (a path that resolves where dbxsync is installed)`);
  const settings = parse(files['settings.yaml']);
  t.same(settings, {
    version: 1,
    okta: { appId: '0oaOTHER' },
    provisioning: {
      sendWelcomeEmail: false,
      profile: { givenName: 'firstName', surname: 'lastName', email: 'email' },
      unassigned: 'ignore',
      unmanagedMembers: 'report',
      protectedMembers: [emailOf('it.admin')],
    },
    safety: { maxRemovals: 25, maxRemovalPercent: 10, minTeamAdmins: 2 },
  });
  t.same(parse(files['offboarding.yaml']), {
    offboarding: {
      onSuspended: { action: 'suspend', wipeData: false },
      onDeactivated: { action: 'suspend', graceDays: 0, transferTo: 'manager', transferAdmin: emailOf('it.admin'), keepAccount: false, retainTeamShares: false, wipeData: false },
      managerAttribute: 'managerId',
    },
  });
});

t.test('without the token admin known: no protected member, no transferAdmin, and it still loads', async (t) => {
  const input = team().person('solo', { dropbox: { role: 'team_admin' } }).build();
  const rt = await roundTrip({ okta: input.okta, dropbox: input.dropbox });
  t.same((rt.yaml.provisioning as { protectedMembers: string[] }).protectedMembers, []);
  t.notMatch(rt.files['offboarding.yaml'], /transferAdmin/);
  t.equal((rt.yaml.safety as { minTeamAdmins: number }).minTeamAdmins, 1, 'one team admin today: minTeamAdmins 1');
  t.same(rt.harm, []);
  t.same(rt.warnings, []);
});

t.test('the same team in another order gives byte-equal files', async (t) => {
  const input = base()
    .person('ada', { okta: { groups: ['Engineering', 'Sales'] }, dropbox: { role: 'support_admin' } })
    .person('bob', { okta: { groups: ['Engineering'] } })
    .person('cy', { okta: { status: 'DEPROVISIONED' } })
    .person('dee', { okta: { status: 'SUSPENDED' } })
    .dropboxGroup('Engineering', { members: ['ada', 'bob'] })
    .dropboxGroup('Sales', { members: ['ada', 'bob'] })
    .dropboxGroup('Misc')
    .build();
  const first = dumpDesiredState({ okta: input.okta, dropbox: input.dropbox, appId: APP_ID });
  for (const seed of [1, 2, 3]) {
    const shuffled = shuffledInput(input, seed);
    t.same(dumpDesiredState({ okta: shuffled.okta, dropbox: shuffled.dropbox, appId: APP_ID }), first, `shuffle ${seed}`);
  }
});

t.test('an admin account whose email two Okta users carry: not listed (naming it would promote both)', async (t) => {
  const input = base()
    .person('shared.a', { okta: { email: 'shared@acme.example' }, dropbox: false })
    .person('shared.b', { okta: { email: 'shared@acme.example' }, dropbox: false })
    .person('shared', { okta: false, dropbox: { role: 'team_admin', externalId: null } })
    .build();
  const files = dumpDesiredState({ okta: input.okta, dropbox: input.dropbox, appId: APP_ID });
  t.same(parse(files['roles.yaml']).roles, [{ role: 'team_admin', users: [emailOf('it.admin')] }]);
});

t.test('an admin whose Okta email is not an address: listed by Okta id', async (t) => {
  const input = base().person('odd', { okta: { email: 'odd-at-nowhere' }, dropbox: { role: 'support_admin' } }).build();
  const rt = await roundTrip({ okta: input.okta, dropbox: input.dropbox });
  t.same((rt.yaml.roles as { users: string[] }[])[1]!.users, [oktaIdOf('odd')]);
  t.match(rt.files['roles.yaml'], /its Okta email is not usable/);
  // The planner refuses to copy the unusable address into Dropbox (a safety violation of its own); nothing destructive.
  t.same(rt.harm.filter((h) => !h.startsWith('safety:')), []);
});

t.test('identities the planner refuses to guess are named, and nothing else is', async (t) => {
  const input = base()
    .person('fine')
    .person('twin.a', { okta: { email: 'twin@acme.example' }, dropbox: false })
    .person('twin.b', { okta: { email: 'twin@acme.example' }, dropbox: false })
    .person('twin', { okta: false, dropbox: { externalId: null } })
    .person('double', { dropbox: { externalId: null } })
    .person('double.alt', { okta: false, dropbox: { email: 'double@acme.example', teamMemberId: 'dbmid:doublealt', externalId: null } })
    .person('shadow', {})
    .person('shadow.alt', { okta: false, dropbox: { email: 'shadow@acme.example', teamMemberId: 'dbmid:shadowalt', externalId: null } })
    .build();
  const content = dumpContent({ okta: input.okta, dropbox: input.dropbox, appId: APP_ID });
  t.same(content.identityProblems, [
    'Dropbox member twin@acme.example matches 2 Okta users by email (00utwina, 00utwinb): set its external id to the right Okta id',
    'Okta user 00udouble matches 2 Dropbox members (dbmid:double, dbmid:doublealt): nothing is planned for them',
  ]);
});

t.test('group names with a newline, an escape or a bidi override: the dump is valid YAML and validates (issue 12 item 9)', async (t) => {
  // Dropbox names are anyone's input (user-managed groups, the admin console): each line must still parse.
  const input = base()
    .group('Ops\nTeam', { id: '00gops0001' })
    .dropboxGroup('Ops\nTeam')
    .group('Plain', { id: '00gplain001' })
    .dropboxGroup('Plain')
    .group('Sales\u202Eselas', { id: '00gsales001' })
    .dropboxGroup('Sales\u202Eselas')
    .group('Esc\u001b[2J', { id: '00gesc00001' })
    .dropboxGroup('Esc\u001b[2J')
    .build();
  const rt = await roundTrip(input); // throws unless every file parses and the whole validates without a problem
  for (const [name, text] of Object.entries(rt.files)) t.doesNotThrow(() => parse(text), `${name} is YAML`);
  t.same(
    (rt.yaml.groupPushes as { oktaGroup: string }[]).map((p) => p.oktaGroup),
    ['Plain'],
    'only the plain name is pushed; the others would be refused by validate',
  );
  t.match(rt.files['groups.yaml'], /Ops Team: its name holds a control or bidirectional formatting character \(U\+000A at character 4\)/);
  t.match(rt.files['groups.yaml'], /U\+202E at character 6/);
  t.notMatch(rt.files['groups.yaml'], /[\u001b\u202e]/, 'no escape or bidi control even in comments');
  t.same(rt.harm, []);
});
