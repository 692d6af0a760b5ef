import { FeedbackDecision, RATING_MAX, RATING_MIN } from '@heardback/contracts';
import { Choice } from './choice-field';
import { DECISION_LABELS, RATING_LABELS } from './agency-labels';

/**
 * The choices of a feedback form, the same words wherever feedback is given: by a recruiter on the
 * application page, and by a client interviewer behind their review link.
 */
export const DECISION_CHOICES: readonly Choice<FeedbackDecision>[] = [
  {
    value: FeedbackDecision.Advance,
    label: DECISION_LABELS[FeedbackDecision.Advance],
    hint: 'Move on to the next stage',
  },
  {
    value: FeedbackDecision.Hold,
    label: DECISION_LABELS[FeedbackDecision.Hold],
    hint: 'Not decided yet; stays at this stage',
  },
  { value: FeedbackDecision.Reject, label: DECISION_LABELS[FeedbackDecision.Reject], hint: 'Close the application' },
];

/** 1 to 4, each with what it means, so everyone uses the scale the same way. */
export const RATING_CHOICES: readonly Choice<number>[] = Array.from(
  { length: RATING_MAX - RATING_MIN + 1 },
  (_, index) => {
    const rating = RATING_MIN + index;
    return { value: rating, label: rating, hint: RATING_LABELS[rating] };
  },
);
