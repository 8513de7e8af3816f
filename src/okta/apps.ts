/**
 * Finding the Dropbox Business app instance in Okta, for `dbxsync dump` when no app id is given:
 * by the OIN app's name, `GET /api/v1/apps?filter=name eq "dropbox_for_business"` (listApplications
 * `filter` supports `name`, okta-mgmt.yaml), whatever label the admin gave the instance; and by
 * `q=Dropbox` (a prefix of name or label) for instances labelled so. Active instances only; more
 * than one is for the user to choose.
 */
import { UsageError } from '../domain/errors.js';
import type { OktaClient } from './client.js';
import { toRemoteError } from './errors.js';
import { listRaw } from './raw-list.js';

/** The `name` of Dropbox Business in the Okta Integration Network. */
export const DROPBOX_OIN_APP_NAME = 'dropbox_for_business';

export interface OktaAppSummary {
  readonly id: string;
  readonly name: string;
  readonly label: string;
}

export async function findDropboxApps(client: OktaClient): Promise<OktaAppSummary[]> {
  const found = new Map<string, OktaAppSummary>();
  const queries: Record<string, string | number>[] = [{ filter: `name eq "${DROPBOX_OIN_APP_NAME}"`, limit: 200 }, { q: 'Dropbox', limit: 200 }];
  try {
    for (const query of queries) {
      for await (const item of listRaw(client, '/api/v1/apps', query)) {
        const app = item as { id?: unknown; name?: unknown; label?: unknown; status?: unknown };
        if (typeof app.id !== 'string' || app.status !== 'ACTIVE') continue;
        const name = typeof app.name === 'string' ? app.name : '';
        const label = typeof app.label === 'string' ? app.label : '';
        if (name === DROPBOX_OIN_APP_NAME || /dropbox/i.test(name) || /dropbox/i.test(label)) found.set(app.id, { id: app.id, name, label });
      }
    }
  } catch (err) {
    throw toRemoteError(err, 'GET /api/v1/apps');
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The one active Dropbox app instance in Okta, or a usage error naming the candidates (`dbxsync dump` without an app id). */
export async function discoverDropboxAppId(client: OktaClient): Promise<string> {
  const apps = await findDropboxApps(client);
  if (apps.length === 1) return apps[0]!.id;
  const hint = 'pass --app-id ID (the Dropbox Business app instance in Okta, 0oa...) or set OKTA_APP_ID';
  if (apps.length === 0) throw new UsageError(`no active Dropbox app found in Okta (GET /api/v1/apps?q=Dropbox): ${hint}`);
  throw new UsageError(`${apps.length} active Dropbox apps in Okta (${apps.map((a) => `${a.id} "${a.label}"`).join(', ')}): ${hint}`);
}
