/**
 * The lookups of a full Okta read (reader.ts), after the listings: app users whose page came
 * without `_embedded.user`, then in rounds the Okta users of Dropbox members who are not app users
 * (external id = Okta id, else email; DEPROVISIONED included) and the managers named through
 * managerAttribute that are not read yet. Ids by GET /users/{id}, emails by batched `search`
 * (user-lookup.ts says why).
 */
import { emailKey } from '../domain/live.js';
import { listRaw, getRaw } from './raw-list.js';
import { createPool, type Pool } from '../transport/pool.js';
import { addUser, guard, settle, stopped, type ReadContext } from './read-context.js';
import { chunkLookups, filterFor, lookupKey, USERS_PAGE_SIZE, type Lookup, type SearchLookup } from './user-lookup.js';

/** A Dropbox member as the reader needs it: to find its Okta user when it is not an app user. */
export interface DropboxMemberRef {
  readonly email: string;
  readonly externalId: string | null;
}

/** One user by id (or login) with GET /api/v1/users/{id}: read-after-write consistent; a 404 is a real "gone". */
async function getUser(r: ReadContext, idOrLogin: string): Promise<void> {
  if (stopped(r)) return;
  const found = await getRaw(r.client, `/api/v1/users/${encodeURIComponent(idOrLogin)}`);
  if (found !== null) addUser(r, found, 'GET /api/v1/users/{id}');
}

/**
 * The users a batched search finds. Raw listing: the Collection cannot parse the long Link header a
 * batched search brings back.
 *
 * Okta refuses an overly complex search with 400 on the first page, before any item. Never fall
 * back to `filter`: its values are case-sensitive, and a Jane.Doe@ in Okta would not be found, her
 * member would look unmanaged (and under unmanagedMembers: remove, be removed). Smaller searches
 * instead; if even one lookup is refused, the read fails: a plan is never made from a partial answer.
 */
async function searchUsers(r: ReadContext, part: readonly SearchLookup[]): Promise<void> {
  if (stopped(r)) return;
  try {
    for await (const u of listRaw(r.client, '/api/v1/users', { search: filterFor(part), limit: USERS_PAGE_SIZE })) {
      if (stopped(r)) return;
      addUser(r, u, 'GET /api/v1/users');
    }
  } catch (err) {
    if ((err as { status?: unknown }).status !== 400 || part.length === 1) throw err;
    const half = Math.ceil(part.length / 2);
    await searchUsers(r, part.slice(0, half));
    await searchUsers(r, part.slice(half));
  }
}

/** Look up the users `lookups` name that no earlier lookup tried, on `pool`'s lanes. */
export async function lookupUsers(r: ReadContext, lookups: readonly Lookup[], pool: Pool): Promise<void> {
  const byId: string[] = [];
  const searches: SearchLookup[] = [];
  for (const l of lookups) {
    const key = lookupKey(l);
    if (r.attempted.has(key)) continue;
    r.attempted.add(key);
    if (l.kind === 'id') byId.push(l.value);
    else searches.push(l as SearchLookup);
  }
  await settle([
    // Never a batched `id eq` search: search is eventually consistent (user-lookup.ts).
    ...byId.map((id) => pool.run(() => guard(r, 'GET /api/v1/users/{id}', () => getUser(r, id)))),
    ...chunkLookups(searches).map((chunk) => pool.run(() => guard(r, 'GET /api/v1/users', () => searchUsers(r, chunk)))),
  ]);
}

/** Start the id lookups of the app users whose page came without _embedded.user (G2); settled later with the others. */
export function flushWithoutEmbed(r: ReadContext): void {
  const ids = r.withoutEmbed.splice(0).filter((id) => !r.users.has(id));
  if (ids.length === 0) return;
  const lookup = lookupUsers(
    r,
    ids.map((value): Lookup => ({ kind: 'id', value })),
    r.lanes,
  );
  // Observed later by settle(); until then a rejection must not count as unhandled.
  lookup.catch(() => undefined);
  r.pendingLookups.push(lookup);
}

/** The managers of `ids` (through managerAttribute) not read yet: an id (or a login without @), or a login-or-email. */
export function managerLookups(r: ReadContext, ids: Iterable<string>): Lookup[] {
  const out: Lookup[] = [];
  for (const id of ids) {
    const ref = r.users.get(id)?.profile[r.desired.offboarding.managerAttribute];
    if (typeof ref !== 'string' || ref.trim() === '') continue;
    const v = ref.trim();
    const lower = v.toLowerCase();
    if (r.users.has(v) || r.byLogin.has(lower) || r.byEmail.has(lower)) continue;
    out.push({ kind: v.includes('@') ? 'login-or-email' : 'id', value: v });
  }
  return out;
}

interface MemberLookups {
  readonly round: Lookup[];
  /** Members looked up by external id: if that finds nobody, by email in the next round. */
  readonly fallbacks: { readonly email: string; readonly externalId: string }[];
  readonly dropboxIds: ReadonlySet<string>;
  readonly dropboxEmails: ReadonlySet<string>;
}

/** The Okta users of Dropbox members not read yet: by external id (= Okta id) where the member has one, else by email. */
export function memberLookups(r: ReadContext, members: readonly DropboxMemberRef[]): MemberLookups {
  const round: Lookup[] = [];
  const fallbacks: { email: string; externalId: string }[] = [];
  const dropboxIds = new Set<string>();
  const dropboxEmails = new Set<string>();
  for (const m of members) {
    const email = emailKey(m.email);
    dropboxEmails.add(email);
    if (m.externalId) {
      dropboxIds.add(m.externalId);
      if (r.appUserIds.has(m.externalId) || r.users.has(m.externalId)) continue;
      round.push({ kind: 'id', value: m.externalId });
      fallbacks.push({ email, externalId: m.externalId });
    } else if (!r.byEmail.has(email)) {
      round.push({ kind: 'email', value: email });
    }
  }
  return { round, fallbacks, dropboxIds, dropboxEmails };
}

/** Lookup rounds: each round's finds may name managers (or need an email fallback) for the next, until a round names nobody new. */
export async function runLookupRounds(r: ReadContext, members: readonly DropboxMemberRef[]): Promise<void> {
  const everyLane = createPool(r.concurrency);
  const subjects = new Set<string>(r.users.keys());
  const first = memberLookups(r, members);
  let round = [...first.round, ...managerLookups(r, subjects)];
  let pendingFallbacks = first.fallbacks;
  while (round.length > 0) {
    const known = new Set(r.users.keys());
    await lookupUsers(r, round, everyLane);
    r.progress('lookups', r.users.size);
    const found = [...r.users.keys()].filter((id) => !known.has(id));
    // Users found for Dropbox members can be offboarded, so their managers matter; managers' own managers do not.
    const newSubjects = found.filter((id) => first.dropboxIds.has(id) || first.dropboxEmails.has(r.users.get(id)!.email));
    round = [];
    const stillMissing = pendingFallbacks.filter((f) => !r.users.has(f.externalId));
    pendingFallbacks = [];
    for (const f of stillMissing) if (!r.byEmail.has(f.email)) round.push({ kind: 'email', value: f.email });
    round.push(...managerLookups(r, newSubjects));
  }
}
