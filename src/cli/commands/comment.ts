import { notYetAvailable } from '../command.js';

export const commentCommand = notYetAvailable(
  'comment',
  'Create or update the one plan comment on a GitHub pull request',
  `dbxsync comment --plan plan.json [--validation FILE] [--pr N]`,
  {
    plan: { type: 'string', value: 'FILE', description: 'the plan JSON written by plan --out' },
    validation: { type: 'string', value: 'FILE', description: 'validation output (validate --format json) to post instead of a plan' },
    pr: { type: 'string', value: 'N', description: 'pull request number (default: from GITHUB_EVENT_PATH)' },
  },
  0,
);
