/**
 * The synthetic-org generator: a deterministic Okta org and Dropbox team of any size (tests,
 * `npm run bench`, `dbxsync sandbox --generate N`). The Dropbox side starts as what dbxsync would
 * have made of the Okta side under {@link generateDesiredStateYaml}'s desired state, then a
 * `changeRate` share of people drift (new hires, profile changes, leavers still active, ...), so a
 * plan on a generated org has work of every kind. Everything is built in one pass over arrays:
 * 100k people and 2k groups take about a second.
 */
import { seededRandom } from './http.js';
import type { SandboxSeed, SeedDropboxGroup, SeedDropboxMember, SeedOktaGroup, SeedOktaUser } from './seed.js';

export interface GenerateOptions {
  /** Okta users, service accounts included (at least {@link MIN_GENERATED_PEOPLE}). */
  readonly people: number;
  /** Pushed Okta groups `dbx-team-0001`...; default one per 50 people. */
  readonly groups?: number;
  /** PRNG seed: the same options give the same org, byte for byte (default 1). */
  readonly seed?: number;
  /** Fraction of people whose Dropbox state differs from what Okta asks for (default 0.1). */
  readonly changeRate?: number;
  /** Email domain (default `synthetic.example`). */
  readonly domain?: string;
  /** The moment timestamps are relative to; default a fixed date so the output does not depend on the day. */
  readonly now?: Date;
}

export const MIN_GENERATED_PEOPLE = 20;
export const MAX_GENERATED_PEOPLE = 1_000_000;
/** Okta app id of the Dropbox app in every generated org. */
export const GENERATED_APP_ID = '0oa1gen2dropbox3app4';
export const GENERATED_DEFAULT_DOMAIN = 'synthetic.example';
const GENERATED_EPOCH = '2026-01-15T09:00:00.000Z';

/** Okta group names a generated org always has (desired-state files name them). */
export const GENERATED_GROUP_NAMES = {
  users: 'Dropbox Users',
  teamAdmins: 'Dropbox Admins',
  userManagementAdmins: 'IT User Admins',
  supportAdmins: 'IT Helpdesk',
} as const;

/** The service accounts of a generated org: the team admin whose token runs dbxsync, and the archive. */
export function generatedAccounts(domain = GENERATED_DEFAULT_DOMAIN): { admin: string; archive: string } {
  return { admin: `dbx-admin@${domain}`, archive: `it-archive@${domain}` };
}

export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Adam', 'Adele', 'Aiko', 'Alan', 'Alejandro', 'Amara', 'Amir', 'Ana', 'Andrei', 'Anika', 'Arjun',
  'Astrid', 'Ben', 'Bianca', 'Bruno', 'Camille', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Dara', 'David', 'Deepa',
  'Diego', 'Elena', 'Elif', 'Emeka', 'Emma', 'Erik', 'Fatima', 'Felix', 'Freya', 'Gabriel', 'Grace', 'Hana',
  'Hannah', 'Hugo', 'Ibrahim', 'Ines', 'Isaac', 'Ivan', 'Jade', 'James', 'Jana', 'Javier', 'Jin', 'Joao', 'Julia',
  'Kai', 'Kamala', 'Karim', 'Kenji', 'Kofi', 'Lara', 'Leila', 'Leo', 'Liam', 'Lin', 'Lucas', 'Lucia', 'Mai',
  'Malik', 'Marco', 'Maria', 'Mateo', 'Maya', 'Mei', 'Mia', 'Mohammed', 'Nadia', 'Naomi', 'Nia', 'Nikhil', 'Noah',
  'Nora', 'Olga', 'Omar', 'Oscar', 'Paula', 'Pedro', 'Priya', 'Quentin', 'Rafael', 'Rania', 'Ravi', 'Rosa', 'Ruth',
  'Sakura', 'Samir', 'Sara', 'Sean', 'Sofia', 'Stefan', 'Sunil', 'Tariq', 'Thea', 'Tomas', 'Uma', 'Valentina',
  'Victor', 'Wei', 'Xavier', 'Yara', 'Yusuf', 'Zara', 'Zoe',
];

export const LAST_NAMES: readonly string[] = [
  'Abara', 'Adeyemi', 'Almeida', 'Andersen', 'Bakker', 'Banerjee', 'Becker', 'Bianchi', 'Brown', 'Castillo', 'Chen',
  'Costa', 'Dahl', 'Dubois', 'Duarte', 'Eriksen', 'Evans', 'Fernandes', 'Fischer', 'Fontaine', 'Garcia', 'Gupta',
  'Haddad', 'Hansen', 'Hernandez', 'Hoffmann', 'Ibrahim', 'Ivanova', 'Jansen', 'Jensen', 'Johnson', 'Kaur', 'Kelly',
  'Khan', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Laurent', 'Lee', 'Lindqvist', 'Lopez', 'Martin', 'Meyer', 'Moreau',
  'Morris', 'Mueller', 'Murphy', 'Nakamura', 'Navarro', 'Ng', 'Nguyen', 'Novak', 'Nowak', 'Okafor', 'Oliveira',
  'Osei', 'Park', 'Patel', 'Perez', 'Petrov', 'Popescu', 'Quinn', 'Ramos', 'Reddy', 'Ricci', 'Rossi', 'Santos',
  'Sato', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Sokolov', 'Suzuki', 'Takahashi', 'Tan', 'Taylor', 'Thomas',
  'Torres', 'Tran', 'Valdez', 'Varga', 'Vasquez', 'Wagner', 'Walker', 'Wang', 'Weber', 'Williams', 'Wilson', 'Wong',
  'Wu', 'Yamamoto', 'Yilmaz', 'Young', 'Zhang', 'Zimmermann',
];

const DEPARTMENTS: readonly string[] = [
  'Engineering', 'Engineering', 'Engineering', 'Sales', 'Sales', 'Marketing', 'Finance', 'Legal', 'Operations',
  'Support', 'Support', 'People', 'Product', 'Design',
];

const DAY_MS = 86_400_000;

/** Okta-style timestamp (milliseconds kept). */
function oktaTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Dropbox-style timestamp (whole seconds). */
function dropboxTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function pad(n: number, width: number): string {
  return n.toString(36).padStart(width, '0');
}

/** Stable opaque ids, unique per index, shaped like the real ones. */
export const generatedIds = {
  oktaUser: (i: number) => `00ug${pad(i, 16)}`,
  oktaGroup: (i: number) => `00gg${pad(i, 16)}`,
  teamMember: (i: number) => `dbmid:AAg${pad(i, 37)}`,
  account: (i: number) => `dbid:AAg${pad(i, 38)}`,
  dropboxGroup: (i: number) => `g:${i.toString(16).padStart(32, '0')}`,
};

type Drift = 'none' | 'new_hire' | 'surname' | 'email' | 'reactivated' | 'no_external_id' | 'unassigned' | 'leaver_active';

function checkOptions(o: GenerateOptions): void {
  if (!Number.isInteger(o.people) || o.people < MIN_GENERATED_PEOPLE || o.people > MAX_GENERATED_PEOPLE) {
    throw new RangeError(`people must be an integer from ${MIN_GENERATED_PEOPLE} to ${MAX_GENERATED_PEOPLE}, got ${o.people}`);
  }
  if (o.groups !== undefined && (!Number.isInteger(o.groups) || o.groups < 0 || o.groups > 100_000)) {
    throw new RangeError(`groups must be an integer from 0 to 100000, got ${o.groups}`);
  }
  if (o.changeRate !== undefined && !(o.changeRate >= 0 && o.changeRate <= 1)) {
    throw new RangeError(`changeRate must be a fraction from 0 to 1, got ${o.changeRate}`);
  }
  if (o.domain !== undefined && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(o.domain)) {
    throw new RangeError(`domain must be a lower-case DNS name, got ${JSON.stringify(o.domain)}`);
  }
}

/** Generate a synthetic org (see the file comment for the mix). Throws RangeError on bad options. */
export function generateOrg(options: GenerateOptions): SandboxSeed {
  checkOptions(options);
  const n = options.people;
  const groupCount = options.groups ?? Math.max(1, Math.round(n / 50));
  const changeRate = options.changeRate ?? 0.1;
  const domain = options.domain ?? GENERATED_DEFAULT_DOMAIN;
  const now = (options.now ?? new Date(GENERATED_EPOCH)).getTime();
  const rand = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const accounts = generatedAccounts(domain);

  // Roles live on the last indices: IT staff are leaves of the manager tree.
  const teamAdminSlots = 2 + Math.floor(n / 25_000);
  const umaSlots = 2;
  const supportSlots = 3;
  const adminStart = n - (teamAdminSlots + umaSlots + supportSlots);
  const roleOf = (i: number): 'team_admin' | 'user_management_admin' | 'support_admin' | 'member_only' => {
    if (i === 0) return 'team_admin';
    if (i < adminStart) return 'member_only';
    if (i < adminStart + teamAdminSlots) return 'team_admin';
    if (i < adminStart + teamAdminSlots + umaSlots) return 'user_management_admin';
    return 'support_admin';
  };
  const REGULAR = 2;

  const usedLocals = new Map<string, number>();
  const uniqueLocal = (base: string): string => {
    const seen = usedLocals.get(base) ?? 0;
    usedLocals.set(base, seen + 1);
    return seen === 0 ? base : `${base}${seen + 1}`;
  };
  usedLocals.set('dbx-admin', 1);
  usedLocals.set('it-archive', 1);
  const slug = (s: string) => s.toLowerCase();

  const users: SeedOktaUser[] = new Array(n);
  const status: string[] = new Array(n);
  const assigned: ('group' | 'direct' | 'none')[] = new Array(n);
  const drift: Drift[] = new Array(n);
  const deptOf: number[] = new Array(n);
  const departments = [...new Set(DEPARTMENTS)];

  for (let i = 0; i < n; i++) {
    const id = generatedIds.oktaUser(i);
    let firstName: string;
    let lastName: string;
    let email: string;
    let st = 'ACTIVE';
    let asg: 'group' | 'direct' | 'none' = 'group';
    let managerIdx = -1;
    const dept = i < REGULAR ? departments.indexOf('Operations') : departments.indexOf(pick(DEPARTMENTS));
    if (i === 0) {
      [firstName, lastName, email, asg] = ['Dropbox', 'Admin', accounts.admin, 'direct'];
    } else if (i === 1) {
      [firstName, lastName, email, asg] = ['IT', 'Archive', accounts.archive, 'direct'];
    } else {
      firstName = pick(FIRST_NAMES);
      lastName = pick(LAST_NAMES);
      email = `${uniqueLocal(`${slug(firstName)}.${slug(lastName)}`)}@${domain}`;
      if (i > REGULAR) managerIdx = REGULAR + Math.floor(rand() * Math.ceil((i - REGULAR) / 6));
      const r = rand();
      if (i >= adminStart) st = 'ACTIVE';
      else if (r < 0.02) st = 'SUSPENDED';
      else if (r < 0.05) st = 'DEPROVISIONED';
      else if (r < 0.055) st = 'STAGED';
      else if (r < 0.06) st = 'PROVISIONED';
      else if (r < 0.063) st = 'LOCKED_OUT';
      else if (r < 0.066) st = 'PASSWORD_EXPIRED';
      const a = rand();
      asg = i >= adminStart ? 'direct' : a < 0.01 ? 'none' : a < 0.1 ? 'direct' : 'group';
    }
    const created = now - between(60, 2500) * DAY_MS - between(0, DAY_MS / 1000) * 1000;
    const activated = st === 'STAGED' || st === 'PROVISIONED' ? null : created + DAY_MS;
    let statusChanged: number | null = st === 'STAGED' ? null : activated ?? created + 3_600_000;
    if (st === 'SUSPENDED') statusChanged = now - between(1, 200) * DAY_MS;
    // Half the leavers left within the 7-day grace period, half well past it.
    if (st === 'DEPROVISIONED') statusChanged = now - (rand() < 0.5 ? between(1, 6) : between(8, 180)) * DAY_MS - 3_600_000;
    const profile: SeedOktaUser['profile'] = {
      login: email,
      email,
      firstName,
      lastName,
      department: departments[dept]!,
      employeeNumber: String(100000 + i),
    };
    if (managerIdx >= 0) profile.managerId = generatedIds.oktaUser(managerIdx);
    users[i] = {
      id,
      status: st,
      created: oktaTime(created),
      activated: activated === null ? null : oktaTime(activated),
      statusChanged: statusChanged === null ? null : oktaTime(statusChanged),
      lastUpdated: oktaTime(Math.max(created, statusChanged ?? created)),
      profile,
    };
    status[i] = st;
    assigned[i] = asg;
    deptOf[i] = dept;
    drift[i] = 'none';
  }

  // Drift: decided per person after the Okta side exists, so statuses can be adjusted consistently.
  for (let i = REGULAR; i < adminStart; i++) {
    if (assigned[i] === 'none' || status[i] === 'STAGED' || status[i] === 'PROVISIONED') continue;
    if (rand() >= changeRate) continue;
    const st = status[i]!;
    if (st === 'SUSPENDED' || st === 'DEPROVISIONED') {
      drift[i] = 'leaver_active';
      continue;
    }
    const r = rand();
    if (r < 0.4) {
      drift[i] = 'new_hire';
      const created = now - between(1, 14) * DAY_MS - between(0, 86_399) * 1000;
      const u = users[i]!;
      users[i] = { ...u, created: oktaTime(created), activated: oktaTime(created + 3_600_000), statusChanged: oktaTime(created + 3_600_000), lastUpdated: oktaTime(created + 3_600_000) };
    } else if (r < 0.6) drift[i] = 'surname';
    else if (r < 0.75) drift[i] = 'email';
    else if (r < 0.85) {
      drift[i] = 'reactivated';
      status[i] = 'ACTIVE';
      users[i] = { ...users[i]!, status: 'ACTIVE', statusChanged: oktaTime(now - between(1, 5) * DAY_MS) };
    } else if (r < 0.95) drift[i] = 'no_external_id';
    else {
      drift[i] = 'unassigned';
      assigned[i] = 'none';
    }
  }

  // Dropbox members.
  const members: SeedDropboxMember[] = [];
  const memberIdOf: (string | null)[] = new Array(n).fill(null);
  const inGroupsOf: boolean[] = new Array(n).fill(false);
  const activeMemberIdx: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = users[i]!;
    const st = status[i]!;
    const d = drift[i]!;
    const wasAssigned = assigned[i] !== 'none' || d === 'unassigned';
    if (!wasAssigned || d === 'new_hire' || st === 'STAGED' || st === 'PROVISIONED') continue;
    const joined = Date.parse(u.activated ?? u.created!) + DAY_MS;
    const member: SeedDropboxMember = {
      teamMemberId: generatedIds.teamMember(i),
      accountId: generatedIds.account(i),
      email: u.profile.email,
      givenName: u.profile.firstName,
      surname: u.profile.lastName,
      externalId: u.id,
      status: 'active',
      joinedOn: dropboxTime(joined),
      files: Math.floor(rand() ** 2 * 5000),
    };
    const role = roleOf(i);
    if (role !== 'member_only') member.role = role;
    if (d === 'none' && st === 'SUSPENDED') {
      member.status = 'suspended';
      member.suspendedOn = dropboxTime(Date.parse(u.statusChanged!) + 600_000);
    } else if (d === 'none' && st === 'DEPROVISIONED') {
      const left = Date.parse(u.statusChanged!);
      if (now - left < 7 * DAY_MS) {
        member.status = 'suspended';
        member.suspendedOn = dropboxTime(left + 600_000);
      } else {
        member.status = 'removed';
        member.removedAt = dropboxTime(left + 7 * DAY_MS + 600_000);
        member.files = 0;
      }
    } else if (d === 'reactivated') {
      member.status = 'suspended';
      member.suspendedOn = dropboxTime(now - between(20, 90) * DAY_MS);
    } else if (d === 'surname') {
      member.surname = pick(LAST_NAMES.filter((l) => l !== u.profile.lastName));
    } else if (d === 'email') {
      const oldLast = pick(LAST_NAMES.filter((l) => l !== u.profile.lastName));
      member.surname = oldLast;
      member.email = `${uniqueLocal(`${slug(u.profile.firstName)}.${slug(oldLast)}`)}@${domain}`;
    } else if (d === 'no_external_id') {
      member.externalId = null;
    } else if (d === 'none' && role === 'member_only' && i >= REGULAR && rand() < 0.01) {
      member.status = 'invited';
      member.invitedOn = dropboxTime(now - between(1, 30) * DAY_MS);
      delete member.joinedOn;
      delete member.accountId;
      member.files = 0;
    }
    members.push(member);
    if (member.status !== 'removed') {
      memberIdOf[i] = member.teamMemberId;
      inGroupsOf[i] = true;
    }
    if (member.status === 'active') activeMemberIdx.push(i);
  }
  // The last support admin was just added to IT Helpdesk in Okta: Dropbox does not know yet.
  if (changeRate > 0) {
    const last = members.find((m) => m.teamMemberId === generatedIds.teamMember(n - 1));
    if (last) delete last.role;
  }
  const unmanagedCount = Math.max(2, Math.round(n * 0.001));
  for (let k = 0; k < unmanagedCount; k++) {
    const idx = n + k;
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    members.push({
      teamMemberId: generatedIds.teamMember(idx),
      accountId: generatedIds.account(idx),
      email: `${uniqueLocal(`${slug(firstName)}.${slug(lastName)}.ext`)}@${domain}`,
      givenName: firstName,
      surname: lastName,
      externalId: null,
      status: 'active',
      joinedOn: dropboxTime(now - between(100, 900) * DAY_MS),
      files: Math.floor(rand() ** 2 * 2000),
    });
  }

  // Okta groups: app assignment and role groups, department groups (not pushed), dbx-team-* (pushed).
  let groupSeq = 0;
  const oktaGroups: SeedOktaGroup[] = [];
  const addOktaGroup = (name: string, description: string, memberIdx: number[]): SeedOktaGroup => {
    const g: SeedOktaGroup = { id: generatedIds.oktaGroup(++groupSeq), name, description, type: 'OKTA_GROUP', members: memberIdx.map(generatedIds.oktaUser) };
    oktaGroups.push(g);
    return g;
  };
  const byAssignment = (kind: 'group' | 'direct') => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (assigned[i] === kind) out.push(i);
    return out;
  };
  const usersGroup = addOktaGroup(GENERATED_GROUP_NAMES.users, 'Assigned to the Dropbox Business app', byAssignment('group'));
  const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
  addOktaGroup(GENERATED_GROUP_NAMES.teamAdmins, 'Dropbox team admins', [0, ...range(adminStart, teamAdminSlots)]);
  addOktaGroup(GENERATED_GROUP_NAMES.userManagementAdmins, 'Dropbox user management admins', range(adminStart + teamAdminSlots, umaSlots));
  addOktaGroup(GENERATED_GROUP_NAMES.supportAdmins, 'Dropbox support admins', range(adminStart + teamAdminSlots + umaSlots, supportSlots));
  const deptMembers: number[][] = departments.map(() => []);
  for (let i = 0; i < n; i++) deptMembers[deptOf[i]!]!.push(i);
  departments.forEach((d, k) => addOktaGroup(`Department ${d}`, `Everyone in ${d}`, deptMembers[k]!));

  const width = Math.max(4, String(groupCount).length);
  const dropboxGroups: SeedDropboxGroup[] = [];
  let dropboxGroupSeq = 0;
  const regularCount = adminStart - REGULAR;
  for (let k = 1; k <= groupCount; k++) {
    const size = 3 + Math.floor(rand() ** 2 * 48);
    const chosen = new Set<number>();
    const start = REGULAR + Math.floor(rand() * regularCount);
    // Teams are mostly neighbours in the tree (close indices), with a few from elsewhere.
    for (let tries = 0; chosen.size < Math.min(size, regularCount) && tries < size * 4; tries++) {
      chosen.add(rand() < 0.8 ? REGULAR + ((start - REGULAR + between(0, size * 2)) % regularCount) : REGULAR + Math.floor(rand() * regularCount));
    }
    const memberIdx = [...chosen].sort((a, b) => a - b);
    const name = `dbx-team-${String(k).padStart(width, '0')}`;
    const og = addOktaGroup(name, `Team ${k}`, memberIdx);
    // With any drift at all, at least one group is newly pushed and one renamed, whatever the size.
    const drifting = changeRate > 0 && groupCount >= 2;
    const r = drifting && k === groupCount ? 0 : drifting && k === groupCount - 1 ? changeRate * 0.12 : rand();
    if (r < changeRate * 0.1) continue; // newly pushed: not in Dropbox yet
    const dbxMembers = memberIdx.filter((i) => inGroupsOf[i]).map((i) => memberIdOf[i]!);
    if (rand() < changeRate && activeMemberIdx.length > 0) {
      if (dbxMembers.length > 0 && rand() < 0.5) dbxMembers.splice(Math.floor(rand() * dbxMembers.length), 1);
      else {
        const extra = memberIdOf[activeMemberIdx[Math.floor(rand() * activeMemberIdx.length)]!]!;
        if (!dbxMembers.includes(extra)) dbxMembers.push(extra);
      }
    }
    dropboxGroups.push({
      groupId: generatedIds.dropboxGroup(++dropboxGroupSeq),
      name: r < changeRate * 0.15 ? `dbx-old-team-${String(k).padStart(width, '0')}` : name,
      externalId: `okta:${og.id}`,
      managementType: 'company_managed',
      members: dbxMembers,
    });
  }
  const someActive = activeMemberIdx.slice(0, 12).map((i) => memberIdOf[i]!);
  dropboxGroups.push({ groupId: generatedIds.dropboxGroup(++dropboxGroupSeq), name: 'Book Club', externalId: null, managementType: 'user_managed', members: someActive.slice(0, 6) });
  dropboxGroups.push({ groupId: generatedIds.dropboxGroup(++dropboxGroupSeq), name: 'Office Plants', externalId: null, managementType: 'user_managed', members: someActive.slice(6) });

  const activeSeats = members.filter((m) => m.status !== 'removed').length;
  return {
    okta: {
      appId: GENERATED_APP_ID,
      appLabel: 'Dropbox Business',
      users,
      groups: oktaGroups,
      appUserIds: byAssignment('direct').map(generatedIds.oktaUser),
      appGroupIds: [usersGroup.id],
    },
    dropbox: {
      teamName: `Synthetic Org ${options.seed ?? 1}`,
      teamId: `dbtid:AAg${pad(options.seed ?? 1, 38)}`,
      numLicensedUsers: Math.ceil(activeSeats * 1.05) + 10,
      authenticatedAdminId: generatedIds.teamMember(0),
      members,
      groups: dropboxGroups,
    },
  };
}

/**
 * The desired-state files that fit a generated org made with the same options (file name → YAML):
 * the app id, a push of every `dbx-` group, the three role groups, offboarding to the manager with
 * the archive account as fallback, and safety limits wide enough for the generated drift.
 */
export function generateDesiredStateYaml(options: GenerateOptions): Record<string, string> {
  checkOptions(options);
  const domain = options.domain ?? GENERATED_DEFAULT_DOMAIN;
  const changeRate = options.changeRate ?? 0.1;
  const accounts = generatedAccounts(domain);
  // Removals come from drifted leavers and unassigned people (about a tenth of the changeRate
  // share), plus the ~1.5% of leavers still in their grace period when planned later than `now`.
  const maxRemovals = Math.max(25, Math.ceil(options.people * (0.02 + changeRate * 0.2)) + 10);
  const maxRemovalPercent = Math.min(100, Math.max(10, Math.ceil((0.02 + changeRate * 0.2) * 100) + 2));
  // About half the drifting groups lose a member; a drifting admin may be demoted (admin slots grow per 25k people).
  const maxGroupMemberRemovals = Math.max(100, Math.ceil((options.groups ?? Math.round(options.people / 50)) * changeRate) + 10);
  const maxRoleDemotions = 15 + Math.floor(options.people / 25_000);
  return {
    'settings.yaml': [
      'version: 1',
      'okta:',
      `  appId: ${GENERATED_APP_ID}`,
      'provisioning:',
      '  sendWelcomeEmail: false',
      '  unassigned: suspend',
      '  unmanagedMembers: report',
      `  protectedMembers: [${accounts.admin}]`,
      'safety:',
      `  maxRemovals: ${maxRemovals}`,
      `  maxRemovalPercent: ${maxRemovalPercent}`,
      `  maxGroupMemberRemovals: ${maxGroupMemberRemovals}`,
      `  maxRoleDemotions: ${maxRoleDemotions}`,
      '  minTeamAdmins: 2',
      '',
    ].join('\n'),
    'groups.yaml': ['groupPushes:', '  - oktaGroupPattern: "^dbx-"', 'pruneGroups: false', ''].join('\n'),
    'roles.yaml': [
      'roles:',
      '  - role: team_admin',
      `    oktaGroups: [${GENERATED_GROUP_NAMES.teamAdmins}]`,
      '  - role: user_management_admin',
      `    oktaGroups: [${GENERATED_GROUP_NAMES.userManagementAdmins}]`,
      '  - role: support_admin',
      `    oktaGroups: [${GENERATED_GROUP_NAMES.supportAdmins}]`,
      '',
    ].join('\n'),
    'offboarding.yaml': [
      'offboarding:',
      '  onSuspended:',
      '    action: suspend',
      '    wipeData: false',
      '  onDeactivated:',
      '    action: remove',
      '    graceDays: 7',
      '    transferTo: manager',
      `    fallbackTransferTo: ${accounts.archive}`,
      `    transferAdmin: ${accounts.admin}`,
      '    keepAccount: false',
      '    retainTeamShares: false',
      '    wipeData: true',
      '  managerAttribute: managerId',
      '',
    ].join('\n'),
  };
}
