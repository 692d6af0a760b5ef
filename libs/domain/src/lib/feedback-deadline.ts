import { WorkingCalendar, endOfWorkingDaysAfter } from './working-hours';

/**
 * When feedback for an interview is due: the end of the job's Nth working day after the day the
 * interview ends, in the agency's calendar (weekends and public holidays do not count). This is
 * the date the candidate reads as "answer expected by".
 */
export function feedbackDueAt(interviewEndsAt: Date, answerWithinWorkingDays: number, calendar: WorkingCalendar): Date {
  return endOfWorkingDaysAfter(interviewEndsAt, answerWithinWorkingDays, calendar);
}

/** Until an interview is booked, an applicant hears whether they move forward within this many working days. */
export const SCREENING_ANSWER_WORKING_DAYS = 5;

/** The promise an application carries while nothing is booked: the end of the 5th working day after applying. */
export function screeningAnswerDueAt(appliedAt: Date, calendar: WorkingCalendar): Date {
  return endOfWorkingDaysAfter(appliedAt, SCREENING_ANSWER_WORKING_DAYS, calendar);
}

export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime();
}
