/**
 * Finding a set of Okta users by id, email or login with as few calls as the API allows. A
 * `search` joining `id eq`, `profile.email eq` and `profile.login eq` terms with `or` is one
 * listing call for up to a page of users, and (unlike the default listing) it includes
 * DEPROVISIONED users (reference okta-api.md §1.3). `search`, not `filter`: search values are
 * case-insensitive (§1.3), and an Okta email is often spelled with capitals (Jane.Doe@…) that
 * Dropbox's copy does not have; an exact-case filter would miss the leaver. Chunks are bounded
 * by terms and URL length, well under what Okta refuses as too complex. A single id is fetched with GET /users/{id}:
 * the same one call, in a bucket four times larger (§4.1).
 */
import { assertNever } from '../domain/errors.js';

/** What to look a user up by. `login-or-email` is a manager reference holding an @. */
export type LookupKind = 'id' | 'email' | 'login-or-email';

export interface Lookup {
  readonly kind: LookupKind;
  readonly value: string;
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

function clauses(l: Lookup): string[] {
  const v = JSON.stringify(l.kind === 'id' ? l.value : l.value.toLowerCase());
  switch (l.kind) {
    case 'id':
      return [`id eq ${v}`];
    case 'email':
      return [`profile.email eq ${v}`];
    case 'login-or-email':
      return [`profile.login eq ${v}`, `profile.email eq ${v}`];
    default:
      return assertNever(l.kind, 'lookup kind');
  }
}

/** Split lookups into groups that each fit one `or` search (MAX_FILTER_CHARS encoded, MAX_SEARCH_TERMS terms). */
export function chunkLookups(lookups: readonly Lookup[], maxChars = MAX_FILTER_CHARS, maxTerms = MAX_SEARCH_TERMS): Lookup[][] {
  const out: Lookup[][] = [];
  let chunk: Lookup[] = [];
  let terms = 0;
  let length = 0;
  const joiner = encodeURIComponent(' or ').length;
  for (const l of lookups) {
    const cs = clauses(l);
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

/** The `filter` expression that finds every user of a chunk. */
export function filterFor(chunk: readonly Lookup[]): string {
  return chunk.flatMap(clauses).join(' or ');
}
