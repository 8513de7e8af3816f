/**
 * The import planner on plain data: who is linked, created or written back, what is only
 * reported, import.maxWrites, protected members, determinism, and agreement with planDropboxChanges.
 */
import t, { type Test } from 'tap';
import type { ImportSettings } from '../../src/domain/desired.js';
import type { Action, PlannedAction, Plan } from '../../src/domain/plan.js';
import { planImport } from '../../src/import/index.js';
import { planDropboxChanges } from '../../src/plan/index.js';
import { src, team, type PlanInputData, type TeamBuilder } from '../helpers/builders.js';

const IMPORT_SOURCE = src('import.yaml', 5, 1);

/** The team's input with import settings (the design's defaults, source import.yaml:5). */
function withImport(builder: TeamBuilder, patch: Partial<ImportSettings> = {}): PlanInputData {
  const input = builder.build();
  return { ...input, desired: { ...input.desired, import: { ...input.desired.import, source: IMPORT_SOURCE, ...patch } } };
}

function kinds(plan: Plan): string[] {
  return plan.actions.map((a) => a.kind);
}

function only<K extends Action['kind']>(plan: Plan, kind: K): Extract<Action, { kind: K }> {
  const found = plan.actions.filter((a): a is Extract<PlannedAction, { kind: K }> => a.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0]!;
}

interface Case {
  readonly name: string;
  readonly input: () => PlanInputData;
  readonly expect: (t: Test, plan: Plan) => void;
}

const cases: Case[] = [
  {
    name: 'everyone in sync: an empty plan, no reports',
    input: () => withImport(team().people(['ada', 'grace'])),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.same(plan.reports, []);
      t.same(plan.summary, {});
      t.same(plan.safety, { ok: true, violations: [] });
    },
  },
  {
    name: 'an unassigned Okta user matches a member by email: assigned to the app, the reason names the rule and the match',
    input: () => withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null } })),
    expect: (t, plan) => {
      const assign = only(plan, 'okta.assign');
      t.same(assign.member, { email: 'ada@acme.example', teamMemberId: 'dbmid:ada', oktaUserId: '00uada' });
      t.equal(assign.id, 'okta.assign:dbmid:ada');
      t.equal(assign.reversibility, 'reversible');
      t.match(assign.reason, 'Okta user 00uada (ACTIVE) matches it by email');
      t.match(assign.reason, 'assigned to the app 0oa1dropbox2bus3ness with user name ada@acme.example');
      t.match(assign.reason, '(import.yaml:5 import.linkMatchingUsers: true)');
      t.same(plan.summary, { 'okta.assign': 1 });
    },
  },
  {
    name: 'a member whose external id names no Okta user, matched by email: linked, and the reason says so',
    input: () => withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: '00uformer' } })),
    expect: (t, plan) => t.match(only(plan, 'okta.assign').reason, 'by email (its external id 00uformer names no Okta user)'),
  },
  {
    name: 'invited and suspended members are linked too; removed ones are not',
    input: () =>
      withImport(
        team()
          .person('ivy', { okta: { assigned: false }, dropbox: { externalId: null, status: 'invited' } })
          .person('sam', { okta: { assigned: false }, dropbox: { externalId: null, status: 'suspended' } })
          .person('rex', { okta: { assigned: false }, dropbox: { externalId: null, status: 'removed' } }),
      ),
    expect: (t, plan) => t.same(plan.actions.map((a) => 'member' in a && a.member.email), ['ivy@acme.example', 'sam@acme.example']),
  },
  {
    name: 'linkMatchingUsers false: the match is reported, not linked',
    input: () => withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null } }), { linkMatchingUsers: false }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'unassigned_member', email: 'ada@acme.example', oktaUserId: '00uada', message: /not linked \(import\.yaml:5 import\.linkMatchingUsers: false\)/ }]);
    },
  },
  {
    name: 'no Okta user matches and createUsers is false: reported as unknown to Okta',
    input: () => withImport(team().person('jordan', { okta: false })),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'unmanaged_member', email: 'jordan@acme.example', message: /active Dropbox member unknown to Okta: no Okta user has email jordan@acme\.example; not created \(import\.yaml:5 import\.createUsers: false\)/ }]);
    },
  },
  {
    name: 'no Okta user matches and createUsers is true: a STAGED user from the Dropbox names and email',
    input: () => withImport(team().person('jordan.blake', { okta: false, dropbox: { email: 'Jordan.Blake@ACME.example' } }), { createUsers: true }),
    expect: (t, plan) => {
      const create = only(plan, 'okta.create_user');
      t.same(create.profile, { login: 'jordan.blake@acme.example', email: 'jordan.blake@acme.example', firstName: 'Jordan', lastName: 'Blake' });
      t.same(create.member, { email: 'jordan.blake@acme.example', teamMemberId: 'dbmid:jordanblake', oktaUserId: null });
      t.match(create.reason, 'a STAGED Okta user is created from the Dropbox profile and assigned to the app');
      t.match(create.reason, '(import.yaml:5 import.createUsers: true)');
      t.same(plan.reports, []);
    },
  },
  {
    name: 'createUsers with a member Dropbox has no surname for: reported, since Okta requires one',
    input: () => withImport(team().person('jordan', { okta: false, dropbox: { surname: ' ' } }), { createUsers: true }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'other', message: /Dropbox has no surname for it and Okta requires a first and last name; not created/ }]);
    },
  },
  {
    name: 'createUsers when an Okta user already holds the email as login: reported, Okta logins are unique',
    input: () => withImport(team().person('jordan', { okta: false }).person('other', { okta: { login: 'jordan@acme.example' }, dropbox: false }), { createUsers: true }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'ambiguous_match', oktaUserId: '00uother', message: /has the login jordan@acme\.example .*not created/ }]);
    },
  },
  {
    name: 'two Okta users with one email: reported as ambiguous, nothing linked or created',
    input: () =>
      withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null } }).person('ada2', { okta: { email: 'ada@acme.example', assigned: false }, dropbox: false }), {
        createUsers: true,
      }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'ambiguous_match', email: 'ada@acme.example', message: /matches 2 Okta users by email \(00uada ACTIVE, 00uada2 ACTIVE\); not linked/ }]);
    },
  },
  {
    name: 'two Okta users with one email, one of them DEPROVISIONED: still ambiguous',
    input: () =>
      withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null } }).person('ada2', { okta: { email: 'ada@acme.example', assigned: false, status: 'DEPROVISIONED' }, dropbox: false })),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'ambiguous_match', message: /00uada2 DEPROVISIONED/ }]);
    },
  },
  {
    name: 'the only email match is DEPROVISIONED: reported, not linked (and not created either)',
    input: () => withImport(team().person('ada', { okta: { assigned: false, status: 'DEPROVISIONED' }, dropbox: { externalId: null } }), { createUsers: true }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'unassigned_member', oktaUserId: '00uada', message: /matches Okta user 00uada \(DEPROVISIONED\) by email, and that user is DEPROVISIONED: not linked/ }]);
    },
  },
  {
    name: 'a member carrying the id of an Okta user who was unassigned: reported, never re-linked',
    input: () => withImport(team().person('ada', { okta: { assigned: false } })),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'unassigned_member', message: /carries Okta user 00uada \(ACTIVE\) as external id.*not re-linked/ }]);
    },
  },
  {
    name: 'a leaver (DEPROVISIONED, assignment gone with the account) is the sync plan\u2019s business: nothing here',
    input: () => withImport(team().person('ada', { okta: { assigned: false, status: 'DEPROVISIONED' } })),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.same(plan.reports, []);
    },
  },
  {
    name: 'a member matching by email an Okta user that another member carries by id: reported, not linked',
    input: () => withImport(team().person('ada', { okta: { assigned: false } }).person('ada-alias', { okta: false, dropbox: { email: 'ada@acme.example', externalId: null } })),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [
        { kind: 'ambiguous_match', teamMemberId: 'dbmid:adaalias', message: /already has Dropbox member dbmid:ada/ },
        { kind: 'unassigned_member', teamMemberId: 'dbmid:ada' },
      ]);
    },
  },
  {
    name: 'two members carrying the same Okta id: both reported, neither linked',
    input: () => withImport(team().person('ada', { okta: { assigned: false } }).person('ada-copy', { okta: false, dropbox: { externalId: '00uada' } })),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.same(
        plan.reports.map((r) => [r.kind, r.teamMemberId]),
        [
          ['ambiguous_match', 'dbmid:adacopy'],
          ['ambiguous_match', 'dbmid:ada'],
        ],
      );
      t.match(plan.reports[0]?.message, /Okta user 00uada matches several Dropbox members, this one included; not linked/);
    },
  },
  {
    name: 'profile write-back over a non-string Okta value: compared as text',
    input: () => withImport(team().person('ada', { okta: { profile: { costCenter: 42, tags: ['a'] } }, dropbox: { givenName: '42' } }), { profile: { costCenter: 'givenName', tags: 'givenName' } }),
    expect: (t, plan) => t.same(only(plan, 'okta.update_profile').changes, { tags: { from: '["a"]', to: '42' } }),
  },
  {
    name: 'a protected member matched by email: its Okta user is left alone, and that is reported',
    input: () =>
      withImport(team().person('breakglass', { okta: { assigned: false }, dropbox: { externalId: null } }).settings({ provisioning: { protectedMembers: ['breakglass'] } })),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'protected_member', message: /^protected \(protectedMembers, settings\.yaml:12\): matches Okta user 00ubreakglass/ }]);
    },
  },
  {
    name: 'the admin whose token runs dbxsync is protected too: no Okta user is created for it',
    input: () => withImport(team().person('root', { okta: false }).authenticatedAdmin('root'), { createUsers: true }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'protected_member', message: /the admin whose token runs dbxsync.*no Okta user is created/ }]);
    },
  },
  {
    name: 'profile write-back: a differing attribute is written, from and to; equal ones are not',
    input: () =>
      withImport(team().person('ada', { dropbox: { givenName: 'Augusta' } }).person('grace'), { profile: { firstName: 'givenName', lastName: 'surname' } }),
    expect: (t, plan) => {
      const update = only(plan, 'okta.update_profile');
      t.same(update.changes, { firstName: { from: 'Ada', to: 'Augusta' } });
      t.same(update.member, { email: 'ada@acme.example', teamMemberId: 'dbmid:ada', oktaUserId: '00uada' });
      t.equal(update.id, 'okta.update_profile:00uada');
      t.match(update.reason, 'import.yaml:5 import.profile: firstName ← givenName, lastName ← surname');
      t.match(update.reason, 'firstName "Ada" in Okta, given name "Augusta" in Dropbox');
    },
  },
  {
    name: 'profile write-back into an attribute Okta does not have yet: from null',
    input: () => withImport(team().person('ada'), { profile: { nickName: 'givenName' } }),
    expect: (t, plan) => {
      t.same(only(plan, 'okta.update_profile').changes, { nickName: { from: null, to: 'Ada' } });
      t.match(only(plan, 'okta.update_profile').reason, 'nickName is not set in Okta');
    },
  },
  {
    name: 'profile write-back of the email compares without case',
    input: () => withImport(team().person('ada', { dropbox: { email: 'ADA@acme.example' } }), { profile: { secondEmail: 'email', email: 'email' } }),
    expect: (t, plan) => t.same(only(plan, 'okta.update_profile').changes, { secondEmail: { from: null, to: 'ada@acme.example' } }),
  },
  {
    name: 'profile write-back never blanks an Okta attribute: an empty Dropbox value is reported',
    input: () => withImport(team().person('ada', { dropbox: { surname: '' } }), { profile: { lastName: 'surname' } }),
    expect: (t, plan) => {
      t.same(plan.actions, []);
      t.match(plan.reports, [{ kind: 'other', message: /Dropbox has no value for lastName ← surname; not written back/ }]);
    },
  },
  {
    name: 'profile write-back for the people import manages: a match linked in this run gets its write-back too (else the next plan would overwrite Dropbox); never a protected member',
    input: () =>
      withImport(
        team()
          .person('ada', { okta: { assigned: false }, dropbox: { externalId: null, givenName: 'Augusta' } })
          .person('breakglass', { dropbox: { givenName: 'Glass' } })
          .settings({ provisioning: { protectedMembers: ['breakglass'] } }),
        { profile: { firstName: 'givenName' } },
      ),
    expect: (t, plan) => {
      t.same(kinds(plan).sort(), ['okta.assign', 'okta.update_profile']);
      t.match(plan.actions.find((a) => a.kind === 'okta.update_profile'), { member: { email: 'ada@acme.example' }, changes: { firstName: { to: 'Augusta' } } });
      t.match(plan.reports, [{ kind: 'protected_member', email: 'breakglass@acme.example', message: /firstName "Breakglass" in Okta, given name "Glass" in Dropbox; the Okta profile is left alone/ }]);
    },
  },
  {
    name: 'an attribute written both ways (import.profile and provisioning.profile): a warning says which must run first',
    input: () => withImport(team().person('ada'), { profile: { firstName: 'givenName' } }),
    expect: (t, plan) => t.match(plan.warnings, [{ code: 'profile_both_ways', source: 'import.yaml:5:1', message: /writes Okta firstName from Dropbox while provisioning\.profile pushes it to Dropbox givenName/ }]),
  },
  {
    name: 'more writes than maxWrites: refused (max_writes), the plan still complete',
    input: () =>
      withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null } }).person('jordan', { okta: false }).person('grace', { dropbox: { givenName: 'G' } }), {
        createUsers: true,
        profile: { firstName: 'givenName' },
        maxWrites: 2,
      }),
    expect: (t, plan) => {
      t.same(kinds(plan), ['okta.assign', 'okta.create_user', 'okta.update_profile'], 'links first, then new users, then write-backs');
      t.same(plan.safety.ok, false);
      t.match(plan.safety.violations, [{ rule: 'max_writes', limit: 2, value: 3, message: /3 Okta writes exceed import\.maxWrites 2 \(import\.yaml:5\)/ }]);
    },
  },
  {
    name: 'the max_writes refusal points at the maxWrites key when the YAML writes it',
    input: () =>
      withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null } }).person('jordan', { okta: false }), {
        createUsers: true,
        maxWrites: 1,
        keySources: { maxWrites: { file: 'import.yaml', line: 9, col: 3 } },
      }),
    expect: (t, plan) => t.match(plan.safety.violations, [{ rule: 'max_writes', message: /exceed import\.maxWrites 1 \(import\.yaml:9\)/ }]),
  },
  {
    name: 'exactly maxWrites writes: allowed',
    input: () => withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null } }), { maxWrites: 1 }),
    expect: (t, plan) => t.equal(plan.safety.ok, true),
  },
];

for (const c of cases) {
  t.test(c.name, async (t) => c.expect(t, planImport(c.input())));
}

t.test('deterministic: shuffled inputs give byte-equal JSON; the fingerprint is not the sync plan\u2019s', async (t) => {
  const input = withImport(
    team()
      .person('ada', { okta: { assigned: false }, dropbox: { externalId: null } })
      .person('jordan', { okta: false })
      .person('grace', { dropbox: { givenName: 'G' } })
      .person('zoe', { okta: false, dropbox: { status: 'invited' } }),
    { createUsers: true, profile: { firstName: 'givenName' } },
  );
  const shuffled: PlanInputData = {
    ...input,
    okta: { ...input.okta, users: [...input.okta.users].reverse(), assignments: [...input.okta.assignments].reverse() },
    dropbox: { ...input.dropbox, members: [...input.dropbox.members].reverse() },
  };
  const plan = planImport(input);
  t.equal(JSON.stringify(planImport(shuffled)), JSON.stringify(plan));
  t.not(plan.fingerprint, planDropboxChanges(input).fingerprint);
  t.equal(plan.generatedAt, '2026-11-28T12:00:00.000Z');
  t.equal(plan.formatVersion, 1);
  t.same(plan.waiting, []);
});

t.test('agrees with planDropboxChanges: whom it reports as unknown; once linked, the sync plan adopts the member', async (t) => {
  const builder = team()
    .person('ada', { okta: { assigned: false }, dropbox: { externalId: null } })
    .person('jordan', { okta: false })
    .person('grace')
    .person('twin', { okta: { assigned: false }, dropbox: { externalId: null } })
    .person('twin2', { okta: { email: 'twin@acme.example', assigned: false }, dropbox: false });
  const input = withImport(builder);
  const sync = planDropboxChanges(input);
  const imported = planImport(input);
  const unknown = (plan: Plan) => plan.reports.filter((r) => r.kind === 'unmanaged_member').map((r) => r.email);
  t.same(unknown(imported), unknown(sync));
  t.same(imported.reports.filter((r) => r.kind === 'ambiguous_match').map((r) => r.email), ['twin@acme.example']);
  t.ok(sync.safety.violations.some((v) => v.rule === 'ambiguous_identity' && v.message.includes('twin@acme.example')), 'planDropboxChanges refuses on the same ambiguity');
  t.same(
    sync.actions.filter((a) => 'member' in a && a.member.email === 'ada@acme.example').map((a) => a.kind),
    ['member.suspend'],
    'before the import, the sync plan suspends the unassigned match',
  );

  // Apply the okta.assign to the Okta snapshot, as Okta would.
  const assigned = imported.actions.filter((a) => a.kind === 'okta.assign').map((a) => ({ userId: a.member.oktaUserId!, scope: 'USER' as const }));
  t.equal(assigned.length, 1);
  const after = planDropboxChanges({ ...input, okta: { ...input.okta, assignments: [...input.okta.assignments, ...assigned] } });
  t.same(
    after.actions.filter((a) => 'member' in a && a.member.email === 'ada@acme.example').map((a) => [a.kind, a.kind === 'member.update_profile' ? a.changes : null]),
    [['member.update_profile', { externalId: { from: null, to: '00uada' } }]],
  );
  t.same(planImport({ ...input, okta: { ...input.okta, assignments: [...input.okta.assignments, ...assigned] } }).actions, [], 'and the next import has nothing left to link');
});

t.test('the planner never mutates its input', async (t) => {
  const input = withImport(team().person('ada', { okta: { assigned: false }, dropbox: { externalId: null, givenName: 'Augusta' } }).person('jordan', { okta: false }), {
    createUsers: true,
    profile: { firstName: 'givenName' },
  });
  const before = JSON.stringify(input);
  planImport(input);
  t.equal(JSON.stringify(input), before);
});
