import t from 'tap';
import { run } from '../../src/cli/run.js';
import { COMMANDS, loadAllCommands } from '../../src/cli/commands/index.js';
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

t.test('every command answers --help (and help CMD) with its usage, options and environment', async (t) => {
  const loaded = await loadAllCommands();
  for (const [i, cmd] of loaded.entries()) {
    const entry = COMMANDS[i]!;
    t.equal(entry.name, cmd.name, 'the lazy entry names its module');
    t.equal(entry.summary, cmd.summary, `${cmd.name}: the main help's summary is the module's`);
    const io = captureIO();
    t.equal(await run([cmd.name, '--help'], io), 0, cmd.name);
    t.match(io.out(), `Usage: dbxsync ${cmd.name}`, cmd.name);
    for (const opt of Object.keys(cmd.options)) t.match(io.out(), `--${opt}`, `${cmd.name} documents --${opt}`);
    t.match(io.out(), /\n(Environment:\n  [A-Z]|Environment: none needed\.|Environment:\n  with)/, `${cmd.name} names its environment`);
    const viaHelp = captureIO();
    t.equal(await run(['help', cmd.name], viaHelp), 0);
    t.equal(viaHelp.out(), io.out(), `dbxsync help ${cmd.name} = ${cmd.name} --help`);
  }
  const plan = captureIO();
  await run(['plan', '--help'], plan);
  for (const v of ['OKTA_ORG_URL', 'OKTA_API_TOKEN', 'DROPBOX_TEAM_TOKEN']) t.match(plan.out(), v, `plan --help names ${v}`);
});

t.test('Terraform habits: -v, help for an unknown command, did-you-mean for commands and flags (issue 14 item 3)', async (t) => {
  let io = captureIO();
  t.equal(await run(['-v'], io), 0);
  t.match(io.out(), /^\d+\.\d+\.\d+/);
  io = captureIO();
  t.equal(await run(['help', 'plna'], io), 1);
  t.equal(io.err(), 'dbxsync: unknown command "plna" (did you mean "plan"?); see dbxsync --help\n');
  io = captureIO();
  t.equal(await run(['plan', '--formt', 'json'], io), 1);
  t.equal(io.err(), 'dbxsync plan: unknown option "--formt" (did you mean --format?); see dbxsync plan --help\n');
  io = captureIO();
  t.equal(await run(['plan', '-out', 'p.json'], io), 1);
  t.equal(io.err(), 'dbxsync plan: unknown option "-out": long options take two dashes: --out (see dbxsync plan --help)\n');
  io = captureIO();
  t.equal(await run(['plan', '--zzzzzz'], io), 1);
  t.equal(io.err(), 'dbxsync plan: unknown option "--zzzzzz"; see dbxsync plan --help\n', 'no guess when nothing is close');
  io = captureIO();
  t.equal(await run(['plan', '--redact-emails', '--format', 'json'], io), 1);
  t.match(io.err(), /^dbxsync plan: --redact-emails applies to --format text and markdown/, 'refused for JSON, before any read');
  io = captureIO();
  t.equal(await run(['plan', '--out', 'no/such/dir/plan.json'], io), 1);
  t.match(io.err(), /^dbxsync plan: --out no\/such\/dir\/plan\.json: the directory no\/such\/dir does not exist/, 'before any API call (no credentials were even set)');
});

t.test('an unknown command or option is one clear line and exit 1', async (t) => {
  let io = captureIO();
  t.equal(await run(['plna'], io), 1);
  t.equal(io.err(), 'dbxsync: unknown command "plna" (did you mean "plan"?); see dbxsync --help\n');
  io = captureIO();
  t.equal(await run(['validate', '--dri', 'x'], io), 1);
  t.match(io.err(), /^dbxsync validate: unknown option "--dri" \(did you mean --dir\?\)/);
  t.equal(io.err().trim().split('\n').length, 1);
});

t.test('--version prints the package version', async (t) => {
  const io = captureIO();
  t.equal(await run(['--version'], io), 0);
  t.match(io.out(), /^\d+\.\d+\.\d+\n$/);
});
