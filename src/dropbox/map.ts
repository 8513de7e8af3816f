/**
 * SDK shapes → live-state types. Roles are matched by name, case-insensitively, to the four roles
 * dbxsync manages (ref §3: each AdminTier maps to a role of matching name); any other role is kept
 * by name in otherRoles and never touched.
 */
import type { Role } from '../domain/desired.js';
import { ROLE_RANK } from '../domain/desired.js';
import { emailKey, type DropboxGroup, type DropboxMember, type DropboxMemberStatus } from '../domain/live.js';
import { invalidAnswer, requireField, requireObj, requireString, type Obj } from '../transport/shape.js';

/** Dropbox role names of the roles dbxsync manages, lower-cased for comparison. */
export const MANAGED_ROLE_NAMES: Readonly<Record<Exclude<Role, 'member_only'>, string>> = {
  team_admin: 'team admin',
  user_management_admin: 'user management admin',
  support_admin: 'support admin',
};

export function roleOfName(name: string): Exclude<Role, 'member_only'> | null {
  // Live names are "Team admin" etc. (ref §3, UNCONFIRMED exactly): compare loosely, so that
  // "Team Admin", "team_admin" or "team-admin" map too rather than read as member_only.
  const loose = name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  for (const [role, n] of Object.entries(MANAGED_ROLE_NAMES)) if (n === loose || role.replace(/_/g, ' ') === loose) return role as Exclude<Role, 'member_only'>;
  return null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function tagOf(v: unknown): string | null {
  return typeof v === 'object' && v !== null ? str((v as Obj)['.tag']) : null;
}

const STATUSES: readonly DropboxMemberStatus[] = ['active', 'invited', 'suspended', 'removed'];

/**
 * TeamMemberInfoV2 ({profile, roles}) → DropboxMember. The fields the plan depends on are required
 * (TeamMemberProfile, team.stone:44/:92): team_member_id, email and a known status; an answer
 * without them fails with one line naming `route` and the field.
 */
export function toDropboxMember(source: unknown, route = 'team/members/list_v2'): DropboxMember {
  const at = { service: 'dropbox', route } as const;
  const info = requireObj(at, source, 'a member');
  const p = requireField<Obj>(at, info, 'profile', 'object', 'a member');
  const id = requireString(at, info, 'profile.team_member_id', 'a member');
  if (typeof p['email'] !== 'string') throw invalidAnswer(at, `member ${id} without profile.email`);
  const statusObj = p['status'] as Obj | undefined;
  const tag = tagOf(statusObj);
  if (tag === null) throw invalidAnswer(at, `member ${id} without profile.status`);
  if (!(STATUSES as readonly string[]).includes(tag)) throw invalidAnswer(at, `member ${id} with an unknown profile.status ${JSON.stringify(tag)}`);
  const status = tag as DropboxMemberStatus;
  const name = (p['name'] ?? {}) as Obj;
  let role: Role = 'member_only';
  const otherRoles: string[] = [];
  for (const r of Array.isArray(info.roles) ? (info.roles as Obj[]) : []) {
    const roleName = str(r['name']) ?? '';
    const mapped = roleOfName(roleName);
    if (mapped) {
      if (ROLE_RANK[mapped] > ROLE_RANK[role]) role = mapped;
    } else {
      otherRoles.push(roleName);
    }
  }
  return {
    teamMemberId: id,
    accountId: str(p['account_id']),
    email: p['email'] as string,
    emailKey: emailKey(p['email'] as string),
    // A required field of MemberProfile; read as verified when absent so that only an explicit false refuses.
    emailVerified: p['email_verified'] !== false,
    externalId: str(p['external_id']) || null,
    givenName: str(name['given_name']) ?? '',
    surname: str(name['surname']) ?? '',
    status,
    isRecoverable: status === 'removed' && statusObj?.['is_recoverable'] === true,
    isDisconnected: status === 'removed' && statusObj?.['is_disconnected'] === true,
    role,
    otherRoles,
    invitedOn: str(p['invited_on']),
    joinedOn: str(p['joined_on']),
    suspendedOn: str(p['suspended_on']),
  };
}

/** The group ids in a TeamMemberProfile. */
export function profileGroupIds(profile: unknown): string[] {
  const groups = (profile as Obj)['groups'];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
}

export function managementTypeOf(summary: Obj): DropboxGroup['managementType'] {
  const tag = tagOf(summary['group_management_type']);
  // An unknown management type is treated as user managed. The planner adopts and changes only
  // company-managed groups, so such a group is reported and never changed.
  return tag === 'company_managed' || tag === 'system_managed' ? tag : 'user_managed';
}
