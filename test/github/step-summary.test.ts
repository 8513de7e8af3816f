import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { appendStepSummary } from '../../src/github/step-summary.js';

t.test('the job summary is appended to, each text ending its line', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'dbxsync-summary-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'summary.md');
  await writeFile(file, '# before\n');
  await appendStepSummary(file, 'no newline');
  await appendStepSummary(file, 'with newline\n');
  t.equal(await readFile(file, 'utf8'), '# before\nno newline\nwith newline\n');
  await t.rejects(appendStepSummary(path.join(dir, 'missing', 'summary.md'), 'x'), { name: 'UsageError', message: /cannot write the job summary to GITHUB_STEP_SUMMARY .* \(ENOENT\)/ });
});
