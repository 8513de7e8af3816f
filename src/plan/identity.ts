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
  /** Removed members that no Okta user matches (former unmanaged members). */
  readonly unmanagedRemoved: readonly DropboxMember[];
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
  const unmanagedRemoved: DropboxMember[] = [];
  const liveAt: (Link | undefined)[] = new Array<Link | undefined>(index.users.length);
  const linkAt: (Link | undefined)[] = new Array<Link | undefined>(index.members.length);
  /** Further live links of users that already have one (rare: resolved after the loop). */
  const extra = new MultiMap<Link>();
  const removedLinks = new MultiMap<Link>();

  const place = (member: DropboxMember, slot: number, link: Link | OktaUser[] | null): void => {
    const removed = member.status === 'removed';
    if (link === null) {
      (removed ? unmanagedRemoved : unmanaged).push(member);
    } else if (Array.isArray(link)) {
      if (!removed) ambiguous.push({ member, users: link });
    } else if (removed) {
      removedLinks.add(link.user.id, link);
    } else if (liveAt[link.userSlot] !== undefined) {
      extra.add(link.user.id, link);
    } else {
      liveAt[link.userSlot] = link;
      linkAt[slot] = link;
    }
  };

  // By external id first: in a team dbxsync manages, that is nearly everyone.
  const byEmail: number[] = [];
  for (let slot = 0; slot < index.members.length; slot++) {
    const member = index.members[slot]!;
    const externalId = member.externalId ?? '';
    const userSlot = externalId === '' ? undefined : index.oktaIndex.get(externalId);
    if (userSlot === undefined) byEmail.push(slot);
    else place(member, slot, { member, slot, user: index.users[userSlot]!, userSlot, how: 'external_id' });
  }
  // Then by email, for the few left: one pass over the users against a small map of the emails sought.
  const candidates = usersByEmail(index, byEmail.map((slot) => index.members[slot]!.emailKey));
  for (const slot of byEmail) {
    const member = index.members[slot]!;
    const users = candidates.get(member.emailKey);
    if (users.length === 0) place(member, slot, null);
    else if (users.length > 1) place(member, slot, users.map((u) => u.user));
    else place(member, slot, { member, slot, user: users[0]!.user, userSlot: users[0]!.userSlot, how: (member.externalId ?? '') === '' ? 'adopted' : 'email' });
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
  return { liveAt, liveOf, removedByUser, linkAt, linkOf, unmanaged, unmanagedRemoved, ambiguous, shadowed, conflicted };
}

/** The Okta users (with their positions) carrying each of `emails`, in user order. */
function usersByEmail(index: LiveIndex, emails: readonly string[]): MultiMap<{ user: OktaUser; userSlot: number }> {
  const found = new MultiMap<{ user: OktaUser; userSlot: number }>();
  if (emails.length === 0) return found;
  const sought = new Set(emails);
  for (let userSlot = 0; userSlot < index.users.length; userSlot++) {
    const user = index.users[userSlot]!;
    const email = user.email;
    if (sought.has(email)) found.add(email, { user, userSlot });
  }
  return found;
}
