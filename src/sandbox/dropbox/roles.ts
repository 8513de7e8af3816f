/**
 * The team member roles the sandbox offers (members/get_available_team_member_roles, ref §3).
 * Dropbox-defined role ids are the same across teams but the spec's ids are examples only, so the
 * sandbox uses ids of the documented shape (`pid_dbtmr:...`) and the documented names.
 */

/** Legacy AdminTier (ref §3). */
export type AdminTier = 'team_admin' | 'user_management_admin' | 'support_admin' | 'member_only';

export interface SandboxRole {
  readonly role_id: string;
  readonly name: string;
  readonly description: string;
  /** The AdminTier the v1 routes report for this role (ref §3: newer roles may be reported as support_admin). */
  readonly tier: Exclude<AdminTier, 'member_only'>;
}

export const SANDBOX_ROLES: readonly SandboxRole[] = [
  {
    role_id: 'pid_dbtmr:AAAAAOFq3ZkVr1_sGqDxZ9YhqLXXWN6hEBfAg8WkGxkKhWBp',
    name: 'Team admin',
    description: 'User can do most user provisioning, de-provisioning and management.',
    tier: 'team_admin',
  },
  {
    role_id: 'pid_dbtmr:AAAAAP1R_xkh1xqgfUlgWJ0CMy0AgR9vAOALDJuQ0GPB0Qvb',
    name: 'User management admin',
    description: 'User can add, remove, and manage team members.',
    tier: 'user_management_admin',
  },
  {
    role_id: 'pid_dbtmr:AAAAAL6tiVLvbw3UV0Vj_FA6xNP4DaCkKUSCm7ha5lZYNcFM',
    name: 'Support admin',
    description: 'User can help team members with account and sign-in issues.',
    tier: 'support_admin',
  },
  {
    role_id: 'pid_dbtmr:AAAAAJ3xvqpVuRjzbnkUjMRTU9EcFp1V1DfFwxw4vu5RGcFL',
    name: 'Billing admin',
    description: 'User can manage billing and licences.',
    tier: 'support_admin',
  },
];

export function roleById(id: string): SandboxRole | undefined {
  return SANDBOX_ROLES.find((r) => r.role_id === id);
}

/** The role of an AdminTier's matching name (ref §3: "Each AdminTier maps to a role of matching name"). */
export function roleIdsForTier(tier: AdminTier): string[] {
  if (tier === 'member_only') return [];
  const role = SANDBOX_ROLES.find((r) => r.tier === tier && r.name !== 'Billing admin');
  return role ? [role.role_id] : [];
}

export function tierOf(roleIds: readonly string[]): AdminTier {
  const first = roleIds[0];
  return first === undefined ? 'member_only' : (roleById(first)?.tier ?? 'member_only');
}

export const TEAM_ADMIN_ROLE_ID = roleIdsForTier('team_admin')[0]!;
