/**
 * Paging never stops early: a `next` link naming another host than OKTA_ORG_URL (a proxy, a custom
 * domain, an emulator's own address) is followed on the org's origin, so no one is dropped from
 * the app's users (which would make them look unassigned, and be suspended).
 */
import t from 'tap';
import { createOktaClient } from '../../src/okta/client.js';
import { onOrgOrigin } from '../../src/okta/raw-list.js';
import { readOktaState } from '../../src/okta/reader.js';
import { requireDesiredState } from '../../src/config/index.js';
import { generateDesiredStateYaml, generateOrg } from '../../src/sandbox/generate.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

t.test('a next link on another host keeps its path and cursor, but goes to the org', async (t) => {
  const origin = 'https://acme.okta.com';
  t.equal(onOrgOrigin('https://acme.okta.com/api/v1/users?after=x', origin, origin), 'https://acme.okta.com/api/v1/users?after=x');
  t.equal(onOrgOrigin('https://elsewhere.example/api/v1/users?after=x&limit=200', origin, origin), 'https://acme.okta.com/api/v1/users?after=x&limit=200');
  t.equal(onOrgOrigin('/api/v1/users?after=y', origin, origin), 'https://acme.okta.com/api/v1/users?after=y');
});

t.test('reading through a different host name than the one the server puts in its links reads every page', async (t) => {
  const sandbox = await startSandbox({ seed: generateOrg({ people: 1300, seed: 3 }) });
  t.teardown(() => sandbox.close());
  const dir = mkdtempSync(path.join(tmpdir(), 'dbxsync-raw-'));
  for (const [name, text] of Object.entries(generateDesiredStateYaml({ people: 1300, seed: 3 }))) writeFileSync(path.join(dir, name), text);
  const { state } = await requireDesiredState(dir, { now: new Date('2026-11-28T12:00:00Z') });
  const token = sandbox.env().OKTA_API_TOKEN!;
  const direct = await readOktaState(createOktaClient({ orgUrl: sandbox.url, apiToken: token }), state, { dropboxMembers: [] });
  const viaLocalhost = await readOktaState(createOktaClient({ orgUrl: sandbox.url.replace('127.0.0.1', 'localhost'), apiToken: token }), state, { dropboxMembers: [] });
  t.ok(direct.assignments.length > 1000, 'more than two pages of app users');
  t.equal(viaLocalhost.assignments.length, direct.assignments.length, 'no page lost');
  t.same(viaLocalhost.calls['GET /api/v1/apps/{id}/users'], direct.calls['GET /api/v1/apps/{id}/users']);
});

t.test('an org that refuses `search` for user lookups (400) is asked again with `filter`', async (t) => {
  const { createOktaApi } = await import('../../src/sandbox/okta/api.js');
  const { SandboxHttp } = await import('../../src/sandbox/http.js');
  const seed = generateOrg({ people: 200, seed: 5 });
  const { api } = createOktaApi(seed.okta, { token: 'okta-test-token-123', clock: () => new Date('2026-11-28T12:00:00Z') });
  let refused = 0;
  const strict = {
    ...api,
    handle: (req: Parameters<typeof api.handle>[0]) => {
      if (req.path === '/api/v1/users' && req.query.has('search')) {
        refused++;
        return { status: 400, headers: { Date: new Date().toUTCString() }, body: { errorCode: 'E0000031', errorSummary: 'Invalid search criteria.', errorLink: 'E0000031', errorId: 'x', errorCauses: [] } };
      }
      return api.handle(req);
    },
  };
  const http = new SandboxHttp([strict]);
  const url = await http.listen();
  t.teardown(() => http.close());
  const dir = mkdtempSync(path.join(tmpdir(), 'dbxsync-raw-'));
  for (const [name, text] of Object.entries(generateDesiredStateYaml({ people: 200, seed: 5 }))) writeFileSync(path.join(dir, name), text);
  const { state } = await requireDesiredState(dir, { now: new Date('2026-11-28T12:00:00Z') });
  // Leavers (not app users) known only from the Dropbox side: found by a batched lookup.
  const leavers = seed.okta.users.filter((u) => u.status === 'DEPROVISIONED').slice(0, 3);
  t.ok(leavers.length >= 2, 'a batch, not a single GET by id');
  const read = await readOktaState(createOktaClient({ orgUrl: url, apiToken: 'okta-test-token-123' }), state, {
    dropboxMembers: leavers.map((l) => ({ email: String(l.profile.email), externalId: l.id })),
  });
  t.ok(refused >= 1, 'search was tried first');
  for (const l of leavers) t.ok(read.users.some((u) => u.id === l.id && u.status === 'DEPROVISIONED'), `${l.id} is found with filter`);
});
