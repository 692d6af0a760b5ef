import { ApplicationView, CandidateApplicationView, FeedbackDecision } from '@heardback/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { ApiSession } from '../support/api-client';
import {
  apply,
  createOpenJob,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  registrationTokenFor,
} from '../support/factories';

/**
 * The facts behind heardback-score.spec.ts, each at a chosen instant in January 2026 (London is
 * on UTC then; the agency works 09:00–17:00, Monday to Friday). The figures they should give are
 * worked out beside each one.
 */
/**
 * Score specs read the score many times a minute from one account and one address: the score's
 * budget (ADR 0047) stays on, counted on every read, but out of their way; score-guards.spec
 * reaches the default one.
 */
export const SCORE_READ_LIMITS = {
  RATE_LIMIT_SCORE_READS_PER_ACCOUNT: '100000/1m',
  RATE_LIMIT_SCORE_READS_PER_CLIENT: '100000/1m',
} as const;

/**
 * The API settings every score spec runs with: no background sweep (the spec writes facts by hand),
 * the agency's working week the hand-computed figures assume, 09:00–17:00 in London, and reads
 * enough for a spec.
 */
export const SCORE_API_SETTINGS = {
  ...SCORE_READ_LIMITS,
  RUN_BACKGROUND: 'false',
  AGENCY_TIME_ZONE: 'Europe/London',
  WORKDAY_STARTS_AT: '9',
  WORKDAY_ENDS_AT: '17',
} as const;

export interface ScoreFixture {
  ada: string;
  bo: string;
  client: string;
  /** The one job every application here is for. */
  job: string;
  longestSilentApplication: string;
  recordFeedbackThroughTheApi(staff: ApiSession, candidateSession: ApiSession): Promise<void>;
}

export async function scoreFixture(
  pool: Pool,
  people: { ada: string; bo: string; staff: string },
): Promise<ScoreFixture> {
  const one = async <T = { id: string }>(sql: string, values: unknown[]): Promise<T> =>
    (await pool.query(sql, values)).rows[0] as T;
  const client = await one(`INSERT INTO clients (name) VALUES ('=Acme') RETURNING id`, []);
  const job = await one(
    `INSERT INTO jobs (client_id, client_name, title, description, location, work_mode, employment_type, status, pipeline,
                       answer_within_working_days, screening_within_working_days, published_at)
     VALUES ($1, '=Acme', '-Platform, "Core"', 'Builds the platform.', 'London', 'hybrid', 'full_time', 'open',
             ARRAY['Technical', 'Final'], 2, 5, '2025-11-01T09:00:00Z') RETURNING id`,
    [client.id],
  );
  let candidates = 0;
  const application = async (recruiter: string, status: string, createdAt: string, closedAt: string | null = null) => {
    const candidate = await one(
      `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, 'x', $2, 'candidate') RETURNING id`,
      [`score-candidate-${++candidates}-${randomBytes(3).toString('hex')}@example.test`, `Candidate ${candidates}`],
    );
    return (
      await one(
        `INSERT INTO applications (job_id, candidate_id, status, recruiter_id, created_at, closed_at, rejection_message)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $3 = 'rejected' THEN 'Thank you for your time.' END) RETURNING id`,
        [job.id, candidate.id, status, recruiter, createdAt, closedAt],
      )
    ).id;
  };
  const stage = async (applicationId: string, position: number, endsAt: string) =>
    (
      await one(
        `INSERT INTO application_stages (application_id, position, name, state, starts_at, ends_at)
         VALUES ($1, $2, 'Technical', 'feedback_recorded', $3::timestamptz - interval '1 hour', $3) RETURNING id`,
        [applicationId, position, endsAt],
      )
    ).id;
  const feedback = async (
    stageId: string,
    applicationId: string,
    recordedAt: string,
    decision = 'advance',
    supersedes: string | null = null,
  ) =>
    (
      await one(
        `INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by, recorded_at,
                               supersedes_id, version)
         VALUES ($1, $2, $3, 3, 'You explained your approach clearly.', $4, $5, $6, $7) RETURNING id`,
        [stageId, applicationId, decision, people.staff, recordedAt, supersedes, supersedes ? 2 : 1],
      )
    ).id;

  // Ada's five open applications; the first has waited since 1 December 2025.
  const a1 = await application(people.ada, 'interviewing', '2025-12-01T09:00:00Z');
  const a2 = await application(people.ada, 'interviewing', '2025-12-10T09:00:00Z');
  const a3 = await application(people.ada, 'interviewing', '2025-12-11T09:00:00Z');
  const a4 = await application(people.ada, 'applied', '2025-12-12T09:00:00Z');
  const a5 = await application(people.ada, 'applied', '2025-12-13T09:00:00Z');
  // Fri 15:00 → Mon 11:00: 2 + 2 working hours = 0.5 working days.
  await feedback(await stage(a1, 0, '2026-01-09T15:00:00Z'), a1, '2026-01-12T11:00:00Z');
  // Fri 16:00 → Tue 16:00: 1 + 8 + 7 = 16 hours = 2.0, given by the client interviewer through her link.
  const bStage = await stage(a1, 1, '2026-01-09T16:00:00Z');
  const bFeedback = await feedback(bStage, a1, '2026-01-13T16:00:00Z');
  // Mon 10:00 → Thu 10:00: 7 + 8 + 8 + 1 = 24 hours = 3.0.
  await feedback(await stage(a2, 0, '2026-01-05T10:00:00Z'), a2, '2026-01-08T10:00:00Z');
  // Recorded after the period, then corrected: neither counts.
  const late = await stage(a3, 0, '2026-01-16T10:00:00Z');
  const lateFeedback = await feedback(late, a3, '2026-01-19T10:00:00Z');
  await feedback(late, a3, '2026-01-14T10:00:00Z', 'advance', lateFeedback);

  // Bo's work, all closed by now.
  const b6 = await application(people.bo, 'hired', '2025-12-20T09:00:00Z', '2026-01-20T09:00:00Z');
  const b7 = await application(people.bo, 'rejected', '2025-12-20T09:00:00Z', '2026-01-15T09:00:00Z');
  const b8 = await application(people.bo, 'rejected', '2025-12-20T09:00:00Z', '2026-01-16T09:00:00Z');
  const b9 = await application(people.bo, 'rejected', '2025-12-20T09:00:00Z', '2026-01-16T09:00:00Z');
  // A Saturday interview → Mon 13:00: the weekend counts nothing, Monday 4 hours = 0.5.
  await feedback(await stage(b6, 0, '2026-01-10T12:00:00Z'), b6, '2026-01-12T13:00:00Z');
  // Wed 09:00 → Wed 17:30: the half hour after closing counts nothing, 8 hours = 1.0; the rejection is in its words.
  await feedback(await stage(b7, 0, '2026-01-14T09:00:00Z'), b7, '2026-01-14T17:30:00Z', 'reject');
  // An interview in December advanced; the rejection later came without interview feedback. b9 had no interview.
  await feedback(await stage(b8, 0, '2026-01-02T10:00:00Z'), b8, '2026-01-02T12:00:00Z');

  // The interviewer: a contact whose published draft became feedback B.
  const contact = await one(
    `INSERT INTO client_contacts (client_id, full_name, email, role) VALUES ($1, 'Cara Contact', 'cara@acme.test', 'CTO') RETURNING id`,
    [client.id],
  );
  const link = await one(
    `INSERT INTO client_review_links (stage_id, application_id, contact_id, token_hash, created_at, expires_at, submitted_at)
     VALUES ($1, $2, $3, $4, '2026-01-09T16:00:00Z', '2026-01-23T16:00:00Z', '2026-01-13T15:00:00Z') RETURNING id`,
    [bStage, a1, contact.id, createHash('sha256').update(randomBytes(32)).digest()],
  );
  await pool.query(
    `INSERT INTO client_feedback_drafts (link_id, stage_id, application_id, contact_id, decision, rating, candidate_message,
                                         submitted_at, published_at, published_by, feedback_id)
     VALUES ($1, $2, $3, $4, 'advance', 3, 'Clear thinking.', '2026-01-13T15:00:00Z', '2026-01-13T16:00:00Z', $5, $6)`,
    [link.id, bStage, a1, contact.id, people.ada, bFeedback],
  );

  // Ada's promises (Bo made none that fell due in the period).
  const promise = (
    applicationId: string,
    kind: string,
    dueAt: string,
    endedAt: string | null,
    endedHow: string | null,
    redatings = 0,
  ) =>
    pool.query(
      `INSERT INTO application_promises (application_id, kind, due_at, made_at, ended_at, ended_how, redatings)
       VALUES ($1, $2, $3, '2026-01-02T09:00:00Z', $4, $5, $6)`,
      [applicationId, kind, dueAt, endedAt, endedHow, redatings],
    );
  await promise(a1, 'next_step', '2026-01-08T17:00:00Z', '2026-01-08T10:00:00Z', 'kept'); // kept
  await promise(a1, 'next_step', '2026-01-09T17:00:00Z', '2026-01-09T12:00:00Z', 'redated'); // re-dated in time
  await promise(a1, 'next_step', '2026-01-13T17:00:00Z', '2026-01-13T10:00:00Z', 'kept', 1); // its successor: not again
  await promise(a1, 'answer', '2026-01-14T17:00:00Z', '2026-01-14T17:00:00Z', 'updated'); // broken: the rules spoke
  await promise(a1, 'next_step', '2026-01-14T12:00:00Z', '2026-01-10T12:00:00Z', 'superseded'); // neither
  await promise(a1, 'next_step', '2026-01-16T17:00:00Z', '2026-01-17T09:00:00Z', 'kept'); // broken: kept late
  await promise(a1, 'offer_reply', '2026-01-12T17:00:00Z', '2026-01-13T09:00:00Z', 'kept'); // the candidate's date
  await promise(a2, 'next_step', '2026-01-15T17:00:00Z', null, null); // broken: still open past its date
  await promise(a2, 'answer', '2026-01-20T17:00:00Z', '2026-01-15T09:00:00Z', 'kept'); // after the period

  // Closing answers: Ada's five (10, 9, 7, 3, none; two felt uninformed), Bo's four (10, 10, 10, 0).
  const answer = (applicationId: string, score: number | null, informed: boolean) =>
    pool.query(
      `INSERT INTO satisfaction_responses (application_id, recommend_score, kept_informed, answered_at) VALUES ($1, $2, $3, '2026-01-15T12:00:00Z')`,
      [applicationId, score, informed],
    );
  await answer(a1, 10, true);
  await answer(a2, 9, true);
  await answer(a3, 7, false);
  await answer(a4, 3, false);
  await answer(a5, null, true);
  await answer(b6, 10, true);
  await answer(b7, 10, true);
  await answer(b8, 10, true);
  await answer(b9, 0, true);

  return {
    ada: people.ada,
    bo: people.bo,
    client: client.id,
    job: job.id,
    longestSilentApplication: a1,
    async recordFeedbackThroughTheApi(staff: ApiSession, candidateSession: ApiSession) {
      const openJob = await createOpenJob(staff);
      const candidate = await registerCandidate('Score Candidate', candidateSession, undefined, (address) =>
        registrationTokenFor(address, pool),
      );
      const applied: CandidateApplicationView = await apply(candidate.session, openJob.id);
      const held: ApplicationView = await interviewHeld(staff, applied, 0);
      await recordFeedback(staff, { ...applied, version: held.version }, 0, FeedbackDecision.Advance);
    },
  };
}
