/**
 * The `roles` rules that keep every admin where they are: once the YAML has a `roles` key, a
 * managed member that no rule names is member_only, so each current admin is named under the role
 * they hold. A rule names an Okta user (the planner matches rule entries against the Okta user's
 * email, login or id), so a linked admin is written as the Okta user's email, or as the Okta id
 * when that address could also match someone else.
 */
import type { Role } from '../domain/desired.js';
import { ROLE_RANK, ROLES_HIGHEST_FIRST } from '../domain/desired.js';
import type { TeamLinks } from './identity.js';

/** The admin roles dbxsync manages, highest first. */
export const ADMIN_ROLES: readonly Exclude<Role, 'member_only'>[] = ROLES_HIGHEST_FIRST.filter((r): r is Exclude<Role, 'member_only'> => r !== 'member_only');

/** One person kept in an admin role. */
export interface AdminGrant {
  readonly role: Exclude<Role, 'member_only'>;
  /** What the rule lists: an email, or an Okta user id (00u...). */
  readonly entry: string;
  /** The Dropbox member's email, for the comment when `entry` is not it. */
  readonly dropboxEmail: string;
  /** Why `entry` is not the Dropbox email, or null when it is. */
  readonly note: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function adminGrants(links: TeamLinks): AdminGrant[] {
  const byEntry = new Map<string, AdminGrant>();
  for (const member of links.liveMembers.values()) {
    if (member.role === 'member_only') continue;
    const role = member.role;
    const dropboxEmail = member.emailKey;
    const user = links.userOfMember.get(member.teamMemberId);
    let entry: string;
    let note: string | null = null;
    if (user === undefined) {
      // Several Okta users answer to this address (so none is linked): naming it could promote them all.
      if ((links.usersByAddress.get(dropboxEmail) ?? []).length > 0) continue;
      // No Okta user yet: roles are not managed for this member; the line keeps the role once Okta knows them.
      entry = dropboxEmail;
      note = 'no Okta user matches this member yet';
    } else if (links.managedMemberOf.get(user.id) !== member.teamMemberId) {
      // A second account of the same Okta user: the planner leaves it alone, and its role must not
      // be granted to the account it does manage.
      continue;
    } else {
      const email = user.email;
      const sharers = links.usersByAddress.get(email) ?? [];
      if (EMAIL.test(email) && sharers.length === 1 && sharers[0]!.id === user.id) {
        entry = email;
        if (email !== dropboxEmail) note = `Okta user ${user.id}; Dropbox has ${dropboxEmail}`;
      } else {
        entry = user.id;
        note = `${dropboxEmail}; listed by Okta id because ${EMAIL.test(email) ? `another Okta user also answers to ${email}` : 'its Okta email is not usable'}`;
      }
    }
    const key = entry.toLowerCase();
    const earlier = byEntry.get(key);
    // One person under one role only (a validation rule): two unmanaged accounts of one address keep the higher role.
    if (earlier !== undefined && ROLE_RANK[earlier.role] >= ROLE_RANK[role]) continue;
    byEntry.set(key, { role, entry, dropboxEmail, note });
  }
  return [...byEntry.values()].sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || compare(a.entry, b.entry) || compare(a.dropboxEmail, b.dropboxEmail));
}
