/**
 * Benchmark scenarios: a generated org, optionally reshaped so that the plan holds an exact mix of
 * work for the apply phase (N adds, M group membership changes, K removals).
 */
import type { SandboxSeed } from '../../src/sandbox/seed.js';

export interface ApplyMix {
  readonly adds: number;
  /** Group membership changes, half additions and half removals. */
  readonly groupChanges: number;
  readonly removals: number;
}

export interface BenchScenario {
  readonly people: number;
  readonly groups?: number;
  readonly latencyMs: number;
  readonly changeRate?: number;
  readonly apply?: ApplyMix;
  /** The Okta groups last changed a day before the sandbox starts (a quiet System Log window). */
  readonly settled?: boolean;
}

/**
 * Reshape an in-sync generated org (changeRate 0): `adds` active, assigned people lose their
 * Dropbox account (and their pushed-group memberships, so their adds stand alone), `groupChanges`
 * Dropbox group memberships drift from Okta, and `removals` people are deactivated in Okta long
 * enough ago that the grace period is over.
 */
export function shapeApplyScenario(seed: SandboxSeed, mix: ApplyMix): SandboxSeed {
  const memberByExternal = new Map(seed.dropbox.members.map((m) => [m.externalId ?? '', m]));
  const protectedIds = new Set<string>([seed.dropbox.authenticatedAdminId]);
  const candidates = seed.okta.users.filter((u) => {
    const m = memberByExternal.get(u.id);
    return u.status === 'ACTIVE' && m !== undefined && m.status === 'active' && (m.role ?? 'member_only') === 'member_only' && !protectedIds.has(m.teamMemberId);
  });
  const managers = new Set(seed.okta.users.map((u) => String(u.profile.managerId ?? '')));
  const plain = candidates.filter((u) => !managers.has(u.id) && !/archive|admin/.test(u.profile.email));
  if (plain.length < mix.adds + mix.removals + mix.groupChanges) throw new Error(`scenario needs more people (${plain.length} usable)`);
  const toAdd = new Set(plain.slice(0, mix.adds).map((u) => u.id));
  const toRemove = plain.slice(mix.adds, mix.adds + mix.removals);
  const longAgo = '2026-01-01T00:00:00.000Z';
  for (const u of toRemove) {
    u.status = 'DEPROVISIONED';
    u.statusChanged = longAgo;
  }
  const pushed = seed.okta.groups.filter((g) => g.name.startsWith('dbx-'));
  for (const g of pushed) g.members = g.members.filter((id) => !toAdd.has(id));
  const addedTmids = new Set(seed.dropbox.members.filter((m) => toAdd.has(m.externalId ?? '')).map((m) => m.teamMemberId));
  seed.dropbox.members = seed.dropbox.members.filter((m) => !addedTmids.has(m.teamMemberId));
  for (const g of seed.dropbox.groups) g.members = g.members.filter((id) => !addedTmids.has(id));

  // Membership drift on people who stay: half missing from their Dropbox group, half extra.
  const drifters = plain.slice(mix.adds + mix.removals, mix.adds + mix.removals + mix.groupChanges);
  const groupByExternal = new Map(seed.dropbox.groups.map((g) => [g.externalId ?? '', g]));
  let i = 0;
  for (const u of drifters) {
    const tmid = memberByExternal.get(u.id)!.teamMemberId;
    const okta = pushed[i % pushed.length]!;
    const dbx = groupByExternal.get(`okta:${okta.id}`);
    if (!dbx) continue;
    if (i % 2 === 0) {
      if (!okta.members.includes(u.id)) okta.members.push(u.id);
      dbx.members = dbx.members.filter((id) => id !== tmid);
    } else {
      okta.members = okta.members.filter((id) => id !== u.id);
      if (!dbx.members.includes(tmid)) dbx.members.push(tmid);
    }
    i++;
  }
  return seed;
}
