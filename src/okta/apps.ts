/**
 * Finding the Dropbox Business app instance in Okta, for `dbxsync dump` when no app id is given:
 * GET /api/v1/apps?q=Dropbox (prefix match on name and label, reference okta-api.md §1.3), active
 * instances only. The OIN app's exact `name` is not documented, so any app whose name or label
 * mentions Dropbox counts; more than one is for the user to choose.
 */
import type { OktaClient } from './client.js';
import { toRemoteError } from './errors.js';
import { listRaw } from './raw-list.js';

export interface OktaAppSummary {
  readonly id: string;
  readonly name: string;
  readonly label: string;
}

export async function findDropboxApps(client: OktaClient): Promise<OktaAppSummary[]> {
  const found: OktaAppSummary[] = [];
  try {
    for await (const item of listRaw(client, '/api/v1/apps', { q: 'Dropbox', limit: 200 })) {
      const app = item as { id?: unknown; name?: unknown; label?: unknown; status?: unknown };
      if (typeof app.id !== 'string' || app.status !== 'ACTIVE') continue;
      const name = typeof app.name === 'string' ? app.name : '';
      const label = typeof app.label === 'string' ? app.label : '';
      if (/dropbox/i.test(name) || /dropbox/i.test(label)) found.push({ id: app.id, name, label });
    }
  } catch (err) {
    throw toRemoteError(err, 'GET /api/v1/apps');
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
