import { Inject, Injectable } from '@nestjs/common';
import { TimelineEventType } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { CandidateUpdateMailer } from '../notifications/candidate-update-mailer';
import { InterviewChange } from '../notifications/interview-invite';
import { PromiseKeeper } from '../promises/promise-keeper';
import { prepared, queryPrepared } from '../database/prepared-statement';

export interface NewTimelineEvent {
  applicationId: string;
  type: TimelineEventType;
  /** The stage the event concerns, if any: readers match on it, never on `text`. */
  stageId?: string | null;
  text: string;
  candidateVisible: boolean;
  actorId: string | null;
  /** Placing, moving or cancelling an interview: the candidate's email carries a calendar invite. */
  interview?: InterviewChange;
  /** An event about the agency's promise: the date it gives, kept as an instant for every reader's zone. */
  promiseDueAt?: Date | null;
}

/**
 * Every event of a change in one statement, prepared once per connection (ADR 0064): TypeORM's insert
 * was parsed and planned again on every write, and every write appends to the timeline. In the same
 * statement, anything an agency person tells the candidate answers their open requests for an update
 * (a round trip of its own before).
 */
const APPEND_EVENTS = prepared(
  `WITH events AS (
     SELECT * FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::boolean[], $7::uuid[],
                          $8::timestamptz[], $9::timestamptz[], $10::text[], $11::timestamptz[], $12::timestamptz[],
                          $13::timestamptz[])
       AS e(application_id, type, stage_id, text, candidate_visible, actor_id, interview_starts_at, interview_ends_at,
            interview_location, interview_was_starts_at, interview_was_ends_at, promise_due_at)
   ),
   inserted AS (
     INSERT INTO timeline_events (application_id, at, type, stage_id, text, candidate_visible, actor_id,
                                  interview_starts_at, interview_ends_at, interview_location,
                                  interview_was_starts_at, interview_was_ends_at, promise_due_at)
     SELECT application_id, $1, type, stage_id, text, candidate_visible, actor_id, interview_starts_at, interview_ends_at,
            interview_location, interview_was_starts_at, interview_was_ends_at, promise_due_at
       FROM events
     RETURNING id
   ),
   answered AS (
     UPDATE candidate_updates cu SET answered_at = now()
       FROM events e JOIN users u ON u.id = e.actor_id AND u.role <> 'candidate'
      WHERE e.candidate_visible AND cu.application_id = e.application_id
        AND cu.kind = 'request_update' AND cu.answered_at IS NULL
   )
   SELECT id FROM inserted`,
);

/**
 * Appends to an application's timeline inside the caller's transaction. Every candidate-visible
 * event is also written to the outbox as an email to the candidate, in that same transaction,
 * and anything an agency person says to the candidate answers their open requests for an update.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly mailer: CandidateUpdateMailer,
    private readonly promises: PromiseKeeper,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async append(manager: EntityManager, ...events: NewTimelineEvent[]): Promise<void> {
    if (events.length === 0) return;
    const at = this.clock.now();
    const rows = events.map(({ interview, ...event }) => ({ ...event, ...interviewSlotColumns(interview) }));
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key] ?? null);
    const inserted = await queryPrepared<{ id: string }>(manager, APPEND_EVENTS, [
      at,
      column('applicationId'),
      column('type'),
      column('stageId'),
      column('text'),
      column('candidateVisible'),
      column('actorId'),
      column('interviewStartsAt'),
      column('interviewEndsAt'),
      column('interviewLocation'),
      column('interviewWasStartsAt'),
      column('interviewWasEndsAt'),
      column('promiseDueAt'),
    ]);
    // Identity values are drawn in the order the rows are inserted: the smallest id is the first event.
    const ids = inserted.map((row) => BigInt(row.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Before the mail is written, so the email and the page give the same promised date.
    await this.promises.settle(
      manager,
      events.map((event) => event.applicationId),
    );
    await this.mailer.enqueue(
      manager,
      events.flatMap((event, index) =>
        event.candidateVisible
          ? [
              {
                applicationId: event.applicationId,
                eventId: String(ids[index]),
                type: event.type,
                actorId: event.actorId,
                text: event.text,
                interview: event.interview,
                promiseDueAt: event.promiseDueAt ?? null,
              },
            ]
          : [],
      ),
    );
  }
}

/** A placed or moved interview keeps its slot as instants, so every reader sees it in their own zone. */
function interviewSlotColumns(interview: InterviewChange | undefined) {
  const placed = interview && !interview.cancelled ? interview : null;
  return {
    interviewStartsAt: placed?.startsAt ?? null,
    interviewEndsAt: placed?.endsAt ?? null,
    interviewLocation: placed?.location ?? null,
    interviewWasStartsAt: placed?.was?.startsAt ?? null,
    interviewWasEndsAt: placed?.was?.endsAt ?? null,
  };
}
