import t from 'tap';
import { explainPerson } from '../../src/plan/index.js';
import { groupDetail } from '../../src/plan/explain.js';
import { groupPush, offboardingOverride, roleRule, team, type TeamBuilder } from '../helpers/builders.js';

const acme = (): TeamBuilder =>
  team()
    .person('ada', { okta: { groups: ['Dropbox Admins', 'Engineering'], assigned: 'Dropbox Users' } })
    .person('it-archive')
    .person('it-admin', { dropbox: { role: 'team_admin' } })
    .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada', statusChanged: '2026-11-20T00:00:00.000Z' } })
    .person('held', { okta: { status: 'DEPROVISIONED', groups: ['Legal Hold'] } })
    .person('stranger', { okta: false })
    .person('adopt.me', { dropbox: { externalId: null } })
    .dropboxGroup('Engineering', { externalId: 'marker' })
    .settings({
      roles: [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'], line: 3 })],
      groupPushes: [groupPush({ oktaGroup: 'Engineering' })],
      safety: { maxRemovalPercent: 100, minTeamAdmins: 0 },
      offboarding: {
        onDeactivated: { action: 'remove', fallbackTransferTo: 'it-archive@acme.example', transferAdmin: 'it-admin@acme.example' },
        overrides: [offboardingOverride('Legal Hold', 'suspend')],
      },
    });

const explain = (query: string, builder: TeamBuilder = acme()) => explainPerson({ ...builder.build(), query });

t.test('an active person: assignment via a group, match by external id, role rule with file:line, groups and the actions touching them', async (t) => {
  const e = explain('ada@acme.example');
  t.equal(e.found, true);
  t.match(e.okta, { id: '00uada', status: 'ACTIVE', assignment: 'group', assignedVia: ['Dropbox Users'], summary: 'assigned via Okta group Dropbox Users' });
  t.match(e.dropbox, { teamMemberId: 'dbmid:ada', status: 'active', role: 'member_only' });
  t.match(e.match, { kind: 'external_id' });
  t.match(e.decision, { kind: 'keep' });
  t.match(e.role, { managed: true, live: 'member_only', desired: 'team_admin', rule: 'roles.yaml:3' });
  t.match(e.groups, [{ oktaGroupName: 'Engineering', dropboxGroup: 'Engineering', push: 'groups.yaml:2', inOktaGroup: true, inDropboxGroup: false, change: 'add' }]);
  t.same(e.actions.map((a) => a.id).sort(), ['group.members.add:00gengineering', 'member.remove:dbmid:leaver', 'member.set_role:dbmid:ada']);
  t.match(e.offboarding.detail, /if deactivated in Okta: remove, files to the manager \(managerId\), else to it-archive@acme\.example/);
});

t.test('the same person found by Okta id', async (t) => {
  t.match(explain('00uada').okta, { email: 'ada@acme.example' });
});

t.test('a leaver: the offboarding rule and why, and the removal with its transfer', async (t) => {
  const e = explain('leaver@acme.example');
  t.match(e.decision, { kind: 'remove', detail: /DEPROVISIONED in Okta since 2026-11-20/ });
  t.match(e.offboarding, { rule: 'offboarding.yaml:5 onDeactivated: remove' });
  t.match(e.actions, [{ kind: 'member.remove', transferTo: { teamMemberId: 'dbmid:ada' } }]);
  t.match(e.role.detail, /not applied/);
});

t.test('a leaver in Legal Hold: the override is the rule', async (t) => {
  t.match(explain('held@acme.example').offboarding, { rule: /overrides: member of Okta group Legal Hold → suspend/ });
});

t.test('an unmanaged member: no Okta user, the unmanagedMembers rule, the report', async (t) => {
  const e = explain('stranger@acme.example');
  t.equal(e.okta, null);
  t.match(e.match, { kind: 'none' });
  t.match(e.offboarding, { rule: /provisioning.unmanagedMembers: report/ });
  t.match(e.reports, [{ kind: 'unmanaged_member' }]);
});

t.test('an adopted member: matched by email, external id set', async (t) => {
  const e = explain('Adopt.Me@acme.example');
  t.match(e.match, { kind: 'adopted', detail: /external id set to 00uadoptme/ });
  t.match(e.actions, [{ kind: 'member.update_profile' }]);
});

t.test('a transfer destination sees the removal whose files it receives', async (t) => {
  t.ok(explain('it-admin@acme.example').actions.some((a) => a.id === 'member.remove:dbmid:leaver'));
});

t.test('nobody by that name: found false, and an explanation that says so', async (t) => {
  const e = explain('nobody@acme.example');
  t.equal(e.found, false);
  t.match(e.decision, { kind: 'unknown', detail: /neither Okta nor Dropbox knows nobody@acme\.example/ });
  t.same(e.actions, []);
});

t.test('roles not managed: said so', async (t) => {
  t.match(explain('ada@acme.example', team().person('ada')).role, { managed: false, desired: null, detail: /not managed/ });
});

t.test('an Okta user neither assigned nor a member: absent, and why', async (t) => {
  const e = explain('idle@acme.example', team().person('idle', { okta: { assigned: false }, dropbox: false }));
  t.match(e.decision, { kind: 'absent', detail: /not assigned to the Dropbox app, and not a Dropbox member/ });
});

t.test('every fate has its own words, and only a leaver is said to be offboarded', async (t) => {
  const everyone = (): TeamBuilder =>
    team()
      .person('active', { okta: { groups: ['Dropbox Admins'] } })
      .person('paused', { okta: { status: 'SUSPENDED', statusChanged: '2026-11-20T00:00:00.000Z', groups: ['Dropbox Admins'] } })
      .person('gone', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-20T00:00:00.000Z', groups: ['Dropbox Admins'] } })
      .person('moved', { okta: { assigned: false, groups: ['Dropbox Admins'] } })
      .person('never', { okta: { assigned: false, groups: ['Dropbox Admins'] }, dropbox: false })
      .person('gone.long.ago', { okta: { status: 'DEPROVISIONED', groups: ['Dropbox Admins'] }, dropbox: false })
      .person('stranger', { okta: false })
      .person('breakglass', { okta: { status: 'DEPROVISIONED', groups: ['Dropbox Admins'] }, dropbox: { role: 'team_admin' } })
      .settings({
        roles: [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'], line: 3 })],
        provisioning: { protectedMembers: ['breakglass'] },
        safety: { maxRemovalPercent: 100, minTeamAdmins: 0 },
        offboarding: { onDeactivated: { action: 'remove', transferTo: 'none' } },
      });
  const cases: [string, string, { decision: string; role: RegExp; offboarding: RegExp }][] = [
    ['active in Okta, assigned, a member', 'active', { decision: 'keep', role: /^role team_admin \(roles\.yaml:3[^;]*$/, offboarding: /^none now; if deactivated in Okta: remove/ }],
    ['suspended in Okta', 'paused', { decision: 'suspend', role: /; not applied while the member is suspended$/, offboarding: /SUSPENDED in Okta since 2026-11-20.*onSuspended: suspend/ }],
    ['deprovisioned in Okta', 'gone', { decision: 'remove', role: /; not applied: the member is removed by this plan$/, offboarding: /DEPROVISIONED in Okta since 2026-11-20.*onDeactivated: remove/ }],
    ['active but unassigned', 'moved', { decision: 'suspend', role: /; not applied while the member is suspended$/, offboarding: /not assigned.*unassigned: suspend/ }],
    ['never assigned, never a member', 'never', { decision: 'absent', role: /; not applied: not a Dropbox member$/, offboarding: /^none now; if deactivated in Okta: remove/ }],
    ['deprovisioned long ago, not a member', 'gone.long.ago', { decision: 'absent', role: /; not applied: not a Dropbox member$/, offboarding: /^DEPROVISIONED in Okta and not a Dropbox member: nothing to offboard$/ }],
    ['an unmanaged Dropbox member', 'stranger', { decision: 'leave', role: /^no Okta user, so no role rule applies$/, offboarding: /no Okta user has email stranger@acme\.example/ }],
    ['protected', 'breakglass', { decision: 'leave', role: /; not applied while the member is left alone$/, offboarding: /^protected \(/ }],
  ];
  for (const [name, who, want] of cases) {
    const e = explain(`${who}@acme.example`, everyone());
    t.equal(e.decision.kind, want.decision, `${name}: ${want.decision}`);
    t.match(e.role.detail, want.role, `${name}: role`);
    t.match(e.offboarding.detail, want.offboarding, `${name}: offboarding`);
    const words = [e.decision.detail, e.role.detail, e.offboarding.detail].join('\n');
    if (who !== 'gone') t.notMatch(words, /offboarded/, `${name}: never called offboarded`);
  }
});

t.test('groupDetail: what explain says about one pushed group, from the push, the plan and both sides', async (t) => {
  const rows: { name: string; args: Parameters<typeof groupDetail>; detail: string }[] = [
    { name: 'a skipped push says so before anything else', args: [true, 'none', true, true], detail: 'the push is skipped (see the warnings)' },
    { name: 'added by this plan', args: [false, 'add', true, false], detail: 'in the Okta group, added to the Dropbox group by this plan' },
    { name: 'removed by this plan', args: [false, 'remove', false, true], detail: 'no longer in the Okta group, removed from the Dropbox group by this plan' },
    { name: 'on both sides, nothing to do', args: [false, 'none', true, true], detail: 'in the Okta group and in the Dropbox group' },
    { name: 'only in Okta and not added: not managed or left alone', args: [false, 'none', true, false], detail: 'in the Okta group, but dbxsync does not put this person in Dropbox groups (not a managed member, or left alone)' },
    { name: 'only in Dropbox and not removed: left there', args: [false, 'none', false, true], detail: 'in the Dropbox group but not in the Okta group; left there (not a managed member, or left alone)' },
  ];
  for (const r of rows) t.equal(groupDetail(...r.args), r.detail, r.name);
});
