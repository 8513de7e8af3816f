/**
 * Which Okta user each live Dropbox member belongs to, by the planner's rule (design.md "Identity
 * and ownership"): external id (= Okta user id) first, else email, case-insensitively; an email
 * that several Okta users carry links nobody. The dump only reads these links to predict what a
 * first plan would do, so where the planner would hesitate the dump assumes the worse case.
 */
import type { DropboxMember, DropboxState, OktaState, OktaUser } from '../domain/live.js';

export interface TeamLinks {
  /** Okta users by id. */
  readonly usersById: ReadonlyMap<string, OktaUser>;
  /** team_member_id → the Okta user of a live (non-removed) member; absent when none matches. */
  readonly userOfMember: ReadonlyMap<string, OktaUser>;
  /** Okta user id → the team_member_ids of the live members linked to it (usually one). */
  readonly membersOfUser: ReadonlyMap<string, readonly string[]>;
  /**
   * Okta user id → the one live member the planner manages for it: the only one linked, else the
   * only one linked by external id; absent when the planner could not tell them apart.
   */
  readonly managedMemberOf: ReadonlyMap<string, string>;
  /** Live members by team_member_id. */
  readonly liveMembers: ReadonlyMap<string, DropboxMember>;
  /** Okta users by lower-cased email and login (several when they share one). */
  readonly usersByAddress: ReadonlyMap<string, readonly OktaUser[]>;
  /**
   * Matches the planner refuses to guess (a safety violation in every plan until fixed): a member
   * whose email several Okta users carry, an Okta user behind several members none of which (or
   * more than one of which) carries its id.
   */
  readonly problems: readonly string[];
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function linkTeam(okta: OktaState, dropbox: DropboxState): TeamLinks {
  const usersById = new Map<string, OktaUser>();
  const byEmail = new Map<string, OktaUser[]>();
  const usersByAddress = new Map<string, OktaUser[]>();
  for (const u of okta.users) {
    usersById.set(u.id, u);
    add(byEmail, u.email, u);
    add(usersByAddress, u.email, u);
    if (u.login !== '') add(usersByAddress, u.login.toLowerCase(), u);
  }
  const userOfMember = new Map<string, OktaUser>();
  const membersOfUser = new Map<string, string[]>();
  const liveMembers = new Map<string, DropboxMember>();
  const byExternalId = new Set<string>();
  const problems: string[] = [];
  for (const m of dropbox.members) {
    if (m.status === 'removed') continue;
    liveMembers.set(m.teamMemberId, m);
    const byId = m.externalId ? usersById.get(m.externalId) : undefined;
    const candidates = byId !== undefined ? [byId] : (byEmail.get(m.emailKey) ?? []);
    if (candidates.length > 1) {
      problems.push(`Dropbox member ${m.emailKey} matches ${candidates.length} Okta users by email (${candidates.map((u) => u.id).sort().join(', ')}): set its external id to the right Okta id`);
    }
    if (candidates.length !== 1) continue;
    const user = candidates[0]!;
    if (byId !== undefined) byExternalId.add(m.teamMemberId);
    userOfMember.set(m.teamMemberId, user);
    add(membersOfUser, user.id, m.teamMemberId);
  }
  const managedMemberOf = new Map<string, string>();
  for (const [userId, memberIds] of membersOfUser) {
    const kept = memberIds.length === 1 ? memberIds : memberIds.filter((id) => byExternalId.has(id));
    if (kept.length === 1) managedMemberOf.set(userId, kept[0]!);
    else problems.push(`Okta user ${userId} matches ${memberIds.length} Dropbox members (${[...memberIds].sort().join(', ')}): nothing is planned for them`);
  }
  problems.sort();
  return { usersById, userOfMember, membersOfUser, managedMemberOf, liveMembers, usersByAddress, problems };
}
