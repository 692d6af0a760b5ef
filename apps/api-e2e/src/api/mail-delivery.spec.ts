import { NotificationPage } from '@heardback/contracts';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ApiSession } from '../support/api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from '../support/api-server';
import { PASSWORD, uniqueEmail } from '../support/factories';
import { fastOutbox, until } from '../support/outbox-waits';
import { TestSmtpServer } from '../support/test-smtp-server';
import { endPool } from '../support/database';

jest.setTimeout(120_000);

describe('mail delivery over SMTP (rule 6: nothing is lost)', () => {
  let database: ProvisionedDatabase;
  let pool: Pool;
  let smtp: TestSmtpServer;
  let smtpUrl: string;
  const processes: ApiProcess[] = [];

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
    // Migrate once before the tests, so the workers below never race on an empty database.
    const migrator = await startApiProcess({ databaseUrl: database.databaseUrl, env: { RUN_BACKGROUND: 'false' } });
    await migrator.stop();
  });

  beforeEach(async () => {
    smtp = new TestSmtpServer();
    smtpUrl = await smtp.start();
  });

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((process) => process.stop()));
    await smtp.stop();
  });

  afterAll(async () => {
    await endPool(pool);
    await database.release();
  });

  async function enqueue(count: number, body = 'Hello'): Promise<string[]> {
    const keys = Array.from({ length: count }, () => `test:${randomUUID()}`);
    for (const key of keys) {
      await pool.query(
        `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body) VALUES ($1, 'candidate_update', $2, 'Update', $3)`,
        [key, `${key.slice(5, 13)}@example.test`, body],
      );
    }
    return keys;
  }

  async function statuses(keys: string[]): Promise<{ status: string; attempts: number; last_error: string | null }[]> {
    const { rows } = await pool.query(
      'SELECT status, attempts, last_error FROM notifications WHERE idempotency_key = ANY($1)',
      [keys],
    );
    return rows;
  }

  const allSent = (keys: string[]) => async () => (await statuses(keys)).every((row) => row.status === 'sent');
  const messageIdOf = (key: string) => `<${key.replace(/[^\w.-]+/g, '.')}@heardback>`;

  it('sends each email exactly once when two API instances drain the same outbox', async () => {
    processes.push(
      await startApiProcess({ databaseUrl: database.databaseUrl, env: { ...fastOutbox, SMTP_URL: smtpUrl } }),
    );
    processes.push(
      await startApiProcess({ databaseUrl: database.databaseUrl, env: { ...fastOutbox, SMTP_URL: smtpUrl } }),
    );
    const keys = await enqueue(40);
    await until(allSent(keys), 'all 40 are sent');
    const ids = smtp.messageIds().filter((id) => keys.some((key) => messageIdOf(key) === id));
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const sentBy = processes.map((process) => process.output.join('')).join('');
    expect(sentBy).not.toMatch(/Gave up/);
  });

  it("delivers each recipient's mail in the order it was written, with two instances draining at once", async () => {
    for (let index = 0; index < 2; index++) {
      processes.push(
        await startApiProcess({ databaseUrl: database.databaseUrl, env: { ...fastOutbox, SMTP_URL: smtpUrl } }),
      );
    }
    // Written in one transaction, as a command writes its mail: every row has the same created_at.
    const recipients = [uniqueEmail('first'), uniqueEmail('second'), uniqueEmail('third')];
    const written = new Map<string, string[]>(recipients.map((recipient) => [recipient, []]));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (let step = 0; step < 8; step++) {
        for (const recipient of recipients) {
          const key = `test:${randomUUID()}`;
          written.get(recipient)?.push(messageIdOf(key));
          await client.query(
            `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body)
             VALUES ($1, 'candidate_update', $2, $3, 'Hello')`,
            [key, recipient, `Step ${step}`],
          );
        }
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const everyKey = [...written.values()].flat();
    await until(
      async () => smtp.messageIds().filter((id) => everyKey.includes(id)).length === everyKey.length,
      'all 24 are sent',
    );
    for (const [recipient, inOrder] of written) {
      const arrived = smtp.messageIds().filter((id) => inOrder.includes(id));
      expect({ recipient, arrived }).toEqual({ recipient, arrived: inOrder });
    }
  });

  it('sends an interview invite as a calendar part that mail clients offer to add', async () => {
    processes.push(
      await startApiProcess({ databaseUrl: database.databaseUrl, env: { ...fastOutbox, SMTP_URL: smtpUrl } }),
    );
    const key = `test:${randomUUID()}`;
    const invite =
      'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:stage-1@heardback\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    await pool.query(
      `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body, calendar_method, calendar_content)
       VALUES ($1, 'candidate_update', $2, 'Interview', 'Hello', 'REQUEST', $3)`,
      [key, uniqueEmail('invited'), invite],
    );
    await until(allSent([key]), 'the invite is sent');
    const raw = smtp.received.find((mail) => mail.messageId === messageIdOf(key))?.raw ?? '';
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(raw).toContain('UID:stage-1@heardback');
  });

  it('writes an invite queued as its facts when it sends it, and refuses a row that holds both forms', async () => {
    processes.push(
      await startApiProcess({ databaseUrl: database.databaseUrl, env: { ...fastOutbox, SMTP_URL: smtpUrl } }),
    );
    const key = `test:${randomUUID()}`;
    const stageId = randomUUID();
    const stored = {
      facts: {
        stageId,
        sequence: 2,
        cancelled: false,
        startsAt: '2030-01-10T10:00:00.000Z',
        endsAt: '2030-01-10T11:30:00.000Z',
        title: 'Phone screen: Engineer at Acme, Ltd',
        location: 'Video call',
        description: 'https://heardback.test/me/applications/1',
        attendee: { name: 'Casey Candidate', email: 'casey@example.test' },
      },
      organizer: 'Heardback <no-reply@heardback.test>',
      writtenAt: '2029-12-01T09:30:00.000Z',
    };
    await pool.query(
      `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body, calendar_method, calendar_invite)
       VALUES ($1, 'candidate_update', $2, 'Interview', 'Hello', 'REQUEST', $3)`,
      [key, uniqueEmail('invited'), JSON.stringify(stored)],
    );
    await until(allSent([key]), 'the invite is sent');
    const raw = (smtp.received.find((mail) => mail.messageId === messageIdOf(key))?.raw ?? '').replace(
      /\r?\n[ \t]/g,
      '',
    );
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    for (const line of [
      `UID:stage-${stageId}@heardback`,
      'SEQUENCE:2',
      'DTSTART:20300110T100000Z',
      'DTEND:20300110T113000Z',
      'DTSTAMP:20291201T093000Z',
    ]) {
      expect(raw).toContain(line);
    }

    // An invite that cannot be written (an address the invite library refuses) goes without its calendar
    // part, at once: retrying would hold back the candidate's later mail, then lose this one.
    const unwritable = `test:${randomUUID()}`;
    const later = `test:${randomUUID()}`;
    const accented = `josé.${randomUUID().slice(0, 8)}@example.test`;
    const refused = { ...stored, facts: { ...stored.facts, attendee: { name: 'José', email: accented } } };
    await pool.query(
      `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body, calendar_method, calendar_invite)
       VALUES ($1, 'candidate_update', $3, 'Interview', 'Hello', 'REQUEST', $4),
              ($2, 'candidate_update', $3, 'Later', 'Hello again', NULL, NULL)`,
      [unwritable, later, accented, JSON.stringify(refused)],
    );
    await until(allSent([unwritable, later]), 'both are sent');
    const sentAlone = smtp.received.find((mail) => mail.messageId === messageIdOf(unwritable))?.raw ?? '';
    expect(sentAlone).toContain('Hello');
    expect(sentAlone).not.toMatch(/text\/calendar/i);
    expect((await statuses([unwritable])).map((row) => row.attempts)).toEqual([1]);

    await expect(
      pool.query(
        `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body, calendar_method, calendar_invite)
         VALUES ($1, 'candidate_update', $2, 'Interview', 'Hello', 'REQUEST', 'null'::jsonb)`,
        [`test:${randomUUID()}`, uniqueEmail('invited')],
      ),
    ).rejects.toThrow(/notifications_calendar_complete/);
    await expect(
      pool.query(
        `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body, calendar_method, calendar_content, calendar_invite)
         VALUES ($1, 'candidate_update', $2, 'Interview', 'Hello', 'REQUEST', 'BEGIN:VCALENDAR', $3)`,
        [`test:${randomUUID()}`, uniqueEmail('invited'), JSON.stringify(stored)],
      ),
    ).rejects.toThrow(/notifications_calendar_complete/);
  });

  it('keeps retrying while the mail server refuses, shows the failure to staff, and delivers once it recovers', async () => {
    smtp.refusing = true;
    const api = await startApiProcess({ databaseUrl: database.databaseUrl, env: { ...fastOutbox, SMTP_URL: smtpUrl } });
    processes.push(api);
    const staffEmail = uniqueEmail('staff');
    await pool.query(
      `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, $2, 'Mail Staff', 'staff')`,
      [staffEmail, await argon2.hash(PASSWORD, { type: argon2.argon2id })],
    );
    const staff = new ApiSession({ baseUrl: api.url });
    await staff.post('/api/auth/login', { email: staffEmail, password: PASSWORD });

    const keys = await enqueue(5);
    await until(
      async () => (await statuses(keys)).every((row) => row.last_error !== null),
      'every message has been refused once',
    );
    const page = await staff.get<NotificationPage>('/api/agency/notifications?status=pending');
    const failing = page.body.items.filter((item) => item.status === 'pending' && item.lastError !== null);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing[0].lastError).toMatch(/451|Busy/);

    smtp.refusing = false;

    await until(allSent(keys), 'all 5 are sent after the server recovers');
    const rows = await statuses(keys);
    expect(rows.every((row) => row.attempts >= 2)).toBe(true);
    const ids = smtp.messageIds().filter((id) => keys.some((key) => messageIdOf(key) === id));
    expect(ids.sort()).toEqual(keys.map(messageIdOf).sort());
  });

  it('loses nothing when the worker is killed with SIGKILL in the middle of sending', async () => {
    smtp.holdNext = true;
    const doomed = await startApiProcess({
      databaseUrl: database.databaseUrl,
      entry: 'worker',
      env: { ...fastOutbox, SMTP_URL: smtpUrl },
    });
    processes.push(doomed);
    const keys = await enqueue(3);
    await smtp.waitForHeld();
    doomed.child.kill('SIGKILL');
    await new Promise((done) => doomed.child.once('exit', done));
    expect((await statuses(keys)).some((row) => row.status === 'sending')).toBe(true);

    processes.push(
      await startApiProcess({
        databaseUrl: database.databaseUrl,
        entry: 'worker',
        env: { ...fastOutbox, SMTP_URL: smtpUrl },
      }),
    );
    await until(allSent(keys), 'the new worker sends what the killed one held');
    // At least once: the killed worker sends in parallel, so a message the server accepted just
    // before the kill, but that was not yet recorded as sent, arrives again.
    const ids = smtp.messageIds().filter((id) => keys.some((key) => messageIdOf(key) === id));
    expect([...new Set(ids)].sort()).toEqual(keys.map(messageIdOf).sort());
  });

  it('gives up after the last attempt with the reason, and stays visible as failed', async () => {
    smtp.refusing = true;
    processes.push(
      await startApiProcess({
        databaseUrl: database.databaseUrl,
        env: { ...fastOutbox, OUTBOX_RETRY_SCALE: '0.0005', SMTP_URL: smtpUrl },
      }),
    );
    // A closing email: its one-click answers carry the key to the candidate's answer.
    const keys = await enqueue(1, 'How did we do?\n8: https://agency.example/how-did-we-do#t=SeCrEt-Key_1&recommend=8');
    await until(async () => (await statuses(keys))[0].status === 'failed', 'the message is given up');
    const { rows } = await pool.query(
      'SELECT attempts, given_up_reason, body FROM notifications WHERE idempotency_key = $1',
      [keys[0]],
    );
    expect(rows[0].attempts).toBe(8);
    expect(rows[0].given_up_reason).toMatch(/Gave up after 8 attempts; last error: .*451/);
    // Never sent, it keeps no working key: the outbox is not where anyone should find one.
    expect(rows[0].body).toBe('How did we do?\n8: https://agency.example/how-did-we-do#t=(link not sent)&recommend=8');
  });
});
