import { DEFAULT_WORKING_CALENDAR, isWithinWorkingHours } from '@heardback/domain';
import { demoInterviewStart, demoWorkingMoment, mondayAfter } from './demo-calendar';

const london = DEFAULT_WORKING_CALENDAR;
const localTime = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);

describe('demoInterviewStart', () => {
  // Saturday 5 December 2026, 02:43 in London: the moment the old demo booked interviews at.
  const saturdayNight = new Date('2026-12-05T02:43:00Z');

  it('moves a future interview to the first working slot after it: Monday morning, not Saturday night', () => {
    const start = demoInterviewStart(saturdayNight, 'future', 1, london);
    expect(localTime(start)).toBe('Mon 10:00');
    expect(isWithinWorkingHours(start, london)).toBe(true);
  });

  it('moves a past interview to the last working slot that had ended by then, so it stays in the past', () => {
    const start = demoInterviewStart(saturdayNight, 'past', 5, london);
    expect(localTime(start)).toBe('Fri 14:00');
    expect(start.getTime() + 3_600_000).toBeLessThanOrEqual(saturdayNight.getTime());
  });

  it('keeps a slot inside the working day however late in the day it is asked for', () => {
    const start = demoInterviewStart(saturdayNight, 'future', 20, london);
    expect(localTime(start)).toBe('Mon 16:00');
  });

  it('keeps the order of two past interviews', () => {
    const earlier = demoInterviewStart(new Date('2026-12-01T12:00:00Z'), 'past', 2, london);
    const later = demoInterviewStart(new Date('2026-12-03T12:00:00Z'), 'past', 2, london);
    expect(earlier.getTime()).toBeLessThan(later.getTime());
  });
});

describe('demoWorkingMoment', () => {
  const saturdayNight = new Date('2026-12-05T02:43:00Z');
  const wednesdayNoon = new Date('2026-12-09T12:00:00Z');
  const monthBefore = new Date('2026-11-01T00:00:00Z');

  it('keeps a moment in working hours as it is', () => {
    const tuesdayMorning = new Date('2026-12-01T10:30:00Z');
    expect(demoWorkingMoment(tuesdayMorning, monthBefore, wednesdayNoon, london)).toEqual(tuesdayMorning);
  });

  it('moves a booking asked for on Saturday night to Monday morning', () => {
    const booked = demoWorkingMoment(saturdayNight, monthBefore, wednesdayNoon, london);
    expect(localTime(booked)).toBe('Mon 09:00');
  });

  it('takes the last working hours before it when the next ones would come after the interview it books', () => {
    const mondayEarly = new Date('2026-12-07T08:00:00Z');
    const booked = demoWorkingMoment(saturdayNight, monthBefore, mondayEarly, london);
    expect(localTime(booked)).toBe('Fri 09:00');
  });

  it('leaves the moment where it was when neither fits between the last event and the interview', () => {
    const mondayEarly = new Date('2026-12-07T08:00:00Z');
    const fridayEvening = new Date('2026-12-04T19:00:00Z');
    expect(demoWorkingMoment(saturdayNight, fridayEvening, mondayEarly, london)).toEqual(saturdayNight);
  });
});

describe('mondayAfter', () => {
  it('gives the first Monday on or after a day, as a calendar date', () => {
    expect(mondayAfter(new Date('2027-01-10T21:00:00Z'))).toBe('2027-01-11'); // a Sunday
    expect(mondayAfter(new Date('2027-01-11T08:00:00Z'))).toBe('2027-01-11'); // a Monday
    expect(mondayAfter(new Date('2027-01-12T08:00:00Z'))).toBe('2027-01-18'); // a Tuesday
  });
});
