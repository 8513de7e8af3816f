import * as fs from 'node:fs/promises';
import t from 'tap';
import { displayPathOf } from '../../src/config/source-files.js';

t.test('display paths: under the working directory relative to it, elsewhere as given', async (t) => {
  const table: [string, string, string, string][] = [
    ['desired-state', '/repo', 'roles.yaml', 'desired-state/roles.yaml'],
    ['./desired-state/', '/repo', 'roles.yaml', 'desired-state/roles.yaml'],
    ['/repo/desired-state', '/repo', 'teams/roles.yaml', 'desired-state/teams/roles.yaml'],
    ['.', '/repo/desired-state', 'roles.yaml', 'roles.yaml'],
    ['/srv/ds', '/repo', 'roles.yaml', '/srv/ds/roles.yaml'],
    ['../ds', '/repo', 'roles.yaml', '../ds/roles.yaml'],
    ['desired-state', '/repo', '', 'desired-state'],
    ['.', '/repo', '', '.'],
  ];
  for (const [dir, cwd, rel, expected] of table) t.equal(displayPathOf(dir, cwd)(rel), expected, `${dir} from ${cwd}`);
});

t.test('a file that cannot be read is one problem, and the others are still read', async (t) => {
  const { readSourceFiles } = await t.mockImport<typeof import('../../src/config/source-files.js')>('../../src/config/source-files.js', {
    'node:fs/promises': {
      ...fs,
      readFile: async (file: string) => {
        if (String(file).endsWith('secret.yaml')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readFile(file);
      },
    },
  });
  const root = t.testdir({ 'desired-state': { 'secret.yaml': 'roles: []\n', 'settings.yaml': 'version: 1\n' } });
  const read = await readSourceFiles('desired-state', root);
  t.same(read.issues, [{ file: 'desired-state/secret.yaml', line: 1, col: 1, message: 'cannot read the file (EACCES)', severity: 'error' }]);
  t.same(read.files.map((f) => f.rel), ['settings.yaml']);
  t.same(read.names, ['secret.yaml', 'settings.yaml']);
});

t.test('symlinked files are read; symlinked folders and dangling links are not followed', async (t) => {
  const { readSourceFiles } = await import('../../src/config/source-files.js');
  const root = t.testdir({
    shared: { 'roles.yaml': 'roles: []\n' },
    'desired-state': {
      'settings.yaml': 'version: 1\n',
      'roles.yaml': t.fixture('symlink', '../shared/roles.yaml'),
      loop: t.fixture('symlink', '..'),
      'gone.yaml': t.fixture('symlink', '../nowhere.yaml'),
    },
  });
  const read = await readSourceFiles('desired-state', root);
  t.same(read.issues, []);
  t.same(read.names, ['roles.yaml', 'settings.yaml']);
});
