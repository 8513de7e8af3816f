/** `dbxsync explain <email | okta id>`: why this person is (or is not) in Dropbox with this role and groups. */
import { requireDesiredState } from '../../config/index.js';
import { explainPerson } from '../../plan/index.js';
import { stringOpt, type Command } from '../command.js';
import { renderExplanation } from '../explain-view.js';
import { useColor } from '../io.js';
import { liveClientsFromEnv, readLiveState } from '../live.js';
import { UsageError } from '../../domain/errors.js';
import { VERSION } from '../version.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain why a person is (or is not) in Dropbox with this role and groups',
  usage: `dbxsync explain [--dir desired-state] <email | okta user id>`,
  options: {
    dir: { type: 'string', value: 'DIR', description: 'desired-state directory (default: desired-state)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  maxPositionals: 1,
  async run(args, io) {
    const query = args.positionals[0];
    if (query === undefined || query.trim() === '') throw new UsageError('which person? give an email or an Okta user id (see dbxsync explain --help)');
    const now = io.now();
    const { state: desired } = await requireDesiredState(stringOpt(args, 'dir') ?? 'desired-state', { now, cwd: io.cwd });
    const live = await readLiveState(desired, liveClientsFromEnv(io), io, { quiet: args.values.quiet === true });
    const explanation = explainPerson({ desired, okta: live.okta, dropbox: live.dropbox, now: now.toISOString(), toolVersion: VERSION, query });
    if (!explanation.found) {
      io.stderr.write(`dbxsync explain: no Okta user and no Dropbox member is known by "${query}"\n`);
      return 1;
    }
    io.stdout.write(renderExplanation(explanation, { color: useColor(io.stdout, io.env) }));
    return 0;
  },
};
