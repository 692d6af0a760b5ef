import {
  ApplicationView,
  CandidateApplicationView,
  ErrorCode,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX_LENGTH,
} from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { asError } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, registerCandidate, staffForTheseTests } from '../support/factories';

describe('idempotent commands: a retry under the same Idempotency-Key is carried out once (ADR 0022)', () => {
  const staff = staffForTheseTests();

  async function freshApplication() {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    return { candidate, application };
  }

  const withKey = (key: string) => ({ [IDEMPOTENCY_KEY_HEADER]: key });

  async function count(sql: string, parameters: unknown[]): Promise<number> {
    const { rows } = await database().query<{ n: number }>(sql, parameters);
    return rows[0].n;
  }

  const candidateUpdates = (applicationId: string) =>
    count(`SELECT count(*)::int AS n FROM candidate_updates WHERE application_id = $1`, [applicationId]);
  const timelineEvents = (applicationId: string, type: string) =>
    count(`SELECT count(*)::int AS n FROM timeline_events WHERE application_id = $1 AND type = $2`, [
      applicationId,
      type,
    ]);
  const mailTo = (applicationId: string, recipientId: string) =>
    count(`SELECT count(*)::int AS n FROM notifications WHERE application_id = $1 AND recipient_id = $2`, [
      applicationId,
      recipientId,
    ]);

  it('carries out concurrent retries of a request for an update once, and answers each with the outcome', async () => {
    const { candidate, application } = await freshApplication();
    const key = randomUUID();
    const request = { kind: 'request_update', text: 'Any news?', version: application.version };

    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        candidate.session.post<CandidateApplicationView>(
          `/api/applications/${application.id}/updates`,
          request,
          withKey(key),
        ),
      ),
    );

    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.version))).toEqual(new Set([application.version + 1]));
    expect(await candidateUpdates(application.id)).toBe(1);
    expect(await timelineEvents(application.id, 'candidate_update')).toBe(1);
  });

  it('answers a retry whose first answer was lost with the outcome, not as a stale version', async () => {
    const { candidate, application } = await freshApplication();
    const key = randomUUID();
    const request = { kind: 'note', text: 'I am away next week.', version: application.version };
    const url = `/api/applications/${application.id}/updates`;

    const first = await candidate.session.post<CandidateApplicationView>(url, request, withKey(key));
    const retry = await candidate.session.post<CandidateApplicationView>(url, request, withKey(key));

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.version).toBe(first.body.version);
    expect(await candidateUpdates(application.id)).toBe(1);
    // Without a key the same retry is refused as stale, and still adds nothing.
    const unkeyed = await candidate.session.post(url, request);
    expect(unkeyed.status).toBe(409);
    expect(asError(unkeyed).code).toBe(ErrorCode.StaleVersion);
    expect(await candidateUpdates(application.id)).toBe(1);
  });

  it('refuses the same key with a different body or on another route, changing nothing', async () => {
    const { candidate, application } = await freshApplication();
    const key = randomUUID();
    const url = `/api/applications/${application.id}/updates`;
    const first = await candidate.session.post<CandidateApplicationView>(
      url,
      { kind: 'note', text: 'First words', version: application.version },
      withKey(key),
    );
    expect(first.status).toBe(201);

    const otherBody = await candidate.session.post(
      url,
      { kind: 'note', text: 'Other words', version: first.body.version },
      withKey(key),
    );
    expect(otherBody.status).toBe(422);
    expect(asError(otherBody).code).toBe(ErrorCode.IdempotencyKeyReused);
    expect(asError(otherBody).message).toMatch(/already used for a different request.*new key/);

    const otherRoute = await candidate.session.put(
      `/api/applications/${application.id}/decision-date`,
      { decisionDate: null, version: first.body.version },
      withKey(key),
    );
    expect(otherRoute.status).toBe(422);
    expect(asError(otherRoute).code).toBe(ErrorCode.IdempotencyKeyReused);

    expect(await candidateUpdates(application.id)).toBe(1);
    const now = await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`);
    expect(now.body.version).toBe(first.body.version);
  });

  it('carries out two submissions with different keys twice', async () => {
    const { candidate, application } = await freshApplication();
    const url = `/api/applications/${application.id}/updates`;
    const first = await candidate.session.post<CandidateApplicationView>(
      url,
      { kind: 'note', text: 'Same words', version: application.version },
      withKey(randomUUID()),
    );
    const second = await candidate.session.post<CandidateApplicationView>(
      url,
      { kind: 'note', text: 'Same words', version: first.body.version },
      withKey(randomUUID()),
    );

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await candidateUpdates(application.id)).toBe(2);
    expect(await timelineEvents(application.id, 'candidate_update')).toBe(2);
  });

  it('sends a recruiter message retried concurrently under one key once: one event, one email', async () => {
    const { candidate, application } = await freshApplication();
    const key = randomUUID();
    const request = { text: 'The client decides on Friday.', version: application.version };
    const emailsBefore = await mailTo(application.id, candidate.id);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        staff.post<ApplicationView>(`/api/applications/${application.id}/messages`, request, withKey(key)),
      ),
    );

    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201]));
    expect(await timelineEvents(application.id, 'recruiter_message')).toBe(1);
    expect((await mailTo(application.id, candidate.id)) - emailsBefore).toBe(1);
  });

  it('keeps one user’s key apart from another’s', async () => {
    const { candidate, application } = await freshApplication();
    const key = randomUUID();
    const message = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/messages`,
      { text: 'Thanks for your patience.', version: application.version },
      withKey(key),
    );
    const update = await candidate.session.post(
      `/api/applications/${application.id}/updates`,
      { kind: 'note', text: 'Thank you!', version: message.body.version },
      withKey(key),
    );

    expect([message.status, update.status]).toEqual([201, 201]);
    expect(await candidateUpdates(application.id)).toBe(1);
  });

  it('refuses a malformed key with 400, saying what a key must be', async () => {
    const { candidate, application } = await freshApplication();
    for (const key of ['x'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH + 1), 'two words', 'clé']) {
      const refused = await candidate.session.post(
        `/api/applications/${application.id}/updates`,
        { kind: 'note', text: 'Hello', version: application.version },
        withKey(key),
      );
      expect(refused.status).toBe(400);
      expect(asError(refused).code).toBe(ErrorCode.ValidationFailed);
      expect(asError(refused).message).toMatch(/^Idempotency-Key header: must be 1 to 100 visible characters/);
    }
    expect(await candidateUpdates(application.id)).toBe(0);
  });
});
