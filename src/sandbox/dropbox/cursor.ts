/**
 * Pagination cursors: opaque to clients, self-contained for the sandbox (listing kind, position by
 * sequence number, page size and filters), so any number of listings can run at once and a cursor
 * survives writes made between pages.
 */
import { RouteError } from './wire.js';

export interface CursorData {
  /** m = members, g = groups, gm = members of one group. */
  readonly k: 'm' | 'g' | 'gm';
  readonly s: number;
  readonly l: number;
  readonly r?: boolean;
  readonly g?: string;
}

export function encodeCursor(data: CursorData): string {
  return `AA${Buffer.from(JSON.stringify(data)).toString('base64url')}`;
}

/** ref §2.2 / §4: a cursor that does not parse is `invalid_cursor`. */
export function decodeCursor(cursor: string, kind: CursorData['k']): CursorData {
  try {
    if (!cursor.startsWith('AA')) throw new Error('prefix');
    const data = JSON.parse(Buffer.from(cursor.slice(2), 'base64url').toString('utf8')) as CursorData;
    if (data.k !== kind || typeof data.s !== 'number' || typeof data.l !== 'number') throw new Error('kind');
    return data;
  } catch {
    throw new RouteError('invalid_cursor');
  }
}
