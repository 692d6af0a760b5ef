import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { INVITATION_LINK_MS } from '@heardback/domain';
import { CLOCK, Clock } from '../config/clock';
import { updateReturning } from '../database/update-returning';
import { hashToken } from './session.service';

export type AccountTokenPurpose = 'verify_email' | 'reset_password' | 'accept_invitation';

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 48 * 3_600_000,
  reset_password: 30 * 60_000,
  accept_invitation: INVITATION_LINK_MS,
};

/**
 * Single-use tokens sent by email. Only a hash is stored, so a database leak resets nobody's
 * password; using one is one UPDATE, so a link clicked twice at once works only once.
 */
@Injectable()
export class AccountTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [userId, purpose, hashToken(token), now, new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose])],
    );
    return token;
  }

  /** The user a live, unused token belongs to, without using it up (to check a new password first). */
  async peek(token: string, purpose: AccountTokenPurpose): Promise<string | null> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM account_tokens
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3`,
      [hashToken(token), purpose, this.clock.now()],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Uses the token up and every other unused token of the same purpose for the user; null if it was not live. */
  async consume(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
    const now = this.clock.now();
    const [used] = await updateReturning<{ user_id: string }>(
      manager,
      `UPDATE account_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING user_id`,
      [hashToken(token), purpose, now],
    );
    if (!used) return null;
    await this.useUpAll(manager, used.user_id, purpose);
    return used.user_id;
  }

  /** Every unused token of this purpose for the user stops working (a newer one was sent, or one was used). */
  async useUpAll(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await manager.query(
      `UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose, this.clock.now()],
    );
  }

  /** When the user was last sent a token of this purpose, to make "send it again" cheap to repeat. */
  async lastIssuedAt(userId: string, purpose: AccountTokenPurpose): Promise<Date | null> {
    const rows: { created_at: Date }[] = await this.dataSource.query(
      `SELECT created_at FROM account_tokens WHERE user_id = $1 AND purpose = $2 ORDER BY created_at DESC LIMIT 1`,
      [userId, purpose],
    );
    return rows[0]?.created_at ?? null;
  }

  /** Deletes tokens that can no longer be used; run by the background purge. */
  async purgeSpent(): Promise<number> {
    const rows = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      `DELETE FROM account_tokens WHERE used_at IS NOT NULL OR expires_at <= $1 RETURNING id`,
      [new Date(this.clock.now().getTime() - 24 * 3_600_000)],
    );
    return rows.length;
  }
}
