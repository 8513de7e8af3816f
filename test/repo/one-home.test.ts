/**
 * One copy of each thing (issue 13): the small helpers every output uses, and the tables of the
 * contract, are defined in one file each; the others import them. A second definition compiles
 * and drifts (one plural grouped digits, one oneLine redacted, one status list forgot a status).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const repo = REPO_ROOT;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.isFile() && e.name.endsWith('.ts') ? [path.relative(repo, full)] : [];
  });
}

/** What is defined once, where, and how a definition is recognised. */
const HOMES: readonly { readonly what: string; readonly home: readonly string[]; readonly definition: RegExp; readonly sandboxApart?: true }[] = [
  { what: 'plural()', home: ['src/text/words.ts'], definition: /(?:function|const)\s+plural\b/ },
  { what: 'groupDigits()', home: ['src/text/words.ts'], definition: /function\s+groupDigits\b/ },
  { what: 'a SourceRef as file:line:col', home: ['src/text/words.ts'], definition: /\$\{(\w+(?:\.\w+)*)\.file\}:\$\{\1\.line\}/ },
  { what: 'oneLine() for error text', home: ['src/text/redact.ts'], definition: /function\s+oneLine\(text: string, max/ },
  { what: 'the shared RetryPolicy', home: ['src/transport/retry-policy.ts'], definition: /interface\s+RetryPolicy\s*\{/ },
  { what: 'type Obj', home: ['src/transport/shape.ts'], definition: /^(?:export\s+)?type\s+Obj\s*=/m },
  { what: 'the Okta user statuses', home: ['src/domain/live.ts'], definition: /'PASSWORD_EXPIRED',\s*'LOCKED_OUT'/ },
  // The sandbox's Dropbox routes read AdminTier from the wire on their own (team.stone), as an emulator must.
  { what: 'the role ranking', home: ['src/domain/desired.ts'], definition: /team_admin:\s*\d|\['team_admin', 'user_management_admin', 'support_admin'/, sandboxApart: true },
  // Emails are normalised once, by emailKey (the adapters set OktaUser.email and DropboxMember.emailKey with it);
  // the sandbox is the emulated service and folds case its own way.
  { what: 'email normalisation', home: ['src/domain/live.ts'], definition: /\bemails?\)?\??\.toLowerCase\(\)/i, sandboxApart: true },
  // One sanitiser for every rendered string (issue 12 item 8): a second copy of the class forgot the bidi controls.
  { what: 'the control/bidi character class', home: ['src/text/display-text.ts'], definition: /\\{1,2}u202a-\\{1,2}u202e/i },
  // Colours come from render/ansi.ts, which has no literal escape: styler(false) is the one "no colour" switch.
  { what: 'a literal colour escape', home: [], definition: /(?:\\u001b|\\x1b)\[[0-9;]*m/ },
  { what: "the group marker prefix 'okta:'", home: ['src/domain/live.ts'], definition: /=\s*['"]okta:['"]/, sandboxApart: true },
  // A count and its noun come from plural() (text/words.ts): an inline `${n} ${n === 1 ? 'x' : 'xs'}` or
  // `member${n === 1 ? '' : 's'}` is a second copy. Verb agreement alone ("exceed(s)", "is/are") is not.
  { what: 'an inline count-and-noun plural', home: [], definition: /\$\{(\w+(?:\.\w+)*)\}[ \w]*\$\{\1 === 1 \?|\w\$\{[\w.]+ === 1 \? '' : 's'\}/ },
];

t.test('each helper and table has one home in src', async (t) => {
  const files = sourceFiles(path.join(repo, 'src'));
  for (const { what, home, definition, sandboxApart } of HOMES) {
    const found = files.filter((f) => !sandboxApart || !f.startsWith('src/sandbox/')).filter((f) => definition.test(readFileSync(path.join(repo, f), 'utf8')));
    t.same(found, home, `${what} is defined in ${home.join(', ')} only`);
  }
});

t.test('the patterns recognise the copies they are meant to catch', async (t) => {
  const copies: Record<string, string> = {
    'plural()': 'function plural(n: number, one: string, many: string): string {',
    'groupDigits()': 'export function groupDigits(n: number): string {',
    'a SourceRef as file:line:col': 'source: `${rule.source.file}:${rule.source.line}:${rule.source.col}`,',
    'oneLine() for error text': 'function oneLine(text: string, max = 300): string {',
    'the shared RetryPolicy': 'export interface RetryPolicy {',
    'type Obj': 'type Obj = Record<string, unknown>;',
    'the Okta user statuses': "new Set(['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED'])",
    'the role ranking': "const ROLES = ['team_admin', 'user_management_admin', 'support_admin'];",
    'the control/bidi character class': "const safe = (text: string) => text.replace(/[\\u0000-\\u001f\\u202A-\\u202E]/g, '');",
    'a literal colour escape': "const RED = '\\u001b[31m';",
    "the group marker prefix 'okta:'": "const MARKER = 'okta:';",
    'an inline count-and-noun plural': "reason: `${adds.length} ${adds.length === 1 ? 'person' : 'people'} in the Okta group`, more: `${n} member${n === 1 ? '' : 's'}`",
    'email normalisation': 'if (r === undefined || r.email.toLowerCase() !== a.member.email.toLowerCase()) {',
  };
  for (const { what, definition } of HOMES) t.ok(definition.test(copies[what]!), what);
});
