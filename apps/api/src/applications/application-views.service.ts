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
  TimelineInterviewSlot,
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
import { DataSource, EntityManager, In } from 'typeorm';
import { formatAgencyTime } from '../config/agency-time';
import { loadStageClientInterviewers } from '../clients/client-contact-records';
import { loadApplicationDocuments } from '../documents/application-documents';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { TimelineEventEntity } from '../timeline/timeline-event.entity';
import { UserEntity } from '../users/user.entity';
import { ApplicationEntity } from './application.entity';
import { PromiseRow, storedPromise } from '../promises/promise-facts';
import { loadPromiseChain, toPromiseView } from '../promises/promise-view';
import { loadNewestOffer, toOfferView } from '../offers/offer-records';
import { ApplicationRecord, loadApplicationRecord, toFacts } from './application-records';
import { prepared, queryPrepared } from '../database/prepared-statement';

type FeedbackOf<F extends CandidateFeedbackView> = (feedback: FeedbackEntity, recorders: Map<string, string>) => F;
/** The candidate as the views show them. */
type CandidateFacts = Pick<
  UserEntity,
  'id' | 'fullName' | 'emailVerifiedAt' | 'email' | 'phone' | 'location' | 'timeZone' | 'profileLink'
>;
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
    const { job, candidate } = await loadJobAndCandidate(manager, application);
    const internal = canSeeInternalDetails(viewer);
    const events = await manager.find(TimelineEventEntity, {
      where: { applicationId: id, ...(internal ? {} : { candidateVisible: true }) },
      order: { at: 'ASC', id: 'ASC' },
    });
    const recorders = await this.recorderNames(record);
    const said = await loadCandidateSaid(manager, id);
    const lastRequest = said.lastUpdateRequest;
    const allowedFrom = nextUpdateRequestAllowedAt(lastRequest?.created_at ?? null);
    const now = this.clock.now();
    const facts = toFacts(record);
    const promiseChain = await loadPromiseChain(manager, id);
    const agencyOnly = internal
      ? {
          candidate,
          documents: await loadApplicationDocuments(manager, application),
          said: said.view,
        }
      : null;
    // Every stage's picked client interviewers in one query; candidates are never sent them.
    const clientInterviewers = internal
      ? await loadStageClientInterviewers(
          manager,
          record.stages.map((stage) => stage.id),
        )
      : null;
    return {
      id: application.id,
      status: application.status,
      version: application.version,
      waitingFor: waitingFor(facts, now),
      currentStageId: stageInProgress(facts)?.id ?? null,
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
          ...(clientInterviewers
            ? { interviewers: stage.interviewers, clientInterviewers: clientInterviewers.get(stage.id) ?? [] }
            : {}),
        };
      }),
      timeline: events.map((event) => ({
        at: event.at.toISOString(),
        type: event.type,
        stageId: event.stageId,
        text: event.text,
        interview: interviewSlotOf(event, record.stages),
        date: dateOf(event, this.config.calendar.timeZone),
        ...(internal ? { toCandidate: event.candidateVisible } : {}),
      })),
      decisionDate: application.candidateDecisionAt?.toISOString() ?? null,
      updateRequestAllowedFrom:
        allowedFrom && allowedFrom.getTime() > this.clock.now().getTime() ? allowedFrom.toISOString() : null,
      updateRequestAnswerDueAt: lastRequest?.answered_at ? null : (lastRequest?.answer_due_at?.toISOString() ?? null),
      promise: toPromiseView(promiseChain),
      offer: toOfferView(await loadNewestOffer(manager, id)),
      ...audienceFacts(facts, now, promiseChain[0] ?? null, agencyOnly, application),
    };
  }

  private async recorderNames(record: ApplicationRecord): Promise<Map<string, string>> {
    const ids = [...new Set([...record.currentFeedback.values()].map((feedback) => feedback.recordedBy))];
    if (ids.length === 0) return new Map();
    const users = await this.dataSource.manager.findBy(UserEntity, { id: In(ids) });
    return new Map(users.map((user) => [user.id, user.fullName]));
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

const JOB_AND_CANDIDATE = prepared(
  `SELECT j.id AS job_id, j.title, j.client_id, c.name AS client_name,
            u.id AS candidate_id, u.full_name, u.email_verified_at, u.email, u.phone, u.location, u.time_zone, u.profile_link
       FROM jobs j JOIN clients c ON c.id = j.client_id, users u
      WHERE j.id = $1 AND u.id = $2`,
);

/**
 * The job, its client's name and the candidate, in one statement (a query builder's findOne with a
 * relation would first run a DISTINCT query for the id; two finds are two round trips).
 */
async function loadJobAndCandidate(
  manager: EntityManager,
  application: Pick<ApplicationEntity, 'jobId' | 'candidateId'>,
): Promise<{ job: { id: string; title: string; clientId: string; clientName: string }; candidate: CandidateFacts }> {
  const [row]: {
    job_id: string;
    title: string;
    client_id: string;
    client_name: string;
    candidate_id: string;
    full_name: string;
    email_verified_at: Date | null;
    email: string;
    phone: string | null;
    location: string | null;
    time_zone: string | null;
    profile_link: string | null;
  }[] = await queryPrepared(manager, JOB_AND_CANDIDATE, [application.jobId, application.candidateId]);
  // Both are foreign keys of the application, which the caller holds.
  if (!row) throw new Error(`application's job ${application.jobId} or candidate is missing`);
  return {
    job: { id: row.job_id, title: row.title, clientId: row.client_id, clientName: row.client_name },
    candidate: {
      id: row.candidate_id,
      fullName: row.full_name,
      emailVerifiedAt: row.email_verified_at,
      email: row.email,
      phone: row.phone,
      location: row.location,
      timeZone: row.time_zone,
      profileLink: row.profile_link,
    },
  };
}

const CANDIDATE_SAID = prepared(
  `SELECT DISTINCT ON (kind) kind, text, deadline, created_at, answer_due_at, answered_at FROM candidate_updates
      WHERE application_id = $1 AND kind IN ('other_offer', 'availability', 'request_update')
      ORDER BY kind, created_at DESC, id DESC`,
);

/**
 * What the candidate last sent of each kind, in one statement: their newest "other offer" and
 * "availability" (the agency sees them up front) and their newest update request (when they may
 * ask again, and by when the agency must answer).
 */
async function loadCandidateSaid(
  manager: EntityManager,
  applicationId: string,
): Promise<{
  view: CandidateSaidView;
  lastUpdateRequest: { created_at: Date; answer_due_at: Date | null; answered_at: Date | null } | null;
}> {
  const rows: {
    kind: string;
    text: string;
    deadline: Date | null;
    created_at: Date;
    answer_due_at: Date | null;
    answered_at: Date | null;
  }[] = await queryPrepared(manager, CANDIDATE_SAID, [applicationId]);
  const offer = rows.find((row) => row.kind === 'other_offer');
  const availability = rows.find((row) => row.kind === 'availability');
  return {
    view: {
      otherOffer: offer
        ? { text: offer.text, answerBy: offer.deadline?.toISOString() ?? null, at: offer.created_at.toISOString() }
        : null,
      availability: availability ? { text: availability.text, at: availability.created_at.toISOString() } : null,
    },
    lastUpdateRequest: rows.find((row) => row.kind === 'request_update') ?? null,
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

/** The slot an event placed or moved an interview to, as instants, for the reader to write in their zone. */
function interviewSlotOf(
  event: TimelineEventEntity,
  stages: readonly { id: string; name: string }[],
): TimelineInterviewSlot | null {
  const stage = stages.find((candidate) => candidate.id === event.stageId);
  if (!stage || !event.interviewStartsAt || !event.interviewEndsAt || event.interviewLocation === null) return null;
  return {
    stageName: stage.name,
    startsAt: event.interviewStartsAt.toISOString(),
    endsAt: event.interviewEndsAt.toISOString(),
    location: event.interviewLocation,
    was:
      event.interviewWasStartsAt && event.interviewWasEndsAt
        ? { startsAt: event.interviewWasStartsAt.toISOString(), endsAt: event.interviewWasEndsAt.toISOString() }
        : null,
  };
}

/** The date an event's text gives, as written there, so a page can write it in its reader's zone. */
function dateOf(event: TimelineEventEntity, agencyZone: string): { at: string; written: string } | null {
  if (!event.promiseDueAt) return null;
  const written = formatAgencyTime(event.promiseDueAt, agencyZone);
  return event.text.includes(written) ? { at: event.promiseDueAt.toISOString(), written } : null;
}
