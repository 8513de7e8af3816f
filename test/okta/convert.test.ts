import t from 'tap';
import { toOktaGroup, toOktaUser } from '../../src/okta/convert.js';
import { listRaw } from '../../src/okta/raw-list.js';
import { generatedOrg, startOkta, user, userId } from './fixtures.js';

t.test('an SDK model (Dates, undefined keys) and raw JSON give the same OktaUser', async (t) => {
  const seed = generatedOrg(3, 3);
  seed.users[1] = user(2, { status: 'SUSPENDED', statusChanged: '2026-10-01T08:00:00.123Z', manager: userId(1) });
  seed.users[1].profile['costCenter'] = 'R&D';
  const h = await startOkta(seed);
  t.teardown(() => h.close());
  const model = await h.client.sdk.userApi.getUser({ userId: userId(2) });
  t.ok((model as { created?: unknown }).created instanceof Date, 'the SDK model holds Dates');
  const raw: unknown[] = [];
  for await (const u of listRaw(h.client, '/api/v1/users', { filter: `id eq "${userId(2)}"` })) raw.push(u);
  const fromModel = toOktaUser(model);
  t.same(fromModel, toOktaUser(raw[0]), 'same plain user');
  t.match(fromModel, {
    id: userId(2),
    status: 'SUSPENDED',
    email: 'user2@acme-robotics.example',
    statusChanged: '2026-10-01T08:00:00.123Z',
    created: '2025-01-01T00:00:00.000Z',
    profile: { managerId: userId(1), costCenter: 'R&D', email: 'User2@Acme-Robotics.example' },
  });
  t.notOk(Object.values(fromModel!.profile).includes(undefined), 'no undefined keys from the model');
});

t.test('odd inputs', async (t) => {
  const cases: [string, unknown, unknown][] = [
    ['no id', { status: 'ACTIVE' }, null],
    ['null', null, null],
    ['an unknown status reads as awaiting activation', { id: '00u1', status: 'ACTIVATING', profile: {} }, { status: 'PROVISIONED' }],
    ['a missing email', { id: '00u1', status: 'ACTIVE', profile: { login: 'x' } }, { email: '', login: 'x' }],
    ['timestamps normalised to ISO with ms', { id: '00u1', status: 'ACTIVE', created: '2026-01-02T03:04:05Z' }, { created: '2026-01-02T03:04:05.000Z' }],
  ];
  for (const [name, input, expected] of cases) {
    if (expected === null) t.equal(toOktaUser(input), null, name);
    else t.match(toOktaUser(input), expected, name);
  }
  t.same(toOktaGroup({ id: '00g1', type: 'APP_GROUP', profile: { name: 'X' } }), { id: '00g1', name: 'X', type: 'APP_GROUP', memberIds: null });
});
