/**
 * The shell of the workflows, run for real: each step's `run:` script is executed the way GitHub
 * runs it (bash --noprofile --norc -eo pipefail), with a stand-in `npx` that exits as dbxsync
 * would, and the step's outputs and exit status are checked.
 */
import t, { type Test } from 'tap';
import { runScript, stepScript, type StepOptions, type StepRun } from '../helpers/workflow-step.js';

function runStep(t: Test, file: string, name: string, options: StepOptions = {}): StepRun {
  return runScript(t, stepScript(`.github/workflows/${file}`, name), options);
}

t.test('plan.yml: plan exit codes 0 and 2 are a plan, 1 is reported; the step itself goes on', async (t) => {
  const cases: [number, string][] = [
    [0, 'No changes.'],
    [2, 'Changes pending: see the plan comment.'],
    [1, '::error::dbxsync plan exited 1 (refused by a safety rule, or failed)'],
  ];
  for (const [exit, says] of cases) {
    const r = runStep(t, 'plan.yml', 'Plan against live Okta and Dropbox', { npxExit: exit });
    t.equal(r.status, 0, `exit ${exit}: the step continues to the comment`);
    t.same(r.outputs, { exit: String(exit) }, `exit ${exit}: recorded`);
    t.match(r.stdout, says, `exit ${exit}`);
    t.same(r.npx, ['--no-install dbxsync plan --detailed-exitcode --out plan.json --quiet']);
  }
});

t.test('plan.yml: validation records its exit and keeps going', async (t) => {
  const r = runStep(t, 'plan.yml', 'Validate the desired state', { npxExit: 1 });
  t.equal(r.status, 0);
  t.same(r.outputs, { exit: '1' });
});

t.test('plan.yml: credentials are present only when both Okta and Dropbox have some', async (t) => {
  const cases: [string, Record<string, string>, string][] = [
    ['none (a fork)', { HAS_OKTA_CREDENTIAL: 'false', HAS_DROPBOX_CREDENTIAL: 'false' }, 'false'],
    ['Okta and Dropbox', { OKTA_ORG_URL: 'https://acme.okta.com', HAS_OKTA_CREDENTIAL: 'true', HAS_DROPBOX_CREDENTIAL: 'true' }, 'true'],
    ['Okta without its URL', { HAS_OKTA_CREDENTIAL: 'true', HAS_DROPBOX_CREDENTIAL: 'true' }, 'false'],
    ['no Okta credential', { OKTA_ORG_URL: 'https://acme.okta.com', HAS_OKTA_CREDENTIAL: 'false', HAS_DROPBOX_CREDENTIAL: 'true' }, 'false'],
    ['no Dropbox credential', { OKTA_ORG_URL: 'https://acme.okta.com', HAS_OKTA_CREDENTIAL: 'true', HAS_DROPBOX_CREDENTIAL: 'false' }, 'false'],
  ];
  for (const [name, env, present] of cases) t.same(runStep(t, 'plan.yml', 'Check that credentials are configured', { env }).outputs, { present }, name);
});

t.test('plan.yml: the comment gets the plan when there is one, and redacts emails on public repositories', async (t) => {
  const withPlan = runStep(t, 'plan.yml', 'Post or update the plan comment', { env: { REDACT_EMAILS: 'true' }, files: ['validation.json', 'plan.json'] });
  t.same(withPlan.npx, ['--no-install dbxsync comment --validation validation.json --plan plan.json --redact-emails']);
  const withoutPlan = runStep(t, 'plan.yml', 'Post or update the plan comment', { env: { REDACT_EMAILS: 'false' }, files: ['validation.json'] });
  t.same(withoutPlan.npx, ['--no-install dbxsync comment --validation validation.json']);
  const failing = runStep(t, 'plan.yml', 'Post or update the plan comment', { env: { REDACT_EMAILS: 'false' }, files: ['validation.json'], npxExit: 1 });
  t.equal(failing.status, 1, 'a comment that cannot be posted fails the step');
  const fork = runStep(t, 'plan.yml', 'Validation report in the job summary (forks)', { env: { REDACT_EMAILS: 'true' } });
  t.same(fork.npx, ['--no-install dbxsync comment --validation validation.json --summary-only --redact-emails']);
});

t.test('plan.yml: the job summary says why no live plan was made', async (t) => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a fork', { FROM_FORK: 'true', VALIDATE_EXIT: '0' }, /comes from a fork/],
    ['invalid YAML', { FROM_FORK: 'false', VALIDATE_EXIT: '1' }, /The desired state is invalid/],
    ['no credentials', { FROM_FORK: 'false', VALIDATE_EXIT: '0' }, /credentials are not configured/],
  ];
  for (const [name, env, expect] of cases) t.match(runStep(t, 'plan.yml', 'Explain why no live plan was made', { env }).summary, expect, name);
});

t.test('plan.yml: the job result', async (t) => {
  const cases: [string, Record<string, string>, number][] = [
    ['no changes', { VALIDATE_EXIT: '0', FROM_FORK: 'false', CREDENTIALS: 'true', PLAN_EXIT: '0' }, 0],
    ['changes pending is success', { VALIDATE_EXIT: '0', FROM_FORK: 'false', CREDENTIALS: 'true', PLAN_EXIT: '2' }, 0],
    ['a refused or failed plan fails', { VALIDATE_EXIT: '0', FROM_FORK: 'false', CREDENTIALS: 'true', PLAN_EXIT: '1' }, 1],
    ['invalid YAML fails', { VALIDATE_EXIT: '1', FROM_FORK: 'false', CREDENTIALS: 'true', PLAN_EXIT: '' }, 1],
    ['invalid YAML fails on a fork too', { VALIDATE_EXIT: '1', FROM_FORK: 'true', CREDENTIALS: 'false', PLAN_EXIT: '' }, 1],
    ['a valid fork passes without a plan', { VALIDATE_EXIT: '0', FROM_FORK: 'true', CREDENTIALS: 'false', PLAN_EXIT: '' }, 0],
    ['missing credentials fail outside forks', { VALIDATE_EXIT: '0', FROM_FORK: 'false', CREDENTIALS: 'false', PLAN_EXIT: '' }, 1],
  ];
  for (const [name, env, status] of cases) t.equal(runStep(t, 'plan.yml', 'Result', { env }).status, status, name);
});

t.test('drift.yml: drift (2) and none (0) go on to the issue steps; a failed plan fails', async (t) => {
  for (const [exit, status] of [[0, 0], [2, 0], [1, 1]] as const) {
    const r = runStep(t, 'drift.yml', 'Plan against live Okta and Dropbox', { npxExit: exit, env: { REDACT: '--redact-emails' } });
    t.equal(r.status, status, `exit ${exit}`);
    t.same(r.outputs, { exit: String(exit) });
    t.same(r.npx, ['--no-install dbxsync plan --detailed-exitcode --format markdown --quiet --redact-emails']);
    t.match(r.summary, 'dbxsync output', 'the plan is in the job summary');
  }
});

/** A stand-in gh: answers the API calls of apply.yml from FAKE_* variables. */
const GH = `case "$1 $2" in
  "api repos/acme/dstate/commits/"*) echo "$FAKE_PR" ;;
  "api repos/acme/dstate/pulls/"*) echo "$FAKE_HEAD" ;;
  "api repos/acme/dstate/actions/"*) echo "$FAKE_RUN" ;;
  "run download") exit "\${FAKE_DOWNLOAD_EXIT:-0}" ;;
  *) echo "unexpected gh $*" >&2; exit 3 ;;
esac`;

t.test("apply.yml: the reviewed plan is the artifact of the merged pull request's plan run", async (t) => {
  const env = { REPO: 'acme/dstate', SHA: 'abc123', FAKE_PR: '42', FAKE_HEAD: 'def456', FAKE_RUN: '777' };
  const ok = runStep(t, 'apply.yml', 'Find the merged pull request and its reviewed plan', { env, stubs: { gh: GH } });
  t.equal(ok.status, 0);
  t.same(ok.outputs, { pr: '42' });
  t.same(ok.calls, [
    "gh api repos/acme/dstate/commits/abc123/pulls --jq [.[] | select(.merged_at != null)][0].number // empty",
    'gh api repos/acme/dstate/pulls/42 --jq .head.sha',
    'gh api repos/acme/dstate/actions/workflows/plan.yml/runs?event=pull_request&head_sha=def456&status=completed&per_page=1 --jq .workflow_runs[0].id // empty',
    'gh run download 777 --repo acme/dstate --name dbxsync-plan --dir reviewed',
  ]);
  t.match(ok.summary, 'Applying the plan reviewed on #42 (head def456, run 777).');

  const cases: [string, Record<string, string>, RegExp][] = [
    ['a push that is not a merged pull request', { FAKE_PR: '' }, /is not the merge of a pull request: there is no reviewed plan to apply/],
    ['no plan run for the head commit', { FAKE_RUN: '' }, /no completed plan.yml run for the head commit def456 of pull request #42/],
    ['a plan run without the artifact', { FAKE_DOWNLOAD_EXIT: '1' }, /left no dbxsync-plan artifact/],
  ];
  for (const [name, change, expect] of cases) {
    const r = runStep(t, 'apply.yml', 'Find the merged pull request and its reviewed plan', { env: { ...env, ...change }, stubs: { gh: GH } });
    t.equal(r.status, 1, name);
    t.match(r.stdout, expect, name);
  }
});

t.test('apply.yml: a failed apply is told on the merged pull request', async (t) => {
  const r = runStep(t, 'apply.yml', 'Tell the merged pull request that apply failed', {
    env: { PR: '42', REPO: 'acme/dstate', SHA: 'abc123', RUN_URL: 'https://github.com/acme/dstate/actions/runs/9' },
    stubs: { gh: 'exit 0' },
  });
  t.equal(r.status, 0);
  t.match(r.calls[0], /^gh pr comment 42 --repo acme\/dstate --body \*\*dbxsync apply failed\*\* for this merge \(abc123\).*\(https:\/\/github\.com\/acme\/dstate\/actions\/runs\/9\)/);
});

t.test('drift.yml: one labelled issue, updated when open, created otherwise, closed when drift is gone', async (t) => {
  const env = { REPO: 'acme/dstate', LABEL: 'dbxsync-drift', RUN_URL: 'https://github.com/acme/dstate/actions/runs/9' };
  const ghWith = (open: string) => `if [ "$1 $2" = "issue list" ]; then printf '%s' "${open}"; fi`;
  const update = runStep(t, 'drift.yml', 'Open or update the drift issue', { env, files: ['drift.md'], stubs: { gh: ghWith('17') } });
  t.equal(update.status, 0);
  t.match(update.calls.at(-1), /^gh issue edit 17 --repo acme\/dstate --body-file issue.md$/);
  const create = runStep(t, 'drift.yml', 'Open or update the drift issue', { env, files: ['drift.md'], stubs: { gh: ghWith('') } });
  t.match(create.calls.at(-1), /^gh issue create --repo acme\/dstate --title .* --label dbxsync-drift --body-file issue.md$/);
  t.match(create.calls[0], /^gh label create dbxsync-drift/);
  const close = runStep(t, 'drift.yml', 'Close the drift issue', { env, stubs: { gh: ghWith('17\n18') } });
  t.same(close.calls.slice(1).map((c) => c.split(' --comment')[0]), ['gh issue close 17 --repo acme/dstate', 'gh issue close 18 --repo acme/dstate']);
});
