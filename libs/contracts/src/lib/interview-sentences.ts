/**
 * The sentences that place or move an interview. Their times are written for each reader in the
 * reader's own zone (the agency's history, the candidate's page, the candidate's email), so the
 * API and the portal both compose them, from this one home.
 */

export function interviewScheduledText(stageName: string, when: string, location: string): string {
  return `${stageName} scheduled for ${when} (${location}).`;
}

/** An interview placed only once it was over (recorded after the fact): not news of one to come. */
export function interviewRecordedText(stageName: string, when: string, location: string): string {
  return `${stageName} took place on ${when} (${location}).`;
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

/**
 * The sentence for a placed or moved interview; `when` writes a start and an end for the reader.
 * `overWhenPlaced`: the slot had already ended when it was placed, so it is told as having taken place.
 * The API's command decides it once (`InterviewChange.overWhenPlaced`); the portal, by the domain's
 * `stageTookPlace` at the event's `at`.
 */
export function interviewSlotText<T>(
  slot: InterviewSlotFacts<T>,
  when: (startsAt: T, endsAt: T) => string,
  overWhenPlaced = false,
): string {
  const slotWords = when(slot.startsAt, slot.endsAt);
  if (slot.was) {
    return interviewRescheduledText(slot.stageName, slotWords, slot.location, when(slot.was.startsAt, slot.was.endsAt));
  }
  return overWhenPlaced
    ? interviewRecordedText(slot.stageName, slotWords, slot.location)
    : interviewScheduledText(slot.stageName, slotWords, slot.location);
}
