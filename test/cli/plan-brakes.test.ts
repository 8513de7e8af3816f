/**
 * `plan` end to end against the sandbox (real SDKs over HTTP): the brakes on members removed from
 * groups, role demotions and group deletions refuse a plan over them (exit 1, the plan printed in
 * full) and let it pass at them (issue 10 item 18).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { DEMO_GROUPS, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;

/** The demo directory with `safety` keys added and pruneGroups switched on. */
function workdir(t: Test, safety: Record<string, number>): string {
  const dir = scratchDir(t, 'dbxsync-brakes-');
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  const settings = path.join(dir, 'desired-state', 'settings.yaml');
  const keys = Object.entries(safety).map(([k, v]) => `  ${k}: ${v}\n`).join('');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^safety:\n/m, `safety:\n${keys}`));
  const groups = path.join(dir, 'desired-state', 'groups.yaml');
  writeFileSync(groups, readFileSync(groups, 'utf8').replace(/^pruneGroups: false$/m, 'pruneGroups: true'));
  return dir;
}

/**
 * The demo team, plus: `retired` Dropbox groups dbxsync created whose Okta group is gone (pruned),
 * `leftEngineering` engineers who left the Okta group Engineering (removed from the Dropbox group),
 * and the IT Helpdesk Okta group emptied (its support admins demoted).
 */
function seed(retired: number, leftEngineering: number): SandboxSeed {
  const s = demoSeed(new Date(NOW));
  for (let i = 0; i < retired; i++) {
    s.dropbox.groups.push({ groupId: `g:retired${i}`, name: `dbx-Retired-${i}`, externalId: `okta:00gretired${i}`, managementType: 'company_managed', members: [] });
  }
  const engineering = s.okta.groups.find((g) => g.name === DEMO_GROUPS.engineering)!;
  engineering.members = engineering.members.slice(leftEngineering);
  s.okta.groups.find((g) => g.name === DEMO_GROUPS.helpdesk)!.members = [];
  return s;
}

async function plan(t: Test, s: SandboxSeed, safety: Record<string, number>) {
  const sandbox = await startSandbox({ seed: s, clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  const io = captureIO({ env: sandbox.env(), cwd: workdir(t, safety), now: NOW });
  const code = await run(['plan', '--format', 'json'], io);
  const text = captureIO({ env: sandbox.env(), cwd: io.cwd, now: NOW });
  await run(['plan'], text);
  return { code, json: JSON.parse(io.out()) as { actions: { kind: string; members?: unknown[]; from?: string; to?: string }[]; safety: { ok: boolean; violations: { rule: string; limit: number; value: number }[] } }, text: text.out(), err: io.err() };
}

t.test('plan counts members removed from groups, demotions and deletions, and refuses over each limit', async (t) => {
  const s = seed(3, 4);
  const under = await plan(t, s, {});
  t.equal(under.code, 0, `the defaults (100, 5, 5) let the plan pass: ${under.err}`);
  const groupRemovals = under.json.actions.filter((a) => a.kind === 'group.members.remove').reduce((n, a) => n + a.members!.length, 0);
  const demotions = under.json.actions.filter((a) => a.kind === 'member.set_role' && a.to === 'member_only').length;
  const deletions = under.json.actions.filter((a) => a.kind === 'group.delete').length;
  t.ok(groupRemovals >= 4, `members removed from groups: ${groupRemovals}`);
  t.ok(demotions >= 1, `demotions: ${demotions}`);
  t.equal(deletions, 3);

  const atLimits = await plan(t, s, { maxGroupMemberRemovals: groupRemovals, maxRoleDemotions: demotions, maxGroupDeletions: deletions });
  t.equal(atLimits.code, 0, 'at each limit: the plan passes');
  t.equal(atLimits.json.safety.ok, true);

  const rows: [string, Record<string, number>, string, number, number][] = [
    ['maxGroupMemberRemovals', { maxGroupMemberRemovals: groupRemovals - 1 }, 'max_group_member_removals', groupRemovals - 1, groupRemovals],
    ['maxRoleDemotions', { maxRoleDemotions: demotions - 1 }, 'max_role_demotions', demotions - 1, demotions],
    ['maxGroupDeletions', { maxGroupDeletions: deletions - 1 }, 'max_group_deletions', deletions - 1, deletions],
  ];
  for (const [key, safety, rule, limit, value] of rows) {
    const over = await plan(t, s, safety);
    t.equal(over.code, 1, `one under the count, ${key}: exit 1`);
    t.same(over.json.safety.violations.map((v) => [v.rule, v.limit, v.value]), [[rule, limit, value]], `${key}: the violation names the rule, limit and count`);
    t.equal(over.json.actions.length, under.json.actions.length, `${key}: the refused plan is complete`);
    t.match(over.text, /^Plan: /m, `${key}: the refused plan is printed in full`);
    t.match(over.text, new RegExp(`safety\\.${key} ${limit}`), `${key}: and says which limit`);
    t.match(over.err, /^dbxsync plan: refused/m);
  }
});
