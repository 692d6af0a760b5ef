import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { accountMessages } from '../notifications/account-messages';
import { RateLimitedError } from '../throttling/rate-limited.error';
import { BoundedConcurrency, QueueFullError } from './bounded-concurrency';

/** How long a caller refused for a full queue is asked to wait: the queue drains in well under that. */
const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * argon2id with the library's default cost (64 MiB, 3 passes, 4 lanes). Each hash runs on one of
 * libuv's four worker threads, which also read files and resolve names: at most
 * PASSWORD_HASH_CONCURRENCY run at once, so a flood of sign-ins cannot take them all, and at most
 * PASSWORD_HASH_QUEUE wait; beyond that the caller gets 429 at once (see docs/adr/0010).
 */
@Injectable()
export class PasswordHasher {
  private readonly slots: BoundedConcurrency;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.slots = new BoundedConcurrency(config.passwordHashing.concurrency, config.passwordHashing.queueLimit);
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.bounded(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    });
  }

  private async bounded<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.slots.run(task);
    } catch (error) {
      // Busy is not a wrong password: the caller must not count it as a failed sign-in.
      if (error instanceof QueueFullError) {
        throw new RateLimitedError(accountMessages.errors.passwordCheckBusy, BUSY_RETRY_AFTER_SECONDS);
      }
      throw error;
    }
  }
}
