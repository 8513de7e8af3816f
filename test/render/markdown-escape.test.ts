import t from 'tap';
import { codeSpan, escapeMarkdown, escapeUrl } from '../../src/render/markdown-escape.js';

t.test('user data is shown as text, never as markup', async (t) => {
  const cases: [string, string, string][] = [
    ['a pipe cannot split a table cell', 'R&D | Prototypes', 'R&amp;D \\| Prototypes'],
    ['HTML is shown, not run', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a closing details tag cannot end a section', '</details>', '&lt;/details&gt;'],
    ['backticks do not open code', 'O`Brien', 'O\\`Brien'],
    ['emphasis and links are literal', '*Max* _x_ [a](b) ~~s~~', '\\*Max\\* \\_x\\_ \\[a\\](b) \\~\\~s\\~\\~'],
    ['a backslash stays a backslash', 'a\\b', 'a\\\\b'],
    ['a newline cannot start a new block', 'one\n# two', 'one # two'],
    ['a control character is made visible', 'a\u0007b', 'a\ufffdb'],
    ['a team mention does not ping', '@acme/admins', '@\u200bacme/admins'],
    ['an email address is left readable', 'nina.patel@acme-robotics.example', 'nina.patel@acme-robotics.example'],
  ];
  for (const [name, input, output] of cases) t.equal(escapeMarkdown(input), output, name);
});

t.test('code spans and link targets cannot be broken out of', async (t) => {
  t.equal(codeSpan('groups.yaml:6:5'), '`groups.yaml:6:5`');
  t.equal(codeSpan('a`b\nc'), "`a'b c`");
  t.equal(escapeUrl('https://ci.example/runs/1'), 'https://ci.example/runs/1');
  t.equal(escapeUrl('https://x.example/a b)(<c>'), 'https://x.example/a%20b%29%28%3Cc%3E');
});
