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
  /** The user's position in LiveIndex.users. */
  readonly userSlot: number;
  readonly how: MatchKind;
}

export interface Identity {
  /** By position in LiveIndex.users: the user's live (non-removed) member. */
  readonly liveAt: readonly (Link | undefined)[];
  /** The live member of an Okta user, by id. */
  liveOf(userId: string): Link | undefined;
  /** Okta user id → the most recoverable removed member of a user without a live member. */
  readonly removedByUser: ReadonlyMap<string, Link>;
  /** By position in LiveIndex.members: the link of each managed live member (undefined when none). */
  readonly linkAt: readonly (Link | undefined)[];
  /** The link of a managed live member, by team_member_id. */
  linkOf(teamMemberId: string): Link | undefined;
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
  const liveAt: (Link | undefined)[] = new Array<Link | undefined>(index.users.length);
  const linkAt: (Link | undefined)[] = new Array<Link | undefined>(index.members.length);
  /** Further live links of users that already have one (rare: resolved after the loop). */
  const extra = new MultiMap<Link>();
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
    if (removed) {
      removedLinks.add(link.user.id, link);
    } else if (liveAt[link.userSlot] !== undefined) {
      extra.add(link.user.id, link);
    } else {
      liveAt[link.userSlot] = link;
      linkAt[slot] = link;
    }
  }

  const shadowed: { member: DropboxMember; kept: Link }[] = [];
  const conflicted: { user: OktaUser; members: DropboxMember[] }[] = [];
  for (const [userId, more] of extra.entries()) {
    const first = liveAt[more[0]!.userSlot]!;
    const links = [first, ...more];
    for (const l of links) linkAt[l.slot] = undefined;
    const byExternalId = links.filter((l) => l.how === 'external_id');
    if (byExternalId.length === 1) {
      const kept = byExternalId[0]!;
      liveAt[kept.userSlot] = kept;
      linkAt[kept.slot] = kept;
      for (const l of links) if (l !== kept) shadowed.push({ member: l.member, kept });
    } else {
      liveAt[first.userSlot] = undefined;
      conflicted.push({ user: first.user, members: links.map((l) => l.member) });
    }
  }

  const removedByUser = new Map<string, Link>();
  for (const [userId, links] of removedLinks.entries()) {
    if (liveAt[links[0]!.userSlot] !== undefined || extra.count(userId) > 0) continue;
    const best = [...links].sort(
      (a, b) =>
        Number(b.member.isRecoverable) - Number(a.member.isRecoverable) ||
        Number(b.how === 'external_id') - Number(a.how === 'external_id') ||
        compareStrings(a.member.teamMemberId, b.member.teamMemberId),
    )[0]!;
    removedByUser.set(userId, best);
  }

  const linkOf = (teamMemberId: string): Link | undefined => {
    const slot = index.memberIndex.get(teamMemberId);
    return slot === undefined ? undefined : linkAt[slot];
  };
  const liveOf = (userId: string): Link | undefined => {
    const u = index.oktaIndex.get(userId);
    return u === undefined ? undefined : liveAt[u];
  };
  return { liveAt, liveOf, removedByUser, linkAt, linkOf, unmanaged, ambiguous, shadowed, conflicted };
}

/** The Okta user of one member: a link, several candidate users (ambiguous), or null. */
function matchMember(index: LiveIndex, member: DropboxMember, slot: number): Link | OktaUser[] | null {
  const externalId = member.externalId ?? '';
  if (externalId !== '') {
    const userSlot = index.oktaIndex.get(externalId);
    if (userSlot !== undefined) return { member, slot, user: index.users[userSlot]!, userSlot, how: 'external_id' };
  }
  const email = member.email.toLowerCase();
  const count = index.oktaByEmail.count(email);
  if (count === 0) return null;
  if (count > 1) return index.oktaByEmail.get(email);
  const user = index.oktaByEmail.first(email)!;
  return { member, slot, user, userSlot: index.oktaIndex.get(user.id)!, how: externalId === '' ? 'adopted' : 'email' };
}
