/**
 * Role rules: the highest role a person qualifies for wins (team_admin > user_management_admin >
 * support_admin > member_only). A managed member that matches no rule is member_only, but only when
 * the YAML has a `roles` key at all.
 */
import { ROLE_RANK, type DesiredState, type Role, type RoleRule } from '../domain/desired.js';
import type { OktaUser } from '../domain/live.js';
import type { Warning } from '../domain/plan.js';
import { resolveOktaGroups, type LiveIndex } from './live-index.js';
import { at, compareSources } from './text.js';

export interface RoleDecision {
  readonly role: Role;
  /** The rule that grants the role; null = no rule matched (member_only). */
  readonly rule: RoleRule | null;
  /** "Okta group Dropbox Admins" / "user cto@acme.example" / "no rule matches". */
  readonly via: string;
}

export interface RoleResolver {
  /** null when roles are not managed (no `roles` key). */
  decide(user: OktaUser): RoleDecision | null;
}

interface CompiledRule {
  readonly rule: RoleRule;
  readonly users: ReadonlySet<string>;
  /** Okta user id → the name of the rule's group the user is in. */
  readonly groupMembers: ReadonlyMap<string, string>;
}

export function roleResolver(desired: DesiredState, index: LiveIndex, warnings: Warning[]): RoleResolver {
  if (desired.roles === null) return { decide: () => null };
  const compiled: CompiledRule[] = [...desired.roles]
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || compareSources(a.source, b.source))
    .map((rule) => {
      const groupMembers = new Map<string, string>();
      for (const entry of rule.oktaGroups) {
        const groups = resolveOktaGroups(index, entry);
        if (groups.length === 0) {
          warnings.push({
            code: 'okta_group_not_found',
            message: `role rule ${rule.role} names Okta group ${JSON.stringify(entry)}, which Okta does not have`,
            source: `${rule.source.file}:${rule.source.line}:${rule.source.col}`,
          });
        }
        for (const group of groups) {
          if (group.memberIds === null) {
            warnings.push({
              code: 'okta_group_members_unknown',
              message: `the members of Okta group ${group.name} (role rule ${rule.role}) were not read; nobody gets the role through it`,
              source: `${rule.source.file}:${rule.source.line}:${rule.source.col}`,
            });
            continue;
          }
          for (const userId of group.memberIds) if (!groupMembers.has(userId)) groupMembers.set(userId, group.name);
        }
      }
      return { rule, users: new Set(rule.users.map((u) => u.toLowerCase())), groupMembers };
    });

  const none: RoleDecision = { role: 'member_only', rule: null, via: 'no role rule matches' };
  return {
    decide(user) {
      for (const c of compiled) {
        if (c.users.size > 0) {
          if (c.users.has(user.id.toLowerCase())) return { role: c.rule.role, rule: c.rule, via: `user ${user.id}` };
          if (c.users.has(user.email.toLowerCase()) || c.users.has(user.login.toLowerCase())) return { role: c.rule.role, rule: c.rule, via: `user ${user.email}` };
        }
        const group = c.groupMembers.get(user.id);
        if (group !== undefined) return { role: c.rule.role, rule: c.rule, via: `Okta group ${group}` };
      }
      return none;
    },
  };
}

/** "role team_admin (roles.yaml:3, Okta group Dropbox Admins)" */
export function describeRole(decision: RoleDecision): string {
  return decision.rule === null
    ? `role member_only (${decision.via})`
    : `role ${decision.role} (${at(decision.rule.source)}, ${decision.via})`;
}
