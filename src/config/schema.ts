/**
 * Validates one file's data against schemas/desired-state.schema.json (JSON Schema 2020-12, ajv)
 * and turns ajv's errors into one clear message each, at the node they are about.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import type { ConfigIssue } from './issue.js';
import { closest } from './suggest.js';
import { kindOf, type DataPath, type YamlFile } from './yaml-file.js';

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
// ajv-formats is CommonJS: under NodeNext its default import is the module object or the function itself.
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

/** A JSON Schema object, loosely typed: the parts read here are checked at use. */
export interface SchemaNode {
  readonly description?: string;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
  readonly [keyword: string]: unknown;
}

const SCHEMA_FILE = 'desired-state.schema.json';

/** Absolute path of a shipped schema: found from this module upwards (src/ in tests, dist/src/ when built). */
export function schemaPath(file: string = SCHEMA_FILE): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'schemas', file);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`schemas/${file} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

let cached: { schema: SchemaNode; validate: ValidateFunction } | null = null;

function compiled(): { schema: SchemaNode; validate: ValidateFunction } {
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as SchemaNode;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strictRequired: false, strictTypes: false });
  addFormats(ajv);
  cached = { schema, validate: ajv.compile(schema) };
  return cached;
}

/** The desired-state schema, parsed. */
export function desiredStateSchema(): SchemaNode {
  return compiled().schema;
}

/** Human words for patterns in the schema, so that a message says what is expected, not a regex. */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  '^0oa[A-Za-z0-9]+$': "an Okta app id (0oa..., as in the app's admin URL)",
  '^[A-Za-z_][A-Za-z0-9_]*$': 'an Okta profile attribute name (letters, digits and _)',
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a mapping (key: value lines)',
};

/** Every schema problem of one file, one issue per problem. */
export function schemaIssues(file: YamlFile): ConfigIssue[] {
  const { schema, validate } = compiled();
  if (validate(file.data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !e.schemaPath.includes('/oneOf') && e.keyword !== 'propertyNames');
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const issues: ConfigIssue[] = [];
  for (const error of errors) {
    if (error.keyword !== 'type' && typeFailed.has(error.instancePath)) continue;
    const dataPath = toDataPath(error.instancePath, file.data);
    const { message, target, at } = describe(error, dataPath, schema);
    const pos = file.locate(at, target);
    issues.push({ file: file.display, line: pos.line, col: pos.col, message, severity: 'error' });
  }
  return issues;
}

interface Described {
  message: string;
  target: 'key' | 'value' | 'parent';
  at: DataPath;
}

function describe(error: ErrorObject, at: DataPath, schema: SchemaNode): Described {
  const where = formatPath(at);
  const prefix = where === '' ? '' : `${where}: `;
  const value = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
      const suggestion = closest(key, known);
      const elsewhere = suggestion ? null : belongsUnder(key, schema);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : elsewhere ? `; it belongs under ${elsewhere}` : '';
      const what = where === '' ? `unknown top-level key "${key}"` : `${where}: unknown key "${key}"`;
      return { message: `${what}${hint}`, target: 'key', at: [...at, key] };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return { message: `${where === '' ? 'top level' : where}: missing required key "${key}"`, target: 'parent', at: [...at, key] };
    }
    case 'type': {
      const expected = String(params.type);
      const words = TYPE_WORDS[expected] ?? expected;
      const yaml11 = expected === 'boolean' && typeof value === 'string' && /^(yes|no|y|n|on|off|true|false)$/i.test(value)
        ? ' (YAML 1.2 has only true and false)'
        : '';
      return { message: `${prefix}must be ${words}, got ${kindOf(value)}${yaml11}`, target: 'value', at };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => String(v));
      if (where === 'version') return { message: `unsupported version ${JSON.stringify(value)}; this dbxsync reads version 1`, target: 'value', at };
      const suggestion = typeof value === 'string' ? closest(value, allowed) : null;
      return {
        message: `${prefix}must be one of ${allowed.join(', ')}, got ${kindOf(value)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        target: 'value',
        at,
      };
    }
    case 'pattern': {
      const pattern = String(params.pattern);
      const words = PATTERN_WORDS[pattern] ?? `text matching ${pattern}`;
      if (error.propertyName !== undefined) {
        return { message: `${prefix}"${error.propertyName}" is not ${words}`, target: 'key', at: [...at, error.propertyName] };
      }
      return { message: `${prefix}must be ${words}, got ${kindOf(value)}`, target: 'value', at };
    }
    case 'minimum':
      return { message: `${prefix}must be at least ${String(params.limit)}, got ${kindOf(value)}`, target: 'value', at };
    case 'maximum':
      return { message: `${prefix}must be at most ${String(params.limit)}, got ${kindOf(value)}`, target: 'value', at };
    case 'minLength':
      return { message: `${prefix}must not be empty`, target: 'value', at };
    case 'maxLength':
      return { message: `${prefix}must be at most ${String(params.limit)} characters long, got ${String(value).length}`, target: 'value', at };
    case 'format':
      return {
        message: params.format === 'date' ? `${prefix}must be a date written YYYY-MM-DD, got ${kindOf(value)}` : `${prefix}must be a valid ${String(params.format)}, got ${kindOf(value)}`,
        target: 'value',
        at,
      };
    default:
      return { message: `${prefix}${error.message ?? 'is invalid'}`, target: 'value', at };
  }
}

/** JSON pointer (`/roles/0/users`) to a data path, with indexes where the data holds lists. */
export function toDataPath(pointer: string, data: unknown): DataPath {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      out.push(index);
      node = node[index];
    } else {
      out.push(segment);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

/** `roles[0].users[1]` */
export function formatPath(dataPath: DataPath): string {
  let out = '';
  for (const segment of dataPath) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

/** Where else in the schema a key of this exact name exists ("okta", "each entry of roles"), if anywhere. */
function belongsUnder(key: string, schema: SchemaNode): string | null {
  const places: string[] = [];
  const walk = (node: SchemaNode | undefined, at: string, depth: number): void => {
    if (!node || depth > 6) return;
    const resolved = node.$ref?.startsWith('#/$defs/') ? schema.$defs?.[node.$ref.slice('#/$defs/'.length)] : node;
    for (const [name, child] of Object.entries(resolved?.properties ?? {})) {
      if (name === key && at !== '') places.push(at);
      walk(child, at === '' ? name : `${at}.${name}`, depth + 1);
    }
    if (resolved?.items) walk(resolved.items, at === '' ? at : `${at}[]`, depth + 1);
  };
  walk(schema, '', 0);
  const place = places[0];
  if (place === undefined) return null;
  return place.endsWith('[]') ? `each entry of ${place.slice(0, -2)}` : place;
}
