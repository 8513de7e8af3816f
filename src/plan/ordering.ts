/**
 * Execution order. Groups exist before members are put in them; members exist before their
 * profile, role and groups change; promotions run before demotions so a team never dips below its
 * admins mid-apply; group members are added before others are removed; suspensions and removals (and
 * the moves of former members' files) run last (their transfer destinations already exist), and group deletions after everything.
 */
import { assertNever } from '../domain/errors.js';
import { isDemotion, type Action, type PlannedAction } from '../domain/plan.js';
import { compareStrings } from './text.js';

export function phase(action: Action): number {
  switch (action.kind) {
    case 'group.create':
      return 0;
    case 'group.rename':
      return 1;
    // One phase: a profile update waits (dependsOn) for the recovery or unsuspension before it, and
    // an add waits for the email change that frees its address; ids sort adds before updates.
    case 'member.add':
    case 'member.recover':
    case 'member.unsuspend':
    case 'member.update_profile':
      return 2;
    case 'member.set_role':
      return isDemotion(action.from, action.to) ? 5 : 4;
    case 'group.members.add':
      return 6;
    case 'group.members.remove':
      return 7;
    case 'member.suspend':
      return 8;
    // Moves of former members' files run with the removals: both are transfers, serialised per
    // recipient by their serialKey.
    case 'member.move_former_files':
    case 'member.remove':
      return 9;
    case 'group.delete':
      return 10;
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      return 11;
    default:
      return assertNever(action, 'action');
  }
}

/** The actions in execution order, each stamped with its phase: the plan carries the order as data. */
export function executionOrder(actions: readonly Action[]): PlannedAction[] {
  return actions.map((a): PlannedAction => ({ ...a, phase: phase(a) })).sort((a, b) => a.phase - b.phase || compareStrings(a.id, b.id));
}
