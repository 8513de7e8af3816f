/**
 * The rolling removal brake's count (design.md "Lifecycle changes": safety.maxRemovalsPerDay):
 * removals and suspensions made by this Dropbox admin in a time window, read from Dropbox's audit
 * log with team_log/get_events (+ /continue), category `members` (team_log.stone:40, :88, :104;
 * scope events.read). A removal or suspension is a `member_change_status` event
 * (team_log.stone:13025) whose MemberChangeStatusDetails.new_value (team_log.stone:4308) is
 * `removed` or `suspended`; "by this admin" is ActorLogInfo.admin (team_log.stone:2272) whose
 * team_member_id (TeamMemberLogInfo, team_log.stone:2000) is the token's admin. Events are not
 * sorted (team_log.stone:62), so every page is read.
 */
import type { Dropbox, team_log } from 'dropbox';
import { PageGuard } from '../transport/pagination.js';
import { dropboxRetryDefaults } from './client.js';
import { callWithRetry, type RetryContext } from './retry.js';
import type { Obj } from '../transport/shape.js';

export interface RemovalCount {
  readonly count: number;
  /** Calls made (get_events and its continuations). */
  readonly calls: number;
}

/** DropboxTimestamp "%Y-%m-%dT%H:%M:%SZ": seconds, no fraction. */
export function dropboxTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

const tag = (v: unknown): string | null => (v !== null && typeof v === 'object' && typeof (v as Obj)['.tag'] === 'string' ? ((v as Obj)['.tag'] as string) : null);

/**
 * True for a removal or suspension whose actor is the admin `adminId`; with no admin (a token
 * without one), every removal and suspension counts, whoever made it: the brake errs on the safe side.
 */
export function isRemovalBy(event: Obj, adminId: string | null): boolean {
  if (tag(event['event_type']) !== 'member_change_status') return false;
  const next = tag((event['details'] as Obj | undefined)?.['new_value']);
  if (next !== 'removed' && next !== 'suspended') return false;
  if (adminId === null) return true;
  const actor = event['actor'] as Obj | undefined;
  if (tag(actor) !== 'admin') return false;
  return (actor!['admin'] as Obj | undefined)?.['team_member_id'] === adminId;
}

export async function countRemovalsBy(client: Dropbox, adminId: string | null, window: { readonly start: Date; readonly end: Date }, options: RetryContext = {}): Promise<RemovalCount> {
  const retry: RetryContext = { ...dropboxRetryDefaults(client), ...options };
  const arg: team_log.GetTeamEventsArg = {
    limit: 1000,
    category: { '.tag': 'members' },
    time: { start_time: dropboxTimestamp(window.start), end_time: dropboxTimestamp(window.end) },
  };
  let page = (await callWithRetry('team_log/get_events', () => client.teamLogGetEvents(arg), retry)).result as unknown as Obj;
  let calls = 1;
  let count = 0;
  // A day of member events, a thousand a page: ten thousand pages is beyond any team (issue 12 item 3).
  const guard = new PageGuard('dropbox', 'team_log/get_events', 'cursor');
  for (;;) {
    for (const e of (page['events'] as Obj[] | undefined) ?? []) if (isRemovalBy(e, adminId)) count++;
    // With an end_time the listing is finite: has_more false ends it (team_log.stone:71).
    if (page['has_more'] !== true) return { count, calls };
    const cursor = String(page['cursor']);
    guard.follow(cursor, { pages: 10_000, why: 'ten million events in the window' });
    page = (await callWithRetry('team_log/get_events/continue', () => client.teamLogGetEventsContinue({ cursor }), retry)).result as unknown as Obj;
    calls++;
  }
}
