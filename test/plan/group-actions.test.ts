import t from 'tap';
import type { DropboxGroup } from '../../src/domain/live.js';
import { groupsToPrune, indexDropboxGroups, matchDropboxGroup, whyNameTaken, type DropboxGroupMatch } from '../../src/plan/group-actions.js';
import { planDropboxChanges } from '../../src/plan/index.js';
import { dropboxGroup, groupPush, oktaGroup, team } from '../helpers/builders.js';
import { actionsOf, kinds, runCases, type Case } from './plan-helpers.js';

const pushEngineering = { groupPushes: [groupPush({ oktaGroup: 'Engineering' })] };

const cases: Case[] = [
  {
    name: 'a pushed Okta group without a Dropbox group: group.create (company_managed, okta: marker), then its members added',
    team: () => team().person('ada', { okta: { groups: ['Engineering'] } }).person('bob', { okta: { groups: ['Engineering'] } }).settings(pushEngineering),
    expect: (t, plan) => {
      t.match(actionsOf(plan, 'group.create'), [
        { id: 'group.create:00gengineering', group: { groupId: null, name: 'Engineering', externalId: 'okta:00gengineering' }, oktaGroupId: '00gengineering', managementType: 'company_managed' },
      ]);
      const [add] = actionsOf(plan, 'group.members.add');
      t.match(add, { id: 'group.members.add:00gengineering', group: { groupId: null }, dependsOn: ['group.create:00gengineering'] });
      t.same(add?.members.map((m) => m.email), ['ada@acme.example', 'bob@acme.example']);
    },
  },
  {
    name: 'a new hire in a pushed group: the group add references the member.add',
    team: () => team().person('new', { dropbox: false, okta: { groups: ['Engineering'] } }).dropboxGroup('Engineering', { externalId: 'marker' }).settings(pushEngineering),
    expect: (t, plan) => {
      t.same(kinds(plan), ['member.add', 'group.members.add']);
      t.match(actionsOf(plan, 'group.members.add')[0], { dependsOn: ['member.add:00unew'], members: [{ email: 'new@acme.example', teamMemberId: null, oktaUserId: '00unew' }] });
    },
  },
  {
    name: 'an Okta rename: the Dropbox group carrying the marker is renamed, not deleted and re-created',
    team: () => team().group('dbx-Marketing').dropboxGroup('dbx-Brand', { markerOf: 'dbx-Marketing' }).settings({ groupPushes: [groupPush({ pattern: '^dbx-' })] }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['group.rename']);
      t.match(actionsOf(plan, 'group.rename')[0], { id: 'group.rename:00gdbxmarketing', from: 'dbx-Brand', to: 'dbx-Marketing', newExternalId: null, group: { groupId: 'g:dbxbrand' } });
    },
  },
  {
    name: 'an Okta rename onto a name another Dropbox group holds: a warning, no rename, membership still managed',
    team: () =>
      team()
        .person('ada', { okta: { groups: ['dbx-Marketing'] } })
        .dropboxGroup('dbx-Brand', { markerOf: 'dbx-Marketing' })
        .dropboxGroup('dbx-Marketing', { externalId: 'scim:1' })
        .settings({ groupPushes: [groupPush({ pattern: '^dbx-' })] }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['group.members.add']);
      t.match(plan.warnings.find((w) => w.code === 'group_name_clash'), { message: /should rename Dropbox group dbx-Brand to dbx-Marketing, but another Dropbox group \(g:dbxmarketing\) has that name/ });
    },
  },
  {
    name: 'a group carrying the marker that is system-managed is left alone',
    team: () => team().group('Everyone').dropboxGroup('Everyone', { externalId: 'marker', managementType: 'system_managed' }).settings({ groupPushes: [groupPush({ oktaGroup: 'Everyone' })], pruneGroups: true }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'an existing Dropbox group of the same name without external id is adopted (rename with the marker, same name)',
    team: () => team().person('ada', { okta: { groups: ['Engineering'] } }).dropboxGroup('Engineering', { members: ['ada'] }).settings(pushEngineering),
    expect: (t, plan) => {
      t.same(kinds(plan), ['group.rename']);
      t.match(actionsOf(plan, 'group.rename')[0], { from: 'Engineering', to: 'Engineering', newExternalId: 'okta:00gengineering', reason: /adopted/ });
    },
  },
  {
    name: 'dropboxGroup gives the Dropbox name',
    team: () => team().group('Sales').settings({ groupPushes: [groupPush({ oktaGroup: 'Sales', dropboxGroup: 'Sales Team' })] }),
    expect: (t, plan) => t.match(actionsOf(plan, 'group.create'), [{ group: { name: 'Sales Team', externalId: 'okta:00gsales' } }]),
  },
  {
    name: 'a pattern pushes every matching Okta group',
    team: () => team().group('dbx-Finance').group('dbx-Legal').group('Finance').settings({ groupPushes: [groupPush({ pattern: '^dbx-' })] }),
    expect: (t, plan) => t.same(actionsOf(plan, 'group.create').map((a) => a.group.name), ['dbx-Finance', 'dbx-Legal']),
  },
  {
    name: 'a name clash with a group that has another external id: a warning, no create, no change',
    team: () => team().group('Engineering').dropboxGroup('Engineering', { externalId: 'scim:42' }).settings(pushEngineering),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.warnings.find((w) => w.code === 'group_name_clash'), { message: /carries another external id \(scim:42\)/, source: 'groups.yaml:2:3' });
    },
  },
  {
    name: 'a name clash that differs only by case: a warning, no create',
    team: () => team().group('Engineering').dropboxGroup('engineering').settings(pushEngineering),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.ok(plan.warnings.some((w) => w.code === 'group_name_clash'));
    },
  },
  {
    name: 'a system-managed group is never touched',
    team: () => team().group('Everyone').dropboxGroup('Everyone', { managementType: 'system_managed' }).settings({ groupPushes: [groupPush({ oktaGroup: 'Everyone' })] }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.warnings.find((w) => w.code === 'group_name_clash'), { message: /system-managed/ });
    },
  },
  {
    // team_groups.stone GroupManagementType: user_managed = "A group which is managed by selected
    // users", company_managed = "A group which is managed by team admins only". Adopting one took it
    // over and removed every member (owners included) not in the Okta group (issue 10 item 5).
    name: 'a user-managed group with the pushed name is not adopted: a warning, no membership change',
    team: () =>
      team()
        .person('ada', { okta: { groups: ['Engineering'] } })
        .person('owner')
        .dropboxGroup('Engineering', { members: ['owner'], managementType: 'user_managed' })
        .settings(pushEngineering),
    expect: (t, plan) => {
      t.same(plan.actions, [], 'no rename, no member added or removed');
      t.match(plan.warnings.find((w) => w.code === 'group_name_clash'), { message: /is user-managed \(its owners manage it\); not created, not changed/, source: 'groups.yaml:2:3' });
    },
  },
  {
    name: 'a user-managed group carrying the marker is left alone, and never pruned',
    team: () =>
      team()
        .person('ada', { okta: { groups: ['Engineering'] } })
        .person('owner')
        .dropboxGroup('Engineering', { markerOf: 'Engineering', members: ['owner'], managementType: 'user_managed' })
        .dropboxGroup('Old', { externalId: 'okta:00gold', managementType: 'user_managed' })
        .settings({ ...pushEngineering, pruneGroups: true }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.warnings.find((w) => w.code === 'group_name_clash'), { message: /carries okta:00gengineering but is user-managed/ });
    },
  },
  {
    name: 'membership follows Okta: suspended and invited members are included, leavers of the Okta group removed',
    team: () =>
      team()
        .person('ada', { okta: { groups: ['Engineering'] } })
        .person('sus', { okta: { groups: ['Engineering'], status: 'SUSPENDED' }, dropbox: { status: 'suspended' } })
        .person('inv', { okta: { groups: ['Engineering'] }, dropbox: { status: 'invited' } })
        .person('moved.on')
        .dropboxGroup('Engineering', { externalId: 'marker', members: ['ada', 'moved.on'] })
        .settings(pushEngineering),
    expect: (t, plan) => {
      t.same(actionsOf(plan, 'group.members.add')[0]?.members.map((m) => m.teamMemberId), ['dbmid:inv', 'dbmid:sus']);
      t.same(actionsOf(plan, 'group.members.remove')[0]?.members.map((m) => m.teamMemberId), ['dbmid:movedon']);
      t.match(actionsOf(plan, 'group.members.remove')[0], { id: 'group.members.remove:00gengineering', reversibility: 'reversible' });
    },
  },
  {
    name: 'unmanaged members in a pushed group are left where they are',
    team: () => team().person('stranger', { okta: false }).group('Engineering').dropboxGroup('Engineering', { externalId: 'marker', members: ['stranger'] }).settings(pushEngineering),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'members removed from the team in this plan get no group.members.remove (the membership goes with them)',
    team: () =>
      team()
        .person('leaver', { okta: { status: 'DEPROVISIONED' } })
        .group('Engineering')
        .dropboxGroup('Engineering', { externalId: 'marker', members: ['leaver'] })
        .settings({ ...pushEngineering, safety: { maxRemovalPercent: 100 }, offboarding: { onDeactivated: { action: 'remove', transferTo: 'none' } } }),
    expect: (t, plan) => t.same(kinds(plan), ['member.remove']),
  },
  {
    name: 'an Okta group whose members were not read: a warning, and the Dropbox membership is left as it is',
    team: () => team().person('ada').group('Engineering', { membersUnknown: true }).dropboxGroup('Engineering', { externalId: 'marker', members: ['ada'] }).settings(pushEngineering),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.ok(plan.warnings.some((w) => w.code === 'okta_group_members_unknown'));
    },
  },
  {
    name: 'an Okta group that both assigns the app and is pushed: allowed, with a warning',
    team: () => team().person('c', { okta: { assigned: 'Contractors' } }).dropboxGroup('Contractors', { externalId: 'marker', members: ['c'] }).settings({ groupPushes: [groupPush({ oktaGroup: 'Contractors' })] }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.warnings.find((w) => w.code === 'assigned_and_pushed'), { message: /Contractors both assigns the Dropbox app and is pushed/, source: 'groups.yaml:2:3' });
    },
  },
  {
    name: 'a push naming an Okta group that does not exist: a warning',
    team: () => team().settings({ groupPushes: [groupPush({ oktaGroup: 'Nope', line: 7 })] }),
    expect: (t, plan) => t.match(plan.warnings.find((w) => w.code === 'okta_group_not_found'), { source: 'groups.yaml:7:3' }),
  },
  {
    name: 'pruneGroups true: a group dbxsync created that no push names any more is deleted (irreversible)',
    team: () => team().group('Old').dropboxGroup('Old', { externalId: 'marker' }).settings({ pruneGroups: true }),
    expect: (t, plan) => t.match(actionsOf(plan, 'group.delete'), [{ id: 'group.delete:g:old', group: { groupId: 'g:old', externalId: 'okta:00gold' }, reversibility: 'irreversible', reason: /pruneGroups: true/ }]),
  },
  {
    name: 'pruneGroups false (the default): nothing is deleted',
    team: () => team().group('Old').dropboxGroup('Old', { externalId: 'marker' }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'groups without the okta: marker are never deleted or changed, even with pruneGroups',
    team: () => team().person('ada').dropboxGroup('Hand made', { members: ['ada'] }).dropboxGroup('Other tool', { externalId: 'scim:7' }).settings({ pruneGroups: true }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'a pushed group is never pruned',
    team: () => team().group('Engineering').dropboxGroup('Engineering', { externalId: 'marker' }).settings({ ...pushEngineering, pruneGroups: true }),
    expect: (t, plan) => t.same(plan.actions, []),
  },
  {
    name: 'two pushes of one Okta group under different names: the first wins, with a warning',
    team: () => team().group('Sales').settings({ groupPushes: [groupPush({ oktaGroup: 'Sales', line: 2 }), groupPush({ oktaGroup: 'Sales', dropboxGroup: 'Sales Team', line: 4 })] }),
    expect: (t, plan) => {
      t.same(actionsOf(plan, 'group.create').map((a) => a.group.name), ['Sales']);
      t.ok(plan.warnings.some((w) => w.code === 'group_push_conflict'));
    },
  },
  {
    name: 'two Okta groups pushed to one Dropbox name: the second is skipped, and pruning spares its group',
    team: () =>
      team()
        .group('Sales')
        .group('Sales EU')
        .dropboxGroup('Old Sales EU', { markerOf: 'Sales EU' })
        .settings({ groupPushes: [groupPush({ pattern: '^Sales', dropboxGroup: 'Sales' })], pruneGroups: true }),
    expect: (t, plan) => {
      t.same(actionsOf(plan, 'group.delete'), []);
      t.ok(plan.warnings.some((w) => w.code === 'group_push_conflict'));
    },
  },
];

runCases(t, cases);

t.test('a push naming two Okta groups of one name is skipped with a warning, and pruning spares their groups', async (t) => {
  const input = team()
    .group('Ops', { id: '00gops1' })
    .dropboxGroup('Ops', { externalId: 'okta:00gops1' })
    .settings({ groupPushes: [groupPush({ oktaGroup: 'Ops' })], pruneGroups: true })
    .build();
  const twin = oktaGroup('Ops', [], { id: '00gops2' });
  const p = planDropboxChanges({ ...input, okta: { ...input.okta, groups: [...input.okta.groups, twin] } });
  t.same(p.actions, []);
  t.match(p.warnings.find((w) => w.code === 'okta_group_ambiguous'), { message: /2 Okta groups are named "Ops"; name the one to push by id \(00gops1, 00gops2\)/ });
});

t.test('groupsToPrune: only company-managed groups with the okta: marker of an Okta group no push names', async (t) => {
  const named = new Set(['00gpushed']);
  const rows: [string, DropboxGroup, boolean][] = [
    ['the marker of an Okta group no push names: pruned', dropboxGroup('Old', [], { externalId: 'okta:00gold' }), true],
    ['the marker of a pushed Okta group: kept', dropboxGroup('Pushed', [], { externalId: 'okta:00gpushed' }), false],
    ['no external id: kept', dropboxGroup('Hand made', []), false],
    ['an empty external id: kept', dropboxGroup('Blank', [], { externalId: '' }), false],
    ["another tool's external id: kept", dropboxGroup('Other tool', [], { externalId: 'scim:7' }), false],
    ['the marker, user-managed: kept', dropboxGroup('Owned', [], { externalId: 'okta:00gowned', managementType: 'user_managed' }), false],
    ['the marker, system-managed: kept', dropboxGroup('Everyone', [], { externalId: 'okta:00geveryone', managementType: 'system_managed' }), false],
  ];
  const pruned = groupsToPrune(rows.map(([, g]) => g), named);
  for (const [name, g, expected] of rows) t.equal(pruned.some((p) => p.group === g), expected, name);
  t.same(pruned.map((p) => p.oktaGroupId), ['00gold'], 'the Okta group id is the marker without its prefix');
});

t.test('matchDropboxGroup: by the okta: marker, else adopted by exact name, else created', async (t) => {
  const marker = 'okta:00gsales';
  const rows: [string, DropboxGroup[], string, DropboxGroupMatch['kind'], string | null][] = [
    ['no group of the marker or the name: created', [dropboxGroup('Other', [])], 'Sales', 'create', null],
    ['the marker, same name: found', [dropboxGroup('Sales', [], { externalId: marker })], 'Sales', 'marker', 'g:sales'],
    ['the marker under another name: found (and renamed)', [dropboxGroup('Old Sales', [], { externalId: marker })], 'Sales', 'marker', 'g:oldsales'],
    ['the marker beats a group of the name', [dropboxGroup('Sales', []), dropboxGroup('Old Sales', [], { externalId: marker })], 'Sales', 'marker', 'g:oldsales'],
    ['the marker on a user-managed group: left alone', [dropboxGroup('Sales', [], { externalId: marker, managementType: 'user_managed' })], 'Sales', 'marker_left_alone', 'g:sales'],
    ['the exact name, no external id, company-managed: adopted', [dropboxGroup('Sales', [])], 'Sales', 'adopt', 'g:sales'],
    ['the exact name, an empty external id: adopted', [dropboxGroup('Sales', [], { externalId: '' })], 'Sales', 'adopt', 'g:sales'],
    ['the name in another case: taken (Dropbox group names ignore case)', [dropboxGroup('SALES', [])], 'Sales', 'name_taken', 'g:sales'],
    ["the name with another tool's external id: taken", [dropboxGroup('Sales', [], { externalId: 'scim:7' })], 'Sales', 'name_taken', 'g:sales'],
    ['the name on a system-managed group: taken', [dropboxGroup('Sales', [], { managementType: 'system_managed' })], 'Sales', 'name_taken', 'g:sales'],
    ['two groups of the name: taken, never adopted', [dropboxGroup('Sales', [], { groupId: 'g:1' }), dropboxGroup('sales', [], { groupId: 'g:2' })], 'Sales', 'name_taken', 'g:1'],
  ];
  for (const [name, groups, pushedName, kind, groupId] of rows) {
    const match = matchDropboxGroup(indexDropboxGroups(groups), marker, pushedName);
    t.same({ kind: match.kind, groupId: 'group' in match ? match.group.groupId : null }, { kind, groupId }, name);
  }
});

t.test('matchDropboxGroup: a rename onto a name another group holds is blocked by that group', async (t) => {
  const marker = 'okta:00gsales';
  const groups = indexDropboxGroups([dropboxGroup('Old Sales', [], { externalId: marker }), dropboxGroup('sales', [], { groupId: 'g:taken' })]);
  t.match(matchDropboxGroup(groups, marker, 'Sales'), { kind: 'marker', group: { groupId: 'g:oldsales' }, renameBlockedBy: { groupId: 'g:taken' } });
  t.match(matchDropboxGroup(groups, marker, 'Old Sales'), { kind: 'marker', renameBlockedBy: null }, 'no rename, nothing to block');
  t.match(matchDropboxGroup(indexDropboxGroups([dropboxGroup('Sales', [], { externalId: marker })]), marker, 'SALES'), { kind: 'marker', renameBlockedBy: null }, 'a case-only rename is not blocked by the group itself');
});

t.test('whyNameTaken: the warning says why a group of the pushed name is neither adopted nor replaced', async (t) => {
  // team_groups.stone GroupManagementType: user_managed groups belong to their owners, system_managed ones to Dropbox.
  const rows: { name: string; group: DropboxGroup; pushed: string; why: string }[] = [
    { name: 'user-managed: its owners manage it', group: dropboxGroup('Sales', [], { managementType: 'user_managed' }), pushed: 'Sales', why: 'is user-managed (its owners manage it)' },
    { name: 'system-managed: Dropbox manages it', group: dropboxGroup('Sales', [], { managementType: 'system_managed' }), pushed: 'Sales', why: 'is system-managed' },
    { name: 'management wins over the name: a user-managed group of another case', group: dropboxGroup('SALES', [], { managementType: 'user_managed' }), pushed: 'Sales', why: 'is user-managed (its owners manage it)' },
    { name: 'company-managed, named in another case', group: dropboxGroup('SALES', []), pushed: 'Sales', why: 'is named SALES (Dropbox group names ignore case)' },
    { name: 'company-managed, exact name, another external id', group: dropboxGroup('Sales', [], { externalId: 'hr-42' }), pushed: 'Sales', why: 'carries another external id (hr-42)' },
  ];
  for (const r of rows) t.equal(whyNameTaken(r.group, r.pushed), r.why, r.name);
});
