import { ErrorCode, FeedbackDecision, StageState, WaitingFor } from '@heardback/contracts';
import {
  ApplicationFacts,
  DomainError,
  Viewer,
  canViewApplication,
  effectiveStageState,
  waitingFor,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  StageClientInterviewer,
  StageClientInterviewerRow,
  clientInterviewersByStage,
  stageClientInterviewersSql,
} from '../clients/client-contact-records';
import { entityJson, hydrate } from '../database/hydrate';
import { lazyPrepared, preparedShape, queryPrepared } from '../database/prepared-statement';
import { rememberApplicationLocks } from '../database/transaction-locks';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { ApplicationStageEntity } from './application-stage.entity';
import { ApplicationEntity } from './application.entity';

/** An application with its stages and each stage's current feedback version, as stored. */
export interface ApplicationRecord {
  application: ApplicationEntity;
  stages: ApplicationStageEntity[];
  currentFeedback: Map<string, FeedbackEntity>;
}

/**
 * What a command also reads with the stages once it holds the application's lock, in the same
 * statement: its job's facts and each stage's picked client interviewers (scheduling needs both, and
 * two round trips more on the recruiter's busiest path cost more than two index reads for every command).
 */
export interface LockedApplicationRecord extends ApplicationRecord {
  job: { clientId: string; answerWithinWorkingDays: number };
  /** Each stage's picked client interviewers, by name; a stage with none is not in it. */
  clientInterviewers: Map<string, StageClientInterviewer[]>;
}

export function notFound(): DomainError {
  return new DomainError(ErrorCode.NotFound, 'This application does not exist or is not yours to see.');
}

/**
 * Each stage's current feedback (its highest version), of the applications whose id is
 * `f.application_id ${applicationMatch}`: the one place the rule is written in SQL.
 */
export function currentFeedbackSql(columns: string, applicationMatch: string): string {
  return `SELECT DISTINCT ON (f.stage_id) ${columns} FROM feedback f WHERE f.application_id ${applicationMatch}
           ORDER BY f.stage_id, f.version DESC`;
}

/**
 * An application's stages in pipeline order and each stage's current feedback version, as JSON. One
 * application's rows, not a list: a pipeline has at most PIPELINE_MAX_STAGES stages (libs/domain's
 * job-pipeline.ts), and each stage one current feedback.
 */
const stagesAndFeedback = (connection: DataSource) => `
  (SELECT coalesce(json_agg(${entityJson(connection, ApplicationStageEntity, 's')} ORDER BY s.position), '[]')
     FROM application_stages s WHERE s.application_id = $1) AS stages,
  (SELECT coalesce(json_agg(${entityJson(connection, FeedbackEntity, 'f')}), '[]')
     FROM (${currentFeedbackSql('f.*', '= $1')}) f) AS feedback`;

/** The application, its stages and their current feedback: one statement, one snapshot. */
const APPLICATION_RECORD = lazyPrepared(
  (connection) =>
    `SELECT ${entityJson(connection, ApplicationEntity, 'a')} AS application, ${stagesAndFeedback(connection)}
       FROM applications a WHERE a.id = $1`,
);
/** The application, locked for the rest of the transaction. */
const LOCKED_APPLICATION = lazyPrepared(
  (connection) =>
    `SELECT ${entityJson(connection, ApplicationEntity, 'a')} AS application FROM applications a WHERE a.id = $1 FOR UPDATE`,
);
/**
 * Its stages and feedback, its job's facts and each stage's picked client interviewers (by name), read
 * by a statement after the lock's: its snapshot is taken once the lock is held, so it sees everything
 * the transaction that held it before committed. (Read in the locking statement, they would come from
 * the snapshot taken before it waited.) Bounded: at most PIPELINE_MAX_STAGES stages, each with one
 * current feedback and at most INTERVIEWERS_MAX picked interviewers.
 */
const LOCKED_CHILDREN_OF = lazyPrepared(
  (connection) => `SELECT ${stagesAndFeedback(connection)},
     (SELECT json_build_object('client_id', j.client_id, 'answer_within_working_days', j.answer_within_working_days)
        FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.id = $1) AS job,
     (SELECT coalesce(json_agg(picked ORDER BY lower(picked.full_name), picked.id), '[]')
        FROM (${stageClientInterviewersSql('ARRAY(SELECT s.id FROM application_stages s WHERE s.application_id = $1)')}) picked)
       AS client_interviewers`,
);

interface LockedChildren {
  stages: Json[];
  feedback: Json[];
  job: { client_id: string; answer_within_working_days: number } | null;
  client_interviewers: StageClientInterviewerRow[];
}

type Json = Record<string, unknown>;

/**
 * Loads an application the viewer may see, or fails with 404 (never revealing that it exists).
 * With `lock`, the row is locked for the rest of the transaction, so concurrent changes queue up
 * and the version check below sees the winner's change, and the record also carries what commands
 * need of the job and the stages' client interviewers (`LockedApplicationRecord`). One prepared
 * statement, or two with the lock (ADR 0054, 0055): every command and every view of an application
 * starts here.
 */
export async function loadApplicationRecord(
  manager: EntityManager,
  id: string,
  viewer: Viewer,
  options: { lock: true; expectedVersion?: number },
): Promise<LockedApplicationRecord>;
export async function loadApplicationRecord(
  manager: EntityManager,
  id: string,
  viewer: Viewer,
  options?: { lock?: false; expectedVersion?: number },
): Promise<ApplicationRecord>;
export async function loadApplicationRecord(
  manager: EntityManager,
  id: string,
  viewer: Viewer,
  options: { lock?: boolean; expectedVersion?: number } = {},
): Promise<ApplicationRecord | LockedApplicationRecord> {
  // A lock outside a transaction would end with the statement (TypeORM refused one too).
  if (options.lock && !manager.queryRunner?.isTransactionActive) {
    throw new Error('loadApplicationRecord: a lock needs a transaction');
  }
  const [row] = await queryPrepared<{ application: Json; stages?: Json[]; feedback?: Json[] }>(
    manager,
    (options.lock ? LOCKED_APPLICATION : APPLICATION_RECORD)(manager),
    [id],
  );
  const application = row ? hydrate(manager, ApplicationEntity, row.application) : null;
  if (!application || !canViewApplication(viewer, application)) {
    throw notFound();
  }
  rememberAsRead(manager, application);
  if (options.lock) rememberApplicationLocks(manager, [application.id]);
  if (options.expectedVersion !== undefined && application.version !== options.expectedVersion) {
    throw new DomainError(
      ErrorCode.StaleVersion,
      `Someone else changed this application since you loaded it (you had version ${options.expectedVersion}, it is now ${application.version}). Reload to see what changed, then try again.`,
    );
  }
  if (!options.lock) return recordOf(manager, application, row.stages ?? [], row.feedback ?? []);
  const [children] = await queryPrepared<LockedChildren>(manager, LOCKED_CHILDREN_OF(manager), [id]);
  // A foreign key of the application, which the caller holds locked.
  if (!children.job) throw new Error(`application ${application.id}'s job ${application.jobId} is missing`);
  return {
    ...recordOf(manager, application, children.stages, children.feedback),
    job: {
      clientId: children.job.client_id,
      answerWithinWorkingDays: children.job.answer_within_working_days,
    },
    clientInterviewers: clientInterviewersByStage(children.client_interviewers),
  };
}

function recordOf(
  manager: EntityManager,
  application: ApplicationEntity,
  stagesJson: Json[],
  feedbackJson: Json[],
): ApplicationRecord {
  const stages = stagesJson.map((stage) => hydrate(manager, ApplicationStageEntity, stage));
  const feedback = feedbackJson.map((one) => hydrate(manager, FeedbackEntity, one));
  return { application, stages, currentFeedback: new Map(feedback.map((one) => [one.stageId, one])) };
}

/** The stages of many applications and each stage's current feedback decision, as stored. */
export interface StageRecords {
  /** In pipeline order; empty for an application not asked for. */
  stagesOf(applicationId: string): ApplicationStageEntity[];
  decisionOf(stageId: string): FeedbackDecision | null;
}

/**
 * The stages of a list's applications, in pipeline order, and each stage's current decision, as JSON in
 * one prepared statement (ADR 0073): one round trip whatever the number of applications, and no entity
 * hydration by TypeORM's finder. Bounded by the caller's page: at most PIPELINE_MAX_STAGES stages per
 * application, each with one current decision.
 */
const STAGE_RECORDS_OF = lazyPrepared(
  (connection) => `SELECT
     (SELECT coalesce(json_agg(${entityJson(connection, ApplicationStageEntity, 's')} ORDER BY s.application_id, s.position), '[]')
        FROM application_stages s WHERE s.application_id = ANY($1)) AS stages,
     (SELECT coalesce(json_agg(json_build_object('stage_id', f.stage_id, 'decision', f.decision)), '[]')
        FROM (${currentFeedbackSql('f.stage_id, f.decision', '= ANY($1)')}) f) AS decisions`,
);

/** One statement, whatever the number of applications: lists never load their rows one by one. */
export async function loadStageRecords(manager: EntityManager, applicationIds: string[]): Promise<StageRecords> {
  if (applicationIds.length === 0) {
    return { stagesOf: () => [], decisionOf: () => null };
  }
  const [row] = await queryPrepared<{ stages: Json[]; decisions: { stage_id: string; decision: FeedbackDecision }[] }>(
    manager,
    STAGE_RECORDS_OF(manager),
    [applicationIds],
  );
  const stagesByApplication = new Map<string, ApplicationStageEntity[]>();
  for (const json of row.stages) {
    const stage = hydrate(manager, ApplicationStageEntity, json);
    const own = stagesByApplication.get(stage.applicationId);
    if (own) own.push(stage);
    else stagesByApplication.set(stage.applicationId, [stage]);
  }
  const decisionByStage = new Map(row.decisions.map((one) => [one.stage_id, one.decision]));
  return {
    stagesOf: (applicationId) => stagesByApplication.get(applicationId) ?? [],
    decisionOf: (stageId) => decisionByStage.get(stageId) ?? null,
  };
}

/** Where an application in a list stands, as the rules say: its current stage in its state now, and what it waits for. */
export interface ListStanding {
  current: { stage: ApplicationStageEntity; state: StageState } | null;
  waitingFor: WaitingFor;
}

export function standingOf(
  application: { id: string } & Pick<ApplicationEntity, 'status' | 'currentStageId' | 'offerReplyBy'>,
  records: StageRecords,
  now: Date,
): ListStanding {
  const stages = records.stagesOf(application.id);
  const facts = factsOf(application, stages, records.decisionOf);
  const index = stages.findIndex((stage) => stage.id === application.currentStageId);
  return {
    current: index >= 0 ? { stage: stages[index], state: effectiveStageState(facts.stages[index], now) } : null,
    waitingFor: waitingFor(facts, now),
  };
}

export function toFacts(record: ApplicationRecord): ApplicationFacts {
  return factsOf(record.application, record.stages, (stageId) => record.currentFeedback.get(stageId)?.decision ?? null);
}

/** What the domain rules need to know, from stored rows. */
export function factsOf(
  application: Pick<ApplicationEntity, 'status' | 'currentStageId' | 'offerReplyBy'>,
  stages: ApplicationStageEntity[],
  decisionOf: (stageId: string) => FeedbackDecision | null,
): ApplicationFacts {
  return {
    status: application.status,
    currentStageId: application.currentStageId,
    offerReplyBy: application.offerReplyBy,
    stages: stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      position: stage.position,
      state: stage.state,
      startsAt: stage.startsAt,
      endsAt: stage.endsAt,
      heldAt: stage.heldAt,
      currentDecision: decisionOf(stage.id),
    })),
  };
}

/**
 * Each application row as it was read by loadApplicationRecord, by column: what saveApplicationChange
 * compares with to write only what changed without reading the row again (save() would, to diff it).
 */
const asRead = new WeakMap<ApplicationEntity, Map<string, string>>();

/** A column's value as a comparable string: dates by instant, jsonb by its JSON. */
function comparable(value: unknown): string {
  return value instanceof Date ? `d${value.getTime()}` : `j${JSON.stringify(value ?? null)}`;
}

function rememberAsRead(manager: EntityManager, application: ApplicationEntity): void {
  const columns = manager.connection.getMetadata(ApplicationEntity).columns;
  asRead.set(
    application,
    new Map(columns.map((column) => [column.propertyName, comparable(column.getEntityValue(application))])),
  );
}

/**
 * Every change to an application bumps its version; the caller saves it in the same transaction.
 * A row read (and locked) by loadApplicationRecord is written as one UPDATE of the columns that
 * changed, version included; any other goes through save().
 */
export async function saveApplicationChange(manager: EntityManager, application: ApplicationEntity): Promise<void> {
  application.version += 1;
  const before = asRead.get(application);
  if (!before) {
    await manager.save(ApplicationEntity, application);
    return;
  }
  const { driver } = manager.connection;
  const assignments: string[] = [];
  const values: unknown[] = [];
  for (const column of manager.connection.getMetadata(ApplicationEntity).columns) {
    if (column.isUpdateDate || column.isCreateDate || column.isPrimary) continue;
    const value = column.getEntityValue(application);
    if (before.get(column.propertyName) === comparable(value)) continue;
    values.push(driver.preparePersistentValue(value, column));
    assignments.push(`"${column.databaseName}" = $${values.length}`);
  }
  // Prepared once per connection for each set of columns a command changes (a handful: ADR 0064);
  // updated_at is set by the UPDATE itself, as TypeORM would for the update-date column.
  values.push(application.id);
  const text = `UPDATE applications SET ${assignments.join(', ')}, "updated_at" = CURRENT_TIMESTAMP WHERE id = $${values.length}`;
  await queryPrepared(manager, preparedShape(text), values);
  rememberAsRead(manager, application);
}
