/**
 * Invalid desired states: each case is a small directory and the exact lines `validate` prints
 * for it (file:line:col: message), so a message or a position that drifts fails here.
 */
import t from 'tap';
import { MAX_ALIAS_COUNT } from '../../src/config/yaml-file.js';
import { lines, load, SETTINGS, writeDir } from './helpers.js';

interface Case {
  readonly name: string;
  /** Files under desired-state/; settings.yaml (version + okta) is added unless `bare`. */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  readonly bare?: boolean;
  readonly expected: readonly string[];
}

const D = 'desired-state';
const long = `${'a'.repeat(250)}@acme.example`;

const cases: readonly Case[] = [
  // wrong types
  {
    name: 'a boolean written as yes/no text',
    files: { 'p.yaml': 'provisioning:\n  sendWelcomeEmail: no\n' },
    expected: [`${D}/p.yaml:2:21: provisioning.sendWelcomeEmail: must be true or false, got the text "no" (YAML 1.2 has only true and false)`],
  },
  {
    name: 'a count written as a word',
    files: { 's.yaml': 'safety:\n  maxRemovals: many\n' },
    expected: [`${D}/s.yaml:2:16: safety.maxRemovals: must be a whole number, got the text "many"`],
  },
  {
    name: 'roles as a single value instead of a list',
    files: { 'r.yaml': 'roles: team_admin\n' },
    expected: [`${D}/r.yaml:1:8: roles: must be a list, got the text "team_admin"`],
  },
  {
    name: 'a section left empty points at its key',
    files: { 'p.yaml': 'provisioning:\n' },
    expected: [`${D}/p.yaml:1:1: provisioning: must be a mapping (key: value lines), got nothing (an empty value)`],
  },
  {
    name: 'an empty roles key is not an empty list',
    files: { 'r.yaml': 'roles:\n' },
    expected: [`${D}/r.yaml:1:1: roles: must be a list, got nothing (an empty value)`],
  },
  {
    name: 'a negative grace period',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    graceDays: -1\n' },
    expected: [`${D}/o.yaml:3:16: offboarding.onDeactivated.graceDays: must be at least 0, got the number -1`],
  },
  {
    name: 'a percentage above 100',
    files: { 's.yaml': 'safety:\n  maxRemovalPercent: 150\n' },
    expected: [`${D}/s.yaml:2:22: safety.maxRemovalPercent: must be at most 100, got the number 150`],
  },
  {
    name: 'a negative limit on members removed from groups',
    files: { 's.yaml': 'safety:\n  maxGroupMemberRemovals: -3\n' },
    expected: [`${D}/s.yaml:2:27: safety.maxGroupMemberRemovals: must be at least 0, got the number -3`],
  },
  {
    name: 'role demotions and group deletions limited by fractions, the percent floor by a word',
    files: { 's.yaml': 'safety:\n  maxRoleDemotions: 1.5\n  maxGroupDeletions: 0.5\n  minMembersForPercent: ten\n' },
    expected: [
      `${D}/s.yaml:2:21: safety.maxRoleDemotions: must be a whole number, got the number 1.5`,
      `${D}/s.yaml:3:22: safety.maxGroupDeletions: must be a whole number, got the number 0.5`,
      `${D}/s.yaml:4:25: safety.minMembersForPercent: must be a whole number, got the text "ten"`,
    ],
  },
  {
    name: 'a negative limit in a safety exception',
    files: { 's.yaml': 'safety:\n  exceptions:\n    - reason: Office move\n      maxGroupDeletions: -1\n      expires: 2027-01-31\n' },
    expected: [`${D}/s.yaml:4:26: safety.exceptions[0].maxGroupDeletions: must be at least 0, got the number -1`],
  },
  {
    name: 'a negative daily removal brake',
    files: { 's.yaml': 'safety:\n  maxRemovalsPerDay: -1\n' },
    expected: [`${D}/s.yaml:2:22: safety.maxRemovalsPerDay: must be at least 0, got the number -1`],
  },
  {
    name: 'an unknown reconcile class',
    files: { 'r.yaml': 'reconcile:\n  apply: [join, leaver]\n' },
    expected: [`${D}/r.yaml:2:17: reconcile.apply[1]: must be one of join, leave, suspend, reactivate, profile, groupMembership, rolePromotion, groupCreate, groupRename, groupDelete, got the text "leaver"; did you mean "leave"?`],
  },
  {
    name: 'a reconcile class both applied and held',
    files: { 'r.yaml': 'reconcile:\n  apply: [join, leave]\n  hold: [leave]\n' },
    expected: [`${D}/r.yaml:3:10: reconcile.hold[0]: "leave" is also in reconcile.apply (${D}/r.yaml:2:17); a class is either applied or held`],
  },
  // unknown keys, at every level
  {
    name: 'misspelt top-level key: suggestion',
    files: { 'r.yaml': 'rolse: []\n' },
    expected: [`${D}/r.yaml:1:1: unknown top-level key "rolse"; did you mean "roles"?`],
  },
  {
    name: 'a key at the top level that belongs in a section',
    bare: true,
    files: { 'settings.yaml': 'version: 1\nappId: 0oa1dropbox2bus3ness\n' },
    expected: [
      `${D}: missing required top-level key "okta": no file defines it (add "okta: {appId: 0oa...}" to one file)`,
      `${D}/settings.yaml:2:1: unknown top-level key "appId"; it belongs under okta`,
    ],
  },
  {
    name: 'misspelt key in a section: suggestion',
    files: { 'p.yaml': 'provisioning:\n  sendWelcomEmail: true\n' },
    expected: [`${D}/p.yaml:2:3: provisioning: unknown key "sendWelcomEmail"; did you mean "sendWelcomeEmail"?`],
  },
  {
    name: 'unknown key in a section, nothing close',
    bare: true,
    files: { 'settings.yaml': 'version: 1\nokta:\n  appId: 0oa1dropbox2bus3ness\n  apiToken: abc\n' },
    expected: [`${D}/settings.yaml:4:3: okta: unknown key "apiToken"`],
  },
  {
    name: 'misspelt key two levels down: suggestion',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    tranferTo: manager\n' },
    expected: [`${D}/o.yaml:3:5: offboarding.onDeactivated: unknown key "tranferTo"; did you mean "transferTo"?`],
  },
  {
    name: 'misspelt key in a list entry: suggestion',
    files: { 'r.yaml': 'roles:\n  - role: team_admin\n    oktaGroup: [Dropbox Admins]\n' },
    expected: [
      `${D}/r.yaml:2:5: warning: roles[0]: this rule grants team_admin to nobody (no oktaGroups, no users)`,
      `${D}/r.yaml:3:5: roles[0]: unknown key "oktaGroup"; did you mean "oktaGroups"?`,
    ],
  },
  {
    name: 'wrong case of a key in a group push: suggestion',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: Sales\n    dropboxgroup: Sales Team\n' },
    expected: [`${D}/g.yaml:3:5: groupPushes[0]: unknown key "dropboxgroup"; did you mean "dropboxGroup"?`],
  },
  {
    name: 'misspelt key in a safety exception (four levels down)',
    files: { 's.yaml': 'safety:\n  exceptions:\n    - reason: Office move\n      maxRemoval: 40\n      expires: 2027-01-31\n' },
    expected: [
      `${D}/s.yaml:3:7: safety.exceptions[0]: an exception must raise at least one limit: maxRemovals, maxRemovalPercent, minTeamAdmins, maxGroupMemberRemovals, maxRoleDemotions or maxGroupDeletions`,
      `${D}/s.yaml:4:7: safety.exceptions[0]: unknown key "maxRemoval"; did you mean "maxRemovals"?`,
    ],
  },
  // enums and patterns
  {
    name: 'an action that does not exist',
    files: { 'p.yaml': 'provisioning:\n  unassigned: delete\n' },
    expected: [`${D}/p.yaml:2:15: provisioning.unassigned: must be one of suspend, remove, ignore, got the text "delete"`],
  },
  {
    name: 'a misspelt role: suggestion',
    files: { 'r.yaml': 'roles:\n  - role: team_admn\n    users: [cto@acme-robotics.example]\n' },
    expected: [
      `${D}/r.yaml:2:11: roles[0].role: must be one of team_admin, user_management_admin, support_admin, member_only, got the text "team_admn"; did you mean "team_admin"?`,
    ],
  },
  {
    name: 'remove is not an action for Okta SUSPENDED',
    files: { 'o.yaml': 'offboarding:\n  onSuspended:\n    action: remove\n' },
    expected: [`${D}/o.yaml:3:13: offboarding.onSuspended.action: must be one of suspend, ignore, got the text "remove"`],
  },
  {
    name: 'an app id that is not an Okta app id',
    bare: true,
    files: { 'settings.yaml': 'version: 1\nokta:\n  appId: dropbox\n' },
    expected: [`${D}/settings.yaml:3:10: okta.appId: must be an Okta app id (0oa..., as in the app's admin URL), got the text "dropbox"`],
  },
  {
    name: 'a manager attribute with a space',
    files: { 'o.yaml': 'offboarding:\n  managerAttribute: manager id\n' },
    expected: [`${D}/o.yaml:2:21: offboarding.managerAttribute: must be an Okta profile attribute name (letters, digits and _), got the text "manager id"`],
  },
  {
    name: 'import profile: a bad attribute name and an unknown Dropbox field',
    files: { 'i.yaml': 'import:\n  profile:\n    first-name: givenName\n    lastName: lastname\n' },
    expected: [
      `${D}/i.yaml:3:5: import.profile: "first-name" is not an Okta profile attribute name (letters, digits and _)`,
      `${D}/i.yaml:4:15: import.profile.lastName: must be one of givenName, surname, email, got the text "lastname"`,
    ],
  },
  {
    name: 'an expiry date in another format',
    files: { 's.yaml': 'safety:\n  exceptions:\n    - reason: Office move\n      maxRemovals: 40\n      expires: 31/12/2026\n' },
    expected: [`${D}/s.yaml:5:16: safety.exceptions[0].expires: must be a date written YYYY-MM-DD, got the text "31/12/2026"`],
  },
  // version and required keys
  {
    name: 'an unknown version',
    bare: true,
    files: { 'settings.yaml': 'version: 2\nokta:\n  appId: 0oa1dropbox2bus3ness\n' },
    expected: [`${D}/settings.yaml:1:10: unsupported version 2; this dbxsync reads version 1`],
  },
  {
    name: 'no version in any file',
    bare: true,
    files: { 'settings.yaml': 'okta:\n  appId: 0oa1dropbox2bus3ness\n' },
    expected: [`${D}: missing required top-level key "version": no file defines it (add "version: 1" to one file)`],
  },
  {
    name: 'okta without appId points at okta',
    bare: true,
    files: { 'settings.yaml': 'version: 1\nokta: {}\n' },
    expected: [`${D}/settings.yaml:2:1: okta: missing required key "appId"`],
  },
  {
    name: 'an override without an action points at the entry',
    files: { 'o.yaml': 'offboarding:\n  overrides:\n    - oktaGroup: Legal Hold\n' },
    expected: [`${D}/o.yaml:3:7: offboarding.overrides[0]: missing required key "action"`],
  },
  // YAML itself
  {
    name: 'a duplicate key',
    files: { 'p.yaml': 'provisioning:\n  unmanagedMembers: report\n  unmanagedMembers: ignore\n' },
    expected: [`${D}/p.yaml:3:3: duplicate key "unmanagedMembers" (first defined at line 2)`],
  },
  {
    name: 'a top-level key in two files',
    files: { 'a.yaml': 'pruneGroups: false\n', 'b.yaml': '# groups\npruneGroups: true\n' },
    expected: [`${D}/b.yaml:2:1: top-level key "pruneGroups" is already defined in ${D}/a.yaml:1:1; a key may appear in one file only`],
  },
  {
    name: 'tab indentation',
    files: { 'p.yaml': 'provisioning:\n\tunassigned: suspend\n' },
    expected: [`${D}/p.yaml:2:1: tab used for indentation; YAML indents with spaces`],
  },
  {
    name: 'two YAML documents in one file',
    files: { 'g.yaml': 'pruneGroups: false\n---\nroles: []\n' },
    expected: [`${D}/g.yaml:2:1: file holds more than one YAML document (---); put each in its own file`],
  },
  {
    name: 'an unclosed flow sequence',
    files: { 'r.yaml': 'roles:\n  - role: team_admin\n    users: [cto@acme-robotics.example\n' },
    expected: [`${D}/r.yaml:4:1: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]`],
  },
  {
    name: 'the top level is a list',
    files: { 'r.yaml': '- role: team_admin\n' },
    expected: [`${D}/r.yaml:1:1: the top level must be a mapping of keys (version, okta, ...), got a list`],
  },
  {
    name: 'an alias bomb',
    files: {
      'bomb.yaml': [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        '',
      ].join('\n'),
    },
    expected: [`${D}/bomb.yaml:2:8: YAML aliases expand to too many values (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb`],
  },
  {
    name: 'an alias to no anchor',
    files: { 'g.yaml': 'pruneGroups: *flag\n' },
    expected: [`${D}/g.yaml:1:14: alias "*flag" refers to no anchor defined before it`],
  },
  // files that are not YAML text
  {
    name: 'an empty file',
    files: { 'empty.yaml': '' },
    expected: [`${D}/empty.yaml:1:1: file is empty`],
  },
  {
    name: 'a binary file',
    files: { 'logo.yaml': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) },
    expected: [`${D}/logo.yaml:1:1: file is binary (it contains NUL bytes), not YAML text`],
  },
  {
    name: 'a Latin-1 file: the position of the first bad byte',
    bare: true,
    files: { 'settings.yaml': Buffer.from('version: 1\nokta:\n  appId: caf\xe9\n', 'latin1') },
    expected: [`${D}/settings.yaml:3:13: file is not valid UTF-8 (byte 0xE9); save it as UTF-8`],
  },
  // emails
  {
    name: 'a protected member without a domain suffix',
    files: { 'p.yaml': 'provisioning:\n  protectedMembers:\n    - breakglass@acme-robotics\n' },
    expected: [`${D}/p.yaml:3:7: provisioning.protectedMembers[0]: "breakglass@acme-robotics" is not a valid email address`],
  },
  {
    name: 'a one-letter top-level domain',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    transferAdmin: it-admin@acme.c\n' },
    expected: [`${D}/o.yaml:3:20: offboarding.onDeactivated.transferAdmin: "it-admin@acme.c" is not a valid email address`],
  },
  {
    name: 'an email longer than Dropbox accepts',
    files: { 'p.yaml': `provisioning:\n  protectedMembers: [${long}]\n` },
    expected: [`${D}/p.yaml:2:22: provisioning.protectedMembers[0]: email is longer than 255 characters (263)`],
  },
  {
    name: 'a protected member listed twice, in another case',
    files: { 'p.yaml': 'provisioning:\n  protectedMembers:\n    - breakglass@acme-robotics.example\n    - BreakGlass@Acme-Robotics.example\n' },
    expected: [`${D}/p.yaml:4:7: provisioning.protectedMembers[1]: "breakglass@acme-robotics.example" is listed twice (first at ${D}/p.yaml:3:7)`],
  },
  {
    name: 'a user listed twice in one role',
    files: { 'r.yaml': 'roles:\n  - role: team_admin\n    users: [cto@acme-robotics.example, CTO@acme-robotics.example]\n' },
    expected: [`${D}/r.yaml:3:40: roles[0].users[1]: "cto@acme-robotics.example" is listed twice (first at ${D}/r.yaml:3:13)`],
  },
  {
    name: 'a user given two roles',
    files: {
      'r.yaml': 'roles:\n  - role: team_admin\n    users: [cto@acme-robotics.example]\n  - role: support_admin\n    users: [cto@acme-robotics.example]\n',
    },
    expected: [
      `${D}/r.yaml:5:13: roles[1].users[0]: "cto@acme-robotics.example" is already given team_admin at ${D}/r.yaml:3:13; list a person under one role only`,
    ],
  },
  {
    name: 'a role user that is neither an email nor an Okta id',
    files: { 'r.yaml': 'roles:\n  - role: team_admin\n    users: [cto]\n' },
    expected: [`${D}/r.yaml:3:13: roles[0].users[0]: "cto" is neither an email nor an Okta user id (00u...)`],
  },
  {
    name: 'a transfer destination that is not an email',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    transferTo: it-archive\n' },
    expected: [
      `${D}/o.yaml:3:17: offboarding.onDeactivated.transferTo: must be manager, none or the email of a team member; "it-archive" is not a valid email address`,
    ],
  },
  // combinations Dropbox refuses
  {
    name: 'keepAccount with the default transfer to the manager',
    files: {
      'o.yaml': 'offboarding:\n  onDeactivated:\n    action: remove\n    transferAdmin: it-admin@acme-robotics.example\n    keepAccount: true\n',
    },
    expected: [
      `${D}/o.yaml:5:18: offboarding.onDeactivated.keepAccount: cannot be true with a file transfer (transferTo: manager, the default): Dropbox refuses keep_account with a transfer; set transferTo: none without a fallbackTransferTo, or keepAccount: false`,
    ],
  },
  {
    name: 'keepAccount with a fallback transfer',
    files: {
      'o.yaml':
        'offboarding:\n  onDeactivated:\n    action: remove\n    transferTo: none\n    fallbackTransferTo: it-archive@acme-robotics.example\n    keepAccount: true\n',
    },
    expected: [
      `${D}/o.yaml:6:18: offboarding.onDeactivated.keepAccount: cannot be true with a file transfer (fallbackTransferTo: it-archive@acme-robotics.example): Dropbox refuses keep_account with a transfer; set transferTo: none without a fallbackTransferTo, or keepAccount: false`,
    ],
  },
  {
    name: 'keepAccount with wipeData',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    action: remove\n    transferTo: none\n    keepAccount: true\n    wipeData: true\n' },
    expected: [`${D}/o.yaml:6:15: offboarding.onDeactivated.wipeData: cannot be true together with keepAccount: true (Dropbox refuses wipe_data for a kept account)`],
  },
  {
    name: 'retainTeamShares without keepAccount',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    retainTeamShares: true\n' },
    expected: [`${D}/o.yaml:3:23: offboarding.onDeactivated.retainTeamShares: needs keepAccount: true (only a kept account can retain team shares)`],
  },
  {
    name: 'a transfer without a transferAdmin',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    action: remove\n    transferTo: manager\n' },
    expected: [
      `${D}/o.yaml:4:17: offboarding.onDeactivated.transferTo: a file transfer (transferTo: manager) needs transferAdmin, the email of the team admin who receives transfer errors (removals come from offboarding.onDeactivated.action at ${D}/o.yaml:3:13)`,
    ],
  },
  {
    name: 'unassigned: remove transfers files by default, so it needs a transferAdmin',
    files: { 'p.yaml': 'provisioning:\n  unassigned: remove\n' },
    expected: [
      `${D}/p.yaml:2:15: provisioning.unassigned: removed members' files are transferred (transferTo: manager, the default), which needs offboarding.onDeactivated.transferAdmin, the email of the team admin who receives transfer errors`,
    ],
  },
  {
    name: 'an override that removes, with onDeactivated declared but no transferAdmin',
    files: {
      'o.yaml': 'offboarding:\n  onDeactivated:\n    wipeData: false\n  overrides:\n    - oktaGroup: Interns\n      action: remove\n',
    },
    expected: [
      `${D}/o.yaml:2:3: offboarding.onDeactivated: a file transfer (transferTo: manager, the default) needs transferAdmin, the email of the team admin who receives transfer errors (removals come from offboarding.overrides[0].action at ${D}/o.yaml:6:15)`,
    ],
  },
  {
    name: 'an override listed twice for one group',
    files: {
      'o.yaml': 'offboarding:\n  overrides:\n    - oktaGroup: Legal Hold\n      action: suspend\n    - oktaGroup: Legal Hold\n      action: ignore\n',
    },
    expected: [`${D}/o.yaml:5:18: offboarding.overrides[1].oktaGroup: Okta group "Legal Hold" already has an override at ${D}/o.yaml:3:7`],
  },
  // safety exceptions
  {
    name: 'an expired exception',
    files: { 's.yaml': 'safety:\n  exceptions:\n    - reason: Office move\n      maxRemovals: 40\n      expires: 2026-10-31\n' },
    expected: [
      `${D}/s.yaml:5:16: safety.exceptions[0].expires: exception "Office move" expired on 2026-10-31 (today is 2026-11-28); remove it, or renew it in a reviewed change`,
    ],
  },
  {
    name: 'an exception that raises no limit',
    files: { 's.yaml': 'safety:\n  exceptions:\n    - reason: Office move\n      expires: 2027-01-31\n' },
    expected: [`${D}/s.yaml:3:7: safety.exceptions[0]: an exception must raise at least one limit: maxRemovals, maxRemovalPercent, minTeamAdmins, maxGroupMemberRemovals, maxRoleDemotions or maxGroupDeletions`],
  },
  // group pushes
  // Control and bidi characters in YAML group names (issue 12 item 8): they would become real Dropbox group names.
  {
    name: 'a right-to-left override in a dropboxGroup',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: Engineering\n    dropboxGroup: "Eng\\u202Eadmins"\n' },
    expected: [`${D}/g.yaml:3:19: groupPushes[0].dropboxGroup: a group name must be plain text: it holds a control or bidirectional formatting character (U+202E at character 4)`],
  },
  {
    name: 'an escape sequence and a line break in group names',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: "Eng\\e[31m"\n    dropboxGroup: "Eng\\rAdmins"\n' },
    expected: [
      `${D}/g.yaml:2:16: groupPushes[0].oktaGroup: a group name must be plain text: it holds a control or bidirectional formatting character (U+001B at character 4)`,
      `${D}/g.yaml:3:19: groupPushes[0].dropboxGroup: a group name must be plain text: it holds a control or bidirectional formatting character (U+000D at character 4)`,
    ],
  },
  {
    name: 'a bidi isolate in a role rule\'s Okta group',
    files: { 'r.yaml': 'roles:\n  - role: support_admin\n    oktaGroups: ["IT \\u2066Help"]\n' },
    expected: [`${D}/r.yaml:3:18: roles[0].oktaGroups[0]: a group name must be plain text: it holds a control or bidirectional formatting character (U+2066 at character 4)`],
  },
  {
    name: 'a bad regular expression',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroupPattern: "^dbx-("\n' },
    expected: [`${D}/g.yaml:2:23: groupPushes[0].oktaGroupPattern: not a valid regular expression (RE2 syntax: no lookaround, no backreferences): missing closing ): \`^dbx-(\``],
  },
  {
    name: 'a lookahead (RE2 has none: it matches in linear time)',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroupPattern: "^(?!test-)dbx-"\n' },
    expected: [`${D}/g.yaml:2:23: groupPushes[0].oktaGroupPattern: not a valid regular expression (RE2 syntax: no lookaround, no backreferences): invalid or unsupported Perl syntax: \`(?!\``],
  },
  {
    name: 'a backreference',
    files: { 'g.yaml': "groupPushes:\n  - oktaGroupPattern: '^(dbx)-\\1'\n" },
    expected: [`${D}/g.yaml:2:23: groupPushes[0].oktaGroupPattern: not a valid regular expression (RE2 syntax: no lookaround, no backreferences): invalid escape sequence: \`\\1\``],
  },
  {
    name: 'both oktaGroup and oktaGroupPattern',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: Engineering\n    oktaGroupPattern: "^eng-"\n' },
    expected: [`${D}/g.yaml:2:5: groupPushes[0]: set exactly one of oktaGroup or oktaGroupPattern, not both`],
  },
  {
    name: 'neither oktaGroup nor oktaGroupPattern',
    files: { 'g.yaml': 'groupPushes:\n  - dropboxGroup: Sales Team\n' },
    expected: [`${D}/g.yaml:2:5: groupPushes[0]: set exactly one of oktaGroup or oktaGroupPattern; this entry has neither`],
  },
  {
    name: 'a Dropbox name on a pattern push',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroupPattern: "^dbx-"\n    dropboxGroup: Departments\n' },
    expected: [`${D}/g.yaml:3:5: groupPushes[0].dropboxGroup: cannot be used with oktaGroupPattern: each matching Okta group is pushed under its own name`],
  },
  {
    name: 'a group pushed twice to different Dropbox names',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: Sales\n  - oktaGroup: Sales\n    dropboxGroup: Sales Team\n' },
    expected: [
      `${D}/g.yaml:3:16: groupPushes[1].oktaGroup: Okta group "Sales" is already pushed as Dropbox group "Sales" at ${D}/g.yaml:2:5; an Okta group is pushed to one Dropbox group only`,
    ],
  },
  {
    name: 'a group pushed twice to the same name',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: Engineering\n  - oktaGroup: Engineering\n' },
    expected: [`${D}/g.yaml:3:16: groupPushes[1].oktaGroup: Okta group "Engineering" is already pushed at ${D}/g.yaml:2:5`],
  },
  {
    name: 'two pushes onto one Dropbox group',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: Sales\n    dropboxGroup: Revenue\n  - oktaGroup: Marketing\n    dropboxGroup: Revenue\n' },
    expected: [
      `${D}/g.yaml:5:19: groupPushes[1].dropboxGroup: Dropbox group "Revenue" is already the target of Okta group "Sales" at ${D}/g.yaml:2:5; two Okta groups cannot push onto one Dropbox group`,
    ],
  },
  {
    name: 'a push onto the name of another pushed group',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroup: Sales Team\n  - oktaGroup: Sales\n    dropboxGroup: Sales Team\n' },
    expected: [
      `${D}/g.yaml:4:19: groupPushes[1].dropboxGroup: Dropbox group "Sales Team" is already the target of Okta group "Sales Team" at ${D}/g.yaml:2:5; two Okta groups cannot push onto one Dropbox group`,
    ],
  },
  {
    name: 'a renamed push of a group that a pattern also pushes',
    files: { 'g.yaml': 'groupPushes:\n  - oktaGroupPattern: "^dbx-"\n  - oktaGroup: dbx-Finance\n    dropboxGroup: Finance\n' },
    expected: [
      `${D}/g.yaml:3:16: groupPushes[1].oktaGroup: Okta group "dbx-Finance" is also matched by oktaGroupPattern "^dbx-" at ${D}/g.yaml:2:5, which pushes it as "dbx-Finance"; an Okta group is pushed to one Dropbox group only`,
    ],
  },
  {
    name: 'a transferAdmin of the wrong type is one problem, not two',
    files: { 'o.yaml': 'offboarding:\n  onDeactivated:\n    action: remove\n    transferAdmin: 42\n' },
    expected: [`${D}/o.yaml:4:20: offboarding.onDeactivated.transferAdmin: must be text, got the number 42`],
  },
  {
    name: 'an unreadable file: no guesses about the keys it may hold',
    bare: true,
    files: { 'settings.yaml': 'version: 1\noffboarding:\n\tonDeactivated: {transferAdmin: it@acme.example}\n', 'p.yaml': 'provisioning:\n  unassigned: remove\n' },
    expected: [`${D}/settings.yaml:3:1: tab used for indentation; YAML indents with spaces`],
  },
  // several problems at once
  {
    name: 'every problem of every file is reported, sorted by file and position',
    files: {
      'a.yaml': 'provisioning:\n  unassigned: never\n  sendWelcomeEmail: 1\n',
      'b.yaml': 'roles:\n  - role: admin\n',
    },
    expected: [
      `${D}/a.yaml:2:15: provisioning.unassigned: must be one of suspend, remove, ignore, got the text "never"`,
      `${D}/a.yaml:3:21: provisioning.sendWelcomeEmail: must be true or false, got the number 1`,
      `${D}/b.yaml:2:5: warning: roles[0]: this rule grants admin to nobody (no oktaGroups, no users)`,
      `${D}/b.yaml:2:11: roles[0].role: must be one of team_admin, user_management_admin, support_admin, member_only, got the text "admin"`,
    ],
  },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const root = t.testdir({});
    writeDir(root, c.bare ? c.files : { 'settings.yaml': SETTINGS, ...c.files });
    const result = await load(root);
    t.equal(result.ok, false, 'the desired state is refused');
    t.same(lines(result), c.expected);
  });
}

t.test('a 5 MB file is refused unread', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'settings.yaml': SETTINGS, 'big.yaml': Buffer.alloc(5 * 1024 * 1024, 'a') });
  const result = await load(root);
  t.same(lines(result), [`${D}/big.yaml:1:1: file is too large (5.0 MB > 1 MB)`]);
});

t.test('a directory with no YAML files', async (t) => {
  const root = t.testdir({});
  writeDir(root, { 'README.md': '# desired state\n' });
  t.same(lines(await load(root)), [`${D}: no YAML files (*.yaml, *.yml) in this directory`]);
});

t.test('a directory that does not exist', async (t) => {
  const root = t.testdir({});
  t.same(lines(await load(root)), [`${D}: no such directory (name the desired-state directory with --dir, or make one: dbxsync init, or dbxsync dump --out DIR from the live team)`]);
});

t.test('a file given instead of a directory', async (t) => {
  const root = t.testdir({ 'desired-state': 'version: 1\n' });
  t.same(lines(await load(root)), [`${D}: not a directory`]);
});

t.test('the table covers at least forty invalid inputs', async (t) => {
  t.ok(cases.length + 4 >= 40, `${cases.length + 4} cases`);
});
