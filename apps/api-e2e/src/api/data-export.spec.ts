import {
  CandidateApplicationView,
  CandidateUpdateKind,
  DataExport,
  EXPORT_JSON_NAME,
  UserRole,
} from '@heardback/contracts';
import { unzipSync } from 'fflate';
import { ApiSession } from '../support/api-client';
import { database } from '../support/database';
import {
  FINISH_REGISTRATION_SUBJECT,
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  signIn,
  staffForTheseTests,
} from '../support/factories';

async function download(session: ApiSession) {
  const response = await session.send('GET', '/api/me/export');
  return response;
}

async function exportOf(session: ApiSession): Promise<{ files: Record<string, Uint8Array>; content: DataExport }> {
  const response = await fetch(`${process.env['API_URL']}/api/me/export`, {
    headers: { cookie: `hb_session=${session.sessionCookie}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="heardback-export.zip"');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return { files, content: JSON.parse(new TextDecoder().decode(files[EXPORT_JSON_NAME])) as DataExport };
}

describe('exporting one’s data (GET /api/me/export)', () => {
  const staff = staffForTheseTests();

  it('holds the profile, every application with its words for the candidate, every email sent, their own messages and sessions', async () => {
    const owner = await insertAgencyUser(database(), UserRole.Recruiter, 'Rita Recruiter');
    const recruiter = await signIn(new ApiSession(), owner.email);
    const job = await createOpenJob(staff, { ownerId: owner.id, title: 'Export Engineer' });
    const candidate = await registerCandidate('Xavier Export');
    await database().query('UPDATE users SET email_verified_at = now() WHERE id = $1', [candidate.id]);
    const applied = await apply(candidate.session, job.id);
    await interviewHeld(recruiter, applied, 0);
    const latest = (await candidate.session.get<CandidateApplicationView>(`/api/applications/${applied.id}`)).body;
    await recordFeedback(recruiter, latest, 0);
    const afterFeedback = (await candidate.session.get<CandidateApplicationView>(`/api/applications/${applied.id}`))
      .body;
    const told = await candidate.session.post(`/api/applications/${applied.id}/updates`, {
      kind: CandidateUpdateKind.Availability,
      text: 'I am free on Thursdays.',
      version: afterFeedback.version,
    });
    expect(told.status).toBe(201);

    const { files, content } = await exportOf(candidate.session);

    expect(Object.keys(files).sort()).toEqual(['documents/', EXPORT_JSON_NAME]);
    expect(content.profile).toMatchObject({ id: candidate.id, email: candidate.email, fullName: 'Xavier Export' });
    expect(content.applications).toHaveLength(1);
    const [application] = content.applications;
    expect(application.job).toMatchObject({ title: 'Export Engineer', location: 'Rotterdam' });
    expect(application.job.client).toMatch(/^Client /);
    expect(application.stages.map((stage) => stage.name)).toEqual(['Phone screen', 'Technical', 'Final']);
    expect(application.feedback).toEqual([
      expect.objectContaining({ stage: 'Phone screen', message: 'Thank you: you explained your approach clearly.' }),
    ]);
    expect(application.timeline.map((event) => event.type)).toEqual(
      expect.arrayContaining(['applied', 'feedback_recorded']),
    );
    expect(application.yourMessages).toEqual([
      expect.objectContaining({ kind: 'availability', text: 'I am free on Thursdays.' }),
    ]);
    const { rows: mail } = await database().query(
      'SELECT subject, body FROM notifications WHERE recipient_id = $1 ORDER BY sequence',
      [candidate.id],
    );
    expect(mail.length).toBeGreaterThan(0);
    // As written, but for the verification link's key (its email is not sent yet: no mail runs here).
    expect(content.messagesSent.map((message) => ({ subject: message.subject, body: message.body }))).toEqual(
      mail.map((message: { subject: string; body: string }) => ({
        subject: message.subject,
        body: message.body.replace(/(\?token=)[A-Za-z0-9_%.~-]+/g, '$1(link hidden)'),
      })),
    );
    expect(content.sessions.length).toBeGreaterThan(0);
    // The consent given when applying, under the notice they read.
    expect(content.consents).toEqual([
      expect.objectContaining({ kind: 'application', applicationId: applied.id, withdrawnAt: null }),
    ]);

    // Nothing meant for the agency only: notes, ratings, decisions, interviewers, agency-only events.
    const text = new TextDecoder().decode(files[EXPORT_JSON_NAME]);
    expect(text).not.toContain('INTERNAL');
    expect(text).not.toContain('Hiring manager');
    expect(text).not.toMatch(/"rating"|"decision"|"internalNotes"|"interviewers"/);
    const { rows: agencyOnly } = await database().query(
      'SELECT text FROM timeline_events WHERE application_id = $1 AND NOT candidate_visible',
      [applied.id],
    );
    for (const event of agencyOnly) expect(application.timeline.map((shown) => shown.text)).not.toContain(event.text);
  });

  it('hands over no link that works as a key: a stolen session cannot turn the export into a new password', async () => {
    const candidate = await registerCandidate('Kim Keyless');
    // Verified from the start (ADR 0067); made unverified in SQL, as accounts made before were, so that
    // it can ask for a link to confirm its address too.
    await database().query('UPDATE users SET email_verified_at = NULL WHERE id = $1', [candidate.id]);
    expectStatus(await candidate.session.post('/api/me/email-verification'), 202, 'verification link');
    // Anyone may ask for a reset link for any address; its email waits in the outbox (no mail runs here).
    expectStatus(await new ApiSession().post('/api/auth/password-reset', { email: candidate.email }), 202, 'reset');
    const { rows: waiting } = await database().query<{ body: string; status: string }>(
      'SELECT body, status FROM notifications WHERE recipient_id = $1 ORDER BY sequence',
      [candidate.id],
    );
    const keys = waiting.flatMap((row) =>
      [...row.body.matchAll(/\?token=([A-Za-z0-9_%.~-]+)/g)].map((match) => match[1]),
    );
    expect(waiting.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    expect(keys).toHaveLength(3); // the link that made the account, the address's confirmation and the reset

    const { files, content } = await exportOf(candidate.session);

    const text = new TextDecoder().decode(files[EXPORT_JSON_NAME]);
    for (const key of keys) expect(text).not.toContain(key);
    expect(content.messagesSent.map((message) => message.subject)).toEqual([
      FINISH_REGISTRATION_SUBJECT,
      'Confirm your email address for Heardback',
      'Reset your Heardback password',
    ]);
    for (const message of content.messagesSent) expect(message.body).toContain('?token=(link hidden)');
  });

  it('carries each uploaded document byte for byte, the CV and cover letter sent, answers and contact details', async () => {
    const job = await createOpenJob(staff, { title: 'Document Keeper' });
    const candidate = await registerCandidate('Dora Documents');
    expectStatus(
      await candidate.session.patch('/api/me/profile', {
        fullName: 'Dora Documents',
        phone: '+31 20 123 4567',
        location: 'Delft',
      }),
      200,
      'profile',
    );
    const {
      rows: [cv],
    } = await database().query<{ id: string; content: Buffer }>(
      `INSERT INTO candidate_documents (candidate_id, kind, file_name, media_type, size_bytes, content, sha256)
       SELECT $1, 'cv', 'cv.pdf', 'application/pdf', octet_length(c), c, encode(sha256(c), 'hex')
         FROM (SELECT convert_to('%PDF-1.4 the CV of Dora', 'UTF8') AS c) AS file
       RETURNING id, content`,
      [candidate.id],
    );
    const applied = await apply(candidate.session, job.id, { cvDocumentId: cv.id, coverLetterText: 'Dear team' });

    const { files, content } = await exportOf(candidate.session);

    expect(content.profile).toMatchObject({ phone: '+31201234567', location: 'Delft' });
    expect(content.documents).toEqual([
      expect.objectContaining({ path: 'documents/01-cv-cv.pdf', name: 'cv.pdf', contentType: 'application/pdf' }),
    ]);
    expect(Buffer.from(files['documents/01-cv-cv.pdf'])).toEqual(cv.content);
    const [application] = content.applications;
    expect(application).toMatchObject({ id: applied.id, cv: 'cv.pdf', coverLetter: 'Dear team', offers: [] });
  });

  it('shows a candidate only their own data', async () => {
    const job = await createOpenJob(staff);
    const someone = await registerCandidate('Someone Else');
    await apply(someone.session, job.id);
    const candidate = await registerCandidate('Only Mine');
    const { content } = await exportOf(candidate.session);
    expect(content.applications).toEqual([]);
    expect(JSON.stringify(content)).not.toContain('Someone Else');
  });

  it('is for candidates, signed in, and limited per account', async () => {
    expect((await download(staff)).status).toBe(403);
    expect((await new ApiSession().send('GET', '/api/me/export')).status).toBe(401);
    const candidate = await registerCandidate('Many Downloads');
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) statuses.push((await download(candidate.session)).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
