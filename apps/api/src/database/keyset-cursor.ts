import { fieldError } from '@heardback/domain';

/**
 * Position in a list sorted newest first by a timestamp, then id: the last row's timestamp
 * (PostgreSQL text, full precision) and id. The job board and the audit trail page with it.
 */
export interface KeysetCursor {
  at: string;
  id: string;
}

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** PostgreSQL's text form of a timestamptz, as the lists hand it out. */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A `bigint` identity key (timeline events) as text: what `decodeKeysetCursor` accepts for such a list.
 * At most 18 digits, so a forged one always fits a bigint (a 400, never PostgreSQL's range error).
 */
export const BIGINT_ID = /^[1-9]\d{0,17}$/;

/** `id`: what the list's key looks like (a uuid unless said). */
export function decodeKeysetCursor(raw: string, id: RegExp = UUID): KeysetCursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      PG_TIMESTAMP.test(decoded[0]) &&
      typeof decoded[1] === 'string' &&
      id.test(decoded[1])
    ) {
      return { at: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'is not a cursor this API gave out; start again without it');
}

/**
 * Position in a list sorted by a small whole-number rank first (how urgent), then a timestamp
 * (`infinity` for "no date", last), then id: the attention list pages with it.
 */
export interface RankedKeysetCursor extends KeysetCursor {
  rank: number;
}

export function encodeRankedKeysetCursor(cursor: RankedKeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.at, cursor.id])).toString('base64url');
}

export function decodeRankedKeysetCursor(raw: string, maxRank: number): RankedKeysetCursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 3 &&
      Number.isInteger(decoded[0]) &&
      decoded[0] >= 0 &&
      decoded[0] <= maxRank &&
      typeof decoded[1] === 'string' &&
      (decoded[1] === 'infinity' || PG_TIMESTAMP.test(decoded[1])) &&
      typeof decoded[2] === 'string' &&
      UUID.test(decoded[2])
    ) {
      return { rank: decoded[0], at: decoded[1], id: decoded[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'is not a cursor this API gave out; start again without it');
}
