import { CandidateSaidView, TIMELINE_PAGE_SIZE } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import {
  StageClientInterviewer,
  StageClientInterviewerRow,
  clientInterviewersByStage,
  stageClientInterviewersSql,
} from '../clients/client-contact-records';
import { entityJson, hydrate } from '../database/hydrate';
import { encodeTieCursor, tieCursorAfter } from '../database/keyset-cursor';
import { lazyPrepared, queryPrepared } from '../database/prepared-statement';
import { OFFER_COLUMNS, OfferRow } from '../offers/offer-records';
import { PromiseRow } from '../promises/promise-facts';
import { PROMISE_CHAIN_CTE } from '../promises/promise-view';
import { CHASING_EVENT_TYPES_SQL } from '../timeline/timeline-entries';
import { TimelineEventEntity } from '../timeline/timeline-event.entity';
import { UserEntity } from '../users/user.entity';
import { ApplicationEntity } from './application.entity';

/** The candidate as the views show them. */
export type CandidateFacts = Pick<
  UserEntity,
  'id' | 'fullName' | 'emailVerifiedAt' | 'email' | 'phone' | 'location' | 'timeZone' | 'profileLink'
>;

/** What a view of an application shows beyond its record (application-records.ts). */
export interface ApplicationViewDetails {
  job: { id: string; title: string; clientId: string; clientName: string };
  candidate: CandidateFacts;
  /** The candidate-visible events only unless `internal`. */
  events: {
    /** The newest `TIMELINE_PAGE_SIZE`, oldest first. */
    newest: TimelineEventEntity[];
    /** Where the older ones start (`GET …/timeline`), or null when `newest` is the whole timeline. */
    earlierCursor: string | null;
  };
  /** The stages the agency has chased a late answer about, by the events the viewer may see. */
  chasedStageIds: Set<string>;
  /** The names of everyone who recorded feedback on the application, by user id. */
  recorders: Map<string, string>;
  said: CandidateSaid;
  /** The open promise and the dates it replaced, newest first. */
  promiseChain: PromiseRow[];
  /** Each stage's picked client interviewers: `internal` only (candidates are never sent them). */
  clientInterviewers: Map<string, StageClientInterviewer[]> | null;
  offer: OfferRow | null;
}

export interface CandidateSaid {
  view: CandidateSaidView;
  lastUpdateRequest: { created_at: Date; answer_due_at: Date | null; answered_at: Date | null } | null;
}

/**
 * Everything in one prepared statement, each part as JSON: one round trip and one plan where there
 * were seven, for every view of an application and every command's answer (ADR 0054).
 * $1 the application, $2 its job, $3 its candidate, $4 whether the viewer is the agency's.
 */
const VIEW_DETAILS = lazyPrepared(
  (connection) => `SELECT
     (SELECT json_build_object('id', j.id, 'title', j.title, 'client_id', j.client_id, 'client_name', c.name)
        FROM jobs j JOIN clients c ON c.id = j.client_id WHERE j.id = $2) AS job,
     (SELECT json_build_object('id', u.id, 'full_name', u.full_name, 'email_verified_at', u.email_verified_at,
                               'email', u.email, 'phone', u.phone, 'location', u.location, 'time_zone', u.time_zone,
                               'profile_link', u.profile_link)
        FROM users u WHERE u.id = $3) AS candidate,
     -- The newest page of the timeline and one more row, which only says that older ones exist
     -- (a years-long application's history is paged, never sent whole: GET …/timeline).
     (SELECT json_build_object(
               'newest', coalesce(json_agg(${entityJson(connection, TimelineEventEntity, 't')} ORDER BY t.at, t.id)
                                    FILTER (WHERE t.place <= ${TIMELINE_PAGE_SIZE}), '[]'),
               'newest_at', coalesce(json_agg(t.at::text ORDER BY t.at, t.id)
                                       FILTER (WHERE t.place <= ${TIMELINE_PAGE_SIZE}), '[]'),
               'earlier', count(*) > ${TIMELINE_PAGE_SIZE})
        FROM (SELECT t.*, row_number() OVER (ORDER BY t.at DESC, t.id DESC) AS place
                FROM timeline_events t
               WHERE t.application_id = $1 AND ($4 OR t.candidate_visible)
               ORDER BY t.at DESC, t.id DESC
               LIMIT ${TIMELINE_PAGE_SIZE + 1}) t) AS events,
     -- Chased is a fact of the whole timeline, not of the page the view carries: one id per chased stage
     -- at most, read through the partial index of chasing events (timeline_events_chases_idx).
     (SELECT coalesce(json_agg(DISTINCT t.stage_id), '[]') FROM timeline_events t
       WHERE t.application_id = $1 AND ($4 OR t.candidate_visible)
         AND t.type IN (${CHASING_EVENT_TYPES_SQL}) AND t.stage_id IS NOT NULL) AS chased_stage_ids,
     (SELECT coalesce(json_object_agg(u.id, u.full_name), '{}') FROM users u
       WHERE u.id IN (SELECT f.recorded_by FROM feedback f WHERE f.application_id = $1)) AS recorders,
     -- What the candidate last sent of each kind: their newest "other offer" and "availability" (the
     -- agency sees them up front) and their newest update request (when they may ask again, and by
     -- when the agency must answer).
     (SELECT coalesce(json_agg(said), '[]')
        FROM (SELECT DISTINCT ON (kind) kind, text, deadline, created_at, answer_due_at, answered_at
                FROM candidate_updates
               WHERE application_id = $1 AND kind IN ('other_offer', 'availability', 'request_update')
               ORDER BY kind, created_at DESC, id DESC) said) AS said,
     (${PROMISE_CHAIN_CTE} SELECT coalesce(json_agg(chain ORDER BY chain.depth), '[]') FROM chain) AS promise_chain,
     (SELECT coalesce(json_agg(picked ORDER BY lower(picked.full_name), picked.id), '[]')
        FROM (${stageClientInterviewersSql('ARRAY(SELECT s.id FROM application_stages s WHERE s.application_id = $1)')}) picked
       WHERE $4) AS client_interviewers,
     (SELECT to_json(o) FROM (SELECT ${OFFER_COLUMNS} FROM offers WHERE application_id = $1
                                ORDER BY made_at DESC LIMIT 1) o) AS offer`,
);

type Json = Record<string, unknown>;

interface DetailsRow {
  job: { id: string; title: string; client_id: string; client_name: string } | null;
  candidate: Json | null;
  events: { newest: Json[]; newest_at: string[]; earlier: boolean };
  chased_stage_ids: string[];
  recorders: Record<string, string>;
  said: Json[];
  promise_chain: Json[];
  client_interviewers: StageClientInterviewerRow[];
  offer: Json | null;
}

export async function loadApplicationViewDetails(
  manager: EntityManager,
  application: Pick<ApplicationEntity, 'id' | 'jobId' | 'candidateId'>,
  internal: boolean,
): Promise<ApplicationViewDetails> {
  const [row] = await queryPrepared<DetailsRow>(manager, VIEW_DETAILS(manager), [
    application.id,
    application.jobId,
    application.candidateId,
    internal,
  ]);
  const { job, candidate } = row;
  // Both are foreign keys of the application, which the caller holds.
  if (!job || !candidate) throw new Error(`application's job ${application.jobId} or candidate is missing`);
  return {
    job: { id: job.id, title: job.title, clientId: job.client_id, clientName: job.client_name },
    candidate: {
      id: String(candidate['id']),
      fullName: String(candidate['full_name']),
      emailVerifiedAt: dateOrNull(candidate['email_verified_at']),
      email: String(candidate['email']),
      phone: candidate['phone'] as string | null,
      location: candidate['location'] as string | null,
      timeZone: candidate['time_zone'] as string | null,
      profileLink: candidate['profile_link'] as string | null,
    },
    events: {
      newest: row.events.newest.map((event) => hydrate(manager, TimelineEventEntity, event)),
      // The older page starts after the oldest entry shown and the others of its instant (newest first).
      earlierCursor: row.events.earlier
        ? encodeTieCursor(tieCursorAfter([...row.events.newest_at].reverse(), { at: '', shown: 0 }, false))
        : null,
    },
    chasedStageIds: new Set(row.chased_stage_ids),
    recorders: new Map(Object.entries(row.recorders)),
    said: candidateSaidOf(row.said),
    promiseChain: row.promise_chain.map((promise) => withDates<PromiseRow>(promise, ['due_at', 'check_in_at'])),
    clientInterviewers: internal ? clientInterviewersByStage(row.client_interviewers) : null,
    offer: row.offer ? withDates<OfferRow>(row.offer, ['made_at', 'reply_by', 'answered_at']) : null,
  };
}

function candidateSaidOf(json: Json[]): CandidateSaid {
  const rows = json.map((one) =>
    withDates<{
      kind: string;
      text: string;
      deadline: Date | null;
      created_at: Date;
      answer_due_at: Date | null;
      answered_at: Date | null;
    }>(one, ['deadline', 'created_at', 'answer_due_at', 'answered_at']),
  );
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

/** A JSON row with its timestamps (ISO strings in JSON) as Dates, as the driver would have read them. */
function withDates<Row>(json: Json, keys: readonly (keyof Row & string)[]): Row {
  const row: Json = { ...json };
  for (const key of keys) row[key] = dateOrNull(json[key]);
  return row as Row;
}

function dateOrNull(value: unknown): Date | null {
  return typeof value === 'string' ? new Date(value) : null;
}
