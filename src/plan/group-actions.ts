/**
 * group.* actions: each push resolves to Okta groups; each Okta group to its Dropbox group (by the
 * `okta:<id>` marker, else adopted by exact name, else created); membership follows the Okta group
 * for the members dbxsync manages. Groups without the marker are never changed or deleted.
 */
import type { GroupPush, SourceRef } from '../domain/desired.js';
import { assertNever } from '../domain/errors.js';
import { compileGroupPattern } from '../domain/group-pattern.js';
import { groupMarker, markedOktaGroupId, type DropboxGroup, type OktaGroup } from '../domain/live.js';
import type { Action, GroupRef, PersonRef } from '../domain/plan.js';
import type { PlanContext } from './context.js';
import { diffMembership } from './diff-membership.js';
import { resolveOktaGroups } from './live-index.js';
import type { Team } from './member-actions.js';
import { at, compareSources, compareStrings } from './text.js';
import { formatSource, plural } from '../text/words.js';


/** One Okta group pushed to Dropbox, and what the plan does with its Dropbox group. */
export interface PushedGroup {
  readonly push: GroupPush;
  readonly oktaGroup: OktaGroup;
  readonly dropboxName: string;
  /** The Dropbox group as it is live (null when it is created by this plan, or skipped). */
  readonly dropboxGroup: DropboxGroup | null;
  /** marker: found by `okta:<id>`; adopted: found by name; created: group.create; skipped: a clash, see warnings. */
  readonly resolution: 'marker' | 'adopted' | 'created' | 'skipped';
  /** Okta user ids of the Okta group's members (null when they were not read). */
  readonly oktaMemberIds: readonly string[] | null;
}

export interface GroupPlan {
  readonly actions: Action[];
  readonly pushed: readonly PushedGroup[];
}

function byPerson(a: PersonRef, b: PersonRef): number {
  return compareStrings(a.email, b.email) || compareStrings(a.teamMemberId ?? '', b.teamMemberId ?? '') || compareStrings(a.oktaUserId ?? '', b.oktaUserId ?? '');
}

/**
 * The Okta groups each push names, first push first; conflicts are warned about and skipped.
 * `named` holds every Okta group some push names, skipped ones included: pruning never deletes
 * the Dropbox group of an Okta group that a push still names, whatever the warning.
 */
export function resolvePushes(ctx: PlanContext): { pushes: ResolvedPush[]; named: Set<string> } {
  const out: ResolvedPush[] = [];
  const named = new Set<string>();
  const byOkta = new Map<string, { push: GroupPush; name: string }>();
  const byName = new Map<string, string>();
  const pushes = [...ctx.desired.groupPushes].sort((a, b) => compareSources(a.source, b.source));
  for (const push of pushes) {
    let groups: readonly OktaGroup[];
    if (push.oktaGroup !== null) {
      groups = resolveOktaGroups(ctx.index, push.oktaGroup);
      if (groups.length === 0) {
        ctx.warnings.push({ code: 'okta_group_not_found', message: `group push names Okta group ${JSON.stringify(push.oktaGroup)}, which Okta does not have`, source: formatSource(push.source) });
      } else if (groups.length > 1) {
        for (const g of groups) named.add(g.id);
        ctx.warnings.push({
          code: 'okta_group_ambiguous',
          message: `${groups.length} Okta groups are named ${JSON.stringify(push.oktaGroup)}; name the one to push by id (${groups.map((g) => g.id).join(', ')})`,
          source: formatSource(push.source),
        });
        groups = [];
      }
    } else {
      const pattern = compileGroupPattern(push.oktaGroupPattern ?? '');
      groups = ctx.index.groups.filter((g) => pattern.test(g.name)).sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
      if (groups.length === 0) {
        ctx.warnings.push({ code: 'okta_group_not_found', message: `group push pattern ${JSON.stringify(push.oktaGroupPattern)} matches no Okta group`, source: formatSource(push.source) });
      }
    }
    for (const group of groups) {
      named.add(group.id);
      const name = push.dropboxGroup ?? group.name;
      const earlier = byOkta.get(group.id);
      if (earlier !== undefined) {
        if (earlier.name !== name) {
          ctx.warnings.push({
            code: 'group_push_conflict',
            message: `Okta group ${group.name} is pushed twice, as ${earlier.name} (${at(earlier.push.source)}) and as ${name}; the first push wins`,
            source: formatSource(push.source),
          });
        }
        continue;
      }
      const holder = byName.get(name.toLowerCase());
      if (holder !== undefined) {
        ctx.warnings.push({
          code: 'group_push_conflict',
          message: `Dropbox group ${name} would receive both Okta group ${holder} and Okta group ${group.name}; only ${holder} is pushed`,
          source: formatSource(push.source),
        });
        continue;
      }
      byOkta.set(group.id, { push, name });
      byName.set(name.toLowerCase(), group.name);
      if (ctx.index.appGroupIds.has(group.id)) {
        ctx.warnings.push({
          code: 'assigned_and_pushed',
          message: `Okta group ${group.name} both assigns the Dropbox app and is pushed; Okta documents this combination as unsupported for its own Group Push`,
          source: formatSource(push.source),
        });
      }
      out.push({ push, group, name });
    }
  }
  return { pushes: out, named };
}

/** The Dropbox groups by `okta:<id>` marker (the first group of each marker) and by lower-cased name. */
export interface DropboxGroupIndex {
  readonly byMarker: ReadonlyMap<string, DropboxGroup>;
  readonly byLowerName: ReadonlyMap<string, readonly DropboxGroup[]>;
}

export function indexDropboxGroups(groups: readonly DropboxGroup[]): DropboxGroupIndex {
  const byMarker = new Map<string, DropboxGroup>();
  const byLowerName = new Map<string, DropboxGroup[]>();
  for (const g of groups) {
    if (g.externalId !== null && g.externalId !== '' && !byMarker.has(g.externalId)) byMarker.set(g.externalId, g);
    const list = byLowerName.get(g.name.toLowerCase());
    if (list === undefined) byLowerName.set(g.name.toLowerCase(), [g]);
    else list.push(g);
  }
  return { byMarker, byLowerName };
}

/** The Dropbox group a pushed Okta group goes to, or why there is none. */
export type DropboxGroupMatch =
  /** Found by its marker; when its name differs from the pushed one, `renameBlockedBy` is another group that holds that name. */
  | { readonly kind: 'marker'; readonly group: DropboxGroup; readonly renameBlockedBy: DropboxGroup | null }
  /** Found by its marker but not company-managed: left alone. */
  | { readonly kind: 'marker_left_alone'; readonly group: DropboxGroup }
  /** No group carries the marker or the name (names ignore case): created. */
  | { readonly kind: 'create' }
  /** The only group of the name, exactly that name, company-managed, without an external id: adopted. */
  | { readonly kind: 'adopt'; readonly group: DropboxGroup }
  /** A group of the name (ignoring case) that cannot be adopted: nothing is created or changed. */
  | { readonly kind: 'name_taken'; readonly group: DropboxGroup };

/** By the `okta:<id>` marker, else adopted by exact name, else created; a name held otherwise blocks. */
export function matchDropboxGroup(groups: DropboxGroupIndex, marker: string, name: string): DropboxGroupMatch {
  const sameName = groups.byLowerName.get(name.toLowerCase()) ?? [];
  const marked = groups.byMarker.get(marker);
  if (marked !== undefined) {
    if (marked.managementType !== 'company_managed') return { kind: 'marker_left_alone', group: marked };
    const renameBlockedBy = marked.name === name ? null : (sameName.find((g) => g.groupId !== marked.groupId) ?? null);
    return { kind: 'marker', group: marked, renameBlockedBy };
  }
  if (sameName.length === 0) return { kind: 'create' };
  const first = sameName[0]!;
  if (sameName.length === 1 && first.name === name && (first.externalId ?? '') === '' && first.managementType === 'company_managed') return { kind: 'adopt', group: first };
  return { kind: 'name_taken', group: first };
}

export function planGroups(ctx: PlanContext, team: Team): GroupPlan {
  const actions: Action[] = [];
  const pushed: PushedGroup[] = [];
  const dropboxGroups = indexDropboxGroups(ctx.index.dropboxGroups);
  const { pushes, named } = resolvePushes(ctx);
  for (const one of pushes) {
    // Incremental: only the groups of the people read (their memberships are known for them alone).
    if (ctx.scope !== null && !ctx.scope.groupIds.has(one.group.id)) continue;
    pushed.push(planPush(ctx, dropboxGroups, team, one, actions));
  }
  // Pruning needs every Dropbox group: never in a scoped plan.
  if (ctx.desired.pruneGroups && ctx.scope === null) actions.push(...pruneActions(ctx, named));
  return { actions, pushed };
}

/** One Okta group a push names, and the Dropbox group name it is pushed as. */
export interface ResolvedPush {
  readonly push: GroupPush;
  readonly group: OktaGroup;
  readonly name: string;
}

/** What one push is about, as its actions and warnings say it. */
interface PushFacts extends ResolvedPush {
  readonly marker: string;
  /** The rule every action of this push cites. */
  readonly rule: string;
}

/** Where a push's members go: the live group, or the one this plan creates; or skipped (a warning says why). */
type PushTarget =
  | { readonly resolution: 'marker' | 'adopted' | 'created'; readonly live: DropboxGroup | null; readonly target: GroupRef; readonly createId: string | null }
  | { readonly resolution: 'skipped'; readonly live: DropboxGroup };

/** One push: its Dropbox group found, adopted or created (or skipped), then its membership. */
function planPush(ctx: PlanContext, dropboxGroups: DropboxGroupIndex, team: Team, one: ResolvedPush, actions: Action[]): PushedGroup {
  const { push, group, name } = one;
  const facts: PushFacts = { ...one, marker: groupMarker(group.id), rule: `${at(push.source)} groupPushes: Okta group ${group.name} → Dropbox group ${name}` };
  const oktaMemberIds = group.memberIds;
  const target = pushTarget(ctx, matchDropboxGroup(dropboxGroups, facts.marker, name), facts, actions);
  const result: PushedGroup = { push, oktaGroup: group, dropboxName: name, dropboxGroup: target.live, resolution: target.resolution, oktaMemberIds };
  if (target.resolution === 'skipped') return result;
  if (oktaMemberIds === null) {
    ctx.warnings.push({
      code: 'okta_group_members_unknown',
      message: `the members of Okta group ${group.name} were not read; the membership of Dropbox group ${name} is left as it is`,
      source: formatSource(push.source),
    });
    return result;
  }
  planMembership(ctx, { group, name, rule: facts.rule, target: target.target, live: target.live, createId: target.createId, oktaMemberIds, team, actions });
  return result;
}

function pushTarget(ctx: PlanContext, match: DropboxGroupMatch, facts: PushFacts, actions: Action[]): PushTarget {
  switch (match.kind) {
    case 'marker_left_alone':
      ctx.warnings.push({
        code: 'group_name_clash',
        message: `Dropbox group ${match.group.name} carries ${facts.marker} but is ${managedWords(match.group)}; left alone`,
        source: formatSource(facts.push.source),
      });
      return { resolution: 'skipped', live: match.group };
    case 'name_taken':
      ctx.warnings.push({
        code: 'group_name_clash',
        message: `Okta group ${facts.group.name} should be pushed as Dropbox group ${facts.name}, but the Dropbox group ${match.group.groupId} of that name ${whyNameTaken(match.group, facts.name)}; not created, not changed`,
        source: formatSource(facts.push.source),
      });
      return { resolution: 'skipped', live: match.group };
    case 'marker':
      return markedTarget(ctx, match, facts, actions);
    case 'create':
      return createdTarget(facts, actions);
    case 'adopt':
      return adoptedTarget(match.group, facts, actions);
    default:
      return assertNever(match, 'Dropbox group match');
  }
}

/** Why a Dropbox group holding the pushed name (ignoring case) can be neither adopted nor replaced. */
export function whyNameTaken(other: DropboxGroup, name: string): string {
  if (other.managementType !== 'company_managed') return `is ${managedWords(other)}`;
  if (other.name !== name) return `is named ${other.name} (Dropbox group names ignore case)`;
  return `carries another external id (${other.externalId ?? ''})`;
}

/** The group carrying the marker: renamed to follow Okta unless another group holds the new name. */
function markedTarget(ctx: PlanContext, match: DropboxGroupMatch & { kind: 'marker' }, facts: PushFacts, actions: Action[]): PushTarget {
  const live = match.group;
  const target = liveRef(live);
  if (live.name === facts.name) return { resolution: 'marker', live, target, createId: null };
  if (match.renameBlockedBy !== null) {
    ctx.warnings.push({
      code: 'group_name_clash',
      message: `Okta group ${facts.group.name} should rename Dropbox group ${live.name} to ${facts.name}, but another Dropbox group (${match.renameBlockedBy.groupId}) has that name; not renamed`,
      source: formatSource(facts.push.source),
    });
  } else {
    actions.push(renameAction(facts, live, `the Dropbox group carrying ${facts.marker} is named ${live.name}`, null));
  }
  return { resolution: 'marker', live, target, createId: null };
}

function createdTarget(facts: PushFacts, actions: Action[]): PushTarget {
  const createId = `group.create:${facts.group.id}`;
  const target: GroupRef = { groupId: null, name: facts.name, externalId: facts.marker };
  actions.push({
    kind: 'group.create',
    id: createId,
    reason: `${facts.rule}; no Dropbox group carries ${facts.marker} or the name ${facts.name}`,
    reversibility: 'reversible',
    dependsOn: [],
    serialKey: null,
    group: target,
    oktaGroupId: facts.group.id,
    managementType: 'company_managed',
  });
  return { resolution: 'created', live: null, target, createId };
}

/** The only group of the pushed name, without an external id: it takes the marker. */
function adoptedTarget(live: DropboxGroup, facts: PushFacts, actions: Action[]): PushTarget {
  const rename = renameAction(facts, live, `the existing Dropbox group ${facts.name} has no external id: adopted (external id ${facts.marker} set)`, facts.marker);
  actions.push(rename);
  return { resolution: 'adopted', live, target: rename.group, createId: null };
}

/** A live group renamed to the pushed name (`newExternalId`: the marker it takes when adopted). */
function renameAction(facts: PushFacts, live: DropboxGroup, why: string, newExternalId: string | null): Action & { kind: 'group.rename' } {
  return {
    kind: 'group.rename',
    id: `group.rename:${facts.group.id}`,
    reason: `${facts.rule}; ${why}`,
    reversibility: 'reversible',
    dependsOn: [],
    serialKey: null,
    group: liveRef(live),
    from: live.name,
    to: facts.name,
    newExternalId,
  };
}

function liveRef(live: DropboxGroup): GroupRef {
  return { groupId: live.groupId, name: live.name, externalId: live.externalId };
}

/** pruneGroups: the Dropbox groups of Okta groups no push names any more are deleted. */
function pruneActions(ctx: PlanContext, named: ReadonlySet<string>): Action[] {
  return groupsToPrune(ctx.index.dropboxGroups, named).map(({ group: g, oktaGroupId }) => {
    const oktaGroup = ctx.index.groupById.get(oktaGroupId);
    return {
      kind: 'group.delete',
      id: `group.delete:${g.groupId}`,
      reason: `pruneGroups: true; Dropbox group ${g.name} carries ${g.externalId} (${oktaGroup === undefined ? 'an Okta group that no longer exists' : `Okta group ${oktaGroup.name}`}), and no group push names it any more`,
      reversibility: 'irreversible',
      dependsOn: [],
      serialKey: null,
      group: { groupId: g.groupId, name: g.name, externalId: g.externalId },
    };
  });
}

/**
 * The Dropbox groups pruneGroups deletes, in the order given: company-managed groups carrying the
 * `okta:<id>` marker of an Okta group that no push names (`named`, see resolvePushes).
 */
export function groupsToPrune(dropboxGroups: readonly DropboxGroup[], named: ReadonlySet<string>): { group: DropboxGroup; oktaGroupId: string }[] {
  const out: { group: DropboxGroup; oktaGroupId: string }[] = [];
  for (const group of dropboxGroups) {
    const oktaGroupId = markedOktaGroupId(group.externalId);
    if (oktaGroupId === null || group.managementType !== 'company_managed') continue;
    if (!named.has(oktaGroupId)) out.push({ group, oktaGroupId });
  }
  return out;
}

interface MembershipInput {
  readonly group: OktaGroup;
  readonly name: string;
  readonly rule: string;
  readonly target: GroupRef;
  readonly live: DropboxGroup | null;
  readonly createId: string | null;
  readonly oktaMemberIds: readonly string[];
  readonly team: Team;
  readonly actions: Action[];
}

function planMembership(ctx: PlanContext, input: MembershipInput): void {
  const { group, rule, target, createId, actions } = input;
  const wanted = wantedMembers(ctx, input.team, input.oktaMemberIds);
  const diff = diffMembership(wanted.members.keys(), input.live?.memberIds ?? []);
  const adds = membershipAdds(ctx, input, wanted, diff.add);
  const removes = membershipRemoves(ctx, input, diff.remove);
  if (adds.members.length > 0) {
    if (createId !== null) adds.waitFor.add(createId);
    actions.push({
      kind: 'group.members.add',
      id: `group.members.add:${group.id}`,
      reason: `${rule}; ${plural(adds.members.length, 'person', 'people')} in the Okta group not yet in the Dropbox group`,
      reversibility: 'reversible',
      dependsOn: [...adds.waitFor].sort(compareStrings),
      serialKey: null,
      group: target,
      members: adds.members.sort(byPerson),
    });
  }
  if (removes.length > 0) {
    actions.push({
      kind: 'group.members.remove',
      id: `group.members.remove:${group.id}`,
      reason: `${rule}; ${plural(removes.length, 'member is', 'members are')} no longer in the Okta group`,
      reversibility: 'reversible',
      dependsOn: [],
      serialKey: null,
      group: target,
      members: removes.sort(byPerson),
    });
  }
}

/**
 * The Okta group's members whose groups follow Okta: Dropbox members by team member id (with the
 * first Okta user naming them), and the people this plan adds, who are in no Dropbox group yet.
 */
interface WantedMembers {
  readonly members: ReadonlyMap<string, { readonly userId: string; readonly slot: number }>;
  readonly newcomers: ReadonlySet<string>;
}

function wantedMembers(ctx: PlanContext, team: Team, oktaMemberIds: readonly string[]): WantedMembers {
  const { members } = ctx.index;
  const wanted = new Map<string, { readonly userId: string; readonly slot: number }>();
  const newcomers = new Set<string>();
  for (const userId of oktaMemberIds) {
    const u = ctx.index.oktaIndex.get(userId);
    const i = u === undefined ? -2 : team.slotOf[u]!;
    if (i === -1) newcomers.add(userId);
    else if (i >= 0 && !wanted.has(members[i]!.teamMemberId)) wanted.set(members[i]!.teamMemberId, { userId, slot: i });
  }
  return { members: wanted, newcomers };
}

function memberRef(ctx: PlanContext, userId: string, slot: number): PersonRef {
  const m = ctx.index.members[slot]!;
  return { email: m.emailKey, teamMemberId: m.teamMemberId, oktaUserId: userId };
}

/** A protected member's group membership is not changed: reported instead (true when so). */
function heldAsProtected(ctx: PlanContext, input: MembershipInput, ref: PersonRef, verb: string): boolean {
  const why = ref.teamMemberId === null ? undefined : ctx.protectedMembers.get(ref.teamMemberId);
  if (why === undefined) return false;
  ctx.reports.push({
    kind: 'protected_member',
    email: ref.email,
    teamMemberId: ref.teamMemberId,
    oktaUserId: ref.oktaUserId,
    message: `protected (${why}): would have been ${verb} Dropbox group ${input.name} (${input.rule})`,
  });
  return true;
}

/** The people added to the group (newcomers first), and the member.add / member.recover actions they wait for. */
function membershipAdds(ctx: PlanContext, input: MembershipInput, wanted: WantedMembers, add: readonly string[]): { members: PersonRef[]; waitFor: Set<string> } {
  const members: PersonRef[] = [];
  const waitFor = new Set<string>();
  const addRef = (userId: string, ref: PersonRef | undefined): void => {
    if (ref === undefined || heldAsProtected(ctx, input, ref, 'added to')) return;
    members.push(ref);
    const wait = input.team.waitFor.get(userId);
    if (wait !== undefined) waitFor.add(wait);
  };
  for (const userId of wanted.newcomers) addRef(userId, input.team.newRefs.get(userId));
  for (const teamMemberId of add) {
    const { userId, slot } = wanted.members.get(teamMemberId)!;
    addRef(userId, memberRef(ctx, userId, slot));
  }
  return { members, waitFor };
}

/** The live members taken out of the group: only members whose groups follow Okta, protected ones reported. */
function membershipRemoves(ctx: PlanContext, input: MembershipInput, remove: readonly string[]): PersonRef[] {
  const removes: PersonRef[] = [];
  for (const teamMemberId of remove) {
    const i = ctx.index.memberIndex.get(teamMemberId);
    if (i === undefined) continue;
    const link = ctx.identity.linkAt[i];
    // Unmanaged, left-alone and leaving members stay as they are.
    if (link === undefined || input.team.slotOf[link.userSlot] !== i) continue;
    const ref = memberRef(ctx, link.user.id, i);
    if (heldAsProtected(ctx, input, ref, 'removed from')) continue;
    removes.push(ref);
  }
  return removes;
}

/**
 * Only company-managed groups are adopted or changed (design.md): a user-managed group belongs to
 * its owners (team_groups.stone GroupManagementType user_managed: "A group which is managed by
 * selected users"), a system-managed one to Dropbox.
 */
function managedWords(g: DropboxGroup): string {
  return g.managementType === 'user_managed' ? 'user-managed (its owners manage it)' : 'system-managed';
}
