/**
 * `dbxsync dump`: read the live team and write the desired-state YAML that adopts it as it is
 * (src/dump decides what; this file reads, checks the target and writes).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DesiredState, SourceRef } from '../../domain/desired.js';
import { UsageError } from '../../domain/errors.js';
import { appIdOfSettingsFile, defaultDesiredState } from '../../config/index.js';
import { dumpContent, DUMP_FILES, groupsToRead, renderDump, type DumpInput } from '../../dump/index.js';
import { readDropboxState } from '../../dropbox/reader.js';
import { readOktaState } from '../../okta/reader.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import type { CommandIO } from '../io.js';
import { discoverDropboxAppId } from '../../okta/apps.js';
import { liveClientsFromEnv } from '../live.js';
import { createStatusLine } from '../status-line.js';
import { pluralGrouped } from '../../text/words.js';

const NOWHERE: SourceRef = { file: '(dump)', line: 1, col: 1 };

/**
 * What the Okta reader needs to know for a dump: the app, and the groups whose members matter
 * (named as group pushes, which is how the reader is told which members to read).
 */
function readScope(appId: string, groupRefs: readonly string[]): DesiredState {
  return {
    ...defaultDesiredState(appId, NOWHERE),
    groupPushes: groupRefs.map((oktaGroup) => ({ oktaGroup, oktaGroupPattern: null, dropboxGroup: null, source: NOWHERE })),
  };
}

export const dumpCommand: Command = {
  name: 'dump',
  summary: 'Write desired-state YAML from the live team, to adopt an existing setup',
  usage: `dbxsync dump [--out DIR] [--force] [--app-id ID]`,
  options: {
    out: { type: 'string', value: 'DIR', description: 'directory to write the YAML files into (default: desired-state)' },
    force: { type: 'boolean', description: 'overwrite existing files' },
    'app-id': { type: 'string', value: 'ID', description: 'the Dropbox Business app instance in Okta (0oa...; default: $OKTA_APP_ID, else okta.appId of DIR/settings.yaml)' },
    quiet: { type: 'boolean', description: 'no progress on stderr' },
  },
  maxPositionals: 0,
  async run(args, io) {
    const outArg = stringOpt(args, 'out') ?? 'desired-state';
    const dir = path.resolve(io.cwd, outArg);
    const shown = (name: string): string => path.join(outArg, name);
    const force = boolOpt(args, 'force');
    if (!force) {
      const existing = DUMP_FILES.filter((name) => existsSync(path.join(dir, name)));
      if (existing.length > 0) {
        throw new UsageError(`${existing.map(shown).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written (pass --force to overwrite)`);
      }
    }
    let appId = (stringOpt(args, 'app-id') ?? io.env.OKTA_APP_ID ?? (force ? await appIdOfSettingsFile(path.join(dir, 'settings.yaml')) : undefined) ?? '').trim();

    const clients = liveClientsFromEnv(io);
    if (appId === '') appId = await discoverDropboxAppId(clients.okta);
    const status = createStatusLine(io.stderr, { quiet: boolOpt(args, 'quiet') });
    let input: DumpInput;
    try {
      const dropbox = await readDropboxState(clients.dropbox, {
        onProgress: (done) => status.update(`Reading the Dropbox team: ${done.toLocaleString('en-US')} items`),
      });
      status.update('Reading Okta…');
      const { calls: _calls, ...okta } = await readOktaState(clients.okta, readScope(appId, groupsToRead(dropbox)), {
        dropboxMembers: dropbox.members.map((m) => ({ email: m.email, externalId: m.externalId })),
        onProgress: (p) => status.update(`Reading Okta (${p.phase}): ${p.items.toLocaleString('en-US')} items, ${p.calls} calls`),
      });
      input = { okta, dropbox, appId };
    } finally {
      status.done();
    }

    const content = dumpContent(input);
    const files = renderDump(content);
    await mkdir(dir, { recursive: true });
    for (const name of DUMP_FILES) await writeFile(path.join(dir, name), files[name], 'utf8');
    warnAboutOtherFiles(dir, outArg, io);
    for (const problem of content.identityProblems) {
      io.stderr.write(`dbxsync dump: plans will be refused until this is resolved: ${problem}\n`);
    }

    const { pushes, leftAlone } = content.groups;
    const held = content.heldBack.filter((m) => m.email !== content.tokenAdmin).length;
    io.stdout.write(
      [
        `Wrote ${shown('settings.yaml')}: okta.appId ${appId}; protectedMembers: ${[
          ...(content.tokenAdmin === null ? [] : ["the token's admin"]),
          `${pluralGrouped(held, 'member', 'members')} held back from offboarding`,
        ].join(', ')}`,
        `Wrote ${shown('groups.yaml')}: ${pluralGrouped(pushes.length, 'group push', 'group pushes')}; ${pluralGrouped(leftAlone.length, 'Dropbox group', 'Dropbox groups')} left alone (listed in the file)`,
        `Wrote ${shown('roles.yaml')}: ${pluralGrouped(content.admins.length, 'admin keeps their role', 'admins keep their roles')}`,
        `Wrote ${shown('offboarding.yaml')}: leavers are suspended, nothing removed, transferred or wiped`,
        `Review the files, then run: dbxsync plan --dir ${outArg}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

/** Every YAML file under the directory is merged: others than ours may clash with the dumped keys. */
function warnAboutOtherFiles(dir: string, outArg: string, io: CommandIO): void {
  const ours = new Set<string>(DUMP_FILES);
  const others = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name) && !ours.has(name))
    .sort();
  if (others.length > 0) {
    io.stderr.write(`dbxsync dump: ${others.map((n) => path.join(outArg, n)).join(', ')} ${others.length === 1 ? 'is' : 'are'} merged with the dumped files: run dbxsync validate --dir ${outArg}\n`);
  }
}
