import {
  ACCEPT_INVITATION_PAGE_PATH,
  AgencyUserView,
  ApplicationView,
  ApplyRequest,
  CandidateApplicationView,
  ClientView,
  EmploymentType,
  FeedbackDecision,
  FINISH_REGISTRATION_PAGE_PATH,
  JobDetail,
  JobStatus,
  PrivacyNoticeView,
  RegistrationConfirmedView,
  UserRole,
  WorkMode,
} from '@heardback/contracts';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { ApiSession } from './api-client';
import { closeDatabase, database, testDatabaseUrl } from './database';
import { parseRawMail, tokenFrom } from './mailbox';
import { until } from './outbox-waits';
import type { TestSmtpServer } from './test-smtp-server';

/** Passes the password rule (12+ characters, not a common password). */
export const PASSWORD = 'quiet harbour lantern morning';
const HOUR = 3_600_000;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
}

type AgencyRole = UserRole.Staff | UserRole.Recruiter;

/** The first staff account cannot be made through the API (staff make staff), so it is inserted directly. */
export async function insertAgencyUser(
  pool: Pool,
  role: AgencyRole,
  fullName = role === UserRole.Staff ? 'Test Staff' : 'Test Recruiter',
): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(role);
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, $2, $3, $4) RETURNING id',
    [email, hash, fullName, role],
  );
  return { id: rows[0].id, email };
}

/** Signs `session` in with the test password; it is returned for chaining. */
export async function signIn(session: ApiSession, email: string, password = PASSWORD): Promise<ApiSession> {
  expectStatus(await session.post('/api/auth/login', { email, password }), 200, 'sign in');
  return session;
}

export async function signInAsAgency(
  role: AgencyRole = UserRole.Staff,
  session = new ApiSession(),
): Promise<ApiSession> {
  return signIn(session, (await insertAgencyUser(database(), role)).email);
}

/**
 * A staff member for a whole spec file: signed in before its tests, and the database pool closed
 * after them. Call it at the top of the describe.
 */
export function staffForTheseTests(): ApiSession {
  const staff = new ApiSession();
  beforeAll(() => signInAsAgency(UserRole.Staff, staff));
  afterAll(closeDatabase);
  return staff;
}

/** What the finish-registration email says in its subject (notifications/account-messages.ts). */
export const FINISH_REGISTRATION_SUBJECT = 'Finish creating your Heardback account';

/**
 * The token in the newest link to finish registering that was written to `email`, read from the outbox
 * (the shared API sends nothing: RUN_BACKGROUND=false), as the recipient would read it in the message.
 */
export function registrationTokenFor(email: string, pool?: Pool): Promise<string> {
  const link = {
    subject: FINISH_REGISTRATION_SUBJECT,
    path: FINISH_REGISTRATION_PAGE_PATH,
    name: 'link to finish registering',
  };
  return linkTokenWrittenTo(email, link, pool);
}

/** What the invitation email says in its subject (notifications/account-messages.ts). */
export const INVITATION_SUBJECT = 'You are invited to Heardback';

/** The token in the newest invitation written to `email`, read from the outbox as registrationTokenFor reads. */
export function invitationTokenFor(email: string, pool?: Pool): Promise<string> {
  const link = { subject: INVITATION_SUBJECT, path: ACCEPT_INVITATION_PAGE_PATH, name: 'invitation link' };
  return linkTokenWrittenTo(email, link, pool);
}

async function linkTokenWrittenTo(
  email: string,
  { subject, path, name }: { subject: string; path: string; name: string },
  pool?: Pool,
): Promise<string> {
  const read = `SELECT body FROM notifications WHERE recipient_email = $1 AND subject = $2 ORDER BY sequence DESC LIMIT 1`;
  const parameters = [email.toLowerCase(), subject];
  // Without a pool of the spec's own, a connection of its own: the shared pool (`database()`) is closed only
  // by the specs that open it, and one left open is cut off when the run drops its database.
  const { rows } = pool ? await pool.query<{ body: string }>(read, parameters) : await readOnce(read, parameters);
  const token = new RegExp(`${path}\\?token=([\\w%-]+)`).exec(rows[0]?.body ?? '')?.[1];
  if (!token) throw new Error(`No ${name} was written to ${email}`);
  return decodeURIComponent(token);
}

/**
 * Staff invite an agency person, who accepts from the emailed link with `password` (ADR 0082), as the person
 * would; answers the invitation's view of the account and the new person's signed-in session.
 */
export async function inviteAndAccept(
  staff: ApiSession,
  invited: { email: string; fullName: string; role: AgencyRole },
  password = PASSWORD,
): Promise<{ view: AgencyUserView; session: ApiSession }> {
  const created = await staff.post<AgencyUserView>('/api/users', invited);
  if (created.status !== 201)
    throw new Error(`invite ${invited.email}: ${created.status} ${JSON.stringify(created.body)}`);
  const session = new ApiSession();
  const token = await invitationTokenFor(invited.email);
  const accepted = await session.post('/api/auth/invitation/accept', { token, password });
  if (accepted.status !== 200) throw new Error(`accept ${invited.email}: ${accepted.status}`);
  return { view: created.body, session };
}

/** One query on the shared test database, on a connection opened and closed for it. */
async function readOnce(sql: string, parameters: unknown[]): Promise<{ rows: { body: string }[] }> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await client.query<{ body: string }>(sql, parameters);
  } finally {
    await client.end();
  }
}

/**
 * The token in the link to finish registering that reached `email` through a test SMTP server: for an
 * API whose sender runs, which blanks the key in the outbox once the message is sent.
 */
export async function registrationTokenReceived(smtp: TestSmtpServer, email: string): Promise<string> {
  let token: string | null = null;
  await until(async () => {
    const mail = smtp.received
      .map((received) => parseRawMail(received.raw))
      .filter(
        (one) => one.to.toLowerCase().includes(email.toLowerCase()) && one.subject === FINISH_REGISTRATION_SUBJECT,
      )
      .pop();
    token = mail ? tokenFrom(mail, FINISH_REGISTRATION_PAGE_PATH) : null;
    return token !== null;
  }, `the link to finish registering reaches ${email}`);
  return token as unknown as string;
}

/**
 * Registers a new candidate through `session` (the shared API's by default) and follows the emailed
 * link, as a person does: the account exists, and `session` is signed in, only after that. The link
 * is read by `readToken`: from the shared API's outbox (it sends nothing) unless told otherwise.
 */
export async function registerCandidate(
  fullName = 'Test Candidate',
  session = new ApiSession(),
  email = uniqueEmail('candidate'),
  readToken: (email: string) => Promise<string> = (address) => registrationTokenFor(address),
): Promise<{ session: ApiSession; id: string; email: string }> {
  expectStatus(await session.post('/api/auth/register', { email, password: PASSWORD, fullName }), 202, 'register');
  const confirmed = await session.post<RegistrationConfirmedView>('/api/auth/register/confirm', {
    token: await readToken(email),
    password: PASSWORD,
  });
  expectStatus(confirmed, 200, 'follow the link to finish registering');
  return { session, id: confirmed.body.user.id, email };
}

/**
 * `registerCandidate` on an API of the spec's own (`ownApi`), with one of its browsers. The link is read
 * from its outbox, or, when its sender runs (and so may blank the key there first), from `smtp`.
 */
export function registerCandidateOn(
  api: { browser(): ApiSession; pool: Pool },
  fullName?: string,
  email?: string,
  smtp?: TestSmtpServer,
): Promise<{ session: ApiSession; id: string; email: string }> {
  return registerCandidate(fullName, api.browser(), email, (address) =>
    smtp ? registrationTokenReceived(smtp, address) : registrationTokenFor(address, api.pool),
  );
}

export async function createOpenJob(staff: ApiSession, overrides: Record<string, unknown> = {}): Promise<JobDetail> {
  const client = await staff.post<ClientView>('/api/clients', { name: `Client ${randomUUID().slice(0, 8)}` });
  expectStatus(client, 201, 'create client');
  const job = await staff.post<JobDetail>('/api/jobs', {
    clientId: client.body.id,
    title: 'Integration Test Engineer',
    description: 'Writes tests that try to break the rules.',
    location: 'Rotterdam',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    status: JobStatus.Open,
    pipeline: ['Phone screen', 'Technical', 'Final'],
    ...overrides,
  });
  expectStatus(job, 201, 'create job');
  return job.body;
}

/**
 * What a candidate sends to apply: consent under the privacy notice in force now (specs may publish new
 * versions, so it is read, never assumed), no answers (the job asks none) unless `overrides` give them.
 */
export async function applyRequest(
  candidate: ApiSession,
  overrides: Partial<ApplyRequest> = {},
): Promise<ApplyRequest> {
  const notice = await candidate.get<PrivacyNoticeView>('/api/privacy-notice');
  expectStatus(notice, 200, 'read the privacy notice');
  return { privacyNoticeVersion: notice.body.version, answers: [], ...overrides };
}

/** Applies as the candidate: the answer is the candidate's view of the new application. */
export async function apply(
  candidate: ApiSession,
  jobId: string,
  overrides: Partial<ApplyRequest> = {},
): Promise<CandidateApplicationView> {
  const response = await candidate.post<CandidateApplicationView>(
    `/api/jobs/${jobId}/applications`,
    await applyRequest(candidate, overrides),
  );
  expectStatus(response, 201, 'apply');
  return response.body;
}

/** Records an interview for the given stage that ended an hour ago: the stage has taken place. */
export async function interviewHeld(
  agency: ApiSession,
  application: CandidateApplicationView,
  position: number,
): Promise<ApplicationView> {
  const stage = application.stages[position];
  const now = Date.now();
  const response = await agency.post<ApplicationView>(
    `/api/applications/${application.id}/stages/${stage.id}/schedule`,
    {
      startsAt: new Date(now - 2 * HOUR).toISOString(),
      endsAt: new Date(now - HOUR).toISOString(),
      location: 'Video call',
      interviewers: ['Hiring manager'],
      version: application.version,
    },
  );
  expectStatus(response, 200, 'schedule past interview');
  return response.body;
}

export async function recordFeedback(
  agency: ApiSession,
  application: CandidateApplicationView,
  position: number,
  decision: FeedbackDecision = FeedbackDecision.Advance,
): Promise<ApplicationView> {
  const response = await agency.post<ApplicationView>(
    `/api/applications/${application.id}/stages/${application.stages[position].id}/feedback`,
    {
      decision,
      rating: 3,
      candidateMessage: 'Thank you: you explained your approach clearly.',
      internalNotes: 'INTERNAL: salary expectations above band.',
      // A hold must say when the candidate hears again.
      ...(decision === FeedbackDecision.Hold ? { holdUntil: new Date(Date.now() + 72 * HOUR).toISOString() } : {}),
      version: application.version,
    },
  );
  expectStatus(response, 201, 'record feedback');
  return response.body;
}

/** A candidate's application, seen by the agency, whose first interview took place and has no feedback. */
export async function applicationAwaitingFeedback(staff: ApiSession) {
  const job = await createOpenJob(staff);
  const candidate = await registerCandidate();
  const applied = await apply(candidate.session, job.id);
  const application = await interviewHeld(staff, applied, 0);
  return { job, candidate, application };
}
