import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { CalendarAttachment } from './interview-invite';

export interface OutgoingNotification {
  /** One per event and recipient, so writing it twice (a retried sweep, say) sends it once. */
  idempotencyKey: string;
  kind: NotificationKind;
  recipientId: string | null;
  recipientEmail: string;
  subject: string;
  body: string;
  applicationId: string | null;
  /** An interview invite sent with the email, as a calendar part. */
  calendar?: CalendarAttachment | null;
}

/**
 * The transactional outbox (rule 6): a notification is written by the caller's transaction,
 * so it exists if and only if the change it reports was committed. The dispatcher sends it later.
 */
@Injectable()
export class OutboxService {
  /** Writes all of them in one statement; returns how many were new. */
  async enqueue(manager: EntityManager, ...notifications: OutgoingNotification[]): Promise<number> {
    if (notifications.length === 0) return 0;
    const column = <K extends keyof OutgoingNotification>(key: K) =>
      notifications.map((notification) => notification[key]);
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body, application_id,
                                  calendar_method, calendar_content)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                            $8::text[], $9::text[])
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        column('idempotencyKey'),
        column('kind'),
        column('recipientId'),
        column('recipientEmail'),
        column('subject'),
        column('body'),
        column('applicationId'),
        notifications.map((notification) => notification.calendar?.method ?? null),
        notifications.map((notification) => notification.calendar?.content ?? null),
      ],
    );
    return rows.length;
  }
}
