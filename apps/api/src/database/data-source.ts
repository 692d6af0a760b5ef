import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ApplicationStageEntity } from '../applications/application-stage.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { SessionEntity } from '../auth/session.entity';
import { ClientEntity } from '../clients/client.entity';
import { CandidateDocumentEntity } from '../documents/candidate-document.entity';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { JobClosureEntity } from '../job-closures/job-closure.entity';
import { JobEntity } from '../jobs/job.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { TimelineEventEntity } from '../timeline/timeline-event.entity';
import { UserEntity } from '../users/user.entity';
import { CreateCoreSchema1795742600000 } from './migrations/1795742600000-create-core-schema';
import { CreateNotificationOutbox1795747200000 } from './migrations/1795747200000-create-notification-outbox';
import { CreateCandidateUpdates1795750800000 } from './migrations/1795750800000-create-candidate-updates';
import { AddUpdateRequestReminders1795754400000 } from './migrations/1795754400000-add-update-request-reminders';
import { CreateApplicationLastHeard1795758000000 } from './migrations/1795758000000-create-application-last-heard';
import { AddTimelineEventStage1795761600000 } from './migrations/1795761600000-add-timeline-event-stage';
import { AddAccountLifecycle1795765200000 } from './migrations/1795765200000-add-account-lifecycle';
import { CreateRateLimits1795768800000 } from './migrations/1795768800000-create-rate-limits';
import { CreateAuditTrail1795772400000 } from './migrations/1795772400000-create-audit-trail';
import { TrackDemoPasswords1795776000000 } from './migrations/1795776000000-track-demo-passwords';
import { OrderMailPerRecipient1795779600000 } from './migrations/1795779600000-order-mail-per-recipient';
import { AddInterviewInvites1795783200000 } from './migrations/1795783200000-add-interview-invites';
import { AnswerWithinWorkingDays1795786800000 } from './migrations/1795786800000-answer-within-working-days';
import { CreateApplicationPromises1795794000000 } from './migrations/1795794000000-create-application-promises';
import { AddViewerTimeZones1795790400000 } from './migrations/1795790400000-add-viewer-time-zones';
import { AddAgencyMailDigests1795801200000 } from './migrations/1795801200000-add-agency-mail-digests';
import { AddApplicationFinding1795819200000 } from './migrations/1795819200000-add-application-finding';
import { CreateIdempotencyKeys1795826400000 } from './migrations/1795826400000-create-idempotency-keys';
import { CreateOffers1795815600000 } from './migrations/1795815600000-create-offers';
import { AddWorkReassignment1795797600000 } from './migrations/1795797600000-add-work-reassignment';
import { CreateCandidateDocuments1795804800000 } from './migrations/1795804800000-create-candidate-documents';
import { AddDataRights1795812000000 } from './migrations/1795812000000-add-data-rights';
import { AddScreeningAndConsent1795808400000 } from './migrations/1795808400000-add-screening-and-consent';
import { CreateBackgroundHeartbeats1795830000000 } from './migrations/1795830000000-create-background-heartbeats';
import { AddJobPayPeriod1795833600000 } from './migrations/1795833600000-add-job-pay-period';
import { AddOutgoingMailFilterIndexes1795844400000 } from './migrations/1795844400000-add-outgoing-mail-filter-indexes';
import { StoreApplicationLastHeard1795848000000 } from './migrations/1795848000000-store-application-last-heard';
import { PageAgencyLists1795855200000 } from './migrations/1795855200000-page-agency-lists';
import { MakePublicSearchFast1795858800000 } from './migrations/1795858800000-make-public-search-fast';
import { CreateClientReviewLoop1795862400000 } from './migrations/1795862400000-create-client-review-loop';
import { AddScoreIndexes1795876800000 } from './migrations/1795876800000-add-score-indexes';
import { IndexOfferReplySweep1795884000000 } from './migrations/1795884000000-index-offer-reply-sweep';
import { StoreScoreFacts1795891200000 } from './migrations/1795891200000-store-score-facts';
import { StoreStageFeedbackMarks1795898400000 } from './migrations/1795898400000-store-stage-feedback-marks';
import { StoreStageOwner1795920000000 } from './migrations/1795920000000-store-stage-owner';
import { IndexOpenEscalations1795920100000 } from './migrations/1795920100000-index-open-escalations';
import { IndexAgencyUsersByRole1795927200000 } from './migrations/1795927200000-index-agency-users-by-role';
import { CountJobsByStatus1795934400000 } from './migrations/1795934400000-count-jobs-by-status';
import { StoreScoreInterviewers1795941600000 } from './migrations/1795941600000-store-score-interviewers';
import { CacheScorePeriods1795941600001 } from './migrations/1795941600001-cache-score-periods';
import { CountApplicationsByStatus1795948600000 } from './migrations/1795948600000-count-applications-by-status';
import { CountFeedbackWaitingByDay1795948700000 } from './migrations/1795948700000-count-feedback-waiting-by-day';
import { MarkDecisionDatesAlerted1795948800000 } from './migrations/1795948800000-mark-decision-dates-alerted';
import { IndexCandidateApplications1795955300000 } from './migrations/1795955300000-index-candidate-applications';
import { SatisfactionAnswersCarryTheirJob1795955400000 } from './migrations/1795955400000-satisfaction-answers-carry-their-job';
import { JobClientNameWaitsForARename1795955500000 } from './migrations/1795955500000-job-client-name-waits-for-a-rename';
import { ScoreFactsRefreshedByKind1795955600000 } from './migrations/1795955600000-score-facts-refreshed-by-kind';
import { ScoreFactsFollowWhatAStageFeeds1795955700000 } from './migrations/1795955700000-score-facts-follow-what-a-stage-feeds';
import { IndexTimelineChases1795955800000 } from './migrations/1795955800000-index-timeline-chases';
import { IndexAgencyUsersByName1795955900000 } from './migrations/1795955900000-index-agency-users-by-name';
import { IndexOpenApplicationsByJobForSilence1795956000000 } from './migrations/1795956000000-index-open-applications-by-job-for-silence';
import { BlankKeysInSentMail1795956100000 } from './migrations/1795956100000-blank-keys-in-sent-mail';
import { BlankKeysInGivenUpMail1795956200000 } from './migrations/1795956200000-blank-keys-in-given-up-mail';
import { CalendarInvitesWrittenWhenSent1795956300000 } from './migrations/1795956300000-calendar-invites-written-when-sent';
import { ScorePromiseFactsFollowOnePromise1795956400000 } from './migrations/1795956400000-score-promise-facts-follow-one-promise';
import { ApplicationUpdatesKeptOnTheirPage1795956500000 } from './migrations/1795956500000-application-updates-kept-on-their-page';
import { RegistrationsWaitForTheirLink1795956600000 } from './migrations/1795956600000-registrations-wait-for-their-link';
import { ClosingAJobWaitsForFeedback1795956700000 } from './migrations/1795956700000-closing-a-job-waits-for-feedback';
import { OffersStillToWriteAskNoReply1795956800000 } from './migrations/1795956800000-offers-still-to-write-ask-no-reply';
import { AgencyAccountsByInvitation1795956900000 } from './migrations/1795956900000-agency-accounts-by-invitation';
import { FeedbackWaitingCountsWithoutAHotRow1795957000000 } from './migrations/1795957000000-feedback-waiting-counts-without-a-hot-row';
import { ApplicationStatusCountsWithoutAHotRow1795957100000 } from './migrations/1795957100000-application-status-counts-without-a-hot-row';
import { SnakeNamingStrategy } from './snake-naming-strategy';
import { ForgetLocksWhenTransactionsEnd } from './transaction-locks';

export const entities = [
  UserEntity,
  SessionEntity,
  ClientEntity,
  JobEntity,
  ApplicationEntity,
  ApplicationStageEntity,
  FeedbackEntity,
  TimelineEventEntity,
  NotificationEntity,
  JobClosureEntity,
  CandidateDocumentEntity,
];

/** Listed explicitly (not globbed) so the bundled API and the CLI run the same migrations. */
export const migrations = [
  CreateCoreSchema1795742600000,
  CreateNotificationOutbox1795747200000,
  CreateCandidateUpdates1795750800000,
  AddUpdateRequestReminders1795754400000,
  CreateApplicationLastHeard1795758000000,
  AddTimelineEventStage1795761600000,
  AddAccountLifecycle1795765200000,
  CreateRateLimits1795768800000,
  CreateAuditTrail1795772400000,
  TrackDemoPasswords1795776000000,
  OrderMailPerRecipient1795779600000,
  AddInterviewInvites1795783200000,
  AnswerWithinWorkingDays1795786800000,
  AddViewerTimeZones1795790400000,
  CreateApplicationPromises1795794000000,
  AddWorkReassignment1795797600000,
  AddAgencyMailDigests1795801200000,
  CreateCandidateDocuments1795804800000,
  AddScreeningAndConsent1795808400000,
  AddDataRights1795812000000,
  CreateOffers1795815600000,
  AddApplicationFinding1795819200000,
  CreateIdempotencyKeys1795826400000,
  CreateBackgroundHeartbeats1795830000000,
  AddJobPayPeriod1795833600000,
  AddOutgoingMailFilterIndexes1795844400000,
  StoreApplicationLastHeard1795848000000,
  PageAgencyLists1795855200000,
  MakePublicSearchFast1795858800000,
  CreateClientReviewLoop1795862400000,
  AddScoreIndexes1795876800000,
  IndexOfferReplySweep1795884000000,
  StoreScoreFacts1795891200000,
  StoreStageFeedbackMarks1795898400000,
  StoreStageOwner1795920000000,
  IndexOpenEscalations1795920100000,
  IndexAgencyUsersByRole1795927200000,
  CountJobsByStatus1795934400000,
  StoreScoreInterviewers1795941600000,
  CacheScorePeriods1795941600001,
  CountApplicationsByStatus1795948600000,
  CountFeedbackWaitingByDay1795948700000,
  MarkDecisionDatesAlerted1795948800000,
  IndexCandidateApplications1795955300000,
  SatisfactionAnswersCarryTheirJob1795955400000,
  JobClientNameWaitsForARename1795955500000,
  ScoreFactsRefreshedByKind1795955600000,
  ScoreFactsFollowWhatAStageFeeds1795955700000,
  IndexTimelineChases1795955800000,
  IndexAgencyUsersByName1795955900000,
  IndexOpenApplicationsByJobForSilence1795956000000,
  BlankKeysInSentMail1795956100000,
  BlankKeysInGivenUpMail1795956200000,
  CalendarInvitesWrittenWhenSent1795956300000,
  ScorePromiseFactsFollowOnePromise1795956400000,
  ApplicationUpdatesKeptOnTheirPage1795956500000,
  RegistrationsWaitForTheirLink1795956600000,
  ClosingAJobWaitsForFeedback1795956700000,
  OffersStillToWriteAskNoReply1795956800000,
  AgencyAccountsByInvitation1795956900000,
  FeedbackWaitingCountsWithoutAHotRow1795957000000,
  ApplicationStatusCountsWithoutAHotRow1795957100000,
];

/** How long the API waits on PostgreSQL; absent (the CLI, migrations) waits as long as a statement takes. */
export interface DatabaseLimits {
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs?: number;
  queryTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/**
 * The one place the database connection is described, for the app and for the TypeORM CLI. With
 * replicas, TypeORM keeps a pool per server; every query still goes to the primary unless it asks
 * for a replica (`defaultMode: 'master'`; see read-replica.ts), so nothing reads its own write late.
 */
export function dataSourceOptions(
  databaseUrl: string,
  limits?: DatabaseLimits,
  replicaUrls: readonly string[] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    ...(replicaUrls.length === 0
      ? { url: databaseUrl }
      : {
          replication: {
            master: { url: databaseUrl },
            slaves: replicaUrls.map((url) => ({ url })),
            defaultMode: 'master' as const,
          },
        }),
    entities,
    migrations,
    subscribers: [ForgetLocksWhenTransactionsEnd],
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    extra: { application_name: 'heardback-api', ...poolOptions(limits) },
  };
}

/**
 * node-postgres pool options for these limits, shared with the job queue's own pool (pg-boss).
 * `connectionTimeoutMillis` also bounds the wait for a free pooled connection, so a frozen database
 * turns into quick errors (then 503s) instead of requests queueing for as long as it lasts.
 */
export function poolOptions(limits: DatabaseLimits | undefined): Record<string, number | boolean> {
  if (!limits) return { max: 10 };
  return {
    max: limits.poolSize,
    connectionTimeoutMillis: limits.connectTimeoutMs,
    keepAlive: true,
    ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}),
    ...(limits.queryTimeoutMs ? { query_timeout: limits.queryTimeoutMs } : {}),
    ...(limits.idleInTransactionTimeoutMs
      ? { idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs }
      : {}),
  };
}

// The TypeORM CLI (npm run db:*) loads this default export.
export default new DataSource(
  dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/heardback'),
);
