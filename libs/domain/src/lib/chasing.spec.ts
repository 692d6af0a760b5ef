import { TimelineEventType } from '@heardback/contracts';
import { isChase } from './chasing';

describe('what counts as chasing a late answer', () => {
  it('is the late notice and the automatic new date', () => {
    expect(isChase(TimelineEventType.FeedbackLate)).toBe(true);
    expect(isChase(TimelineEventType.PromiseUpdated)).toBe(true);
  });

  it('is not a reminder to the recruiter, an escalation, a date a person moved or a check-in', () => {
    for (const type of [
      TimelineEventType.FeedbackReminder,
      TimelineEventType.Escalated,
      TimelineEventType.PromiseRedated,
      TimelineEventType.PromiseCheckIn,
      TimelineEventType.RecruiterMessage,
    ]) {
      expect({ type, chase: isChase(type) }).toEqual({ type, chase: false });
    }
  });
});
