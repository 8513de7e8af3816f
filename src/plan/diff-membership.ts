/**
 * The set arithmetic of one group's membership, as peribolos' configureMembers does it: a key that
 * is desired and not live is added, a key that is live and not desired is removed. Which people
 * count (managed, protected, new hires) is the caller's rule; this is only the difference.
 */
import { compareStrings } from './text.js';

/** What changes in one group: the keys to add and to remove, each sorted and without duplicates. */
export interface MembershipDiff {
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

/**
 * The keys in `desired` and not in `live` (add), and in `live` and not in `desired` (remove).
 * Keys are compared exactly: the planner passes Dropbox team member ids, which are opaque and not
 * case-folded (emails never decide a group's membership). Duplicates count once, and both lists are
 * sorted, so the result does not depend on the order of either input.
 */
export function diffMembership(desired: Iterable<string>, live: Iterable<string>): MembershipDiff {
  const desiredSet = new Set(desired);
  const liveSet = new Set(live);
  const add = [...desiredSet].filter((key) => !liveSet.has(key)).sort(compareStrings);
  const remove = [...liveSet].filter((key) => !desiredSet.has(key)).sort(compareStrings);
  return { add, remove };
}
