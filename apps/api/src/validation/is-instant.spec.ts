import { instantProblem, isInstant } from './is-instant';

describe('an instant a request may name', () => {
  it.each([
    '2026-12-01T17:00:00Z',
    '2026-12-01T17:00:00.123Z',
    '2026-12-01T17:00:00+05:30',
    '2028-02-29T00:00:00Z',
    '2000-01-01T00:00:00Z',
    '2099-12-31T23:59:59Z',
    '2100-01-01T00:30:00+01:00', // 23:30 UTC on 31 December 2099
  ])('takes %s', (text) => expect(isInstant(text)).toBe(true));

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

  it.each([
    ['9999-12-31T23:59:59-23:59', 'outside-the-years'], // the year 10000 in UTC: saved, it could not be read back
    ['2100-01-01T00:00:00Z', 'outside-the-years'],
    ['2099-12-31T23:30:00-01:00', 'outside-the-years'], // 00:30 UTC on 1 January 2100
    ['1999-12-31T23:59:59Z', 'outside-the-years'],
    ['0001-01-01T00:00:00Z', 'outside-the-years'],
    ['2026-02-30T10:00:00Z', 'not-an-instant'],
    [42, 'not-an-instant'],
    ['2026-12-01T17:00:00Z', null],
  ])('says what is wrong with %s: %s', (text, problem) => expect(instantProblem(text)).toBe(problem));
});
