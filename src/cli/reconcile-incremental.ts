/**
 * `reconcile --since DURATION`: the incremental cycle (design.md "Lifecycle changes"). It reads
 * what Okta changed in the window (System Log and the lastUpdated / lastMembershipUpdated safety
 * net), then only the people and groups named (src/okta/scoped-reader.ts,
 * src/dropbox/scoped-reader.ts), plans them through an explicit scope (PlanScope) and applies the
 * result under the same rules as the full cycle (reconcilePlan). Whenever the scoped read cannot
 * decide safely, the same run escalates to a full reconcile and says why (docs/reconcile.md).
 */
import { withRunLock } from '../apply/run-lock.js';
import type { DesiredState } from '../domain/desired.js';
import { UsageError } from '../domain/errors.js';
import { emailKey, groupMarker, markedOktaGroupId, type DropboxGroup, type DropboxMember, type OktaUser, type PlanScope } from '../domain/live.js';
import type { Plan } from '../domain/plan.js';
import { groupPageBound, listGroupMembers, lookupGroups, lookupMembers, readTeamFacts } from '../dropbox/scoped-reader.js';
import { retryContextOf } from '../dropbox/reader.js';
import { pushedGroupIds, targetGroupIds } from '../okta/reader.js';
import { readOktaChanges, readOktaGroups, readOktaPeople, type OktaChanges, type OktaPeople } from '../okta/scoped-reader.js';
import { affectedBy } from '../okta/system-log.js';
import { fingerprint, planDropboxChanges } from '../plan/index.js';
import { runLockOptions, type CommandIO } from './io.js';
import type { LiveClients } from './live.js';
import { reconcileFull, reconcilePlan, type CycleResult, type ReconcileOptions } from './reconcile-run.js';
import { VERSION } from './version.js';

/** More people than this in one window: a full read is cheaper and as safe. */
export const MAX_AFFECTED = 500;
/** Okta keeps System Log events for 90 days (reference okta-api.md §6); an older window cannot be read. */
export const LOG_RETENTION_MS = 90 * 24 * 3600 * 1000;
/** The default window: 15 minutes (design.md `reconcile --since 15m`). */
export const DEFAULT_SINCE = '15m';

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30s", "15m", "2h", "1d" → milliseconds; anything else is a usage error. */
export function parseDuration(text: string): number {
  return parseFlagDuration('--since', text);
}

/** parseDuration for any flag (watch's --interval, --full-every): the error names it. */
export function parseFlagDuration(flag: string, text: string): number {
  const m = /^([1-9][0-9]{0,6})([smhd])$/.exec(text);
  if (m === null) throw new UsageError(`${flag} "${text}" is not a duration (a whole number and s, m, h or d: 30s, 15m, 2h, 1d)`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

const MEMBERSHIP_EVENTS = new Set(['group.user_membership.add', 'group.user_membership.remove']);
const GROUP_CHANGE_EVENTS = new Set(['group.profile.update', 'group.lifecycle.delete']);
const LEAVING_EVENTS = new Set(['user.lifecycle.deactivate', 'user.lifecycle.suspend']);

/** What the window's changes ask for: the people to read, or a reason to read everything. */
interface Wanted {
  readonly userIds: Set<string>;
  /** People the window deactivated or suspended. */
  readonly leaving: ReadonlySet<string>;
  /** Groups whose membership moved without an event naming the person. */
  readonly unexplainedGroups: readonly string[];
  /** Groups renamed or deleted in the window. */
  readonly changedGroups: readonly string[];
  readonly escalate: string | null;
}

function wanted(changes: OktaChanges, appId: string): Wanted {
  const affected = affectedBy(changes.events, appId);
  const userIds = new Set([...affected.userIds, ...changes.updatedUserIds]);
  const explained = new Set<string>();
  const changedGroups = new Set<string>();
  for (const e of changes.events) {
    for (const t of e.targets) {
      if (t.type !== 'UserGroup') continue;
      if (MEMBERSHIP_EVENTS.has(e.eventType)) explained.add(t.id);
      if (GROUP_CHANGE_EVENTS.has(e.eventType)) changedGroups.add(t.id);
    }
  }
  const unexplainedGroups = changes.updatedGroupIds.filter((id) => !explained.has(id));
  const leaving = new Set(changes.events.filter((e) => LEAVING_EVENTS.has(e.eventType)).flatMap((e) => e.targets.filter((t) => t.type === 'User').map((t) => t.id)));
  let escalate: string | null = null;
  if (affected.appGroupIds.size > 0) escalate = `an Okta group was assigned to or unassigned from the app (${[...affected.appGroupIds].sort().join(', ')}): its members' assignments changed`;
  else if (userIds.size > MAX_AFFECTED) escalate = `more than ${MAX_AFFECTED} people changed in the window`;
  else if (changes.updatedGroupIds.length > MAX_AFFECTED) escalate = `more than ${MAX_AFFECTED} groups changed membership in the window`;
  return { userIds, leaving, unexplainedGroups, changedGroups: [...changedGroups].sort(), escalate };
}

/** The emails a person's Dropbox member may carry: the Okta email and the mapped one. */
function emailsOf(user: OktaUser, desired: DesiredState): string[] {
  const mapped = user.profile[desired.provisioning.profile.email];
  return [user.email, ...(typeof mapped === 'string' && mapped !== '' ? [emailKey(mapped)] : [])];
}

function merge(a: OktaPeople, b: OktaPeople): OktaPeople {
  const users = new Map([...a.users, ...b.users].map((u) => [u.id, u]));
  const groups = new Map(a.groups.map((g) => [g.id, g]));
  for (const g of b.groups) {
    const before = groups.get(g.id)?.memberIds ?? null;
    groups.set(g.id, g.memberIds === null ? { ...g, memberIds: before } : { ...g, memberIds: [...new Set([...(before ?? []), ...g.memberIds])].sort() });
  }
  return {
    users: [...users.values()],
    assignments: [...a.assignments, ...b.assignments],
    groups: [...groups.values()],
    groupsOf: new Map([...a.groupsOf, ...b.groupsOf]),
    missing: [...a.missing, ...b.missing],
  };
}

/** The plan of a window in which Okta changed nothing: no actions, made from nothing read. */
function quietPlan(desired: DesiredState, appId: string): Plan {
  const empty = {
    desired,
    okta: { appId, users: [], assignments: [], appGroupIds: [], groups: [] },
    dropbox: { teamName: '', members: [], groups: [], authenticatedAdminId: null },
    toolVersion: VERSION,
    scope: { userIds: [], memberIds: [], groupIds: [], activeMembers: 0 },
  };
  return { formatVersion: 1, fingerprint: fingerprint(empty), toolVersion: VERSION, summary: {}, actions: [], reports: [], waiting: [], warnings: [], safety: { ok: true, violations: [] } };
}

/**
 * The Dropbox groups of the people in scope (their profiles' group ids) and those carrying the
 * markers of their pushed Okta groups: by id first, then only the markers none of those carries
 * (groups/get_info takes one kind of selector a call, GroupsSelector team.stone:2207; an external
 * id names one group of the team), so a person whose Dropbox groups follow Okta costs one call.
 */
async function groupsOfScope(clients: LiveClients, groupIds: ReadonlySet<string>, markers: readonly string[], retry: ReturnType<typeof retryContextOf>): Promise<DropboxGroup[]> {
  const byId = groupIds.size === 0 ? [] : await lookupGroups(clients.dropbox, { groupIds: [...groupIds], externalIds: [] }, retry);
  const carried = new Set(byId.map((g) => g.externalId));
  const missing = markers.filter((m) => !carried.has(m));
  const byMarker = missing.length === 0 ? [] : await lookupGroups(clients.dropbox, { groupIds: [], externalIds: missing }, retry);
  return [...new Map([...byId, ...byMarker].map((g) => [g.groupId, g])).values()];
}

/** The reason a scoped plan must not run as it is (it needs the whole team), or null. */
export function planEscalation(plan: Plan, members: readonly DropboxMember[]): string | null {
  const groupChange = plan.actions.find((a) => a.kind === 'group.create' || a.kind === 'group.rename' || a.kind === 'group.delete');
  if (groupChange !== undefined) return `a Dropbox group would be created, renamed or deleted (${groupChange.id}): that needs every Dropbox group`;
  const admins = new Set(members.filter((m) => m.role === 'team_admin').map((m) => m.teamMemberId));
  const lowered = plan.actions.find(
    (a) =>
      ((a.kind === 'member.remove' || a.kind === 'member.suspend') && admins.has(a.member.teamMemberId ?? '')) ||
      (a.kind === 'member.set_role' && a.from === 'team_admin' && a.to !== 'team_admin'),
  );
  if (lowered !== undefined) return `a team admin would be removed, suspended or demoted (${lowered.id}): safety.minTeamAdmins counts every admin`;
  return null;
}

export interface IncrementalOptions extends ReconcileOptions {
  /** The window, in milliseconds back from now. */
  readonly sinceMs: number;
  /**
   * What Okta changed, when the caller already read it (watch: the System Log events its polling
   * query returned): no window is read, and these name the people to reconcile.
   */
  readonly changes?: OktaChanges;
}

/** One incremental cycle, or a full one when the window asks for it (said on stderr and in the report). */
export async function reconcileIncremental(desired: DesiredState, clients: LiveClients, io: CommandIO, options: IncrementalOptions): Promise<CycleResult> {
  const until = io.now();
  const since = new Date(until.getTime() - options.sinceMs);
  const escalate = (reason: string): Promise<CycleResult> => {
    io.stderr.write(`dbxsync reconcile: escalated to a full reconcile: ${reason}\n`);
    return reconcileFull(desired, clients, io, { ...options, escalated: reason });
  };
  if (options.sinceMs > LOG_RETENTION_MS) return escalate('the window starts before the System Log retention (90 days)');

  const okta = clients.okta;
  const appId = desired.okta.appId;
  const changes = options.changes ?? (await readOktaChanges(okta, { since, until }, MAX_AFFECTED));
  const want = wanted(changes, appId);
  if (want.escalate !== null) return escalate(want.escalate);
  const none = { people: 0, members: 0, groups: 0 };
  if (want.userIds.size === 0 && want.unexplainedGroups.length === 0 && want.changedGroups.length === 0) {
    // A quiet window: nothing to read or plan, and nothing the planner could find (empty scope).
    return reconcilePlan(quietPlan(desired, appId), 'incremental', null, desired, clients, io, { ...options, escalated: null, scope: none });
  }
  const retry = retryContextOf(clients.dropbox);
  const factsRead = readTeamFacts(clients.dropbox, retry);
  // Awaited below; until then a failure must not count as unhandled.
  factsRead.catch(() => undefined);

  const groups = changes.groups ?? (await readOktaGroups(okta));
  const known = new Map((changes.updatedUsers ?? []).map((u) => [u.id, u]));
  const pushed = pushedGroupIds(desired, groups);
  {
    const targets = targetGroupIds(desired, groups);
    // A renamed or deleted group that a push, role or override names (or whose marker a Dropbox
    // group carries) changes many people, and pruning and renames need every Dropbox group.
    if (want.changedGroups.length > 0) {
      const marked = await lookupGroups(clients.dropbox, { groupIds: [], externalIds: want.changedGroups.map(groupMarker) }, retry);
      const hit = want.changedGroups.find((id) => targets.has(id)) ?? markedOktaGroupId(marked[0]?.externalId) ?? undefined;
      if (hit !== undefined) return escalate(`Okta group ${hit} was renamed or deleted`);
    }
    for (const id of want.unexplainedGroups) {
      if (!targets.has(id)) continue;
      if (!pushed.has(id)) return escalate(`the membership of Okta group ${id} (a role or offboarding group) changed without an event naming the people`);
      // A pushed group whose membership moved without an event naming the person: both sides are
      // listed and the people who differ are read.
      const [people, [dropboxGroup]] = await Promise.all([
        readOktaPeople(okta, desired, { userIds: [], listGroups: [id], groups }),
        lookupGroups(clients.dropbox, { groupIds: [], externalIds: [groupMarker(id)] }, retry),
      ]);
      if (dropboxGroup === undefined) return escalate(`pushed Okta group ${id} has no Dropbox group carrying its marker`);
      const oktaMembers = new Set(people.groups.find((g) => g.id === id)?.memberIds ?? []);
      const dropboxMembers = await listGroupMembers(clients.dropbox, dropboxGroup.groupId, groupPageBound(await factsRead), retry);
      if (dropboxMembers.some((m) => m.externalId === null)) return escalate(`Dropbox group ${dropboxGroup.name} has members without an external id`);
      const inDropbox = new Set(dropboxMembers.map((m) => m.externalId!));
      for (const u of oktaMembers) if (!inDropbox.has(u)) want.userIds.add(u);
      for (const u of inDropbox) if (!oktaMembers.has(u)) want.userIds.add(u);
      if (want.userIds.size > MAX_AFFECTED) return escalate(`more than ${MAX_AFFECTED} people changed in the window`);
    }
  }

  // The people, in two rounds: a member found by email may carry the external id of another Okta user.
  // Each round's members/get_info_v2 batch also asks for the managers read with them and, once,
  // the transfer destinations: read, never planned (outside the scope).
  const settings = desired.offboarding.onDeactivated;
  const destinationEmails = [settings.transferTo === 'manager' || settings.transferTo === 'none' ? null : settings.transferTo, settings.fallbackTransferTo, settings.transferAdmin].filter(
    (e): e is string => e !== null,
  );
  let people: OktaPeople = { users: [], assignments: [], groups, groupsOf: new Map(), missing: [] };
  const inScope = new Map<string, DropboxMember>();
  const extras = new Map<string, DropboxMember>();
  const profileGroups = new Map<string, readonly string[]>();
  const askedManagers = new Set<string>();
  const lookup = async (pending: readonly string[], scopeUsers: readonly OktaUser[], managers: readonly OktaUser[], emails: readonly string[]): Promise<DropboxMember[]> => {
    for (const u of managers) askedManagers.add(u.id);
    const scopeIds = new Set(pending);
    const scopeEmails = new Set(scopeUsers.flatMap((u) => emailsOf(u, desired)));
    const found = await lookupMembers(
      clients.dropbox,
      { externalIds: [...pending, ...managers.map((u) => u.id)], emails: [...scopeEmails, ...managers.map((u) => u.email), ...emails] },
      retry,
    );
    const mine: DropboxMember[] = [];
    for (const m of found.members) {
      // get_info_v2 answers each selector with the member it names: by external id or by email.
      const ofScope = (m.externalId !== null && scopeIds.has(m.externalId)) || scopeEmails.has(m.emailKey);
      (ofScope ? inScope : extras).set(m.teamMemberId, m);
      if (ofScope) mine.push(m);
      profileGroups.set(m.teamMemberId, found.groupsOf.get(m.teamMemberId) ?? []);
    }
    return mine;
  };
  let pending = [...want.userIds].sort();
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    const read = await readOktaPeople(okta, desired, { userIds: pending, leaving: want.leaving, groups: people.groups, known });
    people = merge(people, read);
    const found = await lookup(
      pending,
      read.users.filter((u) => read.groupsOf.has(u.id)),
      read.users.filter((u) => !read.groupsOf.has(u.id) && !askedManagers.has(u.id)),
      round === 0 ? destinationEmails : [],
    );
    const asked = new Set(people.groupsOf.keys());
    for (const id of people.missing) asked.add(id);
    pending = [...new Set(found.map((m) => m.externalId).filter((x): x is string => x !== null && !asked.has(x)))].sort();
  }
  const gone = people.missing.find((id) => [...inScope.values()].some((m) => m.externalId === id && m.status !== 'removed'));
  if (gone !== undefined) return escalate(`Okta user ${gone} no longer exists: its Dropbox member may match another Okta user by email`);

  const scopeUsers = new Set(people.groupsOf.keys());
  // Managers first read in the second round (rare), and the destinations when no round ran.
  const lateManagers = people.users.filter((u) => !scopeUsers.has(u.id) && !askedManagers.has(u.id));
  if (lateManagers.length > 0 || (want.userIds.size === 0 && destinationEmails.length > 0)) await lookup([], [], lateManagers, want.userIds.size === 0 ? destinationEmails : []);
  const members = new Map(inScope);
  for (const [id, m] of extras) if (!members.has(id)) members.set(id, m);

  // The Dropbox groups of the people in scope, and the marked groups of their pushed Okta groups.
  const oktaGroupsOfScope = new Set([...people.groupsOf.values()].flat().filter((id) => pushed.has(id)));
  for (const id of want.unexplainedGroups) if (pushed.has(id)) oktaGroupsOfScope.add(id);
  const dropboxGroupIds = new Set([...inScope.keys()].flatMap((id) => profileGroups.get(id) ?? []));
  const [facts, dropboxGroups] = await Promise.all([factsRead, groupsOfScope(clients, dropboxGroupIds, [...oktaGroupsOfScope].map(groupMarker), retry)]);
  const groupScope = new Set(oktaGroupsOfScope);
  for (const g of dropboxGroups) {
    const oktaId = markedOktaGroupId(g.externalId);
    if (oktaId !== null && pushed.has(oktaId) && dropboxGroupIds.has(g.groupId)) groupScope.add(oktaId);
  }
  const liveGroups: DropboxGroup[] = dropboxGroups.map((g) => ({
    ...g,
    memberIds: [...members.keys()].filter((id) => (profileGroups.get(id) ?? []).includes(g.groupId)).sort(),
  }));

  const scope: PlanScope = {
    userIds: [...scopeUsers].sort(),
    memberIds: [...inScope.keys()].sort(),
    groupIds: [...groupScope].sort(),
    activeMembers: facts.provisioned,
  };
  const plan = planDropboxChanges({
    desired,
    okta: { appId, users: people.users, assignments: people.assignments, appGroupIds: [], groups: people.groups },
    dropbox: { teamName: facts.teamName, members: [...members.values()], groups: liveGroups, authenticatedAdminId: facts.authenticatedAdminId },
    now: until.toISOString(),
    toolVersion: VERSION,
    scope,
  });
  const reason = planEscalation(plan, [...members.values()]);
  if (reason !== null) return escalate(reason);
  const cycle = () =>
    reconcilePlan(plan, 'incremental', facts.authenticatedAdminId, desired, clients, io, { ...options, escalated: null, scope: { people: scope.userIds.length, members: scope.memberIds.length, groups: scope.groupIds.length } });
  // The per-team lock of apply and the full cycle (src/apply/run-lock.ts); a dry run takes none.
  return options.dryRun ? cycle() : withRunLock(runLockOptions(io, facts.teamName, 'reconcile'), cycle);
}
