import { notYetAvailable } from '../command.js';

export const dumpCommand = notYetAvailable(
  'dump',
  'Write desired-state YAML from the live team, to adopt an existing setup',
  `dbxsync dump [--out DIR] [--force]`,
  {
    out: { type: 'string', value: 'DIR', description: 'directory to write the YAML files into (default: desired-state)' },
    force: { type: 'boolean', description: 'overwrite existing files' },
  },
  0,
);
