import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NOTIFICATIONS_DEFAULT_LIMIT,
  NotificationKind,
  NotificationPage,
  NotificationStatus,
} from '@heardback/contracts';
import { DataSource } from 'typeorm';
import { decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { escapeLike } from '../jobs/job-search-terms';
import { hideLinkKeys } from './keyed-links';
import { recipientVerifiedOrExemptSql } from './recipient-verified-sql';
import { NotificationsQueryDto } from './dto/notifications-query.dto';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  recipient_email: string;
  recipient_name: string | null;
  application_id: string | null;
  subject: string;
  body: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  given_up_reason: string | null;
  held_until_verified: boolean;
  created_at: Date;
  cursor_at: string;
  sent_at: Date | null;
}

/**
 * The outbox as staff read it, newest first, paged by (created_at, id) so a deep page is as fast
 * as the first. Each filter has an index (migration 1795844400000): status and kind lead their
 * own, an application uses notifications_application_idx, and a recipient fragment is answered by
 * trigram indexes on the address here and on the name and address of the account.
 */
@Injectable()
export class NotificationListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async newestFirst(query: NotificationsQueryDto): Promise<NotificationPage> {
    const limit = query.limit ?? NOTIFICATIONS_DEFAULT_LIMIT;
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.recipient) {
      const pattern = param(`%${escapeLike(query.recipient)}%`);
      // A union, not an OR: each half uses its trigram index (EXPLAIN on 20,000 rows: 0.6 ms, where
      // the OR walked the whole table newest first).
      where.push(
        `n.id IN (SELECT m.id FROM notifications m WHERE m.recipient_email ILIKE ${pattern}
                  UNION SELECT m.id FROM notifications m JOIN users u ON u.id = m.recipient_id
                         WHERE u.full_name ILIKE ${pattern} OR u.email ILIKE ${pattern})`,
      );
    }
    if (query.applicationId) where.push(`n.application_id = ${param(query.applicationId)}`);
    if (query.status) where.push(`n.status = ${param(query.status)}`);
    if (query.kind) where.push(`n.kind = ${param(query.kind)}`);
    if (query.cursor) {
      const cursor = decodeKeysetCursor(query.cursor);
      where.push(`(n.created_at, n.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.recipient_email, r.full_name AS recipient_name, n.application_id, n.subject, n.body,
              n.status, n.attempts, n.last_error, n.given_up_reason, n.created_at, n.created_at::text AS cursor_at, n.sent_at,
              (n.status = 'pending' AND NOT ${recipientVerifiedOrExemptSql('n')}) AS held_until_verified
         FROM notifications n
         LEFT JOIN users r ON r.id = n.recipient_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        kind: row.kind,
        recipientEmail: row.recipient_email,
        recipientName: row.recipient_name,
        applicationId: row.application_id,
        subject: row.subject,
        // A link that works as a key is its recipient's alone: staff see the email without the key.
        body: hideLinkKeys(row.body),
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        givenUpReason: row.given_up_reason,
        heldUntilVerified: row.held_until_verified,
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
      })),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
    };
  }
}
