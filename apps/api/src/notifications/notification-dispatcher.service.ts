import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { KEY_GIVEN_UP_REPLACEMENT, KEY_SENT_REPLACEMENT, KEYED_LINK_PATTERN } from './keyed-links';
import { updateReturning } from '../database/update-returning';
import { recipientVerifiedOrExemptSql } from './recipient-verified-sql';
import { AgencyDigestBuilder } from './agency-digest-builder';
import { BatchLease } from './batch-lease';
import { CalendarAttachment, writeStoredInvite } from './interview-invite';
import { MailTransport } from './mail-transport';
import { retryDelaySeconds, shouldGiveUp } from './retry-policy';
import { eachAtMost, lanesByRecipient } from './send-order';

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
  calendar_invite: unknown;
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
 *
 * A batch is sent in parallel, a bounded number at once, one lane per address (ADR 0023); the
 * leases are short and kept alive while the batch is sent (`BatchLease`).
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

  async dispatchDue(limit = this.config.mail.batchSize): Promise<DispatchResult> {
    // Held reminders whose digest is due become one digest email per person, claimed below.
    const digests = await this.digests.buildDue();
    const claimed = await this.claim(limit);
    const result: DispatchResult = { digests, claimed: claimed.length, sent: 0, retrying: 0, gaveUp: 0 };
    if (claimed.length === 0) return result;
    const lease = new BatchLease(this.dataSource, this.config.mail.leaseSeconds, claimed);
    try {
      // The claim lets at most one message per address through (verification mail aside); a lane
      // still sends an address's messages one after another, in the order they were written.
      await eachAtMost(lanesByRecipient(claimed), this.config.mail.sendConcurrency, async (lane) => {
        for (const notification of lane) {
          const outcome = await this.sendClaimed(notification, lease);
          if (outcome) result[outcome]++;
        }
      });
    } finally {
      await lease.end();
    }
    return result;
  }

  private claim(limit: number): Promise<ClaimedNotification[]> {
    return updateReturning<ClaimedNotification>(
      this.dataSource.manager,
      `UPDATE notifications n
          SET status = 'sending', attempts = n.attempts + 1, locked_until = now() + make_interval(secs => $2)
        WHERE n.id IN (
              SELECT id FROM notifications
               WHERE ((status = 'pending' AND next_attempt_at <= now())
                      OR (status = 'sending' AND locked_until < now()))
                 -- Held while the recipient has not verified their address: only the verification goes out.
                 AND ${recipientVerifiedOrExemptSql('notifications')}
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
                n.calendar_method, n.calendar_content, n.calendar_invite`,
      [limit, this.config.mail.leaseSeconds],
    );
  }

  /**
   * The invite written when it was queued (before ADR 0064), or written now from its stored facts. One
   * that cannot be written goes without: the email still tells the slot in words, where retrying would
   * only hold back every later email to the candidate and then lose this one.
   */
  private calendarPart(notification: ClaimedNotification): CalendarAttachment | null {
    const method = notification.calendar_method;
    if (!method) return null;
    if (notification.calendar_content) return { method, content: notification.calendar_content };
    try {
      return notification.calendar_invite ? writeStoredInvite(notification.calendar_invite) : null;
    } catch (error) {
      const reason =
        error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
      this.logger.warn(
        `Sending ${notification.idempotency_key} without its calendar invite, which could not be written: ${reason}`,
      );
      return null;
    }
  }

  /** Sends one claimed message and records how it went; null if it was no longer ours to send. */
  private async sendClaimed(
    notification: ClaimedNotification,
    lease: BatchLease,
  ): Promise<'sent' | 'retrying' | 'gaveUp' | null> {
    try {
      // Renewed just before sending, so the send starts with a whole lease; if another sender took the
      // message over (our lease ran out), it has moved on.
      if (!(await lease.renew(notification))) return null;
      const calendar = this.calendarPart(notification);
      try {
        await this.transport.send({
          to: notification.recipient_email,
          subject: notification.subject,
          text: notification.body,
          messageId: `<${notification.idempotency_key.replace(/[^\w.-]+/g, '.')}@heardback>`,
          calendar,
        });
      } catch (error) {
        return await this.recordFailure(notification, error instanceof Error ? error.message : String(error));
      }
      await this.dataSource.query(
        // A link's key is blanked once sent: from then on only the recipient's inbox holds it.
        `UPDATE notifications SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL,
                body = regexp_replace(body, $3, $4, 'g')
          WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
        [notification.id, notification.attempts, KEYED_LINK_PATTERN, KEY_SENT_REPLACEMENT],
      );
      return 'sent';
    } catch (error) {
      // The database failed us: the message stays claimed, and goes again once its lease runs out.
      this.logger.error(
        `Recording ${notification.idempotency_key} failed: ${error instanceof Error ? error.message : error}`,
      );
      return null;
    } finally {
      lease.release(notification);
    }
  }

  private async recordFailure(notification: ClaimedNotification, reason: string): Promise<'retrying' | 'gaveUp'> {
    if (shouldGiveUp(notification.attempts)) {
      // Never sent, never to be: its keys go too, as a sent message's do.
      await this.dataSource.query(
        `UPDATE notifications SET status = 'failed', locked_until = NULL, last_error = $3, given_up_reason = $4,
                body = regexp_replace(body, $5, $6, 'g')
          WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
        [
          notification.id,
          notification.attempts,
          reason,
          `Gave up after ${notification.attempts} attempts; last error: ${reason}`,
          KEYED_LINK_PATTERN,
          KEY_GIVEN_UP_REPLACEMENT,
        ],
      );
      this.logger.error(`Gave up on ${notification.idempotency_key}: ${reason}`);
      return 'gaveUp';
    }
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
    return 'retrying';
  }
}
