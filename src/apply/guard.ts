/**
 * The reviewed-plan guard (design.md, "apply --plan"): a fresh plan may run only if every
 * destructive action in it was in the plan a reviewer saw, with no more destructive substance; so
 * must every move of a former member's files (irreversible: domain/plan.ts needsReview).
 * Identity data changes all day, so an exact match would refuse most merges; comparing only what
 * destroys keeps the promise that matters: nothing destructive runs that nobody reviewed.
 */
import { createTwoFilesPatch } from 'diff';
import { ROLE_RANK } from '../domain/desired.js';
import { grantedRole, isDestructive, needsReview } from '../domain/plan.js';
import type { Action, GroupRef, MemberMoveFormerFilesAction, MemberRemoveAction, PersonRef, Plan } from '../domain/plan.js';
import { assertNever } from '../domain/errors.js';
import { plural } from '../text/words.js';
import { emailKey } from '../domain/live.js';

/** The guard's verdict. `text` explains it in a few lines, with a diff of the destructive actions. */
export interface ReviewedPlanCheck {
  readonly ok: boolean;
  /** Destructive actions of the fresh plan that the reviewed plan does not cover. */
  readonly unreviewed: Action[];
  /**
   * Admin roles granted or raised in the fresh plan that the reviewed plan did not hold (at that
   * rank or higher): not a refusal, but these are skipped, with what depends on them, and said.
   */
  readonly unreviewedPrivileged: readonly UnreviewedGrant[];
  readonly text: string;
}

export interface UnreviewedGrant {
  readonly action: Action;
  /** One line: "grants team_admin to a@x.com, not in the reviewed plan". */
  readonly why: string;
}

/** What the reviewed plan must match besides its own content (computed by the caller from the YAML being applied). */
export interface ReviewedPlanExpectation {
  /** desiredDigest of the desired state being applied. */
  readonly desiredDigest: string;
  /** The reviewed plan's contentDigest recomputed from its content as read. */
  readonly contentDigest: string;
}

/**
 * Why a reviewed plan file cannot be the plan a reviewer saw for this desired state, in one line,
 * or null. Checked before any API call: an edited file (its contentDigest does not match its
 * content), a plan the safety checks refused, or a plan made for another desired state.
 */
export function reviewedPlanDefect(reviewed: Plan, expect: ReviewedPlanExpectation): string | null {
  if (reviewed.contentDigest === undefined || reviewed.desiredDigest === undefined) {
    const missing = reviewed.contentDigest === undefined ? 'contentDigest' : 'desiredDigest';
    return `the reviewed plan has no ${missing} (written by an older dbxsync, or by hand): plan again with this version and review that plan`;
  }
  if (reviewed.contentDigest !== expect.contentDigest) {
    return 'the reviewed plan was edited after dbxsync plan wrote it (its contentDigest does not match its content): apply the plan file exactly as the plan workflow wrote it';
  }
  if (!reviewed.safety.ok) {
    const rules = [...new Set(reviewed.safety.violations.map((v) => v.rule))].join(', ');
    return `the reviewed plan was refused by the safety checks (${rules || 'no rule named'}): a refused plan is never applied; fix the cause, plan again and review that plan`;
  }
  if (reviewed.desiredDigest !== expect.desiredDigest) {
    return `the reviewed plan was made for another desired state (its desiredDigest ${short(reviewed.desiredDigest)}, this desired state ${short(expect.desiredDigest)}): plan again from this desired state and review that plan`;
  }
  return null;
}

export function checkReviewedPlan(reviewed: Plan, fresh: Plan): ReviewedPlanCheck {
  if (!fresh.safety.ok) {
    const lines = fresh.safety.violations.map((v) => `  ${v.rule}: ${v.message}`);
    return {
      ok: false,
      unreviewed: [],
      unreviewedPrivileged: [],
      text: [`Refused: the fresh plan is refused by the safety guard; nothing was applied.`, ...lines, ''].join('\n'),
    };
  }
  const reviewedById = new Map(reviewed.actions.map((a) => [a.id, a] as const));
  const unreviewed: Action[] = [];
  const why: string[] = [];
  for (const action of fresh.actions) {
    if (!needsReview(action)) continue;
    const gap = uncovered(action, reviewedOf(action, reviewedById));
    if (gap !== null) {
      unreviewed.push(action);
      why.push(`  ${describeTarget(action)}: ${gap}`);
    }
  }
  const unreviewedPrivileged = uncoveredGrants(fresh, reviewedById);
  const diff = destructiveDiff(reviewed, fresh);
  const freshCount = fresh.actions.filter(needsReview).length;
  if (unreviewed.length > 0) {
    const n = unreviewed.length;
    const what = unreviewed.some((a) => !isDestructive(a)) ? 'destructive or irreversible' : 'destructive';
    return {
      ok: false,
      unreviewed,
      unreviewedPrivileged,
      text: [
        `Refused as stale: the fresh plan holds ${plural(n, `${what} action`)} that the reviewed plan did not; nothing was applied.`,
        ...why,
        'Destructive actions, reviewed plan → fresh plan:',
        diff,
        'Plan again, review the new plan, and apply that one.',
        '',
      ].join('\n'),
    };
  }
  const head = `Every destructive action in the fresh plan was reviewed (${freshCount}).`;
  const tail = diff === '' ? [] : ['Destructive actions, reviewed plan → fresh plan (fewer is fine):', diff];
  return { ok: true, unreviewed, unreviewedPrivileged, text: [head, ...tail, ''].join('\n') };
}

/**
 * The admin grants of the fresh plan the reviewed plan did not hold: the same action (id and
 * kind) granting the same person that role or a higher one. A grant is not destructive, but a
 * reviewer never saw it, so it is skipped rather than run (design.md "apply --plan").
 */
function uncoveredGrants(fresh: Plan, reviewedById: ReadonlyMap<string, Action>): UnreviewedGrant[] {
  const out: UnreviewedGrant[] = [];
  for (const action of fresh.actions) {
    const role = grantedRole(action);
    if (role === null) continue;
    const before = reviewedById.get(action.id);
    const seen = before !== undefined && before.kind === action.kind && 'member' in before && 'member' in action && samePerson(before.member, action.member) ? grantedRole(before) : null;
    if (seen !== null && ROLE_RANK[seen] >= ROLE_RANK[role]) continue;
    const who = 'member' in action ? action.member.email : '?';
    const was = seen === null ? 'not in the reviewed plan' : `the reviewed plan granted ${seen}`;
    out.push({ action, why: `grants ${role} to ${who} (${action.kind}), ${was}` });
  }
  return out;
}

/**
 * The ids of `roots` and of every action that depends on one of them, directly or not: what is
 * skipped with a held grant (a group change waiting for an admin's add, say).
 */
export function withDependents(plan: Plan, roots: Iterable<string>): Set<string> {
  const held = new Set(roots);
  // Plans are in execution order: a dependent comes after what it depends on, so one pass
  // suffices; loop until stable anyway, for hand-ordered plans.
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of plan.actions) {
      if (!held.has(a.id) && a.dependsOn.some((d) => held.has(d))) {
        held.add(a.id);
        changed = true;
      }
    }
  }
  return held;
}

/**
 * The reviewed action a fresh one is compared with: the same id, or for a move of a former member's
 * files, the reviewed removal of that member (the removal ran, its transfer did not: the move is
 * that transfer, and the reviewer saw where the files were to go).
 */
function reviewedOf(fresh: Action, reviewedById: ReadonlyMap<string, Action>): Action | undefined {
  const same = reviewedById.get(fresh.id);
  if (same !== undefined || fresh.kind !== 'member.move_former_files' || fresh.member.teamMemberId === null) return same;
  return reviewedById.get(`member.remove:${fresh.member.teamMemberId}`);
}

/** Whether the reviewer saw `fresh`'s destination and fallbacks in `reviewed`; null when so, else what was not seen. */
function unseenDestination(fresh: { readonly transferTo: PersonRef | null; readonly transferFallbacks: readonly PersonRef[] }, r: MemberRemoveAction | MemberMoveFormerFilesAction): string | null {
  // The reviewer saw "files to X, else Y": a fresh plan sending them to Y was seen too.
  const reviewedDestinations = [r.transferTo, ...r.transferFallbacks].filter((p): p is PersonRef => p !== null);
  const destinationSeen = fresh.transferTo === null ? r.transferTo === null : r.transferTo !== null && reviewedDestinations.some((q) => samePerson(fresh.transferTo!, q));
  if (!destinationSeen) {
    return `transfer destination changed (reviewed: ${personLabel(r.transferTo)}, now: ${personLabel(fresh.transferTo)})`;
  }
  const newFallbacks = fresh.transferFallbacks.filter((p) => !reviewedDestinations.some((q) => samePerson(p, q)));
  if (newFallbacks.length > 0) return `fallback transfer destination not reviewed: ${newFallbacks.map((p) => p.email).join(', ')}`;
  return null;
}

/** null when `reviewed` covers `fresh`; otherwise what is new or worse, in a few words. */
function uncovered(fresh: Action, reviewed: Action | undefined): string | null {
  if (reviewed === undefined) return 'not in the reviewed plan';
  const moveAfterRemoval = fresh.kind === 'member.move_former_files' && reviewed.kind === 'member.remove';
  if (reviewed.kind !== fresh.kind && !moveAfterRemoval) return `was ${reviewed.kind} in the reviewed plan`;
  switch (fresh.kind) {
    case 'member.move_former_files': {
      const r = reviewed as MemberRemoveAction | MemberMoveFormerFilesAction;
      if (!samePerson(fresh.member, r.member)) return 'moves the files of a different member than the reviewed plan';
      return unseenDestination(fresh, r);
    }
    case 'member.remove': {
      const r = reviewed as typeof fresh;
      if (!samePerson(fresh.member, r.member)) return 'removes a different member than the reviewed plan';
      const destination = unseenDestination(fresh, r);
      if (destination !== null) return destination;
      if (fresh.wipeData && !r.wipeData) return 'wipeData turned on';
      if (!fresh.keepAccount && r.keepAccount) return 'keepAccount turned off';
      if (!fresh.retainTeamShares && r.retainTeamShares) return 'retainTeamShares turned off';
      return null;
    }
    case 'member.suspend': {
      const r = reviewed as typeof fresh;
      if (!samePerson(fresh.member, r.member)) return 'suspends a different member than the reviewed plan';
      if (fresh.wipeData && !r.wipeData) return 'wipeData turned on';
      return null;
    }
    case 'member.set_role': {
      const r = reviewed as typeof fresh;
      if (!samePerson(fresh.member, r.member)) return 'changes the role of a different member than the reviewed plan';
      if (ROLE_RANK[fresh.to] < ROLE_RANK[r.to]) return `demotes further (reviewed: to ${r.to}, now: to ${fresh.to})`;
      return null;
    }
    case 'group.delete': {
      const r = reviewed as typeof fresh;
      return sameGroup(fresh.group, r.group) ? null : 'deletes a different group than the reviewed plan';
    }
    case 'group.members.remove': {
      const r = reviewed as typeof fresh;
      if (!sameGroup(fresh.group, r.group)) return 'removes members from a different group than the reviewed plan';
      const extra = fresh.members.filter((p) => !r.members.some((q) => samePerson(p, q)));
      return extra.length === 0 ? null : `removes members that were not reviewed: ${extra.map((p) => p.email).join(', ')}`;
    }
    case 'member.add':
    case 'member.update_profile':
    case 'member.unsuspend':
    case 'member.recover':
    case 'group.create':
    case 'group.rename':
    case 'group.members.add':
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      // Not destructive (isDestructive): the same kind on the same id is all a reviewer must have seen.
      return null;
    default:
      return assertNever(fresh, 'action kind');
  }
}

function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.teamMemberId !== null && b.teamMemberId !== null) return a.teamMemberId === b.teamMemberId;
  if (a.oktaUserId !== null && b.oktaUserId !== null) return a.oktaUserId === b.oktaUserId;
  return emailKey(a.email) === emailKey(b.email);
}

function sameGroup(a: GroupRef, b: GroupRef): boolean {
  if (a.groupId !== null && b.groupId !== null) return a.groupId === b.groupId;
  if (a.externalId !== null && b.externalId !== null) return a.externalId === b.externalId;
  return a.name === b.name;
}

function personLabel(p: PersonRef | null): string {
  return p === null ? 'no transfer' : p.email;
}

function describeTarget(action: Action): string {
  return `${action.kind} ${target(action)}`;
}

function target(action: Action): string {
  return 'member' in action ? action.member.email : `"${action.group.name}"`;
}

/**
 * One canonical line per action that needs review (destructive, or a move of a former member's
 * files: what a reviewer must have seen), sorted, so that the
 * diff of two plans shows exactly what changed in their destructive substance.
 */
export function destructiveListing(plan: Plan): string {
  const lines = plan.actions.filter(needsReview).map((a) => ({ id: a.id, line: canonicalLine(a) }));
  lines.sort((x, y) => (x.line < y.line ? -1 : x.line > y.line ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return lines.map((l) => `${l.line}\n`).join('');
}

function canonicalLine(a: Action): string {
  switch (a.kind) {
    case 'member.remove': {
      const fallbacks = a.transferFallbacks.length === 0 ? '' : ` fallbacks=${a.transferFallbacks.map((p) => p.email).join(',')}`;
      return (
        `member.remove ${a.member.email} transfer=${personLabel(a.transferTo).replace(/ /g, '-')}${fallbacks}` +
        ` wipeData=${a.wipeData} keepAccount=${a.keepAccount} retainTeamShares=${a.retainTeamShares}`
      );
    }
    case 'member.move_former_files': {
      const fallbacks = a.transferFallbacks.length === 0 ? '' : ` fallbacks=${a.transferFallbacks.map((p) => p.email).join(',')}`;
      return `member.move_former_files ${a.member.email} transfer=${a.transferTo.email}${fallbacks}`;
    }
    case 'member.suspend':
      return `member.suspend ${a.member.email} wipeData=${a.wipeData}`;
    case 'member.set_role':
      return `member.set_role ${a.member.email} ${a.from} -> ${a.to}`;
    case 'group.delete':
      return `group.delete "${a.group.name}"`;
    case 'group.members.remove':
      return `group.members.remove "${a.group.name}" ${[...a.members.map((p) => p.email)].sort().join(' ')}`;
    case 'member.add':
    case 'member.update_profile':
    case 'member.unsuspend':
    case 'member.recover':
    case 'group.create':
    case 'group.rename':
    case 'group.members.add':
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      return `${a.kind} ${target(a)}`;
    default:
      return assertNever(a, 'action kind');
  }
}

function destructiveDiff(reviewed: Plan, fresh: Plan): string {
  const before = destructiveListing(reviewed);
  const after = destructiveListing(fresh);
  if (before === after) return '';
  const patch = createTwoFilesPatch(`reviewed plan ${short(reviewed.fingerprint)}`, `fresh plan ${short(fresh.fingerprint)}`, before, after, undefined, undefined, {
    context: 2,
  });
  // Drop the "Index:"/"===" preamble: the two file headers already name both plans.
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('===') && !line.startsWith('Index:'))
    .join('\n')
    .replace(/\n+$/, '');
}

function short(fingerprint: string): string {
  return fingerprint.replace(/^sha256:/, '').slice(0, 12);
}
