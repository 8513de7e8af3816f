/**
 * Which Dropbox groups the dump pushes from Okta. A push makes the group's membership follow the
 * Okta group, so a push is written only where the first plan would remove nobody from the group;
 * every other group is left alone (no push names it, so dbxsync never touches it) and listed with
 * the reason, for a human to decide.
 */
import { firstUnsafeChar } from '../text/display-text.js';
import { groupMarker, markedOktaGroupId, type DropboxGroup, type DropboxState, type OktaGroup, type OktaState } from '../domain/live.js';
import type { TeamLinks } from './identity.js';
import { plural } from '../text/words.js';

/** People named in a comment before "and N more". */
const NAMES_SHOWN = 5;

/** One `groupPushes` entry the dump writes. */
export interface DumpedPush {
  /** The Okta group as the YAML names it: its name, or its id when the name is not unique. */
  readonly oktaGroup: string;
  /** Set when the Dropbox group's name differs from the Okta group's. */
  readonly dropboxGroup: string | null;
  readonly oktaName: string;
  readonly dropboxName: string;
  /** How the plan finds the Dropbox group: by its `okta:<id>` marker, or adopted by name. */
  readonly how: 'marker' | 'name';
  /** Team members in the Okta group who are not in the Dropbox group yet: the first plan adds them. */
  readonly additions: number;
}

/** A Dropbox group the dump does not push, and why. */
export interface LeftAloneGroup {
  readonly dropboxName: string;
  readonly why: string;
}

export interface GroupDecisions {
  readonly pushes: readonly DumpedPush[];
  readonly leftAlone: readonly LeftAloneGroup[];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName(a: DropboxGroup, b: DropboxGroup): number {
  return compare(a.name, b.name) || compare(a.groupId, b.groupId);
}

/** "a@x, b@x and 3 more" */
function someOf(emails: readonly string[]): string {
  const shown = emails.slice(0, NAMES_SHOWN).join(', ');
  return emails.length > NAMES_SHOWN ? `${shown} and ${emails.length - NAMES_SHOWN} more` : shown;
}

/**
 * The Okta groups whose members the dump needs, as names or ids: every Dropbox group's name and
 * the Okta id in every `okta:<id>` marker. The CLI asks the Okta reader for exactly these.
 */
export function groupsToRead(dropbox: DropboxState): string[] {
  const refs = new Set<string>();
  for (const g of dropbox.groups) {
    if (g.managementType === 'system_managed') continue;
    refs.add(g.name);
    const marked = markedOktaGroupId(g.externalId);
    if (marked !== null) refs.add(marked);
  }
  return [...refs].sort(compare);
}

export function decideGroups(okta: OktaState, dropbox: DropboxState, links: TeamLinks): GroupDecisions {
  const ix = indexGroups(okta, dropbox);
  const pushedNames = new Set<string>();
  const pushes: DumpedPush[] = [];
  const leftAlone: LeftAloneGroup[] = [];
  const candidates = dropbox.groups.filter((g) => g.managementType !== 'system_managed');
  // Marker groups first: the plan finds a group by its marker before it adopts one by name.
  const ordered = [...candidates.filter((g) => (g.externalId ?? '') !== '').sort(byName), ...candidates.filter((g) => (g.externalId ?? '') === '').sort(byName)];
  for (const g of ordered) {
    const decided = decideGroup(ix, links, g, pushedNames);
    if (typeof decided === 'string') {
      leftAlone.push({ dropboxName: g.name, why: decided });
      continue;
    }
    pushedNames.add(g.name.toLowerCase());
    pushes.push(decided);
  }
  for (const g of dropbox.groups) if (g.managementType === 'system_managed') leftAlone.push({ dropboxName: g.name, why: 'system-managed by Dropbox' });
  pushes.sort((a, b) => compare(a.dropboxName, b.dropboxName));
  leftAlone.sort((a, b) => compare(a.dropboxName, b.dropboxName) || compare(a.why, b.why));
  return { pushes, leftAlone };
}

/** Both sides' groups, indexed the ways decideGroup looks them up. */
interface GroupIndexes {
  readonly oktaById: ReadonlyMap<string, OktaGroup>;
  readonly oktaByName: ReadonlyMap<string, readonly OktaGroup[]>;
  /** Dropbox groups per external id. */
  readonly markerCount: ReadonlyMap<string, number>;
  /** Dropbox groups per lower-cased name (Dropbox group names ignore case). */
  readonly lowerNameCount: ReadonlyMap<string, number>;
  readonly appGroups: ReadonlySet<string>;
}

function indexGroups(okta: OktaState, dropbox: DropboxState): GroupIndexes {
  const oktaById = new Map<string, OktaGroup>();
  const oktaByName = new Map<string, OktaGroup[]>();
  for (const g of okta.groups) {
    oktaById.set(g.id, g);
    const list = oktaByName.get(g.name);
    if (list === undefined) oktaByName.set(g.name, [g]);
    else list.push(g);
  }
  const markerCount = new Map<string, number>();
  const lowerNameCount = new Map<string, number>();
  for (const g of dropbox.groups) {
    if (g.externalId) markerCount.set(g.externalId, (markerCount.get(g.externalId) ?? 0) + 1);
    const lower = g.name.toLowerCase();
    lowerNameCount.set(lower, (lowerNameCount.get(lower) ?? 0) + 1);
  }
  return { oktaById, oktaByName, markerCount, lowerNameCount, appGroups: new Set(okta.appGroupIds) };
}

/** The push one Dropbox group becomes, or why it is left alone. */
function decideGroup(ix: GroupIndexes, links: TeamLinks, g: DropboxGroup, pushedNames: ReadonlySet<string>): DumpedPush | string {
  const unsafe = firstUnsafeChar(g.name);
  // validate refuses such a name (it would read as another one in review): a human renames it first.
  if (unsafe !== null) return `its name holds a control or bidirectional formatting character (${unsafe}), which the desired state refuses; rename the group in Dropbox first`;
  const found = counterpart(ix, g);
  if (typeof found === 'string') return found;
  const { group, how } = found;
  if (pushedNames.has(g.name.toLowerCase())) return 'another Dropbox group of the same name apart from case is pushed already';
  if (ix.appGroups.has(group.id)) return `Okta group ${group.name} assigns the Dropbox app; pushing it as well is a combination Okta documents as unsupported`;
  if (group.memberIds === null) return `the members of Okta group ${group.name} could not be compared`;
  const gap = membershipGap(links, group.memberIds, g);
  if (gap.removals.length > 0) return `pushing Okta group ${group.name} would remove ${plural(gap.removals.length, 'member who is', 'members who are')} not in it: ${someOf(gap.removals)}`;
  // By name when the name is unique and plain text (validate refuses control and bidi characters), else by id.
  const unique = (ix.oktaByName.get(group.name) ?? []).length === 1 && !ix.oktaById.has(group.name) && firstUnsafeChar(group.name) === null;
  return {
    oktaGroup: unique ? group.name : group.id,
    dropboxGroup: g.name === group.name ? null : g.name,
    oktaName: group.name,
    dropboxName: g.name,
    how,
    additions: gap.additions,
  };
}

/** The Okta counterpart of a Dropbox group, or why there is none. */
function counterpart(ix: GroupIndexes, g: DropboxGroup): { group: OktaGroup; how: 'marker' | 'name' } | string {
  const externalId = g.externalId ?? '';
  if (externalId !== '') {
    const marked = markedOktaGroupId(externalId);
    if (marked === null) return `carries the external id ${JSON.stringify(externalId)}, which is not dbxsync's okta:<id> marker`;
    const group = ix.oktaById.get(marked);
    if (group === undefined) return `carries ${externalId}, an Okta group that no longer exists`;
    if ((ix.markerCount.get(externalId) ?? 0) > 1) return `another Dropbox group carries the same external id ${externalId}`;
    return { group, how: 'marker' };
  }
  const named = ix.oktaByName.get(g.name) ?? [];
  if (named.length === 0) return 'no Okta group has this name';
  if (named.length > 1) return `${named.length} Okta groups have this name (${named.map((o) => o.id).sort(compare).join(', ')}); push one by id if you mean to`;
  if ((ix.lowerNameCount.get(g.name.toLowerCase()) ?? 0) > 1) return 'another Dropbox group has the same name apart from case';
  const group = named[0]!;
  if ((ix.markerCount.get(groupMarker(group.id)) ?? 0) > 0) return `another Dropbox group carries ${groupMarker(group.id)}, the marker of Okta group ${group.name}`;
  return { group, how: 'name' };
}

/**
 * What pushing the Okta group would change in the Dropbox group: the emails of linked live members
 * it would remove (sorted; a dump never proposes a push that removes anyone), and how many linked
 * people it would add.
 */
function membershipGap(links: TeamLinks, oktaMemberIds: readonly string[], g: DropboxGroup): { removals: string[]; additions: number } {
  const oktaMembers = new Set(oktaMemberIds);
  const liveIds = new Set(g.memberIds.filter((id) => links.liveMembers.has(id)));
  const removals: string[] = [];
  for (const id of liveIds) {
    const user = links.userOfMember.get(id);
    if (user !== undefined && !oktaMembers.has(user.id)) removals.push(links.liveMembers.get(id)!.emailKey);
  }
  let additions = 0;
  for (const userId of oktaMembers) {
    const memberIds = links.membersOfUser.get(userId) ?? [];
    if (memberIds.length > 0 && !memberIds.some((id) => liveIds.has(id))) additions++;
  }
  return { removals: removals.sort(compare), additions };
}
