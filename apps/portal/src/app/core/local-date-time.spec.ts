import { isoToLocalDateAndTime, localDate, localDateTimeToIso, readDateTime } from './local-date-time';

const NOW = new Date('2026-06-01T12:00:00.000Z');

describe('localDateTimeToIso', () => {
  it('reads the date and time in the given zone, summer or winter', () => {
    expect(localDateTimeToIso('2026-06-05', '17:30', 'Europe/London')).toBe('2026-06-05T16:30:00.000Z');
    expect(localDateTimeToIso('2026-01-05', '17:30', 'Europe/London')).toBe('2026-01-05T17:30:00.000Z');
    expect(localDateTimeToIso('2026-06-05', '09:00', 'America/New_York')).toBe('2026-06-05T13:00:00.000Z');
    expect(localDateTimeToIso('2026-06-05', '08:00', 'Asia/Tokyo')).toBe('2026-06-04T23:00:00.000Z');
  });

  it('reads a time on the day the clocks change', () => {
    expect(localDateTimeToIso('2026-03-29', '03:00', 'Europe/London')).toBe('2026-03-29T02:00:00.000Z');
    expect(localDateTimeToIso('2026-10-25', '12:00', 'Europe/London')).toBe('2026-10-25T12:00:00.000Z');
  });

  it('writes an instant back as the date and time it was typed as', () => {
    expect(isoToLocalDateAndTime('2026-06-04T23:00:00.000Z', 'Asia/Tokyo')).toEqual({
      date: '2026-06-05',
      time: '08:00',
    });
  });

  it('refuses a day that does not exist rather than rolling it over', () => {
    expect(localDateTimeToIso('2026-02-30', '10:00')).toBeNull();
  });

  it('refuses text that is not a date and a time', () => {
    expect(localDateTimeToIso('5 June', '17:30')).toBeNull();
    expect(localDateTimeToIso('2026-06-05', '5pm')).toBeNull();
  });
});

describe('localDate', () => {
  it('gives the local day, for the min of a date input', () => {
    const at = new Date('2026-01-09T23:59:00.000Z');
    expect(localDate(at, 'Europe/London')).toBe('2026-01-09');
    expect(localDate(at, 'Asia/Tokyo')).toBe('2026-01-10');
  });
});

describe('readDateTime', () => {
  it('accepts a future date and time', () => {
    expect(readDateTime('2026-06-05', '17:00', NOW, { required: true })).toEqual({
      ok: true,
      iso: localDateTimeToIso('2026-06-05', '17:00'),
    });
  });

  it('means nothing when optional and both are empty', () => {
    expect(readDateTime('', '', NOW, { required: false })).toEqual({ ok: true, iso: null });
  });

  it('asks for both when required and both are empty', () => {
    expect(readDateTime('', '', NOW, { required: true })).toEqual({
      ok: false,
      problem: 'Choose a date and a time.',
    });
  });

  it('asks for the half that is missing', () => {
    expect(readDateTime('2026-06-05', '', NOW, { required: false })).toEqual({
      ok: false,
      problem: 'Give the time as well.',
    });
    expect(readDateTime('', '17:00', NOW, { required: false })).toEqual({
      ok: false,
      problem: 'Choose the date as well.',
    });
  });

  it('refuses a time that has passed', () => {
    expect(readDateTime('2026-05-01', '09:00', NOW, { required: true })).toEqual({
      ok: false,
      problem: 'Choose a time in the future.',
    });
  });
});

describe('local date and time inputs', () => {
  it('reads a date and time typed by the user as a moment in their own time zone', () => {
    expect(localDateTimeToIso('2026-12-01', '14:30')).toBe(new Date(2026, 11, 1, 14, 30).toISOString());
  });

  it('refuses incomplete input instead of guessing', () => {
    expect(localDateTimeToIso('', '14:30')).toBeNull();
    expect(localDateTimeToIso('2026-12-01', '')).toBeNull();
    expect(localDateTimeToIso('2026-13-45', '14:30')).toBeNull();
  });

  it('turns an instant back into the values the inputs show', () => {
    const iso = new Date(2026, 0, 5, 9, 7).toISOString();
    expect(isoToLocalDateAndTime(iso)).toEqual({ date: '2026-01-05', time: '09:07' });
  });
});
