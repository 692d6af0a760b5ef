import {
  ApiError,
  ApplicationStatus,
  ApplicationView,
  CandidateApplicationView,
  CandidateUpdateKind,
  DeadlineSweepResult,
  ErrorCode,
  FeedbackDecision,
  MyApplicationsPage,
  RegistrationConfirmedView,
  UserRole,
} from '@heardback/contracts';
import { randomInt, randomUUID } from 'node:crypto';
import { ApiSession } from '../support/api-client';
import { database } from '../support/database';
import {
  PASSWORD,
  apply,
  createOpenJob,
  insertAgencyUser,
  interviewHeld,
  registerCandidate,
  registrationTokenFor,
  signIn,
  staffForTheseTests,
} from '../support/factories';
import { findPersonalData } from '../support/personal-data-scan';

const HOUR = 3_600_000;
const NAME = 'Zebedee Quillfeather';
/**
 * A drama number (07700 900xxx), its own in the shared test database: the scan below searches every
 * table, and other specs store phone numbers there too (documents.spec uses 900123).
 */
const PHONE = `+447700900${randomInt(500, 1000)}`;

function expectOk(response: { status: number; body: unknown }, status: number): void {
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
}

/** What the agency's statistics are made of, for the jobs the candidate applied to. */
async function agencyCounts(jobIds: string[]) {
  const db = database();
  const { rows: byStatus } = await db.query(
    `SELECT job_id, status, count(*)::int AS n FROM applications WHERE job_id = ANY($1) GROUP BY job_id, status ORDER BY job_id, status`,
    [jobIds],
  );
  const { rows: stages } = await db.query(
    `SELECT s.state, count(*)::int AS n, count(s.starts_at)::int AS scheduled, count(s.feedback_due_at)::int AS due
       FROM application_stages s JOIN applications a ON a.id = s.application_id
      WHERE a.job_id = ANY($1) GROUP BY s.state ORDER BY s.state`,
    [jobIds],
  );
  const { rows: feedback } = await db.query(
    `SELECT f.decision, f.rating, f.version, f.recorded_at FROM feedback f JOIN applications a ON a.id = f.application_id
      WHERE a.job_id = ANY($1) ORDER BY f.recorded_at, f.id`,
    [jobIds],
  );
  const { rows: timeline } = await db.query(
    `SELECT count(*)::int AS n FROM timeline_events t JOIN applications a ON a.id = t.application_id WHERE a.job_id = ANY($1)`,
    [jobIds],
  );
  return { byStatus, stages, feedback, timelineEvents: timeline[0].n as number };
}

describe('erasing an account (DELETE /api/me)', () => {
  const staff = staffForTheseTests();

  /**
   * A candidate the agency knows well: three applications through several stages (feedback with
   * their name in it, an upcoming interview, a moved promise, a rejection), a withdrawal with a
   * reason, messages and a request for an update, a decision date, a profile time zone, and their
   * work reassigned between recruiters (mail to the agency that names them).
   */
  async function richCandidate() {
    const owner = await insertAgencyUser(database(), UserRole.Recruiter, 'Olive Owner');
    const other = await insertAgencyUser(database(), UserRole.Recruiter, 'Otto Other');
    const recruiter = await signIn(new ApiSession(), owner.email);
    const jobs = await Promise.all([
      createOpenJob(staff, { ownerId: owner.id }),
      createOpenJob(staff, { ownerId: owner.id }),
      createOpenJob(staff, { ownerId: owner.id }),
    ]);
    const email = `zebedee.quillfeather-${randomUUID().slice(0, 6)}@example.test`;
    const { session, id } = await registerCandidate(NAME, new ApiSession(), email);
    expectOk(
      await session.patch('/api/me/profile', {
        fullName: NAME,
        timeZone: 'Europe/Amsterdam',
        phone: PHONE,
        location: 'Quillfeather Lane, Leeds',
        profileLink: 'https://example.test/zebedee-quillfeather',
      }),
      200,
    );
    // A CV whose words name them (stored as an upload stores it; documents.spec covers the upload itself).
    const {
      rows: [cv],
    } = await database().query<{ id: string }>(
      `INSERT INTO candidate_documents (candidate_id, kind, file_name, media_type, size_bytes, content, sha256)
       SELECT $1, 'cv', 'Zebedee Quillfeather CV.pdf', 'application/pdf', octet_length(c), c, encode(sha256(c), 'hex')
         FROM (SELECT convert_to('%PDF-1.4 Zebedee Quillfeather, ' || $2, 'UTF8') AS c) AS file
       RETURNING id`,
      [id, PHONE],
    );

    // 1: through the phone screen with feedback, the technical interview booked for tomorrow.
    const first = await apply(session, jobs[0].id, {
      cvDocumentId: cv.id,
      coverLetterText: `Zebedee Quillfeather here: call me on ${PHONE}.`,
    });
    let agencyView: ApplicationView = await interviewHeld(recruiter, first, 0);
    // A client interviewer on that stage: the sweep emails them a review link naming the candidate.
    const {
      rows: [contact],
    } = await database().query<{ id: string }>(
      `INSERT INTO client_contacts (client_id, full_name, email) VALUES ($1, 'Cora Client', $2) RETURNING id`,
      [jobs[0].clientId, `cora-${randomUUID().slice(0, 6)}@example.test`],
    );
    await database().query('INSERT INTO stage_client_interviewers (stage_id, contact_id) VALUES ($1, $2)', [
      first.stages[0].id,
      contact.id,
    ]);
    // The deadline sweep writes reminders to the agency that name the candidate.
    await database().query(
      `UPDATE application_stages SET starts_at = starts_at - interval '3 days', ends_at = ends_at - interval '3 days' WHERE id = $1`,
      [first.stages[0].id],
    );
    expectOk(await staff.post<DeadlineSweepResult>('/api/agency/deadlines/sweep'), 200);
    agencyView = (await recruiter.get<ApplicationView>(`/api/applications/${first.id}`)).body;
    const feedback = await recruiter.post<ApplicationView>(
      `/api/applications/${first.id}/stages/${first.stages[0].id}/feedback`,
      {
        decision: FeedbackDecision.Advance,
        rating: 4,
        candidateMessage: `${NAME}, you explained your approach clearly.`,
        internalNotes: `Zebedee was the strongest so far; Quillfeather expects more.`,
        version: agencyView.version,
      },
    );
    expectOk(feedback, 201);
    // What the client wrote through the link (a draft; the recruiter's feedback went first).
    await database().query(
      `INSERT INTO client_feedback_drafts (link_id, stage_id, application_id, contact_id, decision, rating, candidate_message, internal_notes)
       SELECT id, stage_id, application_id, contact_id, 'advance', 3, $2, $3 FROM client_review_links WHERE stage_id = $1`,
      [first.stages[0].id, `${NAME} impressed us.`, `Zebedee Quillfeather asked about pay.`],
    );
    const tomorrow = Date.now() + 24 * HOUR;
    const scheduled = await recruiter.post<ApplicationView>(
      `/api/applications/${first.id}/stages/${first.stages[1].id}/schedule`,
      {
        startsAt: new Date(tomorrow).toISOString(),
        endsAt: new Date(tomorrow + HOUR).toISOString(),
        location: `Video call with ${NAME}`,
        interviewers: ['Hiring manager'],
        version: feedback.body.version,
      },
    );
    expectOk(scheduled, 200);
    let candidateView = (await session.get<CandidateApplicationView>(`/api/applications/${first.id}`)).body;
    expectOk(
      await session.post(`/api/applications/${first.id}/updates`, {
        kind: CandidateUpdateKind.OtherOffer,
        text: `${NAME} has another offer from Acme`,
        deadline: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
        version: candidateView.version,
      }),
      201,
    );
    candidateView = (await session.get<CandidateApplicationView>(`/api/applications/${first.id}`)).body;
    expectOk(
      await session.request('PUT', `/api/applications/${first.id}/decision-date`, {
        decisionDate: new Date(Date.now() + 10 * 24 * HOUR).toISOString(),
        version: candidateView.version,
      }),
      200,
    );

    // 2: open, with a moved promise and a request for an update.
    const second = await apply(session, jobs[1].id);
    const redated = await recruiter.post<ApplicationView>(`/api/applications/${second.id}/promise`, {
      dueAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
      candidateMessage: `Sorry ${NAME}, the client is travelling.`,
      version: second.version,
    });
    expectOk(redated, 200);
    const secondView = (await session.get<CandidateApplicationView>(`/api/applications/${second.id}`)).body;
    expectOk(
      await session.post(`/api/applications/${second.id}/updates`, {
        kind: CandidateUpdateKind.RequestUpdate,
        text: `Any news for Zebedee?`,
        version: secondView.version,
      }),
      201,
    );

    // 3: rejected with words that name them.
    const third = await apply(session, jobs[2].id);
    expectOk(
      await recruiter.post(`/api/applications/${third.id}/reject`, {
        candidateMessage: `Dear ${NAME}, the client chose someone with more Rust.`,
        version: third.version,
      }),
      200,
    );
    // Their answer to "how did we do" on the closed application, in words that name them.
    expectOk(
      await session.put(`/api/me/applications/${third.id}/satisfaction`, {
        recommendScore: 6,
        keptInformed: true,
        words: `${NAME} would have liked a call from ${PHONE}'s recruiter.`,
      }),
      200,
    );

    // All of the owner's open work moves at once: one email to the new owner lists the candidate.
    expectOk(
      await staff.post('/api/agency/reassignments', { scope: 'recruiter', fromUserId: owner.id, toUserId: other.id }),
      200,
    );

    // 4: a withdrawal with a reason in their own words (a fourth job, so the others stay open).
    const fourthJob = await createOpenJob(staff, { ownerId: owner.id });
    const fourth = await apply(session, fourthJob.id);
    expectOk(
      await session.post(`/api/applications/${fourth.id}/withdraw`, {
        reason: `${NAME} is moving to Lisbon`,
        version: fourth.version,
      }),
      200,
    );

    return {
      session,
      id,
      email,
      jobIds: [...jobs.map((job) => job.id), fourthJob.id],
      applicationIds: [first.id, second.id, third.id, fourth.id],
      openApplicationIds: [first.id, second.id],
      newOwnerId: other.id,
    };
  }

  it('leaves no trace of the name or email in any column of any table, and the agency keeps its counts', async () => {
    const candidate = await richCandidate();
    const localPart = candidate.email.split('@')[0];
    const words = [NAME, 'Quillfeather', 'Zebedee', candidate.email, localPart, PHONE.slice(1)];
    // The candidate is findable everywhere before: the scan is really looking.
    const before = await findPersonalData(words);
    expect(before.map((hit) => hit.column)).toEqual(
      expect.arrayContaining([
        'public.users.full_name',
        'public.users.email',
        'public.feedback.candidate_message',
        'public.feedback.internal_notes',
        'public.timeline_events.text',
        'public.notifications.body',
        'public.candidate_updates.text',
        'public.applications.withdrawal_reason',
        'public.applications.rejection_message',
        'public.application_promises.sentence',
        'public.users.phone',
        'public.candidate_documents.content',
        'public.applications.cover_letter_text',
        'public.client_feedback_drafts.candidate_message',
        'public.client_feedback_drafts.internal_notes',
      ]),
    );
    // The client's review email named the candidate too.
    const { rows: reviewMail } = await database().query(
      `SELECT body FROM notifications WHERE kind = 'client_review_request' AND application_id = $1`,
      [candidate.applicationIds[0]],
    );
    expect(reviewMail[0].body).toContain(NAME);
    const countsBefore = await agencyCounts(candidate.jobIds);

    const erased = await candidate.session.request('DELETE', '/api/me', { password: PASSWORD });
    expect(erased.status).toBe(204);

    // The link to finish registering went to the address before the account existed: it goes too.
    const { rows: toTheAddress } = await database().query(
      'SELECT subject FROM notifications WHERE recipient_email = $1',
      [candidate.email],
    );
    expect(toTheAddress).toEqual([]);
    expect(await findPersonalData(words)).toEqual([]);
    // No review link opens a page about them any more.
    const { rows: liveLinks } = await database().query(
      'SELECT id FROM client_review_links WHERE application_id = ANY($1) AND revoked_at IS NULL',
      [candidate.applicationIds],
    );
    expect(liveLinks).toEqual([]);

    const countsAfter = await agencyCounts(candidate.jobIds);
    // Every application, stage and feedback stays; the two open applications are now withdrawn.
    const expectedByStatus = countsBefore.byStatus
      .map((row) => ({ ...row }))
      .map((row) =>
        ['applied', 'screening', 'interviewing', 'offer'].includes(row.status) ? { ...row, status: 'withdrawn' } : row,
      );
    const merged = new Map<string, { job_id: string; status: string; n: number }>();
    for (const row of expectedByStatus) {
      const key = `${row.job_id}:${row.status}`;
      merged.set(key, { ...row, n: (merged.get(key)?.n ?? 0) + row.n });
    }
    expect(countsAfter.byStatus).toEqual(
      [...merged.values()].sort((a, b) => `${a.job_id}:${a.status}`.localeCompare(`${b.job_id}:${b.status}`)),
    );
    expect(countsAfter.stages.reduce((sum, row) => sum + row.n, 0)).toBe(
      countsBefore.stages.reduce((sum, row) => sum + row.n, 0),
    );
    expect(countsAfter.feedback).toEqual(countsBefore.feedback);
    // One "withdrawn" event per application that was open.
    expect(countsAfter.timelineEvents).toBe(countsBefore.timelineEvents + candidate.openApplicationIds.length);

    // The tombstone keeps the foreign keys; the recruiter is told, without a name.
    const { rows: tombstone } = await database().query(
      'SELECT full_name, erased_at, disabled_at FROM users WHERE id = $1',
      [candidate.id],
    );
    expect(tombstone[0]).toMatchObject({ full_name: 'Erased candidate' });
    expect(tombstone[0].erased_at).not.toBeNull();
    const { rows: told } = await database().query(
      `SELECT recipient_id, subject, body FROM notifications WHERE kind = 'candidate_left' AND application_id = ANY($1)`,
      [candidate.openApplicationIds],
    );
    expect(told).toHaveLength(2);
    expect(told.every((row) => row.recipient_id === candidate.newOwnerId)).toBe(true);
    expect(told.map((row) => row.body).join('\n')).toContain('will not take place');
    const { rows: toThem } = await database().query(
      'SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1',
      [candidate.id],
    );
    expect(toThem[0].n).toBe(0);
    const { rows: sessions } = await database().query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [
      candidate.id,
    ]);
    expect(sessions[0].n).toBe(0);
  });

  it('signs the browser out, refuses the old password, and lets the same address register a fresh account', async () => {
    const candidate = await richCandidate();
    const erased = await candidate.session.request('DELETE', '/api/me', { password: PASSWORD });
    expect(erased.status).toBe(204);
    expect((await candidate.session.get('/api/auth/me')).status).toBe(401);

    const again = new ApiSession();
    const signInAgain = await again.post<ApiError>('/api/auth/login', { email: candidate.email, password: PASSWORD });
    expect(signInAgain.status).toBe(401);
    expect(signInAgain.body.code).toBe(ErrorCode.InvalidCredentials);

    const registered = await again.post('/api/auth/register', {
      email: candidate.email,
      password: PASSWORD,
      fullName: 'Zed Fresh',
    });
    expect(registered.status).toBe(202);
    // The address has no account any more: it is sent the link that makes a new one, not told it is taken.
    const confirmed = await again.post<RegistrationConfirmedView>('/api/auth/register/confirm', {
      token: await registrationTokenFor(candidate.email),
      password: PASSWORD,
    });
    expect(confirmed.status).toBe(200);
    const me = await again.get<{ id: string; fullName: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).not.toBe(candidate.id);
    expect(me.body).toMatchObject({ id: confirmed.body.user.id, fullName: 'Zed Fresh' });
    expect((await again.get<MyApplicationsPage>('/api/me/applications')).body).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
      totals: { open: 0, closed: 0 },
    });
  });

  it('refuses a wrong password with a clear 400 on the password field, and erases nothing', async () => {
    const owner = await insertAgencyUser(database(), UserRole.Recruiter);
    const job = await createOpenJob(staff, { ownerId: owner.id });
    const email = `wrong-password-${randomUUID().slice(0, 6)}@example.test`;
    const { session } = await registerCandidate('Wanda Wrong', new ApiSession(), email);
    const applied = await apply(session, job.id);

    const refused = await session.request<ApiError>('DELETE', '/api/me', { password: 'not my password at all' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(ErrorCode.ValidationFailed);
    expect(refused.body.details).toEqual([{ field: 'password', reasons: ['This is not your current password.'] }]);
    const missing = await session.request<ApiError>('DELETE', '/api/me', {});
    expect(missing.status).toBe(400);
    expect(missing.body.details?.[0].field).toBe('password');

    const view = await session.get<CandidateApplicationView>(`/api/applications/${applied.id}`);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe(ApplicationStatus.Applied);
    const { rows } = await database().query('SELECT full_name, erased_at FROM users WHERE email = $1', [email]);
    expect(rows[0]).toEqual({ full_name: 'Wanda Wrong', erased_at: null });
  });

  it('is only for candidates: an agency account gets 403 and stays', async () => {
    const refused = await staff.request<ApiError>('DELETE', '/api/me', { password: PASSWORD });
    expect(refused.status).toBe(403);
    expect((await staff.get('/api/auth/me')).status).toBe(200);
  });
});
