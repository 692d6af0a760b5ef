import {
  ApplicationStatus,
  ErrorCode,
  FeedbackDecision,
  INTERVIEW_MAX_HOURS,
  OfferAnswer,
  StageState,
} from '@heardback/contracts';
import {
  ApplicationFacts,
  StageFacts,
  currentStage,
  isOpen,
  nextStageAfter,
  stageTookPlace,
  stagesMissingFeedback,
} from './application-facts';
import { DomainError, fieldError } from './domain-error';
import { trimTyped } from './typed-text';

/**
 * Rule 1 of the design: no stage passes without feedback. Called before any move onwards
 * (next stage, offer, hire, reject); the database repeats the check in a trigger.
 */
export function assertNoFeedbackMissing(application: ApplicationFacts, now: Date): void {
  const missing = stagesMissingFeedback(application, now);
  if (missing.length > 0) {
    const names = missing.map((stage) => `"${stage.name}"`).join(', ');
    throw new DomainError(
      ErrorCode.FeedbackRequired,
      `Record feedback for ${names} first: the candidate must hear how it went before the application moves on.`,
    );
  }
}

/** How a refusal says where a closed application ended, in words rather than its status code. */
export function closedApplicationWords(status: ApplicationStatus): string {
  return status === ApplicationStatus.JobClosed ? 'closed, because its job closed' : status.replace('_', ' ');
}

function assertOpen(application: Pick<ApplicationFacts, 'status'>, action: string): void {
  if (!isOpen(application.status)) {
    throw new DomainError(
      ErrorCode.InvalidTransition,
      `Cannot ${action}: the application is already ${closedApplicationWords(application.status)}.`,
    );
  }
}

/** The status an application shows while a given stage is its current one. */
export function statusForStage(stage: Pick<StageFacts, 'position'>): ApplicationStatus {
  return stage.position === 0 ? ApplicationStatus.Screening : ApplicationStatus.Interviewing;
}

export interface SchedulePlan {
  stage: StageFacts;
  status: ApplicationStatus;
}

export function planSchedule(
  application: ApplicationFacts,
  stageId: string,
  startsAt: Date,
  endsAt: Date,
  now: Date,
): SchedulePlan {
  assertOpen(application, 'schedule an interview');
  if (application.status === ApplicationStatus.Offer) {
    throw new DomainError(ErrorCode.InvalidTransition, 'Cannot schedule an interview: an offer has already been made.');
  }
  const stage = requireCurrentStage(application, stageId);
  if (stage.currentDecision !== null) {
    throw new DomainError(
      ErrorCode.FeedbackAlreadyRecorded,
      `"${stage.name}" already has feedback; it cannot be rescheduled.`,
    );
  }
  if (stageTookPlace(stage, now)) {
    // Moving a past interview into the future would hide that it happened and dodge rule 1.
    throw new DomainError(
      ErrorCode.FeedbackRequired,
      `"${stage.name}" has already taken place; record its feedback instead of rescheduling it.`,
    );
  }
  assertInterviewSlot(startsAt, endsAt);
  const status = application.status === ApplicationStatus.Applied ? statusForStage(stage) : application.status;
  return { stage, status };
}

const HOUR_MS = 3_600_000;

/** What is wrong with an interview's slot, if anything: the rule the API enforces and the portal's form checks. */
export type InterviewSlotProblem = 'endBeforeStart' | 'tooLong';

/**
 * An interview's slot: it ends after it starts and lasts at most INTERVIEW_MAX_HOURS. A start in the past
 * is allowed: it records an interview held before it was booked (the portal asks for that to be confirmed).
 */
export function interviewSlotProblem(startsAt: Date, endsAt: Date): InterviewSlotProblem | null {
  const lasts = endsAt.getTime() - startsAt.getTime();
  if (lasts <= 0) return 'endBeforeStart';
  return lasts > INTERVIEW_MAX_HOURS * HOUR_MS ? 'tooLong' : null;
}

/** Refuses a slot `interviewSlotProblem` finds wrong, naming `endsAt`. */
export function assertInterviewSlot(startsAt: Date, endsAt: Date): void {
  const problem = interviewSlotProblem(startsAt, endsAt);
  if (problem === 'endBeforeStart') throw fieldError('endsAt', 'must be after startsAt');
  if (problem === 'tooLong') throw fieldError('endsAt', `must be at most ${INTERVIEW_MAX_HOURS} hours after startsAt`);
}

/** Where, when and with whom a stage's interview is set. */
export interface InterviewArrangement {
  startsAt: Date | null;
  endsAt: Date | null;
  location: string | null;
  interviewers: readonly string[];
  /** The client's contacts picked as interviewers, in any order (none when left out). */
  clientInterviewerIds?: readonly string[];
}

/**
 * True when a reschedule asks for exactly the slot, place and interviewers the stage already has:
 * it changes nothing, so it bumps no version, updates no calendar and sends no email.
 */
export function interviewUnchanged(current: InterviewArrangement, requested: InterviewArrangement): boolean {
  return (
    current.startsAt !== null &&
    current.startsAt.getTime() === requested.startsAt?.getTime() &&
    current.endsAt?.getTime() === requested.endsAt?.getTime() &&
    current.location === requested.location &&
    current.interviewers.length === requested.interviewers.length &&
    current.interviewers.every((name, index) => name === requested.interviewers[index]) &&
    sameIds(current.clientInterviewerIds ?? [], requested.clientInterviewerIds ?? [])
  );
}

/** Whether two lists of ids name the same ids, whatever their order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const first = new Set(a);
  const second = new Set(b);
  return first.size === second.size && [...first].every((id) => second.has(id));
}

export type FeedbackOutcome =
  | { kind: 'next_stage'; stage: StageFacts; nextStage: StageFacts; status: ApplicationStatus }
  | { kind: 'offer'; stage: StageFacts; status: ApplicationStatus.Offer }
  | { kind: 'rejected'; stage: StageFacts; status: ApplicationStatus.Rejected }
  | { kind: 'on_hold'; stage: StageFacts; status: ApplicationStatus };

export interface FeedbackPlan {
  outcome: FeedbackOutcome;
  /** True when this feedback replaces an earlier "hold" on the same stage. */
  correction: boolean;
}

/**
 * Recording feedback on the current stage marks it held, then applies the decision:
 * advance opens the next stage (or makes the offer after the last), reject closes the
 * application with the candidate message, hold keeps it where it is until decided.
 */
export function planFeedback(
  application: ApplicationFacts,
  stageId: string,
  decision: FeedbackDecision,
  now: Date,
): FeedbackPlan {
  assertOpen(application, 'record feedback');
  if (application.status === ApplicationStatus.Offer) {
    throw new DomainError(ErrorCode.InvalidTransition, 'Cannot record stage feedback: an offer has already been made.');
  }
  const stage = requireCurrentStage(application, stageId);
  if (stage.currentDecision !== null && stage.currentDecision !== FeedbackDecision.Hold) {
    throw new DomainError(
      ErrorCode.FeedbackAlreadyRecorded,
      `Feedback for "${stage.name}" is already recorded (${stage.currentDecision}).`,
    );
  }
  const correction = stage.currentDecision === FeedbackDecision.Hold;
  const held: StageFacts = { ...stage, heldAt: stage.heldAt ?? now, currentDecision: decision };
  const after: ApplicationFacts = {
    ...application,
    stages: application.stages.map((candidate) => (candidate.id === stage.id ? held : candidate)),
  };

  if (decision === FeedbackDecision.Hold) {
    const status = application.status === ApplicationStatus.Applied ? statusForStage(stage) : application.status;
    return { outcome: { kind: 'on_hold', stage: held, status }, correction };
  }
  assertNoFeedbackMissing(after, now);
  if (decision === FeedbackDecision.Reject) {
    return { outcome: { kind: 'rejected', stage: held, status: ApplicationStatus.Rejected }, correction };
  }
  const nextStage = nextStageAfter(after, held);
  if (nextStage === null) {
    return { outcome: { kind: 'offer', stage: held, status: ApplicationStatus.Offer }, correction };
  }
  return { outcome: { kind: 'next_stage', stage: held, nextStage, status: statusForStage(nextStage) }, correction };
}

export function planReject(application: ApplicationFacts, candidateMessage: string, now: Date): void {
  assertOpen(application, 'reject');
  assertRejectionMessage(candidateMessage);
  assertNoFeedbackMissing(application, now);
}

export interface OfferPlan {
  /** Stages that never took place; an offer made early skips them. */
  skippedStages: StageFacts[];
}

/**
 * Making an offer. `awaitingTerms`: the application is at Offer because its last stage was passed
 * ("an offer is on its way") and no offer has been written yet; the recruiter now writes its terms.
 */
export function planOffer(application: ApplicationFacts, now: Date, awaitingTerms = false): OfferPlan {
  assertOpen(application, 'make an offer');
  if (application.status === ApplicationStatus.Offer && !awaitingTerms) {
    throw new DomainError(ErrorCode.InvalidTransition, 'An offer has already been made on this application.');
  }
  assertNoFeedbackMissing(application, now);
  return { skippedStages: stagesAnOfferSkips(application, now) };
}

/** The stages an offer made now would skip: those that have not taken place and have no feedback. */
export function stagesAnOfferSkips(application: ApplicationFacts, now: Date): StageFacts[] {
  return application.stages.filter(
    (stage) => !stageTookPlace(stage, now) && stage.currentDecision === null && stage.state !== StageState.Skipped,
  );
}

/**
 * The recruiter records a yes the candidate gave outside the portal. Only an offer whose terms are
 * written can be accepted (ADR 0076): a candidate passed through the last stage is at Offer before
 * the terms exist, and marking them hired then would tell them "you have accepted the offer" of an
 * offer they never had in words.
 */
export function planHire(application: ApplicationFacts, now: Date, offerWritten: boolean): void {
  if (application.status !== ApplicationStatus.Offer) {
    throw new DomainError(ErrorCode.InvalidTransition, 'Only an application with an offer can be marked hired.');
  }
  assertNoFeedbackMissing(application, now);
  if (!offerWritten) throw new DomainError(ErrorCode.InvalidTransition, HIRE_BEFORE_TERMS);
}

/** Why a hire waits for the offer's terms, in the words the recruiter reads. */
export const HIRE_BEFORE_TERMS =
  'Write the offer first: make the offer with its terms, so the candidate has them in writing, then mark them hired once they accept.';

/** The offer as the answer rules see it: whether it is still open, and how it ended if not. */
export interface OfferFacts {
  answer: OfferAnswer | null;
}

/**
 * The candidate answers their offer (ADR 0020): accepting hires them at once (the client made the
 * offer, so the candidate's yes is the hire); declining closes the application as withdrawn, in
 * their words. Only an open offer on an application still at Offer can be answered, once.
 */
export function planOfferAnswer(
  application: ApplicationFacts,
  offer: OfferFacts | null,
  answer: OfferAnswer.Accepted | OfferAnswer.Declined,
): { status: ApplicationStatus.Hired | ApplicationStatus.Withdrawn } {
  if (offer && offer.answer !== null) {
    throw new DomainError(ErrorCode.InvalidTransition, `You have already answered this offer (${offer.answer}).`);
  }
  if (application.status !== ApplicationStatus.Offer || !offer) {
    throw new DomainError(
      ErrorCode.InvalidTransition,
      isOpen(application.status)
        ? 'There is no offer to answer yet: your recruiter will send its terms.'
        : `This offer can no longer be answered: the application is ${closedApplicationWords(application.status)}.`,
    );
  }
  return { status: answer === OfferAnswer.Accepted ? ApplicationStatus.Hired : ApplicationStatus.Withdrawn };
}

export function planWithdraw(application: Pick<ApplicationFacts, 'status'>): void {
  assertOpen(application, 'withdraw');
}

/** Rule 4 of the design: a rejection always carries words. */
export function assertRejectionMessage(candidateMessage: string | null | undefined): void {
  if (!candidateMessage || trimTyped(candidateMessage).length === 0) {
    throw new DomainError(ErrorCode.RejectionMessageRequired, 'A rejection needs a message to the candidate.', [
      { field: 'candidateMessage', reasons: ['must not be empty: tell the candidate why, in words'] },
    ]);
  }
}

function requireCurrentStage(application: ApplicationFacts, stageId: string): StageFacts {
  const stage = application.stages.find((candidate) => candidate.id === stageId);
  if (!stage) {
    throw new DomainError(ErrorCode.NotFound, 'No such stage on this application.');
  }
  const current = currentStage(application);
  if (current?.id !== stage.id) {
    throw new DomainError(
      ErrorCode.StageNotCurrent,
      `"${stage.name}" is not the application's current stage${current ? ` ("${current.name}")` : ''}.`,
    );
  }
  return stage;
}
