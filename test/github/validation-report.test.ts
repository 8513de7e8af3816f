import t from 'tap';
import { parseValidationReport } from '../../src/github/validation-report.js';

t.test('the output of validate --format json is read back', async (t) => {
  const report = parseValidationReport(
    JSON.stringify({ ok: false, files: 2, problems: [{ file: 'a.yaml', line: 3, col: 5, message: 'bad', severity: 'error' }, { file: 'b.yaml', message: 'hm', severity: 'warning' }] }),
    'v.json',
  );
  t.same(report, {
    ok: false,
    files: 2,
    problems: [
      { file: 'a.yaml', line: 3, col: 5, message: 'bad', severity: 'error' },
      { file: 'b.yaml', line: 0, col: 0, message: 'hm', severity: 'warning' },
    ],
  });
});

t.test('anything else is one clear usage error', async (t) => {
  const cases: [string, string, RegExp][] = [
    ['an empty file (validate crashed)', '', /v\.json: not valid JSON/],
    ['a list', '[]', /expected a JSON object/],
    ['no ok', '{"files":1,"problems":[]}', /ok missing/],
    ['no files', '{"ok":true,"problems":[]}', /files missing/],
    ['problems not a list', '{"ok":true,"files":1,"problems":{}}', /problems is not a list/],
    ['a problem without a message', '{"ok":false,"files":1,"problems":[{"file":"a"}]}', /problems\[0\] has no file or message/],
  ];
  for (const [name, json, expect] of cases) t.throws(() => parseValidationReport(json, 'v.json'), { name: 'UsageError', message: expect }, name);
});
