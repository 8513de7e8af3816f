/**
 * Reading the Okta System Log for lifecycle changes (reconcile and watch): which people and groups
 * Okta moved since a point in time. Okta's management OpenAPI `/api/v1/logs` (listLogEvents) and
 * reference okta-api.md §6:
 * - a bounded query (`since` and `until`) is finite and ordered by `published` (reconcile's
 *   window); `since`/`until` go as ISO 8601 strings, never a Date (the SDK would send
 *   Date.toString(), which Okta refuses);
 * - a polling query (no `until`, ASCENDING) never ends: every page, even an empty one, links to the
 *   next; the caller keeps the `next` link and asks again later (watch). Reading it page by page
 *   here, never with a loop that follows `next` (reference G3: the SDK's iterator spins on such
 *   empty pages);
 * - targets are identified by `type` (User, AppUser, UserGroup, AppInstance), not position.
 * Events are untrusted input: an entry without the fields used here fails the read with one line.
 */
import { RemoteError } from '../domain/errors.js';
import type { OktaClient } from './client.js';
import { listRaw, nextLink, queryString, resolveLink } from './raw-list.js';

/** The OAuth scope `/api/v1/logs` needs (OpenAPI security: okta.logs.read). */
export const OKTA_LOG_SCOPE = 'okta.logs.read';

/**
 * Event types after which a person or group may need a change in Dropbox (reference §6 catalog):
 * lifecycle (hire, leave, suspend, reactivate), app assignment (direct and by group), group
 * membership, profile (names, email, manager) and group renames.
 */
export const LIFECYCLE_EVENT_TYPES: readonly string[] = [
  'user.lifecycle.create',
  'user.lifecycle.activate',
  'user.lifecycle.reactivate',
  'user.lifecycle.deactivate',
  'user.lifecycle.suspend',
  'user.lifecycle.unsuspend',
  'user.lifecycle.delete.initiated',
  'user.lifecycle.delete.completed',
  'user.account.update_profile',
  'application.user_membership.add',
  'application.user_membership.remove',
  'application.user_membership.update',
  'application.user_membership.change_username',
  'group.application_assignment.add',
  'group.application_assignment.remove',
  'group.application_assignment.update',
  'group.user_membership.add',
  'group.user_membership.remove',
  'group.profile.update',
  'group.lifecycle.delete',
];

/** Okta's page size limit for /api/v1/logs (OpenAPI: "Integer between 0 and 1000"). */
export const LOG_PAGE_SIZE = 1000;

/** `eventType eq "a" or eventType eq "b" ...`: Okta's SCIM filter over the event types. */
export function eventTypeFilter(types: readonly string[] = LIFECYCLE_EVENT_TYPES): string {
  return types.map((t) => `eventType eq ${JSON.stringify(t)}`).join(' or ');
}

export interface LogTarget {
  readonly id: string;
  readonly type: string;
}

/** The part of a LogEvent that reconcile uses. */
export interface LifecycleEvent {
  readonly uuid: string;
  readonly published: string;
  readonly eventType: string;
  readonly targets: readonly LogTarget[];
}

const ROUTE = 'GET /api/v1/logs';

function remoteError(message: string, status: number): RemoteError {
  return new RemoteError({ service: 'okta', route: ROUTE, message, status, retryable: false });
}

function invalid(field: string, index: number): RemoteError {
  return remoteError(`Okta answered ${ROUTE} with an event without ${field} (item ${index})`, 200);
}

/** A LogEvent from the wire, checked for the fields used here. */
export function toLifecycleEvent(raw: unknown, index: number): LifecycleEvent {
  if (raw === null || typeof raw !== 'object') throw invalid('a body', index);
  const e = raw as Record<string, unknown>;
  for (const field of ['uuid', 'published', 'eventType'] as const) {
    if (typeof e[field] !== 'string' || e[field] === '') throw invalid(field, index);
  }
  const rawTargets = e['target'] ?? [];
  if (!Array.isArray(rawTargets)) throw invalid('a target list', index);
  const targets: LogTarget[] = [];
  for (const t of rawTargets) {
    if (t === null || typeof t !== 'object') throw invalid('target objects', index);
    const { id, type } = t as Record<string, unknown>;
    if (typeof id !== 'string' || typeof type !== 'string') throw invalid('target.id and target.type', index);
    targets.push({ id, type });
  }
  return { uuid: e['uuid'] as string, published: e['published'] as string, eventType: e['eventType'] as string, targets };
}

/**
 * The lifecycle events published in [since, until): a bounded query, finite, ordered by
 * `published`. Okta's bounded queries may miss rare late events, which is why reconcile's window
 * overlaps the previous run and also asks for users and groups updated since.
 */
export async function readLogWindow(client: OktaClient, window: { readonly since: Date; readonly until: Date }, types: readonly string[] = LIFECYCLE_EVENT_TYPES): Promise<LifecycleEvent[]> {
  const out: LifecycleEvent[] = [];
  const seen = new Set<string>();
  const params = { since: window.since.toISOString(), until: window.until.toISOString(), filter: eventTypeFilter(types), limit: LOG_PAGE_SIZE, sortOrder: 'ASCENDING' };
  for await (const raw of listRaw(client, '/api/v1/logs', params)) {
    const event = toLifecycleEvent(raw, out.length);
    if (seen.has(event.uuid)) continue;
    seen.add(event.uuid);
    out.push(event);
  }
  return out;
}

export interface LogPage {
  readonly events: readonly LifecycleEvent[];
  /** Where the next poll resumes: Okta's `next` link (always present for a polling query). */
  readonly next: string;
}

/**
 * One page of the polling query (ASCENDING, no `until`): from `since` on the first call, else from
 * the `next` link the previous page gave (refused when it names another origin than the org's: the
 * token goes with it). An answer without a `next` link is an error: a polling query always has one.
 */
export async function pollLogPage(client: OktaClient, from: { readonly next: string } | { readonly since: Date }, types: readonly string[] = LIFECYCLE_EVENT_TYPES): Promise<LogPage> {
  const url =
    'next' in from
      ? resolveLink(from.next, client.orgUrl)
      : `${client.orgUrl}/api/v1/logs?${queryString({ since: from.since.toISOString(), filter: eventTypeFilter(types), limit: LOG_PAGE_SIZE, sortOrder: 'ASCENDING' })}`;
  const response = await client.sdk.http.http(url, { method: 'get', headers: { Accept: 'application/json', 'Content-Type': 'application/json' } } as Parameters<typeof client.sdk.http.http>[1]);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw remoteError(`Okta answered ${ROUTE} with ${body === null ? 'null' : typeof body} instead of a list`, response.status);
  const next = nextLink(response.headers.get('link'));
  if (next === null) throw remoteError(`Okta answered the polling query of ${ROUTE} without a next link`, response.status);
  return { events: body.map(toLifecycleEvent), next };
}

/** Who and what a batch of events touched, as far as the Dropbox app is concerned. */
export interface Affected {
  /** Okta user ids (User and AppUser targets). */
  readonly userIds: ReadonlySet<string>;
  /** Okta group ids (UserGroup targets) whose membership, name or app assignment changed. */
  readonly groupIds: ReadonlySet<string>;
  /** Groups assigned to or unassigned from the Dropbox app: their members' assignments changed. */
  readonly appGroupIds: ReadonlySet<string>;
}

/**
 * The people and groups the events name. App assignment events of other apps are left out (a
 * person assigned to Slack is no business of ours); everything else about a user or a group may
 * matter (a group's membership may feed a push, a role or an override).
 */
export function affectedBy(events: readonly LifecycleEvent[], appId: string): Affected {
  const userIds = new Set<string>();
  const groupIds = new Set<string>();
  const appGroupIds = new Set<string>();
  for (const e of events) {
    const app = e.targets.find((t) => t.type === 'AppInstance');
    const aboutApp = e.eventType.startsWith('application.') || e.eventType.startsWith('group.application_assignment.');
    if (aboutApp && app !== undefined && app.id !== appId) continue;
    for (const t of e.targets) {
      if (t.type === 'User' || t.type === 'AppUser') userIds.add(t.id);
      else if (t.type === 'UserGroup') {
        groupIds.add(t.id);
        if (e.eventType.startsWith('group.application_assignment.')) appGroupIds.add(t.id);
      }
    }
  }
  return { userIds, groupIds, appGroupIds };
}
