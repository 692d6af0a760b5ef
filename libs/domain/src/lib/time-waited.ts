import type { TimeWaited } from '@heardback/contracts';
import { WorkingCalendar, workingHoursBetween } from './working-hours';

/**
 * How long a candidate has waited since `since`, in the agency's working time: a Friday-evening
 * application read on Monday morning has waited no time at all, not a weekend.
 */
export function timeWaited(since: Date, now: Date, calendar: WorkingCalendar): TimeWaited {
  const dayLength = calendar.dayEndsAt - calendar.dayStartsAt;
  // Whole hours, never rounded up: "2 hours" is said from the second full hour.
  const hours = Math.floor(workingHoursBetween(since, now, calendar) + 1e-9);
  return { workingDays: Math.floor(hours / dayLength), hours: hours % dayLength };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "waiting 3 working days", "waiting 1 working day and 2 hours", "waiting 5 working hours". */
export function waitingWords(waited: TimeWaited): string {
  if (waited.workingDays === 0) {
    return waited.hours === 0
      ? 'waiting less than a working hour'
      : `waiting ${count(waited.hours, 'working hour', 'working hours')}`;
  }
  const days = count(waited.workingDays, 'working day', 'working days');
  return waited.hours === 0 ? `waiting ${days}` : `waiting ${days} and ${count(waited.hours, 'hour', 'hours')}`;
}
