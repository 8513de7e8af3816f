/**
 * Finding the Dropbox app instance for `dump` without --app-id, through the real SDK over HTTP
 * against the sandbox.
 */
import t from 'tap';
import { findDropboxApps } from '../../src/okta/apps.js';
import { APP_ID, generatedOrg, startOkta } from './fixtures.js';

t.test('the Dropbox app is found by its OIN name, whatever its label', async (t) => {
  // okta-mgmt.yaml listApplications: `q` matches name or label "using the startsWith operation",
  // so q=Dropbox misses an instance labelled "Acme File Sharing" (its name dropbox_for_business
  // does not start with "Dropbox"); `filter` supports `name` ('name eq "okta_org2org"').
  for (const label of ['Acme File Sharing', 'Dropbox Business']) {
    const h = await startOkta({ ...generatedOrg(3, 1), appLabel: label });
    try {
      t.same(await findDropboxApps(h.client), [{ id: APP_ID, name: 'dropbox_for_business', label }], `label ${JSON.stringify(label)}: found once`);
    } finally {
      await h.close();
    }
  }
});
