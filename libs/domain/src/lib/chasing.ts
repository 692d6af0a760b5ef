import { TimelineEventType } from '@heardback/contracts';

/**
 * The events the agency's rules record when they chase a late answer about a stage: the late notice,
 * and the automatic new date. A stage with one of them on its timeline has been chased ("We have chased
 * it"); a reminder to the recruiter or a date a person moved is not a chase the candidate is told of.
 */
export const CHASING_EVENT_TYPES: readonly TimelineEventType[] = [
  TimelineEventType.FeedbackLate,
  TimelineEventType.PromiseUpdated,
];

/** Whether an event of this type, about a stage, says the stage's late answer was chased. */
export function isChase(type: TimelineEventType): boolean {
  return CHASING_EVENT_TYPES.includes(type);
}
