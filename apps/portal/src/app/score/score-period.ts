import { SCORE_MAX_PERIOD_DAYS } from '@heardback/contracts';

/** The periods the score page offers; `custom` takes two days typed in. */
export type PeriodChoice = 'this-month' | 'last-month' | 'last-90-days' | 'custom';

export const PERIOD_CHOICES: readonly { value: PeriodChoice; label: string }[] = [
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'last-90-days', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom' },
];

/** Two days, yyyy-mm-dd, both included. */
export interface Period {
  from: string;
  to: string;
}

const MS_PER_DAY = 86_400_000;

function day(year: number, monthIndex: number, date: number): string {
  return new Date(Date.UTC(year, monthIndex, date)).toISOString().slice(0, 10);
}

/** A preset period around `today` (the reader's calendar day). */
export function presetPeriod(choice: Exclude<PeriodChoice, 'custom'>, today: Date): Period {
  const year = today.getFullYear();
  const month = today.getMonth();
  const todayDay = day(year, month, today.getDate());
  switch (choice) {
    case 'this-month':
      return { from: day(year, month, 1), to: todayDay };
    case 'last-month':
      // Day 0 of this month is the last day of the one before.
      return { from: day(year, month - 1, 1), to: day(year, month, 0) };
    case 'last-90-days':
      return { from: day(year, month, today.getDate() - 89), to: todayDay };
  }
}

/** The 90 days that end on `to`, `to` the 90th: "Last 90 days" when `to` is today. */
export function ninetyDaysTo(to: string): Period {
  const [year, month, date] = to.split('-').map(Number);
  return { from: day(year, month - 1, date - 89), to };
}

/** What is wrong with a custom period, in words; '' when it can be asked for. */
export function periodProblem(period: Period): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from)) return 'Enter the first day of the period.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.to)) return 'Enter the last day of the period.';
  const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / MS_PER_DAY + 1;
  if (days < 1) return 'The last day must not be before the first.';
  if (days > SCORE_MAX_PERIOD_DAYS) return `Choose a period of at most ${SCORE_MAX_PERIOD_DAYS} days.`;
  return '';
}

/** The month (yyyy-mm) a period ends in: the client report a row links to. */
export function monthOf(period: Period): string {
  return period.to.slice(0, 7);
}
