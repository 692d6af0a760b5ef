import { browserTimeZone, currentTimeZone, setViewerTimeZone } from './viewer-time-zone';
import { formatDateTime, formatDateTimeRange, formatShortDateTime } from './date-time';

describe('the viewer’s time zone', () => {
  afterEach(() => setViewerTimeZone(null));

  it('is the zone from their profile when they chose one', () => {
    setViewerTimeZone('America/New_York');
    expect(currentTimeZone()).toBe('America/New_York');
  });

  it('is the browser’s zone when they chose none, or one this browser does not know', () => {
    setViewerTimeZone(null);
    expect(currentTimeZone()).toBe(browserTimeZone());
    setViewerTimeZone('Nowhere/Land');
    expect(currentTimeZone()).toBe(browserTimeZone());
  });

  it('follows a browser whose zone changes while the page is open, within a minute', () => {
    jest.useFakeTimers({ now: Date.now() + 3_600_000 });
    try {
      const before = browserTimeZone();
      const elsewhere = before === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
      const moved = jest
        .spyOn(Intl, 'DateTimeFormat')
        .mockImplementation(() => ({ resolvedOptions: () => ({ timeZone: elsewhere }) }) as Intl.DateTimeFormat);
      jest.advanceTimersByTime(59_000);
      expect(browserTimeZone()).toBe(before);
      jest.advanceTimersByTime(1_000);
      expect(browserTimeZone()).toBe(elsewhere);
      moved.mockRestore();
    } finally {
      jest.useRealTimers();
    }
    // The clock is back an hour: the zone is read again, not kept from the moved one.
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('is what every formatter writes in, with the zone named', () => {
    const iso = '2026-01-08T15:00:00.000Z';
    setViewerTimeZone('America/New_York');
    expect(formatDateTime(iso, { locale: 'en-GB' })).toBe('Thu, 8 Jan 2026, 10:00 GMT-5');
    setViewerTimeZone('Asia/Tokyo');
    expect(formatShortDateTime(iso, { locale: 'en-GB' })).toBe('9 Jan 2026, 00:00 GMT+9');
  });
});

describe('formatDateTimeRange', () => {
  it('writes an interview in one zone, the date once and the zone named', () => {
    const range = (timeZone: string) =>
      formatDateTimeRange('2026-01-08T10:00:00.000Z', '2026-01-08T11:00:00.000Z', { locale: 'en-GB', timeZone });
    expect(range('Europe/London')).toBe('Thu, 8 Jan 2026, 10:00–11:00 GMT');
    expect(range('America/New_York')).toBe('Thu, 8 Jan 2026, 05:00–06:00 GMT-5');
  });
});
