/**
 * Reading the Okta System Log with the real SDK client over HTTP against the sandbox (reference
 * okta-api.md §6; OpenAPI `/api/v1/logs`, okta-management-openapi-spec
 * dist/current/management-minimal.yaml line 18279): the bounded window reconcile reads, the polling
 * pages watch reads (never followed in a loop: a polling query has no last page, G3), and which
 * people and groups the events touch.
 */
import t from 'tap';
import { affectedBy, eventTypeFilter, pollLogPage, readLogWindow, toLifecycleEvent, type LifecycleEvent } from '../../src/okta/system-log.js';
import { RemoteError } from '../../src/domain/errors.js';
import { SandboxHttp } from '../../src/sandbox/http.js';
import { APP_ID, generatedOrg, startOkta, userId } from './fixtures.js';

t.test('readLogWindow: the lifecycle events of [since, until), every page, nothing else', async (t) => {
  const h = await startOkta(generatedOrg(30));
  t.teardown(() => h.close());
  const since = h.clock.date();
  for (let i = 1; i <= 1200; i++) {
    await h.clock.sleep(10);
    const id = userId(1 + (i % 30));
    h.state.setUserStatus(id, h.state.users.get(id)!.status === 'SUSPENDED' ? 'ACTIVE' : 'SUSPENDED');
  }
  h.state.log.record('user.session.start', 'User login to Okta', [{ id: userId(1), type: 'User', alternateId: 'x', displayName: 'x' }]);
  await h.clock.sleep(10);
  const until = h.clock.date();
  await h.clock.sleep(10);
  h.state.setUserStatus(userId(2), 'DEPROVISIONED');
  h.http.resetCounters();
  const events = await readLogWindow(h.client, { since, until });
  t.equal(events.length, 1200, 'all 1200 lifecycle events over two pages of 1000; the login and the event after until are left out');
  t.ok(events.every((e) => e.eventType === 'user.lifecycle.suspend' || e.eventType === 'user.lifecycle.unsuspend'));
  t.ok(events.every((e, i) => i === 0 || events[i - 1]!.published <= e.published), 'ordered by published');
  t.equal(h.http.calls('okta GET /api/v1/logs'), 2, 'two requests: ceil(1200 / 1000), the page-size lower bound');
});

t.test('pollLogPage: from since, then from each next link; an empty page keeps its link; no event twice', async (t) => {
  const h = await startOkta(generatedOrg(5));
  t.teardown(() => h.close());
  const since = h.clock.date();
  await h.clock.sleep(1000);
  h.state.setUserStatus(userId(1), 'DEPROVISIONED');
  const first = await pollLogPage(h.client, { since });
  t.same(first.events.map((e) => e.eventType), ['user.lifecycle.deactivate']);
  const empty = await pollLogPage(h.client, { next: first.next });
  t.same(empty.events, []);
  await h.clock.sleep(1000);
  h.state.addGroupMember(h.state.sortedGroups()[0]!.id, userId(2));
  const later = await pollLogPage(h.client, { next: empty.next });
  t.same(later.events.map((e) => e.eventType), ['group.user_membership.add'], 'only what happened since the last page');
});

t.test('pollLogPage keeps the token on the org: a next link naming another host is refused (issue 12 item 2)', async (t) => {
  const h = await startOkta(generatedOrg(5));
  t.teardown(() => h.close());
  const foreign = new SandboxHttp([]);
  const foreignUrl = await foreign.listen();
  t.teardown(() => foreign.close());
  const first = await pollLogPage(h.client, { since: h.clock.date() });
  const moved = first.next.replace(h.url, foreignUrl);
  await t.rejects(pollLogPage(h.client, { next: moved }), { name: 'RemoteError', code: 'foreign_origin' });
  t.equal(foreign.calls(), 0, 'the other host got no request (and so no SSWS token)');
});

t.test('toLifecycleEvent: an event without the fields reconcile uses fails with one line naming the route', async (t) => {
  const good = { uuid: 'u1', published: '2026-11-28T12:00:00.000Z', eventType: 'user.lifecycle.deactivate', target: [{ id: '00u1', type: 'User' }] };
  t.same(toLifecycleEvent(good, 0), { uuid: 'u1', published: good.published, eventType: good.eventType, targets: [{ id: '00u1', type: 'User' }] });
  t.same(toLifecycleEvent({ ...good, target: undefined }, 0).targets, [], 'no target list: no targets');
  const bad: [string, unknown, RegExp][] = [
    ['null', null, /GET \/api\/v1\/logs with an event without a body \(item 3\)/],
    ['no uuid', { ...good, uuid: undefined }, /without uuid/],
    ['an empty eventType', { ...good, eventType: '' }, /without eventType/],
    ['target not a list', { ...good, target: {} }, /without a target list/],
    ['a target without id', { ...good, target: [{ type: 'User' }] }, /without target\.id and target\.type/],
    ['a null target', { ...good, target: [null] }, /without target objects/],
  ];
  for (const [name, raw, message] of bad) {
    let caught: unknown = null;
    try {
      toLifecycleEvent(raw, 3);
    } catch (err) {
      caught = err;
    }
    t.ok(caught instanceof RemoteError && message.test(caught.message) && !caught.message.includes('\n'), `${name}: ${String(caught)}`);
  }
});

t.test('affectedBy: users and groups the events name; assignments of other apps are none of ours', async (t) => {
  const ev = (eventType: string, ...targets: [string, string][]): LifecycleEvent => ({ uuid: eventType + targets.length, published: '2026-11-28T12:00:00.000Z', eventType, targets: targets.map(([type, id]) => ({ type, id })) });
  const a = affectedBy(
    [
      ev('user.lifecycle.deactivate', ['User', '00ua']),
      ev('application.user_membership.add', ['AppUser', '00ub'], ['AppInstance', APP_ID]),
      ev('application.user_membership.add', ['AppUser', '00uslack'], ['AppInstance', '0oaslack']),
      ev('group.user_membership.add', ['User', '00uc'], ['UserGroup', '00gfin']),
      ev('group.application_assignment.add', ['UserGroup', '00gnew'], ['AppInstance', APP_ID]),
      ev('group.application_assignment.remove', ['UserGroup', '00gslack'], ['AppInstance', '0oaslack']),
      ev('group.profile.update', ['UserGroup', '00gren']),
    ],
    APP_ID,
  );
  t.same([...a.userIds].sort(), ['00ua', '00ub', '00uc']);
  t.same([...a.groupIds].sort(), ['00gfin', '00gnew', '00gren']);
  t.same([...a.appGroupIds], ['00gnew']);
});

t.test('eventTypeFilter joins eq terms with or (values quoted as JSON strings)', async (t) => {
  t.equal(eventTypeFilter(['a.b', 'c"d']), 'eventType eq "a.b" or eventType eq "c\\"d"');
});
