import {
  ApplicationView,
  CandidateApplicationView,
  ClientContactView,
  ClientReviewLinkView,
  FeedbackDecision,
  UserRole,
} from '@heardback/contracts';
import {
  DEFAULT_WORKING_CALENDAR,
  DeadlineAlertKind,
  REMINDER_LEAD_HOURS,
  alertTime,
  secondEscalationTime,
} from '@heardback/domain';
import { apply, createOpenJob, insertAgencyUser, registerCandidateOn, signIn } from '../support/factories';
import { parseRawMail } from '../support/mailbox';
import { fastOutbox, until } from '../support/outbox-waits';
import { ownApi } from '../support/own-api';
import { TestSmtpServer } from '../support/test-smtp-server';

jest.setTimeout(240_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The client is chased on the recruiters' ladder (issue 13, ADR 0032), over HTTP on an API of its
 * own whose clock the test moves forward, with real emails through a real SMTP server.
 */
describe('client interviewers are chased on the same ladder as recruiters', () => {
  const smtp = new TestSmtpServer();
  const env: Record<string, string> = {
    ...fastOutbox,
    // The sweep runs when the test asks; the outbox sender runs in the background and sends over SMTP.
    RUN_BACKGROUND: 'true',
    // The clock moves days at a time: sessions are signed in again after each move anyway.
    SESSION_IDLE_MINUTES_AGENCY: String(24 * 60),
  };
  beforeAll(async () => {
    env['SMTP_URL'] = await smtp.start();
  });
  afterAll(() => smtp.stop());
  const api = ownApi(env, { clock: true });

  let staffEmail: string;
  let recruiter: { id: string; email: string };
  let accountOwner: { id: string; email: string };

  beforeAll(async () => {
    staffEmail = (await insertAgencyUser(api.pool, UserRole.Staff, 'Sam Staff')).email;
    recruiter = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Rita Recruiter');
    accountOwner = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Ava Accounts');
    // Their escalations arrive on their own, not in an hourly digest (ADR 0014).
    await api.pool.query(`UPDATE users SET agency_mail = 'immediate' WHERE id = ANY($1)`, [
      [recruiter.id, accountOwner.id],
    ]);
  });

  const signedIn = (email: string) => signIn(api.browser(), email);

  /** What the SMTP server received for `address`, decoded, oldest first. */
  function mailTo(address: string): { subject: string; body: string }[] {
    return smtp.received
      .filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()))
      .map((mail) => parseRawMail(mail.raw));
  }

  async function waitForMail(address: string, count: number): Promise<{ subject: string; body: string }[]> {
    await until(async () => mailTo(address).length >= count, `${address} has ${count} emails`);
    return mailTo(address);
  }

  /** Waits until `address` has an email whose subject starts with `prefix`; returns those. */
  async function waitForSubject(address: string, prefix: string): Promise<{ subject: string; body: string }[]> {
    const matching = () => mailTo(address).filter((mail) => mail.subject.startsWith(prefix));
    await until(async () => matching().length > 0, `${address} has an email "${prefix}…"`);
    return matching();
  }

  const tokenIn = (mail: { body: string }) => {
    const match = /\/client-review#([\w-]+)/.exec(mail.body);
    if (!match) throw new Error(`no review link in:\n${mail.body}`);
    return match[1];
  };

  /** How far the API's clock runs ahead of the machine's: only ever grows. */
  let clockAhead = 0;
  const apiNow = () => new Date(Date.now() + clockAhead);

  /** Moves the API's clock to `at` (never back) and runs the sweep as staff. */
  async function sweepAt(at: Date): Promise<void> {
    clockAhead = Math.max(clockAhead, at.getTime() - Date.now());
    api.setClock(apiNow());
    const staff = await signedIn(staffEmail);
    const swept = await staff.post('/api/agency/deadlines/sweep');
    expect(swept.status).toBe(200);
  }

  const openLink = (token: string) => api.browser().post<{ state?: string }>('/api/client-review/open', { token });

  it('reminds each silent interviewer before and at the due time with a new link, then tells the owner and the account owner', async () => {
    const staff = await signedIn(staffEmail);
    const job = await createOpenJob(staff, { ownerId: recruiter.id, answerWithinWorkingDays: 2 });
    const silentEmail = `priya-${job.id.slice(0, 8)}@client.test`;
    const answersEmail = `omar-${job.id.slice(0, 8)}@client.test`;
    const addContact = async (fullName: string, email: string, role: string) => {
      const added = await staff.post<ClientContactView>(`/api/clients/${job.clientId}/contacts`, {
        fullName,
        email,
        role,
      });
      expect(added.status).toBe(201);
      return added.body.id;
    };
    const silentId = await addContact('Priya Silent', silentEmail, 'Head of Engineering');
    const answersId = await addContact('Omar Answers', answersEmail, 'Team Lead');
    expect((await staff.patch(`/api/clients/${job.clientId}`, { accountOwnerId: accountOwner.id })).status).toBe(200);

    const candidate = await registerCandidateOn(api, 'Cleo Candidate', undefined, smtp);
    const applied = await apply(candidate.session, job.id);
    // The interview ended an hour ago, with both contacts on the panel.
    const scheduled = await staff.post<ApplicationView>(
      `/api/applications/${applied.id}/stages/${applied.stages[0].id}/schedule`,
      {
        startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        endsAt: new Date(Date.now() - HOUR).toISOString(),
        location: 'Video call',
        interviewers: [],
        clientInterviewerIds: [silentId, answersId],
        version: applied.version,
      },
    );
    expect(scheduled.status).toBe(200);
    const stage = scheduled.body.stages[0];
    const dueAt = new Date(stage.feedbackDueAt as string);

    // The interview has taken place: each interviewer gets their link (the review link's own email).
    await sweepAt(new Date(Date.now() + MINUTE));
    const [request] = await waitForMail(silentEmail, 1);
    const requestToken = tokenIn(request);
    await waitForMail(answersEmail, 1);

    // A day before the due time: a reminder to each, each with a new link that works.
    await sweepAt(new Date(dueAt.getTime() - REMINDER_LEAD_HOURS * HOUR + MINUTE));
    const silentMail = await waitForMail(silentEmail, 2);
    expect(silentMail[1].subject).toBe(
      'Reminder: your feedback on Cleo Candidate (Phone screen, Integration Test Engineer)',
    );
    expect(silentMail[1].body).toContain('Here is a fresh link (the one we sent before no longer works)');
    const firstReminderToken = tokenIn(silentMail[1]);
    expect(firstReminderToken).not.toBe(requestToken);
    expect((await openLink(firstReminderToken)).status).toBe(200);
    expect(await openLink(requestToken)).toMatchObject({ status: 410, body: { state: 'replaced' } });

    // Omar answers through his reminder's link: his ladder ends there.
    const answersReminder = (await waitForMail(answersEmail, 2))[1];
    const sent = await api.browser().post('/api/client-review/feedback', {
      token: tokenIn(answersReminder),
      decision: FeedbackDecision.Advance,
      rating: 3,
      candidateMessage: 'You walked us through the design clearly.',
    });
    expect(sent.status).toBeLessThan(300);

    // At the due time: Priya again, with another new link; the one before now says it was replaced.
    await sweepAt(new Date(dueAt.getTime() + MINUTE));
    const atDue = (await waitForMail(silentEmail, 3))[2];
    expect(atDue.subject).toBe('Reminder: your feedback on Cleo Candidate (Phone screen, Integration Test Engineer)');
    const atDueToken = tokenIn(atDue);
    expect((await openLink(atDueToken)).status).toBe(200);
    expect(await openLink(firstReminderToken)).toMatchObject({ status: 410, body: { state: 'replaced' } });

    // A working day after the due time: the owning recruiter is told which interviewer is silent.
    const escalatedAt = new Date(
      alertTime(DeadlineAlertKind.Escalation, dueAt, DEFAULT_WORKING_CALENDAR).getTime() + MINUTE,
    );
    await sweepAt(escalatedAt);
    const [toOwner] = await waitForSubject(recruiter.email, 'Client silent');
    expect(toOwner.subject).toBe(
      `Client silent: Priya Silent (${await clientName(job.clientId)}) has not given feedback on Cleo Candidate, Phone screen`,
    );
    expect(toOwner.body).toContain(silentEmail);
    expect(toOwner.body).not.toContain('Omar');

    // A working day after that, still silent: the client's account owner.
    await sweepAt(new Date(secondEscalationTime(escalatedAt, DEFAULT_WORKING_CALENDAR).getTime() + MINUTE));
    const toAccountOwner = await waitForSubject(accountOwner.email, 'Client still silent');
    expect(toAccountOwner).toHaveLength(1);
    expect(toAccountOwner[0].body).toContain('account owner, please take it up with them');
    expect(toAccountOwner[0].body).toContain('Rita Recruiter was told on');

    // Once each: another sweep later sends nothing more to anyone; Omar got only his link and one reminder.
    await sweepAt(new Date(secondEscalationTime(escalatedAt, DEFAULT_WORKING_CALENDAR).getTime() + 2 * HOUR));
    await new Promise((settle) => setTimeout(settle, 1_000));
    expect(mailTo(silentEmail)).toHaveLength(3);
    expect(mailTo(answersEmail)).toHaveLength(2);
    expect(mailTo(accountOwner.email).filter((mail) => mail.subject.startsWith('Client'))).toHaveLength(1);

    // Every step is on the application's internal timeline, naming the interviewer; none on the candidate's.
    const agencyView = await (await signedIn(staffEmail)).get<ApplicationView>(`/api/applications/${applied.id}`);
    const internal = agencyView.body.timeline.filter((event) => /client interviewer/i.test(event.text));
    expect(internal.map((event) => event.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Reminder sent to client interviewer Priya Silent .* with a new review link: .* is due /,
        ),
        expect.stringMatching(/^Reminder sent to client interviewer Omar Answers /),
        expect.stringMatching(/^Reminder sent to client interviewer Priya Silent .* is due now\.$/),
        expect.stringMatching(/^Client interviewer Priya Silent .* a working day overdue: told Rita Recruiter\.$/),
        expect.stringMatching(/^Client interviewer Priya Silent .* told the client's account owner, Ava Accounts\.$/),
      ]),
    );
    expect(internal).toHaveLength(5);
    const candidateView = await (
      await signIn(api.browser(), candidate.email)
    ).get<CandidateApplicationView>(`/api/applications/${applied.id}`);
    expect(candidateView.status).toBe(200);
    expect(JSON.stringify(candidateView.body)).not.toMatch(/Priya|Omar|client interviewer/i);
  });

  async function clientName(clientId: string): Promise<string> {
    const { rows } = await api.pool.query<{ name: string }>('SELECT name FROM clients WHERE id = $1', [clientId]);
    return rows[0].name;
  }

  it("ends an interviewer's ladder when staff revoke their link", async () => {
    const staff = await signedIn(staffEmail);
    const job = await createOpenJob(staff, { ownerId: recruiter.id, answerWithinWorkingDays: 2 });
    const email = `lena-${job.id.slice(0, 8)}@client.test`;
    const otherEmail = `ivo-${job.id.slice(0, 8)}@client.test`;
    const added = await staff.post<ClientContactView>(`/api/clients/${job.clientId}/contacts`, {
      fullName: 'Lena Revoked',
      email,
    });
    expect(added.status).toBe(201);
    // Another interviewer on the same panel, whose link stays: the ladder runs for them.
    const other = await staff.post<ClientContactView>(`/api/clients/${job.clientId}/contacts`, {
      fullName: 'Ivo Kept',
      email: otherEmail,
    });
    expect(other.status).toBe(201);
    const candidate = await registerCandidateOn(api, 'Dev Candidate', undefined, smtp);
    const applied = await apply(candidate.session, job.id);
    // The API's clock is days ahead after the test before: the interview ended an hour ago by it.
    const scheduled = await staff.post<ApplicationView>(
      `/api/applications/${applied.id}/stages/${applied.stages[0].id}/schedule`,
      {
        startsAt: new Date(apiNow().getTime() - 2 * HOUR).toISOString(),
        endsAt: new Date(apiNow().getTime() - HOUR).toISOString(),
        location: 'Video call',
        interviewers: [],
        clientInterviewerIds: [added.body.id, other.body.id],
        version: applied.version,
      },
    );
    expect(scheduled.status).toBe(200);
    const dueAt = new Date(scheduled.body.stages[0].feedbackDueAt as string);
    await sweepAt(new Date(apiNow().getTime() + MINUTE));
    await waitForMail(email, 1);

    const agency = await signedIn(staffEmail);
    const links = await agency.get<ClientReviewLinkView[]>(
      `/api/agency/applications/${applied.id}/client-review-links`,
    );
    const lenasLink = links.body.find((link) => link.contact.id === added.body.id);
    expect(lenasLink).toBeDefined();
    expect((await agency.post(`/api/agency/client-review-links/${lenasLink?.id}/revoke`)).status).toBeLessThan(300);

    await sweepAt(new Date(dueAt.getTime() - REMINDER_LEAD_HOURS * HOUR + MINUTE));
    await sweepAt(new Date(dueAt.getTime() + MINUTE));
    await sweepAt(
      new Date(alertTime(DeadlineAlertKind.Escalation, dueAt, DEFAULT_WORKING_CALENDAR).getTime() + MINUTE),
    );
    // Written in the sweep's transaction, so the outbox and the ladder's rows say it at once.
    const stepsOf = async (contactId: string, address: string) =>
      (
        await api.pool.query<{ reminders: number; steps: number }>(
          `SELECT (SELECT count(*) FROM notifications WHERE recipient_email = $1 AND kind = 'client_review_reminder')::int AS reminders,
                  (SELECT count(*) FROM client_review_alerts WHERE stage_id = $2 AND contact_id = $3)::int AS steps`,
          [address, applied.stages[0].id, contactId],
        )
      ).rows[0];
    expect(await stepsOf(added.body.id, email)).toEqual({ reminders: 0, steps: 0 });
    expect(await stepsOf(other.body.id, otherEmail)).toEqual({ reminders: 2, steps: 3 });
    // Signed in again: the clock moved past the session's idle time.
    const later = await signedIn(staffEmail);
    const timeline = (await later.get<ApplicationView>(`/api/applications/${applied.id}`)).body.timeline;
    expect(timeline.filter((event) => /client interviewer Lena/i.test(event.text))).toEqual([]);
  });
});
