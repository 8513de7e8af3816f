/**
 * The emulated Okta System Log (`GET /api/v1/logs`): every change the sandbox's Okta goes through
 * (an admin action through the state methods, or a write through the API) is recorded as a
 * LogEvent, and the route answers both kinds of query Okta documents.
 *
 * Sources: Okta's management OpenAPI spec (okta/okta-management-openapi-spec,
 * dist/current/management-minimal.yaml `/api/v1/logs` and `LogEvent`), and
 * shared/reference/okta-api.md §6 (System Log query guide):
 * - bounded query (`since` and `until`): events whose `published` lies in [since, until), ordered
 *   by `published`, finite: the last page has no `next` link;
 * - polling query (no `until`, ASCENDING): events in persistence order, endless: every page,
 *   even an empty one, has a `next` link whose `after` cursor resumes after the last event seen;
 * - `since` defaults to 7 days before `until`; `limit` 0..1000, default 100; `sortOrder`
 *   ASCENDING (default) or DESCENDING; `filter` is a SCIM expression over the event's fields
 *   (`eventType`, `target.id`, `actor.id`, ...; `published` cannot be filtered on), values
 *   compared case-sensitively as every Okta `filter`;
 * - targets are found by `type` (`User`, `AppUser`, `UserGroup`, `AppInstance`), not by position.
 */
import { randomUUID } from 'node:crypto';
import { checkExpression, evaluate, InvalidExpression, parseExpression, type AttributeRules, type Expression, type Operator } from './filter-expression.js';

export interface SandboxLogActor {
  readonly id: string;
  readonly type: string;
  readonly alternateId: string;
  readonly displayName: string;
}

export interface SandboxLogTarget {
  readonly id: string;
  /** `User`, `AppUser`, `UserGroup`, `AppInstance`. */
  readonly type: string;
  readonly alternateId: string;
  readonly displayName: string;
  readonly changeDetails?: { readonly from?: Record<string, unknown>; readonly to?: Record<string, unknown> };
}

export interface SandboxLogEvent {
  readonly uuid: string;
  /** ISO 8601, from the sandbox clock. */
  readonly published: string;
  readonly eventType: string;
  readonly displayMessage: string;
  readonly severity: 'INFO' | 'WARN';
  readonly actor: SandboxLogActor;
  readonly target: readonly SandboxLogTarget[];
  readonly outcome: { readonly result: 'SUCCESS' };
  /** Persistence order (what a polling query's cursor follows); not part of Okta's LogEvent. */
  readonly seq: number;
}

/** Who the sandbox's own admin actions are logged as (API writes are logged as the token's app). */
export const SANDBOX_ADMIN_ACTOR: SandboxLogActor = {
  id: '00usandboxadmin00001',
  type: 'User',
  alternateId: 'admin@sandbox.invalid',
  displayName: 'Sandbox Admin',
};

export const API_TOKEN_ACTOR: SandboxLogActor = {
  id: '0oasandboxapitoken01',
  type: 'PublicClientApp',
  alternateId: 'dbxsync API token',
  displayName: 'dbxsync',
};

export type LogQueryFailure = { readonly failure: 'invalid_filter' | 'invalid_since' | 'invalid_until' | 'invalid_cursor' | 'invalid_limit' | 'invalid_sort'; readonly detail: string };

export interface LogQueryResult {
  readonly events: readonly SandboxLogEvent[];
  /** The `after` cursor of the `next` link, or null when the (bounded) query is finished. */
  readonly nextAfter: string | null;
}

const DAY_MS = 86_400_000;
const ALL_OPS: readonly Operator[] = ['eq', 'sw', 'co', 'ew', 'gt', 'ge', 'lt', 'le', 'pr'];
/** OpenAPI: "All operators except [ ] are supported"; `published` is not a filter attribute (reference §6). */
const LOG_FILTER: AttributeRules = (attr) =>
  ['uuid', 'eventType', 'legacyEventType', 'displayMessage', 'severity', 'outcome.result', 'outcome.reason'].includes(attr) ||
  /^(actor|target)\.(id|type|alternateId|displayName)$/.test(attr)
    ? ALL_OPS
    : null;

function eventAttr(e: SandboxLogEvent, attr: string): unknown {
  const dot = attr.indexOf('.');
  if (dot > 0) {
    const head = attr.slice(0, dot);
    const key = attr.slice(dot + 1);
    if (head === 'actor') return e.actor[key as keyof SandboxLogActor];
    if (head === 'target') return e.target.map((t) => t[key as keyof SandboxLogTarget]);
    return head === 'outcome' && key === 'result' ? e.outcome.result : undefined;
  }
  switch (attr) {
    case 'uuid': return e.uuid;
    case 'eventType': return e.eventType;
    case 'displayMessage': return e.displayMessage;
    case 'severity': return e.severity;
    default: return undefined;
  }
}

function cursorOf(seq: number): string {
  return Buffer.from(`log1:${seq}`, 'utf8').toString('base64url');
}

function seqOf(after: string): number | null {
  const m = /^log1:(\d+)$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

function time(text: string | null): number | null | 'invalid' {
  if (text === null || text === '') return null;
  // OpenAPI: "ISO 8601 compliant timestamp" (reference §6: a Date.toString() string is refused).
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return 'invalid';
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? 'invalid' : ms;
}

export class SystemLog {
  private readonly events: SandboxLogEvent[] = [];

  constructor(private readonly clock: () => Date) {}

  record(eventType: string, displayMessage: string, target: readonly SandboxLogTarget[], actor: SandboxLogActor = SANDBOX_ADMIN_ACTOR): SandboxLogEvent {
    const event: SandboxLogEvent = {
      uuid: randomUUID(),
      published: this.clock().toISOString(),
      eventType,
      displayMessage,
      severity: 'INFO',
      actor,
      target,
      outcome: { result: 'SUCCESS' },
      seq: this.events.length + 1,
    };
    this.events.push(event);
    return event;
  }

  /** Every event recorded so far, in persistence order (for tests). */
  all(): readonly SandboxLogEvent[] {
    return this.events;
  }

  /** One page of `GET /api/v1/logs` for the query parameters, or the reason Okta would answer 400. */
  query(params: URLSearchParams): LogQueryResult | LogQueryFailure {
    const until = time(params.get('until'));
    if (until === 'invalid') return { failure: 'invalid_until', detail: 'until: not an ISO 8601 timestamp' };
    const sinceParsed = time(params.get('since'));
    if (sinceParsed === 'invalid') return { failure: 'invalid_since', detail: 'since: not an ISO 8601 timestamp' };
    const now = this.clock().getTime();
    const since = sinceParsed ?? (until ?? now) - 7 * DAY_MS;
    // reference §6: a `since` more than 180 days back is refused.
    if (since < now - 180 * DAY_MS) return { failure: 'invalid_since', detail: 'since: more than 180 days in the past' };
    const rawLimit = params.get('limit');
    const limit = rawLimit === null || rawLimit === '' ? 100 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return { failure: 'invalid_limit', detail: 'limit: an integer between 0 and 1000' };
    const sortOrder = params.get('sortOrder') ?? 'ASCENDING';
    if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING') return { failure: 'invalid_sort', detail: 'sortOrder: ASCENDING or DESCENDING' };
    let expr: Expression | null = null;
    const filter = params.get('filter');
    if (filter !== null && filter !== '') {
      try {
        expr = parseExpression(filter);
        checkExpression(expr, LOG_FILTER);
      } catch (err) {
        if (err instanceof InvalidExpression) return { failure: 'invalid_filter', detail: `filter: ${err.message}` };
        throw err;
      }
    }
    const after = params.get('after');
    let afterSeq: number | null = null;
    if (after !== null && after !== '') {
      afterSeq = seqOf(after);
      if (afterSeq === null) return { failure: 'invalid_cursor', detail: 'after: invalid cursor' };
    }
    const matches = (e: SandboxLogEvent): boolean => expr === null || evaluate(expr, (a) => eventAttr(e, a), true);
    const polling = until === null && sortOrder === 'ASCENDING';
    if (polling) {
      // Persistence order; the first page starts at `since` (persistence time = published here).
      const start = afterSeq ?? 0;
      const out: SandboxLogEvent[] = [];
      let last = start;
      for (const e of this.events) {
        if (e.seq <= start) continue;
        if (afterSeq === null && Date.parse(e.published) < since) {
          last = e.seq;
          continue;
        }
        if (out.length >= limit) break;
        last = e.seq;
        if (matches(e)) out.push(e);
      }
      // A polling query never ends: even an empty page links to where the next one resumes.
      return { events: out, nextAfter: cursorOf(last) };
    }
    const end = until ?? now + 1;
    const inWindow = this.events
      .filter((e) => {
        const t = Date.parse(e.published);
        return t >= since && t < end && matches(e);
      })
      .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.seq - b.seq));
    if (sortOrder === 'DESCENDING') inWindow.reverse();
    // In a bounded query the cursor is the position reached (the window and order are in the link too).
    const offset = afterSeq ?? 0;
    const slice = inWindow.slice(offset, offset + limit);
    return { events: slice, nextAfter: offset + limit < inWindow.length && limit > 0 ? cursorOf(offset + limit) : null };
  }
}

/** The LogEvent JSON Okta sends (OpenAPI `LogEvent`): our record without the persistence counter. */
export function logEventJson(e: SandboxLogEvent): Record<string, unknown> {
  return {
    uuid: e.uuid,
    published: e.published,
    eventType: e.eventType,
    version: '0',
    displayMessage: e.displayMessage,
    severity: e.severity,
    actor: { ...e.actor, detailEntry: null },
    target: e.target.map((t) => ({ detailEntry: null, ...t })),
    outcome: { ...e.outcome, reason: null },
    legacyEventType: null,
    transaction: { type: 'WEB', id: `sandbox-${e.seq}`, detail: {} },
    debugContext: { debugData: {} },
  };
}
