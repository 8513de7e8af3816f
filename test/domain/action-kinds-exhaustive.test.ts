/**
 * A new action kind must not slip past a guard (issue 13, "Safety first"): every switch over action
 * kinds ends in assertNever and the kind tables are `satisfies Record<ActionKind, …>`, so adding a
 * kind to the Action union fails to compile wherever it must be handled; at run time an unknown kind
 * throws instead of being waved through as "covered".
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { checkReviewedPlan, destructiveListing } from '../../src/apply/guard.js';
import { InternalError } from '../../src/domain/errors.js';
import { ACTION_KINDS, isDestructive, type Action } from '../../src/domain/plan.js';
import { person, plan } from '../apply/fakes/plan-builder.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const root = REPO_ROOT;

/** A destructive kind this version does not know, as a plan file written by another tool could hold. */
function madeUpWipe(): Action {
  return {
    kind: 'member.wipe_devices',
    id: 'member.wipe_devices:dbmid:leaver',
    reason: 'made up',
    reversibility: 'irreversible',
    dependsOn: [],
    serialKey: null,
    member: person('leaver@acme.example', 'dbmid:leaver'),
  } as unknown as Action;
}

t.test('a made-up kind in both plans is not "covered" by the reviewed-plan guard: it throws', async (t) => {
  const wipe = madeUpWipe();
  t.throws(() => isDestructive(wipe), InternalError, 'isDestructive has no default answer');
  t.throws(() => checkReviewedPlan(plan([wipe]), plan([wipe])), InternalError, 'the guard refuses to pass it');
  t.throws(() => destructiveListing(plan([wipe])), InternalError, 'nor lists it with a generic line');
});

t.test('ACTION_KINDS holds every kind once', async (t) => {
  t.equal(new Set(ACTION_KINDS).size, ACTION_KINDS.length);
  t.ok(ACTION_KINDS.includes('member.remove') && ACTION_KINDS.includes('okta.update_profile'));
});

t.test('adding a destructive kind to the Action union fails to compile where it must be handled', async (t) => {
  const planFile = join(root, 'src/domain/plan.ts');
  const original = readFileSync(planFile, 'utf8');
  const patched = original
    .replace(
      'export type Action =\n',
      "export interface MemberWipeDevicesAction extends ActionBase {\n  readonly kind: 'member.wipe_devices';\n  readonly member: PersonRef;\n}\n\nexport type Action =\n  | MemberWipeDevicesAction\n",
    )
    // As its author would, to give the kind its direction (the kind table does not compile without it):
    // from there the sync executor's table must handle it too.
    .replace("  'member.add': 'sync',\n", "  'member.wipe_devices': 'sync',\n  'member.add': 'sync',\n");
  t.not(patched, original, 'the union was found and extended');
  t.match(patched, "'member.wipe_devices': 'sync'", 'and the kind table');

  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => t.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  });
  if (parsed === undefined) return;
  const rootNames = parsed.fileNames.filter((f) => f.includes('/src/'));
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (resolve(f) === planFile ? patched : readFile(f));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError, create) =>
    resolve(f) === planFile ? ts.createSourceFile(f, patched, lang, true) : getSourceFile(f, lang, onError, create);
  const program = ts.createProgram({ rootNames, options: parsed.options, host });
  const files = new Set(
    ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined)
      .map((d) => d.file!.fileName.slice(root.length + 1)),
  );
  for (const must of ['src/domain/plan.ts', 'src/apply/guard.ts', 'src/plan/ordering.ts', 'src/render/describe-action.ts', 'src/apply/execute.ts']) {
    t.ok(files.has(must), `${must} does not compile until it handles the new kind`);
  }
});
