/**
 * The sandbox's own control route (not an Okta API): plays the actions an Okta admin takes in the
 * Admin Console — deactivate, suspend, assign, unassign, move between groups, rename — on a running
 * sandbox, so that a demo or a test driving `dbxsync sandbox` from outside can change Okta between
 * two runs. Each action goes through the same state methods tests use, so it moves `lastUpdated` /
 * `lastMembershipUpdated` and is written to the System Log like the real change.
 *
 *   POST /_sandbox/okta/admin   Authorization: SSWS <the sandbox's Okta token>
 *   {"actions": [{"action": "deactivate", "user": "jane.doe@acme.example"}, ...]}
 */
import { assertNever } from '../../domain/errors.js';
import type { SandboxApi, SandboxRequest, SandboxResponse } from '../http.js';
import type { OktaSandbox, SandboxUserStatus } from './state.js';

export const OKTA_ADMIN_ACTIONS = [
  'deactivate',
  'suspend',
  'unsuspend',
  'reactivate',
  'assign',
  'unassign',
  'addToGroup',
  'removeFromGroup',
  'assignGroup',
  'unassignGroup',
  'renameGroup',
  'setProfile',
] as const;
export type OktaAdminActionName = (typeof OKTA_ADMIN_ACTIONS)[number];

export interface OktaAdminAction {
  readonly action: OktaAdminActionName;
  /** Okta user id or login. */
  readonly user?: string;
  /** Okta group id or name. */
  readonly group?: string;
  /** renameGroup: the new name. */
  readonly name?: string;
  /** setProfile: profile attributes to set (null removes one). */
  readonly profile?: Readonly<Record<string, unknown>>;
}

const STATUS: Partial<Record<OktaAdminActionName, SandboxUserStatus>> = {
  deactivate: 'DEPROVISIONED',
  suspend: 'SUSPENDED',
  unsuspend: 'ACTIVE',
  reactivate: 'ACTIVE',
};

class ActionError extends Error {}

/** Apply one admin action to the org; throws with a one-line reason when it cannot be done. */
export function playAdminAction(state: OktaSandbox, a: OktaAdminAction): void {
  const user = () => {
    const u = a.user === undefined ? undefined : state.userByIdOrLogin(a.user);
    if (!u) throw new ActionError(`${a.action}: no Okta user ${JSON.stringify(a.user ?? null)}`);
    return u;
  };
  const group = () => {
    const g = a.group === undefined ? undefined : (state.groups.get(a.group) ?? [...state.groups.values()].find((x) => x.name === a.group));
    if (!g) throw new ActionError(`${a.action}: no Okta group ${JSON.stringify(a.group ?? null)}`);
    return g;
  };
  switch (a.action) {
    case 'deactivate':
    case 'suspend':
    case 'unsuspend':
    case 'reactivate':
      state.setUserStatus(user().id, STATUS[a.action]!);
      return;
    case 'assign': {
      const u = user();
      state.assignUser(u.id, u.profile.login);
      return;
    }
    case 'unassign':
      state.unassignUser(user().id);
      return;
    case 'addToGroup':
      state.addGroupMember(group().id, user().id);
      return;
    case 'removeFromGroup':
      state.removeGroupMember(group().id, user().id);
      return;
    case 'assignGroup':
      state.assignGroupToApp(group().id);
      return;
    case 'unassignGroup':
      state.unassignGroupFromApp(group().id);
      return;
    case 'renameGroup':
      if (typeof a.name !== 'string' || a.name === '') throw new ActionError('renameGroup: name must be a non-empty string');
      state.renameGroup(group().id, a.name);
      return;
    case 'setProfile': {
      const u = user();
      if (a.profile === undefined || a.profile === null || typeof a.profile !== 'object') throw new ActionError('setProfile: profile must be an object');
      const next: Record<string, unknown> = { ...u.profile };
      for (const [k, v] of Object.entries(a.profile)) {
        if (v === null) delete next[k];
        else next[k] = v;
      }
      if (typeof next['login'] !== 'string' || typeof next['email'] !== 'string') throw new ActionError('setProfile: login and email stay strings');
      state.setProfile(u, next as typeof u.profile);
      return;
    }
    default:
      return assertNever(a.action, 'sandbox admin action');
  }
}

function answer(status: number, body: unknown): SandboxResponse {
  return { status, body };
}

export function createOktaAdminApi(state: OktaSandbox, token: string): SandboxApi {
  const handle = (req: SandboxRequest): SandboxResponse => {
    if (req.path !== '/_sandbox/okta/admin') return answer(404, { error: 'not found' });
    if (req.method.toUpperCase() !== 'POST') return answer(405, { error: 'POST only' });
    if (req.headers.authorization !== `SSWS ${token}`) return answer(401, { error: 'Authorization: SSWS <the sandbox Okta token> required' });
    let actions: unknown;
    try {
      actions = (JSON.parse(req.body || '{}') as { actions?: unknown }).actions;
    } catch {
      return answer(400, { error: 'body is not JSON' });
    }
    if (!Array.isArray(actions)) return answer(400, { error: 'body must be {"actions": [...]}' });
    let done = 0;
    for (const raw of actions) {
      const a = raw as OktaAdminAction;
      if (!a || typeof a !== 'object' || !(OKTA_ADMIN_ACTIONS as readonly string[]).includes(a.action)) {
        return answer(400, { error: `action ${done}: action must be one of ${OKTA_ADMIN_ACTIONS.join(', ')}`, done });
      }
      try {
        playAdminAction(state, a);
      } catch (err) {
        if (err instanceof Error) return answer(400, { error: `action ${done}: ${err.message}`, done });
        throw err;
      }
      done++;
    }
    return answer(200, { done });
  };
  return {
    prefix: '/_sandbox/',
    routeName: (req) => `sandbox ${req.method} ${req.path}`,
    handle,
    rateLimited: () => answer(429, { error: 'rate limited' }),
  };
}
