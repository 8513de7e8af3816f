/**
 * Every command, in the order --help lists them. A command's module is loaded only when it runs,
 * so that `--version`, `--help`, `validate` and `show` load no SDK (issue 14 item 7): the name,
 * summary and environment here are what the main help needs; test/cli/run.test.ts checks that they
 * match the modules'.
 */
import type { Command } from '../command.js';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** Environment variables the command needs, for its --help (design.md "Environment"). */
  readonly env: readonly string[];
  load(): Promise<Command>;
}

const LIVE = ['OKTA_ORG_URL', 'OKTA_API_TOKEN (or OKTA_CLIENT_ID + OKTA_PRIVATE_KEY [+ OKTA_KEY_ID])', 'DROPBOX_TEAM_TOKEN (or DROPBOX_REFRESH_TOKEN + DROPBOX_APP_KEY + DROPBOX_APP_SECRET)', 'DROPBOX_API_URL (optional)'];
const GITHUB = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_EVENT_PATH (or --pr N)', 'GITHUB_API_URL (optional)'];

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', summary: 'Check the desired-state YAML against the schemas and rules', env: [], load: async () => (await import('./validate.js')).validateCommand },
  { name: 'plan', summary: 'Read live Okta and Dropbox and print the changes that apply would make', env: LIVE, load: async () => (await import('./plan.js')).planCommand },
  { name: 'show', summary: 'Render a saved plan file as text, markdown or JSON; no credentials', env: [], load: async () => (await import('./show.js')).showCommand },
  { name: 'apply', summary: 'Apply a plan to Dropbox (re-planned and checked against the reviewed plan)', env: LIVE, load: async () => (await import('./apply.js')).applyCommand },
  { name: 'reconcile', summary: 'Apply lifecycle changes from Okta under the merged policy; hold the rest', env: LIVE, load: async () => (await import('./reconcile.js')).reconcileCommand },
  { name: 'watch', summary: 'Reconcile continuously: poll the Okta System Log, apply lifecycle changes unattended', env: LIVE, load: async () => (await import('./watch.js')).watchCommand },
  { name: 'import', summary: 'Plan (and with --apply, make) Okta-side changes from the Dropbox team', env: LIVE, load: async () => (await import('./import.js')).importCommand },
  { name: 'explain', summary: 'Explain why a person is (or is not) in Dropbox with this role and groups', env: LIVE, load: async () => (await import('./explain.js')).explainCommand },
  { name: 'dump', summary: 'Write desired-state YAML from the live team, to adopt an existing setup', env: LIVE, load: async () => (await import('./dump.js')).dumpCommand },
  { name: 'init', summary: 'Write a config repository skeleton: desired-state, workflows, CODEOWNERS', env: ['with --from-live: as dump'], load: async () => (await import('./init.js')).initCommand },
  { name: 'comment', summary: 'Create or update the one plan comment on a GitHub pull request', env: GITHUB, load: async () => (await import('./comment.js')).commentCommand },
  { name: 'sandbox', summary: 'Serve emulated Okta and Dropbox APIs on loopback to try dbxsync by hand', env: [], load: async () => (await import('./sandbox.js')).sandboxCommand },
  { name: 'demo', summary: 'Run the whole loop against the built-in sandbox; no credentials needed', env: [], load: async () => (await import('./demo.js')).demoCommand },
];

/** Every command module, loaded (tests and tools that need the options of all of them). */
export async function loadAllCommands(): Promise<Command[]> {
  return Promise.all(COMMANDS.map((c) => c.load()));
}
