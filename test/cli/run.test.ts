import t from 'tap';
import { run } from '../../src/cli/run.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { captureIO } from '../helpers/io.js';

t.test('no command prints the help and exits 1', async (t) => {
  const io = captureIO();
  t.equal(await run([], io), 1);
  t.match(io.out(), /Usage: dbxsync <command>/);
});

t.test('--help lists every command of the contract', async (t) => {
  const io = captureIO();
  t.equal(await run(['--help'], io), 0);
  for (const name of ['validate', 'plan', 'apply', 'import', 'explain', 'dump', 'comment', 'sandbox', 'demo']) {
    t.match(io.out(), new RegExp(`\\n  ${name}\\s`), name);
  }
});

t.test('every command answers --help with its usage and options', async (t) => {
  for (const cmd of COMMANDS) {
    const io = captureIO();
    t.equal(await run([cmd.name, '--help'], io), 0, cmd.name);
    t.match(io.out(), `Usage: dbxsync ${cmd.name}`, cmd.name);
    for (const opt of Object.keys(cmd.options)) t.match(io.out(), `--${opt}`, `${cmd.name} documents --${opt}`);
  }
});

t.test('an unknown command or option is one clear line and exit 1', async (t) => {
  let io = captureIO();
  t.equal(await run(['plna'], io), 1);
  t.equal(io.err(), 'dbxsync: unknown command "plna" (see dbxsync --help)\n');
  io = captureIO();
  t.equal(await run(['validate', '--dri', 'x'], io), 1);
  t.match(io.err(), /^dbxsync validate: Unknown option '--dri'/);
  t.equal(io.err().trim().split('\n').length, 1);
});

t.test('--version prints the package version', async (t) => {
  const io = captureIO();
  t.equal(await run(['--version'], io), 0);
  t.match(io.out(), /^\d+\.\d+\.\d+\n$/);
});
