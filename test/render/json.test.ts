import t from 'tap';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { renderJson } from '../../src/render/json.js';
import { PLAN_CATALOGUE, mixedPlan } from '../fixtures/plans/index.js';
import { frozenCopy } from './plan-helpers.js';
import path from 'node:path';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

t.snapshotFile = path.join(REPO_ROOT, 'test/render/snapshots/json.snapshot.cjs');

t.test('snapshot of the mixed plan as JSON', async (t) => {
  t.matchSnapshot(renderJson(mixedPlan), 'mixed');
});

t.test('the JSON reads back as the same plan, for every plan of the catalogue', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) t.same(JSON.parse(renderJson(plan)), plan, name);
});

t.test('two-space indent, one final newline, formatVersion first', async (t) => {
  const json = renderJson(mixedPlan);
  t.ok(json.startsWith('{\n  "formatVersion": 1,\n  "fingerprint": "sha256:'));
  t.ok(json.endsWith('}\n') && !json.endsWith('\n\n'));
});

t.test('byte-stable: equal plans give equal bytes, and rendering does not touch the plan', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) {
    const frozen = frozenCopy(plan);
    t.equal(renderJson(frozen), renderJson(structuredClone(plan)), name);
  }
});

t.test('the JSON of every catalogue plan validates against schemas/plan.schema.json', async (t) => {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/plan.schema.json'), 'utf8'));
  const validate = new Ajv2020.default({ strict: true, allErrors: true }).compile(schema);
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) {
    const ok = validate(JSON.parse(renderJson(plan)));
    t.ok(ok, name, { errors: validate.errors?.slice(0, 5) });
  }
});
