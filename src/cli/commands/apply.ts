import { notYetAvailable } from '../command.js';

export const applyCommand = notYetAvailable(
  'apply',
  'Apply a plan to Dropbox (re-planned and checked against the reviewed plan)',
  `dbxsync apply [--dir desired-state] [--plan reviewed-plan.json] [--auto-approve] [--audit-log FILE] [--concurrency N]`,
  {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    plan: { type: 'string', value: 'FILE', description: 'the reviewed plan JSON: refuse destructive actions it does not hold' },
    'auto-approve': { type: 'boolean', description: 'do not ask for confirmation (required when not on a terminal)' },
    'audit-log': { type: 'string', value: 'FILE', description: 'append one JSON line per action to FILE (- for stdout)' },
    concurrency: { type: 'string', value: 'N', description: 'parallel Dropbox calls (default: 4)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  0,
);
