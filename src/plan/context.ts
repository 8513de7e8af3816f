/** What every planning step reads (the indexed inputs) and appends to (reports, warnings, ...). */
import type { DesiredState, SourceRef } from '../domain/desired.js';
import { emailKey, type DropboxMember } from '../domain/live.js';
import type { Report, SafetyViolation, Waiting, Warning } from '../domain/plan.js';
import type { Identity } from './identity.js';
import type { LiveIndex } from './live-index.js';
import type { RoleResolver } from './roles.js';
import { formatSource } from '../text/words.js';

/** PlanScope, as sets. */
export interface Scope {
  readonly userIds: ReadonlySet<string>;
  readonly memberIds: ReadonlySet<string>;
  readonly groupIds: ReadonlySet<string>;
  readonly activeMembers: number;
}

export interface PlanContext {
  readonly desired: DesiredState;
  readonly index: LiveIndex;
  readonly identity: Identity;
  readonly roles: RoleResolver;
  readonly now: string;
  readonly nowMs: number;
  /** team_member_id → why the member is protected: a protectedMembers entry (never changed at all). */
  readonly protectedMembers: ReadonlyMap<string, string>;
  /**
   * team_member_id of the admin whose token runs dbxsync: never suspended, removed or demoted
   * (design.md), but otherwise managed like anyone (profile, promotions, group membership).
   */
  readonly operatorId: string | null;
  /** An incremental plan's scope (PlanScope as sets); null plans everybody. */
  readonly scope: Scope | null;
  readonly reports: Report[];
  readonly waiting: Waiting[];
  readonly warnings: Warning[];
  readonly violations: SafetyViolation[];
}

/** Why a member must never be suspended, removed, demoted or changed; null when it may be. */
export function protection(ctx: PlanContext, member: DropboxMember): string | null {
  return ctx.protectedMembers.get(member.teamMemberId) ?? null;
}

export const OPERATOR_REASON = 'the admin whose token runs dbxsync';

/** Why a member must never be suspended, removed or demoted (protected, or the operator); null when it may be. */
export function lifecycleGuard(ctx: PlanContext, member: DropboxMember): string | null {
  return protection(ctx, member) ?? (member.teamMemberId === ctx.operatorId ? OPERATOR_REASON : null);
}

/** The protected members of a team: the protectedMembers entries (the operator is guarded apart: see PlanContext.operatorId). */
export function protectedMembers(
  entries: readonly { readonly email: string; readonly source: SourceRef }[],
  index: LiveIndex,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of entries) {
    for (const m of index.membersByEmail().get(emailKey(entry.email))) {
      if (!out.has(m.teamMemberId)) out.set(m.teamMemberId, `protectedMembers, ${formatSource(entry.source, 'line')}`);
    }
  }
  return out;
}
