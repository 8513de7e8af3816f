import t from 'tap';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { planDropboxChanges } from '../../src/plan/index.js';
import { groupPush, roleRule, safetyException, team } from '../helpers/builders.js';
import path from 'node:path';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/plan.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

/** Plans that between them produce every action kind the planner makes, reports, waiting states, warnings and violations. */
const cases: { name: string; input: () => ReturnType<ReturnType<typeof team>['build']> }[] = [
  { name: 'an empty team', input: () => team().build() },
  {
    name: 'a busy day: hires, leavers, role changes, groups, pending people',
    input: () =>
      team()
        .person('ada', { okta: { groups: ['Dropbox Admins', 'Engineering'] }, dropbox: { role: 'team_admin' } })
        .person('it.admin', { okta: { groups: ['Dropbox Admins'] }, dropbox: { role: 'user_management_admin' } })
        .person('archive')
        .person('hire', { okta: { groups: ['Engineering'], assigned: 'Contractors' }, dropbox: false })
        .person('renamed', { okta: { email: 'renamed.new@acme.example', firstName: 'Re' } })
        .person('leaver', { okta: { status: 'DEPROVISIONED', manager: 'ada' } })
        .person('paused', { okta: { status: 'SUSPENDED' } })
        .person('back', { dropbox: { status: 'suspended' } })
        .person('returning', { dropbox: { status: 'removed', isRecoverable: true } })
        .person('invitee', { dropbox: { status: 'invited' } })
        .person('staged', { okta: { status: 'STAGED' }, dropbox: false })
        .person('grace', { okta: { status: 'DEPROVISIONED', statusChanged: '2026-11-27T00:00:00.000Z' } })
        .person('stranger', { okta: false })
        .person('bad.name', { okta: { lastName: 'A/B' }, dropbox: false })
        .group('Old', { id: '00gold' })
        .dropboxGroup('Old', { externalId: 'okta:00ggone' })
        .dropboxGroup('Engineering', { members: ['ada', 'archive'] })
        .settings({
          roles: [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'] })],
          groupPushes: [groupPush({ oktaGroup: 'Engineering' }), groupPush({ oktaGroup: 'Contractors', line: 4 }), groupPush({ oktaGroup: 'Nope', line: 6 })],
          pruneGroups: true,
          safety: { maxRemovals: 1, exceptions: [safetyException({ reason: 'reorg', maxRemovalPercent: 50 })] },
          offboarding: { onDeactivated: { action: 'remove', graceDays: 7, fallbackTransferTo: 'archive@acme.example', transferAdmin: 'it.admin@acme.example' } },
        })
        .build(),
  },
];

for (const c of cases) {
  t.test(`the plan of ${c.name} validates against schemas/plan.schema.json`, async (t) => {
    const plan = JSON.parse(JSON.stringify(planDropboxChanges(c.input())));
    const ok = validate(plan);
    t.ok(ok, JSON.stringify(validate.errors, null, 2));
  });
}

t.test('the busy day really exercises the schema (every planner action kind appears)', async (t) => {
  const plan = planDropboxChanges(cases[1]!.input());
  const kinds = new Set(plan.actions.map((a) => a.kind));
  for (const kind of ['group.create', 'group.rename', 'group.delete', 'group.members.add', 'group.members.remove', 'member.add', 'member.recover', 'member.unsuspend', 'member.update_profile', 'member.set_role', 'member.suspend', 'member.remove'] as const) {
    t.ok(kinds.has(kind), kind);
  }
  t.ok(plan.reports.length > 0 && plan.waiting.length > 0 && plan.warnings.length > 0 && plan.safety.violations.length > 0);
});

t.test('the schema rejects a plan with an unknown action kind or a missing reason', async (t) => {
  const plan = JSON.parse(JSON.stringify(planDropboxChanges(cases[1]!.input())));
  t.notOk(validate({ ...plan, actions: [{ ...plan.actions[0], kind: 'member.explode' }] }));
  t.notOk(validate({ ...plan, actions: [{ ...plan.actions[0], reason: '' }] }));
  t.notOk(validate({ ...plan, formatVersion: 2 }));
});
