import t, { type Test } from 'tap';
import { applyPlan } from '../../src/apply/execute.js';
import type { ApplyEvent } from '../../src/apply/outcome.js';
import type { Action } from '../../src/domain/plan.js';
import { UsageError } from '../../src/domain/errors.js';
import { FakeWriter, remoteError } from './fakes/fake-writer.js';
import {
  addMember,
  createGroup,
  deleteGroup,
  groupAdd,
  groupRef,
  groupRemove,
  person,
  plan,
  recover,
  removeMember,
  renameGroup,
  setRole,
  suspend,
  unsuspend,
  updateProfile,
} from './fakes/plan-builder.js';

const ADMIN = person('it-admin@acme.example', 'dbmid:admin');

function team(): FakeWriter {
  const w = new FakeWriter();
  w.member({ email: 'it-admin@acme.example', teamMemberId: 'dbmid:admin', role: 'team_admin' });
  return w;
}

t.test('every action kind is applied and the team reads back as planned', async (t) => {
  const w = team();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann', externalId: '00uann' });
  w.member({ email: 'bob@acme.example', teamMemberId: 'dbmid:bob', files: 7 });
  w.member({ email: 'cat@acme.example', teamMemberId: 'dbmid:cat' });
  w.member({ email: 'dan@acme.example', teamMemberId: 'dbmid:dan', status: 'suspended' });
  w.member({ email: 'eve@acme.example', teamMemberId: 'dbmid:eve', status: 'removed', isRecoverable: true });
  w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr' });
  w.member({ email: 'old-admin@acme.example', teamMemberId: 'dbmid:oldadmin', role: 'team_admin' });
  const brand = w.group({ name: 'dbx-Brand', groupId: 'g:brand', externalId: 'okta:00gmkt' });
  const legacy = w.group({ name: 'Legacy', groupId: 'g:legacy', externalId: 'okta:00gold', members: ['dbmid:cat'] });
  const ann = person('ann@acme.example', 'dbmid:ann', '00uann');
  const newHire = person('new@acme.example', null, '00unew');
  const eng = groupRef('Engineering', null, 'okta:00geng');

  const actions: Action[] = [
    createGroup('Engineering', '00geng'),
    renameGroup(groupRef('dbx-Brand', 'g:brand', 'okta:00gmkt'), 'dbx-Marketing'),
    recover(person('eve@acme.example', 'dbmid:eve')),
    unsuspend(person('dan@acme.example', 'dbmid:dan')),
    addMember('new@acme.example', '00unew'),
    updateProfile(ann, { email: { from: 'ann@acme.example', to: 'ann.b@acme.example' }, externalId: { from: '00uann', to: '00uann2' } }),
    setRole(ann, 'member_only', 'support_admin'),
    groupAdd(eng, [ann, newHire], { dependsOn: ['group.create:okta:00geng', 'member.add:okta:00unew'] }),
    groupRemove(groupRef('Legacy', 'g:legacy', 'okta:00gold'), [person('cat@acme.example', 'dbmid:cat')]),
    setRole(person('old-admin@acme.example', 'dbmid:oldadmin'), 'team_admin', 'member_only'),
    suspend(person('cat@acme.example', 'dbmid:cat')),
    removeMember(person('bob@acme.example', 'dbmid:bob'), { transferTo: person('mgr@acme.example', 'dbmid:mgr'), transferAdmin: ADMIN }),
    deleteGroup(groupRef('Legacy', 'g:legacy', 'okta:00gold')),
  ];
  const result = await applyPlan(plan(actions), w);

  t.same(result.counts, { applied: actions.length, failed: 0, skipped: 0 });
  t.ok(result.ok);
  t.same(
    result.outcomes.map((o) => o.actionId),
    actions.map((a) => a.id),
    'one outcome per action, in plan order',
  );
  const engGroup = w.groupByName('Engineering');
  t.ok(engGroup, 'group created');
  t.equal(engGroup?.externalId, 'okta:00geng');
  t.same([...engGroup!.members].sort(), ['dbmid:ann', w.byEmail('new@acme.example')!.teamMemberId].sort(), 'new hire and ann are in the new group');
  t.equal(brand.name, 'dbx-Marketing', 'renamed');
  t.equal(w.members.get('dbmid:eve')?.status, 'active', 'recovered');
  t.equal(w.members.get('dbmid:dan')?.status, 'active', 'unsuspended');
  t.equal(w.byEmail('new@acme.example')?.externalId, '00unew', 'added with the Okta id as external id');
  t.equal(w.members.get('dbmid:ann')?.email, 'ann.b@acme.example');
  t.equal(w.members.get('dbmid:ann')?.externalId, '00uann2');
  t.equal(w.members.get('dbmid:ann')?.role, 'support_admin');
  t.equal(w.members.get('dbmid:oldadmin')?.role, 'member_only');
  t.equal(w.members.get('dbmid:cat')?.status, 'suspended');
  t.equal(w.members.get('dbmid:bob')?.status, 'removed');
  t.equal(w.members.get('dbmid:mgr')?.files, 7, 'files went to the manager');
  t.equal(w.groups.has(legacy.groupId), false, 'group deleted');
  const profileCall = w.callsOf('setProfile')[0]!;
  t.same(profileCall.args[0], { by: 'team_member_id', value: 'dbmid:ann' }, 'external id change selects by team_member_id');
});

t.test('partial failure: what depends on a failure is skipped with the reason, the rest goes on', async (t) => {
  const cases: {
    name: string;
    arrange: (w: FakeWriter) => void;
    actions: Action[];
    expect: Record<string, 'applied' | 'failed' | 'skipped'>;
    reason?: [string, RegExp];
    check?: (t: Test, w: FakeWriter, notes: Map<string, string | null>) => void;
  }[] = [
    {
      name: 'no group add for a member whose add failed',
      arrange: (w) => {
        w.group({ name: 'Sales', groupId: 'g:sales' });
        w.failAdd('zed@acme.example', 'team_license_limit');
      },
      actions: [
        addMember('zed@acme.example', '00uzed'),
        addMember('yan@acme.example', '00uyan'),
        groupAdd(groupRef('Sales', 'g:sales'), [person('zed@acme.example', null, '00uzed')], { id: 'ga:zed', dependsOn: ['member.add:okta:00uzed'] }),
        groupAdd(groupRef('Sales', 'g:sales'), [person('yan@acme.example', null, '00uyan')], { id: 'ga:yan', dependsOn: ['member.add:okta:00uyan'] }),
      ],
      expect: { 'member.add:okta:00uzed': 'failed', 'member.add:okta:00uyan': 'applied', 'ga:zed': 'skipped', 'ga:yan': 'applied' },
      reason: ['ga:zed', /its dependency member\.add zed@acme\.example failed/],
      check: (t, w) => t.equal(w.groupByName('Sales')?.members.size, 1, 'only yan joined'),
    },
    {
      name: 'a group add for several people leaves out only the one whose add failed',
      arrange: (w) => {
        w.group({ name: 'Sales', groupId: 'g:sales' });
        w.failAdd('zed@acme.example', 'team_license_limit');
      },
      actions: [
        addMember('zed@acme.example', '00uzed'),
        addMember('yan@acme.example', '00uyan'),
        groupAdd(groupRef('Sales', 'g:sales'), [person('zed@acme.example', null, '00uzed'), person('yan@acme.example', null, '00uyan')], {
          id: 'ga',
          dependsOn: ['member.add:okta:00uzed', 'member.add:okta:00uyan'],
        }),
      ],
      expect: { 'member.add:okta:00uzed': 'failed', 'member.add:okta:00uyan': 'applied', ga: 'applied' },
      check: (t, w, notes) => {
        t.equal(w.groupByName('Sales')?.members.size, 1);
        t.match(notes.get('ga'), /left out zed@acme\.example/);
      },
    },
    {
      name: 'a failed group create skips its membership and does not stop another member change',
      arrange: (w) => {
        w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
        w.failOn('createGroup', () => remoteError('group_name_already_used'));
      },
      actions: [
        createGroup('Engineering', '00geng'),
        groupAdd(groupRef('Engineering', null, 'okta:00geng'), [person('ann@acme.example', 'dbmid:ann')], { id: 'ga', dependsOn: ['group.create:okta:00geng'] }),
        suspend(person('ann@acme.example', 'dbmid:ann')),
      ],
      expect: { 'group.create:okta:00geng': 'failed', ga: 'skipped', 'member.suspend:dbmid:ann': 'applied' },
      reason: ['ga', /its dependency group\.create "Engineering" failed/],
    },
    {
      name: 'a skip propagates down a chain',
      arrange: (w) => {
        w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
        w.failOn('unsuspend', () => remoteError('team_license_limit'));
      },
      actions: [
        unsuspend(person('ann@acme.example', 'dbmid:ann')),
        setRole(person('ann@acme.example', 'dbmid:ann'), 'member_only', 'team_admin', { dependsOn: ['member.unsuspend:dbmid:ann'] }),
        groupAdd(groupRef('Admins', 'g:admins'), [person('ann@acme.example', 'dbmid:ann')], { id: 'ga', dependsOn: ['member.set_role:dbmid:ann'] }),
      ],
      expect: { 'member.unsuspend:dbmid:ann': 'failed', 'member.set_role:dbmid:ann': 'skipped', ga: 'skipped' },
      reason: ['ga', /its dependency member\.set_role ann@acme\.example was skipped/],
    },
    {
      name: 'a dependency missing from the plan skips the action',
      arrange: () => {},
      actions: [suspend(person('ann@acme.example', 'dbmid:ann'), { dependsOn: ['nowhere'] })],
      expect: { 'member.suspend:dbmid:ann': 'skipped' },
      reason: ['member.suspend:dbmid:ann', /depends on nowhere, which is not in the plan/],
    },
    {
      name: 'a dependency cycle skips both actions instead of hanging',
      arrange: (w) => w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' }),
      actions: [suspend(person('ann@acme.example', 'dbmid:ann'), { id: 'a', dependsOn: ['b'] }), suspend(person('ann@acme.example', 'dbmid:ann'), { id: 'b', dependsOn: ['a'] })],
      expect: { a: 'skipped', b: 'skipped' },
      reason: ['a', /cycle/],
    },
    {
      name: 'a retryable server error fails only that action',
      arrange: (w) => {
        w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
        w.member({ email: 'bob@acme.example', teamMemberId: 'dbmid:bob' });
        w.failOn('suspend', () => remoteError('internal_error', 'Dropbox answered 503 after 5 attempts', true, 'req-503'), {
          when: (args) => (args[0] as { value: string }).value === 'dbmid:ann',
        });
      },
      actions: [suspend(person('ann@acme.example', 'dbmid:ann')), suspend(person('bob@acme.example', 'dbmid:bob'))],
      expect: { 'member.suspend:dbmid:ann': 'failed', 'member.suspend:dbmid:bob': 'applied' },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const w = team();
      c.arrange(w);
      const result = await applyPlan(plan(c.actions), w);
      const statuses = Object.fromEntries(result.outcomes.map((o) => [o.actionId, o.status]));
      t.same(statuses, c.expect);
      t.equal(result.ok, false);
      if (c.reason) t.match(result.outcomes.find((o) => o.actionId === c.reason![0])?.skipReason, c.reason[1]);
      c.check?.(t, w, new Map(result.outcomes.map((o) => [o.actionId, o.note])));
    });
  }
});

t.test('a failed action records the error tag, retryability and request id', async (t) => {
  const w = team();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
  w.failOn('suspend', () => Object.assign(remoteError('internal_error', 'Dropbox answered 503', true, 'req-77'), { attempts: 5 }));
  const result = await applyPlan(plan([suspend(person('ann@acme.example', 'dbmid:ann'))]), w);
  const o = result.outcomes[0]!;
  t.equal(o.status, 'failed');
  t.same(o.error, { code: 'internal_error', message: 'Dropbox answered 503', retryable: true });
  t.equal(o.requestId, 'req-77');
  t.equal(o.attempts, 5);
});

t.test('"already so" answers count as applied, so a re-run converges', async (t) => {
  const w = team();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann', status: 'suspended' });
  const p = plan([suspend(person('ann@acme.example', 'dbmid:ann')), addMember('new@acme.example', '00unew')]);
  await applyPlan(p, w);
  const again = await applyPlan(p, w);
  t.same(again.counts, { applied: 2, failed: 0, skipped: 0 });
  t.same(
    again.outcomes.map((o) => o.alreadyDone),
    [true, true],
  );
  t.equal([...w.members.values()].filter((m) => m.email === 'new@acme.example').length, 1, 'no duplicate member');
});

t.test('adds are batched by 20, and later actions resolve the new team_member_ids', async (t) => {
  const w = team();
  w.group({ name: 'Everyone', groupId: 'g:all' });
  const adds = Array.from({ length: 42 }, (_, i) => addMember(`hire${i}@acme.example`, `00uh${i}`));
  const groupAdds = adds.map((a, i) => groupAdd(groupRef('Everyone', 'g:all'), [person(a.member.email, null, `00uh${i}`)], { id: `ga:${i}`, dependsOn: [a.id] }));
  const result = await applyPlan(plan([...adds, ...groupAdds]), w);
  t.equal(result.counts.applied, 84);
  t.same(
    w.callsOf('addMembers').map((c) => (c.args[0] as unknown[]).length),
    [20, 20, 2],
    '42 adds → 3 calls',
  );
  t.equal(w.groupByName('Everyone')?.members.size, 42);
});

t.test('concurrency: never more calls in flight than asked, and the bound is used', async (t) => {
  for (const concurrency of [1, 3, 6]) {
    const w = team();
    w.delayMs = 3;
    const actions = Array.from({ length: 18 }, (_, i) => {
      w.member({ email: `m${i}@acme.example`, teamMemberId: `dbmid:m${i}` });
      return suspend(person(`m${i}@acme.example`, `dbmid:m${i}`));
    });
    const result = await applyPlan(plan(actions), w, { concurrency });
    t.equal(result.counts.applied, 18);
    t.equal(w.maxInFlight, concurrency, `concurrency ${concurrency}`);
  }
});

t.test('concurrency must be a whole number of at least 1', async (t) => {
  await t.rejects(applyPlan(plan([]), team(), { concurrency: 0 }), UsageError);
});

t.test('transfers to one destination never overlap; transfers to different ones may', async (t) => {
  const w = team();
  w.delayMs = 4;
  w.member({ email: 'mgr1@acme.example', teamMemberId: 'dbmid:mgr1' });
  w.member({ email: 'mgr2@acme.example', teamMemberId: 'dbmid:mgr2' });
  const actions: Action[] = [];
  for (let i = 0; i < 8; i++) {
    w.member({ email: `leaver${i}@acme.example`, teamMemberId: `dbmid:l${i}`, files: 1 });
    const dest = i % 2 === 0 ? person('mgr1@acme.example', 'dbmid:mgr1') : person('mgr2@acme.example', 'dbmid:mgr2');
    actions.push(removeMember(person(`leaver${i}@acme.example`, `dbmid:l${i}`), { transferTo: dest, transferAdmin: ADMIN }));
  }
  const result = await applyPlan(plan(actions), w, { concurrency: 4 });
  t.equal(result.counts.applied, 8);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  let sameDest = 0;
  let crossDest = 0;
  for (const a of w.transfers) {
    for (const b of w.transfers) {
      if (a === b || !overlaps(a, b)) continue;
      if (a.to === b.to) sameDest++;
      else crossDest++;
    }
  }
  t.equal(sameDest, 0, 'no two transfers to one destination overlap');
  t.ok(crossDest > 0, 'transfers to different destinations ran side by side');
  t.equal(w.members.get('dbmid:mgr1')?.files, 4);
  t.equal(w.members.get('dbmid:mgr2')?.files, 4);
});

t.test('a phase starts only when the previous one has settled', async (t) => {
  const w = team();
  w.delayMs = 2;
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann', role: 'team_admin' });
  w.member({ email: 'bob@acme.example', teamMemberId: 'dbmid:bob' });
  const result = await applyPlan(
    plan([setRole(person('bob@acme.example', 'dbmid:bob'), 'member_only', 'team_admin'), setRole(person('ann@acme.example', 'dbmid:ann'), 'team_admin', 'member_only')]),
    w,
  );
  t.equal(result.counts.applied, 2);
  const [promote, demote] = w.callsOf('setRole');
  t.equal((promote!.args[0] as { value: string }).value, 'dbmid:bob');
  t.ok(promote!.end < demote!.start, 'the new admin is in place before the old one is demoted');
});

t.test('transfer destination re-checked at apply time', async (t) => {
  const cases = [
    {
      name: 'destination still active: files go to it',
      dest: 'active' as const,
      fallback: 'active' as const,
      expect: 'applied',
      filesTo: 'mgr',
    },
    {
      name: 'destination gone: the fallback receives the files',
      dest: 'removed' as const,
      fallback: 'active' as const,
      expect: 'applied',
      filesTo: 'archive',
    },
    {
      name: 'destination and fallback gone: not removed',
      dest: 'removed' as const,
      fallback: 'suspended' as const,
      expect: 'failed',
      filesTo: null,
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const w = team();
      w.member({ email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver', files: 5 });
      w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr', status: c.dest });
      w.member({ email: 'archive@acme.example', teamMemberId: 'dbmid:archive', status: c.fallback });
      const action = removeMember(person('leaver@acme.example', 'dbmid:leaver'), {
        transferTo: person('mgr@acme.example', 'dbmid:mgr'),
        fallbacks: [person('archive@acme.example', 'dbmid:archive')],
        transferAdmin: ADMIN,
      });
      const result = await applyPlan(plan([action]), w);
      const o = result.outcomes[0]!;
      t.equal(o.status, c.expect);
      if (c.filesTo === null) {
        t.equal(w.members.get('dbmid:leaver')?.status, 'active', 'still a member');
        t.equal(w.callsOf('remove').length, 0, 'no removal was sent');
        t.equal(o.error?.code, 'transfer_destination_inactive');
        t.match(o.error?.message, /transfer destination mgr@acme\.example is no longer an active member.*; not removed$/);
      } else {
        t.equal(w.members.get(`dbmid:${c.filesTo}`)?.files, 5);
        t.equal(w.members.get('dbmid:leaver')?.status, 'removed');
        if (c.filesTo === 'archive') t.match(o.note, /fallback archive@acme\.example/);
      }
    });
  }
});

t.test('a destination whose email is not verified: the next configured destination receives the files', async (t) => {
  // team.stone:1594 MembersTransferFilesError.recipient_not_verified ("The recipient user's email is
  // not verified"); MemberProfile.email_verified, team.stone:56.
  const cases = [
    { name: 'seen unverified before the call: the fallback, and no call that Dropbox would refuse', refusedByDropbox: false },
    { name: 'refused by Dropbox with recipient_not_verified: the fallback, not a failed removal', refusedByDropbox: true },
  ];
  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const w = team();
      w.member({ email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver', files: 5 });
      // Verified in what getMember answers only when Dropbox is the one to refuse.
      w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr', emailVerified: c.refusedByDropbox });
      w.member({ email: 'archive@acme.example', teamMemberId: 'dbmid:archive' });
      if (c.refusedByDropbox) {
        w.failOn('remove', () => remoteError('recipient_not_verified'), { when: (args) => (args[1] as { transferDest: { value: string } | null }).transferDest?.value === 'dbmid:mgr' });
      }
      const action = removeMember(person('leaver@acme.example', 'dbmid:leaver'), {
        transferTo: person('mgr@acme.example', 'dbmid:mgr'),
        fallbacks: [person('archive@acme.example', 'dbmid:archive')],
        transferAdmin: ADMIN,
      });
      const result = await applyPlan(plan([action]), w);
      const o = result.outcomes[0]!;
      t.equal(o.status, 'applied');
      t.match(o.note, /files transferred to fallback archive@acme\.example \(mgr@acme\.example has an unverified email\)/);
      t.equal(w.members.get('dbmid:archive')?.files, 5);
      t.equal(w.members.get('dbmid:leaver')?.status, 'removed');
      t.equal(w.callsOf('remove').length, c.refusedByDropbox ? 2 : 1);
    });
  }
  await t.test('no verified destination at all: not removed, and the error says which were unverified', async (t) => {
    const w = team();
    w.member({ email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver', files: 5 });
    w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr', emailVerified: false });
    const result = await applyPlan(plan([removeMember(person('leaver@acme.example', 'dbmid:leaver'), { transferTo: person('mgr@acme.example', 'dbmid:mgr'), transferAdmin: ADMIN })]), w);
    t.equal(result.outcomes[0]?.status, 'failed');
    t.match(result.outcomes[0]?.error?.message, /unverified email: mgr@acme\.example; not removed$/);
    t.equal(w.members.get('dbmid:leaver')?.status, 'active');
  });
  await t.test('another refusal of the removal is not taken for an unverified destination', async (t) => {
    const w = team();
    w.member({ email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver', files: 5 });
    w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr' });
    w.member({ email: 'archive@acme.example', teamMemberId: 'dbmid:archive' });
    w.failOn('remove', () => remoteError('remove_last_admin'));
    const action = removeMember(person('leaver@acme.example', 'dbmid:leaver'), { transferTo: person('mgr@acme.example', 'dbmid:mgr'), fallbacks: [person('archive@acme.example', 'dbmid:archive')], transferAdmin: ADMIN });
    const result = await applyPlan(plan([action]), w);
    t.equal(result.outcomes[0]?.error?.code, 'remove_last_admin');
    t.equal(w.members.get('dbmid:archive')?.files, 0, 'no fallback tried');
  });
});

t.test('a removal without transfer does not check a destination', async (t) => {
  const w = team();
  w.member({ email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver' });
  const result = await applyPlan(plan([removeMember(person('leaver@acme.example', 'dbmid:leaver'))]), w);
  t.equal(result.outcomes[0]?.status, 'applied');
  t.equal(w.callsOf('getMember').length, 0);
});

t.test('a manager leaving with their report: both removals succeed in either order', async (t) => {
  const w = team();
  w.delayMs = 2;
  w.member({ email: 'archive@acme.example', teamMemberId: 'dbmid:archive' });
  w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr', files: 2 });
  w.member({ email: 'rep@acme.example', teamMemberId: 'dbmid:rep', files: 3 });
  const archive = person('archive@acme.example', 'dbmid:archive');
  const result = await applyPlan(
    plan([
      removeMember(person('mgr@acme.example', 'dbmid:mgr'), { transferTo: archive, transferAdmin: ADMIN }),
      removeMember(person('rep@acme.example', 'dbmid:rep'), { transferTo: person('mgr@acme.example', 'dbmid:mgr'), fallbacks: [archive], transferAdmin: ADMIN }),
    ]),
    w,
  );
  t.equal(result.counts.applied, 2);
  const total = [...w.members.values()].reduce((n, m) => n + m.files, 0);
  t.equal(total, 5, 'no file lost');
  t.equal(w.strandedFiles, 0);
});

t.test('plans apply refuses before any write', async (t) => {
  const w = team();
  const okta: Action = { id: 'okta.assign:00u1', kind: 'okta.assign', reason: 'r', reversibility: 'reversible', dependsOn: [], serialKey: null, member: person('a@acme.example') };
  await t.rejects(applyPlan(plan([okta]), w), { name: 'UsageError', message: /Okta writes .*okta\.assign.*import --apply/ });
  await t.rejects(applyPlan(plan([suspend(person('a@acme.example', 'dbmid:a'))], { violations: [{ rule: 'max_removals', message: 'm', limit: 1, value: 2 }] }), w), {
    message: /refused by the safety guard \(max_removals\)/,
  });
  const a = suspend(person('a@acme.example', 'dbmid:a'));
  await t.rejects(applyPlan(plan([a, a]), w), { message: /twice/ });
  t.equal(w.calls.length, 0);
});

t.test('an interrupted apply skips what has not started', async (t) => {
  const w = team();
  w.delayMs = 2;
  const controller = new AbortController();
  const actions = Array.from({ length: 10 }, (_, i) => {
    w.member({ email: `m${i}@acme.example`, teamMemberId: `dbmid:m${i}` });
    return suspend(person(`m${i}@acme.example`, `dbmid:m${i}`));
  });
  const events: ApplyEvent[] = [];
  const result = await applyPlan(plan(actions), w, {
    concurrency: 2,
    signal: controller.signal,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'action.finished' && e.counts.applied === 2) controller.abort();
    },
  });
  t.ok(result.counts.applied >= 2 && result.counts.applied <= 4, `applied ${result.counts.applied}`);
  t.equal(result.counts.applied + result.counts.skipped, 10);
  t.match(result.outcomes.at(-1)?.skipReason, /interrupted/);
  t.equal(events.filter((e) => e.type === 'action.finished').length, 10, 'one finished event per action');
  t.equal(events[0]?.type, 'apply.started');
  t.equal(events.at(-1)?.type, 'apply.finished');
});

t.test('durations and times come from the injected clock', async (t) => {
  const w = team();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
  let ms = Date.parse('2026-11-28T12:00:00Z');
  const result = await applyPlan(plan([suspend(person('ann@acme.example', 'dbmid:ann'))]), w, { now: () => new Date((ms += 10)) });
  t.equal(result.outcomes[0]?.ms, 10);
  t.equal(result.outcomes[0]?.finishedAt, '2026-11-28T12:00:00.030Z');
});

t.test('a failing listener (the audit log cannot be written) stops the apply with its own error', async (t) => {
  const w = team();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
  const p = plan([suspend(person('ann@acme.example', 'dbmid:ann'))]);
  await t.rejects(
    applyPlan(p, w, {
      onEvent: (e) => {
        if (e.type === 'action.finished') throw new Error('ENOSPC: no space left on device');
      },
    }),
    { message: /ENOSPC/ },
  );
});

t.test('a stop waits for the calls in flight at most stopGraceMs: a call still running then is recorded as failed (interrupted), its late answer is dropped', async (t) => {
  const w = team();
  let release = (): void => {};
  const hung = new Promise<void>((resolve) => (release = resolve));
  const suspendOf = w.suspend.bind(w);
  w.suspend = async (selector, wipeData) => {
    if (selector.value === 'dbmid:stuck') await hung;
    return suspendOf(selector, wipeData);
  };
  const actions = ['stuck', 'quick', 'later1', 'later2'].map((name) => {
    w.member({ email: `${name}@acme.example`, teamMemberId: `dbmid:${name}` });
    return suspend(person(`${name}@acme.example`, `dbmid:${name}`));
  });
  const controller = new AbortController();
  const events: ApplyEvent[] = [];
  const result = await applyPlan(plan(actions), w, {
    concurrency: 2,
    signal: controller.signal,
    stopGraceMs: 20,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'action.finished' && e.action.id === actions[1]!.id) controller.abort('SIGINT');
    },
  });
  t.equal(result.interrupted, 'SIGINT');
  t.same(
    result.outcomes.map((o) => [o.status, o.error?.code ?? o.skipReason]),
    [
      ['failed', 'interrupted'],
      ['applied', null],
      ['skipped', 'apply was interrupted (SIGINT) before this action started'],
      ['skipped', 'apply was interrupted (SIGINT) before this action started'],
    ],
  );
  t.match(result.outcomes[0]!.error, { retryable: true, message: /still in flight 20 ms after apply was interrupted \(SIGINT\); the next plan shows whether Dropbox made this change/ });
  t.match(events.find((e) => e.type === 'apply.interrupted'), { interruption: { reason: 'SIGINT', notStarted: 2, abandoned: 1, counts: { applied: 1, failed: 1, skipped: 2 } } });
  t.equal(events.at(-1)?.type, 'apply.finished');
  release();
  await new Promise((r) => setImmediate(r));
  t.equal(events.filter((e) => e.type === 'action.finished').length, 4, 'the late answer of the stuck call adds no second outcome');
});

t.test('without a stop nothing is interrupted: the result carries no interrupted reason and no interrupted event', async (t) => {
  const w = team();
  w.member({ email: 'a@acme.example', teamMemberId: 'dbmid:a' });
  const events: ApplyEvent[] = [];
  const result = await applyPlan(plan([suspend(person('a@acme.example', 'dbmid:a'))]), w, { signal: new AbortController().signal, onEvent: (e) => events.push(e) });
  t.equal(result.interrupted, undefined);
  t.notOk(events.some((e) => e.type === 'apply.interrupted'));
});
