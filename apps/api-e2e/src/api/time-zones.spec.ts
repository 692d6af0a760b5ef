import {
  ApiError,
  ApplicationView,
  CandidateApplicationView,
  RegistrationConfirmedView,
  TimelineEventType,
  UserRole,
  UserView,
} from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { database } from '../support/database';
import {
  PASSWORD,
  apply,
  createOpenJob,
  interviewHeld,
  registerCandidate,
  registrationTokenFor,
  signInAsAgency,
  staffForTheseTests,
  uniqueEmail,
} from '../support/factories';
import { future } from '../support/future-dates';

const zoneReasons = (body: unknown) =>
  (body as ApiError).details?.find((detail) => detail.field === 'timeZone')?.reasons ?? [];

async function emailsTo(applicationId: string, kind: string, recipientEmail: string) {
  const { rows } = await database().query<{ subject: string; body: string }>(
    `SELECT subject, body FROM notifications WHERE application_id = $1 AND kind = $2 AND recipient_email = $3 ORDER BY sequence`,
    [applicationId, kind, recipientEmail],
  );
  return rows;
}

describe('one time zone per viewer', () => {
  const staff = staffForTheseTests();

  describe('the profile’s time zone', () => {
    it('is set from the profile, shown by /api/auth/me, and forgotten with null', async () => {
      const { session } = await registerCandidate('Zone Candidate');
      expect((await session.get<UserView>('/api/auth/me')).body.timeZone).toBeNull();

      const set = await session.patch<UserView>('/api/me/profile', {
        fullName: 'Zone Candidate',
        timeZone: 'America/New_York',
      });
      expect(set.status).toBe(200);
      expect(set.body.timeZone).toBe('America/New_York');
      expect((await session.get<UserView>('/api/auth/me')).body.timeZone).toBe('America/New_York');

      const cleared = await session.patch<UserView>('/api/me/profile', { fullName: 'Zone Candidate', timeZone: null });
      expect(cleared.body.timeZone).toBeNull();
    });

    it('refuses a zone that does not exist with 400 naming timeZone, and keeps the one saved', async () => {
      const { session } = await registerCandidate('Zone Candidate');
      await session.patch('/api/me/profile', { fullName: 'Zone Candidate', timeZone: 'Europe/Paris' });

      for (const timeZone of ['Mars/Olympus_Mons', '', 42, 'x'.repeat(100)]) {
        const refused = await session.patch('/api/me/profile', { fullName: 'Zone Candidate', timeZone });
        expect(refused.status).toBe(400);
        expect(zoneReasons(refused.body)).toEqual([
          'Enter a time zone name such as Europe/London or America/New_York.',
        ]);
      }
      expect((await session.get<UserView>('/api/auth/me')).body.timeZone).toBe('Europe/Paris');
    });

    it('is set at registration from the browser’s zone, which must be a real one', async () => {
      const session = new ApiSession();
      const email = uniqueEmail('candidate');
      const registered = await session.post('/api/auth/register', {
        email,
        password: PASSWORD,
        fullName: 'Tokyo Candidate',
        timeZone: 'Asia/Tokyo',
      });
      expect(registered.status).toBe(202);
      // Kept with the registration, it lands on the account the emailed link makes.
      const confirmed = await session.post<RegistrationConfirmedView>('/api/auth/register/confirm', {
        token: await registrationTokenFor(email),
        password: PASSWORD,
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.user.timeZone).toBe('Asia/Tokyo');
      expect((await session.get<UserView>('/api/auth/me')).body.timeZone).toBe('Asia/Tokyo');

      const nowhere = uniqueEmail('candidate');
      const refused = await new ApiSession().post('/api/auth/register', {
        email: nowhere,
        password: PASSWORD,
        fullName: 'Nowhere Candidate',
        timeZone: 'Nowhere/Land',
      });
      expect(refused.status).toBe(400);
      expect(zoneReasons(refused.body)).toHaveLength(1);
      // Refused before anything is kept or mailed: no link to follow.
      await expect(registrationTokenFor(nowhere)).rejects.toThrow('No link to finish registering');
    });
  });

  it('writes an interview to a candidate in New York in New York time, while the agency’s history keeps London time', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate('New York Candidate');
    await candidate.session.patch('/api/me/profile', { fullName: 'New York Candidate', timeZone: 'America/New_York' });
    const applied = await apply(candidate.session, job.id);
    const stageId = applied.stages[0].id;
    const schedule = (application: { version: number }, startsAt: string, endsAt: string) =>
      staff.post<ApplicationView>(`/api/applications/${applied.id}/stages/${stageId}/schedule`, {
        startsAt,
        endsAt,
        location: 'Video call',
        interviewers: ['Hiring manager'],
        version: application.version,
      });
    const scheduled = await schedule(applied, future('2030-01-10T15:00:00.000Z'), future('2030-01-10T16:00:00.000Z'));
    expect(scheduled.status).toBe(200);
    expect(
      (await schedule(scheduled.body, future('2030-01-11T14:00:00.000Z'), future('2030-01-11T15:00:00.000Z'))).status,
    ).toBe(200);

    // After the application's receipt (ADR 0083).
    const [, booked, moved] = await emailsTo(applied.id, 'candidate_update', candidate.email);
    expect(booked.body).toContain(
      future('Phone screen scheduled for Thursday, 10 January 2030 at 10:00–11:00 GMT-5 (Video call).'),
    );
    expect(booked.body).toContain(future('Your Phone screen is on Thursday, 10 January 2030 at 10:00 GMT-5.'));
    expect(booked.body).not.toContain('15:00');
    expect(moved.body).toContain(
      future('Phone screen moved to Friday, 11 January 2030 at 09:00–10:00 GMT-5 (Video call). ') +
        future('The earlier time, Thursday, 10 January 2030 at 10:00–11:00 GMT-5, is cancelled.'),
    );

    const history = (await staff.get<ApplicationView>(`/api/applications/${applied.id}`)).body.timeline.filter(
      (event) => event.type === TimelineEventType.StageScheduled && event.text.startsWith('Phone screen'),
    );
    expect(history.map((event) => event.text)).toEqual([
      future('Phone screen scheduled for Thursday, 10 January 2030 at 15:00–16:00 GMT (Video call).'),
      future(
        'Phone screen moved to Friday, 11 January 2030 at 14:00–15:00 GMT (Video call). The earlier time, Thursday, 10 January 2030 at 15:00–16:00 GMT, is cancelled.',
      ),
    ]);

    // The candidate's page gets the slot as instants, to write in the zone the page decides.
    const seen = await candidate.session.get<CandidateApplicationView>(`/api/applications/${applied.id}`);
    expect(seen.body.timeline.filter((event) => event.interview).map((event) => event.interview)).toEqual([
      {
        stageName: 'Phone screen',
        startsAt: future('2030-01-10T15:00:00.000Z'),
        endsAt: future('2030-01-10T16:00:00.000Z'),
        location: 'Video call',
        was: null,
      },
      {
        stageName: 'Phone screen',
        startsAt: future('2030-01-11T14:00:00.000Z'),
        endsAt: future('2030-01-11T15:00:00.000Z'),
        location: 'Video call',
        was: { startsAt: future('2030-01-10T15:00:00.000Z'), endsAt: future('2030-01-10T16:00:00.000Z') },
      },
    ]);
  });

  it('reminds a recruiter in Tokyo of a due time in Tokyo time, named', async () => {
    const recruiter = await signInAsAgency(UserRole.Recruiter);
    const me = (await recruiter.get<UserView>('/api/auth/me')).body;
    expect((await recruiter.patch('/api/me/profile', { fullName: me.fullName, timeZone: 'Asia/Tokyo' })).status).toBe(
      200,
    );
    const job = await createOpenJob(staff, { ownerId: me.id });
    const candidate = await registerCandidate();
    const held = await interviewHeld(staff, await apply(candidate.session, job.id), 0);
    // A due time long past, at a fixed instant: the sweep finds it late and reminds the owner at once.
    await database().query(`UPDATE application_stages SET feedback_due_at = '2026-01-08T15:00:00Z' WHERE id = $1`, [
      held.stages[0].id,
    ]);

    expect((await staff.post('/api/agency/deadlines/sweep')).status).toBe(200);

    const [reminder] = await emailsTo(held.id, 'feedback_reminder', me.email);
    expect(reminder.body).toContain('was due Friday, 9 January 2026 at 00:00 GMT+9.');
    const [escalation] = (
      await database().query<{ body: string }>(
        `SELECT body FROM notifications WHERE application_id = $1 AND kind = 'escalation' ORDER BY sequence LIMIT 1`,
        [held.id],
      )
    ).rows;
    // Staff chose no zone: the agency's.
    expect(escalation?.body).toContain('was due Thursday, 8 January 2026 at 15:00 GMT');
  });
});
