import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import {
  AuditAction,
  AuditEntityType,
  RecordFeedbackRequest,
  StageState,
  TimelineEventType,
  interviewSlotText,
} from '@heardback/contracts';
import {
  FeedbackPlan,
  feedbackDueAt,
  holdUntilFor,
  interviewUnchanged,
  planFeedback,
  planSchedule,
  sameIds,
  stageTookPlace,
  upcomingInterview,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { prepared, queryPrepared } from '../database/prepared-statement';
import { pickClientInterviewers, replaceStageClientInterviewers } from '../clients/client-contact-records';
import { formatAgencyTimeRange } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { feedbackRecordedByText, interviewScheduledByText } from '../notifications/agency-messages';
import {
  CLOSED_AFTER_FEEDBACK_TEXT,
  PASSED_EVERY_STAGE_TEXT,
  feedbackText,
  throughToStageText,
} from '../notifications/candidate-messages';
import { InterviewChange } from '../notifications/interview-invite';
import { NewTimelineEvent, TimelineService } from '../timeline/timeline.service';
import { PromiseKeeper } from '../promises/promise-keeper';
import { UserEntity } from '../users/user.entity';
import { auditedApplication, auditedClientInterviewers, auditedFeedback, auditedStage } from './application-audit';
import { ApplicationStageEntity } from './application-stage.entity';
import { ApplicationRecord, loadApplicationRecord, saveApplicationChange, toFacts } from './application-records';
import { RecordFeedbackDto, ScheduleStageDto } from './dto/application-commands.dto';
import { cancelUpcomingInterview } from './upcoming-interview';

/** Placing or moving an interview, the recruiter's commonest write: prepared once per connection (ADR 0064). */
const ARRANGE_INTERVIEW = prepared(
  `UPDATE application_stages
      SET starts_at = $1, ends_at = $2, location = $3, interviewers = $4, feedback_due_at = $5, state = $6, calendar_sequence = $7
    WHERE id = $8`,
);

/** The recruiter's work on a stage: schedule its interview, then record its feedback. */
@Injectable()
export class StageFeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly promises: PromiseKeeper,
  ) {}

  schedule(applicationId: string, stageId: string, request: ScheduleStageDto, actor: UserEntity): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const record = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: request.version,
      });
      const startsAt = new Date(request.startsAt);
      const endsAt = new Date(request.endsAt);
      const plan = planSchedule(toFacts(record), stageId, startsAt, endsAt, now);
      const when = (start: Date, end: Date) => formatAgencyTimeRange(start, end, this.config.calendar.timeZone);
      const { job } = record;
      const stage = findStage(record, stageId);
      const picked = await pickClientInterviewers(
        manager,
        job.clientId,
        request.clientInterviewerIds ?? [],
        request.interviewers.length,
      );
      const pickedBefore = record.clientInterviewers.get(stageId) ?? [];
      const requested = {
        startsAt,
        endsAt,
        location: request.location,
        interviewers: request.interviewers,
        clientInterviewerIds: picked.map((contact) => contact.id),
      };
      const current = { ...stage, clientInterviewerIds: pickedBefore.map((contact) => contact.id) };
      // A retried or repeated request for the arrangement already set: nothing to change, nobody to tell.
      if (interviewUnchanged(current, requested)) return;
      const previous =
        stage.state === StageState.Scheduled && stage.startsAt && stage.endsAt
          ? { startsAt: stage.startsAt, endsAt: stage.endsAt }
          : null;
      // Placed once it was over (recorded after the fact): the stage waits for feedback at once, and every
      // reader tells it as having taken place. Decided here, once, for all of them.
      const overWhenPlaced = stageTookPlace({ endsAt, heldAt: null }, now);
      const before = {
        ...auditedStage(stage),
        clientInterviewers: auditedClientInterviewers(pickedBefore),
        ...auditedApplication(record),
      };
      const arranged = {
        startsAt,
        endsAt,
        location: request.location,
        interviewers: request.interviewers,
        feedbackDueAt: feedbackDueAt(endsAt, job.answerWithinWorkingDays, this.config.calendar),
        state: overWhenPlaced ? StageState.AwaitingFeedback : StageState.Scheduled,
        // A reschedule replaces the invite already in the candidate's calendar.
        calendarSequence: previous ? stage.calendarSequence + 1 : stage.calendarSequence,
      };
      Object.assign(stage, arranged);
      // An UPDATE of what changed, not save(), which first re-reads the row it already has.
      await queryPrepared(manager, ARRANGE_INTERVIEW, [
        arranged.startsAt,
        arranged.endsAt,
        arranged.location,
        arranged.interviewers,
        arranged.feedbackDueAt,
        arranged.state,
        arranged.calendarSequence,
        stage.id,
      ]);
      if (!sameIds(current.clientInterviewerIds, requested.clientInterviewerIds)) {
        await replaceStageClientInterviewers(manager, stageId, requested.clientInterviewerIds);
      }
      // A new slot is a new answer date: a date moved for the old slot does not carry over.
      if (previous) await this.promises.endAnswerPromise(manager, stageId, 'superseded', now);
      record.application.status = plan.status;
      await saveApplicationChange(manager, record.application);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.StageScheduled,
        entity: { type: AuditEntityType.Application, id: applicationId },
        context: { stage: stage.name },
        before,
        after: {
          ...auditedStage(stage),
          clientInterviewers: auditedClientInterviewers(picked),
          ...auditedApplication(record),
        },
      });
      await this.timeline.append(
        manager,
        {
          applicationId,
          type: TimelineEventType.StageScheduled,
          stageId,
          // The agency's history reads the agency's zone; the candidate's page and email write the slot in theirs.
          text: interviewSlotText(
            { stageName: stage.name, startsAt, endsAt, location: request.location, was: previous },
            when,
            overWhenPlaced,
          ),
          candidateVisible: true,
          actorId: actor.id,
          interview: {
            stageId,
            stageName: stage.name,
            sequence: stage.calendarSequence,
            cancelled: false,
            startsAt,
            endsAt,
            location: request.location,
            was: previous,
            overWhenPlaced,
          },
        },
        {
          applicationId,
          type: TimelineEventType.StageScheduled,
          stageId,
          text: interviewScheduledByText(actor.fullName, stage.name, request.interviewers, picked),
          candidateVisible: false,
          actorId: actor.id,
        },
      );
    });
  }

  async recordFeedback(
    applicationId: string,
    stageId: string,
    request: RecordFeedbackDto,
    actor: UserEntity,
  ): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.recordFeedbackIn(manager, applicationId, stageId, request, actor),
    );
  }

  /**
   * The same, in the caller's transaction (publishing a client's draft marks the draft in it too);
   * returns the new feedback row's id.
   */
  async recordFeedbackIn(
    manager: EntityManager,
    applicationId: string,
    stageId: string,
    request: RecordFeedbackRequest,
    actor: Pick<UserEntity, 'id' | 'role' | 'fullName'>,
  ): Promise<string> {
    const now = this.clock.now();
    const record = await loadApplicationRecord(manager, applicationId, actor, {
      lock: true,
      expectedVersion: request.version,
    });
    const plan = planFeedback(toFacts(record), stageId, request.decision, now);
    const holdUntil = holdUntilFor(
      request.decision,
      request.holdUntil ? new Date(request.holdUntil) : null,
      now,
      this.config.calendar,
    );
    const stage = findStage(record, stageId);
    const previous = record.currentFeedback.get(stageId) ?? null;
    const before = { ...auditedFeedback(previous), state: stage.state, ...auditedApplication(record) };
    const feedback = {
      decision: request.decision,
      rating: request.rating,
      candidateMessage: request.candidateMessage,
      internalNotes: request.internalNotes?.trim() || null,
      givenBy: request.givenBy || null,
    };

    const inserted = await manager.insert(FeedbackEntity, {
      ...feedback,
      stageId,
      applicationId,
      recordedBy: actor.id,
      recordedAt: now,
      holdUntil,
      supersedesId: previous?.id ?? null,
      version: (previous?.version ?? 0) + 1,
    });
    // Feedback given before the interview's booked time means it will not take place then: the
    // candidate's email takes it out of their calendar, as a rejection's or an offer's does.
    const cancelled =
      upcomingInterview(record.stages, now)?.id === stageId
        ? await cancelUpcomingInterview(manager, record, now)
        : undefined;
    if (cancelled) stage.calendarSequence = cancelled.sequence;
    stage.heldAt = stage.heldAt ?? now;
    stage.state = StageState.FeedbackRecorded;
    await manager.save(ApplicationStageEntity, stage);
    await this.applyOutcome(manager, record, plan, request, actor, cancelled);
    await this.audit.record(manager, {
      actor,
      action: plan.correction ? AuditAction.FeedbackCorrected : AuditAction.FeedbackRecorded,
      entity: { type: AuditEntityType.Application, id: applicationId },
      context: { stage: stage.name },
      before,
      after: { ...auditedFeedback(feedback), state: stage.state, ...auditedApplication(record) },
    });
    return String(inserted.identifiers[0]?.['id']);
  }

  private async applyOutcome(
    manager: EntityManager,
    record: ApplicationRecord,
    plan: FeedbackPlan,
    request: RecordFeedbackRequest,
    actor: Pick<UserEntity, 'id' | 'role' | 'fullName'>,
    cancelled: InterviewChange | undefined,
  ): Promise<void> {
    const { application } = record;
    const { outcome } = plan;
    const events: NewTimelineEvent[] = [
      {
        applicationId: application.id,
        type: plan.correction ? TimelineEventType.FeedbackCorrected : TimelineEventType.FeedbackRecorded,
        stageId: outcome.stage.id,
        text: feedbackText(outcome.stage.name, request.candidateMessage),
        candidateVisible: true,
        actorId: actor.id,
        interview: cancelled,
      },
      {
        applicationId: application.id,
        type: plan.correction ? TimelineEventType.FeedbackCorrected : TimelineEventType.FeedbackRecorded,
        stageId: outcome.stage.id,
        text: feedbackRecordedByText(actor.fullName, {
          decision: request.decision,
          rating: request.rating,
          stageName: outcome.stage.name,
          givenBy: request.givenBy,
        }),
        candidateVisible: false,
        actorId: actor.id,
      },
    ];
    application.status = outcome.status;
    switch (outcome.kind) {
      case 'next_stage':
        application.currentStageId = outcome.nextStage.id;
        events.push({
          applicationId: application.id,
          type: TimelineEventType.StageStarted,
          stageId: outcome.nextStage.id,
          text: throughToStageText(outcome.nextStage.name),
          candidateVisible: true,
          actorId: actor.id,
        });
        break;
      case 'offer':
        // No reply date yet: the candidate is asked to reply once the recruiter writes the offer's terms.
        application.offerReplyBy = null;
        events.push({
          applicationId: application.id,
          type: TimelineEventType.OfferMade,
          text: PASSED_EVERY_STAGE_TEXT,
          candidateVisible: true,
          actorId: actor.id,
        });
        break;
      case 'rejected':
        application.rejectionMessage = request.candidateMessage;
        events.push({
          applicationId: application.id,
          type: TimelineEventType.Rejected,
          text: CLOSED_AFTER_FEEDBACK_TEXT,
          candidateVisible: true,
          actorId: actor.id,
        });
        break;
      case 'on_hold':
        break;
    }
    await saveApplicationChange(manager, application);
    await this.timeline.append(manager, ...events);
  }
}

function findStage(record: ApplicationRecord, stageId: string): ApplicationStageEntity {
  const stage = record.stages.find((candidate) => candidate.id === stageId);
  if (!stage) {
    // planSchedule/planFeedback already refused unknown stages; reaching here is a programming error.
    throw new Error(`stage ${stageId} not loaded`);
  }
  return stage;
}
