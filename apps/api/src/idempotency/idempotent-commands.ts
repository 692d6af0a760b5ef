import { Inject, Injectable } from '@nestjs/common';
import { deleteCounting } from '../database/delete-counting';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { updateReturning } from '../database/update-returning';
import { IdempotencyKey } from './idempotency-key';

/** How long a key is kept, and so how late a retry may come and still be recognised. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3_600_000;

/**
 * Runs a command in one transaction and, when the request carries an Idempotency-Key, at most once
 * per user and key (ADR 0022). The key is written first, in the command's own transaction: a crash
 * leaves neither, and a concurrent retry's insert waits on the primary key until the first commits,
 * then finds the key and does nothing. A retry comes before the command's own checks (its version
 * among them), so it is answered as the first request was, not refused as stale.
 */
@Injectable()
export class IdempotentCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Resolves without running `command` when the same request under the same key was already carried out. */
  run(userId: string, key: IdempotencyKey | null, command: (manager: EntityManager) => Promise<void>): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      if (key && (await this.alreadyCarriedOut(manager, userId, key))) return;
      await command(manager);
    });
  }

  /** Deletes keys past their lifetime; run by the background purge. */
  async purgeExpired(): Promise<number> {
    return deleteCounting(this.dataSource.manager, `DELETE FROM idempotency_keys WHERE created_at < $1`, [
      new Date(this.clock.now().getTime() - IDEMPOTENCY_KEY_LIFETIME_MS),
    ]);
  }

  private async alreadyCarriedOut(manager: EntityManager, userId: string, key: IdempotencyKey): Promise<boolean> {
    const claimed = await updateReturning<unknown>(
      manager,
      `INSERT INTO idempotency_keys (user_id, key, route, request_hash, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING 1`,
      [userId, key.key, key.route, key.requestHash, this.clock.now()],
    );
    if (claimed.length > 0) return false;
    const [earlier]: { route: string; request_hash: string }[] = await manager.query(
      `SELECT route, request_hash FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key.key],
    );
    if (!earlier) {
      // Purged between the two statements: a day-old key, so nothing to answer it with.
      throw new DomainError(ErrorCode.Conflict, `This ${IDEMPOTENCY_KEY_HEADER} has expired. Send a new one.`);
    }
    if (earlier.route !== key.route || earlier.request_hash !== key.requestHash) {
      throw new DomainError(
        ErrorCode.IdempotencyKeyReused,
        `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request. Send a new key with each new submission; reuse a key only to retry exactly the same request.`,
      );
    }
    return true;
  }
}
