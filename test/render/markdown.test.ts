import t from 'tap';
import { utf8Length } from '../../src/render/fit-to-length.js';
import { DEFAULT_MAX_MARKDOWN_LENGTH, renderMarkdown } from '../../src/render/markdown.js';
import { emailLabel } from '../../src/render/redact-emails.js';
import { PLAN_CATALOGUE, awkwardNamesPlan, emptyPlan, mixedPlan, oversizedPlan, refusedPlan } from '../fixtures/plans/index.js';
import { frozenCopy } from './plan-helpers.js';
import path from 'node:path';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

t.snapshotFile = path.join(REPO_ROOT, 'test/render/snapshots/markdown.snapshot.cjs');

const CI = {
  headSha: '4f9c2e1d7a6b5c3e2f1a0b9c8d7e6f5a4b3c2d1e',
  runUrl: 'https://github.com/acme-robotics/dropbox-state/actions/runs/7700112233',
};

t.test('snapshots of the catalogue', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) t.matchSnapshot(renderMarkdown(plan, CI), name);
  t.matchSnapshot(renderMarkdown(mixedPlan, { ...CI, redactEmails: true }), 'mixed, emails redacted');
  t.matchSnapshot(renderMarkdown(mixedPlan), 'mixed, without head SHA or run link');
});

t.test('the first line is the summary with its counts', async (t) => {
  const cases: [string, string, RegExp][] = [
    ['mixed', renderMarkdown(mixedPlan), /^\*\*Plan: 9 to add, 8 to change, 2 to suspend, 4 to remove\.\*\* 2 irreversible changes · 4 admin role changes · 3 waiting · 3 reports · 2 warnings$/],
    ['refused', renderMarkdown(refusedPlan), /^\*\*Plan: 0 to add, 1 to change, 7 to suspend, 24 to remove\.\*\* \*\*refused by the safety rules\*\*/],
    ['empty', renderMarkdown(emptyPlan), /^\*\*No changes\. Dropbox matches the desired state\.\*\*$/],
  ];
  for (const [name, text, first] of cases) t.match(text.split('\n')[0], first, name);
});

t.test('the order a reviewer reads: refusals, irreversible, admin roles, then per kind', async (t) => {
  const text = renderMarkdown(refusedPlan);
  const at = (s: string): number => text.indexOf(s);
  t.ok(at('> [!CAUTION]') > 0);
  t.ok(at('> [!CAUTION]') < at('### Irreversible changes (24)'));
  t.ok(at('### Irreversible changes (24)') < at('### Admin roles (1)'));
  t.ok(at('### Admin roles (1)') < at('<details><summary>! Suspensions (7)'));
  const mixed = renderMarkdown(mixedPlan);
  t.ok(mixed.indexOf('<details><summary>+ Members to add') < mixed.indexOf('<details><summary>Waiting (3)'));
  t.ok(mixed.indexOf('<details><summary>Waiting (3)') < mixed.indexOf('<details><summary>Reports (3)'));
  t.ok(mixed.indexOf('<details><summary>Reports (3)') < mixed.indexOf('### Warnings (2)'));
});

t.test('every action appears once: above if irreversible or privileged, else in its kind section', async (t) => {
  const text = renderMarkdown(mixedPlan);
  for (const action of mixedPlan.actions) {
    const reason = action.reason.replace(/_/g, '\\_').replace(/\[/g, '\\[').replace(/\]/g, '\\]');
    if (action.kind === 'group.members.add' || action.kind === 'group.members.remove') {
      t.equal(text.split(`\nWhy: ${reason}\n`).length - 1, 1, action.id);
      for (const m of action.members) t.match(text, `Why: ${reason}\n\n${action.members.map((x) => `- ${x.email}\n`).join('')}`, `${action.id}: ${m.email}`);
    } else {
      t.equal(text.split(`| ${reason} |`).length - 1, 1, action.id);
    }
  }
});

t.test('the footer carries the fingerprint, the head SHA and the run link', async (t) => {
  const last = renderMarkdown(mixedPlan, CI).trimEnd().split('\n').pop() ?? '';
  t.match(last, `Fingerprint \`${mixedPlan.fingerprint}\``);
  t.match(last, `head ${CI.headSha}`);
  t.match(last, `[workflow run](${CI.runUrl})`);
  t.notMatch(renderMarkdown(mixedPlan), /head |workflow run/);
  t.match(renderMarkdown(mixedPlan, { runUrl: 'https://ci.example/run (1)' }), '[workflow run](https://ci.example/run%20%281%29)');
});

t.test('the oversized plan fits in a comment and says exactly what it cut', async (t) => {
  const text = renderMarkdown(oversizedPlan, CI);
  t.ok(text.length <= 65_000, `${text.length} characters`);
  t.ok(utf8Length(text) <= DEFAULT_MAX_MARKDOWN_LENGTH, `${utf8Length(text)} bytes`);
  t.ok(text.length > 50_000, 'it uses the room it has');
  t.match(text, /^_This comment is shortened to fit GitHub's size limit/m);
  const adds = /\n… ([\d,]+) more member\.add actions not shown; the full plan is in the plan\.json artifact\n/.exec(text);
  t.ok(adds, 'names the member.add actions it cut');
  const shownAdds = text.split('\n').filter((l) => /^\| [a-z.0-9]+@acme-robotics\.example \| add: /.test(l)).length;
  t.equal(shownAdds + Number((adds?.[1] ?? '').replace(/,/g, '')), 4000, 'shown + cut = all member.add actions');
  t.match(text, /… [\d,]+ more group\.members\.add memberships of Engineering not shown/);
  t.match(text, /… [\d,]+ more group\.members\.add memberships of dbx-Marketing not shown/, 'every group keeps some room');
  t.match(text, /… [\d,]+ more waiting states not shown/);
  t.match(text, /… [\d,]+ more reports not shown/);
  t.ok(text.trimEnd().endsWith('</sub>'), 'the footer survives');
});

t.test('refusals and irreversible changes are never cut to make room', async (t) => {
  const oversized = renderMarkdown(oversizedPlan);
  for (const a of oversizedPlan.actions.filter((x) => x.reversibility === 'irreversible')) {
    t.ok(oversized.includes(`| ${'member' in a ? a.member.email : ''} | \`-\` remove: `), `${a.id} is shown`);
  }
  const max = utf8Length(renderMarkdown(refusedPlan)) - 1_000;
  const refused = renderMarkdown(refusedPlan, { maxLength: max });
  t.ok(utf8Length(refused) <= max);
  for (const v of refusedPlan.safety.violations) t.match(refused, `> - **${v.rule.replace(/_/g, '\\_')}**`, v.rule);
  t.equal(refused.split('\n').filter((l) => l.includes('| `-` remove: files to it-archive@')).length, 24, 'all 24 irreversible removals');
  t.match(refused, /… [1-7] (more )?member\.suspend actions not shown/, 'the suspensions were folded instead');
});

t.test('when irreversible changes alone exceed the limit, the first ones stay with a clear note', async (t) => {
  const text = renderMarkdown(oversizedPlan, { maxLength: 4_000 });
  t.ok(utf8Length(text) <= 4_000, `${utf8Length(text)} bytes`);
  const first = oversizedPlan.actions.find((a) => a.reversibility === 'irreversible');
  t.ok(first && 'member' in first && text.includes(`| ${first.member.email} |`), 'the first irreversible change is shown');
  t.match(text, /… [\d,]+ more irreversible changes not shown: they alone exceed the comment size limit; the full plan is in the plan\.json artifact/);
});

t.test('a tiny limit still yields a valid, bounded comment', async (t) => {
  for (const max of [200, 500, 1000]) {
    const text = renderMarkdown(refusedPlan, { maxLength: max });
    t.ok(utf8Length(text) <= max, `${max}: ${utf8Length(text)} bytes`);
    t.match(text, /the full plan is in the plan\.json artifact/, `${max}: says where the rest is`);
  }
});

t.test('user data cannot break the markdown', async (t) => {
  const text = renderMarkdown(awkwardNamesPlan);
  t.notMatch(text, /<script>|<b>|<EU>|<\/details> Archive/, 'no raw HTML from user data');
  t.match(text, '&lt;script&gt;alert(1)&lt;/script&gt;');
  t.match(text, 'R&amp;D \\| Prototypes &lt;EU&gt;');
  t.match(text, '<summary>+ Group R&amp;D | Prototypes &lt;EU&gt;: 2 members to add', 'inside HTML only HTML is escaped');
  t.match(text, "O'Brien \\| \\`dev\\`");
  t.match(text, '"\\*Max\\*" → "Max\\_\\[admin\\]"');
  t.notMatch(text, /(^|[^\w])@acme\//m, 'no team mention');
  for (const line of text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))) {
    const header = line.split(/(?<!\\)\|/).length;
    t.ok(header === 5, `a table row keeps its 3 cells: ${line.slice(0, 60)}`);
  }
  const opened = text.split('<details>').length;
  t.equal(text.split('</details>').length, opened, 'every <details> is closed, none forged');
});

t.test('redacted: no company address anywhere, even in free text', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) {
    const text = renderMarkdown(plan, { redactEmails: true });
    t.notOk(text.includes('@acme-robotics.example'), name);
  }
  const text = renderMarkdown(mixedPlan, { redactEmails: true });
  t.match(text, `| ${emailLabel('mark.chen@acme-robotics.example')} | \`-\` remove: files to ${emailLabel('laura.kim@acme-robotics.example')}`);
  t.match(text, `files to the manager ${emailLabel('laura.kim@acme-robotics.example')} (Okta managerId)`, 'inside the reason too');
});

t.test('deterministic and pure', async (t) => {
  for (const [name, plan] of Object.entries(PLAN_CATALOGUE)) {
    const frozen = frozenCopy(plan);
    t.equal(renderMarkdown(frozen, { ...CI, redactEmails: true }), renderMarkdown(structuredClone(plan), { ...CI, redactEmails: true }), name);
    t.same(frozen, plan, `${name}: the plan is unchanged`);
  }
});
