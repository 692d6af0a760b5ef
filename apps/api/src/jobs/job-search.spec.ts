import { DomainError } from '@heardback/domain';
import { decodeJobCursor, encodeJobCursor } from './job-cursor';
import { escapeLike, toPrefixTsQuery } from './job-search-terms';

describe('job search terms', () => {
  it('matches every word by prefix', () => {
    expect(toPrefixTsQuery('Senior  Engin')).toBe('senior:* & engin:*');
  });

  it('drops tsquery operators so any text is safe to search', () => {
    expect(toPrefixTsQuery("c++ & (rust | go) !'")).toBe('c:* & rust:* & go:*');
  });

  it('ignores a search with nothing searchable in it', () => {
    expect(toPrefixTsQuery(' -- !! ')).toBeNull();
  });

  it('escapes LIKE wildcards in a location', () => {
    expect(escapeLike('100%_remote\\')).toBe('100\\%\\_remote\\\\');
  });
});

describe('job cursor', () => {
  it('round-trips the position with full timestamp precision', () => {
    const cursor = { publishedAt: '2026-11-27 01:13:42.123456+00', id: '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b' };
    expect(decodeJobCursor(encodeJobCursor(cursor))).toEqual(cursor);
  });

  it.each(['garbage', Buffer.from('["not a date","x"]').toString('base64url'), ''])(
    'refuses a forged cursor %j',
    (raw) => {
      expect(() => decodeJobCursor(raw)).toThrow(DomainError);
    },
  );
});
