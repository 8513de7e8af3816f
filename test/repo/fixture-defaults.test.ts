/**
 * Test fixtures start from defaultDesiredState (issue 13): a helper that writes every default out
 * by hand drifts from src/config/normalise.ts without a sound (one copy quietly had onDeactivated
 * `remove` where design.md's default is `suspend`). This reads every test/**\/*.ts and flags an
 * object literal that restates the defaults of several sections of a desired state at once; a
 * fixture spreads `defaultDesiredState(…)` and writes only the values it changes, with a reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import ts from 'typescript';
import { defaultDesiredState } from '../../src/config/normalise.js';
import { REPO } from '../helpers/repo-root.js';

const SELF = 'test/repo/fixture-defaults.test.ts';

/** A literal restating at least MIN_PER_SECTION defaults in each of MIN_SECTIONS sections is a copy. */
const MIN_SECTIONS = 3;
const MIN_PER_SECTION = 3;

/** The one literal allowed, and why: it is the design written out, what the code is checked against. */
const ALLOWED: Readonly<Record<string, string>> = {
  'test/config/load-desired-state.test.ts':
    'the expected state of "the smallest valid directory gets every default of design.md": built from defaultDesiredState it would check the code against itself',
};

type Scalar = string | number | boolean | null;

/** Every scalar default by property name, with the section of the desired state it belongs to. */
function defaultLeaves(): Map<string, { readonly section: string; readonly values: Set<Scalar> }> {
  const leaves = new Map<string, { section: string; values: Set<Scalar> }>();
  const walk = (value: unknown, section: string, key: string): void => {
    if (Array.isArray(value)) return;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'source') walk(v, section, k);
      return;
    }
    const leaf = leaves.get(key) ?? { section, values: new Set<Scalar>() };
    leaf.values.add(value as Scalar);
    leaves.set(key, leaf);
  };
  const { version: _v, files: _f, okta: _o, ...sections } = defaultDesiredState('0oaGuard', { file: 'guard.yaml', line: 1, col: 1 });
  for (const [section, value] of Object.entries(sections)) walk(value, section, section);
  return leaves;
}

const LEAVES = defaultLeaves();

function literalValue(node: ts.Expression): { readonly value: Scalar } | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { value: node.text };
  if (ts.isNumericLiteral(node)) return { value: Number(node.text) };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { value: null };
  return null;
}

/** The sections whose defaults `literal` (nested literals included) restates, with how many each. */
function restated(literal: ts.ObjectLiteralExpression): Map<string, Set<string>> {
  const bySection = new Map<string, Set<string>>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const leaf = LEAVES.get(node.name.text);
      const written = literalValue(node.initializer);
      if (leaf !== undefined && written !== null && leaf.values.has(written.value)) {
        bySection.set(leaf.section, (bySection.get(leaf.section) ?? new Set()).add(node.name.text));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(literal);
  return bySection;
}

/** "line N: provisioning 6, safety 7, …" for each outermost object literal that copies the defaults. */
function handCopies(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const sections = [...restated(node)].filter(([, names]) => names.size >= MIN_PER_SECTION);
      if (sections.length >= MIN_SECTIONS) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push(`line ${line}: ${sections.map(([section, names]) => `${section} ${names.size}`).join(', ')}`);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(full);
    return e.isFile() && e.name.endsWith('.ts') ? [path.relative(REPO, full).split(path.sep).join('/')] : [];
  });
}

t.test('no test helper writes the desired-state defaults out by hand', async (t) => {
  const copies = Object.fromEntries(
    testFiles(path.join(REPO, 'test'))
      .filter((f) => f !== SELF)
      .map((f) => [f, handCopies(f, readFileSync(path.join(REPO, f), 'utf8'))] as const)
      .filter(([, found]) => found.length > 0),
  );
  const others = Object.fromEntries(Object.entries(copies).filter(([f]) => !(f in ALLOWED)));
  t.same(others, {}, 'spread defaultDesiredState(…) and write only the values the tests change, each with its reason');
  for (const [file, why] of Object.entries(ALLOWED)) t.equal(copies[file]?.length ?? 0, 1, `${file} keeps its one literal: ${why}`);
});

t.test('the check sees a hand copy and lets a fixture built from the defaults pass', async (t) => {
  const defaults = defaultDesiredState('0oaGuard', { file: 'guard.yaml', line: 1, col: 1 });
  t.match(handCopies('copy.ts', `export const desired = ${JSON.stringify(defaults, null, 2)};`), [/^line 1: provisioning \d+, safety \d+, offboarding \d+/], 'the defaults written out');
  const oldFixture = `const d = {
    provisioning: { sendWelcomeEmail: false, profile: { givenName: 'firstName', surname: 'lastName', email: 'email' }, unassigned: 'suspend', unmanagedMembers: 'report', protectedMembers: [], source: null },
    safety: { maxRemovals: 25, maxRemovalPercent: 10, minMembersForPercent: 10, minTeamAdmins: 1, maxGroupMemberRemovals: 100, maxRoleDemotions: 5, maxGroupDeletions: 5, exceptions: [], source: null },
    offboarding: { onSuspended: { action: 'suspend', wipeData: false, source: null }, onDeactivated: { action: 'remove', graceDays: 0, transferTo: 'manager', keepAccount: false } },
  };`;
  t.equal(handCopies('old.ts', oldFixture).length, 1, 'a copy that changes one default is still a copy');
  const built = `const defaults = defaultDesiredState(APP_ID, SRC);
  const d = { ...defaults, safety: { ...defaults.safety, minTeamAdmins: 0 }, offboarding: { ...defaults.offboarding, onDeactivated: { ...defaults.offboarding.onDeactivated, action: 'remove' } } };`;
  t.same(handCopies('built.ts', built), [], 'overrides over defaultDesiredState pass');
  const oneSection = `const safety = { maxRemovals: 25, maxRemovalPercent: 10, minMembersForPercent: 10, minTeamAdmins: 1, maxGroupMemberRemovals: 100 };`;
  t.same(handCopies('one-section.ts', oneSection), [], 'one section written out, as a case about its limits does, passes');
});
