import { notYetAvailable } from '../command.js';

export const importCommand = notYetAvailable(
  'import',
  'Plan (and with --apply, make) Okta-side changes from the Dropbox team',
  `dbxsync import [--dir desired-state] [--out import-plan.json] [--format text|markdown|json] [--apply]`,
  {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    out: { type: 'string', value: 'FILE', description: 'also write the import plan as JSON to FILE' },
    format: { type: 'string', value: 'text|markdown|json', description: 'output format (default: text)' },
    apply: { type: 'boolean', description: 'make the Okta changes (default: report only)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  0,
);
