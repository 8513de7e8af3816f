/** What every planning step reads (the indexed inputs) and appends to (reports, warnings, ...). */
import type { DesiredState, SourceRef } from '../domain/desired.js';
import type { DropboxMember } from '../domain/live.js';
import type { Report, SafetyViolation, Waiting, Warning } from '../domain/plan.js';
import type { Identity } from './identity.js';
import type { LiveIndex } from './live-index.js';
import type { RoleResolver } from './roles.js';

export interface PlanContext {
  readonly desired: DesiredState;
  readonly index: LiveIndex;
  readonly identity: Identity;
  readonly roles: RoleResolver;
  readonly now: string;
  readonly nowMs: number;
  /** Lower-cased email → the protectedMembers entry. */
  readonly protectedEmails: ReadonlyMap<string, SourceRef>;
  readonly authenticatedAdminId: string | null;
  readonly reports: Report[];
  readonly waiting: Waiting[];
  readonly warnings: Warning[];
  readonly violations: SafetyViolation[];
}

/** Why a member must never be suspended, removed, demoted or changed; null when it may be. */
export function protection(ctx: PlanContext, member: DropboxMember): string | null {
  if (ctx.authenticatedAdminId !== null && member.teamMemberId === ctx.authenticatedAdminId) {
    return 'the admin whose token runs dbxsync';
  }
  const source = ctx.protectedEmails.get(member.email.toLowerCase());
  return source === undefined ? null : `protectedMembers, ${source.file}:${source.line}`;
}
