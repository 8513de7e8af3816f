/**
 * The JSON shapes the emulated Okta answers with: User, AppUser, Group, ApplicationGroupAssignment
 * (reference okta-api.md §1.4–§1.7) and Okta's error object (§5.4).
 */
import type { OktaSandbox, SandboxAppUser, SandboxGroup, SandboxUser } from './state.js';

export function userJson(user: SandboxUser, baseUrl: string): Record<string, unknown> {
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: null,
    lastUpdated: user.lastUpdated,
    passwordChanged: null,
    type: { id: 'oty1default0000000000' },
    profile: { ...user.profile },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `${baseUrl}/api/v1/users/${user.id}` } },
  };
}

/** §1.4: the app-user status mirrors provisioning; SUSPENDED users stay assigned as SUSPENDED. */
function appUserStatus(user: SandboxUser): string {
  switch (user.status) {
    case 'SUSPENDED':
      return 'SUSPENDED';
    case 'STAGED':
      return 'STAGED';
    default:
      return 'PROVISIONED';
  }
}

export function appUserJson(
  sandbox: OktaSandbox,
  appUser: SandboxAppUser,
  baseUrl: string,
  expandUser: boolean,
): Record<string, unknown> {
  const user = sandbox.users.get(appUser.userId)!;
  const direct = sandbox.directAssignments.get(appUser.userId);
  const created = direct?.created ?? user.created;
  const body: Record<string, unknown> = {
    id: user.id,
    externalId: null,
    created,
    lastUpdated: user.lastUpdated,
    scope: appUser.scope,
    status: sandbox.appUserStatuses.get(user.id) ?? appUserStatus(user),
    statusChanged: user.statusChanged ?? created,
    passwordChanged: null,
    syncState: 'SYNCHRONIZED',
    lastSync: user.lastUpdated,
    credentials: { userName: direct?.userName ?? user.profile.login },
    profile: {
      email: user.profile.email,
      given_name: user.profile['firstName'] ?? null,
      family_name: user.profile['lastName'] ?? null,
    },
    _links: {
      app: { href: `${baseUrl}/api/v1/apps/${sandbox.appId}` },
      user: { href: `${baseUrl}/api/v1/users/${user.id}` },
    },
  };
  // §1.3: expand=user embeds the full Okta user at _embedded.user.
  if (expandUser) body['_embedded'] = { user: userJson(user, baseUrl) };
  return body;
}

export function groupJson(group: SandboxGroup, baseUrl: string): Record<string, unknown> {
  return {
    id: group.id,
    created: group.created,
    lastUpdated: group.lastUpdated,
    lastMembershipUpdated: group.lastMembershipUpdated,
    objectClass: [group.type === 'APP_GROUP' ? 'okta:app_group' : 'okta:user_group'],
    type: group.type,
    profile: { name: group.name, description: group.description },
    _links: {
      self: { href: `${baseUrl}/api/v1/groups/${group.id}` },
      users: { href: `${baseUrl}/api/v1/groups/${group.id}/users` },
      apps: { href: `${baseUrl}/api/v1/groups/${group.id}/apps` },
    },
  };
}

export function appGroupJson(sandbox: OktaSandbox, groupId: string, priority: number, baseUrl: string): Record<string, unknown> {
  const group = sandbox.groups.get(groupId)!;
  return {
    id: group.id,
    lastUpdated: group.lastUpdated,
    priority,
    profile: {},
    _links: {
      app: { href: `${baseUrl}/api/v1/apps/${sandbox.appId}` },
      group: { href: `${baseUrl}/api/v1/groups/${group.id}` },
    },
  };
}

let errorSeq = 0;

/** §5.4: Okta's error body. errorLink repeats the code, errorId is unique per error. */
export function oktaError(
  errorCode: string,
  errorSummary: string,
  causes: readonly string[] = [],
): Record<string, unknown> {
  errorSeq++;
  return {
    errorCode,
    errorSummary,
    errorLink: errorCode,
    errorId: `oae${errorSeq.toString(36).padStart(19, '0')}`,
    errorCauses: causes.map((c) => ({ errorSummary: c })),
  };
}
