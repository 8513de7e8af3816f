/**
 * The files a former member left behind (issue 10 item 3, planner part), end to end through the
 * commands, the real SDK and the sandbox. An admin removed a leaver in the Dropbox admin console
 * without a transfer (members/remove without transfer_dest_id, team.stone:1797-1800); Dropbox
 * keeps the account recoverable "for a 7 day period or until the account has been permanently
 * deleted or transferred to another account" (team.stone:1147-1148), so members/list_v2 with
 * include_removed (team.stone:1747) shows it removed and is_recoverable (team.stone:22-23): its files
 * are still there. `dbxsync plan` plans members/move_former_member_files (team.stone:1125) to the
 * manager the offboarding rules name, `apply` moves them, and the next plan is empty: once moved,
 * the account is no longer recoverable, so no move is planned again.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/run.js';
import { createDropboxClient } from '../../src/dropbox/client.js';
import { DEMO_DOMAIN, demoSeed } from '../../src/sandbox/demo-seed.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { captureIO } from '../helpers/io.js';
import { scratchDir } from '../helpers/scratch.js';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const NOW = '2026-11-28T12:00:00.000Z';
const REPO = REPO_ROOT;

interface PlanJson {
  readonly actions: readonly { kind: string; member?: { email: string; teamMemberId: string | null }; transferTo?: { email: string; teamMemberId: string } }[];
}

t.test('a leaver removed without a transfer outside dbxsync: plan shows the move, apply moves the files to the manager, the next plan is empty', async (t) => {
  const seed = demoSeed(new Date(NOW));
  const sandbox = await startSandbox({ seed, clock: () => new Date(NOW) });
  t.teardown(() => sandbox.close());
  const cwd = scratchDir(t, 'dbxsync-former-');
  cpSync(path.join(REPO, 'desired-state'), path.join(cwd, 'desired-state'), { recursive: true });
  const cli = async (argv: string[]) => {
    const io = captureIO({ env: sandbox.env(), cwd, now: NOW });
    const code = await run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  // Tom Becker left (DEPROVISIONED in Okta, a manager named); an admin removed him in the console
  // before dbxsync ran, without a transfer: members/remove, as the admin console sends it.
  const tom = `tom.becker@${DEMO_DOMAIN}`;
  const oktaTom = seed.okta.users.find((u) => u.profile.email === tom)!;
  const manager = seed.okta.users.find((u) => u.id === oktaTom.profile['managerId'])!.profile.email;
  const env = sandbox.env();
  const console = createDropboxClient({ apiUrl: env['DROPBOX_API_URL']!, accessToken: env['DROPBOX_TEAM_TOKEN']! });
  await console.teamMembersRemove({ user: { '.tag': 'email', email: tom }, wipe_data: false });
  const tomFiles = sandbox.dropbox.memberByEmail(tom)!.files;
  t.ok(tomFiles > 0, 'his files stay in the removed account');
  t.match(sandbox.dropbox.memberByEmail(tom), { status: 'removed', isRecoverable: true });
  const managerId = sandbox.dropbox.memberByEmail(manager)!.teamMemberId;
  const managerFiles = sandbox.dropbox.filesOf(managerId);

  const planned = await cli(['plan', '--format', 'json']);
  t.equal(planned.code, 0, planned.err);
  const moves = (JSON.parse(planned.out) as PlanJson).actions.filter((a) => a.kind === 'member.move_former_files');
  t.same(
    moves.map((a) => [a.member?.email, a.transferTo?.email]),
    [[tom, manager]],
    "one move: Tom's files to his manager",
  );
  const text = await cli(['plan']);
  t.match(text.out, new RegExp(`~ ${tom.replace(/\./g, '\\.')}: move the files left in the removed account: files to ${manager.replace(/\./g, '\\.')}`), 'the text plan shows it');

  const applied = await cli(['apply', '--auto-approve']);
  t.equal(applied.code, 0, applied.out + applied.err);
  t.equal(sandbox.dropbox.filesOf(managerId), managerFiles + tomFiles, "the manager has Tom's files");
  t.match(sandbox.dropbox.memberByEmail(tom), { status: 'removed', isRecoverable: false, filesFate: 'transferred', files: 0 });
  t.equal(sandbox.dropbox.lostFiles(), 0, 'no file lost');

  const again = JSON.parse((await cli(['plan', '--format', 'json'])).out) as PlanJson;
  t.same(again.actions, [], 'the next plan is empty: a transferred account is no longer recoverable');
});
