/**
 * Encoding of sandbox records as the JSON Dropbox returns (TeamMemberProfile, MemberProfile,
 * GroupSummary, GroupFullInfo), with unions tagged by ".tag" (ref §0).
 */
import { roleById } from './roles.js';
import type { DropboxSandbox, SandboxGroup, SandboxMember } from './state.js';

/** DropboxTimestamp: %Y-%m-%dT%H:%M:%SZ, no fraction. */
export function timestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function initials(given: string, surname: string): string {
  return `${given.slice(0, 1)}${surname.slice(0, 1)}`.toUpperCase();
}

/** MemberProfile (ref §1: the smaller profile used by group member listings). */
export function memberProfile(state: DropboxSandbox, m: SandboxMember): Record<string, unknown> {
  return encodeProfile(state, m, false);
}

/** TeamMemberProfile = MemberProfile + groups and folder ids (ref §1). */
export function teamMemberProfile(state: DropboxSandbox, m: SandboxMember): Record<string, unknown> {
  return encodeProfile(state, m, true);
}

// One object literal per profile (no spreads): listings encode up to 1000 of these per call.
function encodeProfile(state: DropboxSandbox, m: SandboxMember, team: boolean): Record<string, unknown> {
  const status =
    m.status === 'removed'
      ? { '.tag': 'removed', is_recoverable: state.isRecoverable(m), is_disconnected: m.isDisconnected }
      : { '.tag': m.status };
  const profile: Record<string, unknown> = {
    team_member_id: m.teamMemberId,
    account_id: m.accountId,
    email: m.email,
    email_verified: m.emailVerified,
    secondary_emails: [],
    status,
    name: {
      given_name: m.givenName,
      surname: m.surname,
      familiar_name: m.givenName,
      display_name: `${m.givenName} ${m.surname}`.trim(),
      abbreviated_name: initials(m.givenName, m.surname),
    },
    membership_type: { '.tag': 'full' },
    is_directory_restricted: false,
  };
  if (m.externalId !== null) profile['external_id'] = m.externalId;
  // ref §1: invited_on only when invited, suspended_on only when suspended.
  if (m.status === 'invited' && m.invitedOn) profile['invited_on'] = timestamp(m.invitedOn);
  if (m.joinedOn) profile['joined_on'] = timestamp(m.joinedOn);
  if (m.status === 'suspended' && m.suspendedOn) profile['suspended_on'] = timestamp(m.suspendedOn);
  if (team) {
    profile['groups'] = [...m.groups];
    profile['member_folder_id'] = m.folderId;
    profile['root_folder_id'] = m.rootFolderId;
  }
  return profile;
}

export function roles(m: SandboxMember): Record<string, unknown>[] {
  return m.roleIds.map((id) => {
    const r = roleById(id);
    return { role_id: id, name: r?.name ?? id, description: r?.description ?? '' };
  });
}

/** TeamMemberInfoV2 {profile, roles}. */
export function memberInfoV2(state: DropboxSandbox, m: SandboxMember): Record<string, unknown> {
  return { profile: teamMemberProfile(state, m), roles: roles(m) };
}

/** GroupSummary (ref §4). */
export function groupSummary(g: SandboxGroup): Record<string, unknown> {
  const out: Record<string, unknown> = {
    group_name: g.name,
    group_id: g.groupId,
    member_count: g.members.size,
    group_management_type: { '.tag': g.managementType },
  };
  if (g.externalId !== null) out['group_external_id'] = g.externalId;
  return out;
}

/** GroupFullInfo; members omitted when not asked for, and for system-managed groups (ref §4). */
export function groupFullInfo(state: DropboxSandbox, g: SandboxGroup, withMembers: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...groupSummary(g), created: g.created };
  if (withMembers && g.managementType !== 'system_managed') {
    const members: Record<string, unknown>[] = [];
    for (const id of g.members.keys()) {
      const m = state.member(id);
      if (m) members.push({ profile: memberProfile(state, m), access_type: { '.tag': g.members.get(id) } });
    }
    out['members'] = members;
  }
  return out;
}
