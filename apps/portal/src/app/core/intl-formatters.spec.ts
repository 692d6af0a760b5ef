import { dateTimeFormat, listFormat, numberFormat } from './intl-formatters';

describe('Intl formatters kept for reuse', () => {
  it('makes one formatter per locale and options, and formats as a new one would', () => {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'Asia/Tokyo' };
    const first = dateTimeFormat('en-GB', options);
    expect(dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' })).toBe(first);
    const at = new Date('2026-12-05T20:00:00Z');
    expect(first.format(at)).toBe(new Intl.DateTimeFormat('en-GB', options).format(at));
    expect(first.format(at)).toBe('6 Dec 2026');
  });

  it('tells formatters apart by locale, zone and every option', () => {
    const london = dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });
    const at = new Date('2026-12-05T20:00:00Z');
    expect(london.format(at)).toBe('5 Dec 2026');
    expect(dateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'Europe/London' }).format(at)).toBe('Dec 5, 2026');
    expect(numberFormat('en', { style: 'currency', currency: 'GBP' }).format(5)).toBe('£5.00');
    expect(numberFormat('en', { style: 'currency', currency: 'EUR' }).format(5)).toBe('€5.00');
    expect(numberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(5)).toBe('€5');
    const units = listFormat('en', { style: 'narrow', type: 'unit' });
    expect(listFormat('en', { style: 'narrow', type: 'unit' })).toBe(units);
    expect(units.format(['1 day', '23 hours'])).toBe('1 day 23 hours');
    expect(listFormat('en', { type: 'conjunction' }).format(['1 day', '23 hours'])).toBe('1 day and 23 hours');
  });

  it('keeps nothing for options the platform refuses, and refuses them every time', () => {
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOT-A-CODE' })).toThrow(RangeError);
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOT-A-CODE' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });

  it('stays bounded however many zones a page shows', () => {
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 450);
    const at = new Date('2026-06-01T12:00:00Z');
    const made = zones.map((timeZone) => dateTimeFormat('en-GB', { timeStyle: 'short', timeZone }));
    zones.forEach((timeZone, index) =>
      expect(made[index].format(at)).toBe(
        new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone }).format(at),
      ),
    );
    // The first zone was dropped when the cache started again: a new formatter, the same words.
    expect(dateTimeFormat('en-GB', { timeStyle: 'short', timeZone: zones[0] })).not.toBe(made[0]);
  });
});
