/**
 * The sentences that place or move an interview. Their times are written for each reader in the
 * reader's own zone (the agency's history, the candidate's page, the candidate's email), so the
 * API and the portal both compose them, from this one home.
 */

export function interviewScheduledText(stageName: string, when: string, location: string): string {
  return `${stageName} scheduled for ${when} (${location}).`;
}

export function interviewRescheduledText(stageName: string, when: string, location: string, was: string): string {
  return `${stageName} moved to ${when} (${location}). The earlier time, ${was}, is cancelled.`;
}

/** An interview slot, with the one it replaced when it moved, as instants of any kind. */
export interface InterviewSlotFacts<T> {
  stageName: string;
  startsAt: T;
  endsAt: T;
  location: string;
  was: { startsAt: T; endsAt: T } | null;
}

/** The sentence for a placed or moved interview; `when` writes a start and an end for the reader. */
export function interviewSlotText<T>(slot: InterviewSlotFacts<T>, when: (startsAt: T, endsAt: T) => string): string {
  const now = when(slot.startsAt, slot.endsAt);
  return slot.was
    ? interviewRescheduledText(slot.stageName, now, slot.location, when(slot.was.startsAt, slot.was.endsAt))
    : interviewScheduledText(slot.stageName, now, slot.location);
}
