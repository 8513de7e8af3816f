/**
 * Finding a set of Okta users by id, email or login.
 *
 * By id (an Okta id, or a manager reference without an @, which GET /users/{idOrLogin} also
 * resolves as a login): one GET /api/v1/users/{id} each, never a batched `search`. Search results
 * "are sourced from an eventually consistent datasource and may not reflect the latest
 * information", and Okta says to "use an ID lookup for records that you update" (management
 * OpenAPI, listUsers, `search`): a person deactivated or created a minute ago can be missing from a
 * search, and a miss made their Dropbox member look unmanaged. A 404 of the id lookup is a real
 * "gone". The id bucket is also the largest (§4.1: 2 000/min against 600 for /users).
 *
 * By email or login-or-email: a `search` joining `profile.email eq` and `profile.login eq` terms
 * with `or`, one listing call for up to a page of users, including DEPROVISIONED users (reference
 * okta-api.md §1.3). `search`, not `filter`: search values are case-insensitive (§1.3), and an
 * Okta email is often spelled with capitals (Jane.Doe@…) that Dropbox's copy does not have; an
 * exact-case filter would miss the leaver. Chunks are bounded by terms and URL length, well under
 * what Okta refuses as too complex.
 */
import { assertNever } from '../domain/errors.js';

/** What a `search` looks a user up by. `login-or-email` is a manager reference holding an @. */
export type SearchKind = 'email' | 'login-or-email';
/** What to look a user up by: `id` goes through GET /users/{id}, the others through `search`. */
export type LookupKind = 'id' | SearchKind;

export interface Lookup {
  readonly kind: LookupKind;
  readonly value: string;
}

export interface SearchLookup extends Lookup {
  readonly kind: SearchKind;
}

/**
 * Encoded search characters per call. Okta: "an overly complex or long search query can result in
 * an error" (no number given); an audit saw `or` chains of 170+ terms (7.5 KB) refused. Chunks stay
 * well below that, and a refused chunk is split again (reader.ts), never retried as `filter`.
 */
export const MAX_FILTER_CHARS = 3500;
/** Comparisons per search (see MAX_FILTER_CHARS). */
export const MAX_SEARCH_TERMS = 80;
/** Users per page of GET /api/v1/users (§1.2: max 200). */
export const USERS_PAGE_SIZE = 200;

export function lookupKey(l: Lookup): string {
  return `${l.kind}:${l.kind === 'id' ? l.value : l.value.toLowerCase()}`;
}

function clauses(l: SearchLookup): string[] {
  const v = JSON.stringify(l.value.toLowerCase());
  switch (l.kind) {
    case 'email':
      return [`profile.email eq ${v}`];
    case 'login-or-email':
      return [`profile.login eq ${v}`, `profile.email eq ${v}`];
    default:
      return assertNever(l.kind, 'lookup kind');
  }
}

/** Split search lookups into groups that each fit one `or` search (MAX_FILTER_CHARS encoded, MAX_SEARCH_TERMS terms). */
export function chunkLookups(lookups: readonly SearchLookup[], maxChars = MAX_FILTER_CHARS, maxTerms = MAX_SEARCH_TERMS): SearchLookup[][] {
  return chunkByTerms(lookups, clauses, maxChars, maxTerms);
}

/** Split items into groups whose `or` of terms (`termsOf` each) fits one query (MAX_FILTER_CHARS encoded, MAX_SEARCH_TERMS terms). */
export function chunkByTerms<T>(items: readonly T[], termsOf: (item: T) => readonly string[], maxChars = MAX_FILTER_CHARS, maxTerms = MAX_SEARCH_TERMS): T[][] {
  const out: T[][] = [];
  let chunk: T[] = [];
  let terms = 0;
  let length = 0;
  const joiner = encodeURIComponent(' or ').length;
  for (const l of items) {
    const cs = termsOf(l);
    const add = cs.reduce((n, c) => n + encodeURIComponent(c).length + joiner, 0);
    if (chunk.length > 0 && (length + add > maxChars || terms + cs.length > maxTerms)) {
      out.push(chunk);
      chunk = [];
      terms = 0;
      length = 0;
    }
    chunk.push(l);
    terms += cs.length;
    length += add;
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}

/** The `search` expression that finds every user of a chunk. */
export function filterFor(chunk: readonly SearchLookup[]): string {
  return chunk.flatMap(clauses).join(' or ');
}
