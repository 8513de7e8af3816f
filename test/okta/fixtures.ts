/** Shared fixtures for the Okta adapter tests: a generated org, a sandbox over HTTP, a fake clock. */
import type { DesiredState, GroupPush, OffboardingOverride, RoleRule } from '../../src/domain/desired.js';
import { createOktaApi } from '../../src/sandbox/okta/api.js';
import { defaultDesiredState } from '../../src/config/normalise.js';
import type { OktaSandbox } from '../../src/sandbox/okta/state.js';
import { SandboxHttp, type HttpCoreOptions } from '../../src/sandbox/http.js';
import type { SeedOkta, SeedOktaUser } from '../../src/sandbox/seed.js';
import { createOktaClient, type OktaClient, type OktaClientOptions } from '../../src/okta/client.js';

export const TOKEN = 'okta-test-token-9f8e7d6c5b4a';
export const APP_ID = '0oa1dropbox2bus3ness';
const SRC = { file: 'test.yaml', line: 1, col: 1 };

export function userId(n: number): string {
  return `00u${String(n).padStart(17, '0')}`;
}

export function user(n: number, extra: Partial<SeedOktaUser> & { manager?: string } = {}): SeedOktaUser {
  const { manager, ...rest } = extra;
  return {
    id: userId(n),
    status: 'ACTIVE',
    created: '2025-01-01T00:00:00.000Z',
    statusChanged: null,
    profile: {
      login: `user${n}@acme-robotics.example`,
      email: `User${n}@Acme-Robotics.example`,
      firstName: `First${n}`,
      lastName: `Last${n}`,
      ...(manager !== undefined ? { managerId: manager } : {}),
    },
    ...rest,
  };
}

/** An org of `n` users; the first `direct` are assigned directly, the rest through group 00gAll. */
export function generatedOrg(n: number, direct = 10): SeedOkta {
  const users = Array.from({ length: n }, (_, i) => user(i + 1));
  return {
    appId: APP_ID,
    users,
    groups: [
      { id: '00gAll000000000000001', name: 'Dropbox Users', members: users.slice(direct).map((u) => u.id) },
      { id: '00gEng000000000000002', name: 'Engineering', members: users.filter((_, i) => i % 3 === 0).map((u) => u.id) },
    ],
    appUserIds: users.slice(0, direct).map((u) => u.id),
    appGroupIds: ['00gAll000000000000001'],
  };
}

/** The design's defaults (defaultDesiredState), with only the parts a reader test names. */
export function desired(parts: {
  groupPushes?: GroupPush[];
  roles?: RoleRule[] | null;
  overrides?: OffboardingOverride[];
  managerAttribute?: string;
} = {}): DesiredState {
  const defaults = defaultDesiredState(APP_ID, SRC);
  return {
    ...defaults,
    groupPushes: parts.groupPushes ?? defaults.groupPushes,
    roles: parts.roles ?? defaults.roles,
    offboarding: {
      ...defaults.offboarding,
      managerAttribute: parts.managerAttribute ?? defaults.offboarding.managerAttribute,
      overrides: parts.overrides ?? defaults.offboarding.overrides,
    },
  };
}

export function push(oktaGroup: string | null, oktaGroupPattern: string | null = null): GroupPush {
  return { oktaGroup, oktaGroupPattern, dropboxGroup: null, source: SRC };
}

export interface FakeClock {
  now: () => number;
  date: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Total ms slept. */
  slept: () => number;
}

export function fakeClock(start = Date.parse('2026-11-28T12:00:00.000Z')): FakeClock {
  let now = start;
  let slept = 0;
  return {
    now: () => now,
    date: () => new Date(now),
    sleep: async (ms) => {
      const d = Math.max(0, ms);
      now += d;
      slept += d;
      await new Promise((r) => setImmediate(r));
    },
    slept: () => slept,
  };
}

export interface Harness {
  http: SandboxHttp;
  state: OktaSandbox;
  client: OktaClient;
  clock: FakeClock;
  url: string;
  close(): Promise<void>;
}

export async function startOkta(
  seed: SeedOkta,
  opts: { rateLimits?: Partial<Record<string, number>>; http?: HttpCoreOptions; client?: OktaClientOptions; maxQueryTerms?: number } = {},
): Promise<Harness> {
  const clock = fakeClock();
  const { api, state } = createOktaApi(seed, {
    token: TOKEN,
    clock: clock.date,
    ...(opts.rateLimits ? { rateLimits: opts.rateLimits } : {}),
    ...(opts.maxQueryTerms !== undefined ? { maxQueryTerms: opts.maxQueryTerms } : {}),
  });
  const http = new SandboxHttp([api], opts.http ?? {});
  const url = await http.listen();
  const client = createOktaClient({ orgUrl: url, apiToken: TOKEN }, { sleep: clock.sleep, now: clock.now, ...(opts.client ?? {}) });
  return { http, state, client, clock, url, close: () => http.close() };
}
