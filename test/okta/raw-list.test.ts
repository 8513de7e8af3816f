/**
 * Paging never stops early, and never leaves the org: Okta's links name the host the client called
 * (the sandbox does the same), so reading through localhost instead of 127.0.0.1 reads every page;
 * a link naming another origin is refused (test/transport/origin.test.ts).
 */
import t from 'tap';
import { createOktaClient } from '../../src/okta/client.js';
import { resolveLink } from '../../src/okta/raw-list.js';
import { readOktaState } from '../../src/okta/reader.js';
import { requireDesiredState } from '../../src/config/index.js';
import { generateDesiredStateYaml, generateOrg } from '../../src/sandbox/generate.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../helpers/scratch.js';

t.test('a relative next link is resolved against the org; an absolute one is kept as it is', async (t) => {
  const org = 'https://acme.okta.com';
  t.equal(resolveLink('https://acme.okta.com/api/v1/users?after=x', org), 'https://acme.okta.com/api/v1/users?after=x');
  t.equal(resolveLink('https://elsewhere.example/api/v1/users?after=x', org), 'https://elsewhere.example/api/v1/users?after=x');
  t.equal(resolveLink('/api/v1/users?after=y', org), 'https://acme.okta.com/api/v1/users?after=y');
});

t.test('reading through a different host name than the one the server puts in its links reads every page', async (t) => {
  const sandbox = await startSandbox({ seed: generateOrg({ people: 1300, seed: 3 }) });
  t.teardown(() => sandbox.close());
  const dir = scratchDir(t, 'dbxsync-raw-');
  for (const [name, text] of Object.entries(generateDesiredStateYaml({ people: 1300, seed: 3 }))) writeFileSync(path.join(dir, name), text);
  const { state } = await requireDesiredState(dir, { now: new Date('2026-11-28T12:00:00Z') });
  const token = sandbox.env().OKTA_API_TOKEN!;
  const direct = await readOktaState(createOktaClient({ orgUrl: sandbox.url, apiToken: token }), state, { dropboxMembers: [] });
  const viaLocalhost = await readOktaState(createOktaClient({ orgUrl: sandbox.url.replace('127.0.0.1', 'localhost'), apiToken: token }), state, { dropboxMembers: [] });
  t.ok(direct.assignments.length > 1000, 'more than two pages of app users');
  t.equal(viaLocalhost.assignments.length, direct.assignments.length, 'no page lost');
  t.same(viaLocalhost.calls['GET /api/v1/apps/{id}/users'], direct.calls['GET /api/v1/apps/{id}/users']);
});

