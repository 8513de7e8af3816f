/**
 * One apply at a time per team on this machine: an exclusive lock file next to the audit log
 * (`.dbxsync/<team>.lock`, created with O_EXCL) that names the process holding it and when it
 * started. A second apply or reconcile on the same team refuses with one line. A lock whose process
 * is gone (a crash, kill -9) is stale: it is taken over with a warning. In CI the runners share no
 * file system: there the workflows' concurrency group is the lock.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';

/** What the lock file holds. */
export interface LockHolder {
  readonly pid: number;
  /** ISO time the holder took the lock. */
  readonly startedAt: string;
  /** The command, e.g. "apply" or "reconcile". */
  readonly command: string;
  readonly team: string;
}

export interface RunLockOptions {
  readonly cwd: string;
  /** The Dropbox team's name (team/get_info). */
  readonly team: string;
  /** The Dropbox API origin (DROPBOX_API_URL or its default). */
  readonly api: string;
  readonly command: string;
  readonly now: Date;
  readonly warn: (line: string) => void;
}

export interface RunLock {
  readonly file: string;
  /** Removes the lock file if it is still ours (idempotent). */
  release(): void;
}

/**
 * `.dbxsync/<slug of the team name>-<8 hex>.lock` under cwd (next to `.dbxsync/audit/`); the digest
 * is of the Dropbox API origin and the team name, so two sandboxes (or services) never share a lock.
 */
export function lockFileFor(cwd: string, team: string, api: string): string {
  const slug = team.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'team';
  const digest = createHash('sha256').update(`${api}\n${team}`).digest('hex').slice(0, 8);
  return path.join(cwd, '.dbxsync', `${slug}-${digest}.lock`);
}

/** True when a process of that id runs (EPERM: it runs under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof data.pid === 'number' && Number.isInteger(data.pid) && data.pid > 0 ? (data as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock of `team` for this process, or throws a UsageError naming the holder. `warn`
 * receives the one line said when a stale lock is taken over.
 */
export function acquireRunLock(options: RunLockOptions): RunLock {
  const file = lockFileFor(options.cwd, options.team, options.api);
  const holder: LockHolder = { pid: process.pid, startedAt: options.now.toISOString(), command: options.command, team: options.team };
  const where = path.relative(options.cwd, file) || file;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (err) {
    throw new UsageError(`cannot create ${path.dirname(where)} for the run lock: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw new UsageError(`cannot take the run lock ${where}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
      }
    }
    const other = readHolder(file);
    if (other !== null && alive(other.pid)) {
      throw new UsageError(
        `another dbxsync ${other.command} (pid ${other.pid}, started ${other.startedAt}) is changing the Dropbox team "${options.team}"; wait for it to finish (lock ${where})`,
      );
    }
    options.warn(
      other === null
        ? `dbxsync ${options.command}: taking over the unreadable run lock ${where}`
        : `dbxsync ${options.command}: taking over the stale run lock ${where} of pid ${other.pid} (started ${other.startedAt}), which no longer runs`,
    );
    fs.rmSync(file, { force: true });
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock: a stale-lock takeover by someone else must not be undone.
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  // A forced exit (a second Ctrl-C) skips `finally` blocks; the exit handler still runs.
  process.on('exit', release);
  return { file, release };
}

/** Runs `work` holding the team's lock; the lock is removed however it ends. */
export async function withRunLock<T>(options: RunLockOptions, work: () => Promise<T>): Promise<T> {
  const lock = acquireRunLock(options);
  try {
    return await work();
  } finally {
    lock.release();
  }
}
