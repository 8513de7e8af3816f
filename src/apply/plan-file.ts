/**
 * Plan files (`plan --out`, read by `apply --plan`, `show` and `comment`): written and read here
 * only. Reading validates the file against schemas/plan.schema.json (ajv, JSON Schema 2020-12) and
 * refuses it with one line naming the JSON path of the first problem; what a schema cannot say is
 * checked after it (an action id twice, a plan without phases from an older dbxsync).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { schemaPath } from '../config/schema.js';
import { UsageError } from '../domain/errors.js';
import { ACTION_KINDS, type Plan } from '../domain/plan.js';
import type { Redactor } from '../text/redact.js';
import { renderJson } from '../render/json.js';
import { missingPhase } from './phases.js';

const SCHEMA_FILE = 'plan.schema.json';

interface Validators {
  readonly plan: ValidateFunction;
  /** One action of a known kind, against its own definition: names the field of that kind that is wrong. */
  readonly action: (kind: string) => ValidateFunction | undefined;
}

let cached: Validators | null = null;

function validators(): Validators {
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaPath(SCHEMA_FILE), 'utf8')) as { $id: string };
  // allErrors off: a 100k-action plan stops at its first problem, which is the one reported.
  const ajv = new Ajv2020({ allErrors: false, strictRequired: false, strictTypes: false });
  ajv.addSchema(schema);
  const plan = ajv.getSchema(schema.$id)!;
  cached = { plan, action: (kind) => ajv.getSchema(`${schema.$id}#/$defs/${kind}`) };
  return cached;
}

/** Writes the plan as `plan --out` does: its JSON (schemas/plan.schema.json), secrets redacted. */
export async function writePlanFile(plan: Plan, absolutePath: string, redactor: Redactor): Promise<void> {
  await writeFile(absolutePath, redactor.redact(renderJson(plan)), 'utf8');
}

/**
 * Parses a plan file. Throws a UsageError whose message is one line, starting with `source`:
 * not JSON, another format version, a field the schema refuses (named by its JSON path), an action
 * id twice, or actions without phases (written by an older dbxsync: plan again).
 */
export function readPlanFile(json: string, source = 'plan file'): Plan {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new UsageError(`${source}: not valid JSON (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
  const fail = (what: string): never => {
    throw new UsageError(`${source}: not a dbxsync plan: ${what}`);
  };
  // What makes a file a plan at all, before its details: said in the plan's own words.
  if (!isRecord(data)) return fail('expected a JSON object');
  if (data.formatVersion !== 1) {
    if (typeof data.formatVersion === 'number') throw new UsageError(`${source}: plan formatVersion ${data.formatVersion} is not supported (this dbxsync reads formatVersion 1)`);
    return fail('formatVersion 1 missing');
  }
  if (typeof data.fingerprint !== 'string' || data.fingerprint === '') return fail('fingerprint missing');
  if (!Array.isArray(data.actions)) return fail('actions is not a list');
  if (!isRecord(data.safety) || typeof data.safety.ok !== 'boolean') return fail('safety.ok missing');

  const v = validators();
  const valid: boolean = v.plan(data);
  if (!valid) {
    const problem = describe(v, data, v.plan.errors?.[0]);
    if (problem === 'phase') throw new UsageError(`${source}: ${missingPhase(data.actions as { id: string; phase?: unknown }[])}`);
    return fail(problem);
  }
  const ids = new Set<string>();
  (data.actions as { id: string }[]).forEach((a, i) => {
    if (ids.has(a.id)) fail(`actions[${i}].id "${a.id}" appears twice`);
    ids.add(a.id);
  });
  return data as unknown as Plan;
}

/**
 * The first schema error as "path problem", or 'phase' when it is an action's missing phase. An
 * error inside an action is re-checked against that kind's own definition, so the message names the
 * field rather than "must match exactly one schema in oneOf".
 */
function describe(v: Validators, data: Record<string, unknown>, error: ErrorObject | undefined): string {
  if (error === undefined) return 'does not match schemas/plan.schema.json';
  const inAction = /^\/actions\/(\d+)(\/.*)?$/.exec(error.instancePath);
  if (inAction !== null) {
    const i = Number(inAction[1]);
    const action = (data.actions as unknown[])[i];
    const at = `actions[${i}]`;
    if (!isRecord(action)) return `${at} is not an object`;
    if (typeof action.kind !== 'string' || !(ACTION_KINDS as readonly string[]).includes(action.kind)) return `${at}.kind ${JSON.stringify(action.kind)} is not an action kind`;
    const byKind = v.action(action.kind);
    const fits: boolean = byKind === undefined || byKind(action);
    if (byKind !== undefined && !fits) {
      const first = byKind.errors?.[0];
      if (first?.keyword === 'required' && first.instancePath === '' && (first.params as { missingProperty: string }).missingProperty === 'phase') return 'phase';
      if (first !== undefined) return message(first, `${at}${pathOf(first.instancePath)}`, `${at} (${action.kind})`);
    }
  }
  return message(error, pathOf(error.instancePath).replace(/^\./, '') || 'the plan', null);
}

/** One problem in words; `label` names the object itself when a field of it is missing. */
function message(e: ErrorObject, at: string, label: string | null): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${e.instancePath === '' && label !== null ? label : at} has no ${String(params.missingProperty)}`;
    case 'additionalProperties':
      return `${at} has an unknown field ${JSON.stringify(params.additionalProperty)}`;
    case 'enum':
      return `${at} must be one of ${(params.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`;
    case 'const':
      return `${at} must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${at} ${e.message ?? 'is not valid'}`;
  }
}

/** "/actions/3/member/email" → ".actions[3].member.email". */
function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
    .join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
