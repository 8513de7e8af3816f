/**
 * `dbxsync init`: the skeleton of a config repository. In-process: init into an empty directory,
 * then validate passes and plan and apply run against the sandbox; --from-live writes what dump
 * writes; init refuses to overwrite any file (one line, exit 1, nothing written).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { templatesDir } from '../../src/cli/commands/init.js';
import { DEMO_APP_ID, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';

async function withSandbox(t: Test): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(NOW), keepLog: false });
  t.teardown(() => sandbox.close());
  return sandbox;
}

async function cli(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const io = captureIO({ env, cwd, now: NOW });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const workdir = (t: Test): string => scratchDir(t, 'dbxsync-init-');

t.test('init into an empty directory writes the skeleton, and it validates, plans and applies on the sandbox', async (t) => {
  const cwd = workdir(t);
  const done = await cli(['init', 'repo'], cwd);
  t.equal(done.code, 0, done.err);
  const dir = path.join(cwd, 'repo');
  for (const f of ['desired-state/settings.yaml', '.github/CODEOWNERS', '.gitignore', 'README.md', '.github/workflows/plan.yml', '.github/workflows/apply.yml']) {
    t.ok(existsSync(path.join(dir, f)), `${f} written`);
    t.match(done.out, `Wrote ${path.join('repo', f)}`);
  }
  t.same(readdirSync(path.join(dir, '.github/workflows')).sort(), readdirSync(path.join(templatesDir(), 'workflows')).sort(), 'every workflow template');
  t.match(done.out, 'Next: cd repo && npx dbxsync validate');
  t.match(readFileSync(path.join(dir, 'desired-state/settings.yaml'), 'utf8'), `appId: ${DEMO_APP_ID}`, "the sandbox's app id, to replace");

  const validated = await cli(['validate'], dir);
  t.equal(validated.code, 0, validated.err);
  t.match(validated.out, '1 file, no problems');

  const sandbox = await withSandbox(t);
  const planned = await cli(['plan', '--detailed-exitcode', '--quiet'], dir, sandbox.env());
  t.equal(planned.code, 2, `changes pending: ${planned.err}`);
  const applied = await cli(['apply', '--auto-approve', '--quiet', '--audit-log', path.join(cwd, 'audit.jsonl')], dir, sandbox.env());
  t.equal(applied.code, 0, applied.err);
  const again = await cli(['plan', '--detailed-exitcode', '--quiet'], dir, sandbox.env());
  t.equal(again.code, 0, `converged: ${again.out}`);
});

t.test('init --from-live writes desired-state/ with dump, then the rest of the skeleton', async (t) => {
  const sandbox = await withSandbox(t);
  const cwd = workdir(t);
  const done = await cli(['init', '--from-live'], cwd, { ...sandbox.env(), OKTA_APP_ID: DEMO_APP_ID });
  t.equal(done.code, 0, done.err);
  for (const f of ['settings.yaml', 'groups.yaml', 'roles.yaml', 'offboarding.yaml']) t.ok(existsSync(path.join(cwd, 'desired-state', f)), `${f} dumped`);
  t.match(done.out, 'Wrote desired-state/groups.yaml:');
  // The editor schema hint of the dumped files is the template's: a path that resolves once
  // dbxsync is installed in the repository (test/repo/package.test.ts checks it resolves).
  const modeline = (file: string): string => readFileSync(file, 'utf8').split('\n')[0]!;
  const hint = modeline(path.join(templatesDir(), 'desired-state', 'settings.yaml'));
  t.equal(hint, '# yaml-language-server: $schema=../node_modules/dbxsync/schemas/desired-state.schema.json');
  for (const f of ['settings.yaml', 'groups.yaml', 'roles.yaml', 'offboarding.yaml']) t.equal(modeline(path.join(cwd, 'desired-state', f)), hint, `${f}: editor schema hint`);
  t.match(done.out, `Wrote ${path.join('.github', 'workflows', 'plan.yml')}`);
  t.match(done.out, 'Next: npx dbxsync validate');
  const validated = await cli(['validate'], cwd);
  t.equal(validated.code, 0, validated.err);
  const planned = await cli(['plan', '--quiet', '--format', 'json'], cwd, sandbox.env());
  t.equal(planned.code, 0, planned.err);
});

t.test('init --from-live without credentials fails before writing anything', async (t) => {
  const cwd = workdir(t);
  const done = await cli(['init', '--from-live'], cwd, { OKTA_APP_ID: DEMO_APP_ID });
  t.equal(done.code, 1);
  t.equal(done.err.trim().split('\n').length, 1, `one line: ${done.err}`);
  t.same(readdirSync(cwd), [], 'nothing written');
});

t.test('init refuses to overwrite: one line naming the files, exit 1, nothing written', async (t) => {
  const cwd = workdir(t);
  writeFileSync(path.join(cwd, 'README.md'), '# mine\n');
  mkdirSync(path.join(cwd, 'desired-state'));
  writeFileSync(path.join(cwd, 'desired-state', 'roles.yaml'), 'roles: []\n');
  const done = await cli(['init'], cwd);
  t.equal(done.code, 1);
  t.equal(done.err, 'dbxsync init: README.md already exists; nothing written (init never overwrites)\n');
  t.same(readdirSync(cwd).sort(), ['README.md', 'desired-state'], 'nothing else written');
  t.equal(readFileSync(path.join(cwd, 'README.md'), 'utf8'), '# mine\n');

  const live = await cli(['init', '--from-live'], cwd);
  t.equal(live.code, 1);
  t.match(live.err, /README\.md, desired-state\/roles\.yaml already exist; nothing written/);
});

t.test('the templates are found above the module, and their absence is one clear error', async (t) => {
  t.equal(templatesDir(), path.join(REPO_ROOT, 'templates'));
  t.throws(() => templatesDir(tmpdir()), /no templates\/ directory above/);
});
