/**
 * The DropboxWriter (src/domain/ports.ts) over the SDK. Every call runs under the retry policy;
 * async jobs are polled with a growing interval up to a timeout; answers that mean "already so"
 * count as success, so re-running an interrupted apply converges (ref §10). The writes themselves
 * are one function each, in write-members.ts and write-groups.ts, over a WriteSession.
 */
import type { Dropbox } from 'dropbox';
import type { DropboxWriter } from '../domain/ports.js';
import { addGroupMembers, createGroup, deleteGroup, removeGroupMembers, updateGroup } from './write-groups.js';
import { addMembers, moveFormerMemberFiles, recover, removeMember, setProfile, setRole, suspend, unsuspend } from './write-members.js';
import { Tally, WriteSession, type DropboxWriterOptions } from './write-session.js';

export type { DropboxWriterOptions } from './write-session.js';
export { ADD_BATCH } from './write-members.js';

export function createDropboxWriter(client: Dropbox, options: DropboxWriterOptions = {}): DropboxWriter {
  const s = new WriteSession(client, options);
  return {
    addMembers: (inputs) => addMembers(s, inputs),
    setProfile: (member, update) => setProfile(s, member, update),
    suspend: (member, wipeData) => suspend(s, member, wipeData),
    unsuspend: (member) => unsuspend(s, member),
    remove: (member, opts) => removeMember(s, member, opts),
    moveFormerMemberFiles: (member, dest, admin) => moveFormerMemberFiles(s, member, dest, admin),
    recover: (member) => recover(s, member),
    setRole: (member, role) => setRole(s, member, role),
    createGroup: (name, externalId) => createGroup(s, name, externalId),
    updateGroup: (groupId, update) => updateGroup(s, groupId, update),
    deleteGroup: (groupId) => deleteGroup(s, groupId),
    addGroupMembers: (groupId, ids) => addGroupMembers(s, groupId, ids),
    removeGroupMembers: (groupId, ids) => removeGroupMembers(s, groupId, ids),
    getMember: (member) => s.getMember(member, new Tally()),
  };
}
