/**
 * The four files of a dumped desired state, laid out like desired-state/ in this repository:
 * settings.yaml, groups.yaml, roles.yaml, offboarding.yaml, each with the schema line and comments
 * that say where every value came from and what to review.
 */
import type { GroupDecisions } from './groups.js';
import type { HeldBackMember } from './held-back.js';
import { ADMIN_ROLES, type AdminGrant } from './roles.js';
import { comment, commentText, scalar, SCHEMA_LINE } from './yaml-text.js';
import { plural } from '../text/words.js';

/** What the files are made of: the decisions of the dump, ready to write. */
export interface DumpContent {
  readonly teamName: string;
  readonly appId: string;
  /** The email of the admin whose token ran the dump, when Dropbox says who that is. */
  readonly tokenAdmin: string | null;
  readonly heldBack: readonly HeldBackMember[];
  readonly activeTeamAdmins: number;
  readonly groups: GroupDecisions;
  readonly admins: readonly AdminGrant[];
  /** Identity matches the planner will refuse (see TeamLinks.problems): the CLI prints them. */
  readonly identityProblems: readonly string[];
}

function file(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

function header(...lines: string[]): string[] {
  return [SCHEMA_LINE, '#', ...comment('', ...lines), ''];
}

export function settingsFile(c: DumpContent): string {
  const lines = header(
    `How Okta people become members of the Dropbox team ${c.teamName}, and the safety limits on every`,
    'plan. Written by `dbxsync dump` from the live team with adoption defaults: review every value.',
  );
  lines.push('version: 1', '', 'okta:');
  lines.push(...comment('  ', 'The Dropbox Business app instance in Okta: everyone assigned to it is a Dropbox member.'));
  lines.push(`  appId: ${scalar(c.appId)}`, '', 'provisioning:');
  lines.push(...comment('  ', "Silent provisioning: Dropbox's welcome email is not sent to the people dbxsync adds."));
  lines.push('  sendWelcomeEmail: false');
  lines.push(...comment('  ', 'Dropbox field <- Okta profile attribute (Okta\'s standard attributes).'));
  lines.push('  profile:', '    givenName: firstName', '    surname: lastName', '    email: email');
  lines.push(
    ...comment(
      '  ',
      'Members active in Okta but not assigned to the app are left alone while you adopt dbxsync;',
      'set suspend once the app\'s assignments in Okta are complete.',
    ),
  );
  lines.push('  unassigned: ignore');
  lines.push(...comment('  ', 'Dropbox members that Okta does not know are listed in every plan, never removed.'));
  lines.push('  unmanagedMembers: report');
  lines.push(...comment('  ', 'Never suspended, removed, demoted or changed by dbxsync.'));
  const protectedLines: string[] = [];
  if (c.tokenAdmin !== null) {
    protectedLines.push(...comment('    ', 'The admin whose token ran `dbxsync dump`.'), `    - ${scalar(c.tokenAdmin)}`);
  }
  for (const m of c.heldBack) {
    if (m.email === c.tokenAdmin) continue;
    protectedLines.push(
      ...comment(
        '    ',
        `Held back on adoption: ${m.oktaStatus} in Okta${m.since === null ? '' : ` since ${m.since}`} (${m.oktaUserId}) but still in Dropbox.`,
        'Delete this line to let offboarding.yaml apply.',
      ),
      `    - ${scalar(m.email)}`,
    );
  }
  if (protectedLines.length === 0) lines.push('  protectedMembers: []');
  else lines.push('  protectedMembers:', ...protectedLines);
  lines.push('', 'safety:');
  lines.push(...comment('  ', 'One plan removes or suspends at most 25 people, and at most 10 % of the active members.'));
  lines.push('  maxRemovals: 25', '  maxRemovalPercent: 10');
  lines.push(...comment('  ', `A plan that leaves fewer active team admins is refused (the team has ${c.activeTeamAdmins} today).`));
  lines.push(`  minTeamAdmins: ${Math.min(2, c.activeTeamAdmins)}`);
  return file(lines);
}

export function groupsFile(c: DumpContent): string {
  const lines = header(
    'Which Okta groups become Dropbox groups. Written by `dbxsync dump` from the live team.',
    "A push makes the Dropbox group's membership follow the Okta group: only groups whose members",
    'are all in their Okta group already are pushed, so the first plan removes nobody from a group.',
  );
  const { pushes, leftAlone } = c.groups;
  if (pushes.length === 0) {
    lines.push(...comment('', 'No Dropbox group matches an Okta group without losing members (see the list below).'), 'groupPushes: []');
  } else {
    lines.push('groupPushes:');
    for (const p of pushes) {
      const found =
        p.how === 'marker'
          ? `Dropbox group ${p.dropboxName} carries this Okta group's id`
          : `Dropbox group ${p.dropboxName} has the same name: adopted (the first plan sets its external id)`;
      const adds = p.additions === 0 ? '' : `; the first plan adds ${plural(p.additions, 'team member', 'team members')} of the Okta group to it`;
      lines.push(...comment('  ', `${found}; nobody is removed from it${adds}.`));
      lines.push(`  - oktaGroup: ${scalar(p.oktaGroup)}`);
      if (p.dropboxGroup !== null) lines.push(`    dropboxGroup: ${scalar(p.dropboxGroup)}`);
    }
  }
  lines.push('', ...comment('', 'Deleting a Dropbox group is irreversible: groups no push names any more are kept.'), 'pruneGroups: false');
  if (leftAlone.length > 0) {
    lines.push('', ...comment('', 'Dropbox groups left alone (no push names them, so dbxsync never changes them):'));
    for (const g of leftAlone) lines.push(`#   - ${commentText(g.dropboxName)}: ${commentText(g.why)}`);
  }
  return file(lines);
}

export function rolesFile(c: DumpContent): string {
  const lines = header(
    'Dropbox admin roles. Written by `dbxsync dump` from the live team: every current admin keeps the',
    'role they hold. The highest role a person qualifies for wins:',
    'team_admin > user_management_admin > support_admin > member_only.',
    'Everyone else dbxsync manages is member_only. Admins that no Okta user matches are not changed.',
    'Later, move people into Okta groups (oktaGroups: [...]) so that Okta decides who is an admin.',
  );
  const byRole = ADMIN_ROLES.map((role) => ({ role, grants: c.admins.filter((a) => a.role === role) })).filter((r) => r.grants.length > 0);
  if (byRole.length === 0) {
    lines.push(...comment('', 'The team has no admin in these roles.'), 'roles: []');
    return file(lines);
  }
  lines.push('roles:');
  for (const { role, grants } of byRole) {
    lines.push(`  - role: ${role}`, '    users:');
    for (const g of grants) {
      if (g.note !== null) lines.push(...comment('      ', g.note));
      lines.push(`      - ${scalar(g.entry)}`);
    }
  }
  return file(lines);
}

export function offboardingFile(c: DumpContent): string {
  const lines = header(
    "What happens to a Dropbox account when its owner leaves. Written by `dbxsync dump` with safe",
    'defaults: accounts are suspended, nothing is removed, transferred or wiped. Review with IT and HR.',
  );
  lines.push('offboarding:');
  lines.push(...comment('  ', 'Okta SUSPENDED: suspended in Dropbox, devices keep their data; unsuspending restores everything.'));
  lines.push('  onSuspended:', '    action: suspend', '    wipeData: false');
  lines.push(
    ...comment(
      '  ',
      'Okta DEPROVISIONED (the person has left): suspended, so nothing is lost. To remove the account',
      "instead, with its files going to the manager, set action: remove and review the lines below.",
    ),
  );
  lines.push('  onDeactivated:', '    action: suspend', '    graceDays: 0', '    transferTo: manager');
  if (c.tokenAdmin !== null) {
    lines.push(...comment('    ', 'Dropbox tells this admin when a transfer fails (the admin whose token ran `dbxsync dump`).'));
    lines.push(`    transferAdmin: ${scalar(c.tokenAdmin)}`);
  }
  lines.push('    keepAccount: false', '    retainTeamShares: false', '    wipeData: false');
  lines.push(...comment('  ', "Okta's standard manager attribute (the manager's Okta id, login or email)."));
  lines.push('  managerAttribute: managerId');
  return file(lines);
}
