import { notYetAvailable } from '../command.js';

export const demoCommand = notYetAvailable(
  'demo',
  'Run the whole loop against the built-in sandbox; no credentials needed',
  `dbxsync demo`,
  {
    quiet: { type: 'boolean', description: 'less narration' },
  },
  0,
);
