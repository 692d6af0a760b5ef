import { AuditSnapshot } from '../audit/audit-changes';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { ApplicationStageEntity } from './application-stage.entity';
import { ApplicationRecord } from './application-records';

/** What the audit trail records of an application: its status and its current stage, by name. */
export function auditedApplication(record: ApplicationRecord): AuditSnapshot {
  const current = record.stages.find((stage) => stage.id === record.application.currentStageId);
  return { status: record.application.status, currentStage: current?.name ?? null };
}

/** What the audit trail records of a stage: its interview and where it stands. */
export function auditedStage(stage: ApplicationStageEntity): AuditSnapshot {
  return {
    startsAt: stage.startsAt,
    endsAt: stage.endsAt,
    location: stage.location,
    interviewers: [...stage.interviewers],
    state: stage.state,
    feedbackDueAt: stage.feedbackDueAt,
  };
}

/** The client's contacts picked to interview, by name (their ids mean nothing to a reader of the trail). */
export function auditedClientInterviewers(picked: readonly { fullName: string }[]): string[] {
  return picked.map((contact) => contact.fullName).sort((a, b) => a.localeCompare(b));
}

/** A stage's feedback as audited (none yet: every field null); the trail masks the words themselves. */
export function auditedFeedback(
  feedback: Pick<FeedbackEntity, 'decision' | 'rating' | 'candidateMessage' | 'internalNotes' | 'givenBy'> | null,
): AuditSnapshot {
  return {
    decision: feedback?.decision ?? null,
    rating: feedback?.rating ?? null,
    givenBy: feedback?.givenBy ?? null,
    candidateMessage: feedback?.candidateMessage ?? null,
    internalNotes: feedback?.internalNotes ?? null,
  };
}
