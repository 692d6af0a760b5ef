import { ApplicationStatus, StageState } from '@heardback/contracts';

export interface NextStepFacts {
  status: ApplicationStatus;
  stageName: string | null;
  stageState: StageState | null;
  startsAt: Date | null;
  feedbackDueAt: Date | null;
}

/**
 * "What happens next, and by when", in the words a candidate reads in every update.
 * `formatTime` renders an instant for the reader (time zone and locale are the caller's choice).
 */
export function candidateNextStep(facts: NextStepFacts, now: Date, formatTime: (at: Date) => string): string {
  switch (facts.status) {
    case ApplicationStatus.Offer:
      return 'Your recruiter will call you with the details of the offer.';
    case ApplicationStatus.Hired:
      return 'Nothing more to do here. Welcome aboard!';
    case ApplicationStatus.Rejected:
    case ApplicationStatus.Withdrawn:
    case ApplicationStatus.JobClosed:
      return 'This application is closed; nothing more will happen on it.';
    default:
      break;
  }
  if (!facts.stageName) {
    return 'Your recruiter will be in touch about the next step.';
  }
  switch (facts.stageState) {
    case StageState.Scheduled:
      if (facts.startsAt && facts.startsAt.getTime() > now.getTime()) {
        return `Your ${facts.stageName} is on ${formatTime(facts.startsAt)}.`;
      }
      return dueLine(facts.stageName, facts.feedbackDueAt, now, formatTime);
    case StageState.AwaitingFeedback:
      return dueLine(facts.stageName, facts.feedbackDueAt, now, formatTime);
    case StageState.FeedbackRecorded:
      return 'Your recruiter will tell you about the decision.';
    default:
      return `Next: ${facts.stageName}. Your recruiter will be in touch to arrange it.`;
  }
}

function dueLine(stageName: string, dueAt: Date | null, now: Date, formatTime: (at: Date) => string): string {
  if (!dueAt) return `You will hear how your ${stageName} went soon.`;
  if (dueAt.getTime() < now.getTime()) {
    return `Our answer about your ${stageName} is late (it was due ${formatTime(dueAt)}). We have chased it and will write as soon as we have it.`;
  }
  return `You will hear how your ${stageName} went by ${formatTime(dueAt)}.`;
}
