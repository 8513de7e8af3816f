import t from 'tap';
import { renderApplySummary } from '../../src/apply/summary.js';
import { applyPlan } from '../../src/apply/execute.js';
import { FakeWriter, remoteError } from './fakes/fake-writer.js';
import { addMember, groupAdd, groupRef, person, plan, removeMember, suspend } from './fakes/plan-builder.js';

t.test('partial failure summary: failures and skips one line each, then the count line', async (t) => {
  const w = new FakeWriter();
  w.member({ email: 'it-admin@acme.example', teamMemberId: 'dbmid:admin', role: 'team_admin' });
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann', status: 'suspended' });
  w.member({ email: 'bob@acme.example', teamMemberId: 'dbmid:bob' });
  w.member({ email: 'leaver@acme.example', teamMemberId: 'dbmid:leaver' });
  w.member({ email: 'mgr@acme.example', teamMemberId: 'dbmid:mgr', status: 'removed' });
  w.member({ email: 'archive@acme.example', teamMemberId: 'dbmid:archive' });
  w.group({ name: 'Sales', groupId: 'g:sales' });
  w.failAdd('zed@acme.example', 'team_license_limit');
  w.failOn('suspend', () => remoteError('too_many_requests', 'rate limited after 5 attempts', true, 'req-42'), { when: (a) => (a[0] as { value: string }).value === 'dbmid:bob' });
  const p = plan([
    addMember('zed@acme.example', '00uzed'),
    addMember('yan@acme.example', '00uyan'),
    groupAdd(groupRef('Sales', 'g:sales'), [person('zed@acme.example', null, '00uzed')], { dependsOn: ['member.add:okta:00uzed'] }),
    suspend(person('ann@acme.example', 'dbmid:ann')),
    suspend(person('bob@acme.example', 'dbmid:bob')),
    removeMember(person('leaver@acme.example', 'dbmid:leaver'), {
      transferTo: person('mgr@acme.example', 'dbmid:mgr'),
      fallbacks: [person('archive@acme.example', 'dbmid:archive')],
      transferAdmin: person('it-admin@acme.example', 'dbmid:admin'),
    }),
  ]);
  const result = await applyPlan(p, w);
  const text = renderApplySummary(result, p, { color: false });
  t.equal(
    text,
    [
      'Failed (2):',
      '  member.add zed@acme.example: team_license_limit: team_license_limit for zed@acme.example',
      '  member.suspend bob@acme.example: too_many_requests: rate limited after 5 attempts (retryable, request id req-42)',
      'Skipped (1):',
      '  group.members.add "Sales": its dependency member.add zed@acme.example failed',
      'Notes (1):',
      '  member.remove leaver@acme.example: files transferred to fallback archive@acme.example (mgr@acme.example is no longer an active member)',
      '1 of the applied actions were already so in Dropbox.',
      'Some failures were temporary (rate limits, server errors): running apply again picks up what is left.',
      'Apply complete: 3 applied, 2 failed, 1 skipped.',
      '',
    ].join('\n'),
  );
  t.match(renderApplySummary(result, p, { color: true }), /\u001b\[31mApply complete: 3 applied, 2 failed, 1 skipped\.\u001b\[39m\n$/);
});

t.test('a clean run is one line', async (t) => {
  const w = new FakeWriter();
  w.member({ email: 'ann@acme.example', teamMemberId: 'dbmid:ann' });
  const p = plan([suspend(person('ann@acme.example', 'dbmid:ann'))]);
  const result = await applyPlan(p, w);
  t.equal(renderApplySummary(result, p, { color: false }), 'Apply complete: 1 applied, 0 failed, 0 skipped.\n');
  t.equal(renderApplySummary(result, p, { color: true }), '\u001b[32mApply complete: 1 applied, 0 failed, 0 skipped.\u001b[39m\n');
});
