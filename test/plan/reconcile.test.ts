/**
 * The reconcile classes (design.md "Lifecycle changes: reconcile and watch"): which planned action
 * belongs to which class, what the default settings apply and hold, what a safety refusal holds,
 * and that a held action holds its dependents but nothing else.
 */
import t from 'tap';
import type { ReconcileSettings } from '../../src/domain/desired.js';
import { ACTION_KINDS, type SafetyViolation } from '../../src/domain/plan.js';
import { dailyRemovalBrake, reconcileClassOf, selectForReconcile } from '../../src/plan/reconcile.js';
import { addMember, createGroup, deleteGroup, groupAdd, groupRef, groupRemove, moveFormerFiles, person, plan, recover, removeMember, renameGroup, setRole, suspend, unsuspend, updateProfile } from '../apply/fakes/plan-builder.js';

const DEFAULTS: ReconcileSettings = {
  apply: ['join', 'leave', 'suspend', 'reactivate', 'profile', 'groupMembership'],
  hold: ['rolePromotion', 'groupCreate', 'groupRename', 'groupDelete'],
  maxRemovalsPerDay: 25,
  source: null,
};
const who = (id: string) => person(`${id}@example.com`, `dbmid:${id}`, `okta-${id}`);
const sales = groupRef('Sales', 'g:sales');
const brake = (rule: string): SafetyViolation => ({ rule, message: `${rule} exceeded`, limit: 1, value: 2 });

t.test('every planned action kind has its class, demotions follow leave', async (t) => {
  const cases = [
    { name: 'a new hire joins', action: addMember('n@example.com', 'okta-n'), cls: 'join' },
    { name: 'a new hire with an admin role is a promotion', action: addMember('n@example.com', 'okta-n', { role: 'support_admin' }), cls: 'rolePromotion' },
    { name: 'a leaver', action: removeMember(who('l')), cls: 'leave' },
    // design.md: `leave` = member.remove (and its transfer); the move is that transfer, made apart.
    { name: "the files a former member left behind", action: moveFormerFiles(who('gone'), who('mgr')), cls: 'leave' },
    { name: 'a suspension', action: suspend(who('s')), cls: 'suspend' },
    { name: 'an unsuspension', action: unsuspend(who('u')), cls: 'reactivate' },
    { name: 'a recovery', action: recover(who('r')), cls: 'reactivate' },
    { name: 'a profile update', action: updateProfile(who('p'), { surname: { from: 'A', to: 'B' } }), cls: 'profile' },
    { name: 'a promotion', action: setRole(who('a'), 'member_only', 'team_admin'), cls: 'rolePromotion' },
    { name: 'a demotion', action: setRole(who('a'), 'team_admin', 'support_admin'), cls: 'leave' },
    { name: 'group members added', action: groupAdd(sales, [who('a')]), cls: 'groupMembership' },
    { name: 'group members removed', action: groupRemove(sales, [who('a')]), cls: 'groupMembership' },
    { name: 'a group created', action: createGroup('Legal', '00glegal'), cls: 'groupCreate' },
    { name: 'a group renamed', action: renameGroup(sales, 'Sales EMEA'), cls: 'groupRename' },
    { name: 'a group deleted', action: deleteGroup(sales), cls: 'groupDelete' },
  ] as const;
  for (const c of cases) t.equal(reconcileClassOf(c.action), c.cls, c.name);
  t.equal(reconcileClassOf({ ...addMember('x@example.com', 'okta-x'), kind: 'okta.assign' } as never), null, 'an Okta write has no class');
  t.ok(ACTION_KINDS.length >= 15, 'the table above covers the Dropbox kinds');
});

t.test('default settings: lifecycle applied, policy-like changes held with the reason, and the rest still runs', async (t) => {
  const legal = createGroup('Legal', '00glegal');
  const fill = groupAdd(groupRef('Legal', null, 'okta:00glegal'), [who('a')], { id: 'group.members.add:legal', dependsOn: [legal.id] });
  const leaver = removeMember(who('leaver'));
  const promote = setRole(who('a'), 'member_only', 'team_admin');
  const hire = addMember('new@example.com', 'okta-new');
  const sel = selectForReconcile(plan([hire, promote, legal, fill, leaver]), DEFAULTS);
  t.same(sel.plan.actions.map((a) => a.id), [hire.id, leaver.id], 'the hire and the leaver run: a held promotion does not block a removal');
  t.same(sel.plan.summary, { 'member.add': 1, 'member.remove': 1 }, 'the runnable plan counts only its own actions');
  t.ok(sel.plan.safety.ok, 'runnable');
  t.same(
    sel.held.map((h) => [h.action.id, h.class]),
    [
      [promote.id, 'rolePromotion'],
      [legal.id, 'groupCreate'],
      [fill.id, 'groupMembership'],
    ],
  );
  t.match(sel.held[0]!.reason, /class rolePromotion is held by reconcile\.hold \(default\)/);
  t.match(sel.held[2]!.reason, /waits for the held group\.create/, 'a dependent of a held action is held too');
  t.same(sel.refusals, []);
});

t.test('a class named in reconcile.apply is applied, and the reason points at the settings', async (t) => {
  const settings: ReconcileSettings = {
    ...DEFAULTS,
    apply: [...DEFAULTS.apply, 'groupCreate'],
    hold: ['rolePromotion', 'groupRename', 'groupDelete'],
    source: { file: 'settings.yaml', line: 4, col: 3 },
  };
  const legal = createGroup('Legal', '00glegal');
  const gone = deleteGroup(sales);
  const sel = selectForReconcile(plan([legal, gone]), settings);
  t.same(sel.plan.actions.map((a) => a.id), [legal.id]);
  t.match(sel.held[0]!.reason, /settings\.yaml:4:3/);
});

t.test('a removal brake holds every removal and suspension, and the rest applies', async (t) => {
  for (const rule of ['max_removals', 'max_removal_percent', 'max_removals_per_day']) {
    const actions = [addMember('new@example.com', 'okta-new'), suspend(who('s')), removeMember(who('l')), updateProfile(who('p'), { surname: { from: 'A', to: 'B' } })];
    const violations = rule === 'max_removals_per_day' ? [] : [brake(rule)];
    const extra = rule === 'max_removals_per_day' ? [brake(rule)] : [];
    const sel = selectForReconcile(plan(actions, { violations }), DEFAULTS, extra);
    t.same(sel.plan.actions.map((a) => a.kind), ['member.add', 'member.update_profile'], `${rule}: join and profile run`);
    t.same(sel.held.map((h) => h.action.kind), ['member.suspend', 'member.remove'], `${rule}: removals and suspensions held`);
    t.match(sel.held[0]!.reason, new RegExp(`removal brake ${rule}`));
    t.same(sel.refusals.map((v) => v.rule), [rule], 'the refusal is reported');
  }
});

t.test('the brakes on members removed from groups, role demotions and group deletions hold their own kind only', async (t) => {
  const hire = addMember('new@example.com', 'okta-new');
  const s = suspend(who('s'));
  const out = groupRemove(sales, [who('x')]);
  const into = groupAdd(sales, [who('y')]);
  const demote = setRole(who('um'), 'user_management_admin', 'member_only');
  const gone = deleteGroup(groupRef('Old', 'g:old'));
  const settings: ReconcileSettings = { ...DEFAULTS, apply: [...DEFAULTS.apply, 'groupDelete'], hold: DEFAULTS.hold.filter((c) => c !== 'groupDelete') };
  const rows: [string, string][] = [
    ['max_group_member_removals', out.id],
    ['max_role_demotions', demote.id],
    ['max_group_deletions', gone.id],
  ];
  for (const [rule, heldId] of rows) {
    const sel = selectForReconcile(plan([hire, s, out, into, demote, gone], { violations: [brake(rule)] }), settings);
    t.same(sel.held.map((h) => h.action.id), [heldId], `${rule}: only its kind is held`);
    t.match(sel.held[0]!.reason, new RegExp(`^brake ${rule}: `));
    t.same(sel.plan.actions.length, 5, `${rule}: the rest applies`);
    t.same(sel.refusals.map((v) => v.rule), [rule], `${rule}: the refusal is reported (exit 1)`);
  }
});

t.test('min_team_admins holds what lowers the team admins; any other refusal holds everything', async (t) => {
  const demote = setRole(who('admin'), 'team_admin', 'member_only');
  const demoteUm = setRole(who('um'), 'user_management_admin', 'member_only');
  const hire = addMember('new@example.com', 'okta-new');
  const s = suspend(who('s'));
  const admins = selectForReconcile(plan([hire, demote, demoteUm, s], { violations: [brake('min_team_admins')] }), DEFAULTS);
  t.same(admins.plan.actions.map((a) => a.id), [hire.id, demoteUm.id]);
  const other = selectForReconcile(plan([hire, s], { violations: [brake('ambiguous_identity')] }), DEFAULTS);
  t.same(other.plan.actions, [], 'nothing runs');
  t.match(other.held[0]!.reason, /refused by the safety checks \(ambiguous_identity/);
});

t.test('an Okta write is never run by reconcile', async (t) => {
  const okta = { ...addMember('x@example.com', 'okta-x'), kind: 'okta.assign' as const, id: 'okta.assign:x' };
  const { role: _r, givenName: _g, surname: _s, externalId: _e, sendWelcomeEmail: _w, ...assign } = okta;
  const sel = selectForReconcile(plan([assign as never]), DEFAULTS);
  t.same(sel.plan.actions, []);
  t.match(sel.held[0]!.reason, /import --apply/);
});

t.test('the rolling brake counts what this run would remove on top of the last 24 hours', async (t) => {
  const p = plan([suspend(who('s')), removeMember(who('l')), addMember('n@example.com', 'okta-n')]);
  t.same(dailyRemovalBrake(p, DEFAULTS, 23, null), [], '23 + 2 = 25 is at the limit');
  const [v] = dailyRemovalBrake(p, DEFAULTS, 24, { file: 'settings.yaml', line: 30, col: 1 });
  t.match(v, { rule: 'max_removals_per_day', limit: 25, value: 26, message: /24 removals and suspensions by this admin in the last 24 hours .* and 2 more in this run exceed safety\.maxRemovalsPerDay 25 \(settings\.yaml:30:1\)/ });
  t.same(dailyRemovalBrake(plan([addMember('n@example.com', 'okta-n')]), DEFAULTS, 99, null), [], 'a run without removals is never refused');
  const held: ReconcileSettings = { ...DEFAULTS, apply: DEFAULTS.apply.filter((c) => c !== 'leave' && c !== 'suspend') };
  t.same(dailyRemovalBrake(p, held, 99, null), [], 'held removal classes do not count');
});

t.test("a move of a former member's files is applied with leave, held with it, and no removal brake holds it", async (t) => {
  const move = moveFormerFiles(who('gone'), who('mgr'));
  t.same(selectForReconcile(plan([move]), DEFAULTS).plan.actions.map((a) => a.id), [move.id], 'applied by default (leave)');
  const held = selectForReconcile(plan([move]), { ...DEFAULTS, apply: DEFAULTS.apply.filter((c) => c !== 'leave'), hold: [...DEFAULTS.hold, 'leave'] });
  t.same(held.held.map((h) => [h.action.id, h.class]), [[move.id, 'leave']], 'held when leave is held');
  const braked = selectForReconcile(plan([move, removeMember(who('l'))], { violations: [brake('max_removals')] }), DEFAULTS);
  t.same(braked.plan.actions.map((a) => a.id), [move.id], 'it removes nothing: a removal brake does not hold it');
  t.equal(dailyRemovalBrake(plan([move]), DEFAULTS, 25, null).length, 0, 'nor does it count against maxRemovalsPerDay');
});
