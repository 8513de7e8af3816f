/**
 * The Dropbox SDK is called through its typed route methods (node_modules/dropbox/types/index.d.ts,
 * e.g. `teamMembersAddV2(arg: team.MembersAddV2Arg)`), with arguments of the SDK's own types: a
 * method looked up by a string, or an argument cast to `never`, compiles whatever the SDK is
 * called, so a typo or a renamed route would reach Dropbox as "not a function" at apply time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const dir = path.join(REPO_ROOT, 'src/dropbox');

/** Ways of calling the SDK that the compiler does not check: one line each. */
export function untypedCalls(source: string): string[] {
  const patterns = [
    /as unknown as Record<string,\s*\(/, // the client seen as a bag of functions
    /\bsdk\[[^\]]+\]/, // a method looked up by name
    /'team[A-Z]\w*'/, // an SDK method name as a string
    /\btype AnyArg\b|as unknown as AnyArg|as never\b/, // an argument that type-checks as anything
  ];
  return source.split('\n').filter((line) => patterns.some((re) => re.test(line)));
}

t.test('the checker finds each way of calling the SDK untyped', async (t) => {
  const sample = [
    "const sdk = client as unknown as Record<string, (arg?: unknown) => Promise<never>>;",
    "await call('team/members/suspend', 'teamMembersSuspend', arg);",
    'sdk[method]!.call(client, arg);',
    'client.teamGroupsGetInfo(arg as unknown as AnyArg);',
    "client.teamMembersSuspend({ user: { '.tag': 'email', email }, wipe_data: false });",
  ].join('\n');
  t.equal(untypedCalls(sample).length, 4);
});

t.test('src/dropbox calls every SDK route by its typed method', async (t) => {
  const offenders: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const line of untypedCalls(readFileSync(path.join(dir, name), 'utf8'))) offenders.push(`src/dropbox/${name}: ${line.trim()}`);
  }
  t.same(offenders, []);
});
