import { ApplicationView, FeedbackDecision, ScoreReport, UserRole } from '@heardback/contracts';
import { WorkingCalendar, workingDaysBetween } from '@heardback/domain';
import { createHash, randomBytes } from 'node:crypto';
import { ApiSession } from '../support/api-client';
import {
  PASSWORD,
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  interviewHeld,
  recordFeedback,
  registerCandidateOn,
  signIn,
} from '../support/factories';
import { ownApi } from '../support/own-api';
import { SCORE_API_SETTINGS } from './heardback-score.fixture';

jest.setTimeout(180_000);

/**
 * What the score counted when it joined the source tables on every read (ADR 0033), written out
 * here as the reference the stored facts (migration 1795891200000, ADR 0036) must always equal.
 */
const FEEDBACK_FROM_THE_SOURCES = `
  SELECT f.id AS feedback_id, f.application_id, f.recorded_at, coalesce(s.ends_at, s.held_at) AS ended_at,
         coalesce(s.recruiter_id, a.recruiter_id) AS recruiter_id, a.job_id, j.client_id, d.contact_id
    FROM feedback f
    JOIN application_stages s ON s.id = f.stage_id
    JOIN applications a ON a.id = f.application_id
    JOIN jobs j ON j.id = a.job_id
    LEFT JOIN client_feedback_drafts d ON d.feedback_id = f.id
   WHERE f.supersedes_id IS NULL`;
const STORED_FEEDBACK = `
  SELECT feedback_id, application_id, recorded_at, ended_at, recruiter_id, job_id, client_id, contact_id
    FROM score_feedback_facts`;
const PROMISES_FROM_THE_SOURCES = `
  SELECT p.id AS promise_id, p.application_id, p.due_at, p.ended_at, p.ended_how, p.redatings,
         coalesce(s.recruiter_id, a.recruiter_id) AS recruiter_id, a.job_id, j.client_id, d.contact_id
    FROM application_promises p
    JOIN applications a ON a.id = p.application_id
    JOIN jobs j ON j.id = a.job_id
    LEFT JOIN application_stages s ON s.id = p.stage_id
    LEFT JOIN feedback fo ON fo.stage_id = p.stage_id AND fo.supersedes_id IS NULL
    LEFT JOIN client_feedback_drafts d ON d.feedback_id = fo.id
   WHERE p.ended_how IS DISTINCT FROM 'superseded' AND p.kind <> 'offer_reply'`;
const STORED_PROMISES = `
  SELECT promise_id, application_id, due_at, ended_at, ended_how, redatings, recruiter_id, job_id, client_id, contact_id
    FROM score_promise_facts`;
const REJECTIONS_FROM_THE_SOURCES = `
  SELECT a.id AS application_id, a.closed_at, a.recruiter_id, a.job_id, j.client_id,
         EXISTS (SELECT 1 FROM feedback fr WHERE fr.application_id = a.id AND fr.decision = 'reject') AS with_words
    FROM applications a
    JOIN jobs j ON j.id = a.job_id
   WHERE a.status = 'rejected' AND a.closed_at IS NOT NULL
     AND EXISTS (SELECT 1 FROM application_stages st WHERE st.application_id = a.id
                  AND (st.held_at IS NOT NULL OR st.ends_at <= a.closed_at))`;
const STORED_REJECTIONS = `
  SELECT application_id, closed_at, recruiter_id, job_id, client_id, with_words FROM score_rejection_facts`;

/**
 * The score's stored facts on an API of its own (the test changes keys by hand in SQL, and the
 * calendar it runs with), in London 09:00–17:00, Monday to Friday.
 */
describe("the score's stored facts", () => {
  const api = ownApi(SCORE_API_SETTINGS);
  let staff: ApiSession;
  let staffId: string;

  beforeAll(async () => {
    const staffUser = await insertAgencyUser(api.pool, UserRole.Staff, 'Fact Staff');
    staffId = staffUser.id;
    staff = await signIn(api.browser(), staffUser.email);
  });

  /** Rows one query has and the other lacks, both ways: none when the facts are right. */
  async function differences(stored: string, reference: string) {
    const { rows } = await api.pool.query(
      `(SELECT 'stored only' AS side, * FROM (${stored} EXCEPT ${reference}) x)
       UNION ALL (SELECT 'missing' AS side, * FROM (${reference} EXCEPT ${stored}) y)`,
    );
    return rows;
  }

  /** Every fact equals its sources, and each stored working time is the calendar's (libs/domain's arithmetic). */
  async function expectFactsAsTheSourcesSay(): Promise<number> {
    expect(await differences(STORED_FEEDBACK, FEEDBACK_FROM_THE_SOURCES)).toEqual([]);
    expect(await differences(STORED_PROMISES, PROMISES_FROM_THE_SOURCES)).toEqual([]);
    expect(await differences(STORED_REJECTIONS, REJECTIONS_FROM_THE_SOURCES)).toEqual([]);
    const { rows: calendars } = await api.pool.query(
      `SELECT time_zone, day_starts_at, day_ends_at, working_days, to_char(unnest, 'YYYY-MM-DD') AS holiday
         FROM score_calendar LEFT JOIN LATERAL unnest(holidays) ON true`,
    );
    const calendar: WorkingCalendar = {
      timeZone: calendars[0].time_zone,
      dayStartsAt: calendars[0].day_starts_at,
      dayEndsAt: calendars[0].day_ends_at,
      workingDays: calendars[0].working_days,
      holidays: calendars.map((row) => row.holiday).filter((day) => day !== null),
    };
    const { rows } = await api.pool.query(
      `SELECT f.ended_at, f.recorded_at, f.working_days::float8 AS days, f.week::text AS week,
              date_trunc('week', f.recorded_at AT TIME ZONE 'Europe/London')::date::text AS expected_week,
              f.calendar_version = c.version AS current
         FROM score_feedback_facts f CROSS JOIN score_calendar c`,
    );
    for (const row of rows) {
      expect(row.current).toBe(true);
      expect(row.week).toBe(row.expected_week);
      if (row.ended_at === null) {
        expect(row.days).toBeNull();
      } else {
        const expected = Math.max(0, workingDaysBetween(row.ended_at, row.recorded_at, calendar));
        expect(row.days).toBeCloseTo(expected, 6);
      }
    }
    return rows.length;
  }

  async function view(applicationId: string): Promise<ApplicationView> {
    const response = await staff.get<ApplicationView>(`/api/applications/${applicationId}`);
    expectStatus(response, 200, 'view the application');
    return response.body;
  }

  it('equal the source tables after feedback, a correction, a published client draft, a rejection and an erasure', async () => {
    const job = await createOpenJob(staff, { pipeline: ['Technical', 'Final'] });
    const candidate = await registerCandidateOn(api, 'Faye Facts');
    const applied = await apply(candidate.session, job.id);
    const held = await interviewHeld(staff, applied, 0);
    await expectFactsAsTheSourcesSay();

    // Feedback, then its correction: one fact, the first feedback's.
    const onHold = await recordFeedback(staff, held, 0, FeedbackDecision.Hold);
    expect(await expectFactsAsTheSourcesSay()).toBe(1);
    const decided = await recordFeedback(staff, onHold, 0, FeedbackDecision.Advance);
    expect(decided.stages[0].feedback?.version).toBe(2);
    expect(await expectFactsAsTheSourcesSay()).toBe(1);

    // A client interviewer's draft for the second stage, published by staff: the fact carries the contact.
    const second = await interviewHeld(staff, decided, 1);
    const stageId = second.stages[1].id;
    const contact = (
      await api.pool.query(
        `INSERT INTO client_contacts (client_id, full_name, email, role)
         SELECT client_id, 'Cleo Client', 'cleo@client.test', 'CTO' FROM jobs WHERE id = $1 RETURNING id`,
        [job.id],
      )
    ).rows[0].id;
    const link = (
      await api.pool.query(
        `INSERT INTO client_review_links (stage_id, application_id, contact_id, token_hash, created_at, expires_at, submitted_at)
         VALUES ($1, $2, $3, $4, now(), now() + interval '14 days', now()) RETURNING id`,
        [stageId, applied.id, contact, createHash('sha256').update(randomBytes(32)).digest()],
      )
    ).rows[0].id;
    const draft = (
      await api.pool.query(
        `INSERT INTO client_feedback_drafts (link_id, stage_id, application_id, contact_id, decision, rating, candidate_message)
         VALUES ($1, $2, $3, $4, 'advance', 3, 'Clear thinking.') RETURNING id`,
        [link, stageId, applied.id, contact],
      )
    ).rows[0].id;
    await expectFactsAsTheSourcesSay();
    const published = await staff.post<ApplicationView>(
      `/api/agency/applications/${applied.id}/client-feedback/${draft}/publish`,
      { candidateMessage: 'Clear thinking, and a good question about on-call.', version: second.version },
    );
    expectStatus(published, 200, 'publish the client draft');
    expect(await expectFactsAsTheSourcesSay()).toBe(2);
    const { rows: withContact } = await api.pool.query(
      `SELECT count(*)::int AS n FROM score_feedback_facts WHERE application_id = $1 AND contact_id = $2`,
      [applied.id, contact],
    );
    expect(withContact[0].n).toBe(1);

    // Rejected after its interviews, with a closing line rather than an interview's feedback.
    const rejected = await staff.post<ApplicationView>(`/api/applications/${applied.id}/reject`, {
      candidateMessage: 'The client chose another candidate.',
      version: (await view(applied.id)).version,
    });
    expectStatus(rejected, 200, 'reject');
    await expectFactsAsTheSourcesSay();
    const { rows: rejection } = await api.pool.query(
      `SELECT with_words FROM score_rejection_facts WHERE application_id = $1`,
      [applied.id],
    );
    expect(rejection).toEqual([{ with_words: false }]);

    // The candidate erases their account: the words go, the facts (which hold none) stay as they were.
    const before = await api.pool.query(`${STORED_FEEDBACK} WHERE application_id = $1 ORDER BY recorded_at`, [
      applied.id,
    ]);
    const erased = await candidate.session.request('DELETE', '/api/me', { password: PASSWORD });
    expect(erased.status).toBe(204);
    expect(await expectFactsAsTheSourcesSay()).toBe(2);
    const after = await api.pool.query(`${STORED_FEEDBACK} WHERE application_id = $1 ORDER BY recorded_at`, [
      applied.id,
    ]);
    expect(after.rows).toEqual(before.rows);
  });

  it('follow keys and times changed by hand in SQL: owner, recruiter, job, client, interview end, promises', async () => {
    const job = await createOpenJob(staff);
    const otherJob = await createOpenJob(staff);
    const candidate = await registerCandidateOn(api, 'Sam Sql');
    const applied = await apply(candidate.session, job.id);
    const held = await interviewHeld(staff, applied, 0);
    await recordFeedback(staff, held, 0, FeedbackDecision.Advance);
    const recruiter = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Rex Recruiter');
    const stageId = held.stages[0].id;
    const sql = async (statement: string, values: unknown[]) => {
      await api.pool.query(statement, values);
      await expectFactsAsTheSourcesSay();
    };

    await sql(`UPDATE applications SET recruiter_id = $2 WHERE id = $1`, [applied.id, recruiter.id]);
    await sql(`UPDATE application_stages SET recruiter_id = $2 WHERE id = $1`, [stageId, staffId]);
    await sql(
      `UPDATE application_stages SET ends_at = ends_at - interval '3 days', starts_at = starts_at - interval '3 days'
                WHERE id = $1`,
      [stageId],
    );
    await sql(`UPDATE applications SET job_id = $2 WHERE id = $1`, [applied.id, otherJob.id]);
    const client = (await api.pool.query(`INSERT INTO clients (name) VALUES ('Moved Client') RETURNING id`)).rows[0].id;
    await sql(`UPDATE jobs SET client_id = $2 WHERE id = $1`, [otherJob.id, client]);
    await sql(
      `INSERT INTO application_promises (application_id, kind, stage_id, due_at, made_at)
       VALUES ($1, 'next_step', $2, now() + interval '2 days', now())
       ON CONFLICT DO NOTHING`,
      [applied.id, stageId],
    );
    await sql(
      `UPDATE application_promises SET ended_at = now(), ended_how = 'superseded' WHERE application_id = $1 AND ended_at IS NULL`,
      [applied.id],
    );
    // One promise's own changes, each rewriting that promise's fact only (ADR 0064): counted again,
    // redated, made an offer's reply date and back, then deleted.
    const [newest] = (
      await api.pool.query(
        `SELECT id FROM application_promises WHERE application_id = $1 ORDER BY made_at DESC, id LIMIT 1`,
        [applied.id],
      )
    ).rows;
    await sql(`UPDATE application_promises SET ended_how = 'kept' WHERE id = $1`, [newest.id]);
    await sql(
      `UPDATE application_promises SET due_at = due_at + interval '1 day', redatings = redatings + 1 WHERE id = $1`,
      [newest.id],
    );
    await sql(`UPDATE application_promises SET kind = 'offer_reply' WHERE id = $1`, [newest.id]);
    await sql(`UPDATE application_promises SET kind = 'next_step' WHERE id = $1`, [newest.id]);
    await sql(`DELETE FROM application_promises WHERE id = $1`, [newest.id]);
    const { rows } = await api.pool.query(
      `SELECT count(*)::int AS n FROM score_promise_facts WHERE application_id = $1`,
      [applied.id],
    );
    const { rows: counted } = await api.pool.query(
      `SELECT count(*)::int AS n FROM application_promises
        WHERE application_id = $1 AND ended_how IS DISTINCT FROM 'superseded' AND kind <> 'offer_reply'`,
      [applied.id],
    );
    expect(rows[0].n).toBe(counted[0].n);
  });

  it("follow a stage's end, held mark and owner into the facts that read them, and rebuild no others", async () => {
    const job = await createOpenJob(staff, { pipeline: ['Screen', 'Technical', 'Final'] });
    const sql = async (statement: string, values: unknown[]) => {
      await api.pool.query(statement, values);
      await expectFactsAsTheSourcesSay();
    };
    const rejectionFacts = async (applicationId: string) =>
      (
        await api.pool.query(`SELECT count(*)::int AS n FROM score_rejection_facts WHERE application_id = $1`, [
          applicationId,
        ])
      ).rows[0].n;

    // Rejected at screening, before any interview: no rejection fact, until a stage turns out to have taken place.
    const screened = await apply((await registerCandidateOn(api, 'Rhea Rejected')).session, job.id);
    const rejected = await staff.post<ApplicationView>(`/api/applications/${screened.id}/reject`, {
      candidateMessage: 'The client has chosen to go ahead with others.',
      version: screened.version,
    });
    expectStatus(rejected, 200, 'reject at screening');
    await expectFactsAsTheSourcesSay();
    expect(await rejectionFacts(screened.id)).toBe(0);
    const [screen, , final] = rejected.body.stages.map((stage) => stage.id);
    const afterClosing = `(SELECT closed_at FROM applications WHERE id = $2)`;
    await sql(
      `UPDATE application_stages SET starts_at = ${afterClosing} + interval '1 day',
                                     ends_at = ${afterClosing} + interval '1 day 1 hour' WHERE id = $1`,
      [screen, screened.id],
    );
    expect(await rejectionFacts(screened.id)).toBe(0);
    await sql(`UPDATE application_stages SET held_at = ${afterClosing} - interval '1 hour' WHERE id = $1`, [
      final,
      screened.id,
    ]);
    expect(await rejectionFacts(screened.id)).toBe(1);

    // A stage added with an interview that ended before the closing makes one too.
    const another = await apply((await registerCandidateOn(api, 'Rory Rejected')).session, job.id);
    const closed = await staff.post<ApplicationView>(`/api/applications/${another.id}/reject`, {
      candidateMessage: 'The client has chosen to go ahead with others.',
      version: another.version,
    });
    expectStatus(closed, 200, 'reject the second at screening');
    await sql(
      `INSERT INTO application_stages (application_id, position, name, state, starts_at, ends_at)
       SELECT id, 99, 'Added later', 'pending', closed_at - interval '2 hours', closed_at - interval '1 hour'
         FROM applications WHERE id = $1`,
      [another.id],
    );
    expect(await rejectionFacts(another.id)).toBe(1);

    // That stage moved by hand to the first application, then back: each fact goes with it.
    await sql(`UPDATE application_stages SET application_id = $2 WHERE application_id = $1 AND position = 99`, [
      another.id,
      screened.id,
    ]);
    expect(await rejectionFacts(another.id)).toBe(0);
    await sql(`UPDATE application_stages SET application_id = $2 WHERE application_id = $1 AND position = 99`, [
      screened.id,
      another.id,
    ]);
    expect(await rejectionFacts(another.id)).toBe(1);

    // An open application: its first stage's feedback is a fact; a later stage's new slot rebuilds none of
    // the feedback facts (the rows stay the very same versions), while the new answer date is a promise fact.
    const open = await apply((await registerCandidateOn(api, 'Otto Open')).session, job.id);
    const advanced = await recordFeedback(staff, await interviewHeld(staff, open, 0), 0, FeedbackDecision.Advance);
    const feedbackRowVersions = async () =>
      (
        await api.pool.query(
          `SELECT feedback_id, xmin::text AS version FROM score_feedback_facts WHERE application_id = $1`,
          [open.id],
        )
      ).rows;
    const before = await feedbackRowVersions();
    expect(before).toHaveLength(1);
    const second = advanced.stages[1].id;
    for (const days of [3, 4]) {
      const slot = Date.now() + days * 86_400_000;
      const scheduled = await staff.post<ApplicationView>(`/api/applications/${open.id}/stages/${second}/schedule`, {
        startsAt: new Date(slot).toISOString(),
        endsAt: new Date(slot + 3_600_000).toISOString(),
        location: 'Video call',
        interviewers: ['Hiring manager'],
        version: (await view(open.id)).version,
      });
      expectStatus(scheduled, 200, `schedule the second interview in ${days} days`);
    }
    await expectFactsAsTheSourcesSay();
    expect(await feedbackRowVersions()).toEqual(before);

    // The stage's new owner is the owner of the promise made about it.
    const owner = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Olive Owner');
    await sql(`UPDATE application_stages SET recruiter_id = $2 WHERE id = $1`, [second, owner.id]);
    const { rows: owned } = await api.pool.query(
      `SELECT count(*)::int AS n FROM score_promise_facts f JOIN application_promises p ON p.id = f.promise_id
        WHERE p.stage_id = $1 AND f.recruiter_id = $2`,
      [second, owner.id],
    );
    expect(owned[0].n).toBeGreaterThan(0);

    // A stage with feedback marked held, its slot taken away: its fact's interview end is the held mark now.
    const first = advanced.stages[0].id;
    await sql(
      `UPDATE application_stages SET held_at = ends_at - interval '30 minutes', starts_at = NULL, ends_at = NULL
        WHERE id = $1`,
      [first],
    );
    const { rows: ended } = await api.pool.query(
      `SELECT f.ended_at = s.held_at AS held FROM score_feedback_facts f
         JOIN feedback fb ON fb.id = f.feedback_id JOIN application_stages s ON s.id = fb.stage_id
        WHERE s.id = $1`,
      [first],
    );
    expect(ended).toEqual([{ held: true }]);
  });

  it('give a closing answer its application’s job, whatever the writer says, and move it with the application', async () => {
    const job = await createOpenJob(staff);
    const otherJob = await createOpenJob(staff);
    const candidate = await registerCandidateOn(api, 'Ann Answer');
    const applied = await apply(candidate.session, job.id);
    const jobOfTheAnswer = async () =>
      (await api.pool.query(`SELECT job_id FROM satisfaction_responses WHERE application_id = $1`, [applied.id]))
        .rows[0].job_id;
    await api.pool.query(
      `INSERT INTO satisfaction_responses (application_id, recommend_score, job_id) VALUES ($1, 8, $2)`,
      [applied.id, otherJob.id],
    );
    expect(await jobOfTheAnswer()).toBe(job.id);
    await api.pool.query(`UPDATE satisfaction_responses SET job_id = $2 WHERE application_id = $1`, [
      applied.id,
      otherJob.id,
    ]);
    expect(await jobOfTheAnswer()).toBe(job.id);
    await api.pool.query(`UPDATE applications SET job_id = $2 WHERE id = $1`, [applied.id, otherJob.id]);
    expect(await jobOfTheAnswer()).toBe(otherJob.id);
  });

  it("keep each application's client interviewers as its published drafts say, through publishing, moves and deletes", async () => {
    const INTERVIEWERS_FROM_THE_DRAFTS = `
      SELECT application_id, contact_id, count(*)::int AS drafts FROM client_feedback_drafts
       WHERE feedback_id IS NOT NULL GROUP BY application_id, contact_id`;
    const STORED_INTERVIEWERS = `SELECT application_id, contact_id, drafts FROM score_interviewer_applications`;
    const expectInterviewersAsTheDraftsSay = async () =>
      expect(await differences(STORED_INTERVIEWERS, INTERVIEWERS_FROM_THE_DRAFTS)).toEqual([]);
    const job = await createOpenJob(staff, { pipeline: ['Technical', 'Final'] });
    const candidate = await registerCandidateOn(api, 'Ivy Interviewers');
    const applied = await apply(candidate.session, job.id);
    const contact = async (name: string): Promise<string> =>
      (
        await api.pool.query(
          `INSERT INTO client_contacts (client_id, full_name, email, role)
           SELECT client_id, $2, $3, 'Hiring manager' FROM jobs WHERE id = $1 RETURNING id`,
          [job.id, name, `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@client.test`],
        )
      ).rows[0].id;
    const draftFor = async (stageId: string, contactId: string): Promise<string> => {
      const link = (
        await api.pool.query(
          `INSERT INTO client_review_links (stage_id, application_id, contact_id, token_hash, created_at, expires_at, submitted_at)
           VALUES ($1, $2, $3, $4, now(), now() + interval '14 days', now()) RETURNING id`,
          [stageId, applied.id, contactId, createHash('sha256').update(randomBytes(32)).digest()],
        )
      ).rows[0].id;
      return (
        await api.pool.query(
          `INSERT INTO client_feedback_drafts (link_id, stage_id, application_id, contact_id, decision, rating, candidate_message)
           VALUES ($1, $2, $3, $4, 'advance', 3, 'Good.') RETURNING id`,
          [link, stageId, applied.id, contactId],
        )
      ).rows[0].id;
    };
    const publish = async (draftId: string) => {
      const published = await staff.post<ApplicationView>(
        `/api/agency/applications/${applied.id}/client-feedback/${draftId}/publish`,
        { candidateMessage: 'Good, and clear.', version: (await view(applied.id)).version },
      );
      expectStatus(published, 200, 'publish the client draft');
      await expectInterviewersAsTheDraftsSay();
    };
    const ada = await contact('Ada');
    const bo = await contact('Bo');

    // An unpublished draft counts for nobody; published through the API, it makes the pair.
    const first = await interviewHeld(staff, applied, 0);
    const adaFirst = await draftFor(first.stages[0].id, ada);
    await expectInterviewersAsTheDraftsSay();
    await publish(adaFirst);
    // The same contact's draft for the second stage: still one pair, of two drafts.
    const second = await interviewHeld(staff, await view(applied.id), 1);
    const adaSecond = await draftFor(second.stages[1].id, ada);
    await publish(adaSecond);
    const { rows: pairs } = await api.pool.query(
      `SELECT contact_id, drafts FROM score_interviewer_applications WHERE application_id = $1`,
      [applied.id],
    );
    expect(pairs).toEqual([{ contact_id: ada, drafts: 2 }]);

    // Moved to another contact by hand, then back; one draft removed, then the other.
    const sql = async (statement: string, values: unknown[]) => {
      await api.pool.query(statement, values);
      await expectInterviewersAsTheDraftsSay();
    };
    await sql(`UPDATE client_feedback_drafts SET contact_id = $2 WHERE id = $1`, [adaSecond, bo]);
    await sql(`UPDATE client_feedback_drafts SET contact_id = $2 WHERE id = $1`, [adaFirst, bo]);
    await sql(`UPDATE client_feedback_drafts SET contact_id = $2 WHERE id = $1`, [adaFirst, ada]);
    await sql(`DELETE FROM client_feedback_drafts WHERE id = $1`, [adaSecond]);
    await sql(`DELETE FROM client_feedback_drafts WHERE id = $1`, [adaFirst]);
    const { rows: none } = await api.pool.query(
      `SELECT count(*)::int AS n FROM score_interviewer_applications WHERE application_id = $1`,
      [applied.id],
    );
    expect(none[0].n).toBe(0);
  });

  it('give the same figures when they were stored under another calendar, worked out again at read', async () => {
    // Around the moment this test's feedback was recorded, whatever day that is.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const query = `/api/agency/score?from=${day(-180)}&to=${day(1)}`;
    const report = async (by: string) => {
      const response = await staff.get<ScoreReport>(`${query}&by=${by}`);
      expectStatus(response, 200, 'the score');
      return { ...response.body, at: 'the moment asked' };
    };
    const stored = await Promise.all(['recruiter', 'interviewer', 'job'].map(report));
    expect(stored[0].overall.timeToFeedback.count).toBeGreaterThan(0);
    // Another instance started with another calendar: no stored figure is under this API's any more.
    const { rows } = await api.pool.query(`SELECT key, version FROM score_calendar`);
    await api.pool.query(`UPDATE score_calendar SET key = 'another calendar', version = version + 1`);
    try {
      expect(await Promise.all(['recruiter', 'interviewer', 'job'].map(report))).toEqual(stored);
    } finally {
      await api.pool.query(`UPDATE score_calendar SET key = $1, version = $2`, [rows[0].key, rows[0].version]);
    }
  });
});
