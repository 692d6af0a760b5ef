/**
 * When feedback for an interview is due: its end plus the job's feedback deadline.
 * Calendar hours for now; working hours in the agency's time zone are a later change.
 */
export function feedbackDueAt(interviewEndsAt: Date, feedbackDeadlineHours: number): Date {
  return new Date(interviewEndsAt.getTime() + feedbackDeadlineHours * 3_600_000);
}

export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime();
}
