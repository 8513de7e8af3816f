/**
 * Members the first plan would offboard: their Okta user is DEPROVISIONED or SUSPENDED while the
 * Dropbox account is still active (or an invitation, which offboarding removes). Adopting dbxsync
 * should not itself suspend anyone, so the dump lists them under protectedMembers with the reason;
 * deleting the line is the reviewed decision that lets offboarding run.
 */
import type { TeamLinks } from './identity.js';

export interface HeldBackMember {
  /** The Dropbox member's email, lower-cased (protectedMembers matches Dropbox emails). */
  readonly email: string;
  readonly oktaUserId: string;
  readonly oktaStatus: 'DEPROVISIONED' | 'SUSPENDED';
  /** The day (YYYY-MM-DD) Okta's status changed, or null when Okta does not say. */
  readonly since: string | null;
}

export function heldBackMembers(links: TeamLinks): HeldBackMember[] {
  const out = new Map<string, HeldBackMember>();
  for (const member of links.liveMembers.values()) {
    if (member.status !== 'active' && member.status !== 'invited') continue;
    const user = links.userOfMember.get(member.teamMemberId);
    if (user === undefined || (user.status !== 'DEPROVISIONED' && user.status !== 'SUSPENDED')) continue;
    const email = member.emailKey;
    if (!out.has(email)) out.set(email, { email, oktaUserId: user.id, oktaStatus: user.status, since: user.statusChanged?.slice(0, 10) ?? null });
  }
  return [...out.values()].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}
