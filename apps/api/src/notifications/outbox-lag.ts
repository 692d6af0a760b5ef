import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { SharedReading } from '../resilience/shared-reading';
import { recipientVerifiedOrExemptSql } from './recipient-verified-sql';

/**
 * How long one reading serves every caller: the health check is public and never shed for load, and
 * with mail backed up this reading costs the database tens of milliseconds (ADR 0074); a lag a few
 * seconds old tells an operator the same.
 */
export const OUTBOX_LAG_REUSE_MS = 5_000;

/** Counting stops here: past it the sender is far behind, and an exact figure would cost a long scan. */
export const OUTBOX_LAG_COUNT_LIMIT = 1_000;

export interface OutboxLagReading {
  /** Mail due to go now and not yet accepted by the mail server (in flight included), up to OUTBOX_LAG_COUNT_LIMIT. */
  pending: number;
  /** How long the longest-waiting of them has been due, in seconds; 0 when none is. */
  oldestPendingSeconds: number;
}

/**
 * Due mail: `pending` whose time has come, and `sending`. Mail to an address its owner has not
 * verified is left out: it waits for them, not for the sender, and would read as lag for ever.
 * Walks `notifications_due_idx` (next_attempt_at, partial on pending/sending) from the oldest, so
 * it reads at most OUTBOX_LAG_COUNT_LIMIT due rows (plus any waiting for verification) and no sent mail.
 */
export const OUTBOX_LAG_SQL = `
  SELECT count(*)::integer AS pending,
         COALESCE(EXTRACT(EPOCH FROM now() - min(due.next_attempt_at)), 0)::float8 AS oldest_pending_seconds
    FROM (SELECT n.next_attempt_at FROM notifications n
           WHERE n.status IN ('pending', 'sending') AND n.next_attempt_at <= now()
             AND ${recipientVerifiedOrExemptSql('n')}
           ORDER BY n.next_attempt_at
           LIMIT $1) due`;

/** How far behind the outbox sender is, for the health check and metrics. */
@Injectable()
export class OutboxLag {
  private readonly shared: SharedReading<OutboxLagReading>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.shared = new SharedReading(() => this.readNow(), { reuseForMs: OUTBOX_LAG_REUSE_MS, clock });
  }

  /** The lag as read at most OUTBOX_LAG_REUSE_MS ago. */
  read(): Promise<OutboxLagReading> {
    return this.shared.get();
  }

  private async readNow(): Promise<OutboxLagReading> {
    const [row]: { pending: number; oldest_pending_seconds: number }[] = await this.dataSource.query(OUTBOX_LAG_SQL, [
      OUTBOX_LAG_COUNT_LIMIT,
    ]);
    return { pending: row.pending, oldestPendingSeconds: Math.max(0, Math.round(row.oldest_pending_seconds)) };
  }
}
