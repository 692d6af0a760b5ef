import {
  ApiError,
  ApplicationSearchPage,
  ApplicationStatus,
  CandidateApplicationView,
  FeedbackDecision,
  NewApplicationsPage,
  UserRole,
} from '@heardback/contracts';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ApiSession } from '../support/api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from '../support/api-server';
import {
  PASSWORD,
  apply,
  createOpenJob,
  recordFeedback,
  registerCandidate,
  registrationTokenFor,
  uniqueEmail,
} from '../support/factories';
import { fastOutbox, until } from '../support/outbox-waits';
import { TestSmtpServer } from '../support/test-smtp-server';
import { endPool } from '../support/database';

jest.setTimeout(180_000);

/** A mail's raw text with quoted-printable soft breaks and escapes undone, to read its words. */
function readable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const subjectOf = (raw: string) => /^Subject: (.*)$/im.exec(readable(raw))?.[1] ?? '';

/** A word no other test's data contains, so a search for it finds only what the test made. */
const token = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`;

describe('recruiters find applications (issue 10, item 4)', () => {
  let database: ProvisionedDatabase;
  let pool: Pool;
  /** Answers HTTP and sends nothing: the tests of mail start a sender of their own. */
  let api: ApiProcess;
  let staff: ApiSession;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 4 });
    api = await startApiProcess({ databaseUrl: database.databaseUrl, env: { RUN_BACKGROUND: 'false' } });
    staff = (await agencyPerson(UserRole.Staff)).session;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    if (pool) await endPool(pool);
    await database?.release();
  });

  /** A verified agency person, signed in, with the mail preference given (the default is hourly). */
  async function agencyPerson(
    role: UserRole.Recruiter | UserRole.Staff,
    agencyMail?: 'immediate' | 'hourly' | 'daily',
    fullName = role === UserRole.Staff ? 'Finding Staff' : 'Finding Recruiter',
  ): Promise<{ id: string; email: string; session: ApiSession }> {
    const email = uniqueEmail(role);
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, full_name, role, email_verified_at)
       VALUES ($1, $2, $3, $4, now()) RETURNING id`,
      [email, hash, fullName, role],
    );
    const session = new ApiSession({ baseUrl: api.url });
    expect((await session.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    if (agencyMail) expect((await session.patch('/api/me/agency-mail', { agencyMail })).status).toBe(200);
    return { id: rows[0].id, email, session };
  }

  /** A candidate registered through the API, signed in by following the emailed link. */
  async function candidate(fullName: string, email = uniqueEmail('candidate')) {
    return registerCandidate(fullName, new ApiSession({ baseUrl: api.url }), email, (address) =>
      registrationTokenFor(address, pool),
    );
  }

  async function search(who: ApiSession, q: string, cursor?: string) {
    const params = new URLSearchParams({ q, ...(cursor ? { cursor } : {}) });
    return who.get<ApplicationSearchPage>(`/api/agency/applications/search?${params}`);
  }

  async function newApplications(who: ApiSession, query: Record<string, string> = {}) {
    return who.get<NewApplicationsPage>(`/api/agency/applications/new?${new URLSearchParams(query)}`);
  }

  /** Every page of a list, following its cursor to the end. */
  async function allPages<T extends { items: { id: string }[]; nextCursor: string | null }>(
    fetchPage: (cursor?: string) => Promise<{ status: number; body: T }>,
  ): Promise<{ pages: T[]; ids: string[] }> {
    const pages: T[] = [];
    let cursor: string | undefined;
    do {
      const response = await fetchPage(cursor);
      expect(response.status).toBe(200);
      pages.push(response.body);
      cursor = response.body.nextCursor ?? undefined;
    } while (cursor && pages.length < 20);
    return { pages, ids: pages.flatMap((page) => page.items.map((item) => item.id)) };
  }

  describe('search', () => {
    it('finds an application by part of the candidate’s name or email, the job’s title or the client’s name', async () => {
      const word = token('Zed');
      const clientWord = token('Cli');
      const job = await createOpenJob(staff, { title: `Lighthouse ${word} Keeper` });
      await pool.query(`UPDATE clients SET name = $2 WHERE id = $1`, [job.clientId, `Harbour ${clientWord} Ltd`]);
      const surname = token('Lovelace');
      const person = await candidate(`Ada ${surname}`, `${token('ada')}@example.test`);
      const applied = await apply(person.session, job.id);

      for (const q of [surname.toLowerCase(), person.email.slice(0, 10).toUpperCase(), word, `  ${clientWord}  `]) {
        const found = await search(staff, q);
        expect({ q, status: found.status }).toEqual({ q, status: 200 });
        expect(found.body.items).toEqual([
          {
            id: applied.id,
            status: ApplicationStatus.Applied,
            candidate: { id: expect.any(String), fullName: `Ada ${surname}`, email: person.email },
            job: { id: job.id, title: `Lighthouse ${word} Keeper`, clientName: `Harbour ${clientWord} Ltd` },
            appliedAt: expect.any(String),
          },
        ]);
        expect(found.body.nextCursor).toBeNull();
      }
      // Recruiters may search too; a word nobody has finds nothing, with an empty page.
      const recruiter = await agencyPerson(UserRole.Recruiter);
      expect((await search(recruiter.session, word)).body.items.map((item) => item.id)).toEqual([applied.id]);
      expect((await search(staff, token('nobody'))).body).toEqual({ items: [], nextCursor: null });
    });

    it('matches wildcards as typed: "%" and "_" find only themselves', async () => {
      const word = token('Pct');
      const job = await createOpenJob(staff, { title: `100% ${word}` });
      const person = await candidate('Percent Candidate');
      const applied = await apply(person.session, job.id);
      expect((await search(staff, `100% ${word}`)).body.items.map((item) => item.id)).toEqual([applied.id]);
      expect((await search(staff, `1_0% ${word}`)).body.items).toEqual([]);
    });

    it('pages newest first across cursor boundaries with no application twice and none left out, even on equal times', async () => {
      const word = token('Page');
      const job = await createOpenJob(staff, { title: `Pager ${word}` });
      // 120 applications; ten of them share one instant, straddling the end of the first page.
      const { rows } = await pool.query<{ id: string }>(
        `WITH people AS (
           INSERT INTO users (email, password_hash, full_name, role)
           SELECT 'pager-' || n || '-' || $2 || '@example.test', 'x', 'Pager Person ' || n, 'candidate'
             FROM generate_series(1, 120) n
           RETURNING id, full_name
         )
         INSERT INTO applications (job_id, candidate_id, status, created_at)
         SELECT $1, id, 'applied',
                CASE WHEN n BETWEEN 66 AND 75 THEN timestamptz '2026-11-02 10:00:00.123456+00'
                     ELSE timestamptz '2026-11-01 09:00:00+00' + n * interval '1 minute' END
           FROM (SELECT id, substring(full_name from 'Pager Person (\\d+)')::int AS n FROM people) p
         RETURNING id`,
        [job.id, word.toLowerCase()],
      );
      const { rows: expected } = await pool.query<{ id: string }>(
        `SELECT id FROM applications WHERE job_id = $1 ORDER BY created_at DESC, id DESC`,
        [job.id],
      );

      const { pages, ids } = await allPages((cursor) => search(staff, word, cursor));
      expect(pages.map((page) => page.items.length)).toEqual([50, 50, 20]);
      expect(pages[2].nextCursor).toBeNull();
      expect(new Set(ids).size).toBe(rows.length);
      expect(ids).toEqual(expected.map((row) => row.id));
    });

    it('refuses a search shorter than 2 or longer than 100 characters once trimmed, with 400 naming q', async () => {
      for (const q of ['a', '   a   ', '', 'x'.repeat(101)]) {
        const refused = await search(staff, q);
        expect({ q, status: refused.status }).toEqual({ q, status: 400 });
        expect((refused.body as unknown as ApiError).details).toEqual([
          {
            field: 'q',
            reasons: ['Search for 2 to 100 characters: part of a name, an email, a job title or a client.'],
          },
        ]);
      }
      const missing = await staff.get('/api/agency/applications/search');
      expect(missing.status).toBe(400);
      expect((missing.body as ApiError).details?.[0]?.field).toBe('q');
      const badCursor = await search(staff, 'ab', 'not-a-cursor');
      expect(badCursor.status).toBe(400);
      expect((badCursor.body as unknown as ApiError).details?.[0]?.field).toBe('cursor');
      expect((await search(staff, 'x'.repeat(100))).status).toBe(200);
    });

    it('is the agency’s: a candidate gets 403, and someone signed out 401', async () => {
      const person = await candidate('Curious Candidate');
      expect((await search(person.session, 'Candidate')).status).toBe(403);
      expect((await newApplications(person.session)).status).toBe(403);
      expect((await search(new ApiSession({ baseUrl: api.url }), 'Candidate')).status).toBe(401);
    });
  });

  describe('new applications', () => {
    it('lists the applications nobody has screened, oldest first, with how long each has waited and a true total', async () => {
      const owner = await agencyPerson(UserRole.Recruiter, 'immediate');
      const job = await createOpenJob(staff, { ownerId: owner.id });
      const applied: CandidateApplicationView[] = [];
      for (const name of ['First Newcomer', 'Second Newcomer', 'Third Newcomer', 'Fourth Newcomer']) {
        applied.push(await apply((await candidate(name)).session, job.id));
      }
      // The first applied long ago; the second is screened (an interview booked), the third rejected.
      await pool.query(`UPDATE applications SET created_at = now() - interval '30 days' WHERE id = $1`, [
        applied[0].id,
      ]);
      const start = new Date(Date.now() + 48 * 3_600_000);
      const scheduled = await staff.post(
        `/api/applications/${applied[1].id}/stages/${applied[1].stages[0].id}/schedule`,
        {
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
          location: 'Video call',
          interviewers: ['Hiring manager'],
          version: applied[1].version,
        },
      );
      expect(scheduled.status).toBe(200);
      const rejected = await staff.post(`/api/applications/${applied[2].id}/reject`, {
        candidateMessage: 'Thank you for applying; we are going ahead with others.',
        version: applied[2].version,
      });
      expect(rejected.status).toBe(200);

      const mine = await newApplications(owner.session);
      expect(mine.status).toBe(200);
      expect(mine.body.mine).toBe(true);
      expect(mine.body.total).toBe(2);
      expect(mine.body.nextCursor).toBeNull();
      expect(mine.body.items.map((item) => item.candidate.fullName)).toEqual(['First Newcomer', 'Fourth Newcomer']);
      const [oldest, newest] = mine.body.items;
      // Thirty calendar days hold at least 20 working days, whatever the calendar's holidays.
      expect(oldest.waited.workingDays).toBeGreaterThanOrEqual(20);
      expect(newest.waited).toEqual({ workingDays: 0, hours: expect.any(Number) });
      expect(newest.waited.hours).toBeLessThanOrEqual(1);
      expect(oldest.job).toEqual({ id: job.id, title: job.title, clientName: expect.any(String) });

      // Screening it takes it off the list.
      const held = await recordFeedback(staff, applied[3], 0, FeedbackDecision.Hold);
      expect(held.status).toBe(ApplicationStatus.Screening);
      const after = await newApplications(owner.session);
      expect(after.body.items.map((item) => item.id)).toEqual([applied[0].id]);
      expect(after.body.total).toBe(1);
    });

    it('shows a recruiter their own by default and everyone’s with mine=false; staff see everyone’s unless mine=true', async () => {
      const ann = await agencyPerson(UserRole.Recruiter, 'immediate', 'Ann Owner');
      const bob = await agencyPerson(UserRole.Recruiter, 'immediate', 'Bob Owner');
      const annJob = await createOpenJob(staff, { ownerId: ann.id });
      const bobJob = await createOpenJob(staff, { ownerId: bob.id });
      const forAnn = await apply((await candidate('For Ann')).session, annJob.id);
      const forBob = await apply((await candidate('For Bob')).session, bobJob.id);

      const annsOwn = await newApplications(ann.session);
      expect(annsOwn.body.items.map((item) => item.id)).toEqual([forAnn.id]);
      expect(annsOwn.body).toMatchObject({ mine: true, total: 1 });

      const everyone = await allPages((cursor) =>
        newApplications(ann.session, { mine: 'false', ...(cursor ? { cursor } : {}) }),
      );
      expect(everyone.pages[0].mine).toBe(false);
      expect(everyone.ids).toEqual(expect.arrayContaining([forAnn.id, forBob.id]));
      expect(everyone.pages[0].total).toBe(everyone.ids.length);

      const staffView = await newApplications(staff);
      expect(staffView.body.mine).toBe(false);
      expect(staffView.body.total).toBe(everyone.ids.length);
      expect((await newApplications(staff, { mine: 'true' })).body).toMatchObject({ items: [], total: 0, mine: true });
      const refused = await newApplications(staff, { mine: 'yes' });
      expect(refused.status).toBe(400);
      expect((refused.body as unknown as ApiError).details).toEqual([
        { field: 'mine', reasons: ['Answer yes or no.'] },
      ]);
    });

    it('pages oldest first across cursor boundaries with nothing twice and nothing left out', async () => {
      const owner = await agencyPerson(UserRole.Recruiter, 'immediate');
      const job = await createOpenJob(staff, { ownerId: owner.id });
      await pool.query(
        `WITH people AS (
           INSERT INTO users (email, password_hash, full_name, role)
           SELECT 'waiting-' || n || '-' || $2 || '@example.test', 'x', 'Waiting Person ' || n, 'candidate'
             FROM generate_series(1, 70) n
           RETURNING id
         )
         INSERT INTO applications (job_id, candidate_id, status, created_at)
         SELECT $1, id, 'applied', timestamptz '2026-10-01 09:00:00+00' + (row_number() OVER () % 7) * interval '1 hour'
           FROM people`,
        [job.id, randomUUID().slice(0, 8)],
      );
      const { rows: expected } = await pool.query<{ id: string }>(
        `SELECT id FROM applications WHERE recruiter_id = $1 AND status = 'applied' ORDER BY created_at, id`,
        [owner.id],
      );
      const { pages, ids } = await allPages((cursor) => newApplications(owner.session, cursor ? { cursor } : {}));
      expect(pages.map((page) => page.items.length)).toEqual([50, 20]);
      expect(pages.every((page) => page.total === 70)).toBe(true);
      expect(ids).toEqual(expected.map((row) => row.id));
    });
  });

  describe('the email when an application arrives', () => {
    let smtp: TestSmtpServer;
    let smtpUrl: string;
    let sender: ApiProcess | undefined;
    const startSender = async () => {
      sender = await startApiProcess({
        databaseUrl: database.databaseUrl,
        entry: 'worker',
        env: { ...fastOutbox, SMTP_URL: smtpUrl },
      });
    };

    beforeEach(async () => {
      smtp = new TestSmtpServer();
      smtpUrl = await smtp.start();
      await startSender();
    });

    afterEach(async () => {
      await sender?.stop();
      await smtp.stop();
    });

    const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
    const statusesTo = async (recipientId: string) =>
      (
        await pool.query<{ status: string }>(
          `SELECT status FROM notifications WHERE recipient_id = $1 ORDER BY status`,
          [recipientId],
        )
      ).rows.map((row) => row.status);

    it('goes at once to the recruiter who owns the job, with who applied, for what, and a link', async () => {
      const owner = await agencyPerson(UserRole.Recruiter, 'immediate', 'Olive Owner');
      const job = await createOpenJob(staff, { ownerId: owner.id, title: 'Harbour Pilot' });
      const person = await candidate('Nora Newcomer');
      const applied = await apply(person.session, job.id);

      // The server has the mail a moment before the sender records it sent: wait for both.
      await until(
        async () => mailTo(owner.email).length === 1 && (await statusesTo(owner.id)).join() === 'sent',
        'the owner hears of the new application',
      );
      const mail = readable(mailTo(owner.email)[0].raw);
      expect(subjectOf(mail)).toMatch(/^New application: Nora Newcomer/);
      expect(mail).toContain('Hello Olive,');
      expect(mail).toContain('promised a decision on whether they move forward by');
      expect(mail).toContain(`/recruiter/applications/${applied.id}`);
      const { rows } = await pool.query(
        `SELECT kind, status, subject FROM notifications WHERE application_id = $1 AND recipient_id = $2`,
        [applied.id, owner.id],
      );
      expect(rows).toEqual([
        {
          kind: 'application_arrived',
          status: 'sent',
          subject: expect.stringMatching(/^New application: Nora Newcomer for Harbour Pilot \(Client [0-9a-f]{8}\)$/),
        },
      ]);
    });

    it('waits for the digest of an owner who chose one, and is in it when it goes', async () => {
      // No sender until the test brings the hour: a real top of the hour turning just after the
      // application is written would otherwise release the digest before it is seen held.
      await sender?.stop();
      sender = undefined;
      const owner = await agencyPerson(UserRole.Recruiter, 'hourly', 'Hugo Hourly');
      const job = await createOpenJob(staff, { ownerId: owner.id, title: 'Dock Planner' });
      const dina = await candidate('Dina Digest');
      const applyStarted = new Date();
      const applied = await apply(dina.session, job.id);
      const applyEnded = new Date();

      const { rows: held } = await pool.query<{ kind: string; status: string; subject: string }>(
        `SELECT kind, status, subject FROM notifications WHERE recipient_id = $1`,
        [owner.id],
      );
      expect(held).toEqual([
        { kind: 'application_arrived', status: 'held', subject: expect.stringContaining('Dina Digest') },
      ]);
      // Held for the next top of the hour after it was written, while the application was being made.
      // (That nothing goes before it is agency-digests.spec.ts's to show.) Not measured from created_at:
      // the API reads its clock for the hour a moment after its transaction began, and a top of the
      // hour may fall in between.
      const { rows: due } = await pool.query<{ next_hour: boolean }>(
        `SELECT date_trunc('hour', digest_due_at) = digest_due_at
                AND digest_due_at > $2::timestamptz AND digest_due_at <= $3::timestamptz + interval '1 hour' AS next_hour
           FROM notifications WHERE recipient_id = $1 AND kind = 'application_arrived'`,
        [owner.id, applyStarted, applyEnded],
      );
      expect(due).toEqual([{ next_hour: true }]);

      // The hour comes (time passes by moving the stored time back, as in the digest tests).
      await pool.query(
        `UPDATE notifications SET digest_due_at = now() - interval '1 second' WHERE recipient_id = $1 AND status = 'held'`,
        [owner.id],
      );
      await startSender();
      await until(
        async () => mailTo(owner.email).length === 1 && (await statusesTo(owner.id)).includes('sent'),
        'the digest reaches the owner, recorded sent',
      );
      const digest = readable(mailTo(owner.email)[0].raw);
      expect(digest).toContain(held[0].subject);
      const { rows: after } = await pool.query(
        `SELECT n.status, d.kind AS digest_kind, d.status AS digest_status
           FROM notifications n JOIN notifications d ON d.id = n.digest_id WHERE n.recipient_id = $1 AND n.kind = 'application_arrived'`,
        [owner.id],
      );
      expect(after).toEqual([{ status: 'digested', digest_kind: 'agency_digest', digest_status: 'sent' }]);
      expect(digest).toContain(`/recruiter/applications/${applied.id}`);
    });

    it('goes to nobody when the job has no owner', async () => {
      const job = await createOpenJob(staff);
      expect((await pool.query(`SELECT owner_id FROM jobs WHERE id = $1`, [job.id])).rows).toEqual([
        { owner_id: null },
      ]);
      const applied = await apply((await candidate('Orphan Applicant')).session, job.id);
      const { rows } = await pool.query(
        `SELECT kind FROM notifications WHERE application_id = $1 AND kind <> 'candidate_update'`,
        [applied.id],
      );
      expect(rows).toEqual([]);
    });
  });
});
