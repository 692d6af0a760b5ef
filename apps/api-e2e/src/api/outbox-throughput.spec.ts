import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from '../support/api-server';
import { uniqueEmail } from '../support/factories';
import { fastOutbox, until } from '../support/outbox-waits';
import { TestSmtpServer } from '../support/test-smtp-server';
import { endPool } from '../support/database';

jest.setTimeout(120_000);

const messageIdOf = (key: string) => `<${key.replace(/[^\w.-]+/g, '.')}@heardback>`;

/**
 * ADR 0023: a batch goes out in parallel over pooled connections, one lane per address; leases are
 * short and renewed while a batch is sent. Time is simulated as elsewhere: a crashed sender's claim
 * is a row written `sending` with a lease already run out, not a wait for one to expire.
 */
describe('outbox throughput: pooled, parallel, short renewed leases', () => {
  let database: ProvisionedDatabase;
  let pool: Pool;
  let smtp: TestSmtpServer;
  let smtpUrl: string;
  const processes: ApiProcess[] = [];

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
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

  async function startSender(env: Record<string, string> = {}): Promise<void> {
    processes.push(
      await startApiProcess({ databaseUrl: database.databaseUrl, env: { ...fastOutbox, SMTP_URL: smtpUrl, ...env } }),
    );
  }

  /** Rows as a command writes them: in one transaction, so they share created_at. Returns their keys in order. */
  async function write(
    rows: { recipient: string; status?: 'pending' | 'sending'; attempts?: number; leaseSeconds?: number }[],
  ): Promise<string[]> {
    const keys: string[] = [];
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const row of rows) {
        const key = `test:${randomUUID()}`;
        keys.push(key);
        await client.query(
          `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body, status, attempts, locked_until)
           VALUES ($1, 'candidate_update', $2, 'Update', 'Hello', $3::text, $4,
                   CASE WHEN $3::text = 'sending' THEN now() + make_interval(secs => $5) END)`,
          [key, row.recipient, row.status ?? 'pending', row.attempts ?? 0, row.leaseSeconds ?? 0],
        );
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    return keys;
  }

  async function rowsOf(keys: string[]) {
    const { rows } = await pool.query<{ idempotency_key: string; status: string; attempts: number }>(
      'SELECT idempotency_key, status, attempts FROM notifications WHERE idempotency_key = ANY($1)',
      [keys],
    );
    return new Map(rows.map((row) => [row.idempotency_key, row]));
  }

  const received = (keys: string[]) => smtp.messageIds().filter((id) => keys.some((key) => messageIdOf(key) === id));
  const allSent = (keys: string[]) => async () =>
    [...(await rowsOf(keys)).values()].every((row) => row.status === 'sent');

  it("sends a burst over a few pooled connections, each address's mail in the order it was written", async () => {
    await startSender({
      MAIL_SEND_CONCURRENCY: '8',
      MAIL_SMTP_CONNECTIONS: '3',
      // No connection is retired for its message count here, so every connection opened is counted below.
      MAIL_SMTP_MESSAGES_PER_CONNECTION: '1000',
      OUTBOX_BATCH_SIZE: '50',
    });
    const recipients = Array.from({ length: 30 }, (_, index) => uniqueEmail(`burst${index}`));
    // Interleaved, four rounds: every batch holds many addresses, and each address has mail waiting behind.
    const plan = Array.from({ length: 4 }, () => recipients.map((recipient) => ({ recipient }))).flat();
    const keys = await write(plan);

    await until(allSent(keys), 'all 120 are sent');
    const ids = received(keys);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    for (const recipient of recipients) {
      const written = keys.filter((_, index) => plan[index].recipient === recipient).map(messageIdOf);
      expect({ recipient, arrived: ids.filter((id) => written.includes(id)) }).toEqual({ recipient, arrived: written });
    }
    // Pooled: a few connections reused, never one per message.
    expect(smtp.connections).toBeGreaterThanOrEqual(1);
    expect(smtp.connections).toBeLessThanOrEqual(3);
  });

  it('sends once, in order, the mail a crashed sender held after its lease ran out, and leaves a live lease alone', async () => {
    const crashedFor = [uniqueEmail('crashed-a'), uniqueEmail('crashed-b'), uniqueEmail('crashed-c')];
    const stillHeldFor = uniqueEmail('live-lease');
    // A sender claimed these (attempt 1) and died: their leases ran out a minute ago. Behind each, a newer message.
    const crashed = await write(
      crashedFor.map((recipient) => ({ recipient, status: 'sending' as const, attempts: 1, leaseSeconds: -60 })),
    );
    const behind = await write(crashedFor.map((recipient) => ({ recipient })));
    // Another sender is alive and holds this one for an hour yet.
    const [live] = await write([{ recipient: stillHeldFor, status: 'sending', attempts: 1, leaseSeconds: 3600 }]);

    await startSender();
    await startSender();
    await until(allSent([...crashed, ...behind]), 'the crashed sender’s mail and what waited behind it are sent');

    const ids = received([...crashed, ...behind, live]);
    expect(ids.sort()).toEqual([...crashed, ...behind].map(messageIdOf).sort());
    for (const [index, recipient] of crashedFor.entries()) {
      const arrived = smtp.received.filter((mail) => mail.to.includes(recipient)).map((mail) => mail.messageId);
      expect(arrived).toEqual([messageIdOf(crashed[index]), messageIdOf(behind[index])]);
    }
    const rows = await rowsOf([...crashed, live]);
    expect(crashed.map((key) => rows.get(key)?.attempts)).toEqual([2, 2, 2]);
    expect(rows.get(live)).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('keeps renewing the lease of a message the mail server is slow to accept, so no other sender takes it over', async () => {
    await startSender({ OUTBOX_LEASE_SECONDS: '9' });
    await startSender({ OUTBOX_LEASE_SECONDS: '9' });
    smtp.holdNext = true;
    const [key] = await write([{ recipient: uniqueEmail('slow') }]);
    await smtp.waitForHeld();
    const {
      rows: [claimed],
    } = await pool.query<{ locked_until: Date }>('SELECT locked_until FROM notifications WHERE idempotency_key = $1', [
      key,
    ]);
    // Held past the lease it was claimed with, and still leased: renewed while the server sat on it.
    await until(async () => {
      const { rows } = await pool.query<{ outlived: boolean }>(
        `SELECT now() > $2 AND locked_until > now() AS outlived FROM notifications WHERE idempotency_key = $1`,
        [key, claimed.locked_until],
      );
      return rows[0].outlived;
    }, 'the held message has outlived its first lease');
    expect((await rowsOf([key])).get(key)).toMatchObject({ status: 'sending', attempts: 1 });

    smtp.releaseHeld();
    await until(allSent([key]), 'the slow message is sent');
    expect((await rowsOf([key])).get(key)).toMatchObject({ attempts: 1 });
    expect(received([key])).toEqual([messageIdOf(key)]);
  });
});
