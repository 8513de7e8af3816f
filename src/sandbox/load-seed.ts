/**
 * Reading a seed file (`dbxsync sandbox --seed FILE`): JSON or YAML, checked field by field and
 * across references, so a bad seed is one clear line naming the file and the field rather than a
 * sandbox that misbehaves later.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ROLES_HIGHEST_FIRST } from '../domain/desired.js';
import { UsageError } from '../domain/errors.js';
import { OKTA_USER_STATUSES } from '../domain/live.js';
import type { SandboxSeed } from './seed.js';
import type { Obj } from '../transport/shape.js';

const OKTA_STATUSES: ReadonlySet<string> = new Set(OKTA_USER_STATUSES);
const OKTA_GROUP_TYPES = new Set(['OKTA_GROUP', 'APP_GROUP', 'BUILT_IN']);
const MEMBER_STATUSES = new Set(['active', 'invited', 'suspended', 'removed']);
const ROLES: ReadonlySet<string> = new Set(ROLES_HIGHEST_FIRST);
const MANAGEMENT_TYPES = new Set(['company_managed', 'user_managed', 'system_managed']);

/** Thrown with the first problem found; `message` is `file: field: problem`. */
class SeedProblem extends Error {
  override name = 'SeedProblem';
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, at: string): Obj {
  if (!isObj(v)) throw new SeedProblem(`${at}: must be an object`);
  return v;
}

function arr(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw new SeedProblem(`${at}: must be a list`);
  return v;
}

function str(o: Obj, key: string, at: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new SeedProblem(`${at}.${key}: must be a non-empty string`);
  return v;
}

function optStr(o: Obj, key: string, at: string, nullable = false): void {
  const v = o[key];
  if (v === undefined || (nullable && v === null)) return;
  if (typeof v !== 'string') throw new SeedProblem(`${at}.${key}: must be a string${nullable ? ' or null' : ''}`);
}

function optTime(o: Obj, key: string, at: string): void {
  optStr(o, key, at, true);
  const v = o[key];
  if (typeof v === 'string' && Number.isNaN(Date.parse(v))) throw new SeedProblem(`${at}.${key}: not an ISO-8601 time: ${JSON.stringify(v)}`);
}

function oneOf(o: Obj, key: string, allowed: ReadonlySet<string>, at: string, required: boolean): void {
  const v = o[key];
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || !allowed.has(v)) throw new SeedProblem(`${at}.${key}: must be one of ${[...allowed].join(', ')}, got ${JSON.stringify(v)}`);
}

function idList(v: unknown, at: string, known: ReadonlySet<string>, what: string): void {
  const seen = new Set<string>();
  arr(v, at).forEach((id, k) => {
    if (typeof id !== 'string') throw new SeedProblem(`${at}[${k}]: must be a string`);
    if (!known.has(id)) throw new SeedProblem(`${at}[${k}]: no ${what} with id ${id}`);
    if (seen.has(id)) throw new SeedProblem(`${at}[${k}]: ${id} is listed twice`);
    seen.add(id);
  });
}

function checkOkta(value: unknown): void {
  const okta = obj(value, 'okta');
  str(okta, 'appId', 'okta');
  optStr(okta, 'appLabel', 'okta');
  const userIds = new Set<string>();
  const logins = new Set<string>();
  arr(okta.users, 'okta.users').forEach((u, k) => {
    const at = `okta.users[${k}]`;
    const user = obj(u, at);
    const id = str(user, 'id', at);
    if (userIds.has(id)) throw new SeedProblem(`${at}.id: duplicate id ${id}`);
    userIds.add(id);
    oneOf(user, 'status', OKTA_STATUSES, at, true);
    for (const key of ['created', 'activated', 'statusChanged', 'lastUpdated']) optTime(user, key, at);
    const profile = obj(user.profile, `${at}.profile`);
    for (const key of ['login', 'email', 'firstName', 'lastName']) str(profile, key, `${at}.profile`);
    const login = (profile.login as string).toLowerCase();
    if (logins.has(login)) throw new SeedProblem(`${at}.profile.login: duplicate login ${login}`);
    logins.add(login);
  });
  const groupIds = new Set<string>();
  arr(okta.groups, 'okta.groups').forEach((g, k) => {
    const at = `okta.groups[${k}]`;
    const group = obj(g, at);
    const id = str(group, 'id', at);
    if (groupIds.has(id)) throw new SeedProblem(`${at}.id: duplicate id ${id}`);
    groupIds.add(id);
    str(group, 'name', at);
    optStr(group, 'description', at);
    oneOf(group, 'type', OKTA_GROUP_TYPES, at, false);
    for (const key of ['created', 'lastUpdated', 'lastMembershipUpdated']) optTime(group, key, at);
    idList(group.members, `${at}.members`, userIds, 'Okta user');
  });
  idList(okta.appUserIds, 'okta.appUserIds', userIds, 'Okta user');
  idList(okta.appGroupIds, 'okta.appGroupIds', groupIds, 'Okta group');
}

function checkDropbox(value: unknown): void {
  const dropbox = obj(value, 'dropbox');
  str(dropbox, 'teamName', 'dropbox');
  optStr(dropbox, 'teamId', 'dropbox');
  if (dropbox.numLicensedUsers !== undefined && !(Number.isInteger(dropbox.numLicensedUsers) && (dropbox.numLicensedUsers as number) >= 0)) {
    throw new SeedProblem('dropbox.numLicensedUsers: must be a whole number');
  }
  const memberIds = new Map<string, Obj>();
  const emails = new Set<string>();
  arr(dropbox.members, 'dropbox.members').forEach((m, k) => {
    const at = `dropbox.members[${k}]`;
    const member = obj(m, at);
    const id = str(member, 'teamMemberId', at);
    if (memberIds.has(id)) throw new SeedProblem(`${at}.teamMemberId: duplicate id ${id}`);
    memberIds.set(id, member);
    const email = str(member, 'email', at).toLowerCase();
    if (!email.includes('@')) throw new SeedProblem(`${at}.email: not an email address: ${email}`);
    str(member, 'givenName', at);
    str(member, 'surname', at);
    optStr(member, 'accountId', at);
    optStr(member, 'externalId', at, true);
    oneOf(member, 'status', MEMBER_STATUSES, at, true);
    oneOf(member, 'role', ROLES, at, false);
    for (const key of ['removedAt', 'invitedOn', 'joinedOn', 'suspendedOn']) optTime(member, key, at);
    for (const key of ['isRecoverable', 'isDisconnected', 'emailVerified']) {
      if (member[key] !== undefined && typeof member[key] !== 'boolean') throw new SeedProblem(`${at}.${key}: must be true or false`);
    }
    if (member.files !== undefined && !(Number.isInteger(member.files) && (member.files as number) >= 0)) {
      throw new SeedProblem(`${at}.files: must be a whole number`);
    }
    // Removed members give their email back; every other member holds it exclusively.
    if (member.status !== 'removed') {
      if (emails.has(email)) throw new SeedProblem(`${at}.email: ${email} belongs to another member`);
      emails.add(email);
    }
  });
  const groupIds = new Set<string>();
  const knownMembers = new Set(memberIds.keys());
  arr(dropbox.groups, 'dropbox.groups').forEach((g, k) => {
    const at = `dropbox.groups[${k}]`;
    const group = obj(g, at);
    const id = str(group, 'groupId', at);
    if (groupIds.has(id)) throw new SeedProblem(`${at}.groupId: duplicate id ${id}`);
    groupIds.add(id);
    str(group, 'name', at);
    optStr(group, 'externalId', at, true);
    oneOf(group, 'managementType', MANAGEMENT_TYPES, at, false);
    idList(group.members, `${at}.members`, knownMembers, 'team member');
  });
  if (dropbox.otherTeamEmails !== undefined) {
    arr(dropbox.otherTeamEmails, 'dropbox.otherTeamEmails').forEach((e, k) => {
      if (typeof e !== 'string' || !e.includes('@')) throw new SeedProblem(`dropbox.otherTeamEmails[${k}]: not an email address`);
      if (emails.has(e.toLowerCase())) throw new SeedProblem(`dropbox.otherTeamEmails[${k}]: ${e} belongs to a member of this team`);
    });
  }
  const adminId = str(dropbox, 'authenticatedAdminId', 'dropbox');
  const admin = memberIds.get(adminId);
  if (!admin) throw new SeedProblem(`dropbox.authenticatedAdminId: no team member with id ${adminId}`);
  if (admin.status !== 'active' || admin.role !== 'team_admin') {
    throw new SeedProblem(`dropbox.authenticatedAdminId: ${adminId} must be an active team_admin (is ${String(admin.status)} ${String(admin.role ?? 'member_only')})`);
  }
}

/**
 * Check that `value` is a well-formed {@link SandboxSeed} whose references hold (group members,
 * app assignments, the authenticated admin). Throws UsageError `source: field: problem`.
 */
export function validateSeed(value: unknown, source: string): SandboxSeed {
  try {
    const seed = obj(value, 'seed');
    checkOkta(seed.okta);
    checkDropbox(seed.dropbox);
    return value as SandboxSeed;
  } catch (err) {
    if (err instanceof SeedProblem) throw new UsageError(`${source}: ${err.message}`, { cause: err });
    throw err;
  }
}

/** Read a seed from a .json, .yaml or .yml file (anything else is tried as JSON, then YAML). */
export async function loadSeed(path: string): Promise<SandboxSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read seed file ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message}`, { cause: err });
  }
  const yamlFirst = /\.ya?ml$/i.test(path);
  let value: unknown;
  try {
    value = yamlFirst ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    if (!yamlFirst && !/\.json$/i.test(path)) {
      try {
        value = parseYaml(text);
      } catch {
        throw new UsageError(`${path}: neither JSON nor YAML: ${firstLine(err)}`, { cause: err });
      }
    } else {
      throw new UsageError(`${path}: not valid ${yamlFirst ? 'YAML' : 'JSON'}: ${firstLine(err)}`, { cause: err });
    }
  }
  return validateSeed(value, path);
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
