import { WorkingCalendar, nextWorkingWindowStart } from '@heardback/domain';

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
