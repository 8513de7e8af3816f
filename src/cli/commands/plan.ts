import { notYetAvailable } from '../command.js';

export const planCommand = notYetAvailable(
  'plan',
  'Read live Okta and Dropbox and print the changes that apply would make',
  `dbxsync plan [--dir desired-state] [--out plan.json] [--format text|markdown|json] [--detailed-exitcode]`,
  {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    out: { type: 'string', value: 'FILE', description: 'also write the plan as JSON to FILE (for apply --plan and comment)' },
    format: { type: 'string', value: 'text|markdown|json', description: 'output format (default: text)' },
    'detailed-exitcode': { type: 'boolean', description: 'exit 2 when the plan has changes, 0 when it has none' },
    'redact-emails': { type: 'boolean', description: 'markdown/text: show stable hashes instead of email addresses (public repositories)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  0,
);
