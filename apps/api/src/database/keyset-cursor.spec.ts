import { DomainError } from '@heardback/domain';
import {
  decodeKeysetCursor,
  decodeTieCursor,
  decodeRankedKeysetCursor,
  encodeKeysetCursor,
  encodeRankedKeysetCursor,
  encodeTieCursor,
  tieCursorAfter,
} from './keyset-cursor';
import { decodeDueOrderCursor, encodeDueOrderCursor } from './due-order-cursor';

describe('keyset cursor', () => {
  it('round-trips the position with full timestamp precision', () => {
    const cursor = { at: '2026-11-27 01:13:42.123456+00', id: '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b' };
    expect(decodeKeysetCursor(encodeKeysetCursor(cursor))).toEqual(cursor);
  });

  it.each(['garbage', Buffer.from('["not a date","x"]').toString('base64url'), ''])(
    'refuses a forged cursor %j',
    (raw) => {
      expect(() => decodeKeysetCursor(raw)).toThrow(DomainError);
    },
  );
});

describe('the timestamp of a cursor', () => {
  const id = '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b';
  it.each([
    '2026-02-30 09:00:00+00',
    '2026-13-01 09:00:00+00',
    '0000-01-01 09:00:00+00',
    '2026-01-01 24:00:00+00',
    '2026-01-01 09:60:00+00',
    '2026-01-01 09:00:60+00',
    '2026-01-01 09:00:00+16',
    '2026-01-01 09:00:00+05:60',
  ])('refuses %j, which only looks like one PostgreSQL would take', (at) => {
    expect(() => decodeKeysetCursor(encodeKeysetCursor({ at, id }))).toThrow(DomainError);
    expect(() => decodeTieCursor(encodeTieCursor({ at, shown: 1 }))).toThrow(DomainError);
    const dueOrder = (due: string, ends: string) =>
      decodeDueOrderCursor(encodeDueOrderCursor({ cursor_due: due, cursor_ends: ends, stage_id: id }));
    expect(() => dueOrder(at, 'infinity')).toThrow(/^cursor: /);
    expect(() => dueOrder('-infinity', at)).toThrow(/^cursor: /);
  });

  it.each(['2024-02-29 23:59:59.999999+00', '2026-06-30 00:00:00-03:30', '2026-12-05 06:30:00.5+05:45'])(
    'takes %j',
    (at) => {
      expect(decodeKeysetCursor(encodeKeysetCursor({ at, id }))).toEqual({ at, id });
    },
  );
});

describe('tie cursor', () => {
  it('round-trips the instant and how many rows of it were shown, and refuses any other count', () => {
    const cursor = { at: '2026-11-27 01:13:42.123456+00', shown: 3 };
    expect(decodeTieCursor(encodeTieCursor(cursor))).toEqual(cursor);
    for (const shown of [0, -1, 1.5, 10_001, '3']) {
      const forged = Buffer.from(JSON.stringify([cursor.at, shown])).toString('base64url');
      expect(() => decodeTieCursor(forged)).toThrow(DomainError);
    }
    expect(() =>
      decodeTieCursor(encodeKeysetCursor({ at: cursor.at, id: '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b' })),
    ).toThrow(DomainError);
  });

  it("counts the last row's instant on this page, and on earlier pages when it is the cursor's own", () => {
    const from = { at: 'b', shown: 2 };
    expect(tieCursorAfter(['c', 'b', 'b', 'a', 'a'], from, false)).toEqual({ at: 'a', shown: 2 });
    // Still inside the instant the page started in: the rows of it shown before count too.
    expect(tieCursorAfter(['b', 'b'], from, true)).toEqual({ at: 'b', shown: 4 });
  });
});

describe('ranked keyset cursor', () => {
  it('round-trips the rank, the position and "no date"', () => {
    const cursor = { rank: 3, at: '2026-11-27 01:13:42.123456+00', id: '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b' };
    expect(decodeRankedKeysetCursor(encodeRankedKeysetCursor(cursor), 7)).toEqual(cursor);
    const undated = { ...cursor, rank: 4, at: 'infinity' };
    expect(decodeRankedKeysetCursor(encodeRankedKeysetCursor(undated), 7)).toEqual(undated);
  });

  it('refuses a rank out of range and a plain cursor', () => {
    const id = '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b';
    expect(() => decodeRankedKeysetCursor(encodeRankedKeysetCursor({ rank: 8, at: 'infinity', id }), 7)).toThrow(
      DomainError,
    );
    expect(() => decodeRankedKeysetCursor(encodeKeysetCursor({ at: '2026-11-27 01:13:42+00', id }), 7)).toThrow(
      DomainError,
    );
  });
});

describe('the due-order cursor', () => {
  it('takes the infinities that stand for no date, and real instants', () => {
    const id = '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b';
    const row = { cursor_due: '-infinity', cursor_ends: '2026-12-05 10:00:00.5+00', stage_id: id };
    expect(decodeDueOrderCursor(encodeDueOrderCursor(row))).toEqual({
      due: '-infinity',
      ends: '2026-12-05 10:00:00.5+00',
      id,
    });
  });
});
