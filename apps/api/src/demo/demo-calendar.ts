import { WorkingCalendar, addWorkingHours, nextWorkingWindowStart } from '@heardback/domain';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When a demo interview starts: a real agency books interviews in working hours on working days,
 * so the demo's "about 50 hours from now" becomes the first slot at or after that moment, and a
 * past "240 hours ago" the last slot that had ended by then (so it stays in the past and the order
 * of a candidate's stages is kept). A slot is `hourIntoDay` hours after the working day starts;
 * the interview lasts an hour and must end within the day.
 */
export function demoInterviewStart(
  target: Date,
  direction: 'past' | 'future',
  hourIntoDay: number,
  calendar: WorkingCalendar,
): Date {
  const offset = Math.min(hourIntoDay, calendar.dayEndsAt - calendar.dayStartsAt - 1) * HOUR;
  const slots: number[] = [];
  // Two weeks either side holds working days under any calendar the config accepts.
  let windowStart = nextWorkingWindowStart(new Date(target.getTime() - 14 * DAY), calendar).getTime();
  while (windowStart < target.getTime() + 14 * DAY) {
    slots.push(windowStart + offset);
    windowStart = nextWorkingWindowStart(new Date(windowStart + 1), calendar).getTime();
  }
  const slot =
    direction === 'future'
      ? slots.find((start) => start >= target.getTime())
      : slots.filter((start) => start + HOUR <= target.getTime()).at(-1);
  if (slot === undefined) {
    throw new Error(`No working slot within two weeks of ${target.toISOString()}: check AGENCY working days`);
  }
  return new Date(slot);
}

/**
 * When a recruiter would have done what the demo asks of them at `target`: then, if that is in
 * working hours; else as the next working day starts, or failing that (it would come after `latest`:
 * the interview being booked, or the present) in the last working hours before `target`; and
 * `target` itself where that would come before `earliest` (the story's last event). A story's order
 * is never changed.
 */
export function demoWorkingMoment(target: Date, earliest: Date, latest: Date, calendar: WorkingCalendar): Date {
  const next = addWorkingHours(target, 0, calendar);
  if (next.getTime() <= latest.getTime()) return next;
  const before = demoInterviewStart(target, 'past', 0, calendar);
  return before.getTime() >= earliest.getTime() ? before : target;
}

/** A new job starts on a Monday: the first on or after `from`, as a calendar date ("2027-01-11"). */
export function mondayAfter(from: Date): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}
