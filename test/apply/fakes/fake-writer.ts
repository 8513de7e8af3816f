/**
 * A stateful in-memory DropboxWriter: keeps members and groups, answers like Dropbox (idempotent
 * "already so" answers as alreadyDone), records every call with its start and end, and can be
 * scripted to fail calls or single adds.
 */
import type { Role } from '../../../src/domain/desired.js';
import { RemoteError } from '../../../src/domain/errors.js';
import { emailKey, type DropboxMember, type DropboxMemberStatus } from '../../../src/domain/live.js';
import type { DropboxWriter, GroupMembersReceipt, MemberAddInput, MemberAddOutcome, MemberSelector, ProfileUpdate, RemoveOptions, WriteReceipt } from '../../../src/domain/ports.js';

export interface FakeMember {
  teamMemberId: string;
  email: string;
  externalId: string | null;
  givenName: string;
  surname: string;
  status: DropboxMemberStatus;
  role: Role;
  isRecoverable: boolean;
  /** MemberProfile.email_verified (default true): an unverified destination is refused with recipient_not_verified. */
  emailVerified?: boolean;
  /** Files the member owns: a transfer moves them, a removal without transfer strands them. */
  files: number;
}

export interface FakeGroup {
  groupId: string;
  name: string;
  externalId: string | null;
  members: Set<string>;
}

export interface CallRecord {
  readonly method: keyof DropboxWriter;
  readonly args: unknown[];
  readonly start: number;
  end: number;
}

export interface TransferRecord {
  readonly from: string;
  readonly to: string;
  readonly start: number;
  end: number;
}

interface ScriptedFailure {
  readonly method: keyof DropboxWriter;
  readonly when: (args: unknown[]) => boolean;
  readonly error: () => Error;
  remaining: number;
}

export function remoteError(code: string, message = `${code} (fake)`, retryable = false, requestId: string | null = null): RemoteError {
  return new RemoteError({ service: 'dropbox', route: 'fake', message, code, retryable, status: retryable ? 503 : 409, requestId });
}

let tick = 0;

export class FakeWriter implements DropboxWriter {
  readonly members = new Map<string, FakeMember>();
  readonly groups = new Map<string, FakeGroup>();
  readonly calls: CallRecord[] = [];
  readonly transfers: TransferRecord[] = [];
  /** Files of members removed without a transfer (recoverable for a while, then gone). */
  strandedFiles = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Milliseconds every call takes (real timers: overlap is what the tests look at). */
  delayMs = 0;
  private readonly failures: ScriptedFailure[] = [];
  private readonly addFailures = new Map<string, string>();
  private nextId = 1;

  member(init: Partial<FakeMember> & { email: string }): FakeMember {
    const m: FakeMember = {
      teamMemberId: init.teamMemberId ?? `dbmid:fake${this.nextId++}`,
      externalId: null,
      givenName: 'Given',
      surname: 'Surname',
      status: 'active',
      role: 'member_only',
      isRecoverable: false,
      files: 0,
      ...init,
    };
    this.members.set(m.teamMemberId, m);
    return m;
  }

  group(init: Partial<Omit<FakeGroup, 'members'>> & { name: string; members?: string[] }): FakeGroup {
    const g: FakeGroup = { groupId: init.groupId ?? `g:fake${this.nextId++}`, name: init.name, externalId: init.externalId ?? null, members: new Set(init.members ?? []) };
    this.groups.set(g.groupId, g);
    return g;
  }

  /** Make the next `times` calls of `method` (matching `when`) throw `error`. */
  failOn(method: keyof DropboxWriter, error: () => Error, options: { times?: number; when?: (args: unknown[]) => boolean } = {}): void {
    this.failures.push({ method, error, when: options.when ?? (() => true), remaining: options.times ?? 1 });
  }

  /** Make members/add answer this tag for this email. */
  failAdd(email: string, tag: string): void {
    this.addFailures.set(email.toLowerCase(), tag);
  }

  byEmail(email: string): FakeMember | undefined {
    return [...this.members.values()].find((m) => m.email.toLowerCase() === email.toLowerCase() && m.status !== 'removed');
  }

  groupByName(name: string): FakeGroup | undefined {
    return [...this.groups.values()].find((g) => g.name === name);
  }

  callsOf(method: keyof DropboxWriter): CallRecord[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async call<T>(method: keyof DropboxWriter, args: unknown[], body: () => T): Promise<T> {
    const record: CallRecord = { method, args, start: ++tick, end: 0 };
    this.calls.push(record);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
      else await Promise.resolve();
      const failure = this.failures.find((f) => f.method === method && f.remaining > 0 && f.when(args));
      if (failure) {
        failure.remaining--;
        throw failure.error();
      }
      return body();
    } finally {
      this.inFlight--;
      record.end = ++tick;
    }
  }

  private find(selector: MemberSelector, includeRemoved = false): FakeMember | undefined {
    const all = [...this.members.values()].filter((m) => includeRemoved || m.status !== 'removed');
    switch (selector.by) {
      case 'team_member_id':
        return all.find((m) => m.teamMemberId === selector.value);
      case 'email':
        return all.find((m) => m.email.toLowerCase() === selector.value.toLowerCase());
      case 'external_id':
        return all.find((m) => m.externalId === selector.value);
    }
  }

  private need(selector: MemberSelector, includeRemoved = false): FakeMember {
    const m = this.find(selector, includeRemoved);
    if (!m) throw remoteError('user_not_found');
    return m;
  }

  private ok(alreadyDone = false): WriteReceipt {
    return { attempts: 1, requestId: `req-${tick}`, alreadyDone };
  }

  addMembers(members: readonly MemberAddInput[]): Promise<readonly MemberAddOutcome[]> {
    return this.call('addMembers', [members], () =>
      members.map((input): MemberAddOutcome => {
        const tag = this.addFailures.get(input.email.toLowerCase());
        if (tag) return { email: input.email, ok: false, tag, message: `${tag} for ${input.email}` };
        const existing = this.byEmail(input.email);
        if (existing) return { email: input.email, ok: true, teamMemberId: existing.teamMemberId, alreadyMember: true };
        const m = this.member({ email: input.email, givenName: input.givenName, surname: input.surname, externalId: input.externalId, status: 'invited', role: input.role });
        return { email: input.email, ok: true, teamMemberId: m.teamMemberId, alreadyMember: false };
      }),
    );
  }

  setProfile(member: MemberSelector, update: ProfileUpdate): Promise<WriteReceipt> {
    return this.call('setProfile', [member, update], () => {
      if (member.by === 'external_id' && update.externalId !== undefined) throw remoteError('external_id_and_new_external_id_unsafe');
      const m = this.need(member);
      if (update.email !== undefined) m.email = update.email;
      if (update.givenName !== undefined) m.givenName = update.givenName;
      if (update.surname !== undefined) m.surname = update.surname;
      if (update.externalId !== undefined) m.externalId = update.externalId;
      return this.ok();
    });
  }

  suspend(member: MemberSelector, wipeData: boolean): Promise<WriteReceipt> {
    return this.call('suspend', [member, wipeData], () => {
      const m = this.need(member);
      if (m.status === 'suspended') return this.ok(true);
      m.status = 'suspended';
      return this.ok();
    });
  }

  unsuspend(member: MemberSelector): Promise<WriteReceipt> {
    return this.call('unsuspend', [member], () => {
      const m = this.need(member);
      if (m.status === 'active') return this.ok(true);
      m.status = 'active';
      return this.ok();
    });
  }

  async remove(member: MemberSelector, options: RemoveOptions): Promise<WriteReceipt> {
    const m = this.find(member, true);
    const dest = options.transferDest ? this.find(options.transferDest) : undefined;
    const transfer: TransferRecord | null = m && dest ? { from: m.email, to: dest.email, start: ++tick, end: 0 } : null;
    if (transfer) this.transfers.push(transfer);
    try {
      return await this.call('remove', [member, options], () => {
        if (!m) throw remoteError('user_not_found');
        if (m.status === 'removed') return this.ok(true);
        if (options.transferDest) {
          if (!dest || dest.status !== 'active') throw remoteError('transfer_dest_user_not_in_team');
          if (dest.emailVerified === false) throw remoteError('recipient_not_verified');
          if (!options.transferAdmin) throw remoteError('unspecified_transfer_admin_id');
          dest.files += m.files;
          m.files = 0;
        } else {
          this.strandedFiles += m.files;
        }
        m.status = 'removed';
        m.isRecoverable = options.transferDest === null;
        for (const g of this.groups.values()) g.members.delete(m.teamMemberId);
        return this.ok();
      });
    } finally {
      if (transfer) transfer.end = ++tick;
    }
  }

  recover(member: MemberSelector): Promise<WriteReceipt> {
    return this.call('recover', [member], () => {
      const m = this.need(member, true);
      if (m.status !== 'removed') return this.ok(true);
      if (!m.isRecoverable) throw remoteError('user_unrecoverable');
      m.status = 'active';
      return this.ok();
    });
  }

  async moveFormerMemberFiles(member: MemberSelector, dest: MemberSelector, admin: MemberSelector): Promise<WriteReceipt> {
    const m = this.find(member, true);
    const to = this.find(dest);
    const transfer: TransferRecord | null = m && to ? { from: m.email, to: to.email, start: ++tick, end: 0 } : null;
    if (transfer) this.transfers.push(transfer);
    try {
      return await this.call('moveFormerMemberFiles', [member, dest, admin], () => {
        if (!m) throw remoteError('user_not_found');
        if (m.status !== 'removed') throw remoteError('user_not_removed');
        if (!m.isRecoverable) return this.ok(true);
        if (!to || to.status !== 'active') throw remoteError('transfer_dest_user_not_in_team');
        to.files += m.files;
        this.strandedFiles -= m.files;
        m.files = 0;
        m.isRecoverable = false;
        return this.ok();
      });
    } finally {
      if (transfer) transfer.end = ++tick;
    }
  }

  setRole(member: MemberSelector, role: Role): Promise<WriteReceipt> {
    return this.call('setRole', [member, role], () => {
      const m = this.need(member);
      const done = m.role === role;
      m.role = role;
      return this.ok(done);
    });
  }

  createGroup(name: string, externalId: string): Promise<WriteReceipt & { readonly groupId: string }> {
    return this.call('createGroup', [name, externalId], () => {
      const existing = [...this.groups.values()].find((g) => g.externalId === externalId);
      if (existing) return { ...this.ok(true), groupId: existing.groupId };
      if (this.groupByName(name)) throw remoteError('group_name_already_used');
      const g = this.group({ name, externalId });
      return { ...this.ok(), groupId: g.groupId };
    });
  }

  updateGroup(groupId: string, update: { readonly name?: string; readonly externalId?: string }): Promise<WriteReceipt> {
    return this.call('updateGroup', [groupId, update], () => {
      const g = this.groups.get(groupId);
      if (!g) throw remoteError('group_not_found');
      if (update.name !== undefined) g.name = update.name;
      if (update.externalId !== undefined) g.externalId = update.externalId;
      return this.ok();
    });
  }

  deleteGroup(groupId: string): Promise<WriteReceipt> {
    return this.call('deleteGroup', [groupId], () => {
      if (!this.groups.delete(groupId)) return this.ok(true);
      return this.ok();
    });
  }

  addGroupMembers(groupId: string, teamMemberIds: readonly string[]): Promise<GroupMembersReceipt> {
    return this.call('addGroupMembers', [groupId, teamMemberIds], () => {
      const g = this.groups.get(groupId);
      if (!g) throw remoteError('group_not_found');
      // As the writer does with members_not_in_team: the named ids are left out, the rest is added.
      const notInTeam = teamMemberIds.filter((id) => !this.members.has(id));
      const before = g.members.size;
      for (const id of teamMemberIds) if (this.members.has(id)) g.members.add(id);
      return { ...this.ok(g.members.size === before), notInTeam, notFound: [] };
    });
  }

  removeGroupMembers(groupId: string, teamMemberIds: readonly string[]): Promise<GroupMembersReceipt> {
    return this.call('removeGroupMembers', [groupId, teamMemberIds], () => {
      const g = this.groups.get(groupId);
      if (!g) throw remoteError('group_not_found');
      const before = g.members.size;
      for (const id of teamMemberIds) g.members.delete(id);
      return { ...this.ok(g.members.size === before), notInTeam: [], notFound: [] };
    });
  }

  getMember(member: MemberSelector): Promise<DropboxMember | null> {
    return this.call('getMember', [member], () => {
      const m = this.find(member, true);
      if (!m) return null;
      return {
        teamMemberId: m.teamMemberId,
        accountId: null,
        email: m.email,
        emailKey: emailKey(m.email),
        emailVerified: m.emailVerified ?? true,
        externalId: m.externalId,
        givenName: m.givenName,
        surname: m.surname,
        status: m.status,
        isRecoverable: m.isRecoverable,
        isDisconnected: false,
        role: m.role,
        otherRoles: [],
        invitedOn: null,
        joinedOn: null,
        suspendedOn: null,
      };
    });
  }
}
