import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgencyMailPreference } from '@heardback/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { formatShortTimeFor, formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { agencyDigestEmail } from './agency-messages';

interface HeldItem {
  id: string;
  subject: string;
  body: string;
  created_at: Date;
  digest_due_at: Date;
}

interface Recipient {
  email: string;
  full_name: string;
  time_zone: string | null;
  agency_mail: AgencyMailPreference;
}

/**
 * Gathers the reminders held for agency people's digests (ADR 0014). For each person whose digest
 * is due, one transaction writes one `agency_digest` email listing every due held item in the order
 * it was written, and marks those items `digested`, linked to it. The digest is then an ordinary
 * outbox row: sent after anything written earlier to the same address, retried until sent.
 *
 * Exactly once with several dispatchers: a per-person advisory lock lets one builder at a time work
 * on a person (the others skip them), and the held rows are locked and re-read as still `held`, so
 * an item is never in two digests nor left out of one.
 */
@Injectable()
export class AgencyDigestBuilder {
  private readonly logger = new Logger('AgencyDigests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes every due digest (up to `limit` people per pass); returns how many were written. */
  async buildDue(limit = 50): Promise<number> {
    const now = this.clock.now();
    const due: { recipient_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT recipient_id FROM notifications WHERE status = 'held' AND digest_due_at <= $1 LIMIT $2`,
      [now, limit],
    );
    let written = 0;
    for (const { recipient_id: recipientId } of due) {
      try {
        if (await this.dataSource.transaction((manager) => this.buildOne(manager, recipientId, now))) written++;
      } catch (error) {
        // Left held: the next pass tries again. Nothing is lost.
        this.logger.error(`Digest for ${recipientId} failed: ${error instanceof Error ? error.message : error}`);
      }
    }
    return written;
  }

  private async buildOne(manager: EntityManager, recipientId: string, now: Date): Promise<boolean> {
    const [lock]: { locked: boolean }[] = await manager.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('heardback:agency-digest:' || $1, 0)) AS locked`,
      [recipientId],
    );
    if (!lock.locked) return false;
    const items: HeldItem[] = await manager.query(
      `SELECT id, subject, body, created_at, digest_due_at FROM notifications
        WHERE recipient_id = $1 AND status = 'held' AND digest_due_at <= $2
        ORDER BY sequence
        FOR UPDATE`,
      [recipientId, now],
    );
    if (items.length === 0) return false;
    const [recipient]: Recipient[] = await manager.query(
      `SELECT email, full_name, time_zone, agency_mail FROM users WHERE id = $1`,
      [recipientId],
    );
    const agencyZone = this.config.calendar.timeZone;
    // The window the digest closes: the latest due time among its items.
    const window = new Date(Math.max(...items.map((item) => new Date(item.digest_due_at).getTime())));
    const email = agencyDigestEmail({
      recipientName: recipient.full_name,
      windowShort: formatShortTimeFor(window, recipient.time_zone, agencyZone),
      windowLong: formatTimeFor(window, recipient.time_zone, agencyZone),
      preference: recipient.agency_mail,
      items: items.map((item) => ({
        subject: item.subject,
        body: item.body,
        written: formatTimeFor(new Date(item.created_at), recipient.time_zone, agencyZone),
      })),
      accountLink: `${this.config.publicUrl}/account`,
    });
    const [digest]: { id: string }[] = await manager.query(
      `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body)
       VALUES ($1, 'agency_digest', $2, $3, $4, $5)
       RETURNING id`,
      // The first item is in one digest only, so it names the digest.
      [`digest:${recipientId}:${items[0].id}`, recipientId, recipient.email, email.subject, email.body],
    );
    await manager.query(
      `UPDATE notifications SET status = 'digested', digest_id = $1 WHERE id = ANY($2::uuid[]) AND status = 'held'`,
      [digest.id, items.map((item) => item.id)],
    );
    return true;
  }
}
