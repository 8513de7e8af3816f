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
export function resolvePushes(ctx: PlanContext): { pushes: { push: GroupPush; group: OktaGroup; name: string }[]; named: Set<string> } {
  const out: { push: GroupPush; group: OktaGroup; name: string }[] = [];
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
  for (const { push, group, name } of pushes) {
    // Incremental: only the groups of the people read (their memberships are known for them alone).
    if (ctx.scope !== null && !ctx.scope.groupIds.has(group.id)) continue;
    const marker = groupMarker(group.id);
    const rule = `${at(push.source)} groupPushes: Okta group ${group.name} → Dropbox group ${name}`;
    const oktaMemberIds = group.memberIds;
    let target: GroupRef;
    let live: DropboxGroup | null;
    let resolution: PushedGroup['resolution'];
    let createId: string | null = null;

    const match = matchDropboxGroup(dropboxGroups, marker, name);
    switch (match.kind) {
      case 'marker_left_alone': {
        const { group: other } = match;
        ctx.warnings.push({ code: 'group_name_clash', message: `Dropbox group ${other.name} carries ${marker} but is ${managedWords(other)}; left alone`, source: formatSource(push.source) });
        pushed.push({ push, oktaGroup: group, dropboxName: name, dropboxGroup: other, resolution: 'skipped', oktaMemberIds });
        continue;
      }
      case 'name_taken': {
        const { group: other } = match;
        const why =
          other.managementType !== 'company_managed'
            ? `is ${managedWords(other)}`
            : other.name !== name
              ? `is named ${other.name} (Dropbox group names ignore case)`
              : `carries another external id (${other.externalId ?? ''})`;
        ctx.warnings.push({
          code: 'group_name_clash',
          message: `Okta group ${group.name} should be pushed as Dropbox group ${name}, but the Dropbox group ${other.groupId} of that name ${why}; not created, not changed`,
          source: formatSource(push.source),
        });
        pushed.push({ push, oktaGroup: group, dropboxName: name, dropboxGroup: other, resolution: 'skipped', oktaMemberIds });
        continue;
      }
      case 'marker': {
        resolution = 'marker';
        live = match.group;
        target = { groupId: live.groupId, name: live.name, externalId: live.externalId };
        if (live.name === name) break;
        if (match.renameBlockedBy !== null) {
          ctx.warnings.push({
            code: 'group_name_clash',
            message: `Okta group ${group.name} should rename Dropbox group ${live.name} to ${name}, but another Dropbox group (${match.renameBlockedBy.groupId}) has that name; not renamed`,
            source: formatSource(push.source),
          });
        } else {
          actions.push({
            kind: 'group.rename',
            id: `group.rename:${group.id}`,
            reason: `${rule}; the Dropbox group carrying ${marker} is named ${live.name}`,
            reversibility: 'reversible',
            dependsOn: [],
            serialKey: null,
            group: target,
            from: live.name,
            to: name,
            newExternalId: null,
          });
        }
        break;
      }
      case 'create': {
        resolution = 'created';
        live = null;
        createId = `group.create:${group.id}`;
        target = { groupId: null, name, externalId: marker };
        actions.push({
          kind: 'group.create',
          id: createId,
          reason: `${rule}; no Dropbox group carries ${marker} or the name ${name}`,
          reversibility: 'reversible',
          dependsOn: [],
          serialKey: null,
          group: target,
          oktaGroupId: group.id,
          managementType: 'company_managed',
        });
        break;
      }
      case 'adopt': {
        resolution = 'adopted';
        live = match.group;
        target = { groupId: live.groupId, name: live.name, externalId: live.externalId };
        actions.push({
          kind: 'group.rename',
          id: `group.rename:${group.id}`,
          reason: `${rule}; the existing Dropbox group ${name} has no external id: adopted (external id ${marker} set)`,
          reversibility: 'reversible',
          dependsOn: [],
          serialKey: null,
          group: target,
          from: live.name,
          to: name,
          newExternalId: marker,
        });
        break;
      }
      default:
        return assertNever(match, 'Dropbox group match');
    }
    pushed.push({ push, oktaGroup: group, dropboxName: name, dropboxGroup: live, resolution, oktaMemberIds });

    if (oktaMemberIds === null) {
      ctx.warnings.push({
        code: 'okta_group_members_unknown',
        message: `the members of Okta group ${group.name} were not read; the membership of Dropbox group ${name} is left as it is`,
        source: formatSource(push.source),
      });
      continue;
    }
    planMembership(ctx, { group, name, rule, target, live, createId, oktaMemberIds, team, actions });
  }

  // Pruning needs every Dropbox group: never in a scoped plan.
  if (ctx.desired.pruneGroups && ctx.scope === null) {
    for (const { group: g, oktaGroupId } of groupsToPrune(ctx.index.dropboxGroups, named)) {
      const oktaGroup = ctx.index.groupById.get(oktaGroupId);
      actions.push({
        kind: 'group.delete',
        id: `group.delete:${g.groupId}`,
        reason: `pruneGroups: true; Dropbox group ${g.name} carries ${g.externalId} (${oktaGroup === undefined ? 'an Okta group that no longer exists' : `Okta group ${oktaGroup.name}`}), and no group push names it any more`,
        reversibility: 'irreversible',
        dependsOn: [],
        serialKey: null,
        group: { groupId: g.groupId, name: g.name, externalId: g.externalId },
      });
    }
  }
  return { actions, pushed };
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
  const { group, name, rule, target, live, createId, oktaMemberIds, team, actions } = input;
  const { members, memberIndex } = ctx.index;
  const refOf = (userId: string, i: number): PersonRef => ({ email: members[i]!.emailKey, teamMemberId: members[i]!.teamMemberId, oktaUserId: userId });
  const isProtected = (ref: PersonRef, verb: string): boolean => {
    const why = ref.teamMemberId === null ? undefined : ctx.protectedMembers.get(ref.teamMemberId);
    if (why === undefined) return false;
    ctx.reports.push({
      kind: 'protected_member',
      email: ref.email,
      teamMemberId: ref.teamMemberId,
      oktaUserId: ref.oktaUserId,
      message: `protected (${why}): would have been ${verb} Dropbox group ${name} (${rule})`,
    });
    return true;
  };

  // The Okta group's members whose groups follow Okta: Dropbox members by team member id (with the
  // first Okta user naming them), and the people this plan adds, who are in no Dropbox group yet.
  const desired = new Map<string, { readonly userId: string; readonly slot: number }>();
  const newcomers = new Set<string>();
  for (const userId of oktaMemberIds) {
    const u = ctx.index.oktaIndex.get(userId);
    const i = u === undefined ? -2 : team.slotOf[u]!;
    if (i === -1) newcomers.add(userId);
    else if (i >= 0 && !desired.has(members[i]!.teamMemberId)) desired.set(members[i]!.teamMemberId, { userId, slot: i });
  }
  const diff = diffMembership(desired.keys(), live?.memberIds ?? []);

  const adds: PersonRef[] = [];
  const waitFor = new Set<string>();
  const addRef = (userId: string, ref: PersonRef | undefined): void => {
    if (ref === undefined || isProtected(ref, 'added to')) return;
    adds.push(ref);
    const wait = team.waitFor.get(userId);
    if (wait !== undefined) waitFor.add(wait);
  };
  for (const userId of newcomers) addRef(userId, team.newRefs.get(userId));
  for (const teamMemberId of diff.add) {
    const { userId, slot } = desired.get(teamMemberId)!;
    addRef(userId, refOf(userId, slot));
  }

  const removes: PersonRef[] = [];
  for (const teamMemberId of diff.remove) {
    const i = memberIndex.get(teamMemberId);
    if (i === undefined) continue;
    const link = ctx.identity.linkAt[i];
    // Only members whose groups follow Okta: unmanaged, left-alone and leaving members stay as they are.
    if (link === undefined || team.slotOf[link.userSlot] !== i) continue;
    const ref = refOf(link.user.id, i);
    if (isProtected(ref, 'removed from')) continue;
    removes.push(ref);
  }

  if (adds.length > 0) {
    adds.sort(byPerson);
    if (createId !== null) waitFor.add(createId);
    actions.push({
      kind: 'group.members.add',
      id: `group.members.add:${group.id}`,
      reason: `${rule}; ${plural(adds.length, 'person', 'people')} in the Okta group not yet in the Dropbox group`,
      reversibility: 'reversible',
      dependsOn: [...waitFor].sort(compareStrings),
      serialKey: null,
      group: target,
      members: adds,
    });
  }
  if (removes.length > 0) {
    removes.sort(byPerson);
    actions.push({
      kind: 'group.members.remove',
      id: `group.members.remove:${group.id}`,
      reason: `${rule}; ${plural(removes.length, 'member is', 'members are')} no longer in the Okta group`,
      reversibility: 'reversible',
      dependsOn: [],
      serialKey: null,
      group: target,
      members: removes,
    });
  }
}

/**
 * Only company-managed groups are adopted or changed (design.md): a user-managed group belongs to
 * its owners (team_groups.stone GroupManagementType user_managed: "A group which is managed by
 * selected users"), a system-managed one to Dropbox.
 */
function managedWords(g: DropboxGroup): string {
  return g.managementType === 'user_managed' ? 'user-managed (its owners manage it)' : 'system-managed';
}
