import {
  DEFAULT_WORKING_CALENDAR,
  WorkingCalendar,
  addWorkingHours,
  isWithinWorkingHours,
  workingHoursBetween,
} from './working-hours';

// Properties of working-hours arithmetic over thousands of random starts; the worked examples are in working-hours.spec.ts.
const london = DEFAULT_WORKING_CALENDAR;
const newYork: WorkingCalendar = { ...london, timeZone: 'America/New_York' };
const tokyo: WorkingCalendar = { ...london, timeZone: 'Asia/Tokyo' };
const kolkata: WorkingCalendar = { ...london, timeZone: 'Asia/Kolkata' };

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const propertyCalendars: WorkingCalendar[] = [
  london,
  newYork,
  tokyo,
  kolkata,
  { timeZone: 'Australia/Sydney', dayStartsAt: 8, dayEndsAt: 18, workingDays: [1, 2, 3, 4, 5] },
  // Half-hour daylight saving, at 02:00 local.
  { timeZone: 'Australia/Lord_Howe', dayStartsAt: 1, dayEndsAt: 3, workingDays: [7, 1, 3] },
  // Windows that contain the DST changes themselves.
  { timeZone: 'Europe/London', dayStartsAt: 0, dayEndsAt: 24, workingDays: [6, 7] },
  { timeZone: 'America/New_York', dayStartsAt: 1, dayEndsAt: 4, workingDays: [7] },
  { timeZone: 'America/Santiago', dayStartsAt: 0, dayEndsAt: 6, workingDays: [6, 7] },
  // Windows that end exactly where the clocks go back to.
  { timeZone: 'Europe/London', dayStartsAt: 0, dayEndsAt: 1, workingDays: [1, 2, 3, 4, 5, 6, 7] },
  { timeZone: 'America/New_York', dayStartsAt: 0, dayEndsAt: 1, workingDays: [6, 7] },
  { timeZone: 'Asia/Dubai', dayStartsAt: 8, dayEndsAt: 16, workingDays: [7, 1, 2, 3, 4] },
];

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;

describe('properties over random starts across 2026', () => {
  it('measures back exactly the hours it added, for 500 random starts, hours and zones', () => {
    const random = prng(20260329);
    for (let i = 0; i < 500; i++) {
      const calendar = propertyCalendars[i % propertyCalendars.length];
      const start = new Date(YEAR_START + Math.floor(random() * YEAR_MS));
      // Whole seconds up to 100 hours, so h × 3,600,000 ms is exact.
      const seconds = random() < 0.1 ? 0 : Math.floor(random() * 100 * 3600);
      const hours = seconds / 3600;
      const end = addWorkingHours(start, hours, calendar);
      const context = `${calendar.timeZone} ${calendar.dayStartsAt}-${calendar.dayEndsAt} from ${start.toISOString()} + ${hours} h = ${end.toISOString()}`;

      expect({ context, measured: workingHoursBetween(start, end, calendar) }).toEqual({ context, measured: hours });
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      // The result is inside a window, or (when it used up a window exactly) at its end.
      const justBefore = new Date(end.getTime() - 1);
      expect({
        context,
        inWindow: isWithinWorkingHours(end, calendar) || (hours > 0 && isWithinWorkingHours(justBefore, calendar)),
      }).toEqual({ context, inWindow: true });
    }
  });

  it('adds in steps the same as all at once', () => {
    const random = prng(7);
    for (let i = 0; i < 150; i++) {
      const calendar = propertyCalendars[i % propertyCalendars.length];
      const start = new Date(YEAR_START + Math.floor(random() * YEAR_MS));
      const first = Math.floor(random() * 40 * 60) / 60;
      const second = (1 + Math.floor(random() * 40 * 60)) / 60;
      const inSteps = addWorkingHours(addWorkingHours(start, first, calendar), second, calendar);
      const atOnce = addWorkingHours(start, Math.round((first + second) * 60) / 60, calendar);
      expect(`${calendar.timeZone} ${start.toISOString()} ${inSteps.toISOString()}`).toBe(
        `${calendar.timeZone} ${start.toISOString()} ${atOnce.toISOString()}`,
      );
    }
  });

  it('agrees with a minute-by-minute count that reads local time straight from Intl', () => {
    const random = prng(42);
    for (let i = 0; i < 40; i++) {
      const calendar = propertyCalendars[i % propertyCalendars.length];
      const zone = new Intl.DateTimeFormat('en-US', {
        timeZone: calendar.timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        hour: 'numeric',
      });
      const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
      const isWorkingMinute = (t: number) => {
        const parts = zone.formatToParts(t);
        const weekday = weekdays.indexOf(parts.find((p) => p.type === 'weekday')?.value ?? '') + 1;
        const hour = Number(parts.find((p) => p.type === 'hour')?.value);
        return calendar.workingDays.includes(weekday) && hour >= calendar.dayStartsAt && hour < calendar.dayEndsAt;
      };
      // Half of the starts are on DST-change weekends, where mistakes would show.
      const dstWeekends = [
        Date.UTC(2026, 2, 7),
        Date.UTC(2026, 2, 28),
        Date.UTC(2026, 3, 4),
        Date.UTC(2026, 8, 5),
        Date.UTC(2026, 9, 3),
        Date.UTC(2026, 9, 24),
        Date.UTC(2026, 9, 31),
      ];
      const base =
        i % 2 === 0
          ? dstWeekends[Math.floor(random() * dstWeekends.length)] - 12 * 3_600_000
          : YEAR_START + Math.floor(random() * YEAR_MS);
      const start = Math.floor((base + random() * 3 * 86_400_000) / 60_000) * 60_000;
      // Up to 20 hours, or a week and a half of a sparse calendar, to keep the scan short.
      const weeklyHours = (calendar.dayEndsAt - calendar.dayStartsAt) * calendar.workingDays.length;
      const minutes = Math.floor(random() * Math.min(20, 1.5 * weeklyHours) * 60);

      // Minute m counts if the local time at its start is inside the window; the result is the end
      // of the last counted minute, or the first working minute's start when adding nothing.
      let t = start;
      if (minutes === 0) {
        while (!isWorkingMinute(t)) t += 60_000;
      } else {
        for (let counted = 0; counted < minutes; t += 60_000) {
          if (isWorkingMinute(t)) counted++;
        }
      }
      const expected = new Date(t).toISOString();
      const actual = addWorkingHours(new Date(start), minutes / 60, calendar).toISOString();
      expect(`${calendar.timeZone} ${new Date(start).toISOString()} + ${minutes} min = ${actual}`).toBe(
        `${calendar.timeZone} ${new Date(start).toISOString()} + ${minutes} min = ${expected}`,
      );
    }
  });
});
