/**
 * The whole loop against the sandbox, for the integration tests: load the desired state, read live
 * Okta and Dropbox through the real clients, plan, and apply through the real writer.
 */
import path from 'node:path';
import { loadDesiredState } from '../../../src/config/index.js';
import type { DesiredState } from '../../../src/domain/desired.js';
import type { Plan } from '../../../src/domain/plan.js';
import type { DropboxWriter } from '../../../src/domain/ports.js';
import { createDropboxClient } from '../../../src/dropbox/client.js';
import { readDropboxState } from '../../../src/dropbox/reader.js';
import { createDropboxWriter, type DropboxWriterOptions } from '../../../src/dropbox/writer.js';
import { createOktaClient } from '../../../src/okta/client.js';
import { readOktaState } from '../../../src/okta/reader.js';
import { planDropboxChanges } from '../../../src/plan/plan-dropbox-changes.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { SandboxSeed } from '../../../src/sandbox/seed.js';
import { REPO as REPO_ROOT } from '../../helpers/repo-root.js';

export const REPO = REPO_ROOT;

export interface Loop {
  readonly sandbox: Sandbox;
  readonly desired: DesiredState;
  plan(): Promise<Plan>;
  writer(options?: DropboxWriterOptions): DropboxWriter;
  readonly now: Date;
  close(): Promise<void>;
}

const instant = async (): Promise<void> => {};

export async function startLoop(seed: (now: Date) => SandboxSeed, dir = path.join(REPO, 'desired-state')): Promise<Loop> {
  const now = new Date();
  const loaded = await loadDesiredState(dir, { now, cwd: REPO });
  if (!loaded.ok) throw new Error(`desired state invalid: ${loaded.issues.map((i) => JSON.stringify(i)).join('; ')}`);
  const sandbox = await startSandbox({ seed: seed(now), asyncPolls: 2 });
  const env = sandbox.env();
  const dropbox = createDropboxClient({ apiUrl: env.DROPBOX_API_URL, accessToken: env.DROPBOX_TEAM_TOKEN });
  const okta = createOktaClient({ orgUrl: env.OKTA_ORG_URL!, apiToken: env.OKTA_API_TOKEN }, { sleep: instant });
  const desired = loaded.state;
  return {
    sandbox,
    desired,
    now,
    async plan() {
      const dropboxState = await readDropboxState(dropbox, { retry: { sleep: instant } });
      const oktaState = await readOktaState(okta, desired, { dropboxMembers: dropboxState.members.map((m) => ({ email: m.email, externalId: m.externalId })) });
      return planDropboxChanges({ desired, okta: oktaState, dropbox: dropboxState, now: new Date().toISOString(), toolVersion: 'test' });
    },
    writer: (options = {}) => createDropboxWriter(dropbox, { sleep: instant, pollIntervalMs: 1, ...options }),
    close: () => sandbox.close(),
  };
}
