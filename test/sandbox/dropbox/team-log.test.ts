/**
 * The sandbox's audit log (team_log/get_events + /continue) against the Stone spec
 * (dropbox-api-spec team_log.stone): member status changes made through the API are recorded as
 * member_change_status events (:13025, details :4308) of category members with the token's admin as
 * actor (:2272); the time range is start-inclusive, end-exclusive (team_common.stone:51); category
 * and event_type together are invalid_filters (:20); start after end is invalid_time_range (:18);
 * a cursor that does not parse is bad_cursor (:28); limit pages and has_more (:40, :71).
 */
import t from 'tap';
import { countRemovalsBy, isRemovalBy } from '../../../src/dropbox/team-log.js';
import { RemoteError } from '../../../src/domain/errors.js';
import { DAY, START, startDropbox } from '../../dropbox/fixture.js';

const sel = (id: string) => ({ '.tag': 'team_member_id', team_member_id: id }) as never;

t.test('status changes through the API are logged and served with the time range and category filter', async (t) => {
  const h = await startDropbox();
  t.teardown(() => h.close());
  await h.client.teamMembersSuspend({ user: sel('dbmid:alice'), wipe_data: false });
  h.advance(3600_000);
  await h.client.teamMembersUnsuspend({ user: sel('dbmid:alice') });
  await h.client.teamMembersRemove({ user: sel('dbmid:bob'), wipe_data: false } as never);
  const all = (await h.client.teamLogGetEvents({ category: { '.tag': 'members' } } as never)).result as unknown as { events: Record<string, any>[]; has_more: boolean };
  t.equal(all.events.length, 3);
  t.equal(all.has_more, false);
  t.match(all.events[0], {
    timestamp: '2026-11-20T12:00:00Z',
    event_category: { '.tag': 'members' },
    actor: { '.tag': 'admin', admin: { '.tag': 'team_member', team_member_id: 'dbmid:admin' } },
    context: { '.tag': 'team_member', team_member_id: 'dbmid:alice' },
    event_type: { '.tag': 'member_change_status' },
    details: { '.tag': 'member_change_status_details', previous_value: { '.tag': 'active' }, new_value: { '.tag': 'suspended' } },
  });
  t.match(all.events[2].details, { new_value: { '.tag': 'removed' }, action: { '.tag': 'remove_action', remove_action: { '.tag': 'delete' } } });

  const later = (await h.client.teamLogGetEvents({ time: { start_time: '2026-11-20T12:00:01Z' } } as never)).result as unknown as { events: unknown[] };
  t.equal(later.events.length, 2, 'start_time is inclusive and filters out the earlier event');
  const before = (await h.client.teamLogGetEvents({ time: { end_time: '2026-11-20T13:00:00Z' } } as never)).result as unknown as { events: unknown[] };
  t.equal(before.events.length, 1, 'end_time is exclusive');
  const groups = (await h.client.teamLogGetEvents({ category: { '.tag': 'groups' } } as never)).result as unknown as { events: unknown[] };
  t.equal(groups.events.length, 0, 'another category has none of them');

  const first = (await h.client.teamLogGetEvents({ limit: 2 } as never)).result as unknown as { events: unknown[]; cursor: string; has_more: boolean };
  t.equal(first.events.length, 2);
  t.equal(first.has_more, true);
  const rest = (await h.client.teamLogGetEventsContinue({ cursor: first.cursor })).result as unknown as { events: unknown[]; has_more: boolean };
  t.equal(rest.events.length, 1, 'continue returns the rest');
  t.equal(rest.has_more, false);
});

t.test('route errors of the spec', async (t) => {
  const h = await startDropbox();
  t.teardown(() => h.close());
  const tagOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return null;
    } catch (err) {
      return ((err as { error?: { error?: { '.tag'?: string } } }).error?.error?.['.tag']) ?? String(err);
    }
  };
  t.equal(await tagOf(h.client.teamLogGetEvents({ category: { '.tag': 'members' }, event_type: { '.tag': 'member_change_status' } } as never)), 'invalid_filters');
  t.equal(await tagOf(h.client.teamLogGetEvents({ time: { start_time: '2026-11-21T00:00:00Z', end_time: '2026-11-20T00:00:00Z' } } as never)), 'invalid_time_range');
  t.equal(await tagOf(h.client.teamLogGetEventsContinue({ cursor: 'nonsense' })), 'bad_cursor');
  const res = await h.raw('team_log/get_events', JSON.stringify({ limit: 0 }));
  t.equal(res.status, 400, 'limit below 1 is a bad request');
});

t.test('countRemovalsBy counts removals and suspensions by this admin in the window, across pages', async (t) => {
  const h = await startDropbox();
  t.teardown(() => h.close());
  const log = h.state.teamLog;
  const entry = (hoursAgo: number, next: 'removed' | 'suspended' | 'active', actor: string | null = 'dbmid:admin') =>
    log.record({ time: new Date(START.getTime() - hoursAgo * 3600_000), actorTeamMemberId: actor, actorEmail: null, targetTeamMemberId: 'dbmid:x', targetEmail: 'x@example.com', targetExternalId: null, previous: 'active', next, removeAction: null });
  for (let i = 0; i < 1500; i++) entry(1, i % 2 === 0 ? 'removed' : 'suspended');
  entry(2, 'active');
  entry(3, 'removed', 'dbmid:it-admin');
  entry(25, 'removed');
  const window = { start: new Date(START.getTime() - DAY), end: new Date(START.getTime() + 1000) };
  const counted = await countRemovalsBy(h.client, 'dbmid:admin', window);
  t.same(counted, { count: 1500, calls: 2 }, 'two pages of 1000; the unsuspension, the other admin and the older removal are not counted');
  t.equal((await countRemovalsBy(h.client, null, window)).count, 1501, 'a token without admin counts every actor');
  t.notOk(isRemovalBy({ event_type: { '.tag': 'member_change_status' }, details: { new_value: { '.tag': 'removed' } }, actor: { '.tag': 'app' } }, 'dbmid:admin'), 'an app actor is not this admin');
  await t.rejects(countRemovalsBy(h.client, 'dbmid:admin', { start: window.end, end: window.start }), RemoteError);
});
