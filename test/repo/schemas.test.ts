/**
 * The shipped JSON Schemas: they compile (ajv strict, draft 2020-12), every property documents
 * itself (editors show the descriptions), and every shipped example validates against them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import t from 'tap';
import { parse } from 'yaml';
import { ROLE_RANK } from '../../src/domain/desired.js';
import { loadDesiredState } from '../../src/config/load-desired-state.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

const repo = REPO_ROOT;
const schemasDir = path.join(repo, 'schemas');
const schemaFiles = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Every place in a schema where properties are declared, as "pointer: name" for those without a description. */
function undocumented(node: unknown, pointer: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => undocumented(n, `${pointer}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const keyword of ['properties', '$defs', 'patternProperties']) {
      const props = record[keyword];
      if (props === null || typeof props !== 'object') continue;
      for (const [name, sub] of Object.entries(props as Record<string, unknown>)) {
        const description = (sub as Record<string, unknown>).description;
        if (typeof description !== 'string' || description.trim() === '') out.push(`${pointer}/${keyword}/${name}`);
      }
    }
    for (const [key, value] of Object.entries(record)) undocumented(value, `${pointer}/${key}`, out);
  }
  return out;
}

t.test('every schema compiles in ajv strict mode and has an $id', async (t) => {
  t.ok(schemaFiles.includes('desired-state.schema.json'));
  for (const file of schemaFiles) {
    const schema = readJson(path.join(schemasDir, file));
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
    addFormats(ajv);
    t.doesNotThrow(() => ajv.compile(schema), file);
    t.match(schema.$id, /^https:\/\//, `${file} has an $id`);
    t.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', `${file} is draft 2020-12`);
  }
});

t.test('every property of every schema has a description', async (t) => {
  for (const file of schemaFiles) t.same(undocumented(readJson(path.join(schemasDir, file)), '#', []), [], file);
});

t.test('the desired-state schema refuses unknown keys at every level', async (t) => {
  const open: string[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'object' && record.additionalProperties !== false && record.propertyNames === undefined) open.push(pointer);
    for (const [key, value] of Object.entries(record)) walk(value, `${pointer}/${key}`);
  };
  walk(readJson(path.join(schemasDir, 'desired-state.schema.json')), '#');
  t.same(open, [], 'only maps keyed by attribute names (propertyNames) are open');
});

t.test('the roles of the schema are the roles of the domain', async (t) => {
  const schema = readJson(path.join(schemasDir, 'desired-state.schema.json')) as { $defs: { role: { enum: string[] } } };
  t.same([...schema.$defs.role.enum].sort(), Object.keys(ROLE_RANK).sort());
});

t.test('every shipped example file validates against the schema on its own, and names it for editors', async (t) => {
  const schema = readJson(path.join(schemasDir, 'desired-state.schema.json'));
  const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const dir = path.join(repo, 'desired-state');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  t.ok(files.length >= 5, 'settings, groups, roles, offboarding, import');
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    t.ok(validate(parse(text)), `${file}: ${JSON.stringify(validate.errors)}`);
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text.split('\n')[0]!);
    t.ok(modeline, `${file} starts with the yaml-language-server modeline`);
    if (modeline) t.equal(path.resolve(dir, modeline[1]!), path.join(schemasDir, 'desired-state.schema.json'), `${file} points at the schema`);
  }
});

t.test('the shipped example passes the full validation (merge and rules) with no warning', async (t) => {
  const result = await loadDesiredState('desired-state', { now: new Date('2026-11-28T00:00:00Z'), cwd: repo });
  t.same(result.ok ? result.warnings : result.issues, []);
});

t.test('the defaults the schema documents are the defaults the loader applies', async (t) => {
  const root = t.testdir({ 'desired-state': { 'settings.yaml': 'version: 1\nokta: {appId: 0oa1dropbox2bus3ness}\n' } });
  const result = await loadDesiredState('desired-state', { now: new Date('2026-11-28T00:00:00Z'), cwd: root });
  if (!result.ok) return t.fail('the minimal directory is refused');
  const defaults: [string[], unknown][] = [];
  const walk = (node: Record<string, unknown>, at: string[]): void => {
    for (const [name, sub] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      if ('default' in sub) defaults.push([[...at, name], sub.default]);
      walk(sub, [...at, name]);
    }
  };
  walk(readJson(path.join(schemasDir, 'desired-state.schema.json')), []);
  t.ok(defaults.length >= 25, `${defaults.length} defaults documented`);
  for (const [at, value] of defaults) {
    const loaded = at.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], result.state);
    t.same(loaded, value, at.join('.'));
  }
});
