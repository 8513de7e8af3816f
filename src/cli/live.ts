/**
 * The composition of a live read: clients built from the environment, the Dropbox team read
 * first (its members tell the Okta reader whom to look up beyond the app's users), then Okta.
 * Progress goes to stderr on a terminal unless --quiet.
 */
import type { Dropbox } from 'dropbox';
import type { DesiredState } from '../domain/desired.js';
import type { DropboxState, OktaState } from '../domain/live.js';
import { createDropboxClient, dropboxCallCounter } from '../dropbox/client.js';
import { readDropboxState } from '../dropbox/reader.js';
import { createOktaClient, type OktaClient } from '../okta/client.js';
import { readOktaState } from '../okta/reader.js';
import { RemoteError, UsageError } from '../domain/errors.js';
import { currentDeadline } from '../transport/http-timeouts.js';
import type { CommandIO } from './io.js';
import { dropboxSettingsFromEnv, oktaSettingsFromEnv, retryDeadlineFromEnv } from './settings.js';
import { createStatusLine } from './status-line.js';

export interface LiveState {
  readonly okta: OktaState;
  readonly dropbox: DropboxState;
  /** HTTP attempts per route, for --debug and the benchmark. */
  readonly calls: { readonly okta: Readonly<Record<string, number>>; readonly dropbox: Readonly<Record<string, number>> };
}

export interface LiveClients {
  readonly dropbox: Dropbox;
  readonly okta: OktaClient;
}

/** Build both clients from the environment (every secret registered for redaction first). */
export function liveClientsFromEnv(io: ClientIO, options: { readonly oktaScopes?: readonly string[]; readonly retryFrom?: () => number } = {}): LiveClients {
  // Every missing variable at once, Okta's and Dropbox's, not one per attempt.
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      problems.push(err.message);
      return null;
    }
  };
  const base = attempt(() => oktaSettingsFromEnv(io.env));
  const dropbox = attempt(() => dropboxClientFromEnv(io, options.retryFrom));
  if (base === null || dropbox === null) throw new UsageError(`${problems.join('; ')} (see dbxsync help for the environment of each command)`);
  // Scopes matter to OAuth only (an SSWS token carries its admin's permissions).
  const okta = options.oktaScopes !== undefined && !base.apiToken ? { ...base, scopes: options.oktaScopes } : base;
  return { dropbox, okta: createOktaClient(okta, { secrets: io.redactor }) };
}

/** What building a client needs of the command: the environment, the clock and stderr. */
export type ClientIO = Pick<CommandIO, 'env' | 'now' | 'stderr' | 'redactor'>;

/**
 * The Dropbox client with the command's retry deadline (DBXSYNC_RETRY_DEADLINE from now, or from
 * `retryFrom()` when given: watch counts it from each cycle's start): Dropbox's rate-limit waits
 * end before it, and a long one is said on stderr.
 */
export function dropboxClientFromEnv(io: ClientIO, retryFrom?: () => number): Dropbox {
  const settings = dropboxSettingsFromEnv(io.env);
  const deadline = retryDeadlineFromEnv(io.env);
  const now = () => io.now().getTime();
  const start = now();
  const from = retryFrom ?? (() => start);
  return createDropboxClient({
    ...settings,
    secrets: io.redactor,
    retry: {
      deadline: {
        get at() {
          return from() + deadline.ms;
        },
        now,
        setting: deadline.setting,
      },
      notice: (line) => io.stderr.write(`${line}\n`),
    },
  });
}

export async function readLiveState(desired: DesiredState, clients: LiveClients, io: CommandIO, options: { quiet?: boolean } = {}): Promise<LiveState> {
  const status = createStatusLine(io.stderr, { quiet: options.quiet ?? false });
  const deadline = currentDeadline();
  if (deadline) deadline.phase = 'reading live state (Okta and Dropbox)';
  try {
    // Both reads run at once: Okta needs the Dropbox members only for its final lookups.
    let dropboxItems = 0;
    let oktaText = 'Okta…';
    const show = () => status.update(`Reading: Dropbox ${dropboxItems.toLocaleString('en-US')} items; ${oktaText}`);
    const dropboxRead = readDropboxState(clients.dropbox, {
      onProgress: (done) => {
        dropboxItems = done;
        show();
      },
    });
    const dropboxMembers = dropboxRead.then((d) => d.members.map((m) => ({ email: m.email, externalId: m.externalId })));
    // A failed Dropbox read is reported through Promise.all below; the Okta reader awaits this
    // promise only at its end, so mark it handled now rather than leave it unhandled meanwhile.
    dropboxMembers.catch(() => undefined);
    const oktaReading = readOktaState(clients.okta, desired, {
      dropboxMembers,
      onProgress: (p) => {
        oktaText = `Okta (${p.phase}) ${p.items.toLocaleString('en-US')} items, ${p.calls} calls`;
        show();
      },
    });
    const [dropbox, oktaRead] = await Promise.all([dropboxRead, oktaReading.catch((err: unknown) => Promise.reject(withAppIdHint(err, desired)))]);
    if (deadline) deadline.phase = 'planning';
    const { calls: oktaCalls, ...okta } = oktaRead;
    return { okta, dropbox, calls: { okta: oktaCalls, dropbox: Object.fromEntries(dropboxCallCounter(clients.dropbox).entries()) } };
  } finally {
    status.done();
  }
}

/**
 * Okta answers 404 for /api/v1/apps/{appId}/... when no app has that id (issue 14 item 4): the
 * error names the YAML line that set it, so the fix is one look away.
 */
export function withAppIdHint(err: unknown, desired: DesiredState): unknown {
  if (!(err instanceof RemoteError) || err.service !== 'okta' || err.status !== 404 || !err.route.startsWith('GET /api/v1/apps/{id}')) return err;
  const { file, line } = desired.okta.source;
  return new RemoteError({
    service: err.service,
    route: err.route,
    message: err.message,
    status: err.status,
    code: err.code,
    requestId: err.requestId,
    hint: `check ${file}:${line} okta.appId (${desired.okta.appId}): Okta has no app with this id`,
    cause: err,
  });
}
