/**
 * npm test runs the compiled tests (dist/test/…): a test that finds the repository, a fixture or a
 * snapshot through its own import.meta.url would look inside dist/ there. They all take REPO from
 * test/helpers/repo-root.ts, which walks up to package.json; the benchmark (run from dist by design)
 * is the exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { REPO } from '../helpers/repo-root.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.isFile() && e.name.endsWith('.ts') ? [path.relative(REPO, full)] : [];
  });
}

// repo-root.ts is the one place; this file holds the patterns' samples.
const ALLOWED = new Set(['test/helpers/repo-root.ts', 'test/repo/repo-root.test.ts']);
const SELF_RELATIVE = /import\.meta\.(?:url|dirname|filename)/;

t.test('no test file finds paths from its own location', async (t) => {
  const offenders = files(path.join(REPO, 'test'))
    .filter((f) => !f.startsWith('test/bench/') && !ALLOWED.has(f))
    .filter((f) => SELF_RELATIVE.test(readFileSync(path.join(REPO, f), 'utf8').replace(/^\s*(?:\*|\/\/).*$/gm, '')));
  t.same(offenders, [], 'use REPO from test/helpers/repo-root.ts');
  t.ok(SELF_RELATIVE.test("const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');"), 'the pattern sees the old form');
  t.ok(SELF_RELATIVE.test("const REPO = path.resolve(import.meta.dirname, '../..');"), 'and the dirname form');
});

t.test('REPO is the repository root, from the TS source and from dist alike', async (t) => {
  t.equal((JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string }).name, 'dbxsync');
  t.notMatch(REPO, /[\\/]dist$/);
});
