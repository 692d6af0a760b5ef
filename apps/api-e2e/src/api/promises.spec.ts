import {
  ApplicationView,
  CandidateApplicationView,
  DeadlineSweepResult,
  ErrorCode,
  FeedbackDecision,
  PromiseKind,
  TimelineEventType,
  UserRole,
} from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import {
  apply,
  createOpenJob,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  signInAsAgency,
  staffForTheseTests,
} from '../support/factories';

const DAY = 24 * 3_600_000;

/** Issue 9, items 2–4: a dated promise in every open state, moved honestly, and kept by the system. */
describe('the dated promise to every candidate', () => {
  const staff = staffForTheseTests();
  let recruiter: ApiSession;
  let recruiterId: string;

  beforeAll(async () => {
    recruiter = await signInAsAgency(UserRole.Recruiter);
    recruiterId = (await recruiter.get<{ id: string }>('/api/auth/me')).body.id;
  });

  afterAll(closeDatabase);

  const sweep = async () => (await staff.post<DeadlineSweepResult>('/api/agency/deadlines/sweep')).body;
  const view = async (session: ApiSession, id: string) =>
    (await session.get<ApplicationView>(`/api/applications/${id}`)).body;

  async function applied(jobOverrides: Record<string, unknown> = {}) {
    const job = await createOpenJob(staff, { ownerId: recruiterId, ...jobOverrides });
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    return { job, candidate, application };
  }

  /** The promise's date, moved into the past: as if the days had gone by with nobody acting. */
  async function letPromiseLapse(applicationId: string): Promise<void> {
    await database().query(
      `UPDATE application_promises SET due_at = now() - interval '1 minute', check_in_at = NULL
        WHERE application_id = $1 AND ended_at IS NULL`,
      [applicationId],
    );
  }

  async function mailTo(
    applicationId: string,
    kind: string,
  ): Promise<{ recipient_email: string; subject: string; body: string }[]> {
    const { rows } = await database().query(
      'SELECT recipient_email, subject, body FROM notifications WHERE application_id = $1 AND kind = $2 ORDER BY sequence',
      [applicationId, kind],
    );
    return rows;
  }

  it("promises an applicant whether they move forward by the end of the job's screening days, in the list too", async () => {
    const { candidate, application } = await applied({ screeningWithinWorkingDays: 3 });
    expect(application.promise).toMatchObject({
      kind: PromiseKind.Screening,
      stageId: null,
      sentence: null,
      automatic: false,
      previousDueAts: [],
    });
    const due = new Date(application.promise?.dueAt ?? '');
    // Three working days: at least three calendar days on, at most seven (a weekend and a holiday or two).
    expect(due.getTime() - Date.now()).toBeGreaterThan(2 * DAY);
    expect(due.getTime() - Date.now()).toBeLessThan(8 * DAY);
    const list = await candidate.session.get<{ items: { id: string; promise: unknown }[] }>('/api/me/applications');
    expect(list.body.items.find((item) => item.id === application.id)?.promise).toEqual({
      kind: PromiseKind.Screening,
      dueAt: application.promise?.dueAt,
    });
  });

  it('refuses a screening promise outside 1–20 working days, naming the field', async () => {
    const job = await createOpenJob(staff);
    const response = await staff.patch(`/api/jobs/${job.id}`, { screeningWithinWorkingDays: 21 });
    expect(response.status).toBe(400);
    expect(JSON.stringify(asError(response).details)).toContain('screeningWithinWorkingDays');
  });

  it('promises the answer date once an interview took place, and the date the recruiter gave for a hold', async () => {
    const { candidate, application } = await applied();
    const held = await interviewHeld(staff, application, 0);
    expect(held.promise).toMatchObject({ kind: PromiseKind.Answer, stageId: held.stages[0].id });
    expect(held.promise?.dueAt).toBe(held.stages[0].feedbackDueAt);

    const withoutDate = await staff.post(`/api/applications/${application.id}/stages/${held.stages[0].id}/feedback`, {
      decision: FeedbackDecision.Hold,
      rating: 3,
      candidateMessage: 'The client has paused the hire.',
      version: held.version,
    });
    expect(withoutDate.status).toBe(400);
    expect(asError(withoutDate).details?.[0]?.field).toBe('holdUntil');

    const holdUntil = new Date(Date.now() + 5 * DAY).toISOString();
    const onHold = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${held.stages[0].id}/feedback`,
      {
        decision: FeedbackDecision.Hold,
        rating: 3,
        candidateMessage: 'The client has paused the hire.',
        holdUntil,
        version: held.version,
      },
    );
    expect(onHold.status).toBe(201);
    const seen = await view(candidate.session, application.id);
    expect(seen.promise).toMatchObject({ kind: PromiseKind.Hold, stageId: held.stages[0].id, dueAt: holdUntil });
    expect(seen.stages[0].feedback?.onHold).toBe(true);
  });

  it("asks for a reply to an offer by a date: the recruiter's, or five working days by default", async () => {
    const { candidate, application } = await applied();
    const past = await staff.post(`/api/applications/${application.id}/offer`, {
      replyBy: new Date(Date.now() - DAY).toISOString(),
      version: application.version,
    });
    expect(past.status).toBe(400);
    expect(asError(past).details?.[0]?.field).toBe('replyBy');

    const replyBy = new Date(Date.now() + 4 * DAY).toISOString();
    const offered = await staff.post<ApplicationView>(`/api/applications/${application.id}/offer`, {
      replyBy,
      version: application.version,
    });
    expect(offered.status).toBe(200);
    expect((await view(candidate.session, application.id)).promise).toMatchObject({
      kind: PromiseKind.OfferReply,
      dueAt: replyBy,
    });
    const email = (await mailTo(application.id, 'candidate_update')).at(-1);
    expect(email?.body).toContain('Please reply to the offer by');
  });

  it('moves a promise only with a new date and a sentence, which the candidate is sent; twice, then staff must', async () => {
    const { candidate, application } = await applied();
    const first = new Date(application.promise?.dueAt ?? '');
    const move = (
      session: ApiSession,
      version: number,
      days: number,
      candidateMessage = 'The client is on leave until Monday.',
    ) =>
      session.post<ApplicationView>(`/api/applications/${application.id}/promise`, {
        dueAt: new Date(first.getTime() + days * DAY).toISOString(),
        candidateMessage,
        version,
      });

    const blank = await move(recruiter, application.version, 1, '   ');
    expect(blank.status).toBe(400);
    expect(asError(blank).details?.[0]?.field).toBe('candidateMessage');
    const stale = await move(recruiter, application.version + 5, 1);
    expect(stale.status).toBe(409);
    expect(asError(stale).code).toBe(ErrorCode.StaleVersion);
    const byCandidate = await move(candidate.session, application.version, 1);
    expect(byCandidate.status).toBe(403);

    const once = await move(recruiter, application.version, 1);
    expect(once.status).toBe(200);
    expect(once.body.redatingsLeft).toBe(1);
    expect(once.body.promise).toMatchObject({
      kind: PromiseKind.Screening,
      sentence: 'The client is on leave until Monday.',
      automatic: false,
      previousDueAts: [first.toISOString()],
    });
    const told = await view(candidate.session, application.id);
    const event = told.timeline.find((entry) => entry.type === TimelineEventType.PromiseRedated);
    expect(event?.text).toMatch(/^New date for whether you move forward: .+\. The client is on leave until Monday\.$/);
    const email = (await mailTo(application.id, 'candidate_update')).at(-1);
    expect(email?.subject).toContain('A new date');
    expect(email?.body).toContain('The client is on leave until Monday.');

    const twice = await move(recruiter, once.body.version, 2);
    expect(twice.body.redatingsLeft).toBe(0);
    const thrice = await move(recruiter, twice.body.version, 3);
    expect(thrice.status).toBe(403);
    expect(asError(thrice).code).toBe(ErrorCode.RedatingNeedsStaff);
    const byStaff = await move(staff, twice.body.version, 3);
    expect(byStaff.status).toBe(200);
    expect(byStaff.body.redatingsLeft).toBeNull();
    expect(byStaff.body.promise?.previousDueAts).toHaveLength(3);
  });

  it("moves an answer's reminders with its date", async () => {
    const { application } = await applied();
    const held = await interviewHeld(staff, application, 0);
    const dueAt = new Date(new Date(held.promise?.dueAt ?? '').getTime() + 2 * DAY).toISOString();
    const moved = await recruiter.post<ApplicationView>(`/api/applications/${application.id}/promise`, {
      dueAt,
      candidateMessage: 'The hiring manager is ill this week.',
      version: held.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stages[0].feedbackDueAt).toBe(dueAt);
  });

  it('speaks for the agency when a promise lapses: an honest update with a new date, once, and chases the owner', async () => {
    const { candidate, application } = await applied();
    await letPromiseLapse(application.id);
    await Promise.all([sweep(), sweep(), sweep()]);

    const seen = await view(candidate.session, application.id);
    const updates = seen.timeline.filter((entry) => entry.type === TimelineEventType.PromiseUpdated);
    expect(updates).toHaveLength(1);
    expect(updates[0].text).toMatch(
      /^We don't have whether you move forward for you yet, and we said you would by now\. We have chased it, and you will hear from us by .+\.$/,
    );
    expect(seen.promise).toMatchObject({ kind: PromiseKind.Screening, automatic: true, sentence: null });
    // The new date is data too: a page writes it in its reader's zone (item 7).
    expect(updates[0].date).toEqual({ at: seen.promise?.dueAt, written: expect.any(String) });
    expect(updates[0].text).toContain(updates[0].date?.written);
    expect(new Date(seen.promise?.dueAt ?? '').getTime()).toBeGreaterThan(Date.now());
    const emails = await mailTo(application.id, 'candidate_update');
    expect(emails.at(-1)?.subject).toMatch(/^No answer yet: we have chased it, and a new date: /);
    const chases = await mailTo(application.id, 'feedback_reminder');
    expect(chases).toHaveLength(1);
    expect(chases[0].subject).toMatch(
      /^Overdue: Test Candidate was promised a decision on whether they move forward by /,
    );
    expect(await mailTo(application.id, 'escalation')).toHaveLength(0);

    // The date the rules set lapses too: staff are told as well.
    await letPromiseLapse(application.id);
    await sweep();
    expect((await mailTo(application.id, 'escalation')).length).toBeGreaterThan(0);
    const again = await view(candidate.session, application.id);
    expect(again.timeline.filter((entry) => entry.type === TimelineEventType.PromiseUpdated)).toHaveLength(2);
    expect(again.promise?.previousDueAts).toHaveLength(2);
  });

  it('breaks a long silence before a far date: no news yet, the date stands', async () => {
    const { candidate, application } = await applied();
    await database().query(
      `UPDATE application_promises SET check_in_at = now() - interval '1 minute' WHERE application_id = $1 AND ended_at IS NULL`,
      [application.id],
    );
    await Promise.all([sweep(), sweep()]);
    const seen = await view(candidate.session, application.id);
    const checkIns = seen.timeline.filter((entry) => entry.type === TimelineEventType.PromiseCheckIn);
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0].text).toMatch(
      /^No news yet on whether you move forward: we are on it, and you will hear from us by .+\.$/,
    );
    expect(seen.promise?.dueAt).toBe(application.promise?.dueAt);
    const { rows } = await database().query(
      `SELECT check_in_at FROM application_promises WHERE application_id = $1 AND ended_at IS NULL`,
      [application.id],
    );
    // Counted again from the check-in: in the future, or none when the date comes first.
    expect(rows[0].check_in_at === null || (rows[0].check_in_at as Date).getTime() > Date.now()).toBe(true);
  });

  it('keeps quiet while a booked interview is ahead: the silence is counted from its end', async () => {
    const { application } = await applied();
    const stage = application.stages[0];
    // Booked ten days ahead: three working days after the booking, the candidate still knows when
    // they next hear from us (the interview), so no "no news yet" comes before it.
    const startsAt = new Date(Date.now() + 10 * DAY);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const booked = await recruiter.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${stage.id}/schedule`,
      {
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        location: 'Video call',
        interviewers: ['Hiring manager'],
        version: application.version,
      },
    );
    expect(booked.status).toBe(200);
    const { rows } = await database().query<{ kind: string; check_in_at: Date | null; due_at: Date }>(
      `SELECT kind, check_in_at, due_at FROM application_promises WHERE application_id = $1 AND ended_at IS NULL`,
      [application.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].kind).toBe(PromiseKind.Answer);
    // The answer is due after the interview; a check-in, if any, only after the interview has ended.
    expect(rows[0].due_at.getTime()).toBeGreaterThan(endsAt.getTime());
    expect(rows[0].check_in_at === null || rows[0].check_in_at.getTime() > endsAt.getTime()).toBe(true);
  });

  it('answers a request for an update first, then goes back to the promise it set aside', async () => {
    const { candidate, application } = await applied();
    const asked = await candidate.session.post<CandidateApplicationView>(
      `/api/applications/${application.id}/updates`,
      {
        kind: 'request_update',
        text: 'Any news?',
        version: application.version,
      },
    );
    expect(asked.body.promise).toMatchObject({
      kind: PromiseKind.UpdateRequest,
      dueAt: asked.body.updateRequestAnswerDueAt,
    });
    const answered = await recruiter.post<ApplicationView>(`/api/applications/${application.id}/messages`, {
      text: 'The client reads applications on Friday.',
      version: asked.body.version,
    });
    expect(answered.body.promise).toMatchObject({ kind: PromiseKind.Screening, dueAt: application.promise?.dueAt });
    const { rows } = await database().query(
      `SELECT kind, ended_how FROM application_promises WHERE application_id = $1 ORDER BY made_at, ended_at NULLS LAST`,
      [application.id],
    );
    expect(rows).toEqual([
      { kind: 'screening', ended_how: 'superseded' },
      { kind: 'update_request', ended_how: 'kept' },
      { kind: 'screening', ended_how: null },
    ]);
  });

  it("brings a moved date back, moves and all, once the candidate's question is answered; the question's own date is not moved", async () => {
    const { candidate, application } = await applied();
    const first = new Date(application.promise?.dueAt ?? '');
    let version = application.version;
    for (const days of [1, 2]) {
      const moved = await recruiter.post<ApplicationView>(`/api/applications/${application.id}/promise`, {
        dueAt: new Date(first.getTime() + days * DAY).toISOString(),
        candidateMessage: 'The client is travelling.',
        version,
      });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    const asked = await candidate.session.post<CandidateApplicationView>(
      `/api/applications/${application.id}/updates`,
      {
        kind: 'request_update',
        text: 'Any news?',
        version,
      },
    );
    expect(asked.body.promise?.kind).toBe(PromiseKind.UpdateRequest);
    const moveQuestion = await staff.post(`/api/applications/${application.id}/promise`, {
      dueAt: new Date(first.getTime() + 3 * DAY).toISOString(),
      candidateMessage: 'Later.',
      version: asked.body.version,
    });
    expect(moveQuestion.status).toBe(409);

    const answered = await recruiter.post<ApplicationView>(`/api/applications/${application.id}/messages`, {
      text: 'Nothing yet: the client is travelling.',
      version: asked.body.version,
    });
    expect(answered.body.promise).toMatchObject({
      kind: PromiseKind.Screening,
      dueAt: new Date(first.getTime() + 2 * DAY).toISOString(),
      sentence: 'The client is travelling.',
    });
    expect(answered.body.redatingsLeft).toBe(0);
  });

  it('gives a rescheduled interview a new answer date, whatever was moved for the old slot', async () => {
    const { application } = await applied();
    const startsAt = new Date(Date.now() + 2 * DAY);
    const slot = (start: Date) => ({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      location: 'Video call',
      interviewers: ['Hiring manager'],
    });
    const booked = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      { ...slot(startsAt), version: application.version },
    );
    const moved = await recruiter.post<ApplicationView>(`/api/applications/${application.id}/promise`, {
      dueAt: new Date(new Date(booked.body.promise?.dueAt ?? '').getTime() + DAY).toISOString(),
      candidateMessage: 'The panel meets a day later.',
      version: booked.body.version,
    });
    expect(moved.status).toBe(200);
    const rebooked = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      { ...slot(new Date(startsAt.getTime() + 7 * DAY)), version: moved.body.version },
    );
    expect(rebooked.status).toBe(200);
    expect(rebooked.body.promise).toMatchObject({
      kind: PromiseKind.Answer,
      dueAt: rebooked.body.stages[0].feedbackDueAt,
      sentence: null,
    });
  });

  it('owes nothing once the application is closed, and a closed promise cannot be moved', async () => {
    const { application } = await applied();
    const rejected = await staff.post<ApplicationView>(`/api/applications/${application.id}/reject`, {
      candidateMessage: 'The role has gone to an internal candidate.',
      version: application.version,
    });
    expect(rejected.body.promise).toBeNull();
    const move = await staff.post(`/api/applications/${application.id}/promise`, {
      dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
      candidateMessage: 'Later.',
      version: rejected.body.version,
    });
    expect(move.status).toBe(409);
  });

  it('keeps a database guard: a hold without a date is refused in SQL too', async () => {
    const { application } = await applied();
    const held = await interviewHeld(staff, application, 0);
    const withDate = await recordFeedback(staff, held, 0, FeedbackDecision.Hold);
    await expect(
      database().query(
        `INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by, supersedes_id, version)
         SELECT stage_id, application_id, 'hold', 3, 'again', recorded_by, id, 2 FROM feedback WHERE stage_id = $1`,
        [withDate.stages[0].id],
      ),
    ).rejects.toThrow(/feedback_hold_has_date/);
  });
});
