/** The job summary: GitHub Actions renders the markdown appended to the file GITHUB_STEP_SUMMARY names. */
import { appendFile } from 'node:fs/promises';
import { UsageError } from '../domain/errors.js';

export async function appendStepSummary(file: string, markdown: string): Promise<void> {
  try {
    await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot write the job summary to GITHUB_STEP_SUMMARY ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
}
