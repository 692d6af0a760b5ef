import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { accountMessages } from '../notifications/account-messages';
import { RateLimitedError } from '../throttling/rate-limited.error';
import { RateLimitStore } from '../throttling/rate-limit-store';
import { UserEntity } from '../users/user.entity';
import { AccountMailer } from './account-mailer';
import { emailDomain, logSecurityEvent } from './security-events';

/** One password check in progress: already counted against its address and its client. */
export interface SignInAttempt {
  email: string;
  client: string;
  /** Attempts at this address in the current window, this one included. */
  accountCount: number;
}

/**
 * The one place password checks (signing in, or the current password when changing it) are
 * counted, and their failures logged and throttled. An attempt is counted before the password is
 * checked (one atomic upsert), so parallel guesses cannot slip past the limit: the Nth failure at
 * an address locks it for a window, the right password included, and tells the owner once; a
 * client address is refused after too many failures at any addresses. A right password gives its
 * count back and starts the address's count again.
 */
@Injectable()
export class SignInAttempts {
  constructor(
    private readonly limits: RateLimitStore,
    private readonly mailer: AccountMailer,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses with 429 while the client or the address is over its limit; identical for addresses with and without an account. */
  async begin(email: string, client: string): Promise<SignInAttempt> {
    const byClient = await this.limits.take('signInFailuresPerClient', client);
    if (!byClient.allowed) {
      throw new RateLimitedError(
        accountMessages.errors.tooManyFromClient(byClient.retryAfterSeconds),
        byClient.retryAfterSeconds,
      );
    }
    const byAccount = await this.limits.take('signInFailuresPerAccount', email);
    if (!byAccount.allowed) {
      // Knocking on a locked address tests no password, so it is not one of the client's failures.
      await this.limits.giveBack('signInFailuresPerClient', client);
      throw new RateLimitedError(
        accountMessages.errors.signInLocked(byAccount.retryAfterSeconds),
        byAccount.retryAfterSeconds,
      );
    }
    return { email, client, accountCount: byAccount.count };
  }

  /** A wrong password, or an address with no account: logged, and called before the refusal is answered. */
  async failed(attempt: SignInAttempt, owner: UserEntity | null): Promise<void> {
    logSecurityEvent({ event: 'sign_in_failed', emailDomain: emailDomain(attempt.email) });
    const lockout = this.config.rateLimits.signInFailuresPerAccount;
    // Exactly one attempt counts N (the upsert is atomic), so the lock and the email happen once.
    if (attempt.accountCount !== lockout.points) return;
    await this.limits.lock('signInFailuresPerAccount', attempt.email);
    logSecurityEvent({ event: 'sign_in_locked', emailDomain: emailDomain(attempt.email), userId: owner?.id ?? null });
    if (owner && !owner.disabledAt) {
      await this.dataSource.transaction((manager) => this.mailer.signInLocked(manager, owner, lockout.windowSeconds));
    }
  }

  /** The right password: the address's count starts again, and the client's point is given back. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.limits.clear('signInFailuresPerAccount', attempt.email);
    await this.limits.giveBack('signInFailuresPerClient', attempt.client);
  }

  /** Neither a guess nor a sign-in (the password was never checked, or is right for a disabled account). */
  async abandoned(attempt: SignInAttempt): Promise<void> {
    await this.limits.giveBack('signInFailuresPerAccount', attempt.email);
    await this.limits.giveBack('signInFailuresPerClient', attempt.client);
  }
}
