import t from 'tap';
import { parseFaults, serveSandbox } from '../../src/cli/commands/sandbox.js';
import { run } from '../../src/cli/run.js';
import { Redactor } from '../../src/text/redact.js';
import { generateOrg } from '../../src/sandbox/generate.js';
import { captureIO, type CapturedIO } from '../helpers/io.js';

/** Start the command in-process; `exports` resolves once it prints, `stop()` ends it. */
function serve(values: Record<string, string>, io: CapturedIO) {
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let printed!: () => void;
  const ready = new Promise<void>((resolve) => (printed = resolve));
  const done = serveSandbox({ values, positionals: [] }, io, () => {
    printed();
    return stopped;
  });
  done.catch(() => printed());
  const exports = ready.then(() => {
    const env: Record<string, string> = {};
    for (const m of io.out().matchAll(/^export (\w+)=(.*)$/gm)) env[m[1]!] = m[2]!;
    return env;
  });
  return { exports, stop, done };
}

t.test('prints shell-ready exports for the demo company, serves until stopped, exits 0', async (t) => {
  const io = captureIO();
  const { exports, stop, done } = serve({}, io);
  const env = await exports;
  t.same(Object.keys(env), ['OKTA_ORG_URL', 'OKTA_API_TOKEN', 'DROPBOX_API_URL', 'DROPBOX_TEAM_TOKEN']);
  t.match(env.OKTA_ORG_URL, /^http:\/\/127\.0\.0\.1:\d+$/);
  t.equal(env.DROPBOX_API_URL, env.OKTA_ORG_URL);
  t.equal(env.OKTA_API_TOKEN, 'sandbox-okta-token', 'the token is printed, not redacted');
  t.match(io.out(), /Acme Robotics demo company/);
  t.match(io.out(), /# Try: dbxsync plan/);
  for (const line of io.out().trim().split('\n')) t.match(line, /^(#|export \w+=\S+$)/, 'every line is a comment or an export');

  const res = await fetch(`${env.OKTA_ORG_URL}/api/v1/groups?q=Dropbox`, { headers: { Authorization: `SSWS ${env.OKTA_API_TOKEN}` } });
  t.equal(res.status, 200, 'the printed values work');
  stop();
  t.equal(await done, 0);
  t.equal(io.err(), 'dbxsync sandbox: stopped after 1 request\n');
  await t.rejects(fetch(`${env.OKTA_ORG_URL}/api/v1/groups`), 'the port is closed');
});

t.test('--generate N serves a generated org; --seed FILE serves a snapshot', async (t) => {
  let io = captureIO();
  let served = serve({ generate: '500' }, io);
  let env = await served.exports;
  t.match(io.out(), /a generated org of 500 people \(500 Okta users/);
  t.match(io.out(), /okta\.appId 0oa1gen2dropbox3app4/);
  const users = await fetch(`${env.OKTA_ORG_URL}/api/v1/users?limit=1`, { headers: { Authorization: `SSWS ${env.OKTA_API_TOKEN}` } });
  t.equal(users.status, 200);
  served.stop();
  t.equal(await served.done, 0);

  const dir = t.testdir({ 'org.json': JSON.stringify(generateOrg({ people: 40 })) });
  io = captureIO({ cwd: dir });
  served = serve({ seed: 'org.json', port: '0' }, io);
  env = await served.exports;
  t.match(io.out(), /seeded from org\.json \(40 Okta users/);
  t.match(env.OKTA_ORG_URL, /^http:\/\/127\.0\.0\.1:\d+$/);
  served.stop();
  t.equal(await served.done, 0);
});

t.test('usage errors are one line and exit 1, before anything listens', async (t) => {
  const dir = t.testdir({ 'bad.json': '{"okta": {}}' });
  const cases: [string, string[], RegExp][] = [
    ['--seed with --generate', ['--seed', 'x.json', '--generate', '100'], /^dbxsync sandbox: --seed and --generate cannot be used together/],
    ['a port that is not a number', ['--port', 'eighty'], /^dbxsync sandbox: --port must be a port number from 0 to 65535 \(0: any free port\), got "eighty"\n$/],
    ['a port out of range', ['--port', '70000'], /^dbxsync sandbox: --port must be a port number/],
    ['too few people', ['--generate', '3'], /^dbxsync sandbox: --generate must be a number of people from 20 to 1000000, got "3"\n$/],
    ['not a number of people', ['--generate', 'lots'], /^dbxsync sandbox: --generate must be/],
    ['a missing seed file', ['--seed', 'absent.yaml'], /^dbxsync sandbox: cannot read seed file .*absent\.yaml: no such file\n$/],
    ['a bad seed', ['--seed', 'bad.json'], /^dbxsync sandbox: .*bad\.json: okta\.appId: must be a non-empty string\n$/],
    ['a stray argument', ['now'], /^dbxsync sandbox: unexpected argument "now"/],
    ['a latency that is not a number', ['--latency', 'slow'], /^dbxsync sandbox: --latency must be a number of milliseconds, got "slow"\n$/],
    ['an unknown fault', ['--faults', '404=0.1'], /^dbxsync sandbox: --faults "404=0.1": unknown key "404"; known: 429, 500, 503, drop, seed, retry-after/],
  ];
  for (const [name, args, message] of cases) {
    const io = captureIO({ cwd: dir });
    t.equal(await run(['sandbox', ...args], io), 1, name);
    t.match(io.err(), message, name);
    t.equal(io.err().trim().split('\n').length, 1, `${name}: one line`);
    t.equal(io.out(), '', `${name}: nothing on stdout`);
  }
});

t.test('--faults: rates per request, a seed and Retry-After; bad specs say why', async (t) => {
  t.same(parseFaults('429=0.05, 500=0.01,503=0,drop=0.02,seed=7,retry-after=3'), {
    rate429: 0.05,
    rate500: 0.01,
    rate503: 0,
    rateDrop: 0.02,
    seed: 7,
    retryAfterSeconds: 3,
  });
  t.equal(parseFaults(undefined), undefined);
  const bad: [string, RegExp][] = [
    ['429', /"429" is not key=value/],
    ['429=2', /the rate of 429 must be from 0 to 1/],
    ['500=', /the rate of 500 must be from 0 to 1/],
    ['seed=-1', /seed must be a whole number/],
    ['429=0.6,500=0.6', /the rates add up to more than 1/],
    ['a=b=c', /"a=b=c" is not key=value/],
  ];
  for (const [spec, message] of bad) t.throws(() => parseFaults(spec), { name: 'UsageError', message }, spec);

  const io = captureIO();
  const served = serve({ faults: '500=1', latency: '5' }, io);
  const env = await served.exports;
  t.match(io.out(), /# Latency 5 ms; faults 500=1/);
  const res = await fetch(`${env.OKTA_ORG_URL}/api/v1/groups`, { headers: { Authorization: `SSWS ${env.OKTA_API_TOKEN}` } });
  t.equal(res.status, 500, 'every request faulted');
  served.stop();
  t.equal(await served.done, 0);
});

t.test('a port already in use is one clear line', async (t) => {
  const first = captureIO();
  const served = serve({}, first);
  const port = new URL((await served.exports).OKTA_ORG_URL!).port;
  const io = captureIO();
  t.equal(await run(['sandbox', '--port', port], io), 1);
  t.equal(io.err(), `dbxsync sandbox: port ${port} on 127.0.0.1 is already in use (try another --port, or 0)\n`);
  served.stop();
  await served.done;
});

t.test('SIGTERM stops the command started through run()', async (t) => {
  const io = captureIO();
  const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
  const done = run(['sandbox'], io);
  while (!io.out().includes('export DROPBOX_TEAM_TOKEN=')) await new Promise((r) => setTimeout(r, 10));
  process.emit('SIGTERM', 'SIGTERM');
  t.equal(await done, 0);
  t.same([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')], before, 'the signal handlers are removed');
});

t.test('--help documents the options', async (t) => {
  const io = captureIO();
  t.equal(await run(['sandbox', '--help'], io), 0);
  t.match(io.out(), 'Usage: dbxsync sandbox [--port N] [--seed FILE | --generate N]');
  for (const opt of ['--port N', '--seed FILE', '--generate N', '--latency MS', '--faults SPEC']) t.match(io.out(), opt);
});

t.test('the printed sandbox tokens are public values; a registered secret is still redacted', async (t) => {
  const redactor = new Redactor();
  redactor.allowPublic('sandbox-okta-token');
  t.equal(redactor.redact('export OKTA_API_TOKEN=sandbox-okta-token'), 'export OKTA_API_TOKEN=sandbox-okta-token');
  t.equal(redactor.redact('export OKTA_API_TOKEN=another-okta-token'), 'export OKTA_API_TOKEN=[REDACTED]', 'other values still look like secrets');
  redactor.register('sandbox-okta-token');
  t.equal(redactor.redact('export OKTA_API_TOKEN=sandbox-okta-token'), 'export OKTA_API_TOKEN=[REDACTED]', 'a secret wins');
});
