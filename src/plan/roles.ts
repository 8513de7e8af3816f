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
import { formatSource } from '../text/words.js';

export interface RoleDecision {
  readonly role: Role;
  /** The rule that grants the role; null = no rule matched (member_only). */
  readonly rule: RoleRule | null;
  /** "Okta group Dropbox Admins" / "user cto@acme.example" / "no rule matches". */
  readonly via: string;
  /**
   * Set when a rule granting a higher role names an Okta group whose members were not read: the
   * person may belong there, so the decision must not demote anyone ("Okta group X (roles.yaml:3)").
   */
  readonly uncertain: string | null;
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
  /** "Okta group X (roles.yaml:3)" for the first of the rule's groups whose members were not read. */
  readonly unread: string | null;
}

const none: RoleDecision = { role: 'member_only', rule: null, via: 'no role rule matches', uncertain: null };

export function roleResolver(desired: DesiredState, index: LiveIndex, warnings: Warning[]): RoleResolver {
  if (desired.roles === null) return { decide: () => null };
  const compiled: CompiledRule[] = [...desired.roles]
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || compareSources(a.source, b.source))
    .map((rule) => {
      const groupMembers = new Map<string, string>();
      let unread: string | null = null;
      for (const entry of rule.oktaGroups) {
        const groups = resolveOktaGroups(index, entry);
        if (groups.length === 0) {
          warnings.push({
            code: 'okta_group_not_found',
            message: `role rule ${rule.role} names Okta group ${JSON.stringify(entry)}, which Okta does not have`,
            source: formatSource(rule.source),
          });
        }
        for (const group of groups) {
          if (group.memberIds === null) {
            unread ??= `Okta group ${group.name} (${at(rule.source)})`;
            warnings.push({
              code: 'okta_group_members_unknown',
              message: `the members of Okta group ${group.name} (role rule ${rule.role}) were not read; nobody gets the role through it`,
              source: formatSource(rule.source),
            });
            continue;
          }
          for (const userId of group.memberIds) if (!groupMembers.has(userId)) groupMembers.set(userId, group.name);
        }
      }
      return { rule, users: new Set(rule.users.map((u) => u.toLowerCase())), groupMembers, unread };
    });

  const decided = (c: CompiledRule, via: string, higher: string | null): RoleDecision => ({ role: c.rule.role, rule: c.rule, via, uncertain: higher });
  return {
    decide(user) {
      // Rules are sorted highest role first: `unread` collects doubt from the rules above the match.
      let unread: string | null = null;
      for (const c of compiled) {
        if (c.users.size > 0) {
          if (c.users.has(user.id.toLowerCase())) return decided(c, `user ${user.id}`, unread);
          if (c.users.has(user.email) || c.users.has(user.login.toLowerCase())) return decided(c, `user ${user.email}`, unread);
        }
        const group = c.groupMembers.get(user.id);
        if (group !== undefined) return decided(c, `Okta group ${group}`, unread);
        if (c.rule.role !== 'member_only') unread ??= c.unread;
      }
      return unread === null ? none : { ...none, uncertain: unread };
    },
  };
}

/** "role team_admin (roles.yaml:3, Okta group Dropbox Admins)" */
export function describeRole(decision: RoleDecision): string {
  return decision.rule === null
    ? `role member_only (${decision.via})`
    : `role ${decision.role} (${at(decision.rule.source)}, ${decision.via})`;
}
