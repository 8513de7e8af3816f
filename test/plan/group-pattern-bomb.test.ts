/**
 * Regex bombs end to end (issue 12 item 1): an Okta admin creates a group whose 41-character name
 * makes `^(a+)+$` backtrack exponentially in JavaScript's RegExp; validate and plan (the built CLI,
 * against the sandbox) still complete and push what matches. Each run has its own deadline (the
 * child is killed when it passes); the assertions are on the result, never on elapsed time. With
 * JavaScript's RegExp the runs were killed at the deadline (validate tests a named push against
 * every pattern; the Okta reader and the planner test every group name).
 */
import { cpSync, writeFileSync } from 'node:fs';

import path from 'node:path';
import t from 'tap';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { cliBuilt, REPO, runCli } from '../helpers/sandbox-process.js';

const BOMB_NAME = `${'a'.repeat(40)}!`;
const DEADLINE_MS = 45_000;

const GROUPS_YAML = `groupPushes:
  - oktaGroup: Engineering
  - oktaGroupPattern: "^(a+)+$"
  - oktaGroupPattern: "^(a|aa)+$"
  - oktaGroup: "${BOMB_NAME}"
pruneGroups: false
`;

t.test('validate and plan complete with regex bombs and a 41-character group name', { skip: cliBuilt() ? false : 'build first (npm test builds)' }, async (t) => {
  const seed = demoSeed(new Date());
  seed.okta.groups.push({ id: '00gbomb00000000000001', name: BOMB_NAME, members: [] }, { id: '00gbomb00000000000002', name: 'aaaa', members: [] });
  const sandbox = await startSandbox({ seed });
  t.teardown(() => sandbox.close());
  const root = t.testdir({});
  const dir = path.join(root, 'desired-state');
  cpSync(path.join(REPO, 'desired-state'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'groups.yaml'), GROUPS_YAML);

  const validate = await runCli(['validate', '--dir', dir], { env: sandbox.env(), killAfterMs: DEADLINE_MS });
  t.equal(validate.killed, false, 'validate finished before its deadline');
  t.equal(validate.code, 0, `validate accepts the patterns${validate.code === 0 ? '' : `: ${validate.stderr}`}`);

  const plan = await runCli(['plan', '--quiet', '--format', 'json', '--dir', dir], { env: sandbox.env(), killAfterMs: DEADLINE_MS });
  t.equal(plan.killed, false, 'plan finished before its deadline');
  t.equal(plan.code, 0, `plan succeeds${plan.code === 0 ? '' : `: ${plan.stderr}`}`);
  const created = (JSON.parse(plan.stdout) as { actions: { kind: string; group?: { name: string } }[] }).actions
    .filter((a) => a.kind === 'group.create')
    .map((a) => a.group?.name)
    .sort();
  t.same(created, ['aaaa', BOMB_NAME], 'the pattern pushes "aaaa"; the long name is pushed by name only');
});
