/**
 * Tests clean up after themselves: a file that makes a temporary directory with mkdtemp or
 * mkdtempSync also removes it, with at least as many rm/rmSync calls as it has mkdtemp calls
 * (a t.teardown, a finally, or the helper test/helpers/scratch.ts, whose scratchDir(t, prefix)
 * removes the directory at t's teardown). Before this check one `npm test` left hundreds of
 * dbxsync-* directories in the temp dir, and every run added more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const repo = REPO_ROOT;

/**
 * Files allowed to make a temporary directory without removing it, each with a comment saying
 * why (even the hand-run bench removes its scratch desired state).
 */
const ALLOWED: ReadonlySet<string> = new Set([
  // `dbxsync demo` prints the path of its audit log for the user to open after the demo; the
  // demo's test (test/cli/commands.test.ts) removes it.
  'src/cli/commands/demo.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.isFile() && e.name.endsWith('.ts') ? [path.relative(repo, full)] : [];
  });
}

/** What a file makes and removes: mkdtemp calls, and rm calls (rm, rmSync). */
export function tempCalls(text: string): { made: number; removed: number } {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return { made: (code.match(/\bmkdtemp(?:Sync)?\(/g) ?? []).length, removed: (code.match(/\brm(?:Sync)?\(/g) ?? []).length };
}

t.test('every file under test/ and src/ that makes a temporary directory removes it', async (t) => {
  const files = [...sourceFiles(path.join(repo, 'test')), ...sourceFiles(path.join(repo, 'src'))];
  const leaking = files
    .filter((f) => !ALLOWED.has(f))
    .map((f) => ({ f, ...tempCalls(readFileSync(path.join(repo, f), 'utf8')) }))
    .filter(({ made, removed }) => made > removed)
    .map(({ f, made, removed }) => `${f}: ${made} mkdtemp, ${removed} rm (use scratchDir(t, prefix) from test/helpers/scratch.ts, or t.teardown(() => rmSync(dir, { recursive: true, force: true })))`);
  t.same(leaking, [], 'no file makes more temporary directories than it removes');
  const makers = files.filter((f) => tempCalls(readFileSync(path.join(repo, f), 'utf8')).made > 0);
  t.ok(makers.includes('test/helpers/scratch.ts'), 'the check sees the files that call mkdtemp');
  for (const f of ALLOWED) t.ok(makers.includes(f), `${f} is on the allow-list and still calls mkdtemp`);
});

t.test('the check recognises a leak and its cleanups', async (t) => {
  const leak = "const dir = mkdtempSync(path.join(tmpdir(), 'dbxsync-x-'));\n";
  t.same(tempCalls(leak), { made: 1, removed: 0 }, 'mkdtempSync without rmSync');
  t.same(tempCalls(`const dir = await mkdtemp(p);\nt.teardown(() => rm(dir, { recursive: true, force: true }));\n`), { made: 1, removed: 1 }, 'mkdtemp with rm at teardown');
  t.same(tempCalls(`${leak}t.teardown(() => rmSync(dir, { recursive: true, force: true }));\n`), { made: 1, removed: 1 }, 'mkdtempSync with rmSync');
  t.same(tempCalls(`${leak}${leak}t.teardown(() => rmSync(dir, { recursive: true, force: true }));\n`), { made: 2, removed: 1 }, 'two made, one removed');
  t.same(tempCalls(`/** removed with rmSync(dir) */\n${leak}// rmSync(dir)\n`), { made: 1, removed: 0 }, 'a cleanup in a comment does not count');
  t.same(tempCalls("import { mkdtempSync, rmSync } from 'node:fs';\n"), { made: 0, removed: 0 }, 'an import is no call');
});
