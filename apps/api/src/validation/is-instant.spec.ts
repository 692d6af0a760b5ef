import { isInstant } from './is-instant';

describe('an instant a request may name', () => {
  it.each(['2026-12-01T17:00:00Z', '2026-12-01T17:00:00.123Z', '2026-12-01T17:00:00+05:30', '2028-02-29T00:00:00Z'])(
    'takes %s',
    (text) => expect(isInstant(text)).toBe(true),
  );

  it.each([
    '2026-12-08T23:59:60Z', // a leap second: JavaScript cannot read it
    '2026-02-30T10:00:00Z', // JavaScript would read 2 March
    '2027-02-29T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T10:60:00Z',
    '2026-12-01T10:00:00+24:00',
    '2026-12-01',
    '2026-12-01 10:00:00Z',
    'tomorrow',
  ])('refuses %s', (text) => expect(isInstant(text)).toBe(false));
});
