/**
 * The four words of the summary line ("Plan: 12 to add, 3 to change, 2 to suspend, 1 to remove.")
 * and which action kinds count under each. Every action counts once:
 *
 * - add: something gains existence or access: member.add, member.recover, member.unsuspend,
 *   group.create, okta.assign, okta.create_user;
 * - change: something that exists is altered: member.update_profile, member.set_role, group.rename
 *   (and adoption), group.members.add, group.members.remove (one per group), okta.update_profile;
 * - suspend: member.suspend;
 * - remove: member.remove, group.delete.
 */
import { assertNever } from '../domain/errors.js';
import type { Action, ActionKind } from '../domain/plan.js';

/** One word of the summary line. */
export type ChangeBucket = 'add' | 'change' | 'suspend' | 'remove';

export const CHANGE_BUCKETS: readonly ChangeBucket[] = ['add', 'change', 'suspend', 'remove'];

export function bucketOf(kind: ActionKind): ChangeBucket {
  switch (kind) {
    case 'member.add':
    case 'member.recover':
    case 'member.unsuspend':
    case 'group.create':
    case 'okta.assign':
    case 'okta.create_user':
      return 'add';
    case 'member.update_profile':
    case 'member.set_role':
    case 'group.rename':
    case 'group.members.add':
    case 'group.members.remove':
    case 'okta.update_profile':
      return 'change';
    case 'member.suspend':
      return 'suspend';
    case 'member.remove':
    case 'group.delete':
      return 'remove';
    default:
      return assertNever(kind, 'action kind');
  }
}

/** How many actions count under each word of the summary line. */
export type ChangeCounts = Readonly<Record<ChangeBucket, number>>;

export function countChanges(actions: readonly Action[]): ChangeCounts {
  const counts: Record<ChangeBucket, number> = { add: 0, change: 0, suspend: 0, remove: 0 };
  for (const action of actions) counts[bucketOf(action.kind)] += 1;
  return counts;
}

export const NO_CHANGES_LINE = 'No changes. Dropbox matches the desired state.';

/** "Plan: 12 to add, 3 to change, 2 to suspend, 1 to remove." or {@link NO_CHANGES_LINE}. */
export function summaryLine(actions: readonly Action[]): string {
  if (actions.length === 0) return NO_CHANGES_LINE;
  const c = countChanges(actions);
  return `Plan: ${groupDigits(c.add)} to add, ${groupDigits(c.change)} to change, ${groupDigits(c.suspend)} to suspend, ${groupDigits(c.remove)} to remove.`;
}

/** 1234567 → "1,234,567" (fixed, whatever the locale). */
export function groupDigits(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
