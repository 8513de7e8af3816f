/**
 * The user documentation: a short README that links the docs/ pages, links that resolve, and a
 * desired-state reference that cannot drift from schemas/ (every schema property is documented).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const repo = REPO_ROOT;
const read = (file: string): string => readFileSync(path.join(repo, file), 'utf8');
const docFiles = (dir: string): string[] =>
  readdirSync(path.join(repo, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(repo, rel)).isDirectory() ? docFiles(rel) : rel.endsWith('.md') ? [rel] : [];
  });

t.test('the README is short and names the two commands a newcomer runs', async (t) => {
  const readme = read('README.md');
  t.ok(Buffer.byteLength(readme) <= 10 * 1024, `README.md is ${Buffer.byteLength(readme)} bytes`);
  t.match(readme, /npm install && npm start/);
  t.match(readme, /npm test/);
  t.match(readme, /dbxsync demo/);
  t.match(readme, /github:[\w-]+\/dbxsync#v\d+\.\d+\.\d+/, 'a pinned install');
});

t.test('the README command table holds every command of the contract, each with its page', async (t) => {
  const readme = read('README.md');
  const design = ['validate', 'plan', 'apply', 'import', 'explain', 'dump', 'comment', 'sandbox', 'demo', 'reconcile', 'watch', 'show', 'init'];
  for (const name of design) {
    t.match(readme, new RegExp(`^\\| \\[\`${name}\\b.*\\]\\(docs/commands/${name}\\.md\\)`, 'm'), `${name} is in the table`);
    t.ok(existsSync(path.join(repo, 'docs/commands', `${name}.md`)), `docs/commands/${name}.md exists`);
  }
});

t.test('every relative link of the README and docs/ points at a file that exists', async (t) => {
  for (const file of ['README.md', ...docFiles('docs')]) {
    for (const match of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!.split('#')[0]!;
      if (target === '' || /^[a-z]+:/.test(target)) continue;
      const resolved = path.resolve(repo, path.dirname(file), target);
      t.ok(existsSync(resolved), `${file}: ${match[1]}`);
      const fragment = match[1]!.split('#')[1];
      if (fragment !== undefined && resolved.endsWith('.md') && existsSync(resolved)) {
        t.ok(headingSlugs(readFileSync(resolved, 'utf8')).has(fragment), `${file}: ${match[1]} names a heading`);
      }
    }
  }
});

/** GitHub's anchors of a markdown page's headings: lower case, punctuation dropped, spaces as dashes. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = markdown
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, '').trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-'));
  return new Set(slugs);
}

/** Every property declared in the schema, as its path of names (array items add nothing). */
function properties(node: unknown, at: string[], defs: Record<string, unknown>, out: string[][], seen: Set<string>): string[][] {
  if (Array.isArray(node)) node.forEach((n) => properties(n, at, defs, out, seen));
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string' && record.$ref.startsWith('#/$defs/')) {
      const name = record.$ref.slice('#/$defs/'.length);
      const key = `${at.join('.')}>${name}`;
      if (!seen.has(key)) {
        seen.add(key);
        properties(defs[name], at, defs, out, seen);
      }
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === '$defs' || key === 'description') continue;
      if (key === 'properties' && value !== null && typeof value === 'object') {
        for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
          out.push([...at, name]);
          properties(sub, [...at, name], defs, out, seen);
        }
      } else properties(value, at, defs, out, seen);
    }
  }
  return out;
}

t.test('docs/desired-state.md documents every property of the desired-state schema', async (t) => {
  const schema = JSON.parse(read('schemas/desired-state.schema.json')) as { $defs?: Record<string, unknown> };
  const all = properties(schema, [], schema.$defs ?? {}, [], new Set());
  t.ok(all.length >= 40, `${all.length} properties`);
  const doc = read('docs/desired-state.md');
  // The names the reference writes in code spans, one by one ("`onDeactivated.graceDays`",
  // "`exceptions[].reason`", "`maxRemovalPercent`" in "`a` / `b`").
  const spans = new Set([...doc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.replace(/\[\]/g, '')));
  const documented = (leaf: string): boolean => [...spans].some((s) => s.split('.').includes(leaf));
  const missing = all.filter((p) => !documented(p.at(-1)!)).map((p) => p.join('.'));
  t.same([...new Set(missing)], [], 'every schema property has a row in docs/desired-state.md');
});
