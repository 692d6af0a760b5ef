import {
  ApiError,
  ApplicationStatus,
  ApplicationView,
  CandidateApplicationView,
  ClientContactView,
  ClientFeedbackDraftView,
  ClientReviewLinkState,
  ClientReviewLinkView,
  ClientReviewPageView,
  ErrorCode,
  FeedbackQueuePage,
  FeedbackDecision,
  NotificationPage,
  TimelineEventType,
  UserRole,
} from '@heardback/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { ApiSession } from '../support/api-client';
import {
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  recordFeedback,
  registerCandidateOn,
  signIn,
  uniqueEmail,
} from '../support/factories';
import { parseRawMail } from '../support/mailbox';
import { fastOutbox, until } from '../support/outbox-waits';
import { ownApi } from '../support/own-api';
import { TestSmtpServer } from '../support/test-smtp-server';

jest.setTimeout(120_000);

const PER_LINK_LIMIT = 8;
const HOUR = 3_600_000;

/**
 * A client interviewer's review link (issue 13, ADR 0031), end to end on an API of its own: the
 * deadline sweep emails the link over real SMTP, and the test reads the token from that email, as
 * the interviewer's browser would. Time is simulated by moving the stored instants, as in
 * deadlines.spec: the built API reads the real clock.
 */
describe('client review links', () => {
  const smtp = new TestSmtpServer();
  const env: Record<string, string> = {
    ...fastOutbox,
    LOG_LEVEL: 'info',
    RATE_LIMIT_CLIENT_REVIEWS_PER_LINK: `${PER_LINK_LIMIT}/1h`,
    RATE_LIMIT_CLIENT_REVIEWS_PER_CLIENT: '5000/1h',
  };
  // Before ownApi's own hook: the API starts with the SMTP server's address.
  beforeAll(async () => {
    env['SMTP_URL'] = await smtp.start();
  });
  afterAll(() => smtp.stop());
  const api = ownApi(env);

  let staff: ApiSession;
  let recruiter: ApiSession;
  let recruiterId: string;
  let otherRecruiter: ApiSession;
  const client = () => api.browser();

  beforeAll(async () => {
    const staffUser = await insertAgencyUser(api.pool, UserRole.Staff, 'Stella Staff');
    staff = await signIn(api.browser(), staffUser.email);
    const owner = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Rita Recruiter');
    recruiterId = owner.id;
    recruiter = await signIn(api.browser(), owner.email);
    otherRecruiter = await signIn(api.browser(), (await insertAgencyUser(api.pool, UserRole.Recruiter)).email);
  });

  const sweep = async () => expectStatus(await staff.post('/api/agency/deadlines/sweep'), 200, 'sweep');

  async function mailsTo(address: string) {
    return smtp.received.filter((mail) => mail.to.includes(address)).map((mail) => parseRawMail(mail.raw));
  }

  async function waitForMails(address: string, count: number) {
    await until(async () => (await mailsTo(address)).length >= count, `${address} has ${count} emails`);
    return mailsTo(address);
  }

  function tokenIn(body: string): string {
    const match = /\/client-review#([A-Za-z0-9_-]+)/.exec(body);
    if (!match) throw new Error(`No review link in:\n${body}`);
    return match[1];
  }

  /**
   * An application whose first interview ended an hour ago with a client interviewer picked for it,
   * after the sweep has emailed the interviewer their link.
   */
  async function reviewRequested(options: { autoPublish?: boolean; withCv?: boolean } = {}) {
    const suffix = randomUUID().slice(0, 6);
    const job = await createOpenJob(staff, { ownerId: recruiterId, title: `Platform Engineer ${suffix}` });
    if (options.autoPublish) {
      expectStatus(
        await staff.patch(`/api/clients/${job.clientId}`, { autoPublishClientFeedback: true }),
        200,
        'turn auto-publish on',
      );
    }
    const candidate = await registerCandidateOn(api, `Sam Candidate${suffix}`, undefined, smtp);
    let cvDocumentId: string | undefined;
    if (options.withCv) {
      const { rows } = await api.pool.query<{ id: string }>(
        `INSERT INTO candidate_documents (candidate_id, kind, file_name, media_type, size_bytes, content, sha256)
         SELECT $1, 'cv', 'Sam CV.pdf', 'application/pdf', octet_length(c), c, encode(sha256(c), 'hex')
           FROM (SELECT convert_to('%PDF-1.4 Sam''s CV', 'UTF8') AS c) AS file RETURNING id`,
        [candidate.id],
      );
      cvDocumentId = rows[0].id;
    }
    const applied = await apply(candidate.session, job.id, cvDocumentId ? { cvDocumentId } : {});
    const contactEmail = uniqueEmail('interviewer');
    const contactName = `Ines Interviewer${suffix}`;
    const contact = await staff.post<ClientContactView>(`/api/clients/${job.clientId}/contacts`, {
      fullName: contactName,
      email: contactEmail,
      role: 'Head of Data',
    });
    expectStatus(contact, 201, 'add a client contact');
    const stageId = applied.stages[0].id;
    // The interview, with the contact picked as its interviewer, ended an hour ago.
    const scheduled = await recruiter.post<ApplicationView>(
      `/api/applications/${applied.id}/stages/${stageId}/schedule`,
      {
        startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        endsAt: new Date(Date.now() - HOUR).toISOString(),
        location: 'Video call',
        interviewers: [],
        clientInterviewerIds: [contact.body.id],
        version: applied.version,
      },
    );
    expectStatus(scheduled, 200, 'schedule the interview with the client interviewer');
    const application = scheduled.body;
    await sweep();
    const [mail] = await waitForMails(contactEmail, 1);
    return {
      job,
      candidate,
      application,
      stageId,
      contactId: contact.body.id,
      contactName,
      contactEmail,
      mail,
      token: tokenIn(mail.body),
    };
  }

  const open = (token: string) => client().post<ClientReviewPageView>('/api/client-review/open', { token });
  const feedback = (token: string, overrides: Record<string, unknown> = {}) =>
    client().post<{ published: boolean }>('/api/client-review/feedback', {
      token,
      decision: FeedbackDecision.Advance,
      rating: 3,
      candidateMessage: 'You explained your design clearly; we would like to meet you again.',
      internalNotes: 'CLIENT-ONLY: strong on systems, weaker on SQL.',
      ...overrides,
    });
  const linksOf = async (applicationId: string) =>
    (await staff.get<ClientReviewLinkView[]>(`/api/agency/applications/${applicationId}/client-review-links`)).body;
  const draftsOf = async (applicationId: string) =>
    (await recruiter.get<ClientFeedbackDraftView[]>(`/api/agency/applications/${applicationId}/client-feedback`)).body;

  function expectClosed(response: { status: number; body: unknown }, state: ClientReviewLinkState) {
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({ code: ErrorCode.ReviewLinkClosed, state });
  }

  it('emails each client interviewer a personal link once the interview has ended, once', async () => {
    const { application, contactName, contactEmail, mail, token, candidate, job } = await reviewRequested();
    expect(mail.subject).toContain(`Sam Candidate`);
    expect(mail.body).toContain(job.title);
    expect(mail.body).toContain('Phone screen');
    expect(mail.body).toContain('2 minutes');
    expect(mail.body).toContain('no account');
    expect(mail.body).toMatch(/promised an answer by \w+day/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Another sweep sends nothing more: one link per interviewer and stage.
    await sweep();
    expect(await linksOf(application.id)).toHaveLength(1);
    const { rows: requests } = await api.pool.query(
      `SELECT recipient_id, body FROM notifications WHERE application_id = $1 AND kind = 'client_review_request'`,
      [application.id],
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].recipient_id).toBeNull();

    // Only a hash is stored; once sent, the outbox keeps the email without the token, and staff never see it.
    await until(
      async () =>
        (
          await api.pool.query(
            `SELECT 1 FROM notifications WHERE application_id = $1 AND kind = 'client_review_request' AND status = 'sent'`,
            [application.id],
          )
        ).rows.length === 1,
      'the request is marked sent',
    );
    const { rows: stored } = await api.pool.query(
      `SELECT n.body, l.token_hash FROM notifications n JOIN client_review_links l ON l.application_id = n.application_id
        WHERE n.application_id = $1 AND n.kind = 'client_review_request'`,
      [application.id],
    );
    expect(stored[0].body).not.toContain(token);
    expect(stored[0].token_hash.toString('base64url')).not.toContain(token);
    const outgoing = await staff.get<NotificationPage>(
      `/api/agency/notifications?applicationId=${application.id}&kind=client_review_request`,
    );
    expect(outgoing.body.items[0].recipientEmail).toBe(contactEmail);
    expect(outgoing.body.items[0].body).not.toContain(token);

    // The agency's history says so; the candidate's does not.
    const agencyView = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    expect(agencyView.timeline.map((entry) => entry.text)).toContain(
      `Review link sent to ${contactName} (client) for Phone screen.`,
    );
    const candidateView = (await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`))
      .body;
    expect(JSON.stringify(candidateView)).not.toContain('Review link');

    // Opening the page logs no token anywhere.
    expectStatus(await open(token), 200, 'open');
    expect(api.process.output.join('')).not.toContain(token);
  });

  it('opens a page with exactly the interview’s facts, and nothing that reaches the candidate', async () => {
    const { application, candidate, job, contactName, token } = await reviewRequested({ withCv: true });
    const response = await open(token);
    expectStatus(response, 200, 'open');
    const page = response.body;
    expect(Object.keys(page).sort()).toEqual(
      [
        'candidateName',
        'clientName',
        'cv',
        'expiresAt',
        'feedbackDueAt',
        'interview',
        'interviewerName',
        'jobTitle',
        'stageName',
      ].sort(),
    );
    expect(page).toMatchObject({
      interviewerName: contactName,
      jobTitle: job.title,
      stageName: 'Phone screen',
      cv: { fileName: 'Sam CV.pdf', sizeBytes: expect.any(Number) },
      interview: { startsAt: application.stages[0].startsAt, endsAt: application.stages[0].endsAt },
    });
    expect(page.candidateName).toMatch(/^Sam Candidate/);
    expect(new Date(page.expiresAt).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * HOUR);
    const words = JSON.stringify(page);
    expect(words).not.toContain(candidate.email);
    expect(words).not.toContain('Technical');

    const cv = await client().send('POST', '/api/client-review/cv', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
      xsrf: true,
    });
    expect(cv.status).toBe(200);
    expect(cv.text).toBe("%PDF-1.4 Sam's CV");
    expect(cv.headers.get('content-disposition')).toContain('attachment');
    expect(cv.headers.get('cache-control')).toContain('no-store');
  });

  it('answers 404 to an unknown token and never shows another application', async () => {
    const first = await reviewRequested();
    const second = await reviewRequested();
    const unknown = await open(randomBytes(32).toString('base64url'));
    expect(unknown.status).toBe(404);
    expect((unknown.body as unknown as ApiError).code).toBe(ErrorCode.NotFound);
    expect((await open('not-a-token')).status).toBe(404);

    // Each token opens its own application only.
    expect((await open(first.token)).body.candidateName).toBe((await open(first.token)).body.candidateName);
    expect((await open(first.token)).body.jobTitle).toBe(first.job.title);
    expect((await open(second.token)).body.jobTitle).toBe(second.job.title);
    // A token with another application's id is refused: the id is no part of a review request.
    const withId = await client().post('/api/client-review/open', {
      token: first.token,
      applicationId: second.application.id,
    });
    expect(withId.status).toBe(400);
    // And a token is no key to the agency's routes for either application.
    const asVisitor = client();
    expect((await asVisitor.get(`/api/agency/applications/${second.application.id}/client-feedback`)).status).toBe(401);
    expect((await asVisitor.get(`/api/applications/${first.application.id}`)).status).toBe(401);
  });

  it('says expired once its time has passed', async () => {
    const { application, token } = await reviewRequested();
    // Simulated time: the link was made 30 days ago and expired yesterday.
    await api.pool.query(
      `UPDATE client_review_links SET created_at = now() - interval '30 days', expires_at = now() - interval '1 day' WHERE application_id = $1`,
      [application.id],
    );
    expectClosed(await open(token), ClientReviewLinkState.Expired);
    expectClosed(await feedback(token), ClientReviewLinkState.Expired);
    expect((await linksOf(application.id))[0].state).toBe(ClientReviewLinkState.Expired);
    expect(await draftsOf(application.id)).toEqual([]);
  });

  it('says revoked once the owning recruiter revokes it, audits it, and a resent link works', async () => {
    const { application, contactEmail, token } = await reviewRequested();
    const [link] = await linksOf(application.id);
    // Another recruiter's stage is not theirs to act on.
    expect((await otherRecruiter.post(`/api/agency/client-review-links/${link.id}/revoke`)).status).toBe(403);
    const revoked = await recruiter.post<ClientReviewLinkView>(`/api/agency/client-review-links/${link.id}/revoke`);
    expectStatus(revoked, 200, 'revoke');
    expect(revoked.body.state).toBe(ClientReviewLinkState.Revoked);
    expectClosed(await open(token), ClientReviewLinkState.Revoked);
    const { rows: audit } = await api.pool.query(
      `SELECT actor_id FROM audit_events WHERE entity_id = $1 AND action = 'application.client_review_link_revoked'`,
      [application.id],
    );
    expect(audit.map((row) => row.actor_id)).toEqual([recruiterId]);

    const resent = await staff.post<ClientReviewLinkView>(`/api/agency/client-review-links/${link.id}/resend`);
    expectStatus(resent, 200, 'resend');
    expect(resent.body.state).toBe(ClientReviewLinkState.Open);
    const mails = await waitForMails(contactEmail, 2);
    const fresh = tokenIn(mails[1].body);
    expect(fresh).not.toBe(token);
    expectStatus(await open(fresh), 200, 'open the resent link');
    expectClosed(await open(token), ClientReviewLinkState.Revoked);
    // The old one has a newer link: resending it again is refused.
    expect((await staff.post(`/api/agency/client-review-links/${link.id}/resend`)).status).toBe(409);
  });

  it('takes the client’s feedback once: a draft the recruiter is told about, then the link says used', async () => {
    const { application, token, contactName } = await reviewRequested();
    const sent = await feedback(token);
    expectStatus(sent, 201, 'send feedback');
    expect(sent.body).toEqual({ published: false });
    expectClosed(await open(token), ClientReviewLinkState.Used);
    expectClosed(await feedback(token), ClientReviewLinkState.Used);

    const [draft] = await draftsOf(application.id);
    expect(draft).toMatchObject({
      stageName: 'Phone screen',
      contact: { fullName: contactName, role: 'Head of Data' },
      decision: FeedbackDecision.Advance,
      rating: 3,
      internalNotes: 'CLIENT-ONLY: strong on systems, weaker on SQL.',
      publishedAt: null,
      publishedBy: null,
    });
    const { rows: told } = await api.pool.query(
      `SELECT recipient_id FROM notifications WHERE application_id = $1 AND kind = 'client_feedback_received'`,
      [application.id],
    );
    expect(told.map((row) => row.recipient_id)).toEqual([recruiterId]);
    // The recruiter's queue says the client's feedback is in, so they review it rather than write their own.
    const queue = await recruiter.get<FeedbackQueuePage>('/api/feedback/queue?mine=true&limit=100');
    expect(queue.body.items.find((item) => item.applicationId === application.id)).toMatchObject({
      clientDraftsWaiting: 1,
    });
  });

  it('says the feedback was recorded when the agency recorded it meanwhile', async () => {
    const { application, token } = await reviewRequested();
    const current = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    await recordFeedback(recruiter, current as unknown as CandidateApplicationView, 0);
    expectClosed(await open(token), ClientReviewLinkState.FeedbackRecorded);
    expectClosed(await feedback(token), ClientReviewLinkState.FeedbackRecorded);
  });

  it('stops asking once the candidate has withdrawn', async () => {
    const { application, candidate, token } = await reviewRequested();
    const mine = (await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`)).body;
    expectStatus(
      await candidate.session.post(`/api/applications/${application.id}/withdraw`, {
        version: mine.version,
        reason: 'Took another offer',
      }),
      200,
      'withdraw',
    );
    expectClosed(await open(token), ClientReviewLinkState.Revoked);
    expectClosed(await feedback(token), ClientReviewLinkState.Revoked);
    // The agency sees it so, and cannot send the interviewer a new link about a closed application.
    const [link] = await linksOf(application.id);
    expect(link.state).toBe(ClientReviewLinkState.Revoked);
    const resend = await staff.post<ApiError>(`/api/agency/client-review-links/${link.id}/resend`);
    expect(resend.status).toBe(409);
    expect(resend.body.message).toContain('application is closed');
    const { rows: requests } = await api.pool.query(
      `SELECT 1 FROM notifications WHERE application_id = $1 AND kind = 'client_review_request'`,
      [application.id],
    );
    expect(requests).toHaveLength(1);
  });

  it('closes an interviewer’s link once they have left the client: no page, no CV, no feedback, no new link, no reminder', async () => {
    const { application, job, contactId, contactEmail, contactName, token } = await reviewRequested({
      autoPublish: true,
      withCv: true,
    });
    expectStatus(await open(token), 200, 'open before they left');
    expectStatus(await staff.post(`/api/clients/${job.clientId}/contacts/${contactId}/archive`), 200, 'archive');

    expectClosed(await open(token), ClientReviewLinkState.Revoked);
    const cv = await client().send('POST', '/api/client-review/cv', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
      xsrf: true,
    });
    expect(cv.status).toBe(410);
    // With auto-publish on, their words would have become the candidate's feedback: refused, nothing stored.
    expectClosed(await feedback(token, { decision: FeedbackDecision.Reject }), ClientReviewLinkState.Revoked);
    expect(await draftsOf(application.id)).toEqual([]);
    const current = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    expect(current.status).not.toBe(ApplicationStatus.Rejected);

    const [link] = await linksOf(application.id);
    expect(link.state).toBe(ClientReviewLinkState.Revoked);
    expect(link.contactLeftAt).not.toBeNull();
    const resend = await recruiter.post<ApiError>(`/api/agency/client-review-links/${link.id}/resend`);
    expect(resend.status).toBe(409);
    expect(resend.body.message).toBe(
      `${contactName} has left the client (their contact is archived): their links no longer open, and no new one is sent. Record the stage's feedback yourself.`,
    );
    // The reminder ladder skips them: after the due time has passed, nothing more is sent to them.
    await api.pool.query(
      `UPDATE application_stages SET feedback_due_at = now() - interval '3 days' WHERE application_id = $1`,
      [application.id],
    );
    await sweep();
    const { rows: alerts } = await api.pool.query(`SELECT kind FROM client_review_alerts WHERE contact_id = $1`, [
      contactId,
    ]);
    expect(alerts).toEqual([]);
    expect(await mailsTo(contactEmail)).toHaveLength(1);
  });

  it('publishes a draft with the recruiter’s edited words, which the candidate then reads; twice is refused', async () => {
    const { application, candidate, token, contactName } = await reviewRequested();
    expectStatus(await feedback(token), 201, 'send feedback');
    const [draft] = await draftsOf(application.id);
    const before = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    const edited = 'Thank you, Sam: the team enjoyed your design walk-through and would like to meet you again.';
    const path = `/api/agency/applications/${application.id}/client-feedback/${draft.id}/publish`;
    // Not the other recruiter's to publish.
    expect((await otherRecruiter.post(path, { version: before.version, candidateMessage: edited })).status).toBe(403);
    const published = await recruiter.post<ApplicationView>(path, {
      version: before.version,
      candidateMessage: edited,
    });
    expectStatus(published, 200, 'publish');
    expect(published.body.stages[0].feedback).toMatchObject({
      decision: FeedbackDecision.Advance,
      rating: 3,
      candidateMessage: edited,
      internalNotes: 'CLIENT-ONLY: strong on systems, weaker on SQL.',
      givenBy: `${contactName} (client)`,
    });
    const [after] = await draftsOf(application.id);
    expect(after.publishedAt).not.toBeNull();
    expect(after.publishedBy?.id).toBe(recruiterId);

    const seen = (await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`)).body;
    expect(seen.stages[0].feedback?.candidateMessage).toBe(edited);
    expect(JSON.stringify(seen)).not.toContain('CLIENT-ONLY');

    const again = await recruiter.post(path, { version: published.body.version, candidateMessage: edited });
    expect(again.status).toBe(409);
    expect((again.body as ApiError).code).toBe(ErrorCode.FeedbackAlreadyRecorded);
  });

  it('publishes at once for a client with auto-publish on, recorded by the stage owner', async () => {
    const { application, candidate, token, contactName } = await reviewRequested({ autoPublish: true });
    const sent = await feedback(token, { candidateMessage: 'Straight from the client: well done.' });
    expectStatus(sent, 201, 'send feedback');
    expect(sent.body).toEqual({ published: true });
    const seen = (await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`)).body;
    expect(seen.stages[0].feedback?.candidateMessage).toBe('Straight from the client: well done.');
    const [draft] = await draftsOf(application.id);
    expect(draft.publishedAt).not.toBeNull();
    expect(draft.publishedBy).toBeNull();
    const { rows } = await api.pool.query('SELECT recorded_by, given_by FROM feedback WHERE application_id = $1', [
      application.id,
    ]);
    expect(rows).toEqual([{ recorded_by: recruiterId, given_by: `${contactName} (client)` }]);
    const { rows: told } = await api.pool.query(
      `SELECT 1 FROM notifications WHERE application_id = $1 AND kind = 'client_feedback_received'`,
      [application.id],
    );
    expect(told).toHaveLength(0);
    const agencyView = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    expect(agencyView.timeline.some((entry) => entry.type === TimelineEventType.ClientFeedbackReceived)).toBe(true);
  });

  it('keeps the client’s feedback as a draft, telling the recruiter, when the rules refuse to auto-publish it', async () => {
    const { application, token } = await reviewRequested({ autoPublish: true });
    const before = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    // The feedback rule refuses this one feedback, as it would an interview's feedback owed elsewhere first.
    const refusal = `refuse_${randomUUID().replaceAll('-', '')}`;
    await api.pool.query(`
      CREATE FUNCTION ${refusal}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.application_id = '${application.id}' THEN
            RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation', CONSTRAINT = 'stage_feedback_required';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER ${refusal} BEFORE INSERT ON feedback FOR EACH ROW EXECUTE FUNCTION ${refusal}();`);
    try {
      const sent = await feedback(token);
      expectStatus(sent, 201, 'send feedback');
      expect(sent.body).toEqual({ published: false });
    } finally {
      await api.pool.query(`DROP TRIGGER ${refusal} ON feedback; DROP FUNCTION ${refusal}();`);
    }
    const [draft] = await draftsOf(application.id);
    expect(draft.publishedAt).toBeNull();
    const after = (await recruiter.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    expect(after.stages[0].feedback).toBeNull();
    expect(after.status).toBe(before.status);
    expect(after.timeline.some((entry) => entry.type === TimelineEventType.ClientFeedbackReceived)).toBe(true);
    const { rows } = await api.pool.query(
      `SELECT 1 FROM notifications WHERE application_id = $1 AND kind = 'client_feedback_received'`,
      [application.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses bad feedback naming the field, and the link stays open', async () => {
    const { application, token } = await reviewRequested();
    const fieldsOf = (response: { body: unknown }) =>
      ((response.body as ApiError).details ?? []).map((detail) => detail.field);
    const badRating = await feedback(token, { rating: 7 });
    expect(badRating.status).toBe(400);
    expect(fieldsOf(badRating)).toEqual(['rating']);
    const noWords = await feedback(token, { candidateMessage: '   ' });
    expect(noWords.status).toBe(400);
    expect(fieldsOf(noWords)).toEqual(['candidateMessage']);
    const holdWithoutDate = await feedback(token, { decision: FeedbackDecision.Hold });
    expect(holdWithoutDate.status).toBe(400);
    expect(fieldsOf(holdWithoutDate)).toEqual(['holdUntil']);
    const holdTooFar = await feedback(token, {
      decision: FeedbackDecision.Hold,
      holdUntil: new Date(Date.now() + 90 * 24 * HOUR).toISOString(),
    });
    expect(holdTooFar.status).toBe(400);
    expect(fieldsOf(holdTooFar)).toEqual(['holdUntil']);
    expect(await draftsOf(application.id)).toEqual([]);
    expectStatus(await open(token), 200, 'still open');
  });

  it('limits the calls one link can make', async () => {
    const { token } = await reviewRequested();
    const statuses: number[] = [];
    for (let call = 0; call <= PER_LINK_LIMIT; call++) statuses.push((await open(token)).status);
    expect(statuses.slice(0, PER_LINK_LIMIT).every((status) => status === 200)).toBe(true);
    expect(statuses[PER_LINK_LIMIT]).toBe(429);
  });
});
