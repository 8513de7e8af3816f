/**
 * What ships is what is tested: `npm pack` the package, install the tarball into an empty
 * directory, and run the installed `dbxsync` from there: init (templates from the package), then
 * validate, plan and apply against the sandbox. The install is `npm install --offline` when npm's
 * cache holds the dependencies (after `npm ci`, as in .ci/run); otherwise the tarball is unpacked
 * as npm would and only the production dependencies of package-lock.json are linked in, so a
 * dependency missing from "dependencies" still fails. Needs the build (`npm test` builds first).
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { childEnv, cliBuilt, REPO } from '../helpers/sandbox-process.js';

const exec = promisify(execFile);
const NOW = new Date('2026-11-28T12:00:00.000Z');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean; files: string[]; bin: Record<string, string>; license: string };

t.test('package.json is publishable', async (t) => {
  t.notOk(pkg.private, 'not private');
  t.equal(pkg.version, '0.1.0');
  t.equal(pkg.license, 'MIT');
  t.match(readFileSync(path.join(REPO, 'LICENSE'), 'utf8'), /^MIT License/);
  for (const key of ['repository', 'homepage', 'bugs']) t.ok((pkg as unknown as Record<string, unknown>)[key], key);
  for (const entry of ['dist/src', 'schemas', 'desired-state', 'templates']) t.ok(pkg.files.includes(entry), `files: ${entry}`);
});

/** Unpack the tarball into DIR/node_modules/NAME and link the production dependencies, as npm would. */
async function unpackWithLinkedDependencies(tarball: string, dir: string): Promise<void> {
  const target = path.join(dir, 'node_modules', pkg.name);
  mkdirSync(target, { recursive: true });
  await exec('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [at, entry] of Object.entries(lock.packages)) {
    if (!at.startsWith('node_modules/') || at.lastIndexOf('node_modules/') !== 0 || entry.dev === true) continue;
    const link = path.join(dir, at);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(REPO, at), link, 'dir');
  }
  mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  for (const [name, file] of Object.entries(pkg.bin)) {
    chmodSync(path.join(target, file), 0o755);
    symlinkSync(path.join('..', pkg.name, file), path.join(dir, 'node_modules', '.bin', name));
  }
}

t.test('the packed tarball, installed into an empty directory, runs init, validate, plan and apply against the sandbox', { skip: !cliBuilt() && 'needs the build' }, async (t) => {
  const work = mkdtempSync(path.join(tmpdir(), 'dbxsync-pack-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const packed = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: REPO, env: childEnv({}) });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const shipped = info!.files.map((f) => f.path);
  for (const f of ['package.json', 'LICENSE', 'README.md', 'dist/src/cli/main.js', 'schemas/desired-state.schema.json', 'desired-state/settings.yaml', 'templates/workflows/plan.yml', 'templates/gitignore']) {
    t.ok(shipped.includes(f), `ships ${f}`);
  }
  t.notOk(shipped.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('dist/test/')), 'no tests and no TypeScript sources');

  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), '{"name": "dropbox-access", "private": true}\n');
  const tarball = path.join(work, info!.filename);
  const offline = await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, env: childEnv({}) }).then(
    () => true,
    () => false,
  );
  if (!offline) await unpackWithLinkedDependencies(tarball, app);
  t.comment(offline ? 'installed with npm install --offline' : "npm's cache lacks the dependencies: unpacked, production dependencies linked");
  const bin = path.join(app, 'node_modules', '.bin', 'dbxsync');
  t.ok(existsSync(bin), 'node_modules/.bin/dbxsync');

  const sandbox = await startSandbox({ seed: demoSeed(NOW), clock: () => NOW, keepLog: false });
  t.teardown(() => sandbox.close());
  const dbxsync = (...args: string[]) =>
    exec(bin, args, { cwd: app, env: childEnv(sandbox.env()) }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  t.equal((await dbxsync('--version')).stdout.trim(), pkg.version);
  const init = await dbxsync('init');
  t.equal(init.code, 0, init.stderr);
  t.ok(existsSync(path.join(app, '.github/workflows/plan.yml')), 'the workflows come from the installed package');
  const settings = readFileSync(path.join(app, 'desired-state/settings.yaml'), 'utf8');
  const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(settings);
  t.ok(modeline && existsSync(path.resolve(app, 'desired-state', modeline[1]!)), `the editor schema hint resolves in the adopter's repository: ${modeline?.[1]}`);
  const validate = await dbxsync('validate');
  t.equal(validate.code, 0, validate.stderr);
  const plan = await dbxsync('plan', '--detailed-exitcode', '--out', 'plan.json');
  t.equal(plan.code, 2, `changes pending: ${plan.stderr}`);
  t.match(plan.stdout, /^Plan: \d+ to add/m);
  const apply = await dbxsync('apply', '--plan', 'plan.json', '--auto-approve', '--audit-log', 'audit.jsonl');
  t.equal(apply.code, 0, apply.stderr);
  t.match(apply.stdout + apply.stderr, /Apply complete: \d+ applied, 0 failed/);
  const again = await dbxsync('plan', '--detailed-exitcode');
  t.equal(again.code, 0, 'converged');
});
