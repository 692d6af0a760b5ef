import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NotificationKind } from '@heardback/contracts';

export interface OutgoingNotification {
  /** One per event and recipient, so writing it twice (a retried sweep, say) sends it once. */
  idempotencyKey: string;
  kind: NotificationKind;
  recipientId: string | null;
  recipientEmail: string;
  subject: string;
  body: string;
  applicationId: string | null;
}

/**
 * The transactional outbox (rule 6): a notification is written by the caller's transaction,
 * so it exists if and only if the change it reports was committed. The dispatcher sends it later.
 */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...notifications: OutgoingNotification[]): Promise<number> {
    let written = 0;
    for (const notification of notifications) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body, application_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        [
          notification.idempotencyKey,
          notification.kind,
          notification.recipientId,
          notification.recipientEmail,
          notification.subject,
          notification.body,
          notification.applicationId,
        ],
      );
      written += rows.length;
    }
    return written;
  }
}
