/**
 * Plain-text wording of one action, shared by the text and markdown renderers: what it touches (a
 * person or a group) and what it does; its symbol comes from the one table in change-counts.ts.
 * No styling and no escaping here.
 */
import { assertNever } from '../domain/errors.js';
import { isDemotion, type Action, type PersonRef, type ProfileChange } from '../domain/plan.js';
import { SYMBOLS_LEGEND, isMembership } from './change-counts.js';
import { formatDate } from './format-date.js';
import { plural } from '../text/words.js';

export { markerOf, type Marker } from './change-counts.js';

export const LEGEND = `${SYMBOLS_LEGEND}  [recoverable] undo within 7 days (members/recover)  [irreversible] cannot be undone`;

/** What an action touches: a person (by email) or a group (by its name before the plan). */
export type Subject = { readonly type: 'person'; readonly email: string } | { readonly type: 'group'; readonly name: string };

export function subjectOf(action: Action): Subject {
  switch (action.kind) {
    case 'member.add':
    case 'member.update_profile':
    case 'member.set_role':
    case 'member.suspend':
    case 'member.unsuspend':
    case 'member.remove':
    case 'member.move_former_files':
    case 'member.recover':
    case 'okta.assign':
    case 'okta.create_user':
    case 'okta.update_profile':
      return { type: 'person', email: action.member.email };
    case 'group.create':
    case 'group.rename':
    case 'group.members.add':
    case 'group.members.remove':
    case 'group.delete':
      return { type: 'group', name: action.group.name };
    default:
      return assertNever(action, 'action');
  }
}

/** The people a group membership action adds or removes; empty for every other kind. */
export function membersOf(action: Action): readonly PersonRef[] {
  return isMembership(action) ? action.members : [];
}

/** "[recoverable]" / "[irreversible]"; nothing for reversible actions, which are the common case. */
export function reversibilityTag(action: Action): string | null {
  switch (action.reversibility) {
    case 'reversible':
      return null;
    case 'recoverable':
      return '[recoverable]';
    case 'irreversible':
      return '[irreversible]';
    default:
      return assertNever(action.reversibility, 'reversibility');
  }
}

function quoted(value: string | null): string {
  return value === null || value === '' ? '(none)' : `"${value}"`;
}

function plainValue(value: string | null): string {
  return value === null || value === '' ? '(none)' : value;
}

const PROFILE_FIELDS: readonly { key: 'email' | 'givenName' | 'surname' | 'externalId'; label: string; quote: boolean }[] = [
  { key: 'email', label: 'email', quote: false },
  { key: 'givenName', label: 'given name', quote: true },
  { key: 'surname', label: 'surname', quote: true },
  { key: 'externalId', label: 'external id', quote: false },
];

function change(label: string, c: ProfileChange, quote: boolean): string {
  const show = quote ? quoted : plainValue;
  return `${label} ${show(c.from)} → ${show(c.to)}`;
}

/** "files to a@x (else b@x; transfer errors to admin@x)" */
function transferWords(to: PersonRef, fallbacks: readonly PersonRef[], admin: PersonRef | null): string {
  const notes: string[] = [];
  if (fallbacks.length > 0) notes.push(`else ${fallbacks.map((p) => p.email).join(', else ')}`);
  if (admin) notes.push(`transfer errors to ${admin.email}`);
  return notes.length > 0 ? `files to ${to.email} (${notes.join('; ')})` : `files to ${to.email}`;
}

/** What the action does, in words ("role member_only → team_admin (promotion)"). */
export function describeAction(action: Action): string {
  switch (action.kind) {
    case 'member.add':
      return `add: ${`${action.givenName} ${action.surname}`.trim()}, role ${action.role}, ${action.sendWelcomeEmail ? 'welcome email sent' : 'no welcome email'}`;
    case 'member.update_profile': {
      const parts: string[] = [];
      for (const field of PROFILE_FIELDS) {
        const c = action.changes[field.key];
        if (c) parts.push(change(field.label, c, field.quote));
      }
      return `update profile: ${parts.join(', ')}`;
    }
    case 'member.set_role':
      return `role ${action.from} → ${action.to} (${isDemotion(action.from, action.to) ? 'demotion' : 'promotion'})`;
    case 'member.suspend': {
      const what = action.wipeData ? 'suspend and wipe linked devices' : 'suspend, data kept';
      return action.removeAfter ? `${what}; removed after ${formatDate(action.removeAfter)} (grace period)` : what;
    }
    case 'member.unsuspend':
      return 'unsuspend: previous access restored';
    case 'member.remove': {
      const parts: string[] = [];
      if (action.transferTo) {
        parts.push(transferWords(action.transferTo, action.transferFallbacks, action.transferAdmin));
      } else {
        parts.push('no file transfer');
      }
      if (action.keepAccount) parts.push('kept as a Basic account');
      if (action.retainTeamShares) parts.push('team shares kept');
      if (action.wipeData) parts.push('wipe linked devices');
      return `remove: ${parts.join(', ')}`;
    }
    case 'member.move_former_files':
      return `move the files left in the removed account: ${transferWords(action.transferTo, action.transferFallbacks, action.transferAdmin)}`;
    case 'member.recover':
      return 'recover the removed account';
    case 'group.create':
      return `create: company managed, for Okta group ${action.oktaGroupId}`;
    case 'group.rename': {
      const renamed = action.from !== action.to;
      if (action.newExternalId === null) return `rename ${quoted(action.from)} → ${quoted(action.to)}`;
      const adopt = `adopt: mark as managed (external id ${action.newExternalId})`;
      return renamed ? `${adopt}, rename ${quoted(action.from)} → ${quoted(action.to)}` : adopt;
    }
    case 'group.members.add':
      return `add ${plural(action.members.length, 'member', 'members')}`;
    case 'group.members.remove':
      return `remove ${plural(action.members.length, 'member', 'members')}`;
    case 'group.delete':
      return 'delete';
    case 'okta.assign':
      return 'Okta: assign to the Dropbox app';
    case 'okta.create_user':
      return `Okta: create a STAGED user (${Object.keys(action.profile)
        .sort()
        .map((k) => `${k} ${quoted(action.profile[k] ?? null)}`)
        .join(', ')})`;
    case 'okta.update_profile':
      return `Okta: update profile: ${Object.keys(action.changes)
        .sort()
        .map((k) => {
          const c = action.changes[k];
          return c ? change(k, c, true) : k;
        })
        .join(', ')}`;
    default:
      return assertNever(action, 'action');
  }
}
