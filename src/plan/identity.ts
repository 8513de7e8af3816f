/**
 * Identity: which Dropbox member belongs to which Okta user. By external id (= Okta user id) first,
 * else by email, case-insensitively. Never two Okta users on one member; a second live member
 * claiming the same Okta user is left alone and reported.
 */
import type { DropboxMember, OktaUser } from '../domain/live.js';
import type { LiveIndex } from './live-index.js';
import { MultiMap } from './multi-map.js';
import { compareStrings } from './text.js';

/**
 * How a member was matched: `external_id` (the member carries the Okta id), `email` (matched by
 * email while the member's external id names no Okta user), `adopted` (matched by email, external
 * id empty: dbxsync writes the Okta id).
 */
export type MatchKind = 'external_id' | 'email' | 'adopted';

export interface Link {
  readonly member: DropboxMember;
  /** The member's position in LiveIndex.members. */
  readonly slot: number;
  readonly user: OktaUser;
  readonly how: MatchKind;
}

export interface Identity {
  /** Okta user id → the user's live (non-removed) member. */
  readonly liveByUser: ReadonlyMap<string, Link>;
  /** Okta user id → the user's most recoverable removed member, for users without a live member. */
  readonly removedByUser: ReadonlyMap<string, Link>;
  /** team_member_id → link, for live members that are managed. */
  readonly byMember: ReadonlyMap<string, Link>;
  /** Live members that no Okta user matches. */
  readonly unmanaged: readonly DropboxMember[];
  /** Live members whose email several Okta users carry: left alone, a safety violation. */
  readonly ambiguous: readonly { readonly member: DropboxMember; readonly users: readonly OktaUser[] }[];
  /** Live members that match an Okta user already matched (by external id) to another member. */
  readonly shadowed: readonly { readonly member: DropboxMember; readonly kept: Link }[];
  /** Okta users whose live members could not be told apart: nothing is planned for them. */
  readonly conflicted: readonly { readonly user: OktaUser; readonly members: readonly DropboxMember[] }[];
}

export function matchIdentities(index: LiveIndex): Identity {
  const ambiguous: { member: DropboxMember; users: OktaUser[] }[] = [];
  const unmanaged: DropboxMember[] = [];
  const liveLinks = new MultiMap<Link>();
  const removedLinks = new MultiMap<Link>();

  for (let slot = 0; slot < index.members.length; slot++) {
    const member = index.members[slot]!;
    const link = matchMember(index, member, slot);
    const removed = member.status === 'removed';
    if (link === null) {
      if (!removed) unmanaged.push(member);
      continue;
    }
    if (Array.isArray(link)) {
      if (!removed) ambiguous.push({ member, users: link });
      continue;
    }
    (removed ? removedLinks : liveLinks).add(link.user.id, link);
  }

  const liveByUser = new Map<string, Link>();
  const byMember = new Map<string, Link>();
  const shadowed: { member: DropboxMember; kept: Link }[] = [];
  const conflicted: { user: OktaUser; members: DropboxMember[] }[] = [];
  for (const [userId, only] of liveLinks.singles()) {
    liveByUser.set(userId, only);
    byMember.set(only.member.teamMemberId, only);
  }
  for (const [userId, links] of liveLinks.multiples()) {
    const byExternalId = links.filter((l) => l.how === 'external_id');
    if (byExternalId.length === 1) {
      const kept = byExternalId[0]!;
      liveByUser.set(userId, kept);
      byMember.set(kept.member.teamMemberId, kept);
      for (const l of links) if (l !== kept) shadowed.push({ member: l.member, kept });
    } else {
      conflicted.push({ user: links[0]!.user, members: links.map((l) => l.member) });
    }
  }

  const removedByUser = new Map<string, Link>();
  for (const [userId, links] of removedLinks.entries()) {
    if (liveLinks.count(userId) > 0) continue;
    const best = [...links].sort(
      (a, b) =>
        Number(b.member.isRecoverable) - Number(a.member.isRecoverable) ||
        Number(b.how === 'external_id') - Number(a.how === 'external_id') ||
        compareStrings(a.member.teamMemberId, b.member.teamMemberId),
    )[0]!;
    removedByUser.set(userId, best);
  }

  return { liveByUser, removedByUser, byMember, unmanaged, ambiguous, shadowed, conflicted };
}

/** The Okta user of one member: a link, several candidate users (ambiguous), or null. */
function matchMember(index: LiveIndex, member: DropboxMember, slot: number): Link | OktaUser[] | null {
  const externalId = member.externalId ?? '';
  if (externalId !== '') {
    const user = index.oktaById.get(externalId);
    if (user !== undefined) return { member, slot, user, how: 'external_id' };
  }
  const email = member.email.toLowerCase();
  const count = index.oktaByEmail.count(email);
  if (count === 0) return null;
  if (count > 1) return index.oktaByEmail.get(email);
  return { member, slot, user: index.oktaByEmail.first(email)!, how: externalId === '' ? 'adopted' : 'email' };
}
