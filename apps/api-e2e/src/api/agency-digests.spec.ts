import { ApiError, ApplicationView, AuditAction, UserRole, UserView } from '@heardback/contracts';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ApiSession } from '../support/api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from '../support/api-server';
import {
  PASSWORD,
  apply,
  createOpenJob,
  interviewHeld,
  registerCandidate,
  registrationTokenFor,
  registrationTokenReceived,
  uniqueEmail,
} from '../support/factories';
import { fastOutbox, until } from '../support/outbox-waits';
import { TestSmtpServer } from '../support/test-smtp-server';
import { endPool } from '../support/database';

jest.setTimeout(180_000);

const pause = (ms: number) => new Promise((next) => setTimeout(next, ms));

/** An agency person's mail, decoded enough to read: the raw message with soft line breaks joined. */
function readable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('agency mail digests (ADR 0014)', () => {
  let database: ProvisionedDatabase;
  let pool: Pool;
  /** Answers HTTP; sends nothing (no background work), so each test decides who sends and when. */
  let api: ApiProcess;
  let smtp: TestSmtpServer;
  let smtpUrl: string;
  const senders: ApiProcess[] = [];

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 4 });
    api = await startApiProcess({ databaseUrl: database.databaseUrl, env: { RUN_BACKGROUND: 'false' } });
  }, 120_000);

  beforeEach(async () => {
    smtp = new TestSmtpServer();
    smtpUrl = await smtp.start();
  });

  afterEach(async () => {
    await Promise.all(senders.splice(0).map((sender) => sender.stop()));
    await smtp.stop();
  });

  afterAll(async () => {
    await api?.stop();
    if (pool) await endPool(pool);
    await database?.release();
  });

  /** From the outbox, or, once a sender has sent it (and blanked the key there), from the SMTP server. */
  async function readRegistrationLink(email: string): Promise<string> {
    return registrationTokenFor(email, pool).catch(() => registrationTokenReceived(smtp, email));
  }

  async function startSender(): Promise<ApiProcess> {
    const sender = await startApiProcess({
      databaseUrl: database.databaseUrl,
      entry: 'worker',
      env: { ...fastOutbox, SMTP_URL: smtpUrl },
    });
    senders.push(sender);
    return sender;
  }

  /** A verified agency person (mail to unverified addresses waits), signed in on the test API. */
  async function agencyPerson(
    role: UserRole.Recruiter | UserRole.Staff,
    agencyMail?: 'immediate' | 'hourly' | 'daily',
  ): Promise<{ id: string; email: string; session: ApiSession }> {
    const email = uniqueEmail(role);
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, full_name, role, email_verified_at)
       VALUES ($1, $2, $3, $4, now()) RETURNING id`,
      [email, hash, role === UserRole.Staff ? 'Digest Staff' : 'Digest Recruiter', role],
    );
    const session = new ApiSession({ baseUrl: api.url });
    expect((await session.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    if (agencyMail) expect((await session.patch('/api/me/agency-mail', { agencyMail })).status).toBe(200);
    return { id: rows[0].id, email, session };
  }

  /** An application owned by `ownerId` whose interview's feedback was due `hoursAgo` hours ago. */
  async function overdueFeedback(staff: ApiSession, ownerId: string, hoursAgo: number): Promise<ApplicationView> {
    const job = await createOpenJob(staff, { ownerId });
    const candidate = await registerCandidate(
      'Digest Candidate',
      new ApiSession({ baseUrl: api.url }),
      undefined,
      readRegistrationLink,
    );
    const held = await interviewHeld(staff, await apply(candidate.session, job.id), 0);
    await pool.query(`UPDATE application_stages SET feedback_due_at = now() - $2::interval WHERE id = $1`, [
      held.stages[0].id,
      `${hoursAgo} hours`,
    ]);
    return held;
  }

  async function sweep(staff: ApiSession): Promise<void> {
    expect((await staff.post('/api/agency/deadlines/sweep')).status).toBe(200);
  }

  const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

  describe('the preference', () => {
    it('is hourly by default, shown to agency people, set by them, audited, and re-times what is held', async () => {
      const recruiter = await agencyPerson(UserRole.Recruiter);
      expect((await recruiter.session.get<UserView>('/api/auth/me')).body.agencyMail).toBe('hourly');
      await pool.query(
        `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body, status, digest_due_at)
         VALUES ($1, 'feedback_reminder', $2, $3, 'Held', 'Hello', 'held', now() + interval '1 day')`,
        [`test:${randomUUID()}`, recruiter.id, recruiter.email],
      );

      const set = await recruiter.session.patch<UserView>('/api/me/agency-mail', { agencyMail: 'immediate' });
      expect(set.status).toBe(200);
      expect(set.body.agencyMail).toBe('immediate');
      expect((await recruiter.session.get<UserView>('/api/auth/me')).body.agencyMail).toBe('immediate');
      // Choosing "as it happens" releases what was waiting, at once, in one digest.
      const { rows: held } = await pool.query<{ due: boolean }>(
        `SELECT digest_due_at <= now() AS due FROM notifications WHERE recipient_id = $1 AND status = 'held'`,
        [recruiter.id],
      );
      expect(held).toEqual([{ due: true }]);
      const { rows: audit } = await pool.query(`SELECT changes FROM audit_events WHERE actor_id = $1 AND action = $2`, [
        recruiter.id,
        AuditAction.UserAgencyMailChanged,
      ]);
      expect(audit).toEqual([{ changes: { agencyMail: { before: 'hourly', after: 'immediate' } } }]);
    });

    it('refuses anything but immediate, hourly or daily with 400 naming agencyMail, and keeps the saved one', async () => {
      const staff = await agencyPerson(UserRole.Staff, 'daily');
      for (const body of [{ agencyMail: 'weekly' }, { agencyMail: '' }, { agencyMail: 3 }, { agencyMail: null }, {}]) {
        const refused = await staff.session.patch('/api/me/agency-mail', body);
        expect(refused.status).toBe(400);
        expect((refused.body as ApiError).details).toEqual([
          { field: 'agencyMail', reasons: ['Choose one of: immediate, hourly, daily.'] },
        ]);
      }
      expect((await staff.session.get<UserView>('/api/auth/me')).body.agencyMail).toBe('daily');
    });

    it('is not the candidates’: 403, and absent from their view of themselves', async () => {
      const candidate = await registerCandidate(
        'Digest Candidate',
        new ApiSession({ baseUrl: api.url }),
        undefined,
        readRegistrationLink,
      );
      expect((await candidate.session.patch('/api/me/agency-mail', { agencyMail: 'daily' })).status).toBe(403);
      expect((await candidate.session.get<UserView>('/api/auth/me')).body).not.toHaveProperty('agencyMail');
    });
  });

  it('sends each reminder on its own, as it is written, to someone who chose "as it happens"', async () => {
    const staff = await agencyPerson(UserRole.Staff);
    const recruiter = await agencyPerson(UserRole.Recruiter, 'immediate');
    await overdueFeedback(staff.session, recruiter.id, 2);
    await overdueFeedback(staff.session, recruiter.id, 3);
    await sweep(staff.session);
    await startSender();

    // Each of the two applications was news to its owner when it arrived (ADR 0021), then came its reminder.
    await until(async () => mailTo(recruiter.email).length === 4, 'both reminders reach the recruiter');
    const subjects = mailTo(recruiter.email).map((mail) => /^Subject: (.*)$/im.exec(mail.raw)?.[1] ?? '');
    expect(subjects.filter((subject) => subject.startsWith('Feedback overdue since'))).toHaveLength(2);
    const { rows } = await pool.query(
      `SELECT kind, status FROM notifications WHERE recipient_id = $1 ORDER BY sequence`,
      [recruiter.id],
    );
    expect(rows).toEqual([
      { kind: 'application_arrived', status: 'sent' },
      { kind: 'application_arrived', status: 'sent' },
      { kind: 'feedback_reminder', status: 'sent' },
      { kind: 'feedback_reminder', status: 'sent' },
    ]);
  });

  it('holds an hourly reader’s reminders for one digest at the top of the hour, in order; escalations go at once', async () => {
    // Staff keep the default (hourly), and still get escalations as they happen.
    const staff = await agencyPerson(UserRole.Staff);
    const recruiter = await agencyPerson(UserRole.Recruiter);
    // Three reminders; the one due 96 hours ago is also escalated to staff. Escalation waits a working
    // day, so the age must hold one whatever today is: 30 hours did not on a Saturday afternoon
    // (Friday 09:25 to 17:00 is under a working day); four days always do, weekend included (this API has
    // no public holidays, which could leave four days without a working hour).
    for (const hoursAgo of [2, 3, 96]) await overdueFeedback(staff.session, recruiter.id, hoursAgo);
    // The API reads its clock for the digest's hour a moment after its transaction began (created_at):
    // a top of the hour falling in between made "within an hour of created_at" false. The reminders
    // were written while the sweep ran, so the next top of the hour after that is what they wait for.
    const sweepStarted = new Date();
    await sweep(staff.session);
    const sweepEnded = new Date();

    const { rows: held } = await pool.query<{ subject: string; on_the_hour: boolean; within_the_hour: boolean }>(
      `SELECT subject, date_trunc('hour', digest_due_at) = digest_due_at AS on_the_hour,
              digest_due_at > $2::timestamptz AND digest_due_at <= $3::timestamptz + interval '1 hour' AS within_the_hour
         FROM notifications WHERE recipient_id = $1 AND status = 'held' AND kind = 'feedback_reminder' ORDER BY sequence`,
      [recruiter.id, sweepStarted, sweepEnded],
    );
    expect(held).toHaveLength(3);
    expect(held.every((row) => row.on_the_hour && row.within_the_hour)).toBe(true);
    // Held a day further off, so a real top of the hour passing while the test runs cannot release them.
    await pool.query(
      `UPDATE notifications SET digest_due_at = digest_due_at + interval '1 day' WHERE recipient_id = $1 AND status = 'held'`,
      [recruiter.id],
    );

    await startSender();
    await until(async () => mailTo(staff.email).length === 1, 'the escalation reaches staff at once');
    expect(/^Subject: Escalation: /im.test(mailTo(staff.email)[0].raw)).toBe(true);
    // Several passes of the sender later, the recruiter has still heard nothing: the hour has not come.
    await pause(1500);
    expect(mailTo(recruiter.email)).toHaveLength(0);

    // The hour comes (as in the deadline tests, time passes by moving the stored times back).
    await pool.query(
      `UPDATE notifications SET digest_due_at = digest_due_at - interval '1 day 1 hour' WHERE recipient_id = $1 AND status = 'held'`,
      [recruiter.id],
    );
    await until(async () => mailTo(recruiter.email).length === 1, 'the digest reaches the recruiter');
    await pause(1000);
    expect(mailTo(recruiter.email)).toHaveLength(1);
    const digest = readable(mailTo(recruiter.email)[0].raw);
    const positions = held.map((row) => digest.indexOf(row.subject));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(digest).toContain('/recruiter/applications/');

    const { rows: after } = await pool.query<{ status: string; digest_id: string }>(
      `SELECT status, digest_id FROM notifications WHERE recipient_id = $1 AND kind = 'feedback_reminder'`,
      [recruiter.id],
    );
    expect(after.every((row) => row.status === 'digested')).toBe(true);
    expect(new Set(after.map((row) => row.digest_id)).size).toBe(1);
    const { rows: digestRow } = await pool.query(`SELECT kind, status, subject FROM notifications WHERE id = $1`, [
      after[0].digest_id,
    ]);
    expect(digestRow).toEqual([
      {
        kind: 'agency_digest',
        status: 'sent',
        // The three reminders, and the three new applications they are about (ADR 0021), in one digest.
        subject: expect.stringMatching(/^Heardback: 6 things need you — digest for \w{3} \d{1,2} \w{3}, \d{2}:00$/),
      },
    ]);
  });

  it('writes one digest per person when two dispatchers find them due at the same moment', async () => {
    await startSender();
    await startSender();
    const people = await Promise.all(Array.from({ length: 8 }, () => agencyPerson(UserRole.Recruiter)));
    const written = new Map<string, string[]>();
    // All due at once, committed together: both senders see every digest due on the same pass.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (let item = 0; item < 5; item++) {
        for (const person of people) {
          const subject = `Item ${item} for ${person.email}`;
          written.set(person.email, [...(written.get(person.email) ?? []), subject]);
          await client.query(
            `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body, status, digest_due_at)
             VALUES ($1, 'feedback_reminder', $2, $3, $4, $5, 'held', now() - interval '1 second')`,
            [`test:${randomUUID()}`, person.id, person.email, subject, `Hello Digest,\n\n${subject}.\n\nHeardback`],
          );
        }
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    await until(
      async () => people.every((person) => mailTo(person.email).length >= 1),
      'every person has their digest',
    );
    await pause(1500);
    for (const person of people) {
      const mails = mailTo(person.email);
      expect({ person: person.email, digests: mails.length }).toEqual({ person: person.email, digests: 1 });
      const body = readable(mails[0].raw);
      const positions = (written.get(person.email) ?? []).map((subject) => body.indexOf(subject));
      expect(positions.every((position) => position > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
    const { rows } = await pool.query<{ digests: number; items: number; carried: number }>(
      `SELECT count(DISTINCT d.id)::int AS digests, count(i.id)::int AS items, count(DISTINCT i.digest_id)::int AS carried
         FROM notifications d JOIN notifications i ON i.digest_id = d.id
        WHERE d.recipient_id = ANY($1::uuid[])`,
      [people.map((person) => person.id)],
    );
    expect(rows).toEqual([{ digests: 8, items: 40, carried: 8 }]);
  });

  it('loses nothing held when the mail server refuses the digest: it is retried until it is sent', async () => {
    const recruiter = await agencyPerson(UserRole.Recruiter, 'daily');
    await pool.query(
      `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body, status, digest_due_at)
       VALUES ($1, 'feedback_reminder', $2, $3, 'Refused at first', 'Hello\n\nRefused at first.', 'held', now() - interval '1 second')`,
      [`test:${randomUUID()}`, recruiter.id, recruiter.email],
    );
    smtp.refusing = true;
    await startSender();
    await until(async () => {
      const { rows } = await pool.query(
        `SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'agency_digest' AND last_error IS NOT NULL`,
        [recruiter.id],
      );
      return rows.length === 1;
    }, 'the digest is refused once');
    smtp.refusing = false;
    await until(async () => mailTo(recruiter.email).length === 1, 'the digest is sent after the server recovers');
    expect(readable(mailTo(recruiter.email)[0].raw)).toContain('Refused at first');
  });
});
