/** Import plans validate against schemas/plan.schema.json, like sync plans: one JSON format for both. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import t from 'tap';
import { planImport } from '../../src/import/index.js';
import { src, team } from '../helpers/builders.js';
import path from 'node:path';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/plan.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ strict: true, allErrors: true }).compile(schema);

t.test('an import plan with every action kind, reports, a warning and a max_writes refusal validates', async (t) => {
  const input = team()
    .person('ada', { okta: { assigned: false }, dropbox: { externalId: null } })
    .person('jordan', { okta: false })
    .person('grace', { dropbox: { givenName: 'Gracie' } })
    .person('twin', { okta: { assigned: false }, dropbox: { externalId: null } })
    .person('twin2', { okta: { email: 'twin@acme.example', assigned: false }, dropbox: false })
    .person('gone', { okta: { assigned: false, status: 'DEPROVISIONED' }, dropbox: { externalId: null } })
    .person('breakglass', { okta: { assigned: false }, dropbox: { externalId: null } })
    .person('nameless', { okta: false, dropbox: { surname: '' } })
    .settings({ provisioning: { protectedMembers: ['breakglass'] } })
    .build();
  const plan = planImport({
    ...input,
    desired: { ...input.desired, import: { ...input.desired.import, createUsers: true, profile: { firstName: 'givenName' }, maxWrites: 1, source: src('import.yaml', 5, 1) } },
  });
  t.same(Object.keys(plan.summary).sort(), ['okta.assign', 'okta.create_user', 'okta.update_profile']);
  t.same([...new Set(plan.reports.map((r) => r.kind))].sort(), ['ambiguous_match', 'other', 'protected_member', 'unassigned_member']);
  t.equal(plan.safety.violations[0]?.rule, 'max_writes');
  t.equal(plan.warnings.length, 1);
  const ok = validate(JSON.parse(JSON.stringify(plan)));
  t.ok(ok, JSON.stringify(validate.errors));
});
