import { ApplicationStatus, FeedbackDecision, StageState } from '@heardback/contracts';

/** What the rules need to know about one stage of an application. */
export interface StageFacts {
  id: string;
  name: string;
  position: number;
  state: StageState;
  startsAt: Date | null;
  endsAt: Date | null;
  /** Set when the stage was marked as having taken place, whatever its schedule says. */
  heldAt: Date | null;
  /** The decision of the stage's current feedback version, or null if none was recorded. */
  currentDecision: FeedbackDecision | null;
}

/** What the rules need to know about an application. */
export interface ApplicationFacts {
  status: ApplicationStatus;
  currentStageId: string | null;
  stages: StageFacts[];
  /**
   * At Offer, the date the candidate is asked to reply by: set when the offer's terms are written. Null
   * while they are still to write (the last stage was passed, "an offer is on its way"), when it is the
   * agency's move, not the candidate's.
   */
  offerReplyBy: Date | null;
}

export const OPEN_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.Applied,
  ApplicationStatus.Screening,
  ApplicationStatus.Interviewing,
  ApplicationStatus.Offer,
];

export function isOpen(status: ApplicationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** A stage took place when its interview has ended or it was marked held. */
export function stageTookPlace(stage: Pick<StageFacts, 'endsAt' | 'heldAt'>, now: Date): boolean {
  return stage.heldAt !== null || (stage.endsAt !== null && stage.endsAt.getTime() <= now.getTime());
}

export function hasFeedback(stage: Pick<StageFacts, 'currentDecision'>): boolean {
  return stage.currentDecision !== null;
}

export function stagesMissingFeedback(application: ApplicationFacts, now: Date): StageFacts[] {
  return application.stages.filter((stage) => stageTookPlace(stage, now) && !hasFeedback(stage));
}

export function currentStage(application: ApplicationFacts): StageFacts | null {
  return application.stages.find((stage) => stage.id === application.currentStageId) ?? null;
}

/**
 * The stage the application is at, as people are shown it: its current stage while it is still
 * moving through the pipeline; none once an offer is made or it is closed (the stored current
 * stage then only says where it stopped).
 */
export function stageInProgress(application: ApplicationFacts): StageFacts | null {
  if (!isOpen(application.status) || application.status === ApplicationStatus.Offer) {
    return null;
  }
  return currentStage(application);
}

export function nextStageAfter(application: ApplicationFacts, stage: StageFacts): StageFacts | null {
  const later = application.stages
    .filter((candidate) => candidate.position > stage.position && candidate.state !== StageState.Skipped)
    .sort((a, b) => a.position - b.position);
  return later[0] ?? null;
}

/**
 * The state a person should see: a scheduled interview whose time has passed is awaiting
 * feedback even before the background job has caught up with it.
 */
export function effectiveStageState(stage: StageFacts, now: Date): StageState {
  if (
    (stage.state === StageState.Scheduled || stage.state === StageState.Pending) &&
    stageTookPlace(stage, now) &&
    !hasFeedback(stage)
  ) {
    return StageState.AwaitingFeedback;
  }
  return stage.state;
}
