import { notYetAvailable } from '../command.js';

export const sandboxCommand = notYetAvailable(
  'sandbox',
  'Serve emulated Okta and Dropbox APIs on loopback to try dbxsync by hand',
  `dbxsync sandbox [--port N] [--seed FILE | --generate N]`,
  {
    port: { type: 'string', value: 'N', description: 'port on 127.0.0.1 (default: a free port)' },
    seed: { type: 'string', value: 'FILE', description: 'seed the org from a JSON or YAML snapshot' },
    generate: { type: 'string', value: 'N', description: 'seed a generated org of N people' },
  },
  0,
);
