import { Inject, Injectable } from '@nestjs/common';
import { deleteCounting } from '../database/delete-counting';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { logSecurityEvent } from '../auth/security-events';
import { APP_CONFIG, AppConfig, RateLimitName } from '../config/app-config';
import { accountMessages } from '../notifications/account-messages';
import { RateLimitedError } from './rate-limited.error';

/** Created by migration 1795768800000 in the shape RateLimiterPostgres expects: (key, points, expire). */
export const RATE_LIMITS_TABLE = 'rate_limits';

/** One more counted against a subject: how many so far in its window, and whether that is still allowed. */
export interface RateLimitUse {
  count: number;
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * The counters behind every rate limit, one row per limit and subject in PostgreSQL, so every API
 * instance counts together (rate-limiter-flexible's RateLimiterPostgres, one atomic upsert each).
 * Subjects (an address, an email, a user id) are stored as a SHA-256 hash: the table holds no
 * personal data and no key longer than its column. The library reads the time from Date.now(),
 * not from our CLOCK; tests move a window by changing `expire` in the table.
 */
@Injectable()
export class RateLimitStore {
  private readonly limiters: Record<RateLimitName, RateLimiterPostgres>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // TypeORM's own pg pool: no second pool to size and close.
    const pool = (dataSource.driver as PostgresDriver).master;
    const limiter = (name: RateLimitName) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMITS_TABLE,
        tableCreated: true,
        // Its per-process timer would run in every instance; the background purge does it once (purgeExpired).
        clearExpiredByTimeout: false,
        keyPrefix: name,
        points: config.rateLimits[name].points,
        duration: config.rateLimits[name].windowSeconds,
      });
    this.limiters = Object.fromEntries(
      (Object.keys(config.rateLimits) as RateLimitName[]).map((name) => [name, limiter(name)]),
    ) as Record<RateLimitName, RateLimiterPostgres>;
  }

  /** Counts one use; the first use past the limit in a window is logged as a security event. */
  async take(name: RateLimitName, subject: string): Promise<RateLimitUse> {
    const limiter = this.limiters[name];
    let result: RateLimiterRes;
    try {
      result = await limiter.consume(hashed(subject));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      result = refusal;
    }
    const allowed = result.consumedPoints <= limiter.points;
    if (result.consumedPoints === limiter.points + 1) logSecurityEvent({ event: 'rate_limited', limit: name });
    return { count: result.consumedPoints, allowed, retryAfterSeconds: result.msBeforeNext / 1000 };
  }

  /** Counts one use and refuses it with a 429 past the limit, in words for a client or for an account. */
  async enforce(name: RateLimitName, subject: string): Promise<void> {
    const use = await this.take(name, subject);
    if (use.allowed) return;
    // Registering counts per inbox, with or without an account: "this account" would be wrong, and the
    // same words for every address say nothing about which have one.
    const words =
      name === 'registrationsPerAccount' || name === 'registrationRestartsPerAccount'
        ? accountMessages.errors.tooManyRegistrations
        : name.endsWith('PerClient')
          ? accountMessages.errors.tooManyFromClient
          : name.endsWith('PerLink')
            ? accountMessages.errors.tooManyForLink
            : accountMessages.errors.tooManyForAccount;
    throw new RateLimitedError(words(use.retryAfterSeconds), use.retryAfterSeconds);
  }

  /** Takes back one use that turned out not to count (a right password, a request never checked). */
  async giveBack(name: RateLimitName, subject: string): Promise<void> {
    await this.limiters[name].reward(hashed(subject));
  }

  /** Starts the count again, as a successful sign-in does for its address. */
  async clear(name: RateLimitName, subject: string): Promise<void> {
    await this.limiters[name].delete(hashed(subject));
  }

  /** Refuses the subject for a whole window from now, whatever its count. */
  async lock(name: RateLimitName, subject: string): Promise<void> {
    const limiter = this.limiters[name];
    await limiter.block(hashed(subject), limiter.duration);
  }

  /**
   * Deletes counters whose window ended over an hour ago; run by the background purge, once across
   * all instances. `expire` is the library's Date.now() in milliseconds, so this compares it with
   * the database's clock (not our CLOCK, which a simulation moves); the hour absorbs any skew.
   */
  async purgeExpired(): Promise<number> {
    return deleteCounting(
      this.dataSource.manager,
      `DELETE FROM ${RATE_LIMITS_TABLE} WHERE expire < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 3600000`,
    );
  }
}

function hashed(subject: string): string {
  return createHash('sha256').update(subject).digest('base64url');
}
