import { ApplicationView } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import { apply, createOpenJob, registerCandidate, signInAsAgency } from '../support/factories';
import { future } from '../support/future-dates';

interface StoredEmail {
  subject: string;
  body: string;
  calendar_method: string | null;
  /** The facts the invite is written from when it is sent (ADR 0063); mail-delivery.spec sends one. */
  calendar_invite: {
    facts: { stageId: string; sequence: number; cancelled: boolean; startsAt: string; endsAt: string; title: string };
  } | null;
}

async function candidateEmails(applicationId: string): Promise<StoredEmail[]> {
  const { rows } = await database().query(
    `SELECT subject, body, calendar_method, calendar_invite FROM notifications
      WHERE application_id = $1 AND kind = 'candidate_update' ORDER BY sequence`,
    [applicationId],
  );
  return rows;
}

describe('interview emails carry the whole slot and a calendar invite', () => {
  let staff: ApiSession;

  beforeAll(async () => {
    staff = await signInAsAgency();
  });

  afterAll(closeDatabase);

  async function schedule(
    application: { id: string; version: number; stages: { id: string }[] },
    startsAt: string,
    endsAt: string,
    location: string,
  ) {
    const response = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      { startsAt, endsAt, location, interviewers: ['Hiring manager'], version: application.version },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  it('sends start and end in words and an invite; a reschedule cancels the old slot in words and in the calendar', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate('Invite Candidate');
    const applied = await apply(candidate.session, job.id);
    const stageId = applied.stages[0].id;

    const scheduled = await schedule(
      applied,
      future('2030-01-10T10:00:00.000Z'),
      future('2030-01-10T11:00:00.000Z'),
      'Video call',
    );
    const [first] = (await candidateEmails(applied.id)).filter((email) => email.calendar_method !== null);
    expect(first.body).toContain(
      future('Phone screen scheduled for Thursday, 10 January 2030 at 10:00–11:00 GMT (Video call).'),
    );
    expect(first.body).toContain('The calendar invite is attached');
    expect(first.subject).toBe(`Interview booked: Integration Test Engineer at ${job.clientName}`);
    expect(first.calendar_method).toBe('REQUEST');
    expect(first.calendar_invite?.facts).toEqual(
      expect.objectContaining({
        stageId,
        sequence: 0,
        cancelled: false,
        startsAt: future('2030-01-10T10:00:00.000Z'),
        endsAt: future('2030-01-10T11:00:00.000Z'),
        title: 'Phone screen: Integration Test Engineer at ' + job.clientName,
      }),
    );

    await schedule(
      scheduled,
      future('2030-01-11T14:00:00.000Z'),
      future('2030-01-11T15:30:00.000Z'),
      'Office, Rotterdam',
    );
    const invites = (await candidateEmails(applied.id)).filter((email) => email.calendar_method !== null);
    expect(invites).toHaveLength(2);
    const moved = invites[1];
    // Not a second booking: the inbox says the interview moved.
    expect(moved.subject).toBe(`Interview moved: Integration Test Engineer at ${job.clientName}`);
    expect(moved.body).toContain(
      future('Phone screen moved to Friday, 11 January 2030 at 14:00–15:30 GMT (Office, Rotterdam). ') +
        future('The earlier time, Thursday, 10 January 2030 at 10:00–11:00 GMT, is cancelled.'),
    );
    // Same event, a higher sequence: the candidate's calendar moves it rather than adding a second one.
    expect(moved.calendar_invite?.facts).toEqual(
      expect.objectContaining({
        stageId,
        sequence: 1,
        startsAt: future('2030-01-11T14:00:00.000Z'),
        endsAt: future('2030-01-11T15:30:00.000Z'),
      }),
    );

    // What the candidate reads on the page is the same words, without the email's note about the invite.
    const page = await candidate.session.get<ApplicationView>(`/api/applications/${applied.id}`);
    const texts = page.body.timeline.map((event) => event.text);
    expect(texts).toContain(
      future('Phone screen moved to Friday, 11 January 2030 at 14:00–15:30 GMT (Office, Rotterdam). ') +
        future('The earlier time, Thursday, 10 January 2030 at 10:00–11:00 GMT, is cancelled.'),
    );
    expect(texts.join('\n')).not.toContain('invite');
  });

  it.each([
    ['rejected by the agency', 'reject'],
    ['withdrawn by the candidate', 'withdraw'],
    ['moved on by feedback given before it', 'feedback'],
  ] as const)('removes an interview still to come from the calendar when the application is %s', async (_, how) => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const scheduled = await schedule(
      applied,
      future('2030-02-05T09:00:00.000Z'),
      future('2030-02-05T10:00:00.000Z'),
      'Video call',
    );
    const closed =
      how === 'reject'
        ? await staff.post(`/api/applications/${applied.id}/reject`, {
            candidateMessage: 'We have chosen a candidate with more platform experience.',
            version: scheduled.version,
          })
        : how === 'withdraw'
          ? await candidate.session.post(`/api/applications/${applied.id}/withdraw`, {
              reason: 'Found another job',
              version: scheduled.version,
            })
          : await staff.post(`/api/applications/${applied.id}/stages/${applied.stages[0].id}/feedback`, {
              decision: 'advance',
              rating: 4,
              candidateMessage: 'Your portfolio answered every question we had: no need for the call.',
              version: scheduled.version,
            });
    expect(closed.status).toBe(how === 'feedback' ? 201 : 200);
    const invites = (await candidateEmails(applied.id)).filter((email) => email.calendar_method !== null);
    expect(invites.map((email) => email.calendar_method)).toEqual(['REQUEST', 'CANCEL']);
    expect(invites[1].body).toContain('removes this interview from your calendar');
    expect(invites[1].calendar_invite?.facts).toEqual(
      expect.objectContaining({ stageId: applied.stages[0].id, sequence: 1, cancelled: true }),
    );
  });

  it('tells an interview placed only once it was over as having taken place, not as news of one to come', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate('Past Candidate');
    const applied = await apply(candidate.session, job.id);
    const day = 86_400_000;
    // Recorded after the fact: it ended two days before the recruiter placed it.
    await schedule(
      applied,
      new Date(Date.now() - 2 * day - 3_600_000).toISOString(),
      new Date(Date.now() - 2 * day).toISOString(),
      'Video call',
    );

    const recorded = /^Phone screen took place on .+ \(Video call\)\.$/m;
    const emails = await candidateEmails(applied.id);
    const email = emails.find((mail) => recorded.test(mail.body));
    if (!email)
      throw new Error(`no email tells the interview as held: ${emails.map((mail) => mail.subject).join('; ')}`);
    expect(email.subject).toBe(
      `Interview done, and when you will hear: Integration Test Engineer at ${job.clientName}`,
    );
    expect(email.body).not.toContain('scheduled for');
    // Nothing to come to put in a calendar: no invite, and the email promises none.
    expect(email.calendar_method).toBeNull();
    expect(email.body).not.toContain('calendar');
    const page = await candidate.session.get<ApplicationView>(`/api/applications/${applied.id}`);
    expect(page.body.timeline.map((event) => event.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(recorded)]),
    );
  });

  it('tells a candidate whose address an invite cannot name the slot in words, without promising an invite', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate('José Accented');
    // Sign-up takes an accented local part; the HTML standard's address rule, which invites follow, does not.
    const accented = `josé.${candidate.email}`;
    await database().query(`UPDATE users SET email = $2 WHERE id = $1`, [candidate.id, accented]);
    const applied = await apply(candidate.session, job.id);
    await schedule(applied, future('2030-03-04T09:00:00.000Z'), future('2030-03-04T10:00:00.000Z'), 'Video call');
    const [told] = (await candidateEmails(applied.id)).filter((email) => email.body.includes('Phone screen'));
    expect(told.body).toContain(future('Monday, 4 March 2030 at 09:00–10:00 GMT'));
    expect(told.body).not.toContain('calendar invite');
    expect(told.calendar_method).toBeNull();
    expect(told.calendar_invite).toBeNull();
  });

  it('sends no invite with emails about anything else', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const emails = await candidateEmails(applied.id);
    expect(emails.every((email) => email.calendar_method === null && email.calendar_invite === null)).toBe(true);
  });
});
