import { ErrorCode } from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { count, database } from '../support/database';
import { future } from '../support/future-dates';
import {
  applicationAwaitingFeedback,
  apply,
  createOpenJob,
  registerCandidate,
  staffForTheseTests,
} from '../support/factories';

describe('bad input gets a clear 400 and changes nothing', () => {
  const staff = staffForTheseTests();

  function fieldsOf(response: { body: unknown }): string[] {
    return (asError(response as never).details ?? []).map((detail) => detail.field).sort();
  }

  it('names each bad feedback field and why, and records nothing', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const before = await count('feedback');
    const response = await staff.post(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/feedback`,
      {
        decision: 'maybe',
        rating: 7,
        candidateMessage: '',
        version: application.version,
      },
    );
    expect(response.status).toBe(400);
    expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
    expect(fieldsOf(response)).toEqual(['candidateMessage', 'decision', 'rating']);
    expect(asError(response).details?.find((detail) => detail.field === 'rating')?.reasons).toEqual([
      'Enter a whole number from 1 to 4.',
    ]);
    expect(await count('feedback')).toBe(before);
  });

  it('keeps names and titles to one line, naming the field and each item of a list', async () => {
    const client = await staff.post('/api/clients', { name: 'Acme\nLtd' });
    expect(client.status).toBe(400);
    expect(fieldsOf(client)).toEqual(['name']);
    const visitor = await registerCandidate();
    const renamed = await visitor.session.patch('/api/me/profile', { fullName: 'Sam\r\nBcc: x@evil.example' });
    expect(renamed.status).toBe(400);
    expect(fieldsOf(renamed)).toEqual(['fullName']);
  });

  it('says only that a field is missing when it is, not every rule its text would have had to keep', async () => {
    const visitor = await registerCandidate();
    const renamed = await visitor.session.patch('/api/me/profile', {});
    expect(renamed.status).toBe(400);
    expect(asError(renamed).details).toEqual([{ field: 'fullName', reasons: ['Enter your full name.'] }]);
    expect(asError(renamed).message).toBe('Enter your full name.');
  });

  it('refuses words for a candidate that show nothing (zero-width and other invisible characters), and changes nothing', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const before = await count('feedback');
    const feedback = await staff.post(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/feedback`,
      { decision: 'reject', rating: 2, candidateMessage: '\u200b\u200d \ufeff', version: application.version },
    );
    expect(feedback.status).toBe(400);
    expect(fieldsOf(feedback)).toEqual(['candidateMessage']);
    expect(await count('feedback')).toBe(before);

    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, (await createOpenJob(staff)).id);
    const rejected = await staff.post(`/api/applications/${applied.id}/reject`, {
      candidateMessage: '\u200b',
      version: applied.version,
    });
    expect(rejected.status).toBe(400);
    expect(fieldsOf(rejected)).toEqual(['candidateMessage']);
    expect((await candidate.session.get<{ status: string }>(`/api/applications/${applied.id}`)).body.status).toBe(
      'applied',
    );
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const response = await staff.post(`/api/applications/${application.id}/reject`, {
      candidateMessage: 'Thanks',
      version: application.version,
      status: 'hired',
    });
    expect(response.status).toBe(400);
    expect(asError(response).details).toEqual([
      { field: 'status', reasons: ['This is not something we ask for. Remove it and send again.'] },
    ]);
  });

  it('validates nested objects and names the nested field', async () => {
    const jobsBefore = await count('jobs');
    const job = await staff.post('/api/jobs', {
      clientId: 'not-a-uuid',
      title: 'Chef',
      description: 'Cooks',
      location: 'Paris',
      workMode: 'moon',
      employmentType: 'full_time',
      salary: { min: -1, max: 'lots', currency: 'euro', bonus: 5 },
      pipeline: [],
    });
    expect(job.status).toBe(400);
    expect(fieldsOf(job)).toEqual([
      'clientId',
      'pipeline',
      'salary.bonus',
      'salary.currency',
      'salary.max',
      'salary.min',
      'workMode',
    ]);
    expect(await count('jobs')).toBe(jobsBefore);
  });

  it('takes the answer promise only as a whole number of working days from 1 to 20, naming the field', async () => {
    const client = await staff.post<{ id: string }>('/api/clients', { name: `Promise Co ${Date.now()}` });
    const job = {
      clientId: client.body.id,
      title: 'Chef',
      description: 'Cooks',
      location: 'Paris',
      workMode: 'onsite',
      employmentType: 'full_time',
      pipeline: ['Tasting'],
    };
    const jobsBefore = await count('jobs');
    for (const answerWithinWorkingDays of [0, 21, 1.5, '2']) {
      const response = await staff.post('/api/jobs', { ...job, answerWithinWorkingDays });
      expect({ answerWithinWorkingDays, status: response.status }).toEqual({ answerWithinWorkingDays, status: 400 });
      expect(asError(response).details).toEqual([
        { field: 'answerWithinWorkingDays', reasons: ['Enter a whole number of working days from 1 to 20.'] },
      ]);
    }
    const old = await staff.post('/api/jobs', { ...job, feedbackDeadlineHours: 48 });
    expect(asError(old).details).toEqual([
      { field: 'feedbackDeadlineHours', reasons: ['This is not something we ask for. Remove it and send again.'] },
    ]);
    expect(await count('jobs')).toBe(jobsBefore);

    const created = await staff.post<{ id: string; answerWithinWorkingDays: number }>('/api/jobs', job);
    expect(created.body.answerWithinWorkingDays).toBe(2);
    const edited = await staff.patch(`/api/jobs/${created.body.id}`, { answerWithinWorkingDays: 21 });
    expect(edited.status).toBe(400);
    expect(fieldsOf(edited)).toEqual(['answerWithinWorkingDays']);
    const saved = await staff.patch<{ answerWithinWorkingDays: number }>(`/api/jobs/${created.body.id}`, {
      answerWithinWorkingDays: 20,
    });
    expect(saved.body.answerWithinWorkingDays).toBe(20);
  });

  it('applies the pipeline rules of the domain: no blank or repeated stages', async () => {
    const response = await staff.post('/api/clients', { name: `Pipeline Co ${Date.now()}` });
    const job = await staff.post('/api/jobs', {
      clientId: (response.body as { id: string }).id,
      title: 'Chef',
      description: 'Cooks',
      location: 'Paris',
      workMode: 'onsite',
      employmentType: 'full_time',
      pipeline: ['Tasting', 'tasting', ' '],
    });
    expect(job.status).toBe(400);
    expect(asError(job).details?.[0].field).toBe('pipeline');
    expect(asError(job).details?.[0].reasons).toEqual(['Stage 3 has no name.', '"tasting" appears more than once.']);
  });

  it('names the field whose text holds a NUL character, in a body or a query, and stores nothing', async () => {
    const clientsBefore = await count('clients');
    const created = await staff.post('/api/clients', { name: 'Acme\u0000 Ltd' });
    expect(created.status).toBe(400);
    expect(asError(created).details).toEqual([
      { field: 'name', reasons: ['Remove the invisible NUL character (\\0) from this text: it cannot be kept.'] },
    ]);
    expect(await count('clients')).toBe(clientsBefore);

    const board = await staff.get('/api/jobs?location=Leeds%00&q=nurse%00');
    expect(board.status).toBe(400);
    expect(fieldsOf(board)).toEqual(['location', 'q']);
    expect(asError(board).code).toBe(ErrorCode.ValidationFailed);
  });

  it('names the email holding half of a character (JSON\'s "\\ud800"), signed in or not, with a 400, not a 500', async () => {
    const brokenCharacter = [
      'This text holds a broken character (half of an emoji or other symbol). Type it again without it.',
    ];
    const visitor = new ApiSession();
    const usersBefore = await count('users');
    for (const [session, path, body] of [
      [visitor, '/api/auth/login', { email: '\ud800', password: 'x' }],
      [visitor, '/api/auth/register', { email: 'a@b\ud800.com', password: 'a long enough password', fullName: 'Half' }],
      [visitor, '/api/auth/password-reset', { email: '\udc00@example.com' }],
      [staff, '/api/users', { email: 'r\ud83d@example.com', fullName: 'Half', role: 'recruiter' }],
    ] as const) {
      const response = await session.post(path, body);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(asError(response).details).toEqual([{ field: 'email', reasons: brokenCharacter }]);
    }
    expect(await count('users')).toBe(usersBefore);
  });

  it('refuses a body with more fields and list items than any form sends, with a short answer, and stores nothing', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applicationsBefore = await count('applications');
    const flooded = await candidate.session.post(`/api/jobs/${job.id}/applications`, {
      privacyNoticeVersion: 1,
      answers: Array(33_000).fill({}),
    });
    expect(flooded.status).toBe(400);
    expect(asError(flooded).message).toBe(
      'The request body holds more than 500 fields and list items. Send the fields the form asks for.',
    );
    expect(JSON.stringify(flooded.body).length).toBeLessThan(1_000);
    expect(await count('applications')).toBe(applicationsBefore);

    const unknownKeys = Object.fromEntries(Array.from({ length: 9_000 }, (_, index) => [`k${index}`, 1]));
    const reset = await new ApiSession().post('/api/auth/password-reset', { email: 'a@example.com', ...unknownKeys });
    expect(reset.status).toBe(400);
    expect(JSON.stringify(reset.body).length).toBeLessThan(1_000);
  });

  it('names at most 50 fields in one refusal, however many are wrong', async () => {
    const everyQuestionWrong = await staff.post('/api/jobs', {
      title: 'Many questions',
      screeningQuestions: Array.from({ length: 120 }, () => ({ kind: 'riddle' })),
    });
    expect(everyQuestionWrong.status).toBe(400);
    expect(asError(everyQuestionWrong).details).toHaveLength(50);
    // The same for text that cannot be kept, and for a query, which has no body's bounds.
    const manyNuls = await new ApiSession().get(`/api/jobs?${Array(1_000).fill('a=%00').join('&')}`);
    expect(manyNuls.status).toBe(400);
    expect(asError(manyNuls).details).toHaveLength(50);
    expect(JSON.stringify(manyNuls.body).length).toBeLessThan(15_000);
  });

  it('refuses a query naming what every object has (constructor, toString), as it refuses any unknown field', async () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const board = await new ApiSession().get(`/api/jobs?${key}=1`);
      expect({ key, status: board.status }).toEqual({ key, status: 400 });
      expect(fieldsOf(board)).toEqual([key]);
    }
  });

  it('says a one-value query parameter sent twice is to be sent once, and takes a list where it asks for one', async () => {
    const board = await new ApiSession().get('/api/jobs?limit=1&limit=2');
    expect(board.status).toBe(400);
    expect(asError(board).details).toEqual([{ field: 'limit', reasons: ['Send this once: it takes one value.'] }]);
    const jobs = await staff.get('/api/agency/jobs?status=open&status=closed');
    expect(jobs.status).toBe(200);
  });

  it('answers an id longer than any id with the 404 of any unknown address', async () => {
    const response = await new ApiSession().get(`/api/jobs/${'a'.repeat(1_001)}`);
    expect(response.status).toBe(404);
    expect(asError(response).message).toBe('There is nothing at this address.');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await staff.request('POST', '/api/clients', undefined, '{"name": ');
    expect(response.status).toBe(400);
    expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
  });

  it('refuses an interview that ends before it starts, naming endsAt', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    const response = await staff.post(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      {
        startsAt: '2026-12-01T15:00:00Z',
        endsAt: '2026-12-01T14:00:00Z',
        location: 'Office',
        interviewers: [],
        version: application.version,
      },
    );
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['endsAt']);
  });

  it('refuses an interview that would last more than twelve hours, and books one of exactly twelve', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    const path = `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`;
    const booking = { location: 'Assessment centre', interviewers: [], version: application.version };
    // The end typed on the next day: the candidate's silence would not be counted until it passed.
    const twoDays = await staff.post(path, {
      ...booking,
      startsAt: future('2030-01-10T09:00:00Z'),
      endsAt: future('2030-01-11T17:00:00Z'),
    });
    expect(twoDays.status).toBe(400);
    expect(asError(twoDays).details).toEqual([
      { field: 'endsAt', reasons: ['This must be at most 12 hours after startsAt.'] },
    ]);
    const { rows } = await database().query('SELECT starts_at FROM application_stages WHERE application_id = $1', [
      application.id,
    ]);
    expect(rows.every((row) => row.starts_at === null)).toBe(true);
    const assessmentDay = await staff.post(path, {
      ...booking,
      startsAt: future('2030-01-10T08:00:00Z'),
      endsAt: future('2030-01-10T20:00:00Z'),
    });
    expect(assessmentDay.status).toBe(200);
  });

  it('refuses an interview place of more than one line: it goes into the calendar invite as one line', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    const response = await staff.post(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      {
        startsAt: future('2030-01-10T09:00:00Z'),
        endsAt: future('2030-01-10T10:00:00Z'),
        location: 'Room 1\rATTENDEE;CN=Mallory:mailto:mallory@evil.example',
        interviewers: [],
        version: application.version,
      },
    );
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['location']);
  });

  it('refuses a time that only looks real (30 February, a leap second), naming the field', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    for (const startsAt of ['2026-02-30T10:00:00Z', '2026-12-31T23:59:60Z']) {
      const response = await staff.post(
        `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
        {
          startsAt,
          endsAt: '2027-03-02T11:00:00Z',
          location: 'Office',
          interviewers: [],
          version: application.version,
        },
      );
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['startsAt']);
    }
  });

  it('refuses a date outside the years we keep (one in the year 10000 made the application unreadable), and stores nothing', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    const outsideTheYears = 'Enter a date in the years 2000 to 2099.';

    // A real instant in the year 10000 in UTC: the offset carries it over the year's end.
    const decision = await candidate.session.request('PUT', `/api/applications/${application.id}/decision-date`, {
      decisionDate: '9999-12-31T23:59:59-23:59',
      version: application.version,
    });
    expect(decision.status).toBe(400);
    expect(asError(decision).details).toEqual([{ field: 'decisionDate', reasons: [outsideTheYears] }]);

    const scheduled = await staff.post(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      {
        startsAt: '9999-12-31T23:00:00Z',
        endsAt: '9999-12-31T23:59:00Z',
        location: 'Office',
        interviewers: [],
        version: application.version,
      },
    );
    expect(scheduled.status).toBe(400);
    expect(fieldsOf(scheduled)).toEqual(['endsAt', 'startsAt']);
    expect(asError(scheduled).details?.[0].reasons).toEqual([outsideTheYears]);

    // Nothing was stored, and the application opens for both sides.
    expect((await candidate.session.get(`/api/applications/${application.id}`)).status).toBe(200);
    const agencyView = await staff.get<{ version: number }>(`/api/applications/${application.id}`);
    expect(agencyView.status).toBe(200);
    expect(agencyView.body.version).toBe(application.version);
  });

  it('answers 404, not 500, for ids that are not ids', async () => {
    const response = await staff.get('/api/applications/not-an-id');
    expect(response.status).toBe(404);
    expect((await staff.get('/api/jobs/42')).status).toBe(404);
  });

  it('answers unknown API routes with the same error shape', async () => {
    const response = await staff.get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(asError(response).code).toBe(ErrorCode.NotFound);
  });
});
