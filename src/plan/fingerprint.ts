/**
 * The plan fingerprint: sha256 over a canonical form of the desired state, the live inputs and the
 * tool version. Canonical means independent of input order and of YAML layout, so the same intent
 * against the same live data always gives the same fingerprint.
 */
import { createHash, type Hash } from 'node:crypto';
import type { DesiredState, SourceRef } from '../domain/desired.js';
import type { DropboxState, OktaState } from '../domain/live.js';
import { compareSources, compareStrings } from './text.js';

export interface FingerprintInput {
  readonly desired: DesiredState;
  readonly okta: OktaState;
  readonly dropbox: DropboxState;
  readonly toolVersion: string;
}

export function fingerprint(input: FingerprintInput): string {
  const sink = new HashSink();
  sink.write('{"desired":');
  writeCanonical(sink, canonicalDesired(input.desired));
  sink.write(',"dropbox":');
  writeCanonical(sink, canonicalDropbox(input.dropbox));
  sink.write(',"okta":');
  writeCanonical(sink, canonicalOkta(input.okta));
  sink.write(',"toolVersion":');
  writeCanonical(sink, input.toolVersion);
  sink.write('}');
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

function canonicalOkta(okta: OktaState): unknown {
  return {
    appId: okta.appId,
    appGroupIds: sortedStrings(okta.appGroupIds),
    assignments: [...okta.assignments].sort((a, b) => compareStrings(a.userId, b.userId) || compareStrings(a.scope, b.scope)),
    groups: [...okta.groups]
      .sort((a, b) => compareStrings(a.id, b.id))
      .map((g) => ({ ...g, memberIds: g.memberIds === null ? null : sortedStrings(g.memberIds) })),
    users: [...okta.users].sort((a, b) => compareStrings(a.id, b.id)),
  };
}

function canonicalDropbox(dropbox: DropboxState): unknown {
  return {
    authenticatedAdminId: dropbox.authenticatedAdminId,
    groups: [...dropbox.groups]
      .sort((a, b) => compareStrings(a.groupId, b.groupId))
      .map((g) => ({ ...g, memberIds: sortedStrings(g.memberIds) })),
    members: [...dropbox.members]
      .sort((a, b) => compareStrings(a.teamMemberId, b.teamMemberId))
      .map((m) => ({ ...m, otherRoles: sortedStrings(m.otherRoles) })),
    teamName: dropbox.teamName,
  };
}

function sortedStrings(values: readonly string[]): string[] {
  return [...values].sort(compareStrings);
}

/** Buffers small writes so that hashing a 100k-member team is a few hundred update() calls. */
class HashSink {
  private readonly hash: Hash = createHash('sha256');
  private buffer = '';

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 65_536) {
      this.hash.update(this.buffer);
      this.buffer = '';
    }
  }

  digest(): string {
    this.hash.update(this.buffer);
    this.buffer = '';
    return this.hash.digest('hex');
  }
}

/** JSON with object keys sorted; undefined members left out, as JSON.stringify does. */
function writeCanonical(sink: HashSink, value: unknown): void {
  if (value === null || typeof value !== 'object') {
    sink.write(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    sink.write('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) sink.write(',');
      writeCanonical(sink, value[i]);
    }
    sink.write(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareStrings);
  sink.write('{');
  keys.forEach((key, i) => {
    if (i > 0) sink.write(',');
    sink.write(JSON.stringify(key));
    sink.write(':');
    writeCanonical(sink, record[key]);
  });
  sink.write('}');
}
