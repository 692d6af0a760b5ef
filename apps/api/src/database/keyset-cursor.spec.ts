import { DomainError } from '@heardback/domain';
import {
  BIGINT_ID,
  decodeKeysetCursor,
  decodeRankedKeysetCursor,
  encodeKeysetCursor,
  encodeRankedKeysetCursor,
} from './keyset-cursor';

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

describe('keyset cursor of a list keyed by a bigint', () => {
  it('round-trips a bigint key and refuses a uuid, a negative, or one too long for a bigint', () => {
    const cursor = { at: '2026-11-27 01:13:42.123456+00', id: '123456789012345678' };
    expect(decodeKeysetCursor(encodeKeysetCursor(cursor), BIGINT_ID)).toEqual(cursor);
    for (const id of ['0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b', '-1', '0', '9999999999999999999']) {
      expect(() => decodeKeysetCursor(encodeKeysetCursor({ at: cursor.at, id }), BIGINT_ID)).toThrow(DomainError);
    }
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
