/**
 * The plan fingerprint: sha256 over a canonical form of the desired state, the live inputs and the
 * tool version. Canonical means independent of input order and of YAML layout, so the same intent
 * against the same live data always gives the same fingerprint.
 *
 * A 100k-member team is hashed record by record (one JSON.stringify per record, fixed field
 * order, profile keys sorted), never as one giant string: that keeps it fast and lean on memory.
 */
import { createHash, type Hash } from 'node:crypto';
import type { DesiredState, SourceRef } from '../domain/desired.js';
import type { DropboxGroup, DropboxMember, DropboxState, OktaGroup, OktaState, OktaUser, PlanScope } from '../domain/live.js';
import type { Plan } from '../domain/plan.js';
import { compareSources, compareStrings } from './text.js';

export interface FingerprintInput {
  readonly desired: DesiredState;
  readonly okta: OktaState;
  readonly dropbox: DropboxState;
  readonly toolVersion: string;
  /** An incremental plan's scope: part of what the plan was made from. */
  readonly scope?: PlanScope | null;
}

/** Lists already sorted by id (the planner's LiveIndex has them), to avoid sorting twice. */
export interface SortedLive {
  readonly users: readonly OktaUser[];
  readonly members: readonly DropboxMember[];
  readonly groups: readonly OktaGroup[];
  readonly dropboxGroups: readonly DropboxGroup[];
}

export function fingerprint(input: FingerprintInput, sorted?: SortedLive): string {
  const byId = <T>(items: readonly T[], key: (item: T) => string): readonly T[] => [...items].sort((a, b) => compareStrings(key(a), key(b)));
  const live: SortedLive = sorted ?? {
    users: byId(input.okta.users, (u) => u.id),
    members: byId(input.dropbox.members, (m) => m.teamMemberId),
    groups: byId(input.okta.groups, (g) => g.id),
    dropboxGroups: byId(input.dropbox.groups, (g) => g.groupId),
  };
  const sink = new HashSink();
  sink.write(`desired:${canonicalJson(canonicalDesired(input.desired))}\n`);
  sink.write(`tool:${JSON.stringify(input.toolVersion)}\n`);
  sink.write(`okta:${JSON.stringify([input.okta.appId, sortedStrings(input.okta.appGroupIds)])}\n`);
  const scope = input.scope ?? null;
  if (scope !== null) {
    sink.write(`scope:${JSON.stringify([sortedStrings(scope.userIds), sortedStrings(scope.memberIds), sortedStrings(scope.groupIds), scope.activeMembers])}\n`);
  }
  const assignments = [...input.okta.assignments].sort((a, b) => compareStrings(a.userId, b.userId) || compareStrings(a.scope, b.scope));
  for (const a of assignments) sink.write(`a:${a.userId}:${a.scope}\n`);
  for (const u of live.users) {
    sink.write(`u:${JSON.stringify([u.id, u.status, u.login, u.email, u.created, u.activated, u.statusChanged, u.lastUpdated])}${flatCanonicalJson(u.profile)}\n`);
  }
  for (const g of live.groups) {
    sink.write(`g:${JSON.stringify([g.id, g.name, g.type, g.memberIds === null ? null : sortedStrings(g.memberIds)])}\n`);
  }
  sink.write(`dropbox:${JSON.stringify([input.dropbox.teamName, input.dropbox.authenticatedAdminId])}\n`);
  for (const m of live.members) {
    sink.write(
      `m:${JSON.stringify([m.teamMemberId, m.accountId, m.email, m.emailVerified, m.externalId, m.givenName, m.surname, m.status, m.isRecoverable, m.isDisconnected, m.role, sortedStrings(m.otherRoles), m.invitedOn, m.joinedOn, m.suspendedOn])}\n`,
    );
  }
  for (const g of live.dropboxGroups) {
    sink.write(`d:${JSON.stringify([g.groupId, g.name, g.externalId, g.managementType, sortedStrings(g.memberIds)])}\n`);
  }
  return `sha256:${sink.digest()}`;
}

/**
 * The digest of the desired state alone (positions and file names left out, as in the
 * fingerprint): `apply --plan` compares it with the YAML being applied, so a plan reviewed for
 * another policy cannot be applied under this one.
 */
export function desiredDigest(desired: DesiredState): string {
  return `sha256:${createHash('sha256').update(canonicalJson(canonicalDesired(desired))).digest('hex')}`;
}

/**
 * The digest of a plan's own content: every field but `contentDigest`, canonical JSON (keys
 * sorted), one action at a time. `apply --plan` recomputes it on read, so a plan edited after it
 * was written (an action pasted in, a fingerprint swapped, a refusal removed) is refused. It is
 * tamper evidence, not a signature: anyone can recompute it, so the file's provenance (the plan
 * workflow's artifact of the merged head) is what makes it the plan a reviewer saw.
 */
export function planContentDigest(plan: Plan): string {
  const { contentDigest: _own, actions, ...rest } = plan;
  const sink = new HashSink();
  sink.write(canonicalJson(rest));
  for (const action of actions) sink.write(`\n${canonicalJson(action)}`);
  return `sha256:${sink.digest()}`;
}

/**
 * Positions (SourceRef) and file names are left out: a comment added above a rule moves every
 * line number without changing the intent. Lists whose elements carry a position are kept in YAML
 * order (file, line, col), which is the order the planner reads them in; lists of strings (group
 * names, users) are sets and are sorted.
 */
function canonicalDesired(desired: DesiredState): unknown {
  const { files: _files, ...rest } = desired;
  return stripSources(rest);
}

function stripSources(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return sortedStrings(value as string[]);
    const items = value.every(hasSource) ? [...value].sort((a, b) => compareSources(a.source, b.source)) : value;
    return items.map(stripSources);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (key !== 'source') out[key] = stripSources(v);
    return out;
  }
  return value;
}

function hasSource(value: unknown): value is { source: SourceRef } {
  return value !== null && typeof value === 'object' && 'source' in value && (value as { source: unknown }).source !== null;
}

function sortedStrings(values: readonly string[]): string[] {
  return [...values].sort(compareStrings);
}

/** Profiles of one org share a handful of key orders: sort each order once. */
const sortedKeysCache = new Map<string, readonly string[]>();

function cacheSortedKeys(keys: readonly string[]): readonly string[] {
  const sorted = [...keys].sort(compareStrings);
  if (sortedKeysCache.size < 1_000) sortedKeysCache.set(keys.join('\u0000'), sorted);
  return sorted;
}

/**
 * canonicalJson for the common case of a flat record (an Okta profile): the keys are sorted into a
 * fresh object and the native JSON.stringify does the rest. Nested objects take the general path.
 */
function flatCanonicalJson(record: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(record);
  const order = sortedKeysCache.get(keys.join('\u0000')) ?? cacheSortedKeys(keys);
  const sorted: Record<string, unknown> = {};
  for (const key of order) {
    const value = record[key];
    if (key === '__proto__' || (value !== null && typeof value === 'object' && (!Array.isArray(value) || value.some((v) => v !== null && typeof v === 'object')))) {
      return canonicalJson(record);
    }
    sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

/** JSON with object keys sorted at every level; undefined members left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return value === undefined ? 'null' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareStrings);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** Collects writes into chunks so that hashing a big team is a few hundred update() calls. */
class HashSink {
  private readonly hash: Hash = createHash('sha256');
  private parts: string[] = [];
  private size = 0;

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 262_144) this.flush();
  }

  private flush(): void {
    this.hash.update(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }
}
