/** Okta changes played on a running sandbox through its control route, as an admin in the console would. */
import type { Sandbox } from '../../src/sandbox/index.js';
import type { OktaAdminAction } from '../../src/sandbox/okta/admin-api.js';

export async function oktaAdmin(sandbox: Sandbox, actions: readonly OktaAdminAction[]): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox/okta/admin`, {
    method: 'POST',
    headers: { Authorization: `SSWS ${sandbox.env()['OKTA_API_TOKEN']}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ actions }),
  });
  if (response.status !== 200) throw new Error(`admin route: ${response.status} ${await response.text()}`);
}
