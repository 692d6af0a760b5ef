import { ApplicationStatus, ApplicationView, FeedbackDecision, StageState, StageView } from '@heardback/contracts';
import { isOpen } from '@heardback/domain';

function byPosition(stages: readonly StageView[]): StageView[] {
  return [...stages].sort((a, b) => a.position - b.position);
}

/**
 * The stage the agency acts on next: the first stage, in pipeline order, that is neither skipped
 * nor decided (a "hold" is not a decision). None once the application is closed or has an offer.
 */
export function currentStage(application: ApplicationView): StageView | null {
  if (!isOpen(application.status) || application.status === ApplicationStatus.Offer) {
    return null;
  }
  return (
    byPosition(application.stages).find(
      (stage) =>
        stage.state !== StageState.Skipped &&
        (stage.feedback === null || stage.feedback.decision === FeedbackDecision.Hold),
    ) ?? null
  );
}

/** The stage that follows `stage`, or null when it is the last one. */
export function stageAfter(application: ApplicationView, stage: StageView): StageView | null {
  return (
    byPosition(application.stages).find(
      (later) => later.position > stage.position && later.state !== StageState.Skipped,
    ) ?? null
  );
}

/** A stage can be (re)scheduled until its interview has taken place. */
export function canSchedule(stage: StageView): boolean {
  return stage.feedback === null && (stage.state === StageState.Pending || stage.state === StageState.Scheduled);
}

/** Stages that took place and still have no feedback: what blocks every move onwards. */
export function stagesMissingFeedback(application: ApplicationView): StageView[] {
  return byPosition(application.stages).filter((stage) => stage.state === StageState.AwaitingFeedback);
}
