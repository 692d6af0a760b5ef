import {
  ApplicationStatus,
  ApplicationView,
  CandidateApplicationView,
  ErrorCode,
  FeedbackDecision,
  OfferAnswer,
  OfferRequest,
  PayPeriod,
  PromiseKind,
  TimelineEventType,
  UserRole,
  WaitingFor,
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
} from '../support/factories';
import { future } from '../support/future-dates';

const DAY = 86_400_000;

/** Issue 10, item 7: offers with terms, which the candidate reads and answers (ADR 0020). */
describe('offers the candidate can answer', () => {
  let staff: ApiSession;
  let recruiter: ApiSession;
  let recruiterId: string;
  let recruiterEmail: string;

  beforeAll(async () => {
    staff = await signInAsAgency();
    recruiter = await signInAsAgency(UserRole.Recruiter);
    const me = (await recruiter.get<{ id: string; email: string }>('/api/auth/me')).body;
    recruiterId = me.id;
    recruiterEmail = me.email;
  });

  afterAll(closeDatabase);

  const terms = (version: number, extra: Partial<OfferRequest> = {}): OfferRequest => ({
    version,
    title: 'Senior Platform Engineer',
    pay: { amount: 72_000, currency: 'EUR', period: PayPeriod.Year },
    startDate: future('2030-02-04'),
    message: 'The team loved meeting you. Call me with any question.',
    ...extra,
  });

  /** A candidate's application on a job the recruiter owns, with an offer made on it. */
  async function offered(extra: Partial<OfferRequest> = {}) {
    const job = await createOpenJob(staff, { ownerId: recruiterId });
    const candidate = await registerCandidate('Olive Offered');
    const applied = await apply(candidate.session, job.id);
    const response = await recruiter.post<ApplicationView>(
      `/api/applications/${applied.id}/offer`,
      terms(applied.version, extra),
    );
    expect(response.status).toBe(200);
    return { job, candidate, application: response.body };
  }

  const view = async (session: ApiSession, id: string) =>
    (await session.get<CandidateApplicationView>(`/api/applications/${id}`)).body;

  async function mail(
    applicationId: string,
    kind: string,
  ): Promise<{ recipient_email: string; subject: string; body: string }[]> {
    const { rows } = await database().query(
      'SELECT recipient_email, subject, body FROM notifications WHERE application_id = $1 AND kind = $2 ORDER BY sequence',
      [applicationId, kind],
    );
    return rows;
  }

  const sweep = () => staff.post('/api/agency/deadlines/sweep');

  it('records the terms, and the candidate reads them on their page and in their email', async () => {
    const { candidate, application } = await offered();
    expect(application.status).toBe(ApplicationStatus.Offer);
    const seen = await view(candidate.session, application.id);
    expect(seen.offer).toMatchObject({
      title: 'Senior Platform Engineer',
      pay: { amount: 72_000, currency: 'EUR', period: PayPeriod.Year },
      startDate: future('2030-02-04'),
      message: 'The team loved meeting you. Call me with any question.',
      answer: null,
    });
    expect(seen.offer?.replyBy).toBe(seen.promise?.dueAt);
    const email = (await mail(application.id, 'candidate_update')).at(-1);
    expect(email?.body).toContain('offers you the role of Senior Platform Engineer');
    expect(email?.body).toContain('72,000 EUR a year');
    expect(email?.body).toContain('The team loved meeting you.');
  });

  it("offers the job's own title when none is given", async () => {
    const job = await createOpenJob(staff, { ownerId: recruiterId });
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const response = await recruiter.post<ApplicationView>(`/api/applications/${applied.id}/offer`, {
      version: applied.version,
    });
    expect(response.status).toBe(200);
    expect(response.body.offer).toMatchObject({ title: job.title, pay: null, startDate: null, message: null });
  });

  it('refuses bad terms with the field and the reason, and writes nothing', async () => {
    const job = await createOpenJob(staff, { ownerId: recruiterId });
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const attempt = (body: Partial<OfferRequest> | Record<string, unknown>) =>
      recruiter.post(`/api/applications/${applied.id}/offer`, { ...terms(applied.version), ...body });

    const currency = await attempt({ pay: { amount: 50_000, currency: 'euro', period: PayPeriod.Year } });
    expect(currency.status).toBe(400);
    expect(asError(currency).details?.map((detail) => detail.field)).toEqual(['pay.currency']);
    const period = await attempt({ pay: { amount: 50_000, currency: 'EUR', period: 'week' } });
    expect(asError(period).details?.map((detail) => detail.field)).toEqual(['pay.period']);
    const past = await attempt({ startDate: '2020-01-06' });
    expect(past.status).toBe(400);
    expect(asError(past).details?.[0]?.field).toBe('startDate');
    const notADate = await attempt({ startDate: '2030-02-31' });
    expect(asError(notADate).details?.[0]?.field).toBe('startDate');
    const blank = await attempt({ title: '   ' });
    expect(asError(blank).details?.[0]?.field).toBe('title');

    expect((await view(candidate.session, applied.id)).status).toBe(ApplicationStatus.Applied);
    const { rows } = await database().query('SELECT count(*)::int AS n FROM offers WHERE application_id = $1', [
      applied.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('accepting hires the candidate, tells the recruiter, confirms to the candidate, and shows on both timelines', async () => {
    const { candidate, application } = await offered();
    const accepted = await candidate.session.post<CandidateApplicationView>(
      `/api/applications/${application.id}/offer/accept`,
      { version: application.version },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe(ApplicationStatus.Hired);
    expect(accepted.body.offer).toMatchObject({ answer: OfferAnswer.Accepted });
    expect(accepted.body.promise).toBeNull();
    expect(accepted.body.timeline.map((event) => event.type)).toContain(TimelineEventType.OfferAccepted);

    const agency = await recruiter.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(agency.body.timeline.map((event) => event.type)).toContain(TimelineEventType.OfferAccepted);
    const told = await mail(application.id, 'offer_answered');
    expect(told.map((email) => email.recipient_email)).toEqual([recruiterEmail]);
    expect(told[0].subject).toBe(`Olive Offered accepted the offer (${agency.body.job.title})`);
    const confirmations = (await mail(application.id, 'candidate_update')).filter(
      (email) => email.recipient_email === candidate.email && email.subject.startsWith('You accepted the offer'),
    );
    expect(confirmations).toHaveLength(1);
  });

  it('declining closes the application with the candidate’s words, which the recruiter reads', async () => {
    const { candidate, application } = await offered();
    const declined = await candidate.session.post<CandidateApplicationView>(
      `/api/applications/${application.id}/offer/decline`,
      { version: application.version, reason: 'I have chosen a role closer to home.' },
    );
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe(ApplicationStatus.Withdrawn);

    const agency = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    expect(agency.offer).toMatchObject({
      answer: OfferAnswer.Declined,
      declineReason: 'I have chosen a role closer to home.',
    });
    const event = agency.timeline.find((entry) => entry.type === TimelineEventType.OfferDeclined);
    expect(event?.text).toContain('I have chosen a role closer to home.');
    const told = await mail(application.id, 'offer_answered');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('I have chosen a role closer to home.');
  });

  it('answers a double click once: the second accept gets a 409 and nobody gets a second email', async () => {
    const { candidate, application } = await offered();
    const path = `/api/applications/${application.id}/offer/accept`;
    const [first, second] = await Promise.all([
      candidate.session.post(path, { version: application.version }),
      candidate.session.post(path, { version: application.version }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const current = await view(candidate.session, application.id);
    const again = await candidate.session.post(path, { version: current.version });
    expect(again.status).toBe(409);
    expect(asError(again).code).toBe(ErrorCode.InvalidTransition);
    expect(asError(again).message).toMatch(/already answered/);
    const decline = await candidate.session.post(`/api/applications/${application.id}/offer/decline`, {
      version: current.version,
    });
    expect(decline.status).toBe(409);

    expect(await mail(application.id, 'offer_answered')).toHaveLength(1);
    const confirmations = (await mail(application.id, 'candidate_update')).filter((email) =>
      email.subject.startsWith('You accepted the offer'),
    );
    expect(confirmations).toHaveLength(1);
  });

  it('lets only the candidate answer their own offer: another candidate gets 404, the agency 403', async () => {
    const { application } = await offered();
    const stranger = await registerCandidate();
    const theirs = await stranger.session.post(`/api/applications/${application.id}/offer/accept`, {
      version: application.version,
    });
    expect(theirs.status).toBe(404);
    const agency = await recruiter.post(`/api/applications/${application.id}/offer/accept`, {
      version: application.version,
    });
    expect(agency.status).toBe(403);
    expect((await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body.status).toBe(
      ApplicationStatus.Offer,
    );
  });

  it('refuses an answer before the terms are written: passing the last stage only announces the offer', async () => {
    const job = await createOpenJob(staff, { ownerId: recruiterId, pipeline: ['Interview'] });
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const passed = await recordFeedback(
      recruiter,
      await interviewHeld(recruiter, applied, 0),
      0,
      FeedbackDecision.Advance,
    );
    expect(passed.status).toBe(ApplicationStatus.Offer);
    expect(passed.offer).toBeNull();
    // The agency owes the offer itself: the candidate is not asked to reply to one that does not exist yet.
    expect(passed.waitingFor).toBe(WaitingFor.Decision);
    expect(passed.promise?.kind).toBe(PromiseKind.NextStep);
    const { rows: told } = await database().query(
      `SELECT body FROM notifications WHERE application_id = $1 AND kind = 'candidate_update' ORDER BY sequence DESC LIMIT 1`,
      [applied.id],
    );
    expect(told[0].body).toContain('an offer is on its way');
    expect(told[0].body).not.toContain('reply to the offer');
    const early = await candidate.session.post(`/api/applications/${applied.id}/offer/accept`, {
      version: passed.version,
    });
    expect(early.status).toBe(409);
    expect(asError(early).message).toMatch(/no offer to answer yet/);

    const written = await recruiter.post<ApplicationView>(
      `/api/applications/${applied.id}/offer`,
      terms(passed.version),
    );
    expect(written.status).toBe(200);
    expect(written.body.offer?.answer).toBeNull();
    expect(written.body.waitingFor).toBe(WaitingFor.CandidateResponse);
    expect(written.body.promise?.kind).toBe(PromiseKind.OfferReply);
    const twice = await recruiter.post(`/api/applications/${applied.id}/offer`, terms(written.body.version));
    expect(twice.status).toBe(409);
  });

  it('ends the open offer when the application closes another way: hired by the recruiter, or rejected', async () => {
    const hiredByPhone = await offered();
    const hired = await recruiter.post<ApplicationView>(`/api/applications/${hiredByPhone.application.id}/hire`, {
      version: hiredByPhone.application.version,
    });
    expect(hired.body.offer?.answer).toBe(OfferAnswer.Accepted);

    const rejected = await offered();
    const closed = await recruiter.post<ApplicationView>(`/api/applications/${rejected.application.id}/reject`, {
      version: rejected.application.version,
      candidateMessage: 'The client has withdrawn the role.',
    });
    expect(closed.body.offer?.answer).toBe(OfferAnswer.Lapsed);
  });

  it('follows up a reply-by date that passed: the recruiter and a single nudge, then staff a working day later', async () => {
    const { candidate, application } = await offered();
    await sweep();
    expect(await mail(application.id, 'feedback_reminder')).toHaveLength(0);

    // Simulated time: the reply-by date was a week ago (past the date, and past a working day after it).
    await database().query(`UPDATE applications SET offer_reply_by = now() - interval '7 days' WHERE id = $1`, [
      application.id,
    ]);
    await Promise.all([sweep(), sweep(), sweep()]);

    const { rows } = await database().query(
      'SELECT kind FROM application_alerts WHERE application_id = $1 ORDER BY kind',
      [application.id],
    );
    expect(rows.map((row: { kind: string }) => row.kind)).toEqual(['offer_reply_escalated', 'offer_reply_passed']);
    const owner = await mail(application.id, 'feedback_reminder');
    expect(owner.map((email) => email.recipient_email)).toEqual([recruiterEmail]);
    expect(owner[0].subject).toContain('No reply to the offer yet');
    const escalations = await mail(application.id, 'escalation');
    expect(escalations.length).toBeGreaterThan(0);
    expect(escalations[0].subject).toContain('offer unanswered');

    const nudges = (await mail(application.id, 'candidate_update')).filter((email) =>
      email.body.includes('A gentle reminder'),
    );
    expect(nudges.map((email) => email.recipient_email)).toEqual([candidate.email]);
    await sweep();
    const after = (await mail(application.id, 'candidate_update')).filter((email) =>
      email.body.includes('A gentle reminder'),
    );
    expect(after).toHaveLength(1);

    const agency = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    const internal = agency.timeline.filter((event) => event.type === TimelineEventType.Escalated);
    expect(internal.map((event) => event.text).join('\n')).toContain('escalated to agency staff');
    const seen = await view(candidate.session, application.id);
    expect(seen.timeline.map((event) => event.type)).not.toContain(TimelineEventType.Escalated);
    expect(seen.timeline.map((event) => event.type)).toContain(TimelineEventType.OfferReplyNudge);
    // The candidate's own pending reply never brings the "we haven't heard" automatic update.
    expect(seen.timeline.map((event) => event.type)).not.toContain(TimelineEventType.PromiseUpdated);
    expect(seen.status).toBe(ApplicationStatus.Offer);
  });

  it('lets the recruiter give a new reply-by date, which gets its own follow-ups', async () => {
    const { candidate, application } = await offered();
    await database().query(`UPDATE applications SET offer_reply_by = now() - interval '1 hour' WHERE id = $1`, [
      application.id,
    ]);
    await database().query(
      `UPDATE application_promises SET due_at = now() - interval '1 hour', check_in_at = NULL WHERE application_id = $1 AND ended_at IS NULL`,
      [application.id],
    );
    await sweep();
    const current = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    const newDate = new Date(Date.now() + 3 * DAY).toISOString();
    const moved = await recruiter.post<ApplicationView>(`/api/applications/${application.id}/promise`, {
      version: current.version,
      dueAt: newDate,
      candidateMessage: 'Take until Friday; call me if anything is unclear.',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.promise?.dueAt).toBe(newDate);
    const seen = await view(candidate.session, application.id);
    expect(seen.status).toBe(ApplicationStatus.Offer);
    expect(seen.promise?.dueAt).toBe(newDate);
    // The offer still stands, and can be answered.
    const accepted = await candidate.session.post(`/api/applications/${application.id}/offer/accept`, {
      version: seen.version,
    });
    expect(accepted.status).toBe(200);
  });
});
