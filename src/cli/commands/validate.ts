import { notYetAvailable } from '../command.js';

export const validateCommand = notYetAvailable(
  'validate',
  'Check the desired-state YAML against the schemas and rules',
  `dbxsync validate [--dir desired-state] [--format text|json]`,
  {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    format: { type: 'string', value: 'text|json', description: 'output format (default: text)' },
    now: { type: 'string', value: 'DATE', description: 'the date to check exception expiry against (default: today)' },
  },
  0,
);
