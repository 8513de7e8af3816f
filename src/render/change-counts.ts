/**
 * The one classification of action kinds that every human view of a plan uses: the word of the
 * summary line it counts under ("Plan: 12 to add, 3 to change, 2 to suspend, 1 to remove."), the
 * symbol its lines carry (+ ~ ! -) and the heading of its section in the pull-request comment. The
 * symbol follows from the word, so the summary line counts exactly the lines under each symbol:
 *
 * - add (+): something gains existence or access: member.add, member.recover, group.create,
 *   okta.assign, okta.create_user, and each person a group.members.add puts into a group;
 * - change (~): something that stays is altered: member.update_profile, member.set_role,
 *   member.unsuspend (the member was on the team all along; access comes back),
 *   member.move_former_files (a removed member's files change owner), group.rename (and
 *   adoption), okta.update_profile;
 * - suspend (!): member.suspend;
 * - remove (-): member.remove, group.delete, and each person a group.members.remove takes out.
 *
 * A group membership action counts once per person it adds or removes: those are the lines that
 * carry its symbol (its heading line names the group and carries none).
 */
import type { Action, ActionKind, Plan, PlanDirection } from '../domain/plan.js';
import { groupDigits, plural } from '../text/words.js';

/** One word of the summary line. */
export type ChangeBucket = 'add' | 'change' | 'suspend' | 'remove';

export const CHANGE_BUCKETS: readonly ChangeBucket[] = ['add', 'change', 'suspend', 'remove'];

/** `+` add, create, restore; `~` change; `!` suspend; `-` remove, delete. */
export type Marker = '+' | '~' | '!' | '-';

const MARKERS: Readonly<Record<ChangeBucket, Marker>> = { add: '+', change: '~', suspend: '!', remove: '-' };

interface KindClass {
  readonly bucket: ChangeBucket;
  /** The heading of the kind's section in the pull-request comment. */
  readonly section: string;
}

// A Record over ActionKind: a new kind does not compile until it is classified here.
const KIND_CLASSES: Readonly<Record<ActionKind, KindClass>> = {
  'member.add': { bucket: 'add', section: 'Members to add' },
  'member.update_profile': { bucket: 'change', section: 'Profile updates' },
  'member.set_role': { bucket: 'change', section: 'Role changes' },
  'member.suspend': { bucket: 'suspend', section: 'Suspensions' },
  'member.unsuspend': { bucket: 'change', section: 'Unsuspensions' },
  'member.remove': { bucket: 'remove', section: 'Removals' },
  'member.move_former_files': { bucket: 'change', section: "Former members' files to move" },
  'member.recover': { bucket: 'add', section: 'Recoveries' },
  'group.create': { bucket: 'add', section: 'Groups to create' },
  'group.rename': { bucket: 'change', section: 'Group renames and adoptions' },
  'group.members.add': { bucket: 'add', section: 'Group members to add' },
  'group.members.remove': { bucket: 'remove', section: 'Group members to remove' },
  'group.delete': { bucket: 'remove', section: 'Groups to delete' },
  'okta.assign': { bucket: 'add', section: 'Okta: app assignments' },
  'okta.create_user': { bucket: 'add', section: 'Okta: users to create' },
  'okta.update_profile': { bucket: 'change', section: 'Okta: profile updates' },
};

export function bucketOf(kind: ActionKind): ChangeBucket {
  return KIND_CLASSES[kind].bucket;
}

export function markerOf(kind: ActionKind): Marker {
  return MARKERS[bucketOf(kind)];
}

export function sectionTitle(kind: ActionKind): string {
  return KIND_CLASSES[kind].section;
}

/** "Symbols: + add  ~ change  ! suspend  - remove." */
export const SYMBOLS_LEGEND = `Symbols: ${CHANGE_BUCKETS.map((b) => `${MARKERS[b]} ${b}`).join('  ')}.`;

/** A group membership action: its people carry its symbol, one line each. */
export function isMembership(action: Action): action is Extract<Action, { kind: 'group.members.add' | 'group.members.remove' }> {
  return action.kind === 'group.members.add' || action.kind === 'group.members.remove';
}

/** How many lines the action puts under its symbol: one per person of a membership action, else one. */
export function changeWeight(action: Action): number {
  return isMembership(action) ? action.members.length : 1;
}

/** How many changes count under each word of the summary line. */
export type ChangeCounts = Readonly<Record<ChangeBucket, number>>;

export function countChanges(actions: readonly Action[]): ChangeCounts {
  const counts: Record<ChangeBucket, number> = { add: 0, change: 0, suspend: 0, remove: 0 };
  for (const action of actions) counts[bucketOf(action.kind)] += changeWeight(action);
  return counts;
}

export const NO_CHANGES_LINE = 'No changes. Dropbox matches the desired state.';

/** "Plan: 12 to add, 3 to change, 2 to suspend, 1 to remove." or {@link NO_CHANGES_LINE}. */
export function summaryLine(actions: readonly Action[]): string {
  if (actions.length === 0) return NO_CHANGES_LINE;
  const c = countChanges(actions);
  return `Plan: ${groupDigits(c.add)} to add, ${groupDigits(c.change)} to change, ${groupDigits(c.suspend)} to suspend, ${groupDigits(c.remove)} to remove.`;
}

/**
 * The summary line a view of the plan ends (text) or starts (markdown) with. An empty plan says
 * what matches what: a sync plan that Dropbox matches the desired state, an import plan that no
 * Okta change is due (and how many members its reports left alone).
 */
export function planSummaryLine(plan: Pick<Plan, 'actions' | 'reports'>, direction: PlanDirection): string {
  if (plan.actions.length > 0) return summaryLine(plan.actions);
  switch (direction) {
    case 'sync':
      return NO_CHANGES_LINE;
    case 'import': {
      const n = plan.reports.length;
      if (n === 0) return 'No import changes: every Dropbox member is known to Okta.';
      return `No import changes: ${plural(n, 'member is', 'members are', groupDigits)} reported above and left alone.`;
    }
  }
}

export { groupDigits };
