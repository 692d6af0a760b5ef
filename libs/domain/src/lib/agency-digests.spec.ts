import type { NotificationKind } from '@heardback/contracts';
import {
  digestDueAfterPreferenceChange,
  digestDueAt,
  mayWaitForDigest,
  nextDailyDigestAt,
  nextHourlyDigestAt,
  waitsForDigest,
} from './agency-digests';
import { DomainError } from './domain-error';
import { DEFAULT_WORKING_CALENDAR, WorkingCalendar } from './working-hours';

const london: WorkingCalendar = DEFAULT_WORKING_CALENDAR;
const at = (iso: string) => new Date(iso);

describe('which agency mail waits for a digest', () => {
  it('holds reminders for hourly and daily readers only', () => {
    expect(waitsForDigest('feedback_reminder', 'hourly')).toBe(true);
    expect(waitsForDigest('feedback_reminder', 'daily')).toBe(true);
    expect(waitsForDigest('feedback_reminder', 'immediate')).toBe(false);
  });

  it('holds news of a new application for hourly and daily readers too', () => {
    expect(waitsForDigest('application_arrived', 'hourly')).toBe(true);
    expect(waitsForDigest('application_arrived', 'daily')).toBe(true);
    expect(waitsForDigest('application_arrived', 'immediate')).toBe(false);
  });

  it('never holds an escalation, whatever the preference', () => {
    for (const preference of ['immediate', 'hourly', 'daily'] as const) {
      expect(waitsForDigest('escalation', preference)).toBe(false);
    }
  });

  it('never holds mail that is not about agency work, nor mail to someone without a preference', () => {
    const others: NotificationKind[] = ['candidate_update', 'email_verification', 'account_security', 'agency_digest'];
    for (const kind of others) expect(waitsForDigest(kind, 'daily')).toBe(false);
    for (const kind of others) expect(mayWaitForDigest(kind)).toBe(false);
    expect(mayWaitForDigest('escalation')).toBe(false);
    expect(mayWaitForDigest('feedback_reminder')).toBe(true);
    expect(waitsForDigest('feedback_reminder', null)).toBe(false);
  });
});

describe('the hourly digest', () => {
  it('goes at the next top of the hour, and an item written on the hour waits a whole hour', () => {
    expect(nextHourlyDigestAt(at('2026-12-08T09:10:00Z'), 'Europe/London')).toEqual(at('2026-12-08T10:00:00Z'));
    expect(nextHourlyDigestAt(at('2026-12-08T09:59:59.999Z'), 'Europe/London')).toEqual(at('2026-12-08T10:00:00Z'));
    expect(nextHourlyDigestAt(at('2026-12-08T10:00:00Z'), 'Europe/London')).toEqual(at('2026-12-08T11:00:00Z'));
  });

  it('crosses midnight and the year', () => {
    expect(nextHourlyDigestAt(at('2026-12-31T23:30:00Z'), 'Europe/London')).toEqual(at('2027-01-01T00:00:00Z'));
  });

  it('follows the local hour in zones half or three quarters of an hour off UTC', () => {
    // Kolkata is UTC+5:30: 15:40 local, next top of the hour 16:00 local = 10:30 UTC.
    expect(nextHourlyDigestAt(at('2026-12-08T10:10:00Z'), 'Asia/Kolkata')).toEqual(at('2026-12-08T10:30:00Z'));
    // Kathmandu is UTC+5:45.
    expect(nextHourlyDigestAt(at('2026-12-08T10:10:00Z'), 'Asia/Kathmandu')).toEqual(at('2026-12-08T10:15:00Z'));
  });

  it('keeps to the hour across daylight saving, both ways', () => {
    // London springs forward at 01:00 GMT on 29 March 2026: 00:30 GMT → 02:00 BST (01:00 UTC).
    expect(nextHourlyDigestAt(at('2026-03-29T00:30:00Z'), 'Europe/London')).toEqual(at('2026-03-29T01:00:00Z'));
    // Falls back at 01:00 UTC on 25 October 2026: 01:30 BST (00:30 UTC) → 01:00 GMT (01:00 UTC), and on.
    expect(nextHourlyDigestAt(at('2026-10-25T00:30:00Z'), 'Europe/London')).toEqual(at('2026-10-25T01:00:00Z'));
    expect(nextHourlyDigestAt(at('2026-10-25T01:00:00Z'), 'Europe/London')).toEqual(at('2026-10-25T02:00:00Z'));
  });

  it('refuses an unknown zone and a date that is not one', () => {
    expect(() => nextHourlyDigestAt(at('2026-12-08T09:10:00Z'), 'Mars/Olympus')).toThrow(DomainError);
    expect(() => nextHourlyDigestAt(new Date(NaN), 'Europe/London')).toThrow(DomainError);
  });
});

describe('the daily digest', () => {
  it('goes at the start of the same working day when written before it', () => {
    expect(nextDailyDigestAt(at('2026-12-08T06:00:00Z'), london)).toEqual(at('2026-12-08T09:00:00Z'));
  });

  it('waits for the next working day when written at or after the start of this one', () => {
    expect(nextDailyDigestAt(at('2026-12-08T09:00:00Z'), london)).toEqual(at('2026-12-09T09:00:00Z'));
    expect(nextDailyDigestAt(at('2026-12-08T16:59:00Z'), london)).toEqual(at('2026-12-09T09:00:00Z'));
  });

  it('is not sent on a weekend: Friday evening and Saturday items wait for Monday', () => {
    expect(nextDailyDigestAt(at('2026-12-11T17:30:00Z'), london)).toEqual(at('2026-12-14T09:00:00Z'));
    expect(nextDailyDigestAt(at('2026-12-12T12:00:00Z'), london)).toEqual(at('2026-12-14T09:00:00Z'));
  });

  it('is not sent on a public holiday', () => {
    const withChristmas = { ...london, holidays: ['2026-12-25', '2026-12-28'] };
    expect(nextDailyDigestAt(at('2026-12-24T10:00:00Z'), withChristmas)).toEqual(at('2026-12-29T09:00:00Z'));
  });

  it('starts at 09:00 local time across daylight saving', () => {
    // Friday 27 March 2026 is GMT; Monday 30 March is BST, so 09:00 local is 08:00 UTC.
    expect(nextDailyDigestAt(at('2026-03-27T10:00:00Z'), london)).toEqual(at('2026-03-30T08:00:00Z'));
  });

  it('follows the agency calendar, not London', () => {
    const newYork: WorkingCalendar = {
      timeZone: 'America/New_York',
      dayStartsAt: 8,
      dayEndsAt: 16,
      workingDays: [1, 2, 3, 4, 5],
    };
    // Tuesday 8 December 2026 07:59 EST (12:59 UTC) → 08:00 EST the same day.
    expect(nextDailyDigestAt(at('2026-12-08T12:59:00Z'), newYork)).toEqual(at('2026-12-08T13:00:00Z'));
  });

  it('refuses a calendar without working days', () => {
    expect(() => nextDailyDigestAt(at('2026-12-08T06:00:00Z'), { ...london, workingDays: [] })).toThrow(DomainError);
  });
});

describe('digest times by preference', () => {
  it('has no digest time for immediate readers', () => {
    expect(digestDueAt('immediate', at('2026-12-08T09:10:00Z'), london)).toBeNull();
    expect(digestDueAt('hourly', at('2026-12-08T09:10:00Z'), london)).toEqual(at('2026-12-08T10:00:00Z'));
    expect(digestDueAt('daily', at('2026-12-08T09:10:00Z'), london)).toEqual(at('2026-12-09T09:00:00Z'));
  });

  it('refuses a preference it does not know', () => {
    expect(() => digestDueAt('weekly' as never, at('2026-12-08T09:10:00Z'), london)).toThrow(DomainError);
  });

  it('releases held items at once when someone switches to immediate, else re-times them', () => {
    const now = at('2026-12-08T09:10:00Z');
    expect(digestDueAfterPreferenceChange('immediate', now, london)).toEqual(now);
    expect(digestDueAfterPreferenceChange('hourly', now, london)).toEqual(at('2026-12-08T10:00:00Z'));
    expect(digestDueAfterPreferenceChange('daily', now, london)).toEqual(at('2026-12-09T09:00:00Z'));
  });
});
