/**
 * `dbxsync show plan.json` (issue 14 item 3): a saved plan rendered with no credentials and no API
 * call; `--version`, `validate` and `show` load no SDK (issue 14 item 7); every missing variable
 * is named at once.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { run } from '../../src/cli/run.js';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { captureIO } from '../helpers/io.js';
import { CLI_MAIN, REPO, cliBuilt } from '../helpers/sandbox-process.js';
import { scratchDir } from '../helpers/scratch.js';

const NOW = '2026-11-28T12:00:00.000Z';

async function savedPlan(t: Test): Promise<{ dir: string; file: string }> {
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  const dir = scratchDir(t, 'dbxsync-show-');
  const io = captureIO({ env: sandbox.env(), cwd: dir, now: NOW });
  t.equal(await run(['plan', '--dir', path.join(REPO, 'desired-state'), '--out', 'plan.json', '--quiet'], io), 0, io.err());
  return { dir, file: path.join(dir, 'plan.json') };
}

t.test('show renders a saved plan as text, markdown and JSON without any credentials', async (t) => {
  const { dir, file } = await savedPlan(t);
  const show = async (...args: string[]) => {
    const io = captureIO({ env: {}, cwd: dir, now: NOW });
    const code = await run(['show', ...args], io);
    return { code, out: io.out(), err: io.err() };
  };
  const text = await show('plan.json');
  t.equal(text.code, 0, text.err);
  t.match(text.out, /^Plan: \d+ to add, \d+ to change, \d+ to suspend, \d+ to remove\.$/m);
  const md = await show('plan.json', '--format', 'markdown');
  t.match(md.out, /<details>/);
  const json = await show('plan.json', '--format', 'json');
  t.same(JSON.parse(json.out), JSON.parse(readFileSync(file, 'utf8')), 'JSON is the plan itself');
  const redacted = await show('plan.json', '--redact-emails');
  t.notMatch(redacted.out, /@acme-robotics\.example/, '--redact-emails hides the addresses');

  // An edited file is shown, with a warning: apply --plan would refuse it.
  const plan = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(path.join(dir, 'edited.json'), JSON.stringify({ ...plan, actions: plan.actions.slice(1) }));
  const edited = await show('edited.json');
  t.equal(edited.code, 0);
  t.match(edited.err, /^dbxsync show: warning: edited\.json was edited after dbxsync plan wrote it/);

  const missing = await show();
  t.equal(missing.code, 1);
  t.match(missing.err, /^dbxsync show: which plan\?/);
  const absent = await show('nope.json');
  t.match(absent.err, /^dbxsync show: cannot read nope\.json: ENOENT/);
  writeFileSync(path.join(dir, 'bad.json'), '{"formatVersion": 1}');
  const bad = await show('bad.json');
  t.equal(bad.code, 1);
  t.match(bad.err, /^dbxsync show: bad\.json: not a dbxsync plan: fingerprint missing/);
  t.equal((await show('plan.json', '--format', 'json', '--redact-emails')).code, 1, '--redact-emails is refused for JSON');
});

t.test('plan names every missing variable at once, in one line', async (t) => {
  const io = captureIO({ env: {}, cwd: REPO, now: NOW });
  t.equal(await run(['plan', '--quiet'], io), 1);
  const lines = io.err().trim().split('\n');
  t.equal(lines.length, 1, io.err());
  t.match(lines[0], /OKTA_ORG_URL is not set.*; no Dropbox credentials: set DROPBOX_TEAM_TOKEN/);
});

t.test('--version, validate and show load no SDK (lazy command modules)', { skip: cliBuilt() ? false : 'build first (npm test builds)' }, async (t) => {
  const dir = scratchDir(t, 'dbxsync-startup-');
  const log = path.join(dir, 'loaded.txt');
  // A module hook (it runs off the main thread) that appends every URL loaded to a file.
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(path.join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
  writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${path.join(dir, 'hooks.mjs')}`)});\n`);
  const { file } = await savedPlan(t);
  const SDK = /node_modules\/(dropbox|@okta\/okta-sdk-nodejs|@octokit)\//;
  for (const args of [['--version'], ['validate', '--dir', path.join(REPO, 'desired-state')], ['show', file], ['--help']]) {
    writeFileSync(log, '');
    execFileSync(process.execPath, ['--import', hook, CLI_MAIN, ...args], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'ignore'] });
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    t.ok(loaded.some((u) => u.endsWith('/cli/main.js')), `${args[0]}: the hook saw the CLI load`);
    t.same(loaded.filter((u) => SDK.test(u)), [], `${args[0]}: no SDK module loaded (${loaded.length} modules)`);
  }
  writeFileSync(log, '');
  execFileSync(process.execPath, ['--import', hook, CLI_MAIN, 'plan', '--help'], { env: { PATH: process.env.PATH ?? '' }, stdio: 'ignore' });
  t.ok(readFileSync(log, 'utf8').split('\n').some((u) => SDK.test(u)), 'the hook does see the SDKs where they are needed (plan)');
});

t.test('set-up errors say what to check: the host and its variable, the variable of a refused token (issue 14 item 4)', async (t) => {
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  const plan = async (env: Record<string, string>) => {
    const io = captureIO({ env, cwd: REPO, now: NOW });
    const code = await run(['plan', '--quiet'], io);
    return { code, err: io.err() };
  };
  // Nothing listens on port 9 of loopback (discard): connection refused, at once.
  const unreachable = await plan({ ...sandbox.env(), OKTA_ORG_URL: 'http://127.0.0.1:9' });
  t.equal(unreachable.code, 1);
  t.match(unreachable.err, /^dbxsync plan: okta .*; check OKTA_ORG_URL=http:\/\/127\.0\.0\.1:9: the host did not answer/m);
  const refused = await plan({ ...sandbox.env(), OKTA_API_TOKEN: 'not-the-token-1234' });
  t.equal(refused.code, 1);
  t.match(refused.err, /HTTP 401.*; check OKTA_API_TOKEN: Okta does not accept it/);
  t.notMatch(refused.err, /not-the-token-1234/, 'the token itself is never printed');
  const dropbox = await plan({ ...sandbox.env(), DROPBOX_TEAM_TOKEN: 'wrong-dropbox-token-99' });
  t.match(dropbox.err, /HTTP 401.*; check DROPBOX_TEAM_TOKEN/);
});

t.test('a 404 for the app id names the settings file and line of okta.appId, exit 1, one line, no secret (issue 14 item 4)', async (t) => {
  const sandbox = await startSandbox({ seed: demoSeed(new Date(NOW)), clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  const dir = scratchDir(t, 'dbxsync-appid-');
  cpSync(path.join(REPO, 'desired-state'), path.join(dir, 'desired-state'), { recursive: true });
  const settings = path.join(dir, 'desired-state', 'settings.yaml');
  const text = readFileSync(settings, 'utf8');
  const line = text.split('\n').findIndex((l) => /^\s*appId:/.test(l)) + 1;
  t.ok(line > 0);
  writeFileSync(settings, text.replace(/appId:\s*\S+/, 'appId: 0oaWRONG0000000000000'));
  const io = captureIO({ env: sandbox.env(), cwd: dir, now: NOW });
  const code = await run(['plan', '--quiet'], io);
  t.equal(code, 1);
  const lines = io.err().trimEnd().split('\n');
  t.equal(lines.length, 1, 'one line');
  t.match(lines[0], /HTTP 404/);
  t.match(lines[0], new RegExp(`check settings\\.yaml:${line} okta\\.appId \\(0oaWRONG0000000000000\\): Okta has no app with this id`));
  t.notMatch(lines[0], /sandbox-okta-token|sandbox-dropbox-token/, 'no secret');
});
