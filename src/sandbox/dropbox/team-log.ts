/**
 * Dropbox's audit log, as far as dbxsync reads it: every member status change made through the
 * sandbox's API is recorded as a TeamEvent (team_log.stone:15147) of category `members` and type
 * `member_change_status` (team_log.stone:13025) with MemberChangeStatusDetails
 * (team_log.stone:4308), the token's admin as actor (ActorLogInfo.admin, team_log.stone:2272), and
 * served by team_log/get_events (+ /continue) with the `time` range (team_common.stone:51: start
 * inclusive, end exclusive), `category` / `event_type` filters and `limit` of GetTeamEventsArg
 * (team_log.stone:40), and its errors (team_log.stone:14, :26).
 */
import type { RouteTable } from './route.js';
import { BadRequest, RouteError, asObject, type Obj } from './wire.js';

export type LoggedStatus = 'active' | 'invited' | 'removed' | 'suspended' | 'not_joined';

/** What the log keeps of one event; `toWire` gives the TeamEvent JSON. */
export interface TeamLogEntry {
  readonly time: Date;
  readonly actorTeamMemberId: string | null;
  readonly actorEmail: string | null;
  readonly targetTeamMemberId: string;
  readonly targetEmail: string;
  readonly targetExternalId: string | null;
  readonly previous: LoggedStatus | null;
  readonly next: LoggedStatus;
  /** MemberRemoveActionType (team_log.stone:551) when the member was removed. */
  readonly removeAction: 'delete' | 'offboard' | null;
}

/** DropboxTimestamp: "%Y-%m-%dT%H:%M:%SZ" (common.stone), no fraction. */
function stamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function toWire(e: TeamLogEntry): Obj {
  return {
    timestamp: stamp(e.time),
    event_category: { '.tag': 'members' },
    actor:
      e.actorTeamMemberId === null
        ? { '.tag': 'dropbox' }
        : { '.tag': 'admin', admin: { '.tag': 'team_member', team_member_id: e.actorTeamMemberId, ...(e.actorEmail ? { email: e.actorEmail } : {}) } },
    origin: { access_method: { '.tag': 'api', request_id: 'sandbox' } },
    involve_non_team_member: false,
    context: { '.tag': 'team_member', team_member_id: e.targetTeamMemberId, email: e.targetEmail, ...(e.targetExternalId ? { member_external_id: e.targetExternalId } : {}) },
    participants: [],
    assets: [],
    event_type: { '.tag': 'member_change_status', description: '(members) Changed member status (invited, joined, suspended, etc.)' },
    details: {
      '.tag': 'member_change_status_details',
      ...(e.previous ? { previous_value: { '.tag': e.previous } } : {}),
      new_value: { '.tag': e.next },
      ...(e.removeAction ? { action: { '.tag': 'remove_action', remove_action: { '.tag': e.removeAction } } } : {}),
    },
  };
}

interface Query {
  readonly from: number;
  readonly to: number;
  readonly category: string | null;
  readonly eventType: string | null;
  readonly limit: number;
  /** Position in the log to continue from. */
  readonly at: number;
}

export class TeamLog {
  private readonly entries: TeamLogEntry[] = [];

  record(entry: TeamLogEntry): void {
    this.entries.push(entry);
  }

  /** Every entry so far (tests). */
  all(): readonly TeamLogEntry[] {
    return this.entries;
  }

  page(q: Query): { events: Obj[]; cursor: string; has_more: boolean } {
    const events: Obj[] = [];
    let i = q.at;
    for (; i < this.entries.length && events.length < q.limit; i++) {
      const e = this.entries[i]!;
      const t = e.time.getTime();
      if (t < q.from || t >= q.to) continue;
      if (q.category !== null && q.category !== 'members') continue;
      if (q.eventType !== null && q.eventType !== 'member_change_status') continue;
      events.push(toWire(e));
    }
    const cursor = `TL${Buffer.from(JSON.stringify({ ...q, at: i })).toString('base64url')}`;
    return { events, cursor, has_more: i < this.entries.length };
  }

  routes(): RouteTable {
    const body = 'request body';
    return {
      'team_log/get_events': {
        handle: (arg) => {
          const o = asObject(arg, body);
          const limit = o['limit'] === undefined || o['limit'] === null ? 1000 : o['limit'];
          if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) throw new BadRequest(`${body}.limit: ${JSON.stringify(limit)} is not a UInt32 in 1..1000`);
          const time = o['time'] == null ? {} : asObject(o['time'], `${body}.time`);
          const from = parseTime(time['start_time'], `${body}.time.start_time`) ?? -Infinity;
          const to = parseTime(time['end_time'], `${body}.time.end_time`) ?? Infinity;
          // team_log.stone:18: invalid_time_range.
          if (from > to) throw new RouteError('invalid_time_range');
          const category = tagOf(o['category'], `${body}.category`);
          const eventType = tagOf(o['event_type'], `${body}.event_type`);
          // team_log.stone:20: "Do not specify both event_type and category parameters for the same call."
          if (category !== null && eventType !== null) throw new RouteError('invalid_filters');
          return this.page({ from, to, category, eventType, limit, at: 0 });
        },
      },
      'team_log/get_events/continue': {
        handle: (arg) => {
          const cursor = asObject(arg, body)['cursor'];
          if (typeof cursor !== 'string') throw new BadRequest(`${body}.cursor: expected string`);
          let q: Query;
          try {
            if (!cursor.startsWith('TL')) throw new Error('prefix');
            q = JSON.parse(Buffer.from(cursor.slice(2), 'base64url').toString('utf8')) as Query;
            if (typeof q.at !== 'number') throw new Error('shape');
          } catch {
            // team_log.stone:28: bad_cursor.
            throw new RouteError('bad_cursor');
          }
          return this.page({ ...q, from: q.from ?? -Infinity, to: q.to ?? Infinity });
        },
      },
    };
  }
}

function parseTime(v: unknown, path: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v)) throw new BadRequest(`${path}: expected a timestamp "%Y-%m-%dT%H:%M:%SZ", got ${JSON.stringify(v)}`);
  return Date.parse(v);
}

function tagOf(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  const tag = asObject(v, path)['.tag'];
  if (typeof tag !== 'string') throw new BadRequest(`${path}: expected a union with .tag`);
  return tag;
}
