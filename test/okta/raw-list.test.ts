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

