import t from 'tap';
import { planDropboxChanges } from '../../src/plan/index.js';
import { deepFreeze, groupPush, offboardingOverride, roleRule, safetyException, shuffledInput, team } from '../helpers/builders.js';

const input = () =>
  team()
    .person('ada', { okta: { groups: ['Dropbox Admins', 'Engineering', 'dbx-Finance'] }, dropbox: { role: 'team_admin', otherRoles: ['Billing admin', 'Compliance admin'] } })
    .person('it.admin', { okta: { groups: ['IT Helpdesk', 'Engineering'] } })
    .person('archive', { okta: { groups: ['dbx-Legal'] } })
    .person('hire1', { okta: { groups: ['Engineering', 'dbx-Finance'] }, dropbox: false })
    .person('hire2', { okta: { groups: ['Engineering'], assigned: 'Contractors' }, dropbox: false })
    .person('leaver1', { okta: { status: 'DEPROVISIONED', manager: 'ada' } })
    .person('leaver2', { okta: { status: 'DEPROVISIONED', manager: 'ada', groups: ['Legal Hold'] } })
    .person('leaver3', { okta: { status: 'DEPROVISIONED' } })
    .person('paused', { okta: { status: 'SUSPENDED' } })
    .person('stranger1', { okta: false })
    .person('stranger2', { okta: false, dropbox: { status: 'invited' } })
    .person('staged', { okta: { status: 'STAGED' }, dropbox: false })
    .person('adopt', { dropbox: { externalId: null } })
    .dropboxGroup('Engineering', { members: ['archive', 'stranger1'] })
    .dropboxGroup('dbx-Brand', { markerOf: 'dbx-Finance', members: ['it.admin'] })
    .settings({
      roles: [roleRule('team_admin', { oktaGroups: ['Dropbox Admins'], users: ['cto', 'it.admin'] }), roleRule('support_admin', { oktaGroups: ['IT Helpdesk'], line: 5 })],
      groupPushes: [groupPush({ oktaGroup: 'Engineering' }), groupPush({ pattern: '^dbx-', line: 4 })],
      provisioning: { protectedMembers: ['archive', 'ada'] },
      safety: { maxRemovals: 2, exceptions: [safetyException({ reason: 'b', maxRemovals: 3 }), safetyException({ reason: 'a', maxRemovals: 3, line: 9 })] },
      offboarding: {
        onDeactivated: { action: 'remove', fallbackTransferTo: 'archive@acme.example', transferAdmin: 'ada@acme.example' },
        overrides: [offboardingOverride('Legal Hold', 'suspend'), offboardingOverride('Legal Hold', 'ignore', 22)],
      },
    })
    .build();

t.test('every input list shuffled: byte-equal plan JSON and the same fingerprint', async (t) => {
  const reference = JSON.stringify(planDropboxChanges(input()));
  t.ok(JSON.parse(reference).actions.length > 5, 'the plan has something to order');
  for (const seed of [1, 2, 3, 42, 1234]) {
    t.equal(JSON.stringify(planDropboxChanges(shuffledInput(input(), seed))), reference, `seed ${seed}`);
  }
});

t.test('the planner never mutates its inputs (deep-frozen inputs plan fine and stay equal)', async (t) => {
  const frozen = deepFreeze(input());
  const before = JSON.stringify(frozen);
  t.doesNotThrow(() => planDropboxChanges(frozen));
  t.equal(JSON.stringify(frozen), before);
});

t.test('the fingerprint: sha256 over the desired state, live inputs and tool version, not over YAML positions', async (t) => {
  const base = input();
  const fp = planDropboxChanges(base).fingerprint;
  t.match(fp, /^sha256:[0-9a-f]{64}$/);
  const moved = {
    ...base,
    desired: { ...base.desired, files: ['other.yaml'], roles: base.desired.roles!.map((r) => ({ ...r, source: { ...r.source, line: r.source.line + 10 } })) },
  };
  t.equal(planDropboxChanges(moved).fingerprint, fp, 'comments that move lines do not change it');
  t.not(planDropboxChanges({ ...base, toolVersion: '9.9.9' }).fingerprint, fp, 'the tool version does');
  t.not(planDropboxChanges({ ...base, desired: { ...base.desired, pruneGroups: true } }).fingerprint, fp, 'the desired state does');
  const renamed = { ...base, dropbox: { ...base.dropbox, members: base.dropbox.members.map((m, i) => (i === 0 ? { ...m, givenName: 'X' } : m)) } };
  t.not(planDropboxChanges(renamed).fingerprint, fp, 'live Dropbox data does');
  const okta = { ...base, okta: { ...base.okta, users: base.okta.users.slice(1) } };
  t.not(planDropboxChanges(okta).fingerprint, fp, 'live Okta data does');
  t.equal(planDropboxChanges({ ...base, now: '2027-01-01T00:00:00.000Z' }).fingerprint, fp, 'now is not part of the fingerprint');
});

t.test('the plan carries toolVersion but no timestamp of its own: two runs a minute apart on the same state are byte-equal', async (t) => {
  const p = planDropboxChanges(input());
  t.equal(p.toolVersion, '0.0.0-test');
  t.equal(p.generatedAt, undefined);
  t.equal(p.formatVersion, 1);
  t.equal(JSON.stringify(planDropboxChanges({ ...input(), now: '2026-11-28T12:01:00.000Z' })), JSON.stringify(p));
});
