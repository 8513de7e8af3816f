/**
 * `dbxsync dump`, the pure part: the live Okta and Dropbox states → the YAML files of a desired
 * state that adopts the team as it is, so that the first plan holds no destructive change (no
 * removal, suspension, demotion, group member removal or group deletion). Deterministic: the same
 * inputs give byte-equal files.
 */
import type { DropboxState, OktaState } from '../domain/live.js';
import { decideGroups } from './groups.js';
import { heldBackMembers } from './held-back.js';
import { linkTeam } from './identity.js';
import { groupsFile, offboardingFile, rolesFile, settingsFile, type DumpContent } from './render-files.js';
import { adminGrants } from './roles.js';

export interface DumpInput {
  readonly okta: OktaState;
  readonly dropbox: DropboxState;
  /** The Dropbox Business app instance in Okta (settings.yaml okta.appId). */
  readonly appId: string;
}

/** The files a dump writes, in the order they are listed. */
export const DUMP_FILES = ['settings.yaml', 'groups.yaml', 'roles.yaml', 'offboarding.yaml'] as const;

/** The decisions behind the files, for the CLI's summary and for tests. */
export function dumpContent(input: DumpInput): DumpContent {
  const links = linkTeam(input.okta, input.dropbox);
  const adminId = input.dropbox.authenticatedAdminId;
  const admin = adminId === null ? undefined : links.liveMembers.get(adminId);
  let activeTeamAdmins = 0;
  for (const m of links.liveMembers.values()) if (m.status === 'active' && m.role === 'team_admin') activeTeamAdmins++;
  return {
    teamName: input.dropbox.teamName,
    appId: input.appId,
    tokenAdmin: admin === undefined ? null : admin.emailKey,
    heldBack: heldBackMembers(links),
    activeTeamAdmins,
    groups: decideGroups(input.okta, input.dropbox, links),
    admins: adminGrants(links),
    identityProblems: links.problems,
  };
}

/** File name → YAML text, one entry per file of {@link DUMP_FILES}. */
export type DumpFiles = Record<(typeof DUMP_FILES)[number], string>;

/** File name → YAML text. */
export function dumpDesiredState(input: DumpInput): DumpFiles {
  return renderDump(dumpContent(input));
}

/** The files of decisions already made (the CLI prints a summary of the same decisions). */
export function renderDump(content: DumpContent): DumpFiles {
  return {
    'settings.yaml': settingsFile(content),
    'groups.yaml': groupsFile(content),
    'roles.yaml': rolesFile(content),
    'offboarding.yaml': offboardingFile(content),
  };
}
