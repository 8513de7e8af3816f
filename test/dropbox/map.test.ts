import t from 'tap';
import { roleOfName } from '../../src/dropbox/map.js';

t.test('role names map loosely to the four roles dbxsync manages; others are left alone', async (t) => {
  for (const [name, role] of [
    ['Team admin', 'team_admin'],
    ['Team Admin', 'team_admin'],
    ['team_admin', 'team_admin'],
    [' User management admin ', 'user_management_admin'],
    ['user-management-admin', 'user_management_admin'],
    ['Support admin', 'support_admin'],
    ['Billing admin', null],
    ['Team', null],
  ] as const) {
    t.equal(roleOfName(name), role, name);
  }
});
