import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  ApplicationDocumentsView,
  ApplicationStatus,
  ApplicationView,
  ApplicationViewBase,
  CandidateApplicationView,
  CandidateFeedbackView,
  CandidateSaidView,
  ErrorCode,
  FeedbackDecision,
  FeedbackView,
  StageView,
} from '@heardback/contracts';
import {
  ApplicationFacts,
  DomainError,
  Viewer,
  canSeeInternalDetails,
  effectiveStageState,
  isOpen,
  nextStageAfter,
  nextUpdateRequestAllowedAt,
  redatingsLeft,
  screeningAnswerDueAt,
  stageInProgress,
  stagesAnOfferSkips,
  stagesMissingFeedback,
  waitingFor,
} from '@heardback/domain';
import { DataSource } from 'typeorm';
import { loadApplicationDocuments } from '../documents/application-documents';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { toTimelineEntry } from '../timeline/timeline-entries';
import { ApplicationEntity } from './application.entity';
import { PromiseRow, storedPromise } from '../promises/promise-facts';
import { toPromiseView } from '../promises/promise-view';
import { toOfferView } from '../offers/offer-records';
import { loadApplicationRecord, toFacts } from './application-records';
import { CandidateFacts, loadApplicationViewDetails } from './application-view-reads';

type FeedbackOf<F extends CandidateFeedbackView> = (feedback: FeedbackEntity, recorders: Map<string, string>) => F;
/** What the agency alone is shown of the candidate: loaded only for agency viewers. */
interface AgencyOnlyFacts {
  candidate: CandidateFacts;
  documents: ApplicationDocumentsView;
  said: CandidateSaidView;
}
/** What one audience's view adds, from the rules. */
type AudienceFacts<Extra> = (
  facts: ApplicationFacts,
  now: Date,
  promise: PromiseRow | null,
  agencyOnly: AgencyOnlyFacts | null,
  application: ApplicationEntity,
) => Extra;

/**
 * Read models of applications. Rule 5 is applied here: candidates get no internal notes or internal
 * events, and their feedback carries only the words written for them (no rating, no interviewer's name).
 */
@Injectable()
export class ApplicationViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The view the viewer's audience receives: the agency's for agency people, the candidate's otherwise. */
  get(id: string, viewer: Viewer): Promise<ApplicationView | CandidateApplicationView> {
    return canSeeInternalDetails(viewer) ? this.getForAgency(id, viewer) : this.getForCandidate(id, viewer);
  }

  getForAgency(id: string, viewer: Viewer): Promise<ApplicationView> {
    if (!canSeeInternalDetails(viewer)) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the agency sees this view of an application.');
    }
    return this.build(id, viewer, toFeedbackView, (facts, now, promise, agencyOnly, application) => ({
      ...nextActions(facts, now),
      redatingsLeft: promise ? redatingsLeft(storedPromise(promise), viewer.role, this.config.promises) : null,
      ...candidateDetailsOf(agencyOnly),
      screeningAnswers: application.screeningAnswers,
    }));
  }

  getForCandidate(id: string, viewer: Viewer): Promise<CandidateApplicationView> {
    return this.build(id, viewer, toCandidateFeedbackView, () => ({}));
  }

  private async build<F extends CandidateFeedbackView, Extra extends object>(
    id: string,
    viewer: Viewer,
    feedbackOf: FeedbackOf<F>,
    audienceFacts: AudienceFacts<Extra>,
  ): Promise<ApplicationViewBase<F> & Extra> {
    const manager = this.dataSource.manager;
    const record = await loadApplicationRecord(manager, id, viewer);
    const { application } = record;
    const internal = canSeeInternalDetails(viewer);
    const { job, candidate, events, recorders, said, promiseChain, clientInterviewers, offer, chasedStageIds } =
      await loadApplicationViewDetails(manager, application, internal);
    const lastRequest = said.lastUpdateRequest;
    const allowedFrom = nextUpdateRequestAllowedAt(lastRequest?.created_at ?? null);
    const now = this.clock.now();
    const facts = toFacts(record);
    const agencyOnly = internal
      ? {
          candidate,
          documents: await loadApplicationDocuments(manager, application),
          said: said.view,
        }
      : null;
    return {
      id: application.id,
      status: application.status,
      version: application.version,
      waitingFor: waitingFor(facts, now),
      currentStageId: stageInProgress(facts)?.id ?? null,
      appliedAt: application.createdAt.toISOString(),
      screeningAnswerDueAt:
        application.status === ApplicationStatus.Applied
          ? screeningAnswerDueAt(application.createdAt, this.config.calendar).toISOString()
          : null,
      job: {
        id: job.id,
        title: job.title,
        clientName: job.clientName,
        ...(internal ? { clientId: job.clientId } : {}),
      },
      candidate: {
        id: candidate.id,
        fullName: candidate.fullName,
        ...(internal ? { emailVerified: candidate.emailVerifiedAt !== null } : {}),
      },
      stages: record.stages.map((stage, index): StageView<F> => {
        const feedback = record.currentFeedback.get(stage.id);
        return {
          id: stage.id,
          name: stage.name,
          position: stage.position,
          state: effectiveStageState(facts.stages[index], now),
          startsAt: stage.startsAt?.toISOString() ?? null,
          endsAt: stage.endsAt?.toISOString() ?? null,
          location: stage.location,
          feedbackDueAt: stage.feedbackDueAt?.toISOString() ?? null,
          feedback: feedback ? feedbackOf(feedback, recorders) : null,
          chased: chasedStageIds.has(stage.id),
          ...(clientInterviewers
            ? { interviewers: stage.interviewers, clientInterviewers: clientInterviewers.get(stage.id) ?? [] }
            : {}),
        };
      }),
      timeline: events.newest.map((event) =>
        toTimelineEntry(event, record.stages, internal, this.config.calendar.timeZone),
      ),
      earlierTimelineCursor: events.earlierCursor,
      decisionDate: application.candidateDecisionAt?.toISOString() ?? null,
      updateRequestAllowedFrom:
        allowedFrom && allowedFrom.getTime() > this.clock.now().getTime() ? allowedFrom.toISOString() : null,
      updateRequestAnswerDueAt: lastRequest?.answered_at ? null : (lastRequest?.answer_due_at?.toISOString() ?? null),
      promise: toPromiseView(promiseChain),
      offer: toOfferView(offer),
      closingWords:
        application.status === ApplicationStatus.Rejected || application.status === ApplicationStatus.JobClosed
          ? application.rejectionMessage
          : null,
      ...audienceFacts(facts, now, promiseChain[0] ?? null, agencyOnly, application),
    };
  }
}

/** What the agency's next actions would do, as the rules decide it, so the portal need not work it out. */
function nextActions(
  facts: ApplicationFacts,
  now: Date,
): Pick<ApplicationView, 'nextStageId' | 'offerSkipsStageIds' | 'feedbackOwedStageIds'> {
  // No stage in progress: an offer was made or the application is closed, so neither action is left.
  const current = stageInProgress(facts);
  return {
    nextStageId: current ? (nextStageAfter(facts, current)?.id ?? null) : null,
    offerSkipsStageIds: current ? stagesAnOfferSkips(facts, now).map((stage) => stage.id) : [],
    feedbackOwedStageIds: isOpen(facts.status) ? stagesMissingFeedback(facts, now).map((stage) => stage.id) : [],
  };
}

/** How to reach the candidate and what they sent: the agency's view only (loaded for agency viewers alone). */
function candidateDetailsOf(
  agencyOnly: AgencyOnlyFacts | null,
): Pick<ApplicationView, 'candidateDetails' | 'documents' | 'candidateSaid'> {
  if (!agencyOnly) throw new DomainError(ErrorCode.Forbidden, 'Only the agency sees how to reach a candidate.');
  const { candidate, documents, said } = agencyOnly;
  return {
    candidateDetails: {
      email: candidate.email,
      phone: candidate.phone,
      location: candidate.location,
      timeZone: candidate.timeZone,
      profileLink: candidate.profileLink,
    },
    documents,
    candidateSaid: said,
  };
}

/** Built key by key, so nothing meant for the agency can reach a candidate by being spread in. */
function toCandidateFeedbackView(feedback: FeedbackEntity): CandidateFeedbackView {
  return {
    id: feedback.id,
    candidateMessage: feedback.candidateMessage,
    recordedAt: feedback.recordedAt.toISOString(),
    onHold: feedback.decision === FeedbackDecision.Hold,
  };
}

function toFeedbackView(feedback: FeedbackEntity, recorders: Map<string, string>): FeedbackView {
  return {
    ...toCandidateFeedbackView(feedback),
    decision: feedback.decision,
    rating: feedback.rating,
    internalNotes: feedback.internalNotes,
    givenBy: feedback.givenBy ?? recorders.get(feedback.recordedBy) ?? null,
    version: feedback.version,
  };
}
