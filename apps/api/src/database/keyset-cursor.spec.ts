import { DomainError } from '@heardback/domain';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

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
