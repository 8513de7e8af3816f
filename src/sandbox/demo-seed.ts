/**
 * The demo company, Acme Robotics (/work/notes/demo-company.md, and desired-state/ in the repo):
 * the default seed of `dbxsync sandbox` and the org `dbxsync demo` runs against. A few hundred
 * people, mostly in sync, plus one of each case a reviewer should see in a plan: new hires, leavers
 * (with a manager, without one, on legal hold), a suspended contractor, a reactivated person,
 * profile changes, an email match to adopt, a role grant, an Okta group rename, group drift, a new
 * pushed group, an invited member, an unmanaged member and people awaiting activation.
 *
 * Timestamps are relative to `now`, so the demo tells the same story any day; everything else is
 * fixed (names come from a seeded PRNG), so two seeds made the same day are equal.
 */
import { InternalError } from '../domain/errors.js';
import { seededRandom } from './http.js';
import { FIRST_NAMES, LAST_NAMES } from './generate.js';
import type { SandboxSeed, SeedDropboxGroup, SeedDropboxMember, SeedOktaGroup, SeedOktaUser } from './seed.js';

export const DEMO_DOMAIN = 'acme-robotics.example';
export const DEMO_APP_ID = '0oa1dropbox2bus3ness';
export const DEMO_TEAM_NAME = 'Acme Robotics';

/** Addresses that desired-state/ names. */
export const DEMO_ACCOUNTS = {
  breakglass: `breakglass@${DEMO_DOMAIN}`,
  cto: `cto@${DEMO_DOMAIN}`,
  itAdmin: `it-admin@${DEMO_DOMAIN}`,
  itArchive: `it-archive@${DEMO_DOMAIN}`,
} as const;

/** Okta group names of the demo company, exactly as desired-state/ spells them. */
export const DEMO_GROUPS = {
  users: 'Dropbox Users',
  engineering: 'Engineering',
  sales: 'Sales',
  finance: 'dbx-Finance',
  marketing: 'dbx-Marketing',
  legal: 'dbx-Legal',
  admins: 'Dropbox Admins',
  userAdmins: 'IT User Admins',
  helpdesk: 'IT Helpdesk',
  legalHold: 'Legal Hold',
  contractors: 'Contractors',
  everyone: 'Everyone',
} as const;
type GroupKey = keyof typeof DEMO_GROUPS;

const GROUP_DESCRIPTIONS: Readonly<Record<GroupKey, string>> = {
  users: 'Assigned to the Dropbox Business app',
  engineering: 'Engineering department',
  sales: 'Sales department',
  finance: 'Finance team (pushed to Dropbox)',
  marketing: 'Marketing team (pushed to Dropbox; was dbx-Brand)',
  legal: 'Legal team (pushed to Dropbox)',
  admins: 'Dropbox team admins',
  userAdmins: 'Dropbox user management admins',
  helpdesk: 'Dropbox support admins',
  legalHold: 'People whose data is preserved for litigation: never removed',
  contractors: 'External contractors (assigned to the Dropbox app)',
  everyone: 'All users in the organization',
};

const DAY_MS = 86_400_000;

/** What the Dropbox team holds for a person (absent = not a member). */
interface DemoMember {
  status: 'active' | 'invited' | 'suspended' | 'removed';
  role?: 'team_admin' | 'user_management_admin' | 'support_admin';
  /** Profile as Dropbox still has it, when it differs from Okta. */
  givenName?: string;
  surname?: string;
  emailLocal?: string;
  /** false = no external id yet (matched by email). */
  externalId?: boolean;
  /** Days ago, for suspended / invited / removed members. */
  sinceDays?: number;
}

interface DemoPerson {
  local: string;
  firstName: string;
  lastName: string;
  department: string;
  title: string;
  employeeType: 'Employee' | 'Contractor' | 'Service';
  status: SeedOktaUser['status'];
  /** How the person gets the Dropbox app. */
  assignment: 'group' | 'direct' | 'contractors' | 'none';
  groups: GroupKey[];
  manager: number | null;
  createdDays: number;
  /** Days since the status last changed (default: since activation). */
  statusDays?: number;
  dropbox: DemoMember | null;
  files: number;
}

/** Build the demo company's seed, with timestamps relative to `now`. */
export function demoSeed(now: Date): SandboxSeed {
  const nowMs = now.getTime();
  const rand = seededRandom(20261128);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const people: DemoPerson[] = [];
  const locals = new Set<string>();

  const add = (p: Omit<DemoPerson, 'files' | 'createdDays'> & { files?: number; createdDays?: number }): number => {
    if (locals.has(p.local)) throw new InternalError(`demo seed: duplicate email ${p.local}`);
    locals.add(p.local);
    people.push({ ...p, createdDays: p.createdDays ?? between(120, 2200), files: p.files ?? between(40, 4200) });
    return people.length - 1;
  };
  const inSync = (role?: DemoMember['role']): DemoMember => (role ? { status: 'active', role } : { status: 'active' });
  const filler = (department: string, title: string, groups: GroupKey[], manager: number, count: number): number[] => {
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      let firstName: string;
      let lastName: string;
      let local: string;
      do {
        firstName = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!;
        lastName = LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]!;
        local = `${firstName}.${lastName}`.toLowerCase();
      } while (locals.has(local));
      out.push(add({ local, firstName, lastName, department, title, employeeType: 'Employee', status: 'ACTIVE', assignment: 'group', groups, manager, dropbox: inSync() }));
    }
    return out;
  };
  const person = (
    local: string,
    firstName: string,
    lastName: string,
    department: string,
    title: string,
    manager: number | null,
    groups: GroupKey[],
    extra: Partial<DemoPerson> = {},
  ): number =>
    add({ local, firstName, lastName, department, title, employeeType: 'Employee', status: 'ACTIVE', assignment: 'group', groups, manager, dropbox: inSync(), ...extra });

  // Service accounts and leadership.
  person('breakglass', 'Breakglass', 'Admin', 'IT', 'Emergency access account', null, ['admins'], {
    employeeType: 'Service',
    assignment: 'direct',
    dropbox: inSync('team_admin'),
    files: 0,
    createdDays: 2400,
  });
  person('it-archive', 'IT', 'Archive', 'IT', 'Archive of leavers\u2019 files', null, [], {
    employeeType: 'Service',
    assignment: 'direct',
    files: 15_320,
    createdDays: 2400,
  });
  const ceo = person('morgan.reyes', 'Morgan', 'Reyes', 'Executive', 'Chief Executive Officer', null, []);
  const cto = person('cto', 'Priya', 'Raman', 'Engineering', 'Chief Technology Officer', ceo, ['engineering'], { dropbox: inSync('team_admin') });
  const vpSales = person('daniel.okafor', 'Daniel', 'Okafor', 'Sales', 'VP Sales', ceo, ['sales']);
  const vpMarketing = person('sofia.laurent', 'Sofia', 'Laurent', 'Marketing', 'VP Marketing', ceo, ['marketing']);
  const cfo = person('hiroshi.sato', 'Hiroshi', 'Sato', 'Finance', 'Chief Financial Officer', ceo, ['finance']);
  const counsel = person('amara.osei', 'Amara', 'Osei', 'Legal', 'General Counsel', ceo, ['legal', 'legalHold']);
  const itDirector = person('dana.whitfield', 'Dana', 'Whitfield', 'IT', 'IT Director', ceo, ['admins'], { dropbox: inSync('team_admin') });
  const opsLead = person('lucia.romano', 'Lucia', 'Romano', 'Operations', 'Head of Operations', ceo, []);

  // IT: the token's admin, user admins and the helpdesk (one just joined it: a role grant).
  person('it-admin', 'IT', 'Admin', 'IT', 'Dropbox administration account', itDirector, ['admins'], {
    employeeType: 'Service',
    dropbox: inSync('team_admin'),
    files: 12,
  });
  person('sam.nakamura', 'Sam', 'Nakamura', 'IT', 'Identity Engineer', itDirector, ['userAdmins'], { dropbox: inSync('user_management_admin') });
  person('fatima.haddad', 'Fatima', 'Haddad', 'IT', 'Identity Engineer', itDirector, ['userAdmins'], { dropbox: inSync('user_management_admin') });
  person('leo.martin', 'Leo', 'Martin', 'IT', 'Helpdesk Lead', itDirector, ['helpdesk'], { dropbox: inSync('support_admin') });
  person('nora.eriksen', 'Nora', 'Eriksen', 'IT', 'Helpdesk Analyst', itDirector, ['helpdesk'], { dropbox: inSync('support_admin') });
  person('tariq.hassan', 'Tariq', 'Hassan', 'IT', 'Helpdesk Analyst', itDirector, ['helpdesk'], { createdDays: 400 });
  filler('IT', 'Systems Engineer', [], itDirector, 3);

  // Engineering: managers, then their teams.
  const engManagers = [
    person('kenji.watanabe', 'Kenji', 'Watanabe', 'Engineering', 'Engineering Manager, Robotics', cto, ['engineering']),
    person('elena.petrova', 'Elena', 'Petrova', 'Engineering', 'Engineering Manager, Firmware', cto, ['engineering']),
    person('marcus.bell', 'Marcus', 'Bell', 'Engineering', 'Engineering Manager, Platform', cto, ['engineering']),
    person('aisha.bello', 'Aisha', 'Bello', 'Engineering', 'Engineering Manager, Vision', cto, ['engineering']),
    person('jonas.berg', 'Jonas', 'Berg', 'Engineering', 'Engineering Manager, QA', cto, ['engineering']),
  ];
  const engineers = engManagers.flatMap((m) => filler('Engineering', 'Software Engineer', ['engineering'], m, 20));

  // Sales, Marketing, Finance, Legal, Operations.
  const salesManagers = [
    person('carla.mendes', 'Carla', 'Mendes', 'Sales', 'Sales Manager, EMEA', vpSales, ['sales']),
    person('ryan.obrien', 'Ryan', "O'Brien", 'Sales', 'Sales Manager, Americas', vpSales, ['sales']),
    person('mei.lin', 'Mei', 'Lin', 'Sales', 'Sales Manager, APAC', vpSales, ['sales']),
  ];
  salesManagers.forEach((m) => filler('Sales', 'Account Executive', ['sales'], m, 12));
  filler('Marketing', 'Marketing Specialist', ['marketing'], vpMarketing, 16);
  filler('Finance', 'Financial Analyst', ['finance'], cfo, 11);
  filler('Legal', 'Legal Counsel', ['legal'], counsel, 4);
  filler('Legal', 'Paralegal', ['legal', 'legalHold'], counsel, 2);
  const operations = filler('Operations', 'Operations Specialist', [], opsLead, 20);
  filler('People', 'People Partner', [], opsLead, 6);

  // Contractors: assigned through the Contractors group.
  const contractor = (local: string, first: string, last: string, extra: Partial<DemoPerson> = {}) =>
    person(local, first, last, 'Engineering', 'Contract Engineer', engManagers[2]!, ['contractors'], { employeeType: 'Contractor', assignment: 'contractors', ...extra });
  for (const [first, last] of [['Bruno', 'Costa'], ['Chloe', 'Dubois'], ['Erik', 'Hansen'], ['Hana', 'Kowalski'], ['Ivan', 'Petrov'], ['Jade', 'Ng'], ['Karim', 'Silva'], ['Lara', 'Novak'], ['Mateo', 'Ramos'], ['Olga', 'Varga']] as const) {
    contractor(`${first}.${last}`.toLowerCase(), first, last, { createdDays: between(30, 300) });
  }

  // People who don't use Dropbox: not assigned, not members.
  person('facilities.kiosk', 'Facilities', 'Kiosk', 'Operations', 'Lobby kiosk account', opsLead, [], { employeeType: 'Service', assignment: 'none', dropbox: null });
  person('wei.zhang', 'Wei', 'Zhang', 'Operations', 'Warehouse Lead', opsLead, [], { assignment: 'none', dropbox: null });

  // --- The cases a plan should show. ---
  // New hires: assigned and ACTIVE, not in Dropbox yet.
  person('lena.fischer', 'Lena', 'Fischer', 'Engineering', 'Software Engineer', engManagers[0]!, ['engineering'], { createdDays: 3, dropbox: null });
  person('omar.farouk', 'Omar', 'Farouk', 'Sales', 'Account Executive', salesManagers[0]!, ['sales'], { createdDays: 2, dropbox: null });
  person('yuki.tanaka', 'Yuki', 'Tanaka', 'Marketing', 'Brand Designer', vpMarketing, ['marketing'], { createdDays: 4, dropbox: null });
  // Waiting for activation: STAGED and PROVISIONED.
  person('ana.costa', 'Ana', 'Costa', 'Engineering', 'Software Engineer (starts next week)', engManagers[1]!, ['engineering'], { status: 'STAGED', createdDays: 5, dropbox: null });
  person('felix.wagner', 'Felix', 'Wagner', 'Finance', 'Financial Analyst (starts next month)', cfo, ['finance'], { status: 'STAGED', createdDays: 1, dropbox: null });
  person('ben.adeyemi', 'Ben', 'Adeyemi', 'Sales', 'Account Executive', salesManagers[1]!, ['sales'], { status: 'PROVISIONED', createdDays: 6, statusDays: 2, dropbox: null });
  // Leavers (deactivated 12 days ago: past a 7-day grace period too).
  person('tom.becker', 'Tom', 'Becker', 'Engineering', 'Senior Software Engineer', engManagers[0]!, ['engineering'], {
    status: 'DEPROVISIONED',
    statusDays: 12,
    files: 1834,
  });
  person('rita.sousa', 'Rita', 'Sousa', 'Marketing', 'Content Strategist', null, ['marketing'], { status: 'DEPROVISIONED', statusDays: 12, files: 612 });
  person('victor.hale', 'Victor', 'Hale', 'Legal', 'Senior Legal Counsel', counsel, ['legal', 'legalHold'], { status: 'DEPROVISIONED', statusDays: 12, files: 2950 });
  // An old leaver, offboarded long ago: removed in Dropbox, nothing to do.
  person('carl.jensen', 'Carl', 'Jensen', 'Sales', 'Account Executive', salesManagers[2]!, ['sales'], {
    status: 'DEPROVISIONED',
    statusDays: 210,
    dropbox: { status: 'removed', sinceDays: 210 },
    files: 0,
  });
  // A contractor suspended in Okta three days ago, still active in Dropbox.
  contractor('kai.lindqvist', 'Kai', 'Lindqvist', { status: 'SUSPENDED', statusDays: 3, files: 740, createdDays: 150 });
  // Back from leave: ACTIVE in Okta again yesterday, still suspended in Dropbox.
  person('ines.moreau', 'Ines', 'Moreau', 'Sales', 'Account Executive', salesManagers[0]!, ['sales'], {
    statusDays: 1,
    dropbox: { status: 'suspended', sinceDays: 95 },
  });
  // Profile changes: a new surname and email; a new given name.
  person('hannah.weber', 'Hannah', 'Weber', 'Finance', 'Controller', cfo, ['finance'], {
    dropbox: { status: 'active', surname: 'Schulz', emailLocal: 'hannah.schulz' },
  });
  person('alexandra.ivanova', 'Alexandra', 'Ivanova', 'Engineering', 'Staff Engineer', engManagers[3]!, ['engineering'], {
    dropbox: { status: 'active', givenName: 'Alex' },
  });
  // A member added by hand before dbxsync: no external id, same email as the Okta user.
  person('pedro.alves', 'Pedro', 'Alves', 'Operations', 'Logistics Coordinator', opsLead, [], { dropbox: { status: 'active', externalId: false } });
  // Invited four days ago, not joined yet.
  person('grace.kim', 'Grace', 'Kim', 'Finance', 'Financial Analyst', cfo, ['finance'], { createdDays: 6, dropbox: { status: 'invited', sinceDays: 4 }, files: 0 });
  // A lockout and an expired password are still active people: nothing to do.
  person('nikhil.reddy', 'Nikhil', 'Reddy', 'Engineering', 'Software Engineer', engManagers[4]!, ['engineering'], { status: 'LOCKED_OUT', statusDays: 1 });
  person('zoe.walker', 'Zoe', 'Walker', 'Sales', 'Sales Engineer', salesManagers[1]!, ['sales'], { status: 'PASSWORD_EXPIRED', statusDays: 2 });

  // Okta side.
  const oktaId = (i: number) => `00uacme${i.toString(36).padStart(13, '0')}`;
  const groupKeys = Object.keys(DEMO_GROUPS) as GroupKey[];
  const oktaGroupId = (key: GroupKey) => `00gacme${(groupKeys.indexOf(key) + 1).toString(36).padStart(13, '0')}`;
  const email = (local: string) => `${local}@${DEMO_DOMAIN}`;
  // Whole days ago at a given hour (UTC), never later than a minute ago.
  const at = (daysAgo: number, hour = 9) => new Date(Math.min(nowMs - 60_000, nowMs - daysAgo * DAY_MS - (nowMs % DAY_MS) + hour * 3_600_000));
  const oktaTime = (d: Date) => d.toISOString();
  const dropboxTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const users: SeedOktaUser[] = people.map((p, i) => {
    const created = at(p.createdDays, 8);
    const activated = p.status === 'STAGED' || p.status === 'PROVISIONED' ? null : at(Math.max(0, p.createdDays - 1), 9);
    const statusChanged = p.statusDays !== undefined ? at(p.statusDays, 16) : p.status === 'STAGED' ? null : activated;
    const profile: SeedOktaUser['profile'] = {
      login: email(p.local),
      email: email(p.local),
      firstName: p.firstName,
      lastName: p.lastName,
      displayName: `${p.firstName} ${p.lastName}`,
      department: p.department,
      title: p.title,
      employeeType: p.employeeType,
      employeeNumber: String(1000 + i),
    };
    if (p.manager !== null) profile.managerId = oktaId(p.manager);
    const times = [created, activated, statusChanged].filter((d): d is Date => d !== null);
    return {
      id: oktaId(i),
      status: p.status,
      created: oktaTime(created),
      activated: activated && oktaTime(activated),
      statusChanged: statusChanged && oktaTime(statusChanged),
      lastUpdated: oktaTime(new Date(Math.max(...times.map((d) => d.getTime())))),
      profile,
    };
  });

  const membersOf = (key: GroupKey): number[] => {
    switch (key) {
      case 'users':
        return people.flatMap((p, i) => (p.assignment === 'group' ? [i] : []));
      case 'contractors':
        return people.flatMap((p, i) => (p.assignment === 'contractors' ? [i] : []));
      case 'everyone':
        return people.map((_, i) => i);
      default:
        return people.flatMap((p, i) => (p.groups.includes(key) ? [i] : []));
    }
  };
  const oktaGroups: SeedOktaGroup[] = groupKeys.map((key) => ({
    id: oktaGroupId(key),
    name: DEMO_GROUPS[key],
    description: GROUP_DESCRIPTIONS[key],
    type: key === 'everyone' ? 'BUILT_IN' : 'OKTA_GROUP',
    members: membersOf(key).map(oktaId),
  }));

  // Dropbox side.
  const memberId = (i: number) => `dbmid:AAacme${i.toString(36).padStart(34, '0')}`;
  const members: SeedDropboxMember[] = [];
  const inTeam = new Set<number>();
  people.forEach((p, i) => {
    const d = p.dropbox;
    if (!d) return;
    const u = users[i]!;
    const joined = at(Math.max(0, p.createdDays - 2), 10);
    const member: SeedDropboxMember = {
      teamMemberId: memberId(i),
      accountId: `dbid:AAacme${i.toString(36).padStart(35, '0')}`,
      email: email(d.emailLocal ?? p.local),
      givenName: d.givenName ?? p.firstName,
      surname: d.surname ?? p.lastName,
      externalId: d.externalId === false ? null : u.id,
      status: d.status,
      joinedOn: dropboxTime(joined),
      files: p.files,
    };
    if (d.role) member.role = d.role;
    const since = d.sinceDays !== undefined ? at(d.sinceDays, 11) : null;
    if (d.status === 'suspended' && since) member.suspendedOn = dropboxTime(since);
    if (d.status === 'invited') {
      delete member.accountId;
      delete member.joinedOn;
      member.invitedOn = dropboxTime(since ?? at(1));
    }
    if (d.status === 'removed') {
      member.removedAt = dropboxTime(since ?? at(30));
      member.isRecoverable = false;
    }
    members.push(member);
    if (d.status !== 'removed') inTeam.add(i);
  });
  // Someone Okta has never known: a freelancer added by hand in the Dropbox admin console.
  const unmanagedId = `dbmid:AAacme${'unmanaged1'.padStart(34, '0')}`;
  members.push({
    teamMemberId: unmanagedId,
    accountId: `dbid:AAacme${'unmanaged1'.padStart(35, '0')}`,
    email: email('jordan.blake'),
    givenName: 'Jordan',
    surname: 'Blake',
    externalId: null,
    status: 'active',
    joinedOn: dropboxTime(at(400, 10)),
    files: 388,
  });

  // Pushed groups as dbxsync left them, then drift.
  const pushed = (key: GroupKey) => membersOf(key).filter((i) => inTeam.has(i));
  const engineeringMembers = pushed('engineering');
  // Moved into Engineering this week (not yet in the Dropbox group), and moved out of it (still in it).
  const movedIn = engineers[7]!;
  const movedOut = operations[0]!;
  const groupIdOf = (k: number) => `g:acme${k.toString(16).padStart(28, '0')}`;
  const dropboxGroups: SeedDropboxGroup[] = [
    {
      groupId: groupIdOf(1),
      name: 'Engineering',
      externalId: `okta:${oktaGroupId('engineering')}`,
      managementType: 'company_managed',
      members: [...engineeringMembers.filter((i) => i !== movedIn), movedOut].map(memberId),
    },
    { groupId: groupIdOf(2), name: 'Sales Team', externalId: `okta:${oktaGroupId('sales')}`, managementType: 'company_managed', members: pushed('sales').map(memberId) },
    { groupId: groupIdOf(3), name: 'dbx-Finance', externalId: `okta:${oktaGroupId('finance')}`, managementType: 'company_managed', members: pushed('finance').map(memberId) },
    // Renamed in Okta from dbx-Brand to dbx-Marketing; the new hire is not in it yet.
    { groupId: groupIdOf(4), name: 'dbx-Brand', externalId: `okta:${oktaGroupId('marketing')}`, managementType: 'company_managed', members: pushed('marketing').map(memberId) },
    // dbx-Legal is pushed for the first time: not in Dropbox yet.
    {
      groupId: groupIdOf(5),
      name: 'Book Club',
      externalId: null,
      managementType: 'user_managed',
      members: [engineers[3]!, engineers[21]!, engineers[40]!, movedOut].filter((i) => inTeam.has(i)).map(memberId).concat(unmanagedId),
    },
    { groupId: groupIdOf(6), name: `Everyone at ${DEMO_TEAM_NAME}`, externalId: null, managementType: 'system_managed', members: [] },
  ];

  const admin = people.findIndex((p) => p.local === 'it-admin');
  return {
    okta: {
      appId: DEMO_APP_ID,
      appLabel: 'Dropbox Business',
      users,
      groups: oktaGroups,
      appUserIds: people.flatMap((p, i) => (p.assignment === 'direct' ? [oktaId(i)] : [])),
      appGroupIds: [oktaGroupId('users'), oktaGroupId('contractors')],
    },
    dropbox: {
      teamName: DEMO_TEAM_NAME,
      teamId: 'dbtid:AAacme0robotics0team0000000000000000001',
      numLicensedUsers: 300,
      authenticatedAdminId: memberId(admin),
      members,
      groups: dropboxGroups,
    },
  };
}
