import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
import { AgencyDigestBuilder } from './agency-digest-builder';
import { MailTransport } from './mail-transport';
import { retryDelaySeconds, shouldGiveUp } from './retry-policy';

interface ClaimedNotification {
  id: string;
  /** bigint, as text. */
  sequence: string;
  idempotency_key: string;
  recipient_email: string;
  subject: string;
  body: string;
  attempts: number;
  calendar_method: 'REQUEST' | 'CANCEL' | null;
  calendar_content: string | null;
}

export interface DispatchResult {
  /** Agency digests written this pass from held reminders (ADR 0014); they are sent like any email. */
  digests: number;
  claimed: number;
  sent: number;
  retrying: number;
  gaveUp: number;
}

/**
 * Sends the outbox. Each message is claimed with a lease (SKIP LOCKED, so several instances
 * never claim the same one); a sender that dies mid-send loses its lease and the message is
 * sent again: at least once, never lost. Mail to one address leaves in the order it was written:
 * a message waits while an earlier one to the same address is unsent (retrying included), so a
 * rejection never overtakes "You applied". Mail to an address its owner has not verified waits in
 * the outbox, in order, and goes out once they verify. Reminders held for an agency person's digest
 * are not `pending`: they neither go nor hold anything back until their digest is written.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger('Outbox');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly digests: AgencyDigestBuilder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dispatchDue(limit = 20): Promise<DispatchResult> {
    // Held reminders whose digest is due become one digest email per person, claimed below.
    const digests = await this.digests.buildDue();
    const claimed = await updateReturning<ClaimedNotification>(
      this.dataSource.manager,
      `UPDATE notifications n
          SET status = 'sending', attempts = n.attempts + 1, locked_until = now() + make_interval(secs => $2)
        WHERE n.id IN (
              SELECT id FROM notifications
               WHERE ((status = 'pending' AND next_attempt_at <= now())
                      OR (status = 'sending' AND locked_until < now()))
                 -- Held while the recipient has not verified their address: only the verification goes out.
                 AND (kind = 'email_verification' OR NOT EXISTS (
                       SELECT 1 FROM users u WHERE u.id = notifications.recipient_id AND u.email_verified_at IS NULL))
                 -- Per-recipient order: only the oldest unsent message to an address may go. Verification
                 -- mail neither waits nor holds anything back: it is what releases the held ones.
                 AND (kind = 'email_verification' OR NOT EXISTS (
                       SELECT 1 FROM notifications earlier
                        WHERE earlier.recipient_email = notifications.recipient_email
                          AND earlier.sequence < notifications.sequence
                          AND earlier.status IN ('pending', 'sending')
                          AND earlier.kind <> 'email_verification'))
               ORDER BY next_attempt_at, sequence
               LIMIT $1
               FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n.sequence, n.idempotency_key, n.recipient_email, n.subject, n.body, n.attempts,
                n.calendar_method, n.calendar_content`,
      [limit, this.config.mail.leaseSeconds],
    );
    // RETURNING keeps no order; send in the order the messages were written.
    claimed.sort((a, b) => Number(BigInt(a.sequence) - BigInt(b.sequence)));
    const result: DispatchResult = { digests, claimed: claimed.length, sent: 0, retrying: 0, gaveUp: 0 };
    for (const notification of claimed) {
      // Renew the lease just before sending, so the clock starts at this send, not at the batch's claim;
      // `attempts` is the ownership token: if another sender took the message over, it has moved on.
      if (!(await this.renewLease(notification))) continue;
      try {
        await this.transport.send({
          to: notification.recipient_email,
          subject: notification.subject,
          text: notification.body,
          messageId: `<${notification.idempotency_key.replace(/[^\w.-]+/g, '.')}@heardback>`,
          calendar:
            notification.calendar_method && notification.calendar_content
              ? { method: notification.calendar_method, content: notification.calendar_content }
              : null,
        });
        await this.dataSource.query(
          `UPDATE notifications SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL
            WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
          [notification.id, notification.attempts],
        );
        result.sent++;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (shouldGiveUp(notification.attempts)) {
          await this.dataSource.query(
            `UPDATE notifications SET status = 'failed', locked_until = NULL, last_error = $3, given_up_reason = $4
              WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
            [
              notification.id,
              notification.attempts,
              reason,
              `Gave up after ${notification.attempts} attempts; last error: ${reason}`,
            ],
          );
          this.logger.error(`Gave up on ${notification.idempotency_key}: ${reason}`);
          result.gaveUp++;
        } else {
          await this.dataSource.query(
            `UPDATE notifications SET status = 'pending', locked_until = NULL, last_error = $3,
                    next_attempt_at = now() + make_interval(secs => $4)
              WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
            [
              notification.id,
              notification.attempts,
              reason,
              retryDelaySeconds(notification.attempts, this.config.mail.retryScale),
            ],
          );
          this.logger.warn(
            `Sending ${notification.idempotency_key} failed (attempt ${notification.attempts}), will retry: ${reason}`,
          );
          result.retrying++;
        }
      }
    }
    return result;
  }

  private async renewLease(notification: ClaimedNotification): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      `UPDATE notifications SET locked_until = now() + make_interval(secs => $3)
        WHERE id = $1 AND attempts = $2 AND status = 'sending' AND locked_until > now()
        RETURNING id`,
      [notification.id, notification.attempts, this.config.mail.leaseSeconds],
    );
    return rows.length === 1;
  }
}
