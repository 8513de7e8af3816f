/**
 * One person's data never blocks everybody (design.md, Identity and ownership): a per-member refusal
 * by Dropbox fails that person's action only. team.stone:1549 MembersSetProfileError
 * email_reserved_for_other_user ("Email is already reserved for another user"); team.stone
 * MemberAddResultBase.user_on_another_team. Driven through the commands against the sandbox.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/run.js';
import { DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;

t.test('an email held outside the team: that update fails and is reported, the rest applies, apply exits 1, the next plan shows it again', async (t) => {
  const seed = demoSeed(new Date(NOW));
  // Hannah Weber is hannah.schulz@ in Dropbox; Okta says hannah.weber@, an address a user on another team holds.
  const reserved = `hannah.weber@${DEMO_DOMAIN}`;
  seed.dropbox.otherTeamEmails = [reserved];
  const sandbox = await startSandbox({ seed, clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  const cwd = scratchDir(t, 'dbxsync-refusal-');
  cpSync(path.join(REPO, 'desired-state'), path.join(cwd, 'desired-state'), { recursive: true });
  const cli = async (argv: string[]) => {
    const io = captureIO({ env: sandbox.env(), cwd, now: NOW });
    const code = await run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  const planned = JSON.parse((await cli(['plan', '--format', 'json'])).out) as { actions: { kind: string; member?: { email: string } }[] };
  const update = planned.actions.find((a) => a.kind === 'member.update_profile' && a.member?.email === `hannah.schulz@${DEMO_DOMAIN}`);
  t.ok(update, 'the plan holds the email change');
  const others = planned.actions.length - 1;

  const applied = await cli(['apply', '--auto-approve']);
  t.equal(applied.code, 1, 'a failed action: exit 1 (design.md)');
  t.match(applied.out, new RegExp(`Failed \\(1\\):\\n  member\\.update_profile hannah\\.schulz@${DEMO_DOMAIN.replace('.', '\\.')}: email_reserved_for_other_user: Dropbox refused this member's profile update: ${reserved.replace('.', '\\.')} is already held by another Dropbox user`));
  t.match(applied.out, new RegExp(`Apply complete: ${others} applied, 1 failed, 0 skipped\\.`), 'everything else applied');
  t.equal(sandbox.dropbox.memberByEmail(`hannah.schulz@${DEMO_DOMAIN}`)?.surname, 'Schulz', 'nothing of her update was made');

  const again = JSON.parse((await cli(['plan', '--format', 'json'])).out) as { actions: { kind: string; member?: { email: string } }[] };
  t.same(
    again.actions.map((a) => `${a.kind} ${a.member?.email ?? ''}`),
    [`member.update_profile hannah.schulz@${DEMO_DOMAIN}`],
    'the next plan shows it again, and only it',
  );
});
