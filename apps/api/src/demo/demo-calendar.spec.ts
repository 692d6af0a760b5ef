import { DEFAULT_WORKING_CALENDAR, isWithinWorkingHours } from '@heardback/domain';
import { demoInterviewStart } from './demo-calendar';

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
