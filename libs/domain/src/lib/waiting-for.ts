import { ApplicationStatus, StageState, WaitingFor } from '@heardback/contracts';
import { ApplicationFacts, currentStage, effectiveStageState, isOpen } from './application-facts';

/** Whose move it is, so the candidate always knows what the application is waiting for. */
export function waitingFor(application: ApplicationFacts, now: Date): WaitingFor {
  if (!isOpen(application.status)) {
    return WaitingFor.Nothing;
  }
  if (application.status === ApplicationStatus.Offer) {
    // No reply can be asked for an offer whose terms are still to write: the agency decides them first.
    return application.offerReplyBy === null ? WaitingFor.Decision : WaitingFor.CandidateResponse;
  }
  const stage = currentStage(application);
  if (!stage) {
    return WaitingFor.Scheduling;
  }
  switch (effectiveStageState(stage, now)) {
    case StageState.Pending:
      // Applied and nothing booked: whether there will be an interview at all is what the agency decides.
      return application.status === ApplicationStatus.Applied ? WaitingFor.Screening : WaitingFor.Scheduling;
    case StageState.Scheduled:
      return WaitingFor.Interview;
    case StageState.AwaitingFeedback:
      return WaitingFor.Feedback;
    case StageState.FeedbackRecorded:
    case StageState.Skipped:
      return WaitingFor.Decision;
  }
}
