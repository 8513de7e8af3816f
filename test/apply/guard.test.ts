import t from 'tap';
import { checkReviewedPlan, destructiveListing } from '../../src/apply/guard.js';
import { readPlanFile } from '../../src/apply/plan-file.js';
import type { Action } from '../../src/domain/plan.js';
import { UsageError } from '../../src/domain/errors.js';
import { addMember, deleteGroup, groupAdd, groupRef, groupRemove, moveFormerFiles, person, plan, removeMember, setRole, suspend, updateProfile } from './fakes/plan-builder.js';

const ADMIN = person('it-admin@acme.example', 'dbmid:admin');
const MGR = person('mgr@acme.example', 'dbmid:mgr');
const ARCHIVE = person('archive@acme.example', 'dbmid:archive');
const LEAVER = person('leaver@acme.example', 'dbmid:leaver');
const ANN = person('ann@acme.example', 'dbmid:ann');
const BOB = person('bob@acme.example', 'dbmid:bob');
const SALES = groupRef('Sales', 'g:sales');

const removal = (o: Parameters<typeof removeMember>[1] = {}) =>
  removeMember(LEAVER, { id: 'member.remove:dbmid:leaver', transferTo: MGR, fallbacks: [ARCHIVE], transferAdmin: ADMIN, wipeData: false, ...o });

const reviewedActions: Action[] = [
  addMember('hire@acme.example', '00uhire'),
  removal(),
  suspend(ANN),
  setRole(BOB, 'team_admin', 'support_admin'),
  groupRemove(SALES, [ANN, BOB]),
  deleteGroup(groupRef('Legacy', 'g:legacy')),
];

const cases: { name: string; fresh: Action[]; ok: boolean; unreviewed?: string[]; text?: RegExp }[] = [
  { name: 'an unchanged plan applies', fresh: reviewedActions, ok: true, text: /Every destructive action in the fresh plan was reviewed \(5\)/ },
  {
    name: 'a new hire proceeds',
    fresh: [...reviewedActions, addMember('late@acme.example', '00ulate'), groupAdd(SALES, [person('late@acme.example', null, '00ulate')])],
    ok: true,
  },
  {
    name: 'a profile update and a promotion proceed',
    fresh: [...reviewedActions, updateProfile(ANN, { surname: { from: 'A', to: 'B' } }), setRole(person('cy@acme.example', 'dbmid:cy'), 'member_only', 'team_admin')],
    ok: true,
  },
  {
    name: 'a new destructive action refuses',
    fresh: [...reviewedActions, suspend(person('zed@acme.example', 'dbmid:zed'))],
    ok: false,
    unreviewed: ['member.suspend:dbmid:zed'],
    text: /member\.suspend zed@acme\.example: not in the reviewed plan[\s\S]*\+member\.suspend zed@acme\.example wipeData=false/,
  },
  {
    name: 'a removal whose transfer destination changed refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'member.remove' ? removal({ transferTo: person('other@acme.example', 'dbmid:other') }) : a)),
    ok: false,
    unreviewed: ['member.remove:dbmid:leaver'],
    text: /transfer destination changed \(reviewed: mgr@acme\.example, now: other@acme\.example\)[\s\S]*-member\.remove leaver@acme\.example transfer=mgr@acme\.example[\s\S]*\+member\.remove leaver@acme\.example transfer=other@acme\.example/,
  },
  {
    name: 'a removal now sending the files to its reviewed fallback proceeds',
    fresh: reviewedActions.map((a) => (a.kind === 'member.remove' ? removal({ transferTo: ARCHIVE, fallbacks: [] }) : a)),
    ok: true,
  },
  {
    name: 'a removal that no longer transfers refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'member.remove' ? removal({ transferTo: null, fallbacks: [] }) : a)),
    ok: false,
    text: /now: no transfer/,
  },
  {
    name: 'a removal with a new fallback destination refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'member.remove' ? removal({ fallbacks: [person('x@acme.example', 'dbmid:x')] }) : a)),
    ok: false,
    text: /fallback transfer destination not reviewed: x@acme\.example/,
  },
  {
    name: 'a removal that now wipes devices refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'member.remove' ? removal({ wipeData: true }) : a)),
    ok: false,
    text: /wipeData turned on/,
  },
  {
    name: 'a suspension that now wipes devices refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'member.suspend' ? suspend(ANN, { wipeData: true }) : a)),
    ok: false,
    text: /wipeData turned on/,
  },
  {
    name: 'a deeper demotion refuses, a milder one proceeds',
    fresh: reviewedActions.map((a) => (a.kind === 'member.set_role' ? setRole(BOB, 'team_admin', 'member_only') : a)),
    ok: false,
    text: /demotes further \(reviewed: to support_admin, now: to member_only\)/,
  },
  {
    name: 'a milder demotion proceeds',
    fresh: reviewedActions.map((a) => (a.kind === 'member.set_role' ? setRole(BOB, 'team_admin', 'user_management_admin') : a)),
    ok: true,
  },
  {
    name: 'a group member removal whose list grew refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'group.members.remove' ? groupRemove(SALES, [ANN, BOB, person('cy@acme.example', 'dbmid:cy')]) : a)),
    ok: false,
    unreviewed: ['group.members.remove:g:sales'],
    text: /removes members that were not reviewed: cy@acme\.example/,
  },
  {
    name: 'a smaller removal set proceeds',
    fresh: reviewedActions.filter((a) => a.kind !== 'member.remove' && a.kind !== 'group.delete').map((a) => (a.kind === 'group.members.remove' ? groupRemove(SALES, [BOB]) : a)),
    ok: true,
    text: /fewer is fine[\s\S]*-member\.remove leaver/,
  },
  // Moves of former members' files (issue 10 item 3) remove nothing but cannot be undone (the
  // account stops being recoverable, team.stone:1147-1148): a reviewer must have seen them.
  {
    name: "a move of a former member's files that nobody reviewed refuses",
    fresh: [...reviewedActions, moveFormerFiles(person('gone@acme.example', 'dbmid:gone'), MGR)],
    ok: false,
    unreviewed: ['member.move_former_files:dbmid:gone'],
    text: /holds 1 destructive or irreversible action[\s\S]*member\.move_former_files gone@acme\.example: not in the reviewed plan[\s\S]*\+member\.move_former_files gone@acme\.example transfer=mgr@acme\.example/,
  },
  {
    name: 'the reviewed removal whose transfer did not happen covers the move of those files to a reviewed destination',
    fresh: reviewedActions.map((a) => (a.kind === 'member.remove' ? moveFormerFiles(LEAVER, ARCHIVE) : a)),
    ok: true,
  },
  {
    name: 'a move to a destination the reviewed removal did not name refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'member.remove' ? moveFormerFiles(LEAVER, person('other@acme.example', 'dbmid:other')) : a)),
    ok: false,
    unreviewed: ['member.move_former_files:dbmid:leaver'],
    text: /transfer destination changed \(reviewed: mgr@acme\.example, now: other@acme\.example\)/,
  },
  {
    name: 'the same id aimed at another member refuses',
    fresh: reviewedActions.map((a) => (a.kind === 'member.suspend' ? suspend(BOB, { id: a.id }) : a)),
    ok: false,
    text: /suspends a different member/,
  },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const check = checkReviewedPlan(plan(reviewedActions, { fingerprint: 'sha256:aaaaaaaaaaaaaaaa' }), plan(c.fresh, { fingerprint: 'sha256:bbbbbbbbbbbbbbbb' }));
    t.equal(check.ok, c.ok);
    if (c.unreviewed) t.same(check.unreviewed.map((a) => a.id), c.unreviewed);
    if (!c.ok) t.match(check.text, /^Refused as stale: .* nothing was applied\./);
    if (c.text) t.match(check.text, c.text);
  });
}

t.test('a refused fresh plan refuses', async (t) => {
  const fresh = plan(reviewedActions, { violations: [{ rule: 'min_team_admins', message: 'the plan leaves 1 active team admin; at least 2 required', limit: 2, value: 1 }] });
  const check = checkReviewedPlan(plan(reviewedActions), fresh);
  t.equal(check.ok, false);
  t.match(check.text, /refused by the safety guard[\s\S]*min_team_admins: the plan leaves 1 active team admin/);
});

t.test('the destructive listing is one sorted line per destructive action', async (t) => {
  t.equal(
    destructiveListing(plan(reviewedActions)),
    [
      'group.delete "Legacy"',
      'group.members.remove "Sales" ann@acme.example bob@acme.example',
      'member.remove leaver@acme.example transfer=mgr@acme.example fallbacks=archive@acme.example wipeData=false keepAccount=false retainTeamShares=false',
      'member.set_role bob@acme.example team_admin -> support_admin',
      'member.suspend ann@acme.example wipeData=false',
      '',
    ].join('\n'),
  );
});

t.test('readPlanFile', async (t) => {
  const good = JSON.stringify(plan(reviewedActions));
  t.same(readPlanFile(good), plan(reviewedActions), 'a plan round-trips');
  const bad: [string, string, RegExp][] = [
    ['not JSON', '{', /^plan\.json: not valid JSON/],
    ['an array', '[]', /not a dbxsync plan: expected a JSON object/],
    ['a future format', JSON.stringify({ ...plan([]), formatVersion: 2 }), /formatVersion 2 is not supported/],
    ['no format', JSON.stringify({ fingerprint: 'x' }), /formatVersion 1 missing/],
    ['no actions', JSON.stringify({ ...plan([]), actions: {} }), /actions is not a list/],
    ['no safety', JSON.stringify({ ...plan([]), safety: null }), /safety\.ok missing/],
    ['an unknown kind', JSON.stringify({ ...plan([]), actions: [{ id: 'x', kind: 'member.delete', dependsOn: [], serialKey: null }] }), /actions\[0\]\.kind "member\.delete" is not an action kind/],
    ['a duplicate id', JSON.stringify(plan([suspend(ANN), suspend(ANN)])), /actions\[1\]\.id "member\.suspend:dbmid:ann" appears twice/],
    ['a removal without its arguments', JSON.stringify({ ...plan([]), actions: [{ id: 'x', kind: 'member.remove', dependsOn: [], serialKey: null, member: ANN }] }), /actions\[0\] \(member\.remove\) has no transferTo/],
  ];
  for (const [name, json, message] of bad) {
    t.throws(() => readPlanFile(json, 'plan.json'), { name: 'UsageError', message }, name);
    try {
      readPlanFile(json, 'plan.json');
    } catch (err) {
      t.ok(err instanceof UsageError && !err.message.includes('\n'), `${name}: one line`);
    }
  }
});

t.test('a reviewed removal without a transfer does not cover a move of the files; a reviewed move covers itself', async (t) => {
  const gone = person('gone@acme.example', 'dbmid:gone');
  const noTransfer = checkReviewedPlan(plan([removeMember(gone, { transferTo: null })]), plan([moveFormerFiles(gone, MGR)]));
  t.equal(noTransfer.ok, false);
  t.match(noTransfer.text, /reviewed: no transfer, now: mgr@acme\.example/);
  const move = moveFormerFiles(gone, MGR, { fallbacks: [ARCHIVE] });
  t.equal(checkReviewedPlan(plan([move]), plan([moveFormerFiles(gone, ARCHIVE)])).ok, true, 'the reviewed fallback');
  t.match(checkReviewedPlan(plan([move]), plan([moveFormerFiles(gone, MGR, { fallbacks: [person('x@acme.example', 'dbmid:x')] })])).text, /fallback transfer destination not reviewed: x@acme\.example/);
  t.equal(checkReviewedPlan(plan([]), plan([updateProfile(ANN, { surname: { from: 'A', to: 'B' } })])).ok, true, 'non-destructive actions still proceed');
});
