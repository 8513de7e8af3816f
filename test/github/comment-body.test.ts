import t from 'tap';
import { PLAN_MARKER, planCommentBody, validationCommentBody, type CommentContext } from '../../src/github/comment-body.js';
import type { ValidationProblem, ValidationReport } from '../../src/github/validation-report.js';
import { utf8Length } from '../../src/render/fit-to-length.js';
import { mixedPlan, oversizedPlan } from '../fixtures/plans/index.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const context: CommentContext = {
  headSha: SHA,
  runUrl: 'https://github.com/acme/dstate/actions/runs/1',
  repoUrl: 'https://github.com/acme/dstate',
  toolVersion: '0.1.0',
  redactEmails: false,
};

const problem = (file: string, line: number, message = 'bad value', severity: ValidationProblem['severity'] = 'error'): ValidationProblem => ({ file, line, col: 3, message, severity });
const invalid = (...problems: ValidationProblem[]): ValidationReport => ({ ok: false, files: 3, problems });

t.test('the plan comment: marker, title, head, fingerprint, run link', async (t) => {
  const body = planCommentBody(mixedPlan, context);
  t.ok(body.startsWith(`${PLAN_MARKER}\n### dbxsync plan\n\n`));
  t.match(body, `Fingerprint \`${mixedPlan.fingerprint}\``);
  t.match(body, `head ${SHA}`);
  t.match(body, '[workflow run](https://github.com/acme/dstate/actions/runs/1)');
  const bare = planCommentBody(mixedPlan, { ...context, headSha: null, runUrl: null });
  t.notMatch(bare, 'head ');
  t.notMatch(bare, 'workflow run');
});

t.test('the plan comment stays within the limit, marker included', async (t) => {
  for (const maxLength of [65_000, 20_000, 4_000]) {
    const body = planCommentBody(oversizedPlan, { ...context, maxLength });
    t.ok(utf8Length(body) <= maxLength, `${utf8Length(body)} <= ${maxLength}`);
    t.ok(body.startsWith(PLAN_MARKER), `${maxLength}: the marker survives folding`);
    t.match(body, 'not shown', `${maxLength}: says what was cut`);
  }
});

t.test('validation problems link to the line in the head commit', async (t) => {
  const cases: [string, ValidationProblem, CommentContext, string][] = [
    ['a file in the repository', problem('desired-state/roles.yaml', 21), context, `[\`desired-state/roles.yaml:21:3\`](https://github.com/acme/dstate/blob/${SHA}/desired-state/roles.yaml#L21)`],
    ['a name with a space is encoded', problem('desired state/my roles.yaml', 2), context, `(https://github.com/acme/dstate/blob/${SHA}/desired%20state/my%20roles.yaml#L2)`],
    ['a leading ./ is dropped', problem('./roles.yaml', 2), context, `blob/${SHA}/roles.yaml#L2`],
    ['no line: a link to the file', { ...problem('roles.yaml', 0), col: 0 }, context, `[\`roles.yaml\`](https://github.com/acme/dstate/blob/${SHA}/roles.yaml)`],
    ['a line without a column', { ...problem('roles.yaml', 4), col: 0 }, context, '[`roles.yaml:4`]'],
    ['a file outside the checkout: no link', problem('../elsewhere/roles.yaml', 2), context, '| `../elsewhere/roles.yaml:2:3` |'],
    ['an absolute path: no link', problem('/etc/roles.yaml', 2), context, '| `/etc/roles.yaml:2:3` |'],
    ['no head commit known: no link', problem('roles.yaml', 2), { ...context, headSha: null }, '| `roles.yaml:2:3` |'],
  ];
  for (const [name, p, ctx, expected] of cases) t.match(validationCommentBody(invalid(p), ctx), expected, name);
});

t.test('the validation comment: title, counts, errors then warnings, escaped and redacted', async (t) => {
  const report = invalid(
    problem('a.yaml', 1, 'roles[0]: <script> | breakglass@acme-robotics.example'),
    problem('b.yaml', 2, 'unused rule', 'warning'),
    problem('a.yaml', 5, 'second'),
  );
  const body = validationCommentBody(report, { ...context, redactEmails: true });
  t.ok(body.startsWith(`${PLAN_MARKER}\n### dbxsync: the desired state is invalid\n\n**2 problems in the desired state** (3 files read): no plan was made. Fix them and push again.`));
  t.ok(body.indexOf('#### Errors (2)') < body.indexOf('#### Warnings (1)'));
  t.notMatch(body, '<script>', 'HTML escaped');
  t.match(body, '\\|', 'a pipe cannot break the table');
  t.notMatch(body, 'breakglass@', 'emails redacted');
  t.match(body, /user-[0-9a-f]{8}@redacted/);
  t.match(body, '<sub>head 0123456789abcdef0123456789abcdef01234567 · [workflow run](https://github.com/acme/dstate/actions/runs/1) · dbxsync 0.1.0</sub>');
  t.match(validationCommentBody(invalid(problem('a.yaml', 1)), context), 'Fix it and push again', 'one problem: "it"');
});

t.test('a valid report without a plan says no plan was made, and where to look', async (t) => {
  const report: ValidationReport = { ok: true, files: 1, problems: [problem('a.yaml', 1, 'unused rule', 'warning')] };
  const body = validationCommentBody(report, context);
  t.match(body, '### dbxsync plan\n\nThe desired state is valid (1 file), but **no plan was made**: the [workflow run](https://github.com/acme/dstate/actions/runs/1) says why.');
  t.match(body, '#### Warnings (1)');
  t.match(validationCommentBody(report, { ...context, runUrl: null }), 'but **no plan was made**.\n');
});

t.test('thousands of problems fold to the limit and say how many are not shown', async (t) => {
  const many = Array.from({ length: 5_000 }, (_, i) => problem(`desired-state/file-${i}.yaml`, i + 1, `problem number ${i} ${'x'.repeat(40)}`));
  const body = validationCommentBody(invalid(...many), context);
  t.ok(utf8Length(body) <= 65_000, `${utf8Length(body)} bytes`);
  t.match(body, /… [\d,]+ more errors not shown; run `dbxsync validate` to see them all/);
  t.match(body, '**5,000 problems in the desired state**');
  t.match(body, '<sub>head', 'the footer survives');
});
