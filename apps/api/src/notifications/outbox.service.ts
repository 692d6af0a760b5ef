import { Inject, Injectable } from '@nestjs/common';
import type { AgencyMailPreference, NotificationKind } from '@heardback/contracts';
import { digestDueAt, mayWaitForDigest, waitsForDigest } from '@heardback/domain';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { PendingInvite } from './interview-invite';
import { prepared, queryPrepared } from '../database/prepared-statement';

export interface OutgoingNotification {
  /** One per event and recipient, so writing it twice (a retried sweep, say) sends it once. */
  idempotencyKey: string;
  kind: NotificationKind;
  recipientId: string | null;
  recipientEmail: string;
  subject: string;
  body: string;
  applicationId: string | null;
  /** An interview invite sent with the email, as a calendar part: written when it is sent. */
  calendar?: PendingInvite | null;
}

/** Every change that tells someone writes here: prepared once per connection (ADR 0064). */
const INSERT_NOTIFICATIONS = prepared(
  `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body, application_id,
                              calendar_method, calendar_invite, status, digest_due_at)
   SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                        $8::text[], $9::jsonb[], $10::text[], $11::timestamptz[])
   ON CONFLICT (idempotency_key) DO NOTHING
   RETURNING id`,
);

/**
 * The transactional outbox (rule 6): a notification is written by the caller's transaction,
 * so it exists if and only if the change it reports was committed. The dispatcher sends it later.
 * A reminder to an agency person who chose an hourly or daily digest is written `held` until their
 * digest is due (ADR 0014); everything else is `pending` at once.
 */
@Injectable()
export class OutboxService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes all of them in one statement; returns how many were new. */
  async enqueue(manager: EntityManager, ...notifications: OutgoingNotification[]): Promise<number> {
    if (notifications.length === 0) return 0;
    const dueAt = await this.digestTimes(manager, notifications);
    const column = <K extends keyof OutgoingNotification>(key: K) =>
      notifications.map((notification) => notification[key]);
    const rows = await queryPrepared<{ id: string }>(manager, INSERT_NOTIFICATIONS, [
      column('idempotencyKey'),
      column('kind'),
      column('recipientId'),
      column('recipientEmail'),
      column('subject'),
      column('body'),
      column('applicationId'),
      notifications.map((notification) => notification.calendar?.method ?? null),
      notifications.map(({ calendar }) =>
        calendar
          ? JSON.stringify({ facts: calendar.facts, organizer: calendar.organizer, writtenAt: calendar.writtenAt })
          : null,
      ),
      dueAt.map((at) => (at ? 'held' : 'pending')),
      dueAt,
    ]);
    return rows.length;
  }

  /** For each notification, when its recipient's digest is due, or null to send it on its own. */
  private async digestTimes(
    manager: EntityManager,
    notifications: readonly OutgoingNotification[],
  ): Promise<(Date | null)[]> {
    const recipients = [
      ...new Set(
        notifications
          .filter((notification) => notification.recipientId && mayWaitForDigest(notification.kind))
          .map((notification) => notification.recipientId as string),
      ),
    ];
    if (recipients.length === 0) return notifications.map(() => null);
    const rows: { id: string; agency_mail: AgencyMailPreference }[] = await manager.query(
      `SELECT id, agency_mail FROM users WHERE id = ANY($1::uuid[]) AND role <> 'candidate'`,
      [recipients],
    );
    const preferenceOf = new Map(rows.map((row) => [row.id, row.agency_mail]));
    const now = this.clock.now();
    return notifications.map((notification) => {
      const preference = (notification.recipientId && preferenceOf.get(notification.recipientId)) || null;
      return preference && waitsForDigest(notification.kind, preference)
        ? digestDueAt(preference, now, this.config.calendar)
        : null;
    });
  }
}
