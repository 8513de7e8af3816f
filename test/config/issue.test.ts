import t from 'tap';
import { formatIssue, sortIssues, type ConfigIssue } from '../../src/config/issue.js';
import { formatPath, toDataPath } from '../../src/config/schema.js';

t.test('an issue prints as file:line:col: message; a directory-level one without a position', async (t) => {
  t.equal(formatIssue({ file: 'desired-state/roles.yaml', line: 3, col: 5, message: 'roles[0]: boom', severity: 'error' }), 'desired-state/roles.yaml:3:5: roles[0]: boom');
  t.equal(formatIssue({ file: 'desired-state/roles.yaml', line: 3, col: 5, message: 'hm', severity: 'warning' }), 'desired-state/roles.yaml:3:5: warning: hm');
  t.equal(formatIssue({ file: 'desired-state', line: 0, col: 0, message: 'no such directory', severity: 'error' }), 'desired-state: no such directory');
});

t.test('issues sort by file, then line, then column', async (t) => {
  const at = (file: string, line: number, col: number): ConfigIssue => ({ file, line, col, message: `${file}:${line}:${col}`, severity: 'error' });
  const sorted = sortIssues([at('b.yaml', 1, 1), at('a.yaml', 10, 1), at('a.yaml', 2, 7), at('a.yaml', 2, 3)]);
  t.same(sorted.map((i) => i.message), ['a.yaml:2:3', 'a.yaml:2:7', 'a.yaml:10:1', 'b.yaml:1:1']);
});

t.test('JSON pointers become readable data paths', async (t) => {
  const data = { roles: [{ users: ['a', 'b'] }], 'a/b': { '~x': 1 } };
  t.same(toDataPath('/roles/0/users/1', data), ['roles', 0, 'users', 1]);
  t.same(toDataPath('/a~1b/~0x', data), ['a/b', '~x']);
  t.same(toDataPath('', data), []);
  t.equal(formatPath(['roles', 0, 'users', 1]), 'roles[0].users[1]');
  t.equal(formatPath([]), '');
});
