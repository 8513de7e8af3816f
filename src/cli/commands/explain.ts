import { notYetAvailable } from '../command.js';

export const explainCommand = notYetAvailable(
  'explain',
  'Explain why a person is (or is not) in Dropbox with this role and groups',
  `dbxsync explain [--dir desired-state] <email | okta user id>`,
  {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
  },
  1,
);
