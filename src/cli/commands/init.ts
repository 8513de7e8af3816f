/**
 * `dbxsync init [DIR] [--from-live]`: the skeleton of a config repository, from templates/ of the
 * installed package (the same files the package ships): a minimal desired state (or, with
 * --from-live, what `dump` writes from the live team), the workflows, CODEOWNERS, .gitignore and a
 * short README. It never overwrites a file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../domain/errors.js';
import { DUMP_FILES } from '../../dump/index.js';
import { boolOpt, type Command } from '../command.js';
import { dumpCommand } from './dump.js';

/** templates/ of this package: above src/cli/commands (tests) or dist/src/cli/commands (installed). */
export function templatesDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'workflows'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no templates/ directory above ${from}: the dbxsync package is incomplete`);
  }
}

/** Target path (relative to DIR) → template path (relative to templates/). */
function skeleton(templates: string, fromLive: boolean): [string, string][] {
  const workflows = readdirSync(path.join(templates, 'workflows'))
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f): [string, string] => [path.join('.github', 'workflows', f), path.join('workflows', f)]);
  return [
    ...(fromLive ? [] : [[path.join('desired-state', 'settings.yaml'), path.join('desired-state', 'settings.yaml')] as [string, string]]),
    ...workflows,
    [path.join('.github', 'CODEOWNERS'), 'CODEOWNERS'],
    ['.gitignore', 'gitignore'],
    ['README.md', 'README.md'],
  ];
}

export const initCommand: Command = {
  name: 'init',
  summary: 'Write a config repository skeleton: desired-state, workflows, CODEOWNERS',
  usage: `dbxsync init [DIR] [--from-live]`,
  options: {
    'from-live': { type: 'boolean', description: 'write desired-state/ from the live team (dump; needs the Okta and Dropbox variables)' },
  },
  maxPositionals: 1,
  async run(args, io) {
    const dirArg = args.positionals[0] ?? '.';
    const dir = path.resolve(io.cwd, dirArg);
    const fromLive = boolOpt(args, 'from-live');
    const templates = templatesDir();
    const files = skeleton(templates, fromLive);
    const targets = [...files.map(([target]) => target), ...(fromLive ? DUMP_FILES.map((f) => path.join('desired-state', f)) : [])];
    const existing = targets.filter((target) => existsSync(path.join(dir, target)));
    if (existing.length > 0) {
      throw new UsageError(`${existing.map((f) => path.join(dirArg, f)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written (init never overwrites)`);
    }
    if (fromLive) {
      // dump exits 0 or throws (one line, exit 1): nothing else is written when it fails.
      await dumpCommand.run({ values: { out: 'desired-state' }, positionals: [] }, { ...io, cwd: dir });
    }
    for (const [target, template] of files) {
      await mkdir(path.dirname(path.join(dir, target)), { recursive: true });
      await writeFile(path.join(dir, target), await readFile(path.join(templates, template), 'utf8'), { encoding: 'utf8', flag: 'wx' });
      io.stdout.write(`Wrote ${path.join(dirArg, target)}\n`);
    }
    const cd = dirArg === '.' ? '' : `cd ${dirArg} && `;
    io.stdout.write(`Next: ${cd}npx dbxsync validate, then npx dbxsync plan (docs/github-setup.md sets up the workflows)\n`);
    return 0;
  },
};
