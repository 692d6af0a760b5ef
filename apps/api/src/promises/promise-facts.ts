import { ApplicationStatus, FeedbackDecision, PromiseKind } from '@heardback/contracts';
import { OPEN_STATUSES, PromiseFacts, StoredPromise } from '@heardback/domain';
import { EntityManager } from 'typeorm';
import { currentFeedbackSql, factsOf } from '../applications/application-records';
import { ApplicationStageEntity } from '../applications/application-stage.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { entityJson, hydrate } from '../database/hydrate';
import { forIds, lazyPrepared, pickForIds, queryPrepared } from '../database/prepared-statement';

/**
 * An open application's promise facts, with when the candidate last heard from the agency and its open
 * promise as stored (locked), if it has one.
 */
export interface OpenApplicationPromiseFacts {
  applicationId: string;
  facts: PromiseFacts;
  lastHeardAt: Date;
  openPromise: PromiseRow | null;
}

interface FactsRow {
  id: string;
  status: ApplicationStatus;
  current_stage_id: string | null;
  created_at: Date;
  offer_reply_by: Date | null;
  screening_within_working_days: number;
  current_answer_due_at: Date | null;
  last_decision_at: Date | null;
  hold_until: Date | null;
  request_answer_due_at: Date | null;
  last_heard_at: Date;
  /** The application's stages, rows as JSON, in pipeline order. */
  stages: Record<string, unknown>[];
  /** Each stage's current feedback decision, by stage id. */
  decisions: Record<string, FeedbackDecision>;
  /** The open promise's columns (`PROMISE_COLUMNS`, prefixed `promise_`), all null when there is none. */
  promise_id: string | null;
  promise_application_id: string | null;
  promise_kind: PromiseKind | null;
  promise_stage_id: string | null;
  promise_due_at: Date | null;
  promise_made_by: string | null;
  promise_automatic: boolean | null;
  promise_redatings: number | null;
  promise_sentence: string | null;
  promise_check_in_at: Date | null;
  promise_replaces_id: string | null;
}

/** A promise row's columns, in the order `PromiseRow` lists them. */
const PROMISE_COLUMN_LIST = [
  'id',
  'application_id',
  'kind',
  'stage_id',
  'due_at',
  'made_by',
  'automatic',
  'redatings',
  'sentence',
  'check_in_at',
  'replaces_id',
] as const satisfies readonly (keyof PromiseRow)[];

export const PROMISE_COLUMNS = PROMISE_COLUMN_LIST.join(', ');

const OPEN_APPLICATION_FACTS = forIds((match) =>
  lazyPrepared(
    (
      connection,
    ) => `SELECT a.id, a.status, a.current_stage_id, a.created_at, a.offer_reply_by, j.screening_within_working_days,
            cs.feedback_due_at AS current_answer_due_at,
            (SELECT max(f.recorded_at) FROM feedback f WHERE f.application_id = a.id) AS last_decision_at,
            (SELECT f.hold_until FROM feedback f WHERE f.stage_id = a.current_stage_id ORDER BY f.version DESC LIMIT 1) AS hold_until,
            (SELECT min(cu.answer_due_at) FROM candidate_updates cu
              WHERE cu.application_id = a.id AND cu.kind = 'request_update' AND cu.answered_at IS NULL) AS request_answer_due_at,
            a.last_heard_at,
            (SELECT coalesce(json_agg(${entityJson(connection, ApplicationStageEntity, 's')} ORDER BY s.position), '[]')
               FROM application_stages s
              WHERE s.application_id = a.id) AS stages,
            (SELECT coalesce(json_object_agg(d.stage_id, d.decision), '{}')
               FROM (${currentFeedbackSql('f.stage_id, f.decision', '= a.id')}) d) AS decisions,
            ${PROMISE_COLUMN_LIST.map((column) => `p.${column} AS promise_${column}`).join(', ')}
       FROM applications a
       JOIN jobs j ON j.id = a.job_id
       LEFT JOIN application_stages cs ON cs.id = a.current_stage_id
       -- Its open promise (one at most: application_promises_one_open), locked here rather than in a
       -- statement of its own: the keeper is about to end, re-date or keep it.
       LEFT JOIN LATERAL (
         SELECT ${PROMISE_COLUMNS} FROM application_promises op
          WHERE op.application_id = a.id AND op.ended_at IS NULL
            FOR UPDATE
       ) p ON true
      WHERE a.id ${match} AND a.status = ANY($2)`,
  ),
);

/**
 * One statement however many applications: closing a job settles thousands in one change. Locks each
 * open application's open promise (FOR UPDATE), so call it in the transaction that settles them.
 */
export async function loadPromiseFacts(
  manager: EntityManager,
  applicationIds: string[],
): Promise<OpenApplicationPromiseFacts[]> {
  const facts = pickForIds(OPEN_APPLICATION_FACTS, applicationIds);
  const rows = await queryPrepared<FactsRow>(manager, facts.statement(manager), [facts.ids, OPEN_STATUSES]);
  return rows.map((row) => ({
    applicationId: row.id,
    lastHeardAt: row.last_heard_at,
    facts: {
      ...factsOf(
        { status: row.status, currentStageId: row.current_stage_id, offerReplyBy: row.offer_reply_by } as Pick<
          ApplicationEntity,
          'status' | 'currentStageId' | 'offerReplyBy'
        >,
        row.stages.map((stage) => hydrate(manager, ApplicationStageEntity, stage)),
        (stageId) => row.decisions[stageId] ?? null,
      ),
      appliedAt: row.created_at,
      screeningWithinWorkingDays: row.screening_within_working_days,
      currentStageAnswerDueAt: row.current_answer_due_at,
      lastDecisionAt: row.last_decision_at,
      holdUntil: row.hold_until,
      updateRequestAnswerDueAt: row.request_answer_due_at,
      offerReplyBy: row.offer_reply_by,
    },
    openPromise: openPromiseOf(row),
  }));
}

/** The open promise the LEFT JOIN brought, or null: its columns are all null when there is none. */
function openPromiseOf(row: FactsRow): PromiseRow | null {
  const {
    promise_id: id,
    promise_application_id: applicationId,
    promise_kind: kind,
    promise_due_at: dueAt,
    promise_automatic: automatic,
    promise_redatings: redatings,
  } = row;
  if (id === null || applicationId === null || kind === null || dueAt === null) return null;
  if (automatic === null || redatings === null) return null;
  return {
    id,
    application_id: applicationId,
    kind,
    stage_id: row.promise_stage_id,
    due_at: dueAt,
    made_by: row.promise_made_by,
    automatic,
    redatings,
    sentence: row.promise_sentence,
    check_in_at: row.promise_check_in_at,
    replaces_id: row.promise_replaces_id,
  };
}

/** A promise row as stored. */
export interface PromiseRow {
  id: string;
  application_id: string;
  kind: PromiseKind;
  stage_id: string | null;
  due_at: Date;
  made_by: string | null;
  automatic: boolean;
  redatings: number;
  sentence: string | null;
  check_in_at: Date | null;
  replaces_id: string | null;
}

export function storedPromise(row: PromiseRow): StoredPromise {
  return {
    kind: row.kind,
    stageId: row.stage_id,
    dueAt: row.due_at,
    madeBy: row.made_by,
    automatic: row.automatic,
    redatings: row.redatings,
  };
}
