/**
 * `apply --plan`: the reviewed plan must be verifiable (issue 12 item 6) and an admin grant it did
 * not hold is skipped, not run (issue 10 item 17). In-process CLI against the sandbox, through the
 * real SDKs over HTTP.
 *
 * design.md "Command line": "an admin role granted (or raised) that the reviewed plan did not hold
 * is skipped, not applied, with a line on stderr and in the audit log ("not reviewed: ..."); apply
 * still exits 0 and the next plan shows it."
 */
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { reviewedPlanDefect, withDependents, checkReviewedPlan } from '../../src/apply/guard.js';
import type { Action, Plan } from '../../src/domain/plan.js';
import { grantedRole } from '../../src/domain/plan.js';
import { planContentDigest } from '../../src/plan/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { demoCli as cli, demoSandbox, desiredStateWorkdir } from '../helpers/demo-cli.js';

const TOKENS = { okta: 'OKTA-SECRET-rp-19ac', dropbox: 'DBX-SECRET-rp-5be2' };
const withSandbox = (t: Test): Promise<Sandbox> => demoSandbox(t, TOKENS);
const workdir = (t: Test): string => desiredStateWorkdir(t, 'dbxsync-reviewed-');

function readPlan(cwd: string, file = 'plan.json'): Plan {
  return JSON.parse(readFileSync(path.join(cwd, file), 'utf8')) as Plan;
}

function writePlan(cwd: string, plan: unknown, file = 'reviewed.json'): void {
  writeFileSync(path.join(cwd, file), `${JSON.stringify(plan, null, 2)}\n`);
}

/** Re-seal an edited plan the way a forger who knows the algorithm would. */
function reseal(plan: Plan): Plan {
  const { contentDigest: _old, ...rest } = plan;
  return { ...rest, contentDigest: planContentDigest(rest as Plan) };
}

/** The Dropbox team as data: equal snapshots mean nothing was written. */
function team(sandbox: Sandbox): string {
  return JSON.stringify([sandbox.dropbox.members(), sandbox.dropbox.groups()]);
}

t.test('a plan carries desiredDigest and a contentDigest of its own content; both are stable', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const plan = readPlan(cwd);
  t.match(plan.desiredDigest, /^sha256:[0-9a-f]{64}$/);
  t.match(plan.contentDigest, /^sha256:[0-9a-f]{64}$/);
  t.equal(planContentDigest(plan), plan.contentDigest, 'recomputed from the file as read');
  t.equal((await cli(['plan', '--out', 'again.json'], sandbox, cwd)).code, 0);
  t.equal(readFileSync(path.join(cwd, 'again.json'), 'utf8'), readFileSync(path.join(cwd, 'plan.json'), 'utf8'), 'byte-equal for equal inputs');
  // A comment in the YAML moves every line but changes no intent: same desiredDigest.
  appendFileSync(path.join(cwd, 'desired-state', 'roles.yaml'), '\n# a reviewer was here\n');
  t.equal((await cli(['plan', '--out', 'commented.json'], sandbox, cwd)).code, 0);
  t.equal(readPlan(cwd, 'commented.json').desiredDigest, plan.desiredDigest);
});

t.test('edited reviewed plans are refused before any API call, with one line, and change nothing', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const reviewed = readPlan(cwd);
  // A fresh plan with a member.remove, as an attacker would copy it in.
  const member = sandbox.dropbox.members().find((m) => m.status === 'active' && m.email.startsWith('a') && m.tier === 'member_only' && m.externalId !== null)!;
  sandbox.okta.setUserStatus(member.externalId!, 'DEPROVISIONED');
  const freshRun = await cli(['plan', '--out', 'fresh.json'], sandbox, cwd);
  t.equal(freshRun.code, 0, freshRun.err + freshRun.out.slice(0, 3000));
  const fresh = readPlan(cwd, 'fresh.json');
  const removal = fresh.actions.find((a) => (a.kind === 'member.remove' || a.kind === 'member.suspend') && a.member.teamMemberId === member.teamMemberId)!;
  t.ok(removal, 'the fresh plan offboards the deactivated member');

  const { contentDigest: _c, desiredDigest: _d, ...undigested } = reviewed;
  const variants: [string, unknown, RegExp][] = [
    ['a destructive action pasted in', { ...reviewed, actions: [...reviewed.actions, removal] }, /was edited after dbxsync plan wrote it/],
    ['the fresh plan under the old fingerprint', { ...fresh, fingerprint: reviewed.fingerprint }, /was edited after dbxsync plan wrote it/],
    ['the fresh plan with the reviewed contentDigest', { ...fresh, contentDigest: reviewed.contentDigest }, /was edited after dbxsync plan wrote it/],
    ['a refusal removed', { ...reviewed, safety: { ok: true, violations: [] }, actions: [] }, /was edited after dbxsync plan wrote it/],
    ['no digests (older dbxsync, or by hand)', undigested, /has no contentDigest/],
    ['a refused plan, resealed', reseal({ ...reviewed, safety: { ok: false, violations: [{ rule: 'maxRemovals', message: 'too many', source: null, limit: 1, value: 2 }] } as unknown as Plan['safety'] }), /refused by the safety checks \(maxRemovals\)/],
    ['another desired state, resealed', reseal({ ...reviewed, desiredDigest: `sha256:${'0'.repeat(64)}` }), /made for another desired state/],
  ];
  for (const [name, plan, message] of variants) {
    writePlan(cwd, plan);
    const before = sandbox.http.calls();
    const res = await cli(['apply', '--plan', 'reviewed.json', '--auto-approve'], sandbox, cwd);
    t.equal(res.code, 1, `${name}: exit 1`);
    t.match(res.err, message, name);
    t.match(res.err, /nothing was changed/, `${name}: says nothing changed`);
    t.equal(res.err.trim().split('\n').filter((l) => l.startsWith('dbxsync') || l.includes('reviewed.json')).length, 1, `${name}: one line`);
    t.equal(sandbox.http.calls(), before, `${name}: no API call at all`);
  }
  t.equal(sandbox.dropbox.members().find((m) => m.teamMemberId === member.teamMemberId)?.status, 'active', 'the member was not offboarded');
});

t.test('a plan reviewed for another desired state is refused even when its actions would fit', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  const before = team(sandbox);
  // Another PR merged meanwhile: the policy now differs from the one reviewed.
  const settings = path.join(cwd, 'desired-state', 'settings.yaml');
  const text = readFileSync(settings, 'utf8');
  writeFileSync(settings, text.replace(/maxRemovals: (\d+)/, (_m, n: string) => `maxRemovals: ${Number(n) + 1}`));
  t.not(readFileSync(settings, 'utf8'), text, 'the fixture has a maxRemovals to change');
  const res = await cli(['apply', '--plan', 'plan.json'], sandbox, cwd);
  t.equal(res.code, 1);
  t.match(res.err, /plan\.json: the reviewed plan was made for another desired state \(its desiredDigest [0-9a-f]{12}, this desired state [0-9a-f]{12}\)/);
  t.equal(team(sandbox), before, 'nothing written');
});

t.test('an admin grant the reviewed plan did not hold is skipped, said on stderr and in the audit log; apply exits 0; the next plan shows it', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  // After review, someone is added to the Okta group that grants team_admin (roles.yaml: Dropbox Admins).
  const admins = [...sandbox.okta.groups.values()].find((g) => g.name === 'Dropbox Admins')!;
  const member = sandbox.dropbox.members().find((m) => m.status === 'active' && m.tier === 'member_only' && m.externalId !== null)!;
  sandbox.okta.addGroupMember(admins.id, member.externalId!);

  const res = await cli(['apply', '--plan', 'plan.json', '--audit-log', 'audit.jsonl'], sandbox, cwd);
  t.equal(res.code, 0, res.err);
  t.match(res.err, new RegExp(`dbxsync apply: not reviewed: grants team_admin to ${member.email.replace(/[.]/g, '\\.')} \\(member\\.set_role\\), not in the reviewed plan; skipped`));
  t.match(res.err, /warning: \d+ actions? (was|were) not applied because an admin grant was not in the reviewed plan/);
  t.equal(sandbox.dropbox.members().find((m) => m.teamMemberId === member.teamMemberId)?.tier, 'member_only', 'not granted');
  const audit = readFileSync(path.join(cwd, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const held = audit.filter((l) => l.outcome === 'skipped');
  t.equal(held.length, 1);
  t.match(held[0]!.message, /^not reviewed: grants team_admin to /);
  t.ok(audit.filter((l) => l.outcome === 'applied').length > 0, 'the reviewed rest was applied');

  const next = await cli(['plan', '--format', 'json'], sandbox, cwd);
  const again = JSON.parse(next.out) as Plan;
  t.same(
    again.actions.filter((a) => a.kind === 'member.set_role').map((a) => (a as Action & { to: string }).to),
    ['team_admin'],
    'the next plan shows the grant for review',
  );
});

t.test('a grant the reviewed plan held runs; one raised past what was reviewed does not', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const helpdesk = [...sandbox.okta.groups.values()].find((g) => g.name === 'IT Helpdesk')!;
  const admins = [...sandbox.okta.groups.values()].find((g) => g.name === 'Dropbox Admins')!;
  const [a, b] = sandbox.dropbox.members().filter((m) => m.status === 'active' && m.tier === 'member_only' && m.externalId !== null);
  sandbox.okta.addGroupMember(helpdesk.id, a!.externalId!);
  sandbox.okta.addGroupMember(helpdesk.id, b!.externalId!);
  t.equal((await cli(['plan', '--out', 'plan.json'], sandbox, cwd)).code, 0);
  // After review: b is also made a team admin in Okta.
  sandbox.okta.addGroupMember(admins.id, b!.externalId!);
  const res = await cli(['apply', '--plan', 'plan.json'], sandbox, cwd);
  t.equal(res.code, 0, res.err);
  const tiers = new Map(sandbox.dropbox.members().map((m) => [m.teamMemberId, m.tier]));
  t.equal(tiers.get(a!.teamMemberId), 'support_admin', 'the reviewed grant ran');
  t.equal(tiers.get(b!.teamMemberId), 'member_only', 'the raised grant did not');
  t.match(res.err, new RegExp(`grants team_admin to ${b!.email.replace(/[.]/g, '\\.')} \\(member\\.set_role\\), the reviewed plan granted support_admin`));
});

t.test('guard units: what counts as a grant, what a held grant takes with it', async (t) => {
  const person = { email: 'p@x.com', teamMemberId: 'dbmid:p', oktaUserId: '00u1' };
  const setRole = (id: string, from: string, to: string, dependsOn: string[] = []) =>
    ({ id, kind: 'member.set_role', member: person, from, to, dependsOn, serialKey: null, reason: 'r', reversibility: 'reversible' }) as unknown as Action;
  t.equal(grantedRole(setRole('1', 'member_only', 'support_admin')), 'support_admin');
  t.equal(grantedRole(setRole('2', 'support_admin', 'team_admin')), 'team_admin', 'a raise is a grant');
  t.equal(grantedRole(setRole('3', 'team_admin', 'support_admin')), null, 'a demotion is not (the destructive guard covers it)');
  t.equal(grantedRole({ kind: 'member.add', role: 'user_management_admin' } as unknown as Action), 'user_management_admin', 'a hire added as an admin');
  t.equal(grantedRole({ kind: 'member.add', role: 'member_only' } as unknown as Action), null);

  const base = { formatVersion: 1, fingerprint: 'sha256:f', toolVersion: 't', summary: {}, reports: [], waiting: [], warnings: [], safety: { ok: true, violations: [] } };
  const fresh = { ...base, actions: [setRole('g', 'member_only', 'team_admin'), setRole('dep', 'member_only', 'member_only', ['g']), setRole('dep2', 'member_only', 'member_only', ['dep']), setRole('free', 'team_admin', 'team_admin')] } as unknown as Plan;
  t.same([...withDependents(fresh, ['g'])].sort(), ['dep', 'dep2', 'g']);
  const check = checkReviewedPlan({ ...base, actions: [] } as unknown as Plan, fresh);
  t.ok(check.ok, 'a grant is not a refusal');
  t.same(check.unreviewedPrivileged.map((g) => g.action.id), ['g']);
  const covered = checkReviewedPlan({ ...base, actions: [setRole('g', 'member_only', 'team_admin')] } as unknown as Plan, fresh);
  t.same(covered.unreviewedPrivileged, []);
  const otherPerson = checkReviewedPlan({ ...base, actions: [{ ...setRole('g', 'member_only', 'team_admin'), member: { ...person, teamMemberId: 'dbmid:q', email: 'q@x.com' } }] } as unknown as Plan, fresh);
  t.same(otherPerson.unreviewedPrivileged.map((g) => g.action.id), ['g'], 'the same id for another person is not the reviewed grant');

  const sealed = { ...base, desiredDigest: 'sha256:d', actions: [] } as unknown as Plan;
  const seal = planContentDigest(sealed);
  t.equal(reviewedPlanDefect({ ...sealed, contentDigest: seal }, { desiredDigest: 'sha256:d', contentDigest: seal }), null);
});
