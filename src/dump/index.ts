/** src/dump: live Okta and Dropbox → desired-state YAML that adopts an existing team (pure). */
export { dumpContent, dumpDesiredState, DUMP_FILES, renderDump, type DumpFiles, type DumpInput } from './dump-desired-state.js';
export { groupsToRead, type DumpedPush, type GroupDecisions, type LeftAloneGroup } from './groups.js';
export type { HeldBackMember } from './held-back.js';
export type { AdminGrant } from './roles.js';
export type { DumpContent } from './render-files.js';
