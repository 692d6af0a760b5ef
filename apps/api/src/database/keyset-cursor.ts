import { fieldError, isRealDateTime } from '@heardback/domain';
import { UUID } from './uuid';

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
const PG_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?$/;

/**
 * A timestamp PostgreSQL accepts, in the form the lists hand out: a real calendar date and time and an
 * offset within ±15:59. A forged one that only looks right ("2026-02-30", "25:00") is then the cursor's
 * 400, never the database's.
 */
export function isPgTimestamp(text: string): boolean {
  const parts = PG_TIMESTAMP.exec(text)
    ?.slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  if (!parts) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = parts;
  return (
    year >= 1 && isRealDateTime(year, month, day, hour, minute, second) && offsetHours <= 15 && offsetMinutes <= 59
  );
}

/**
 * A cursor this API gave out (base64url JSON of an array), as `read` makes it of the array's parts;
 * anything else, or parts `read` refuses (null), is the 400 naming `cursor`. Every list's decoder
 * goes through it.
 */
export function decodeCursor<Cursor>(raw: string, read: (parts: unknown[]) => Cursor | null): Cursor {
  let cursor: Cursor | null = null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(decoded)) cursor = read(decoded);
  } catch {
    // not base64url JSON: the error below
  }
  if (cursor === null) throw fieldError('cursor', 'is not a cursor this API gave out; start again without it');
  return cursor;
}

export function decodeKeysetCursor(raw: string): KeysetCursor {
  return decodeCursor(raw, ([at, id, ...rest]) =>
    rest.length === 0 && typeof at === 'string' && isPgTimestamp(at) && typeof id === 'string' && UUID.test(id)
      ? { at, id }
      : null,
  );
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
  return decodeCursor(raw, ([rank, at, id, ...rest]) =>
    rest.length === 0 &&
    typeof rank === 'number' &&
    Number.isInteger(rank) &&
    rank >= 0 &&
    rank <= maxRank &&
    typeof at === 'string' &&
    (at === 'infinity' || isPgTimestamp(at)) &&
    typeof id === 'string' &&
    UUID.test(id)
      ? { rank, at, id }
      : null,
  );
}

/**
 * Position in a list sorted newest first by a timestamp, then a key the reader must not see (timeline
 * events: their ids count everything the agency writes): the last row's timestamp and how many rows with
 * that timestamp have been shown. Rows sharing a timestamp are few (written in one transaction), so the
 * next page skips them with a small OFFSET.
 */
export interface TieCursor {
  at: string;
  shown: number;
}

/** More rows than one transaction ever writes for one application: a forged count is refused. */
const TIE_CURSOR_MAX_SHOWN = 10_000;

/**
 * The cursor after a page's last row: its instant, and how many rows of that instant the reader has
 * now seen (on this page, and on earlier ones when the instant is the cursor's own).
 * `atTexts`: the instants of the rows shown so far on this page, in order.
 */
export function tieCursorAfter(atTexts: readonly string[], from: TieCursor, lastIsAtCursor: boolean): TieCursor {
  const at = atTexts[atTexts.length - 1];
  const onThisPage = atTexts.filter((text) => text === at).length;
  return { at, shown: onThisPage + (lastIsAtCursor ? from.shown : 0) };
}

export function encodeTieCursor(cursor: TieCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.shown])).toString('base64url');
}

export function decodeTieCursor(raw: string): TieCursor {
  return decodeCursor(raw, ([at, shown, ...rest]) =>
    rest.length === 0 &&
    typeof at === 'string' &&
    isPgTimestamp(at) &&
    typeof shown === 'number' &&
    Number.isInteger(shown) &&
    shown >= 1 &&
    shown <= TIE_CURSOR_MAX_SHOWN
      ? { at, shown }
      : null,
  );
}

/**
 * Position in a list sorted by name in any case, then id: the last row's `lower(name)` and id. The
 * client list and the agency's accounts page with it.
 */
export interface NameCursor {
  name: string;
  id: string;
}

export function encodeNameCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString('base64url');
}

export function decodeNameCursor(raw: string): NameCursor {
  return decodeCursor(raw, ([name, id, ...rest]) =>
    rest.length === 0 && isCursorText(name, CURSOR_NAME_MAX) && typeof id === 'string' && UUID.test(id)
      ? { name, id }
      : null,
  );
}

/** Longer than any name the lists hand out in a cursor. */
export const CURSOR_NAME_MAX = 400;

/**
 * Text PostgreSQL can take as a parameter: no NUL character (it refuses one outright), and not
 * longer than `max`. A forged cursor with either is the cursor's 400, never the database's.
 */
export function isCursorText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max && !value.includes('\u0000');
}
