/**
 * Test wiring for the Dropbox adapter and the Dropbox sandbox: a small team seed, a sandbox served
 * over real HTTP by SandboxHttp, and a real SDK client pointed at it.
 */
import type { Dropbox } from 'dropbox';
import { createDropboxClient } from '../../src/dropbox/client.js';
import { SandboxHttp, type FaultConfig } from '../../src/sandbox/http.js';
import { createDropboxApi, type DropboxSandbox } from '../../src/sandbox/dropbox/index.js';
import type { SeedDropbox, SeedDropboxMember } from '../../src/sandbox/seed.js';

/** A recognisable token: tests assert it never shows in an error. */
export const TOKEN = 'sbx-SECRET-token-4b1d7e9a2c';
export const START = new Date('2026-11-20T12:00:00Z');
export const DAY = 24 * 3600 * 1000;
export const DOMAIN = 'acme-robotics.example';

export function email(local: string): string {
  return `${local}@${DOMAIN}`;
}

function member(id: string, status: string, extra: Partial<SeedDropboxMember> = {}): SeedDropboxMember {
  const [given, ...rest] = id.split('-');
  return {
    teamMemberId: `dbmid:${id}`,
    email: email(id),
    givenName: given![0]!.toUpperCase() + given!.slice(1),
    surname: rest.join(' ') || 'Tester',
    externalId: `okta-${id}`,
    status,
    files: 10,
    ...extra,
  };
}

/**
 * The standard team: two team admins (admin = token owner, it-admin), a user management admin, active
 * members alice and bob, invited ivy, suspended sam, rita removed 2 days ago (recoverable), olga
 * removed 30 days ago; groups Engineering (ours), Everyone (system) and Legacy (user managed).
 */
export function seedTeam(): SeedDropbox {
  return {
    teamName: 'Acme Robotics',
    authenticatedAdminId: 'dbmid:admin',
    numLicensedUsers: 100,
    members: [
      member('admin', 'active', { role: 'team_admin', files: 100 }),
      member('it-admin', 'active', { role: 'team_admin', files: 50 }),
      member('um-admin', 'active', { role: 'user_management_admin' }),
      member('alice', 'active'),
      member('bob', 'active', { files: 20 }),
      member('ivy', 'invited', { files: 0 }),
      member('sam', 'suspended', { files: 5 }),
      member('rita', 'removed', { removedAt: new Date(START.getTime() - 2 * DAY).toISOString(), files: 7 }),
      member('olga', 'removed', { removedAt: new Date(START.getTime() - 30 * DAY).toISOString(), files: 3, isRecoverable: false }),
    ],
    groups: [
      { groupId: 'g:eng', name: 'Engineering', externalId: 'okta:00geng', managementType: 'company_managed', members: ['dbmid:alice', 'dbmid:bob'] },
      { groupId: 'g:all', name: 'Everyone at Acme', managementType: 'system_managed', members: ['dbmid:admin', 'dbmid:alice'] },
      { groupId: 'g:legacy', name: 'Legacy', externalId: null, managementType: 'user_managed', members: ['dbmid:ivy', 'dbmid:sam'] },
    ],
  };
}

/** A team of n extra active members m0001... (for pagination). */
export function seedMany(n: number, groups = 0): SeedDropbox {
  const seed = seedTeam();
  for (let i = 0; i < n; i++) {
    const id = `m${String(i).padStart(5, '0')}`;
    seed.members.push({ teamMemberId: `dbmid:${id}`, email: email(id), givenName: 'M', surname: id, externalId: `okta-${id}`, status: 'active', files: 1 });
  }
  for (let g = 0; g < groups; g++) {
    seed.groups.push({
      groupId: `g:many${g}`,
      name: `Many ${g}`,
      externalId: `okta:00gmany${g}`,
      members: seed.members.filter((_, i) => i % (groups + 1) === g).map((m) => m.teamMemberId),
    });
  }
  return seed;
}

export interface Harness {
  readonly http: SandboxHttp;
  readonly state: DropboxSandbox;
  readonly client: Dropbox;
  readonly baseUrl: string;
  /** The sandbox clock; move it with advance. */
  now(): Date;
  advance(ms: number): void;
  /** POST a raw request (bypassing the SDK) to check wire details. */
  raw(route: string, body: string | null, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startDropbox(
  seed: SeedDropbox = seedTeam(),
  options: { asyncPolls?: number; faults?: FaultConfig; keepLog?: boolean } = {},
): Promise<Harness> {
  let now = START.getTime();
  const { api, state } = createDropboxApi(seed, { token: TOKEN, clock: () => new Date(now), ...(options.asyncPolls !== undefined ? { asyncPolls: options.asyncPolls } : {}) });
  const http = new SandboxHttp([api], { ...(options.faults ? { faults: options.faults } : {}), keepLog: options.keepLog ?? true });
  const baseUrl = await http.listen();
  const client = createDropboxClient({ apiUrl: baseUrl, accessToken: TOKEN });
  return {
    http,
    state,
    client,
    baseUrl,
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    raw: (route, body, headers = {}) =>
      fetch(`${baseUrl}/2/${route}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, ...(body !== null ? { 'Content-Type': 'application/json' } : {}), ...headers },
        ...(body !== null ? { body } : {}),
      }),
    close: () => http.close(),
  };
}

/** An injected sleep that records the waits and never waits. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Selector helpers for raw SDK calls in tests. */
export const byEmail = (local: string) => ({ '.tag': 'email' as const, email: email(local) });
export const byId = (id: string) => ({ '.tag': 'team_member_id' as const, team_member_id: `dbmid:${id}` });
